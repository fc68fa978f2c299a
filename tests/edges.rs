//! Nothing lost at the edges of a save (issue 11): the user's own hidden files next to a
//! session, `new` run many times at once, a file changed by another program while it is
//! open, the text in the user's own editor when kansrijk is stopped, and the exit code
//! after a signal.
#![cfg(unix)]

#[path = "support/pty.rs"]
mod pty;
mod support;
use support::sample_session;

use kansrijk::session::{Mode, Session};
use kansrijk::store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn name_of(path: &Path) -> String {
    path.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

// ---------------------------------------------------------------------------------------
// 2. The user's own hidden files

/// `.NAME.ron.backup`, `.before`, `.ORIG01` (six characters, like the temp names of old)
/// are the user's: opening the session keeps them. A temp file with kansrijk's marker,
/// left by a killed save, is removed.
#[test]
fn opening_a_session_keeps_the_users_own_hidden_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = sample_session(tmp.path());
    let name = name_of(&path);
    let own: Vec<PathBuf> = ["backup", "before", "ORIG01", "aB3dE9"]
        .iter()
        .map(|suffix| tmp.path().join(format!(".{name}.{suffix}")))
        .collect();
    for p in &own {
        std::fs::write(p, "mijn eigen kopie").expect("write");
    }
    let leftover = tmp.path().join(format!(".{name}.kansrijk-tmp-Xy12Ab"));
    std::fs::write(&leftover, "half geschreven").expect("write");

    let opened = store::open(&path).expect("open");
    assert!(opened.lock.is_some());
    for p in &own {
        assert!(p.exists(), "{} was removed", p.display());
        assert_eq!(
            std::fs::read_to_string(p).expect("read"),
            "mijn eigen kopie"
        );
    }
    assert!(!leftover.exists(), "kansrijk's own leftover stays");
}

/// A save's temp file carries kansrijk's marker (so only it is ever cleaned up), and
/// no temp file stays after a save.
#[test]
fn a_save_writes_only_marked_temp_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = sample_session(tmp.path());
    let mut session = store::load(&path).expect("load");
    session
        .notes
        .insert("ambitie".into(), "een gedachte".into());
    store::save(&path, &session).expect("save");
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![name_of(&path)], "only the session: {names:?}");
}

// ---------------------------------------------------------------------------------------
// 3. `new` many times at once

/// Ten `kansrijk new` for the same bestuurder and samenwerking at the same moment: ten
/// files, ten different printed paths, and each path holds that run's session (told
/// apart by the organisatie each run was given).
#[test]
fn ten_concurrent_new_runs_make_ten_sessions() {
    const RUNS: usize = 10;
    let tmp = tempfile::tempdir().expect("tempdir");
    let children: Vec<_> = (0..RUNS)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_kansrijk"))
                .env_remove("KANSRIJK_DIR")
                .args([
                    "new",
                    "--bestuurder",
                    "Race Same",
                    "--samenwerking",
                    "T",
                    "--organisatie",
                    &format!("Organisatie {i}"),
                    "--dir",
                ])
                .arg(tmp.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start kansrijk new")
        })
        .collect();
    let mut printed = std::collections::BTreeSet::new();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "run {i}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = PathBuf::from(stdout.lines().last().expect("a path").trim());
        let session = store::load(&path).expect("the printed path loads");
        assert_eq!(
            session.organisatie,
            format!("Organisatie {i}"),
            "run {i} printed {} which holds another run's session",
            path.display()
        );
        printed.insert(path);
    }
    assert_eq!(printed.len(), RUNS, "paths printed twice: {printed:?}");
    let files = store::list(tmp.path()).expect("list");
    assert_eq!(files.len(), RUNS, "{files:?}");
    let temp_left: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("kansrijk-tmp"))
        .collect();
    assert!(temp_left.is_empty(), "{temp_left:?}");
}

// ---------------------------------------------------------------------------------------
// 4. A change by another program

fn conflict_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !name_of(p).starts_with('.') && name_of(p).contains(".conflict-"))
        .collect();
    found.sort();
    found
}

/// How another program writes: replaced by a new file (a sync tool) or edited in place
/// with the same size and modification time put back (`touch -r`).
#[derive(Debug, Clone, Copy)]
enum Outside {
    Replaced,
    InPlaceSameSizeAndTime,
}

fn outside_change_is_kept(how: Outside) {
    let (mut app, path) = support::App::with_session();
    app.press('s').press('4').flush();
    assert_eq!(store::load(&path).expect("load").answers.len(), 1);

    // Another program writes its own version of the file.
    let before = std::fs::read_to_string(&path).expect("read");
    let outside = before.replace("Stichting Voorbeeld", "Stichting Voorbeelt");
    let outside = match how {
        Outside::Replaced => outside.replace("Anne Jansen", "Anne Jansen (sync)"),
        Outside::InPlaceSameSizeAndTime => outside,
    };
    match how {
        Outside::Replaced => {
            let temp = path.with_extension("sync-tmp");
            std::fs::write(&temp, &outside).expect("write");
            std::fs::rename(&temp, &path).expect("rename");
        }
        Outside::InPlaceSameSizeAndTime => {
            assert_eq!(outside.len(), before.len());
            let modified = std::fs::metadata(&path)
                .expect("meta")
                .modified()
                .expect("mtime");
            std::thread::sleep(std::time::Duration::from_millis(20));
            std::fs::write(&path, &outside).expect("write in place");
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open");
            file.set_modified(modified).expect("touch -r");
        }
    }

    // The next key must not overwrite it.
    app.press('3').flush();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        outside,
        "{how:?}: the other program's version was overwritten"
    );
    let conflicts = conflict_files(app.dir.path());
    assert_eq!(conflicts.len(), 1, "{how:?}: {conflicts:?}");
    let beside = &conflicts[0];
    let saved = store::load(beside).expect("the conflict file loads");
    assert_eq!(saved.answers.len(), 2, "{:?}", saved.answers);
    assert_eq!(
        saved.organisatie, "Stichting Voorbeeld",
        "the session as kansrijk had it"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(beside)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let screen = app.screen();
    assert!(
        screen.contains("ander programma") && screen.contains(&name_of(beside)),
        "{how:?}: nothing said on screen:\n{screen}"
    );

    // Work goes on in the new file; the outside version stays as it is.
    app.press('2').flush();
    assert_eq!(store::load(beside).expect("load").answers.len(), 3);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), outside);
    assert_eq!(conflict_files(app.dir.path()).len(), 1);
    assert_eq!(
        app.model.open.as_ref().map(|o| o.path.clone()),
        Some(beside.clone())
    );
    // And it is locked: a second kansrijk opens it read-only.
    let second = store::open(beside).expect("open");
    assert!(second.read_only.is_some(), "the new file is not locked");
}

#[test]
fn a_file_replaced_by_another_program_is_not_overwritten() {
    outside_change_is_kept(Outside::Replaced);
}

#[test]
fn a_file_edited_in_place_with_its_time_put_back_is_not_overwritten() {
    outside_change_is_kept(Outside::InPlaceSameSizeAndTime);
}

/// kansrijk's own saves never count as a change by someone else.
#[test]
fn many_own_saves_make_no_conflict_file() {
    let (mut app, path) = support::App::with_session();
    app.press('s');
    for _ in 0..30 {
        app.press('4').press('k').flush();
    }
    assert!(conflict_files(app.dir.path()).is_empty());
    assert!(!store::load(&path).expect("load").answers.is_empty());
}

// ---------------------------------------------------------------------------------------
// 13. The exit code after a signal

/// The session's folder disappears, so the next change cannot be saved; then a signal
/// stops kansrijk. It says so and exits with 1 (as `docs/DURABILITY.md` promises), not 0.
fn signal_with_an_unsaved_change_exits_1(signal: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("sessies");
    let path = pty::new_session(&dir);
    let mut tui = pty::Tui::open(&path, &dir, &[]);
    tui.key("s");
    tui.wait_for("Vraag 1 van", pty::TIMEOUT);
    std::fs::remove_dir_all(&dir).expect("remove the folder");
    tui.key("4");
    tui.wait_for("Niet opgeslagen", pty::TIMEOUT);
    tui.signal(signal);
    let status = tui.wait_exit(pty::TIMEOUT);
    assert_eq!(
        status.exit_code(),
        1,
        "SIG{signal} with an unsaved change: {status:?}"
    );
    tui.wait_restored(pty::TIMEOUT);
    let screen = tui.wait_for("Let op", pty::TIMEOUT);
    assert!(screen.contains("niet"), "{screen}");
}

#[test]
fn sigterm_with_an_unsaved_change_exits_1() {
    signal_with_an_unsaved_change_exits_1("TERM");
}

#[test]
fn sighup_with_an_unsaved_change_exits_1() {
    signal_with_an_unsaved_change_exits_1("HUP");
}

#[test]
fn sigint_with_an_unsaved_change_exits_1() {
    signal_with_an_unsaved_change_exits_1("INT");
}

// ---------------------------------------------------------------------------------------
// 1. The text in the user's own editor (Ctrl+E)

const EDITOR_TEXT: &str = "Tekst uit mijn eigen editor, nog niet terug in kansrijk";

/// A fake `$EDITOR`: writes a text into the file it is given, then keeps running (as
/// a person who is still typing).
fn fake_editor(dir: &Path) -> PathBuf {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' '{EDITOR_TEXT}' > \"$1\"\nexec sleep 20\n"),
    )
    .expect("write the editor script");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    script
}

/// kansrijk's files for the user's editor in `dir`.
fn edit_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".kansrijk-bewerken-"))
        .collect();
    names.sort();
    names
}

/// Opens the session's first condition note, hands it to the fake editor with Ctrl+E,
/// and waits until the editor has written its text.
fn editing_in_own_editor(path: &Path, dir: &Path, editor: &Path) -> pty::Tui {
    let editor = editor.to_str().expect("utf-8 path");
    let mut tui = pty::Tui::open(path, dir, &[("VISUAL", editor), ("EDITOR", editor)]);
    tui.key("s");
    tui.wait_for("Vraag 1 van", pty::TIMEOUT);
    tui.key("e");
    tui.wait_for("Esc: klaar", pty::TIMEOUT);
    tui.key("\x05");
    let deadline = std::time::Instant::now() + pty::TIMEOUT;
    loop {
        let written = edit_files(dir)
            .iter()
            .filter(|n| n.ends_with(".txt"))
            .any(|n| std::fs::read_to_string(dir.join(n)).is_ok_and(|t| t.contains(EDITOR_TEXT)));
        if written {
            return tui;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the editor never wrote its text; files: {:?}",
            edit_files(dir)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn note_of(path: &Path) -> Option<String> {
    store::load(path)
        .expect("load")
        .notes
        .get("ambitie")
        .cloned()
}

/// SIGTERM or SIGHUP while the editor is open: its text goes into the field and is saved
/// before kansrijk exits; no file of the editor stays behind.
fn signal_while_editing_keeps_the_text(signal: &str) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("sessies");
    let path = pty::new_session(&dir);
    let editor = fake_editor(tmp.path());
    let mut tui = editing_in_own_editor(&path, &dir, &editor);
    tui.signal(signal);
    let status = tui.wait_exit(pty::TIMEOUT);
    assert!(status.success(), "SIG{signal}: {status:?}");
    tui.wait_restored(pty::TIMEOUT);
    assert_eq!(note_of(&path).as_deref(), Some(EDITOR_TEXT), "SIG{signal}");
    assert!(edit_files(&dir).is_empty(), "{:?}", edit_files(&dir));
}

#[test]
fn sigterm_while_the_own_editor_is_open_keeps_its_text() {
    signal_while_editing_keeps_the_text("TERM");
}

#[test]
fn sighup_while_the_own_editor_is_open_keeps_its_text() {
    signal_while_editing_keeps_the_text("HUP");
}

/// SIGKILL while the editor is open: the text stays in its file (a new kansrijk does not
/// delete it), and the next open of the session puts it back into the note, says so,
/// saves it, and only then removes the file.
#[test]
fn after_sigkill_the_own_editors_text_comes_back_at_the_next_open() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("sessies");
    let path = pty::new_session(&dir);
    let editor = fake_editor(tmp.path());
    let mut tui = editing_in_own_editor(&path, &dir, &editor);
    tui.kill_9();
    assert_eq!(note_of(&path), None, "not in the session yet");
    assert_eq!(edit_files(&dir).len(), 2, "{:?}", edit_files(&dir));

    // A kansrijk on the start screen leaves the text alone.
    let start = pty::Tui::spawn(&["--dir".as_ref(), dir.as_os_str()], &[]);
    start.wait_for("Anne Jansen", pty::TIMEOUT);
    drop(start);
    assert_eq!(edit_files(&dir).len(), 2, "{:?}", edit_files(&dir));

    let mut again = pty::Tui::open(&path, &dir, &[]);
    let screen = again.wait_for("teruggezet", pty::TIMEOUT);
    assert!(screen.contains("eigen editor"), "{screen}");
    assert_eq!(note_of(&path).as_deref(), Some(EDITOR_TEXT));
    assert!(edit_files(&dir).is_empty(), "{:?}", edit_files(&dir));
    again.key("q");
    assert!(again.wait_exit(pty::TIMEOUT).success());
    assert_eq!(note_of(&path).as_deref(), Some(EDITOR_TEXT));
}

// ---------------------------------------------------------------------------------------
// 11. Large sessions do not hold up typing

/// A session of 10 MB: typing 30 characters into a note must not wait for 30 copies
/// and serializations of it (before: each key serialized the whole session on the input
/// thread). The bound is wide, relative to one serialization on this machine (the
/// benchmark in `benches/latency.rs` measures the real figures): 30 keys must cost less
/// than 3 serializations; before, they cost 30. Afterwards the file holds all 30 characters, and the title
/// says "✓ bewaard" only once that is so.
#[test]
fn typing_in_a_large_session_does_not_wait_for_saving() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut session = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    let block = "Een lange overweging over de samenwerking. ".repeat(500);
    for n in 0..480 {
        session
            .reflections
            .insert(format!("bewaard.stuk-{n:03}"), block.clone());
    }
    let path = store::create(tmp.path(), &session).expect("create");
    assert!(std::fs::metadata(&path).expect("meta").len() > 10_000_000);
    let mut app = support::App::start_in(tmp, 120, 40);
    app.msg(kansrijk::app::Msg::Open(path.clone()));
    app.press('s').press('e');
    assert!(app.model.is_editing());

    // The yardstick: serializing this session once, on this machine, now.
    let one = std::time::Instant::now();
    let _ = store::serialize(&session).expect("serialize");
    let serialize_once = one.elapsed();
    let started = std::time::Instant::now();
    app.type_text("dertig tekens in een notitie.."); // 30 characters
    let typing = started.elapsed();
    // Before the fix every key serialized the session (30 serializations); the margin of
    // 10 keeps a busy machine's preemption from failing it while that still would.
    assert!(
        typing < serialize_once * 10,
        "30 keys in a 10 MB session took {typing:?}; one serialization takes {serialize_once:?}"
    );
    app.flush();
    assert!(app.screen().contains("✓ bewaard"), "{}", app.screen());
    let saved = store::load(&path).expect("load");
    assert_eq!(
        saved.notes.values().next().map(String::as_str),
        Some("dertig tekens in een notitie..")
    );
    println!("30 keys in a 10 MB session: {typing:?} (one serialization: {serialize_once:?})");
}
