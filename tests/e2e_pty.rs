//! End to end in a real pseudo-terminal: the binary runs in a 100×30 pty, everything it
//! writes goes through a vt100 parser, and the tests look at the screen as a user would.
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;

use pty::{TIMEOUT, Tui, new_session};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// Opens `path` in the TUI and waits for the session overview.
fn open(path: &Path, dir: &Path) -> Tui {
    let tui = Tui::spawn(
        &[
            "open".as_ref(),
            path.as_os_str(),
            "--dir".as_ref(),
            dir.as_os_str(),
        ],
        &[],
    );
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
