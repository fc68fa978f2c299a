//! Start-to-exit time of programs in a pseudo-terminal, run alternately:
//!
//! `pty_startup [--runs N] [--warmup N] [--cols C] [--rows R] [--show] NAME=COMMAND…`
//!
//! Each COMMAND (split on whitespace) runs in a fresh pty of C×R with TERM=xterm-256color
//! and KANSRIJK_EXIT_AFTER_FIRST_FRAME=1; the clock runs from spawning to the exit being
//! reaped, while a thread drains the output. Per NAME it prints the median, range and
//! mean in milliseconds, and each median's ratio to the last NAME's (the floor).
//! `--show` prints the first frame of each program's last run, as a terminal shows it.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::num::NonZeroU16;
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Program {
    name: String,
    argv: Vec<String>,
    times: Vec<Duration>,
    output_bytes: usize,
    last_output: Vec<u8>,
}

/// Runs `argv` once in a new pty; returns the time to exit and everything it wrote.
fn run_once(argv: &[String], cols: u16, rows: u16) -> anyhow::Result<(Duration, Vec<u8>)> {
    let pair = native_pty_system().openpty(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut cmd = CommandBuilder::new(&argv[0]);
    cmd.cwd(std::env::current_dir()?);
    cmd.args(&argv[1..]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("KANSRIJK_EXIT_AFTER_FIRST_FRAME", "1");
    cmd.env_remove("NO_COLOR");
    let mut reader = pair.master.try_clone_reader()?;
    let drain = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = reader.read_to_end(&mut out);
        out
    });
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd)?;
    let status = child.wait()?;
    let elapsed = start.elapsed();
    drop(pair.slave);
    drop(pair.master);
    let out = drain.join().unwrap_or_default();
    if !status.success() {
        anyhow::bail!(
            "{} exited with {status:?}: {}",
            argv.join(" "),
            String::from_utf8_lossy(&out)
        );
    }
    Ok((elapsed, out))
}

/// The screen as it was just before the program left the alternate screen.
fn first_frame(out: &[u8], cols: u16, rows: u16) -> String {
    let leave = b"\x1b[?1049l";
    let end = out
        .windows(leave.len())
        .position(|w| w == leave)
        .unwrap_or(out.len());
    let (Some(rows), Some(cols)) = (NonZeroU16::new(rows), NonZeroU16::new(cols)) else {
        return String::new();
    };
    let mut parser = vt100::Parser::new(rows, cols, 0);
    parser.process(&out[..end]);
    parser.screen().contents()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(sorted: &[Duration]) -> Duration {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pty_startup: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let (mut runs, mut warmup, mut cols, mut rows, mut show) = (30usize, 3usize, 120, 40, false);
    let mut programs: Vec<Program> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || -> anyhow::Result<String> {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--runs" => runs = value()?.parse()?,
            "--warmup" => warmup = value()?.parse()?,
            "--cols" => cols = value()?.parse()?,
            "--rows" => rows = value()?.parse()?,
            "--show" => show = true,
            _ => {
                let (name, command) = arg
                    .split_once('=')
                    .ok_or_else(|| anyhow::anyhow!("expected NAME=COMMAND, got {arg:?}"))?;
                let mut argv: Vec<String> = command.split_whitespace().map(String::from).collect();
                anyhow::ensure!(!argv.is_empty(), "empty command for {name}");
                if argv[0].contains('/') {
                    // portable-pty looks up relative program names in PATH only.
                    let path = std::fs::canonicalize(&argv[0])
                        .map_err(|e| anyhow::anyhow!("{}: {e}", argv[0]))?;
                    argv[0] = path.to_string_lossy().into_owned();
                }
                programs.push(Program {
                    name: name.to_string(),
                    argv,
                    times: Vec::with_capacity(runs),
                    output_bytes: 0,
                    last_output: Vec::new(),
                });
            }
        }
    }
    anyhow::ensure!(!programs.is_empty(), "no NAME=COMMAND given");
    anyhow::ensure!(runs > 0, "--runs must be at least 1");
    for _ in 0..warmup {
        for p in &programs {
            run_once(&p.argv, cols, rows)?;
        }
    }
    // Alternate, and flip the order every round, so drift hits all programs alike.
    for round in 0..runs {
        let order: Vec<usize> = if round % 2 == 0 {
            (0..programs.len()).collect()
        } else {
            (0..programs.len()).rev().collect()
        };
        for i in order {
            let p = &mut programs[i];
            let (t, out) = run_once(&p.argv, cols, rows)?;
            p.times.push(t);
            p.output_bytes = out.len();
            p.last_output = out;
        }
    }
    println!("{runs} runs each after {warmup} warm-up runs, alternating, pty {cols}x{rows}; ms");
    println!(
        "{:<12} {:>9} {:>9} {:>9} {:>9} {:>12}",
        "program", "median", "min", "max", "mean", "output bytes"
    );
    let mut medians = Vec::new();
    for p in &mut programs {
        p.times.sort();
        let mean = p.times.iter().sum::<Duration>() / p.times.len() as u32;
        let m = median(&p.times);
        medians.push(m);
        println!(
            "{:<12} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>12}",
            p.name,
            ms(m),
            ms(p.times[0]),
            ms(p.times[p.times.len() - 1]),
            ms(mean),
            p.output_bytes
        );
    }
    if let Some(floor) = medians.last().copied().filter(|_| programs.len() > 1) {
        let last = programs.len() - 1;
        for (p, m) in programs.iter().zip(&medians).take(last) {
            println!(
                "ratio {} / {}: {:.2}",
                p.name,
                programs[last].name,
                m.as_secs_f64() / floor.as_secs_f64()
            );
        }
    }
    if show {
        for p in &programs {
            println!("--- first frame of {} ---", p.name);
            println!("{}", first_frame(&p.last_output, cols, rows));
        }
    }
    Ok(())
}
