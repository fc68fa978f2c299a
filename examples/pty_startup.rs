//! Start-to-exit time of programs in a pseudo-terminal, run alternately:
//!
//! `pty_startup [--runs N] [--warmup N] [--cols C] [--rows R] [--show] NAME[@TEXT]=COMMAND…`
//!
//! Each COMMAND (split on whitespace) runs in a fresh pty of C×R with TERM=xterm-256color.
//! The clock runs from spawning until TEXT is on the screen, as a terminal shows it (a
//! thread feeds everything the program writes into a vt100 screen and looks after every
//! read); then the program is killed. `_` in TEXT stands for a space. Without `@TEXT`,
//! the clock runs until the program exits by itself. The same COMMAND may be given under
//! several names with different TEXTs (e.g. the first frame and the list). Per NAME it
//! prints the median, range and mean in milliseconds, and each median's ratio to the last
//! NAME's (the floor). `--show` prints the screen at the stop of each program's last run.
//! `--quit KEYS` types KEYS once TEXT is seen and waits for the program to end by itself
//! instead of killing it (for a wrapper such as `/usr/bin/time`).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Program {
    name: String,
    until: Option<String>,
    argv: Vec<String>,
    times: Vec<Duration>,
    output_bytes: usize,
    last_output: Vec<u8>,
}

/// Runs `argv` once in a new pty; returns the time until `until` is on screen (or, without
/// it, until the program exits) and everything it wrote until then.
fn run_once(
    argv: &[String],
    until: Option<&str>,
    quit: Option<&str>,
    cols: u16,
    rows: u16,
) -> anyhow::Result<(Duration, Vec<u8>)> {
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
    cmd.env_remove("NO_COLOR");
    let mut reader = pair.master.try_clone_reader()?;
    let (seen_tx, seen_rx) = std::sync::mpsc::channel::<Instant>();
    let marker = until.map(str::to_string);
    let screen_size = NonZeroU16::new(rows).zip(NonZeroU16::new(cols));
    let drain = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut parser = screen_size.map(|(rows, cols)| vt100::Parser::new(rows, cols, 0));
        let mut buf = [0u8; 64 * 1024];
        let mut seen = false;
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    out.extend_from_slice(&buf[..n]);
                    if let (Some(text), Some(parser)) =
                        (marker.as_deref().filter(|_| !seen), parser.as_mut())
                    {
                        // A program that leaves the alternate screen in the same write
                        // as its frame: look at the screen just before it leaves, too.
                        let chunk = &buf[..n];
                        let leave = b"\x1b[?1049l";
                        let cut = chunk
                            .windows(leave.len())
                            .position(|w| w == leave)
                            .unwrap_or(chunk.len());
                        for part in [&chunk[..cut], &chunk[cut..]] {
                            parser.process(part);
                            if !seen && parser.screen().contents().contains(text) {
                                seen = true;
                                let _ = seen_tx.send(Instant::now());
                            }
                        }
                    }
                }
            }
        }
        out
    });
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd)?;
    let elapsed = if until.is_some() {
        let at = seen_rx.recv_timeout(Duration::from_secs(20));
        // Either type the quit keys and let the program end by itself (so a wrapper such
        // as /usr/bin/time can report), or end it.
        let quitted = match quit {
            Some(keys) if at.is_ok() => {
                let mut writer = pair.master.take_writer()?;
                writer.write_all(keys.as_bytes())?;
                writer.flush()?;
                let deadline = Instant::now() + Duration::from_secs(10);
                loop {
                    if child.try_wait()?.is_some() {
                        break true;
                    }
                    if Instant::now() > deadline {
                        break false;
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            _ => false,
        };
        if !quitted {
            let _ = child.kill();
            let _ = child.wait();
        }
        match at {
            Ok(at) => at - start,
            Err(_) => anyhow::bail!("{:?} did not appear within 20 s", until.unwrap_or("")),
        }
    } else {
        let status = child.wait()?;
        let elapsed = start.elapsed();
        if !status.success() {
            anyhow::bail!("{} exited with {status:?}", argv.join(" "));
        }
        elapsed
    };
    drop(pair.slave);
    drop(pair.master);
    let out = drain.join().unwrap_or_default();
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
    let mut quit: Option<String> = None;
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
            "--quit" => quit = Some(value()?),
            _ => {
                let (label, command) = arg
                    .split_once('=')
                    .ok_or_else(|| anyhow::anyhow!("expected NAME=COMMAND, got {arg:?}"))?;
                let (name, until) = match label.split_once('@') {
                    Some((name, text)) => (name, Some(text.replace('_', " "))),
                    None => (label, None),
                };
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
                    until,
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
            run_once(&p.argv, p.until.as_deref(), quit.as_deref(), cols, rows)?;
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
            let (t, out) = run_once(&p.argv, p.until.as_deref(), quit.as_deref(), cols, rows)?;
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
            println!("--- screen at the stop of {} ---", p.name);
            println!("{}", first_frame(&p.last_output, cols, rows));
        }
    }
    Ok(())
}
