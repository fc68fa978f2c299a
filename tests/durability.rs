//! Nothing lost, nobody in: proof by fault injection.
//!
//! - A writer process is killed with SIGKILL at random moments, hundreds of times: every
//!   session file still parses and holds every save that was acknowledged.
//! - The real TUI is killed with SIGKILL while typing: the file always parses.
//! - SIGTERM, SIGHUP and SIGINT save everything typed; a panic restores the terminal,
//!   saves, and says where the session is without quoting it.
//! - One writer: a second process opens read-only and names the holder; a holder killed
//!   with SIGKILL leaves nothing that blocks the next one.
//! - Disk full and a read-only file system (real tmpfs mounts; root only, so
//!   `#[ignore]`d, run with `--ignored`): the previous version stays, the message is Dutch, the text is kept.
//! - The order of system calls of a save (strace; `#[ignore]`d), and no network crates.
//!
//! Each test prints its figures (`cargo test --test durability -- --nocapture`) and a
//! one-line summary on stderr.
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

/// One line on stderr past the test harness's capture (which also takes `eprintln!`), so
/// that the figures show in every run, not only for failures.
macro_rules! summary {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod support;
use support::sample_session;

use kansrijk::session::{Mode, Session};
use kansrijk::store::{self, ListEntry};
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Helpers

/// xorshift64*: small, seedable, good enough to spread kill moments.
struct Rng(u64);

impl Rng {
    /// Seeded from `KANSRIJK_CRASH_SEED` (to replay a run) or the clock.
    fn from_env_or_time() -> (Self, u64) {
        let seed = std::env::var("KANSRIJK_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0x9E37_79B9_7F4A_7C15)
            })
            | 1;
        (Rng(seed), seed)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..=max`.
    fn below(&mut self, max: u64) -> u64 {
        self.next() % (max + 1)
    }
}

/// Names in `dir` that are temp files of a save (`.NAME.ron.kansrijk-tmp-XXXXXX`).
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read the sessions folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.contains(".kansrijk-tmp-"))
        .collect()
}

/// The line a writer child appends per save.
fn line(n: u64) -> String {
    format!("regel {n}: een gedachte over vertrouwen tussen partners")
}

/// The child processes of these tests are this test binary itself, started with one
/// test selected and this variable saying what to do.
const CHILD: &str = "KANSRIJK_DURABILITY_CHILD";

fn child_command(role: &str, path: &Path) -> Command {
    let exe = std::env::current_exe().expect("the test binary");
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        "child_process",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD, format!("{role}:{}", path.display()));
    cmd
}

/// Not a test of its own: the body of the child processes (does nothing without `CHILD`).
#[test]
fn child_process() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let (role, path) = spec.split_once(':').expect("role:path");
    let path = PathBuf::from(path);
    let out = |s: String| {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{s}");
        let _ = stdout.flush();
    };
    match role {
        // Append a line to a note and save, forever; `SAVED n` after each save returned.
        "writer" => {
            let opened = store::open(&path).expect("the writer cannot open the session");
            if let Some(reason) = opened.read_only {
                out(format!("READONLY {reason}"));
                return;
            }
            let mut session = opened.session;
            let mut note = session.notes.get("ambitie").cloned().unwrap_or_default();
            let mut n = note.lines().count() as u64;
            out(format!("READY {n}"));
            loop {
                n += 1;
                note.push_str(&line(n));
                note.push('\n');
                session.notes.insert("ambitie".into(), note.clone());
                store::save(&path, &session).expect("save");
                out(format!("SAVED {n}"));
            }
        }
        // Hold the lock until killed (or for a minute at most).
        "holder" => {
            let opened = store::open(&path).expect("the holder cannot open the session");
            assert!(opened.read_only.is_none(), "{:?}", opened.read_only);
            out(format!("LOCKED {}", std::process::id()));
            std::thread::sleep(Duration::from_secs(60));
        }
        // One save, for strace.
        "save-once" => {
            let mut session = store::load(&path).expect("load");
            session.notes.insert("ambitie".into(), "na strace".into());
            store::save(&path, &session).expect("save");
            out("DONE".to_string());
        }
        other => panic!("unknown child role {other}"),
    }
}

/// A child with its stdout read line by line on a thread.
struct Running {
    child: std::process::Child,
    lines: mpsc::Receiver<String>,
}

impl Running {
    fn start(mut cmd: Command) -> Self {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start the child process");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running { child, lines }
    }

    /// Waits for a line starting with `prefix`; returns it.
    fn wait_line(&mut self, prefix: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                // libtest prints "test child_process ... " without a newline first.
                Ok(line) if line.contains(prefix) => {
                    return line[line.find(prefix).unwrap_or(0)..].to_string();
                }
                Ok(line) if line.contains("READONLY") => {
                    let _ = self.child.kill();
                    panic!("the child opened read-only: {line}");
                }
                Ok(_) => continue,
                Err(_) => {
                    let _ = self.child.kill();
                    let out = self.child.wait_with_output_stderr();
                    panic!("no {prefix:?} line from the child within {timeout:?}; stderr:\n{out}");
                }
            }
        }
    }

    /// SIGKILL; then every line it wrote before it died.
    fn kill_9(mut self) -> Vec<String> {
        let _ = self.child.kill();
        let status = self.child.wait().expect("wait for the child");
        assert!(
            status.signal() == Some(9) || status.success(),
            "the child ended on its own with {status:?}: {}",
            self.child.wait_with_output_stderr()
        );
        self.lines.iter().collect()
    }
}

trait StderrOf {
    fn wait_with_output_stderr(&mut self) -> String;
}

impl StderrOf for std::process::Child {
    fn wait_with_output_stderr(&mut self) -> String {
        use std::io::Read;
        let mut s = String::new();
        if let Some(mut e) = self.stderr.take() {
            let _ = e.read_to_string(&mut s);
        }
        s
    }
}

// ---------------------------------------------------------------------------------------
// SIGKILL during saves

/// A writer saves in a loop and is killed with SIGKILL after a random 0–30 ms, 200
/// times, on the same file. After every kill: the file parses, its note holds exactly
/// lines 1..=k in order with k ≥ the last acknowledged save (at most one more: a save
/// that finished but was not yet acknowledged), and the sessions list shows only that
/// one, readable session. The next writer must get the lock (SIGKILL releases it).
#[test]
fn sigkill_during_saves_never_loses_an_acknowledged_save() {
    const KILLS: usize = 200;
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = sample_session(tmp.path());
    let (mut rng, seed) = Rng::from_env_or_time();
    let started = Instant::now();
    let mut corrupt = 0usize;
    let mut lost_max = 0u64;
    let mut beyond_ack = 0usize;
    let mut temp_left = 0usize;
    let mut mid_kills = 0usize;
    let mut acknowledged = 0u64;
    let mut failure = None;

    for round in 0..KILLS {
        let mut writer = Running::start(child_command("writer", &path));
        let ready = writer.wait_line("READY", Duration::from_secs(20));
        let before: u64 = ready[6..].trim().parse().expect("READY n");
        std::thread::sleep(Duration::from_millis(rng.below(30)));
        let lines = writer.kill_9();
        let last_ack = lines
            .iter()
            .filter_map(|l| l.split("SAVED ").nth(1))
            .filter_map(|n| n.trim().parse::<u64>().ok())
            .max()
            .unwrap_or(before);
        acknowledged = acknowledged.max(last_ack);

        let leftovers = temp_files(tmp.path());
        if !leftovers.is_empty() {
            temp_left += leftovers.len();
            mid_kills += 1;
        }
        let session = match store::load(&path) {
            Ok(s) => s,
            Err(e) => {
                corrupt += 1;
                failure = Some(format!(
                    "round {round}: the file does not parse after SIGKILL: {e}"
                ));
                break;
            }
        };
        let note = session.notes.get("ambitie").cloned().unwrap_or_default();
        let k = note.lines().count() as u64;
        for (i, l) in note.lines().enumerate() {
            assert_eq!(
                l,
                line(i as u64 + 1),
                "round {round} (seed {seed}): line {} is damaged",
                i + 1
            );
        }
        lost_max = lost_max.max(last_ack.saturating_sub(k));
        assert!(
            k >= last_ack,
            "round {round} (seed {seed}): {last_ack} saves acknowledged, only {k} on disk"
        );
        assert!(
            k <= last_ack + 1,
            "round {round} (seed {seed}): {k} lines on disk, only {last_ack} saved"
        );
        if k == last_ack + 1 {
            beyond_ack += 1;
        }
        let list = store::list(tmp.path()).expect("list");
        assert!(
            list.len() == 1 && matches!(list[0], ListEntry::Session { .. }),
            "round {round} (seed {seed}): the list shows {list:?}"
        );
    }
    let secs = started.elapsed().as_secs_f64();
    println!("SIGKILL crash test (seed {seed}, replay with KANSRIJK_CRASH_SEED={seed}):");
    println!("  kills:                          {KILLS}");
    println!("  saves acknowledged in total:    {acknowledged}");
    println!("  corrupt or unreadable files:    {corrupt}");
    println!("  acknowledged saves lost (max):  {lost_max}");
    println!("  kills after a save finished but before its acknowledgement: {beyond_ack}");
    println!(
        "  kills that left a temp file:    {mid_kills} ({temp_left} files, all removed by the next open)"
    );
    println!("  time:                           {secs:.1} s");
    summary!(
        "durability: {KILLS} SIGKILLs during saves (seed {seed}): {corrupt} corrupt files, \
         {lost_max} acknowledged saves lost, {acknowledged} saves, {mid_kills} kills mid-save, {secs:.1} s"
    );
    if let Some(failure) = failure {
        panic!("seed {seed}: {failure}");
    }
    // The next open (the lock holder) removes what killed saves left behind.
    drop(store::open(&path).expect("open after the last kill"));
    let remaining = temp_files(tmp.path());
    assert!(remaining.is_empty(), "{remaining:?}");
}

// ---------------------------------------------------------------------------------------
// One writer

/// A holder in another process: the second open is read-only and names the holder's
/// pid and computer; after SIGKILL of the holder the next open is read-write.
#[test]
fn a_lock_left_by_a_killed_process_is_taken_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = sample_session(tmp.path());
    let mut holder = Running::start(child_command("holder", &path));
    let locked = holder.wait_line("LOCKED", Duration::from_secs(20));
    let pid: u32 = locked[7..].trim().parse().expect("LOCKED pid");

    let second = store::open(&path).expect("open while held");
    let reason = second.read_only.clone().expect("read-only while held");
    assert!(reason.contains(&format!("proces {pid}")), "{reason}");
    assert!(reason.contains(&store::host_name()), "{reason}");
    assert!(reason.contains("sinds"), "{reason}");
    assert!(second.lock.is_none());
    drop(second);

    holder.kill_9();
    let third = store::open(&path).expect("open after SIGKILL");
    assert!(third.read_only.is_none(), "{:?}", third.read_only);
    assert!(third.lock.is_some());
    println!("lock: held by pid {pid}: {reason}");
    println!("lock: after SIGKILL of {pid}: opened read-write");
    summary!("durability: lock of a SIGKILLed holder (pid {pid}) taken over");
}

// ---------------------------------------------------------------------------------------
// System calls of a save

/// One save under strace: temp file created 0600 with O_EXCL in the sessions folder →
/// written → fsync(temp) → renameat over the session → fsync(folder); and no file is
/// created anywhere else.
#[test]
#[ignore = "needs strace and ptrace; run with --ignored (CI does)"]
fn a_save_is_create_write_fsync_rename_fsync_dir() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = sample_session(tmp.path());
    let trace_dir = tempfile::tempdir().expect("tempdir");
    let trace = trace_dir.path().join("strace.txt");
    let mut cmd = Command::new("strace");
    cmd.args([
        "-f",
        "-o",
        &trace.display().to_string(),
        "-e",
        "trace=openat,open,creat,write,fsync,fdatasync,rename,renameat,renameat2,mkdir,mkdirat",
    ]);
    let child = child_command("save-once", &path);
    cmd.arg(child.get_program());
    cmd.args(child.get_args());
    for (k, v) in child.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => panic!("strace could not be started ({e}); install it (apt-get install strace)"),
    };
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        panic!("the traced save failed (is ptrace permitted here?): {err}");
    }
    let text = std::fs::read_to_string(&trace).expect("the strace output");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let dir = tmp.path().display().to_string();

    // The calls without strace's pid column; only completed calls.
    let calls: Vec<&str> = text
        .lines()
        .map(|l| match l.split_once(' ') {
            Some((pid, rest)) if pid.bytes().all(|b| b.is_ascii_digit()) => rest.trim_start(),
            _ => l,
        })
        .filter(|l| !l.contains("<unfinished") && !l.starts_with("<..."))
        .collect();
    let fd_of = |l: &str| {
        l.rsplit("= ")
            .next()
            .and_then(|n| n.trim().parse::<i32>().ok())
    };
    let pos = |from: usize, pred: &dyn Fn(&str) -> bool| {
        calls[from..].iter().position(|l| pred(l)).map(|i| i + from)
    };
    let fail = |what: &str| -> ! { panic!("{what}; the trace:\n{text}") };

    let i_dir = pos(0, &|l| {
        l.starts_with(&format!("openat(AT_FDCWD, \"{dir}\"")) && l.contains("O_DIRECTORY")
    })
    .unwrap_or_else(|| fail("the sessions folder is not opened"));
    let dfd = fd_of(calls[i_dir]).unwrap_or_else(|| fail("no folder fd"));
    let temp_prefix = format!("openat({dfd}, \".{name}.");
    let i_create = pos(i_dir, &|l| l.starts_with(&temp_prefix))
        .unwrap_or_else(|| fail("no temp file created in the folder"));
    let create = calls[i_create];
    assert!(
        create.contains("O_CREAT") && create.contains("O_EXCL") && create.contains("0600"),
        "the temp file is not created new with mode 0600: {create}"
    );
    let tfd = fd_of(create).unwrap_or_else(|| fail("no temp fd"));
    let temp_name = create
        .split('"')
        .nth(1)
        .unwrap_or_else(|| fail("no temp name"))
        .to_string();
    let i_write = pos(i_create, &|l| l.starts_with(&format!("write({tfd},")))
        .unwrap_or_else(|| fail("the temp file is not written"));
    let i_fsync = pos(i_write, &|l| {
        l.starts_with(&format!("fsync({tfd})")) || l.starts_with(&format!("fdatasync({tfd})"))
    })
    .unwrap_or_else(|| fail("the temp file is not fsynced after writing"));
    let i_rename = pos(i_fsync, &|l| {
        (l.starts_with("renameat(") || l.starts_with("renameat2(") || l.starts_with("rename("))
            && l.contains(&format!("\"{temp_name}\""))
            && l.contains(&format!("\"{name}\""))
            && l.ends_with("= 0")
    })
    .unwrap_or_else(|| fail("the temp file is not renamed over the session after the fsync"));
    let i_dsync = pos(i_rename, &|l| l.starts_with(&format!("fsync({dfd})")))
        .unwrap_or_else(|| fail("the folder is not fsynced after the rename"));
    // No write to the temp file after its fsync.
    assert!(
        pos(i_fsync, &|l| l.starts_with(&format!("write({tfd},"))).is_none_or(|i| i > i_rename),
        "the temp file is written after its fsync"
    );
    // Privacy: every file created is inside the sessions folder.
    for l in &calls {
        if l.contains("O_CREAT") && !l.starts_with(&format!("openat({dfd},")) {
            let created = l.split('"').nth(1).unwrap_or_default();
            assert!(
                created.starts_with(&dir),
                "a file is created outside the sessions folder: {l}"
            );
        }
    }
    let steps = [i_create, i_write, i_fsync, i_rename, i_dsync];
    println!("save under strace, in order:");
    for i in steps {
        println!("  {}", calls[i]);
    }
    summary!(
        "durability: strace of a save: create(0600, O_EXCL) → write → fsync → renameat → fsync(dir) ✓"
    );
}

// ---------------------------------------------------------------------------------------
// Network

/// No crate that can speak HTTP, TLS or open network sockets is a normal dependency, on
/// any target. The list comes from `Cargo.lock` (no network, nothing to download): the
/// closure of `[dependencies]` of Cargo.toml over the lock file's dependency lists, which
/// hold every target's crates. (mio's `net` feature is there for crossterm's local signal
/// pipe; the lock file has no features, so tokio is forbidden as a whole.)
#[test]
fn no_network_crates_in_the_dependency_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let direct = normal_dependencies(&manifest);
    assert!(!direct.is_empty(), "no [dependencies] found in Cargo.toml");
    let graph = lock_graph(&lock);
    assert!(
        graph.contains_key("ratatui"),
        "Cargo.lock could not be read"
    );
    let mut crates = std::collections::BTreeSet::new();
    let mut todo: Vec<String> = direct;
    while let Some(name) = todo.pop() {
        if crates.insert(name.clone()) {
            todo.extend(graph.get(&name).cloned().unwrap_or_default());
        }
    }
    const FORBIDDEN: &[&str] = &[
        "reqwest",
        "hyper",
        "hyper-util",
        "ureq",
        "rustls",
        "rustls-native-certs",
        "webpki",
        "webpki-roots",
        "openssl",
        "openssl-sys",
        "native-tls",
        "curl",
        "curl-sys",
        "isahc",
        "h2",
        "h3",
        "quinn",
        "async-std",
        "surf",
        "attohttpc",
        "tungstenite",
        "tokio-tungstenite",
        "hickory-resolver",
        "trust-dns-resolver",
        "socket2",
        "libssh2-sys",
        "git2",
        "ring",
        "aws-lc-rs",
    ];
    let found: Vec<&String> = crates
        .iter()
        .filter(|name| FORBIDDEN.contains(&name.as_str()) || name.as_str() == "tokio")
        .collect();
    assert!(found.is_empty(), "network crates in the tree: {found:?}");
    println!(
        "{} crates in the normal dependency tree (all targets); none of {} network crates",
        crates.len(),
        FORBIDDEN.len()
    );
    summary!(
        "durability: no network crates among {} dependencies",
        crates.len()
    );
}

/// The names in Cargo.toml's `[dependencies]` table.
fn normal_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside && let Some((name, _)) = line.split_once('=') {
            names.push(name.trim().to_string());
        }
    }
    names
}

/// Each package of Cargo.lock with the names of the packages it depends on.
fn lock_graph(lock: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut graph = std::collections::BTreeMap::<String, Vec<String>>::new();
    let mut current = String::new();
    let mut in_deps = false;
    for line in lock.lines() {
        let line = line.trim();
        if line == "[[package]]" {
            in_deps = false;
        } else if let Some(name) = line.strip_prefix("name = ") {
            current = name.trim_matches('"').to_string();
            graph.entry(current.clone()).or_default();
        } else if line.starts_with("dependencies = [") {
            in_deps = true;
        } else if in_deps && line == "]" {
            in_deps = false;
        } else if in_deps {
            // `"name"` or `"name 1.2.3"` (when two versions are in the lock).
            let dep = line.trim_end_matches(',').trim_matches('"');
            let dep = dep.split_whitespace().next().unwrap_or_default();
            graph
                .entry(current.clone())
                .or_default()
                .push(dep.to_string());
        }
    }
    graph
}

// ---------------------------------------------------------------------------------------
// Real file systems: disk full, read-only (tmpfs mounts; needs root)

/// A tmpfs mounted on a temp folder for one test; unmounted on drop.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    /// Mounts a tmpfs of `size` (e.g. "64k"); panics with the reason when it cannot.
    fn tmpfs(size: &str) -> Mount {
        let dir = tempfile::tempdir().expect("tempdir");
        let result = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output();
        match result {
            Ok(out) if out.status.success() => Mount { dir },
            Ok(out) => panic!(
                "cannot mount a tmpfs (run as root): {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
            Err(e) => panic!("mount could not be started: {e}"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_ro(&self) {
        let out = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .output()
            .expect("mount could not be started");
        assert!(
            out.status.success(),
            "remount,ro failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(self.path()).status();
        }
    }
}

/// Fills the file system of `dir` until writing fails.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("vulling");
    let mut f = std::fs::File::create(&filler).expect("create the filler");
    let block = vec![b'x'; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.sync_all();
    filler
}

const SECRET: &str = "GEHEIM-vertrouwelijke-zin";

/// The Dutch reasons for a full disk and a read-only file system (what the tmpfs tests
/// below see for real).
#[test]
fn a_full_disk_and_a_read_only_file_system_are_named_in_dutch() {
    let full = std::io::Error::from_raw_os_error(28);
    assert_eq!(store::io_reason(&full), "de schijf is vol");
    let ro = std::io::Error::from_raw_os_error(30);
    assert_eq!(store::io_reason(&ro), "het bestandssysteem is alleen-lezen");
}

/// On a 64 KiB tmpfs: fill it, then save. The save fails with "de schijf is vol" and
/// without the note's text; the previous version stays byte for byte; no temp file
/// stays behind. Then through the app: the status says so, the text stays in the
/// editor, and once there is room again the kept text is saved without a keystroke.
#[test]
#[ignore = "needs root to mount a tmpfs; run with --ignored (CI does, as root)"]
fn disk_full_keeps_the_previous_version_and_says_so_in_dutch() {
    let mount = Mount::tmpfs("64k");
    let dir = mount.path().to_path_buf();
    let path = sample_session(&dir);
    let mut session = store::load(&path).expect("load");
    session
        .notes
        .insert("ambitie".into(), "eerste versie".into());
    store::save(&path, &session).expect("first save");
    let before = std::fs::read(&path).expect("read");

    let filler = fill(&dir);
    session
        .notes
        .insert("ambitie".into(), format!("{SECRET} ").repeat(200));
    let err = store::save(&path, &session).expect_err("the disk is full");
    let message = err.to_string();
    assert!(message.contains("de schijf is vol"), "{message}");
    assert!(
        !message.contains("GEHEIM"),
        "the error quotes the note: {message}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the previous version changed"
    );
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    assert_eq!(
        store::load(&path).expect("still parses").notes["ambitie"],
        "eerste versie"
    );

    // The same through the app, with the background saver.
    std::fs::remove_file(&filler).expect("remove the filler");
    let app_dir = dir.join("app");
    store::ensure_dir(&app_dir).expect("mkdir");
    let app_path = sample_session(&app_dir);
    let content = std::sync::Arc::new(kansrijk::content::Content::embedded().expect("content"));
    let mut app = support::App {
        model: kansrijk::app::Model::new(content, app_dir.clone()),
        runtime: kansrijk::runtime::Runtime::new(app_dir.clone()),
        terminal: ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30))
            .expect("terminal"),
        dir: tempfile::tempdir().expect("tempdir"),
    };
    app.msg(kansrijk::app::Msg::Resize(100, 30));
    app.msg(kansrijk::app::Msg::Open(app_path.clone()));
    app.press('s').press('e').type_text("voor de volle schijf");
    app.flush();
    assert!(app.screen().contains("✓ bewaard"), "{}", app.screen());
    let filler = fill(&dir);
    app.type_text(&format!(" {SECRET}"));
    app.flush();
    let screen = app.screen();
    assert!(screen.contains("Niet opgeslagen"), "{screen}");
    assert!(screen.contains("de schijf is vol"), "{screen}");
    let status = app
        .model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        !status.contains("GEHEIM"),
        "the status quotes the note: {status}"
    );
    assert!(
        !std::fs::read_to_string(&app_path)
            .expect("read")
            .contains("GEHEIM"),
        "nothing half-written"
    );
    std::fs::remove_file(&filler).expect("remove the filler");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app.screen().contains("✓ bewaard") {
        assert!(
            Instant::now() < deadline,
            "not saved after room came back: {}",
            app.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
        app.runtime.poll_saves(&mut app.model);
    }
    let stored = store::load(&app_path).expect("load");
    assert!(
        stored.notes.values().any(|t| t.contains(SECRET)),
        "the kept text was not saved: {:?}",
        stored.notes
    );
    println!(
        "disk full: save refused with {message:?}; previous version intact; retried and saved when room came back"
    );
    summary!(
        "durability: disk full (64 KiB tmpfs): previous version intact, \"de schijf is vol\", text saved after room came back"
    );
}

/// On a tmpfs remounted read-only: open is read-only with the reason, save and create
/// fail in Dutch and change nothing; `kansrijk new` says so; the app shows Alleen-lezen.
#[test]
#[ignore = "needs root to mount a tmpfs; run with --ignored (CI does, as root)"]
fn a_read_only_file_system_opens_read_only_and_changes_nothing() {
    let mount = Mount::tmpfs("1m");
    let dir = mount.path().to_path_buf();
    let path = sample_session(&dir);
    let before = std::fs::read(&path).expect("read");
    mount.remount_ro();

    let opened = store::open(&path).expect("open on a read-only file system");
    let reason = opened.read_only.clone().expect("read-only");
    assert!(reason.contains("alleen-lezen"), "{reason}");
    let err = store::save(&path, &opened.session).expect_err("read-only");
    assert!(
        err.to_string()
            .contains("het bestandssysteem is alleen-lezen"),
        "{err}"
    );
    let s = Session::new("B", "", "C", Mode::Zelfreflectie, jiff::Timestamp::now());
    let err = store::create(&dir, &s).expect_err("read-only");
    assert!(err.to_string().contains("alleen-lezen"), "{err}");
    assert!(matches!(
        store::list(&dir).expect("list").as_slice(),
        [ListEntry::Session { .. }]
    ));

    let out = Command::new(env!("CARGO_BIN_EXE_kansrijk"))
        .env_remove("KANSRIJK_DIR")
        .args(["new", "--bestuurder", "B", "--samenwerking", "C", "--dir"])
        .arg(&dir)
        .output()
        .expect("kansrijk new");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("alleen-lezen"), "{stderr}");

    let mut app = support::App::start();
    app.msg(kansrijk::app::Msg::Open(path.clone()));
    app.press('s').press('4');
    app.flush();
    let screen = app.screen();
    assert!(screen.contains("Alleen-lezen"), "{screen}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    println!(
        "read-only file system: open → {reason:?}; save → {err}; kansrijk new → {}",
        stderr.trim()
    );
    summary!("durability: read-only mount: opened read-only, nothing changed, Dutch messages");
}

// ---------------------------------------------------------------------------------------
// The real TUI: SIGKILL, SIGTERM/SIGHUP/SIGINT, panic, two windows

/// Types into a note in the real TUI and gets SIGKILL at a random moment, 20 times, on
/// the same session. After every kill the file parses, and it holds at least what the
/// app had shown as "✓ bewaard" before the kill.
#[test]
fn sigkill_of_the_tui_while_typing_leaves_a_readable_file() {
    const KILLS: usize = 20;
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = pty::new_session(tmp.path());
    let (mut rng, seed) = Rng::from_env_or_time();
    let started = Instant::now();
    let mut confirmed_total = 0usize;
    for round in 0..KILLS {
        let mut tui = pty::Tui::open(&path, tmp.path(), &[]);
        tui.key("s");
        tui.wait_for("Vraag 1 van", pty::TIMEOUT);
        tui.key("e");
        tui.wait_for("Esc: klaar", pty::TIMEOUT);
        // A marker that the app confirms as saved, then more typing, killed at random.
        let marker = format!(" r{round}x");
        tui.key(&marker);
        tui.wait_until("✓ bewaard after the marker", pty::TIMEOUT, |s| {
            s.contains(marker.trim()) && s.contains("✓ bewaard")
        });
        confirmed_total += 1;
        let words = rng.below(8) as usize;
        for w in 0..words {
            tui.send(format!(" woord{w}").as_bytes());
            std::thread::sleep(Duration::from_millis(rng.below(15)));
        }
        std::thread::sleep(Duration::from_millis(rng.below(30)));
        tui.kill_9();
        let session = store::load(&path).unwrap_or_else(|e| {
            panic!("round {round} (seed {seed}): unreadable after SIGKILL: {e}")
        });
        let note = session.notes.get("ambitie").cloned().unwrap_or_default();
        assert!(
            note.contains(marker.trim()),
            "round {round} (seed {seed}): the confirmed marker {marker:?} is gone: {note:?}"
        );
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "TUI SIGKILL test (seed {seed}): {KILLS} kills, 0 unreadable files, {confirmed_total} confirmed saves all found, {secs:.1} s"
    );
    summary!(
        "durability: {KILLS} SIGKILLs of the TUI while typing: 0 unreadable files, 0 confirmed saves lost ({secs:.1} s)"
    );
}

fn signal_keeps_the_text(signal: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = pty::new_session(tmp.path());
    let mut tui = pty::Tui::open(&path, tmp.path(), &[]);
    tui.key("s");
    tui.wait_for("Vraag 1 van", pty::TIMEOUT);
    tui.key("e");
    tui.wait_for("Esc: klaar", pty::TIMEOUT);
    let note = format!("Halverwege een gedachte voor SIG{signal}");
    tui.key(&note);
    tui.wait_for(&note, pty::TIMEOUT);
    tui.signal(signal);
    let status = tui.wait_exit(pty::TIMEOUT);
    assert!(
        status.success(),
        "kansrijk exited with {status:?} on SIG{signal}"
    );
    tui.wait_restored(pty::TIMEOUT);
    let session = store::load(&path).expect("load after the signal");
    assert_eq!(
        session.notes.get("ambitie").map(String::as_str),
        Some(note.as_str()),
        "{:?}",
        session.notes
    );
    println!("SIG{signal}: exit 0, terminal restored, note saved");
    summary!("durability: SIG{signal} while typing: saved, terminal restored, exit 0");
}

#[test]
fn sighup_while_typing_keeps_the_text() {
    signal_keeps_the_text("HUP");
}

#[test]
fn sigint_while_typing_keeps_the_text() {
    signal_keeps_the_text("INT");
}

#[test]
fn sigterm_while_typing_keeps_the_text() {
    signal_keeps_the_text("TERM");
}

/// `KANSRIJK_TEST_PANIC=3` panics after the third input (s, e, a paste). The terminal
/// is restored, the pasted text is on disk, the Dutch message names the file and how to
/// report it, and the panic's own text (which quotes the paste) is not shown.
#[test]
fn a_panic_restores_the_terminal_saves_and_says_where() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = pty::new_session(tmp.path());
    let mut tui = pty::Tui::open(&path, tmp.path(), &[("KANSRIJK_TEST_PANIC", "3")]);
    tui.key("s");
    tui.wait_for("Vraag 1 van", pty::TIMEOUT);
    tui.key("e");
    tui.wait_for("Esc: klaar", pty::TIMEOUT);
    let text = "Vertrouwelijk: de wethouder twijfelt";
    tui.paste(text);
    let status = tui.wait_exit(pty::TIMEOUT);
    assert!(!status.success(), "a panic must not look like success");
    tui.wait_restored(pty::TIMEOUT);
    let screen = tui.wait_for("onverwacht gestopt", pty::TIMEOUT);
    let flat = screen.replace('\n', "");
    assert!(
        screen.contains("Uw laatste wijzigingen zijn bewaard in"),
        "{screen}"
    );
    let file_name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        flat.contains(&file_name),
        "the message does not name the file:\n{screen}"
    );
    assert!(screen.contains("Meld het probleem"), "{screen}");
    assert!(
        !screen.contains("Vertrouwelijk"),
        "the panic quotes the note:\n{screen}"
    );
    assert!(
        !screen.contains("KANSRIJK_TEST_PANIC"),
        "the panic text is shown:\n{screen}"
    );
    let session = store::load(&path).expect("load after the panic");
    assert_eq!(session.notes.get("ambitie").map(String::as_str), Some(text));
    println!(
        "panic: exit {status:?}, terminal restored, note saved; the message:\n{}",
        screen.trim()
    );
    summary!(
        "durability: panic: terminal restored, note saved, message names the file and hides the panic text"
    );
}

/// Two windows on one session: the second shows Alleen-lezen with the first one's pid;
/// after SIGKILL of the first, a third opens read-write and can save.
#[test]
fn two_windows_one_writer_and_sigkill_frees_the_session() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = pty::new_session(tmp.path());
    let mut first = pty::Tui::open(&path, tmp.path(), &[]);
    let pid = first.pid();
    // The first window must hold the session before the second one looks.
    first.wait_for("Bestuur en toezicht", pty::TIMEOUT);
    let second = pty::Tui::open(&path, tmp.path(), &[]);
    // Wait for the whole message (a frame may arrive in parts).
    let screen = second.wait_for(&format!("proces {pid}"), pty::TIMEOUT);
    assert!(screen.contains("Alleen-lezen"), "{screen}");
    drop(second);

    first.kill_9();
    let mut third = pty::Tui::open(&path, tmp.path(), &[]);
    third.key("s");
    third.wait_for("Vraag 1 van", pty::TIMEOUT);
    third.key("4");
    let screen = third.wait_for("✓ bewaard", pty::TIMEOUT);
    assert!(!screen.contains("Alleen-lezen"), "{screen}");
    third.key("q");
    assert!(third.wait_exit(pty::TIMEOUT).success());
    let session = store::load(&path).expect("load");
    assert_eq!(session.answers.len(), 1, "{:?}", session.answers);
    println!(
        "two windows: second read-only naming proces {pid}; after SIGKILL a third saved an answer"
    );
    summary!(
        "durability: two windows: second read-only with pid {pid}; after SIGKILL the third writes"
    );
}
