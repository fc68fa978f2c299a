//! Criterion benchmarks: what a user feels (a key on the quick scan, a key in the note
//! editor, the start screen with 1,000 sessions) and what the disk costs (save, load,
//! serialize, list). Benchmarks are not tests: nothing fails for being slow.
//! See docs/PERFORMANCE.md for the method, the targets and the latest figures.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use kansrijk::app::screens::list::Move;
use kansrijk::app::screens::start::{StartMsg, msg as start_msg};
use kansrijk::app::{self, Msg};

fn start_move(to: Move) -> Msg {
    start_msg(StartMsg::Move(to))
}
use kansrijk::content::Content;
use kansrijk::runtime::Runtime;
use kansrijk::session::Session;
use kansrijk::store;
use kansrijk::ui::widgets::radar::{Radar, Series};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (240, 70)];

fn bench_scan_keys(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("scan_key_update_view");
    for (w, h) in SIZES {
        let mut model = common::scan_model(dir.path(), common::sitting_session(), w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut keys = common::scan_keys();
        group.bench_function(BenchmarkId::from_parameter(format!("{w}x{h}")), |b| {
            b.iter(|| {
                let msg = keys.next().expect("endless");
                black_box(app::update(&mut model, msg));
                terminal
                    .draw(|f| kansrijk::ui::view(f, &model))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

/// A key typed into the note editor holding 2,000 characters: alternately 'a' and
/// Backspace, so the note stays the same size. Every key changes the note, so `update`
/// also clones the session for the save effect, as it does when typing.
fn bench_note_key(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group("note_key_update_view");
    let (w, h) = (120, 40);
    let mut model = common::scan_model(dir.path(), common::note_session(), w, h);
    let _ = app::update(
        &mut model,
        kansrijk::app::screens::scan::msg(kansrijk::app::screens::scan::ScanMsg::EditNote),
    );
    assert!(model.is_editing(), "the note editor is open");
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let mut keys = common::note_keys();
    group.bench_function(BenchmarkId::from_parameter(format!("{w}x{h}")), |b| {
        b.iter(|| {
            let msg = keys.next().expect("endless");
            black_box(app::update(&mut model, msg));
            terminal
                .draw(|f| kansrijk::ui::view(f, &model))
                .expect("draw");
        })
    });
    // The same key plus what the runtime does on the input thread with the Save effect
    // before handing it to the saver thread: serialize the whole session.
    group.bench_function(
        BenchmarkId::new("with_serialize", format!("{w}x{h}")),
        |b| {
            b.iter(|| {
                let msg = keys.next().expect("endless");
                for effect in app::update(&mut model, msg) {
                    if let app::Effect::Save { .. } = effect {
                        let open = model.open.as_ref().expect("a session is open");
                        black_box(store::serialize(&open.session).expect("serialize"));
                    }
                }
                terminal
                    .draw(|f| kansrijk::ui::view(f, &model))
                    .expect("draw");
            })
        },
    );
    group.finish();
}

/// The start screen with 1,000 sessions listed: Down / Up, update + view at 120×40; and
/// with 36 sessions, which is what drawing only the visible rows would cost.
fn bench_start_keys(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (w, h) = (120, 40);
    let mut group = c.benchmark_group("start_key_update_view_120x40");
    for count in [1_000, 36] {
        let mut model = common::start_model(dir.path(), count, w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut keys = [start_move(Move::Next), start_move(Move::Previous)]
            .into_iter()
            .cycle();
        group.bench_function(BenchmarkId::new("sessions", count), |b| {
            b.iter(|| {
                let msg = keys.next().expect("endless");
                black_box(app::update(&mut model, msg));
                terminal
                    .draw(|f| kansrijk::ui::view(f, &model))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

/// The radar widget alone, with rings, axes, labels and two series, into a Buffer.
fn bench_radar(c: &mut Criterion) {
    let labels: Vec<String> = ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let series = vec![
        Series {
            scores: vec![Some(3.5), Some(2.0), Some(4.25), None, Some(1.5)],
            color: Color::Magenta,
            marker: "●",
        },
        Series {
            scores: vec![Some(4.0), Some(3.0), Some(3.5), Some(2.5), Some(2.0)],
            color: Color::Cyan,
            marker: "■",
        },
    ];
    let mut group = c.benchmark_group("radar_render");
    for (w, h) in [(50, 20), (100, 50)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        group.bench_function(BenchmarkId::from_parameter(format!("{w}x{h}")), |b| {
            b.iter(|| {
                buf.reset();
                Radar {
                    labels: &labels,
                    series: &series,
                    ring_color: Color::DarkGray,
                    label_style: Style::default(),
                }
                .render(area, &mut buf);
                black_box(&buf);
            })
        });
    }
    group.finish();
}

/// A large session: 50 texts of 2,000 characters (about 100 KB on disk).
fn large_session() -> Session {
    let content = Content::embedded().expect("embedded content is valid");
    common::session(&content, 1, 50, 2_000)
}

fn bench_store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = large_session();
    let path = dir.path().join(format!("{}.{}", session.id, store::EXT));
    let text = store::serialize(&session).expect("serialize");
    let bytes = text.len() as u64;
    let mut group = c.benchmark_group("store_large_session");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("serialize", |b| {
        b.iter(|| black_box(store::serialize(black_box(&session)).expect("serialize")))
    });
    group.bench_function("save_with_fsync", |b| {
        b.iter(|| store::save(&path, black_box(&session)).expect("save"))
    });
    group.bench_function("load", |b| {
        b.iter(|| black_box(store::load(&path).expect("load")))
    });
    group.bench_function("header_only_parse", |b| {
        b.iter(|| black_box(kansrijk::session::header_from_ron(&text).expect("header")))
    });
    group.finish();
}

fn bench_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = common::write_folder(dir.path(), 1_000, common::FOLDER_NOTES, common::NOTE_CHARS)
        .expect("write the folder");
    let total: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    let ron_index = prototype::write_index(dir.path(), &paths, prototype::Format::Ron);
    let json_index = prototype::write_index(dir.path(), &paths, prototype::Format::Json);
    let mut group = c.benchmark_group("list_folder_1000_sessions_60kb");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total));
    group.bench_function("store_list", |b| {
        b.iter(|| {
            let entries = store::list(dir.path()).expect("list");
            assert_eq!(entries.len(), 1_000);
            black_box(entries)
        })
    });
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("prototype_header_prefix", |b| {
        b.iter(|| black_box(prototype::list_by_prefix(dir.path())))
    });
    group.bench_function("prototype_index_file_ron", |b| {
        b.iter(|| {
            black_box(prototype::list_by_index(
                dir.path(),
                &ron_index,
                prototype::Format::Ron,
            ))
        })
    });
    group.bench_function("prototype_index_file_json", |b| {
        b.iter(|| {
            black_box(prototype::list_by_index(
                dir.path(),
                &json_index,
                prototype::Format::Json,
            ))
        })
    });
    group.bench_function("read_dir_and_stat_only", |b| {
        b.iter(|| black_box(prototype::stat_all(dir.path())))
    });
    // Enter on the start screen: the runtime's Open effect (load, lock, and whatever else
    // opening does in a folder of 1,000 sessions), then Close to release the lock again.
    group.throughput(Throughput::Elements(1));
    let mut runtime = Runtime::new(dir.path().to_path_buf());
    let path = paths[500].clone();
    group.bench_function("open_one_session", |b| {
        b.iter(|| {
            let Some(Msg::Opened(Ok(opened))) = runtime.perform(app::Effect::Open(path.clone()))
            else {
                panic!("the session did not open");
            };
            black_box(runtime.perform(app::Effect::Close {
                path: path.clone(),
                generation: 0,
                session: Box::new(opened.session),
            }));
        })
    });
    group.finish();
}

/// The note editor's text area with 2,000 characters, rendered into the popup of the scan
/// screen at 120×40: as `ui::scan::draw` does it (a clone per frame with the block set on
/// the clone) and as proposed (the block set once, the model's text area rendered by
/// reference, so its wrap map and scroll position persist between frames).
fn bench_textarea(c: &mut Criterion) {
    use ratatui::widgets::Block;
    use ratatui_textarea::{Input, Key, TextArea, WrapMode};
    let mut rng = common::Rng::new(42);
    let text = common::note_text(&mut rng, 2_000);
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut textarea = TextArea::new(lines);
    textarea.set_wrap_mode(WrapMode::Word);
    textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
    textarea.move_cursor(ratatui_textarea::CursorMove::End);
    let area = Rect::new(0, 0, 66, 36);
    let mut buf = Buffer::empty(area);
    let block = || {
        Block::bordered()
            .title(" Notitie ")
            .title_bottom(" Esc: klaar ")
    };
    let keys = [Key::Char('a'), Key::Backspace];
    let mut group = c.benchmark_group("note_editor_key_and_render");
    let mut n = 0usize;
    let mut clone_per_frame = textarea.clone();
    group.bench_function("clone_per_frame", |b| {
        b.iter(|| {
            n += 1;
            clone_per_frame.input(Input {
                key: keys[n % 2],
                ..Default::default()
            });
            let mut ta = clone_per_frame.clone();
            ta.set_block(block());
            ta.set_cursor_line_style(Style::default());
            (&ta).render(area, &mut buf);
            black_box(&buf);
        })
    });
    let mut persistent = textarea;
    persistent.set_block(block());
    persistent.set_cursor_line_style(Style::default());
    group.bench_function("proposed_persistent", |b| {
        b.iter(|| {
            n += 1;
            persistent.input(Input {
                key: keys[n % 2],
                ..Default::default()
            });
            (&persistent).render(area, &mut buf);
            black_box(&buf);
        })
    });
    group.finish();
}

/// Prototypes of the listing proposed in docs/PERFORMANCE.md, built on the public API only,
/// to show what they would cost. Not used by the app.
mod prototype {
    use kansrijk::session::{Header, header_from_ron};
    use std::fs;
    use std::io::Read;
    use std::path::{Path, PathBuf};

    /// The index file's format: RON like the sessions, or JSON (serde_json is a dependency).
    #[derive(Clone, Copy)]
    pub enum Format {
        Ron,
        Json,
    }

    /// Reads a session file only up to its first field after the header (`notes`), and
    /// parses that part; the whole file only when the marker is not in the first 4 KiB.
    pub fn header_by_prefix(path: &Path) -> Option<Header> {
        let mut file = fs::File::open(path).ok()?;
        let mut buf = vec![0; 4 * 1024];
        let mut len = 0;
        while len < buf.len() {
            let n = file.read(&mut buf[len..]).ok()?;
            if n == 0 {
                break;
            }
            len += n;
        }
        let head = &buf[..len];
        let marker = b"\n    notes:";
        match head.windows(marker.len()).position(|w| w == marker) {
            Some(end) => {
                let mut text = String::from_utf8(head[..end].to_vec()).ok()?;
                text.push_str("\n)");
                header_from_ron(&text).ok()
            }
            None => header_from_ron(&fs::read_to_string(path).ok()?).ok(),
        }
    }

    pub fn list_by_prefix(dir: &Path) -> Vec<(PathBuf, Header)> {
        let mut out: Vec<(PathBuf, Header)> = fs::read_dir(dir)
            .expect("read_dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| kansrijk::store::is_session_file(p))
            .filter_map(|p| header_by_prefix(&p).map(|h| (p, h)))
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.1.updated));
        assert_eq!(out.len(), 1_000);
        out
    }

    /// One entry of a hidden index file: the file's name, size and modification time (to
    /// tell whether the entry is still valid) and its header.
    type IndexEntry = (String, u64, u64, Header);

    fn stamp(path: &Path) -> Option<(u64, u64)> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some((meta.len(), u64::try_from(modified).ok()?))
    }

    pub fn write_index(dir: &Path, paths: &[PathBuf], format: Format) -> PathBuf {
        let entries: Vec<IndexEntry> = paths
            .iter()
            .map(|p| {
                let (len, modified) = stamp(p).expect("stat");
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                (name, len, modified, header_by_prefix(p).expect("header"))
            })
            .collect();
        let (path, text) = match format {
            Format::Ron => (
                dir.join(".kansrijk-index.ron"),
                ron::to_string(&entries).expect("index"),
            ),
            Format::Json => (
                dir.join(".kansrijk-index.json"),
                serde_json::to_string(&entries).expect("index"),
            ),
        };
        fs::write(&path, text).expect("write index");
        path
    }

    /// Reads the index, checks every session file against it with one `stat`, and would
    /// re-read only files that changed (none here).
    pub fn list_by_index(dir: &Path, index: &Path, format: Format) -> Vec<(PathBuf, Header)> {
        let text = fs::read_to_string(index).expect("read index");
        let entries: Vec<IndexEntry> = match format {
            Format::Ron => ron::from_str(&text).expect("parse index"),
            Format::Json => serde_json::from_str(&text).expect("parse index"),
        };
        let mut known: std::collections::HashMap<String, (u64, u64, Header)> = entries
            .into_iter()
            .map(|(name, len, modified, header)| (name, (len, modified, header)))
            .collect();
        let mut out = Vec::with_capacity(known.len());
        for entry in fs::read_dir(dir).expect("read_dir").filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let header = match (known.remove(&name), stamp(&path)) {
                (Some((len, modified, header)), Some(now)) if now == (len, modified) => header,
                _ => header_by_prefix(&path).expect("changed file"),
            };
            out.push((path, header));
        }
        out.sort_by_key(|e| std::cmp::Reverse(e.1.updated));
        assert_eq!(out.len(), 1_000);
        out
    }

    /// The floor of any listing that checks each file: the folder read, one `stat` each.
    pub fn stat_all(dir: &Path) -> usize {
        fs::read_dir(dir)
            .expect("read_dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
            .filter_map(|e| stamp(&e.path()))
            .count()
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

criterion_group! {
    name = ui;
    config = config();
    targets = bench_scan_keys, bench_note_key, bench_textarea, bench_start_keys, bench_radar
}
criterion_group! {
    name = disk;
    config = config();
    targets = bench_store, bench_list
}
criterion_main!(ui, disk);
