//! Per-key latency as a distribution (median, p90, p99, max), which criterion's averaged
//! samples do not give: each key is timed on its own with `Instant`. Covers `update` +
//! `view` into a `TestBackend`, and the whole input path through `Runtime::dispatch`
//! (update, serializing the session for the saver, queueing it; the saver thread writes
//! with fsync in the background meanwhile, as in the app).
//!
//! `cargo bench --bench latency [-- FILTER]`; `KANSRIJK_LATENCY_KEYS` (4,000) and
//! `KANSRIJK_LATENCY_WARMUP` (400) set the counts. Not a test: nothing fails for being slow.
//! Without `--bench` (e.g. `cargo test --benches`) it runs a few keys only.

mod common;

use kansrijk::app::screens::list::Move;
use kansrijk::app::screens::start::{StartMsg, msg as start_msg};
use kansrijk::app::{self, Model, Msg};

fn start_move(to: Move) -> Msg {
    start_msg(StartMsg::Move(to))
}
use kansrijk::runtime::Runtime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Criterion's flags that take a value, so that `cargo bench -- --warm-up-time 1` passes.
const VALUE_FLAGS: &[&str] = &[
    "--warm-up-time",
    "--measurement-time",
    "--sample-size",
    "--save-baseline",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "--noise-threshold",
    "--confidence-level",
    "--significance-level",
    "--nresamples",
    "--output-format",
    "--color",
    "--plotting-backend",
    "--profile-time",
    "--format",
];

struct Options {
    filter: Option<String>,
    keys: usize,
    warmup: usize,
}

fn options() -> Options {
    let mut filter = None;
    let mut bench = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--bench" {
            bench = true;
        } else if VALUE_FLAGS.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') && filter.is_none() {
            filter = Some(arg);
        }
    }
    let env = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    if bench {
        Options {
            filter,
            keys: env("KANSRIJK_LATENCY_KEYS", 4_000),
            warmup: env("KANSRIJK_LATENCY_WARMUP", 400),
        }
    } else {
        Options {
            filter,
            keys: 8,
            warmup: 2,
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn micros(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e6)
}

/// Times `keys` calls of `step` one by one, after `warmup` untimed ones, and prints a row.
fn measure(opts: &Options, name: &str, mut step: impl FnMut()) {
    if opts.filter.as_deref().is_some_and(|f| !name.contains(f)) {
        return;
    }
    for _ in 0..opts.warmup {
        step();
    }
    let mut times = Vec::with_capacity(opts.keys);
    for _ in 0..opts.keys {
        let start = Instant::now();
        step();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{name:<44} {:>9} {:>9} {:>9} {:>9} {:>9}",
        micros(percentile(&times, 0.0)),
        micros(percentile(&times, 0.5)),
        micros(percentile(&times, 0.9)),
        micros(percentile(&times, 0.99)),
        micros(percentile(&times, 1.0)),
    );
}

fn draw(terminal: &mut Terminal<TestBackend>, model: &Model) {
    terminal
        .draw(|f| kansrijk::ui::view(f, model))
        .expect("draw");
}

/// update + view for each message of `keys`.
fn update_view(
    opts: &Options,
    name: &str,
    mut model: Model,
    (w, h): (u16, u16),
    mut keys: impl Iterator<Item = Msg>,
) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    measure(opts, name, || {
        black_box(app::update(&mut model, keys.next().expect("endless")));
        draw(&mut terminal, &model);
    });
}

/// The whole input path as in the event loop: dispatch (with the real runtime and its
/// saver thread writing into `dir`), poll save results, draw.
fn input_path(
    opts: &Options,
    name: &str,
    dir: &Path,
    mut model: Model,
    (w, h): (u16, u16),
    mut keys: impl Iterator<Item = Msg>,
) {
    let mut runtime = Runtime::new(dir.to_path_buf());
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    measure(opts, name, || {
        runtime.dispatch(&mut model, keys.next().expect("endless"));
        runtime.poll_saves(&mut model);
        draw(&mut terminal, &model);
    });
    runtime.flush(&mut model);
}

fn main() {
    let opts = options();
    println!(
        "per key, {} keys after {} warm-up keys; microseconds",
        opts.keys, opts.warmup
    );
    println!(
        "{:<44} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "scenario", "min", "median", "p90", "p99", "max"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    for (w, h) in [(80, 24), (120, 40), (240, 70)] {
        let model = common::scan_model(dir.path(), common::sitting_session(), w, h);
        update_view(
            &opts,
            &format!("scan_key update+view {w}x{h}"),
            model,
            (w, h),
            common::scan_keys(),
        );
    }
    let size = (120, 40);
    let note_model = || {
        let mut model = common::scan_model(dir.path(), common::note_session(), size.0, size.1);
        let _ = app::update(
            &mut model,
            kansrijk::app::screens::scan::msg(kansrijk::app::screens::scan::ScanMsg::EditNote),
        );
        assert!(model.is_editing(), "the note editor is open");
        model
    };
    update_view(
        &opts,
        "note_key update+view 120x40",
        note_model(),
        size,
        common::note_keys(),
    );
    let model = common::scan_model(dir.path(), common::sitting_session(), size.0, size.1);
    input_path(
        &opts,
        "scan_key input path (dispatch+save) 120x40",
        dir.path(),
        model,
        size,
        common::scan_keys(),
    );
    input_path(
        &opts,
        "note_key input path (dispatch+save) 120x40",
        dir.path(),
        note_model(),
        size,
        common::note_keys(),
    );
    // A session of 10 MB: serializing it takes tens of milliseconds, which must happen
    // on the saver thread, never between a key and its frame.
    let large = common::large_session(10 * 1024 * 1024);
    let large_size = kansrijk::store::serialize(&large)
        .map(|t| t.len())
        .unwrap_or(0);
    println!("(10 MB session: {:.1} MB as RON)", large_size as f64 / 1e6);
    let model = common::scan_model(dir.path(), large.clone(), size.0, size.1);
    input_path(
        &opts,
        "scan_key input path (dispatch+save) 10 MB session",
        dir.path(),
        model,
        size,
        common::scan_keys(),
    );
    let mut model = common::scan_model(dir.path(), large, size.0, size.1);
    let _ = app::update(
        &mut model,
        kansrijk::app::screens::scan::msg(kansrijk::app::screens::scan::ScanMsg::EditNote),
    );
    assert!(model.is_editing(), "the note editor is open");
    input_path(
        &opts,
        "note_key input path (dispatch+save) 10 MB session",
        dir.path(),
        model,
        size,
        common::note_keys(),
    );
    for count in [1_000, 36] {
        update_view(
            &opts,
            &format!("start_key {count} sessions update+view 120x40"),
            common::start_model(dir.path(), count, size.0, size.1),
            size,
            [start_move(Move::Next), start_move(Move::Previous)]
                .into_iter()
                .cycle(),
        );
    }
}
