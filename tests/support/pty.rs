//! The real binary in a pseudo-terminal, seen through a vt100 parser: for the crash,
//! signal, lock and end-to-end tests (`tests/e2e_pty.rs`).
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// The app running in a pty. Dropping it kills the child if it still runs.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the app wrote, raw (to look for text outside the screen).
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    pub fn spawn(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("cannot open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kansrijk"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("KANSRIJK_DIR");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("RUST_BACKTRACE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("cannot start kansrijk in the pty");
        drop(pair.slave);

        let rows = NonZeroU16::new(ROWS).expect("rows > 0");
        let cols = NonZeroU16::new(COLS).expect("cols > 0");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair
            .master
            .try_clone_reader()
            .expect("cannot read from the pty");
        let feed = Arc::clone(&parser);
        let feed_raw = Arc::clone(&raw);
        thread::Builder::new()
            .name("pty-reader".into())
            .spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if let Ok(mut r) = feed_raw.lock() {
                                r.extend_from_slice(&buf[..n]);
                            }
                            match feed.lock() {
                                Ok(mut p) => p.process(&buf[..n]),
                                Err(_) => break,
                            }
                        }
                    }
                }
            })
            .expect("cannot start the pty reader thread");
        let writer = pair.master.take_writer().expect("cannot write to the pty");
        Tui {
            child,
            writer,
            parser,
            raw,
            _master: pair.master,
        }
    }

    /// `kansrijk open PATH --dir DIR`, waiting for the session overview.
    pub fn open(path: &Path, dir: &Path, env: &[(&str, &str)]) -> Tui {
        let tui = Tui::spawn(
            &[
                "open".as_ref(),
                path.as_os_str(),
                "--dir".as_ref(),
                dir.as_os_str(),
            ],
            env,
        );
        tui.wait_until("the session overview", TIMEOUT, |s| {
            s.contains("Anne Jansen")
        });
        tui
    }

    pub fn screen(&self) -> String {
        self.parser
            .lock()
            .expect("the pty reader thread panicked")
            .screen()
            .contents()
    }

    /// Everything written to the terminal so far, as lossy text.
    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("reader panicked")).into_owned()
    }

    pub fn wait_until(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!("timed out after {timeout:?} waiting for {what}; the screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?}"), timeout, |s| s.contains(text))
    }

    /// Waits until the terminal is back to normal: main screen, cursor shown, no
    /// bracketed paste.
    pub fn wait_restored(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let state = {
                let parser = self.parser.lock().expect("the pty reader thread panicked");
                let screen = parser.screen();
                (
                    screen.alternate_screen(),
                    screen.hide_cursor(),
                    screen.bracketed_paste(),
                )
            };
            if state == (false, false, false) {
                return;
            }
            if Instant::now() >= deadline {
                panic!(
                    "the terminal was not restored (alternate screen, hidden cursor, \
                     bracketed paste) = {state:?}"
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .expect("cannot write to the pty");
        self.writer.flush().expect("cannot flush the pty");
    }

    /// One key (or a few characters), then a short pause, as a person types.
    pub fn key(&mut self, s: &str) {
        self.send(s.as_bytes());
        thread::sleep(Duration::from_millis(40));
    }

    /// A bracketed paste.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = Vec::with_capacity(text.len() + 12);
        bytes.extend_from_slice(b"\x1b[200~");
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send(&bytes);
    }

    pub fn esc(&mut self) {
        thread::sleep(Duration::from_millis(100));
        self.send(b"\x1b");
        thread::sleep(Duration::from_millis(150));
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has no pid")
    }

    /// Sends a signal by name (`TERM`, `HUP`, `INT`, `KILL`) with `kill(1)`.
    pub fn signal(&self, name: &str) {
        let pid = self.pid();
        let status = Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("cannot run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// SIGKILL, and wait until the process is gone.
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("cannot wait for the child") {
                return status;
            }
            if Instant::now() >= deadline {
                panic!(
                    "kansrijk did not exit within {timeout:?}; the screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `kansrijk new` in `dir` for Anne Jansen; the path is the last line of its output.
pub fn new_session(dir: &Path) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_kansrijk"))
        .env_remove("KANSRIJK_DIR")
        .args([
            "new",
            "--bestuurder",
            "Anne Jansen",
            "--samenwerking",
            "Wijkzorg Noord",
            "--dir",
        ])
        .arg(dir)
        .output()
        .expect("kansrijk new could not be started");
    let text = String::from_utf8(out.stdout).expect("stdout is not UTF-8");
    assert!(
        out.status.success(),
        "kansrijk new failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let last = text.lines().last().expect("kansrijk new printed nothing");
    PathBuf::from(last.trim())
}
