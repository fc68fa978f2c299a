//! End to end in a real pseudo-terminal: the binary runs in a 100×30 pty, everything it
//! writes goes through a vt100 parser, and the tests look at the screen as a user would.
#![cfg(unix)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(10);

/// The app running in a pty. Dropping it kills the child if it still runs, so a failing
/// test never leaves a process behind.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn spawn(args: &[&std::ffi::OsStr]) -> Tui {
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
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("cannot start kansrijk in the pty");
        // Only the child keeps the slave open, so the reader sees the end when it exits.
        drop(pair.slave);

        let rows = NonZeroU16::new(ROWS).expect("rows > 0");
        let cols = NonZeroU16::new(COLS).expect("cols > 0");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair
            .master
            .try_clone_reader()
            .expect("cannot read from the pty");
        let feed = Arc::clone(&parser);
        thread::Builder::new()
            .name("pty-reader".into())
            .spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => match feed.lock() {
                            Ok(mut p) => p.process(&buf[..n]),
                            Err(_) => break,
                        },
                    }
                }
            })
            .expect("cannot start the pty reader thread");
        let writer = pair.master.take_writer().expect("cannot write to the pty");
        Tui {
            child,
            writer,
            parser,
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser
            .lock()
            .expect("the pty reader thread panicked")
            .screen()
            .contents()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after `timeout`.
    fn wait_until(&self, what: &str, timeout: Duration, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!("timed out after {timeout:?} waiting for {what}; the screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the screen contains `text`.
    fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(&format!("{text:?}"), timeout, |s| s.contains(text))
    }

    /// Waits until the terminal is back to normal: main screen, cursor shown, no
    /// bracketed paste (the reader may still be catching up after the child exited).
    fn wait_restored(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let (restored, state) = {
                let parser = self.parser.lock().expect("the pty reader thread panicked");
                let screen = parser.screen();
                let state = (
                    screen.alternate_screen(),
                    screen.hide_cursor(),
                    screen.bracketed_paste(),
                );
                (state == (false, false, false), state)
            };
            if restored {
                return;
            }
            if Instant::now() >= deadline {
                panic!(
                    "the terminal was not restored (alternate screen, hidden cursor, \
                     bracketed paste) = {state:?}"
                );
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .expect("cannot write to the pty");
        self.writer.flush().expect("cannot flush the pty");
    }

    /// One key (or a few characters), then a short pause, as a person types.
    fn key(&mut self, s: &str) {
        self.send(s.as_bytes());
        thread::sleep(Duration::from_millis(40));
    }

    /// Esc on its own, with pauses around it so it is not read as the start of a sequence.
    fn esc(&mut self) {
        thread::sleep(Duration::from_millis(100));
        self.send(b"\x1b");
        thread::sleep(Duration::from_millis(150));
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has no pid")
    }

    /// Waits for the child to exit; panics with the screen after `timeout`.
    fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
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
            thread::sleep(Duration::from_millis(25));
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

/// `kansrijk new` in `dir`; the path is the last line of its output.
fn new_session(dir: &Path) -> PathBuf {
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

/// Opens `path` in the TUI and waits for the session overview.
fn open(path: &Path, dir: &Path) -> Tui {
    let tui = Tui::spawn(&[
        "open".as_ref(),
        path.as_os_str(),
        "--dir".as_ref(),
        dir.as_os_str(),
    ]);
    tui.wait_until("the session overview", TIMEOUT, |s| {
        s.contains("Quick scan") && s.contains("Anne Jansen")
    });
    tui
}

/// From the overview: `s` opens the quick scan at its first question.
fn start_scan(tui: &mut Tui) {
    tui.key("s");
    tui.wait_for("Vraag 1 van 20", TIMEOUT);
}

/// Waits until the note editor is open (its bottom line explains Esc).
fn wait_editor(tui: &Tui) {
    tui.wait_for("Esc: klaar", TIMEOUT);
}

fn wait_editor_closed(tui: &Tui) {
    tui.wait_until("the note editor to close", TIMEOUT, |s| {
        !s.contains("Esc: klaar")
    });
}

fn load(path: &Path) -> kansrijk::session::Session {
    kansrijk::store::load(path)
        .unwrap_or_else(|e| panic!("the session file does not load after the run: {e}"))
}

fn show_json(path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_kansrijk"))
        .env_remove("KANSRIJK_DIR")
        .arg("show")
        .arg(path)
        .arg("--json")
        .output()
        .expect("kansrijk show could not be started");
    let text = String::from_utf8(out.stdout).expect("stdout is not UTF-8");
    assert!(
        out.status.success(),
        "kansrijk show failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("show --json is not JSON ({e}): {text}"))
}

#[test]
fn scan_note_and_quit_end_up_in_the_file() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = new_session(tmp.path());
    let mut tui = open(&path, tmp.path());
    start_scan(&mut tui);

    for digit in ["4", "4", "5", "5", "1", "2", "2", "1"] {
        tui.key(digit);
    }
    tui.wait_until("the scores 4,5 and 1,5", TIMEOUT, |s| {
        s.contains("4,5") && s.contains("1,5") && s.contains("Vraag 9 van 20")
    });

    // After eight answers the focus is on the first item of `relatie`.
    tui.key("e");
    wait_editor(&tui);
    let note = "Goed gesprek met één partner";
    for word in note.split_inclusive(' ') {
        tui.key(word);
    }
    tui.wait_for(note, TIMEOUT);
    tui.esc();
    wait_editor_closed(&tui);
    tui.key("q");
    let status = tui.wait_exit(TIMEOUT);
    assert!(status.success(), "kansrijk exited with {status:?}");
    tui.wait_restored(TIMEOUT);

    let json = show_json(&path);
    assert_eq!(
        json["conditions"]["ambitie"]["score"].as_f64(),
        Some(4.5),
        "{json}"
    );
    assert_eq!(
        json["conditions"]["belangen"]["score"].as_f64(),
        Some(1.5),
        "{json}"
    );
    assert_eq!(
        json["conditions"]["ambitie"]["answered"].as_u64(),
        Some(4),
        "{json}"
    );

    let text = std::fs::read_to_string(&path).expect("the session file is gone");
    assert!(text.contains(note), "the note is not in the file:\n{text}");
    let session = load(&path);
    assert_eq!(
        session.notes.get("relatie").map(String::as_str),
        Some(note),
        "the note is not stored under `relatie`: {:?}",
        session.notes
    );
}

#[test]
fn sigterm_while_typing_a_note_keeps_the_text() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = new_session(tmp.path());
    let mut tui = open(&path, tmp.path());
    start_scan(&mut tui);
    tui.key("e");
    wait_editor(&tui);
    let note = "Halverwege een gedachte";
    tui.key(note);
    tui.wait_for(note, TIMEOUT);

    let pid = tui.pid();
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("cannot run kill");
    assert!(killed.success(), "kill -TERM {pid} failed");
    let status = tui.wait_exit(TIMEOUT);
    assert!(
        status.success(),
        "kansrijk exited with {status:?} on SIGTERM"
    );
    tui.wait_restored(TIMEOUT);

    let text = std::fs::read_to_string(&path).expect("the session file is gone");
    assert!(
        text.contains(note),
        "the typed text was lost on SIGTERM:\n{text}"
    );
    let session = load(&path);
    assert_eq!(
        session.notes.get("ambitie").map(String::as_str),
        Some(note),
        "{:?}",
        session.notes
    );
}

#[test]
fn bracketed_paste_of_100_kb_is_kept_entirely() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = new_session(tmp.path());
    let mut tui = open(&path, tmp.path());
    start_scan(&mut tui);
    tui.key("e");
    wait_editor(&tui);

    let mut text = String::new();
    let mut n = 0;
    while text.len() < 100 * 1024 {
        n += 1;
        text.push_str(&format!(
            "Regel {n:05}: partners bespreken hun belangen, ambities en vertrouwen.\n"
        ));
    }
    let last_line = format!("Regel {n:05}");
    text.push_str("EINDE");

    let mut paste = Vec::with_capacity(text.len() + 12);
    paste.extend_from_slice(b"\x1b[200~");
    paste.extend_from_slice(text.as_bytes());
    paste.extend_from_slice(b"\x1b[201~");
    tui.send(&paste);
    // The end of the paste is on screen, with the cursor behind it.
    tui.wait_for("EINDE", Duration::from_secs(30));
    tui.esc();
    wait_editor_closed(&tui);
    tui.key("q");
    let status = tui.wait_exit(Duration::from_secs(30));
    assert!(status.success(), "kansrijk exited with {status:?}");

    let file = std::fs::read_to_string(&path).expect("the session file is gone");
    assert!(
        file.contains(&last_line),
        "the last line is not in the file"
    );
    let session = load(&path);
    let stored = session
        .notes
        .get("ambitie")
        .unwrap_or_else(|| panic!("no note for `ambitie`: {:?}", session.notes.keys()));
    assert_eq!(
        stored.len(),
        text.len(),
        "the pasted note has a different length"
    );
    assert!(
        stored == &text,
        "the pasted note differs from what was pasted"
    );
}
