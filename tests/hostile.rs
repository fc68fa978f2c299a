//! Hostile and broken input: truncated, garbage and hand-edited files, schemas from
//! other versions, odd folders, a 1 MB paste, escape sequences in names and texts, names
//! that are no file names, and the prullenbak. Each case: a clear Dutch message, nothing
//! lost, nothing overwritten.

/// One line on stderr past the test harness's capture (which also takes `eprintln!`), so
/// that the figures show in every run, not only for failures.
macro_rules! summary {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod support;
use support::{kansrijk, run, sample};

use kansrijk::app::Msg;
use kansrijk::session::{self, Answer, Mode, Session};
use kansrijk::store::{self, ListEntry};
use std::fs;
use std::path::{Path, PathBuf};
use support::App;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// No byte that a terminal would act on: ESC, BEL, CR, other C0 controls except
/// newline and tab, DEL, and the C1 controls (U+0080–U+009F, e.g. CSI U+009B).
fn assert_harmless(what: &str, out: &str) {
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{what} writes control characters {bad:?}:\n{out}"
    );
}

fn lock_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Broken files

/// The file cut off at ~200 places: every cut is refused with "regel R, kolom K", by
/// `load`, `open` and `list`, and the file is never written nor locked.
#[test]
fn truncated_files_are_refused_with_a_position_and_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let full = store::serialize(&sample()).expect("serialize");
    let bytes = full.as_bytes();
    let step = (bytes.len() / 200).max(1);
    let bad = tmp.path().join("afgebroken.ron");
    let mut refused = 0;
    let mut still_whole = 0;
    for cut in (0..bytes.len()).step_by(step) {
        // Only cut on character boundaries: a cut inside "é" is a UTF-8 error (also refused).
        if !full.is_char_boundary(cut) {
            continue;
        }
        let part = &bytes[..cut];
        fs::write(&bad, part).expect("write");
        match store::load(&bad) {
            Ok(s) => {
                // Only whitespace was cut off: then it is the whole session.
                assert_eq!(s, sample(), "a cut at {cut} parses as a different session");
                still_whole += 1;
                continue;
            }
            Err(e) if cut == 0 => {
                // Nothing left: said in words, there is no position to point at.
                let msg = e.to_string();
                assert!(msg.contains("het bestand is leeg"), "{msg:?}");
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("regel "),
                    "cut at {cut}: no position in {msg:?}"
                );
                assert!(
                    msg.contains("kolom "),
                    "cut at {cut}: no position in {msg:?}"
                );
            }
        }
        assert!(store::open(&bad).is_err(), "cut at {cut} opens");
        assert!(matches!(
            store::list(tmp.path()).expect("list").as_slice(),
            [ListEntry::Unreadable { .. }]
        ));
        assert_eq!(
            fs::read(&bad).expect("read"),
            part,
            "cut at {cut} was changed"
        );
        refused += 1;
    }
    assert!(
        lock_files(tmp.path()).is_empty(),
        "{:?}",
        lock_files(tmp.path())
    );
    println!(
        "truncated: {refused} cuts refused with a position, {still_whole} cuts of only trailing whitespace loaded whole"
    );
    summary!("hostile: {refused} truncated files refused with line and column, none changed");
}

/// Garbage of all kinds: empty, binary, not UTF-8, UTF-16, deeply nested brackets (a
/// stack overflow would kill the app), a huge line. Each is listed as unreadable with
/// a Dutch reason, never opened, never changed, and the app shows the start screen.
#[test]
fn garbage_is_unreadable_not_fatal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("leeg", vec![]),
        (
            "binair",
            vec![0xff, 0x00, 0x12, 0x80, 0x1b, b'[', b'2', b'J'],
        ),
        (
            "utf16",
            "(schema: 1)"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
        ),
        ("haakjes", "(".repeat(100_000).into_bytes()),
        ("lijsten", "[".repeat(100_000).into_bytes()),
        ("kaarten", "{\"a\":".repeat(50_000).into_bytes()),
        (
            "lange-regel",
            format!("(schema: 1, id: \"{}", "x".repeat(1_000_000)).into_bytes(),
        ),
        ("nul", b"(\0schema: 1)".to_vec()),
        ("json", br#"{"schema": 1, "id": "x"}"#.to_vec()),
    ];
    for (name, bytes) in &cases {
        let path = tmp.path().join(format!("{name}.ron"));
        fs::write(&path, bytes).expect("write");
        let err = store::load(&path).expect_err(name);
        assert!(!err.to_string().is_empty());
        assert!(store::open(&path).is_err(), "{name} opens");
    }
    let list = store::list(tmp.path()).expect("list");
    assert_eq!(list.len(), cases.len());
    for entry in &list {
        let ListEntry::Unreadable { reason, .. } = entry else {
            panic!("{entry:?} is not unreadable");
        };
        assert!(!reason.is_empty());
    }
    // The app lists them and stays usable.
    let mut app = App::start_in(tmp, 100, 30);
    let screen = app.screen();
    assert!(screen.contains("onleesbaar"), "{screen}");
    for (name, bytes) in &cases {
        let path = app.dir.path().join(format!("{name}.ron"));
        app.msg(Msg::Open(path.clone()));
        assert!(app.model.open.is_none(), "{name} opened in the app");
        assert_eq!(&fs::read(&path).expect("read"), bytes, "{name} changed");
    }
    println!(
        "garbage: {} kinds, all listed as onleesbaar with a reason, none opened or changed",
        cases.len()
    );
    summary!(
        "hostile: {} kinds of garbage listed as onleesbaar, none changed",
        cases.len()
    );
}

/// What people do in a text editor. Some edits are fine (comments, CRLF, a BOM, tabs,
/// reordered fields); the others are refused with the line, the column and what is
/// wrong, in Dutch, and the file stays as it was.
#[test]
fn hand_edited_files_load_or_say_exactly_what_is_wrong() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let good = store::serialize(&sample()).expect("serialize");
    let fine: Vec<(&str, String)> = vec![
        (
            "commentaar",
            good.replacen("(\n", "(\n    // mijn eigen opmerking\n    /* blok */\n", 1),
        ),
        ("crlf", good.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{good}")),
        ("tabs", good.replace("    ", "\t")),
        ("volgorde", {
            let lines: Vec<&str> = good.lines().collect();
            // Swap `bestuurder` and `samenwerking` lines.
            let b = lines
                .iter()
                .position(|l| l.trim_start().starts_with("bestuurder:"));
            let s = lines
                .iter()
                .position(|l| l.trim_start().starts_with("samenwerking:"));
            let mut lines = lines.clone();
            if let (Some(b), Some(s)) = (b, s) {
                lines.swap(b, s);
            }
            lines.join("\n")
        }),
    ];
    for (name, body) in &fine {
        let path = tmp.path().join(format!("{name}.ron"));
        fs::write(&path, body).expect("write");
        let loaded = store::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded, sample(), "{name}");
    }
    let broken: Vec<(&str, String, &str)> = vec![
        (
            "modus",
            good.replacen("mode: coachgesprek", "mode: boos", 1),
            "onbekende waarde 'boos'",
        ),
        (
            "ontbrekend",
            good.lines()
                .filter(|l| !l.trim_start().starts_with("bestuurder:"))
                .collect::<Vec<_>>()
                .join("\n"),
            "het veld 'bestuurder' ontbreekt",
        ),
        (
            "dubbel",
            good.replacen(
                "    samenwerking:",
                "    bestuurder: \"X\",\n    samenwerking:",
                1,
            ),
            "staat er twee keer",
        ),
        (
            "komma",
            good.replacen("\"Anne Jansen\",", "\"Anne Jansen\"", 1),
            "komma",
        ),
        ("score", good.replacen("Score(4)", "Score(400)", 1), "getal"),
        (
            "aanhalingsteken",
            good.replacen("\"Anne Jansen\"", "\"Anne Jansen", 1),
            "regel ",
        ),
    ];
    for (name, body, expect) in &broken {
        let path = tmp.path().join(format!("{name}.ron"));
        fs::write(&path, body).expect("write");
        let err = store::open(&path).expect_err(name);
        let msg = err.to_string();
        assert!(msg.contains("regel "), "{name}: {msg}");
        assert!(msg.contains(expect), "{name}: {msg}");
        assert!(msg.contains(&path.display().to_string()), "{name}: {msg}");
        assert_eq!(
            &fs::read_to_string(&path).expect("read"),
            body,
            "{name} changed"
        );
        println!("  {name}: {msg}");
    }
    println!(
        "hand-edited: {} harmless edits load, {} broken ones refused with position and cause",
        fine.len(),
        broken.len()
    );
    summary!(
        "hostile: {} hand edits load, {} broken ones refused in Dutch with line and column",
        fine.len(),
        broken.len()
    );
}

/// A file from a newer kansrijk opens read-only in the app: the title says Alleen-lezen,
/// answers and notes are refused, the file stays byte for byte. One that this version
/// cannot even parse is listed with the reason and not opened.
#[test]
fn a_newer_schema_is_read_only_in_the_app_too() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = store::create(tmp.path(), &sample()).expect("create");
    let newer = fs::read_to_string(&path)
        .expect("read")
        .replacen("schema: 1,", "schema: 99,", 1);
    fs::write(&path, &newer).expect("write");
    let unparseable = tmp.path().join("toekomst.ron");
    let future = newer.replacen("mode: coachgesprek", "mode: Nieuw((soort: 3))", 1);
    fs::write(&unparseable, &future).expect("write");

    let mut app = App::start_in(tmp, 100, 30);
    app.msg(Msg::Open(path.clone()));
    app.press('s')
        .press('4')
        .press('e')
        .type_text("poging")
        .flush();
    let screen = app.screen();
    assert!(screen.contains("Alleen-lezen"), "{screen}");
    assert_eq!(fs::read_to_string(&path).expect("read"), newer);

    let err = store::load(&unparseable).expect_err("newer and unparseable");
    assert!(err.to_string().contains("nieuwere versie"), "{err}");
    app.msg(Msg::Back).msg(Msg::Back).msg(Msg::Back);
    app.effect_list();
    let listed = store::list(app.dir.path()).expect("list");
    assert!(listed.iter().any(|e| matches!(e,
        ListEntry::Unreadable { reason, .. } if reason.contains("nieuwere versie"))));
    assert_eq!(fs::read_to_string(&unparseable).expect("read"), future);
    println!("newer schema: read-only in the app, unchanged; unparseable newer file: {err}");
    summary!("hostile: newer schema read-only in the TUI, nothing changed");
}

// ---------------------------------------------------------------------------------------
// Odd folders

/// A missing sessions folder: the app shows an empty start screen; the first new
/// session creates it, 0700, with the file 0600.
#[test]
fn a_missing_folder_is_created_private_on_the_first_session() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("nog").join("niet").join("hier");
    let out = run(kansrijk().arg("list").arg("--dir").arg(&dir));
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("Geen sessies"),
        "{}",
        text(&out.stdout)
    );
    assert!(!dir.exists(), "list must not create the folder");

    let out = run(kansrijk()
        .args(["new", "--bestuurder", "A", "--samenwerking", "B", "--dir"])
        .arg(&dir));
    assert!(out.status.success(), "{}", text(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&dir).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let file = text(&out.stdout)
            .lines()
            .last()
            .map(PathBuf::from)
            .expect("path");
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    summary!("hostile: missing folder created 0700 on the first session");
}

/// A file where the sessions folder should be: the CLI and the app say so in Dutch and
/// the file is left alone.
#[test]
fn a_file_where_the_folder_should_be_is_named_as_such() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("sessies");
    fs::write(&file, "dit is geen map").expect("write");
    let out = run(kansrijk()
        .args(["new", "--bestuurder", "A", "--samenwerking", "B", "--dir"])
        .arg(&file));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("er staat een bestand waar een map hoort"),
        "{err}"
    );
    let out = run(kansrijk().arg("list").arg("--dir").arg(&file));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is geen map"),
        "{}",
        text(&out.stderr)
    );

    let content = std::sync::Arc::new(kansrijk::content::Content::embedded().expect("content"));
    let mut app = App {
        model: kansrijk::app::Model::new(content, file.clone()),
        runtime: kansrijk::runtime::Runtime::new(file.clone()),
        terminal: ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30))
            .expect("terminal"),
        dir: tmp,
    };
    app.msg(Msg::Resize(100, 30));
    app.effect_list();
    let screen = app.screen();
    assert!(screen.contains("is geen map"), "{screen}");
    assert_eq!(fs::read_to_string(&file).expect("read"), "dit is geen map");
    summary!("hostile: a file where the folder should be is named, in the CLI and the app");
}

// ---------------------------------------------------------------------------------------
// Big and hostile texts

/// A paste of 1 MB (with tabs, long lines and accents) into a note, through the app:
/// on disk exactly, after one save.
#[test]
fn a_paste_of_one_megabyte_is_kept_entirely() {
    let (mut app, path) = App::with_session();
    app.press('s').press('e');
    let mut pasted = String::new();
    let mut n = 0;
    while pasted.len() < 1024 * 1024 {
        n += 1;
        pasted.push_str(&format!(
            "Regel {n:06}:\tpartners bespreken hun belangen, ambities én vertrouwen{}\n",
            if n % 50 == 0 {
                " ".repeat(300) + "lang"
            } else {
                String::new()
            }
        ));
    }
    pasted.push_str("EINDE");
    let started = std::time::Instant::now();
    app.msg(Msg::Paste(pasted.clone()));
    app.flush();
    let took = started.elapsed();
    let session = store::load(&path).expect("load");
    let stored = session
        .notes
        .values()
        .find(|t| t.ends_with("EINDE"))
        .expect("the paste is in a note");
    assert_eq!(stored.len(), pasted.len(), "a different length");
    assert!(
        stored == &pasted,
        "the pasted note differs from what was pasted"
    );
    let size = fs::metadata(&path).expect("meta").len();
    println!(
        "1 MB paste: {} bytes in {} lines stored exactly; file {size} bytes; paste + save took {took:?}",
        pasted.len(),
        n + 1
    );
    summary!(
        "hostile: 1 MB paste kept exactly ({} bytes, {took:.0?})",
        pasted.len()
    );
}

/// Escape sequences and control characters in names and notes: stored intact, shown by
/// `list`, `show`, `new` and in error messages as visible symbols, never sent raw;
/// the same for a file *named* with an escape sequence.
#[test]
fn escape_sequences_are_stored_intact_and_printed_harmlessly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let hostile_name = "Anne \u{1b}]0;gekaapt\u{7}\u{1b}[2J\u{9b}31m\r";
    let mut s = Session::new(
        hostile_name,
        "",
        "Wijkzorg \u{1b}[31mNoord\u{1b}[0m",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    s.notes.insert(
        "ambitie".into(),
        "kleur \u{1b}[31mrood\u{0} nul \u{7f}".into(),
    );
    let path = store::create(tmp.path(), &s).expect("create");
    assert_eq!(store::load(&path).expect("load"), s, "stored intact");
    let raw = fs::read(&path).expect("read");
    assert!(
        !raw.contains(&0x1b) && !raw.contains(&0x07),
        "raw escapes in the file"
    );

    // A file whose name is an escape sequence (garbage inside).
    let evil = tmp.path().join("\u{1b}[31mrood\u{7}.ron");
    fs::write(&evil, "\u{1b}[2J(").expect("write");

    let out = run(kansrijk().arg("list").arg("--dir").arg(tmp.path()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&out.stdout);
    assert_harmless("list", &list);
    assert!(list.contains("Anne ␛]0;gekaapt␇␛[2J"), "{list}");
    assert!(list.contains("ONLEESBAAR"), "{list}");

    let out = run(kansrijk().arg("show").arg(&path));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_harmless("show", &text(&out.stdout));

    let out = run(kansrijk().arg("show").arg(&evil));
    assert!(!out.status.success());
    assert_harmless("show (error)", &text(&out.stderr));

    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            hostile_name,
            "--samenwerking",
            "\u{1b}[5mB",
            "--dir",
        ])
        .arg(tmp.path()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_harmless("new", &text(&out.stdout));

    let out = run(kansrijk().arg("verwijder").arg(&path));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_harmless("verwijder", &text(&out.stdout));
    let out = run(kansrijk().arg("herstel").arg("--dir").arg(tmp.path()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_harmless("herstel", &text(&out.stdout));
    println!(
        "escape sequences: stored intact, list/show/new/verwijder/herstel print them as symbols"
    );
    summary!("hostile: escape sequences stored intact; CLI output free of control characters");
}

/// Names that are no file names: the file lands inside the folder with a safe name, and
/// the names themselves are stored as typed.
#[test]
fn names_that_are_no_file_names_give_a_safe_file_inside_the_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("sessies");
    let long = "x".repeat(5000);
    for (bestuurder, samenwerking) in [
        ("../../etc", "a/b\\c:*?"),
        ("/etc/passwd", ".."),
        (".verborgen", "\u{7}bel"),
        ("CON", "NUL"),
        ("ééé", "日本語"),
        (long.as_str(), long.as_str()),
    ] {
        let out = run(kansrijk()
            .args([
                "new",
                "--bestuurder",
                bestuurder,
                "--samenwerking",
                samenwerking,
                "--dir",
            ])
            .arg(&dir));
        assert!(
            out.status.success(),
            "{bestuurder:?}: {}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        let path = PathBuf::from(stdout.lines().last().expect("path").trim());
        assert_eq!(
            path.parent(),
            Some(dir.as_path()),
            "{bestuurder:?} → {path:?}"
        );
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(
            name.len() <= 120
                && !name.starts_with('.')
                && name
                    .trim_end_matches(".ron")
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{bestuurder:?} → {name:?}"
        );
        let stored = store::load(&path).expect("load");
        assert_eq!(stored.bestuurder, bestuurder.trim());
        assert_eq!(stored.samenwerking, samenwerking.trim());
    }
    let outside: Vec<_> = fs::read_dir(tmp.path())
        .expect("read_dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(outside, vec![std::ffi::OsString::from("sessies")]);
    assert_eq!(store::list(&dir).expect("list").len(), 6);
    summary!("hostile: 6 kinds of impossible names gave safe files inside the folder");
}

// ---------------------------------------------------------------------------------------
// The prullenbak through the CLI

#[test]
fn verwijder_and_herstel_move_a_session_out_and_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = store::create(tmp.path(), &sample()).expect("create");
    let before = fs::read(&path).expect("read");

    let out = run(kansrijk().arg("verwijder").arg(&path));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("prullenbak"), "{said}");
    assert!(said.contains("kansrijk herstel"), "{said}");
    assert!(said.contains("Voorgoed verwijderen"), "{said}");
    assert!(!path.exists());
    let out = run(kansrijk().arg("list").arg("--dir").arg(tmp.path()));
    assert!(
        text(&out.stdout).contains("Geen sessies"),
        "{}",
        text(&out.stdout)
    );

    let out = run(kansrijk().arg("herstel").arg("--dir").arg(tmp.path()));
    assert!(out.status.success());
    let listed = text(&out.stdout);
    assert!(listed.contains("Anne Jansen · Wijkzorg Noord"), "{listed}");
    let name = path
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    assert!(listed.contains(&name), "{listed}");

    let out = run(kansrijk().args(["herstel", &name, "--dir"]).arg(tmp.path()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(fs::read(&path).expect("back"), before);

    let out = run(kansrijk()
        .args(["herstel", "bestaat-niet", "--dir"])
        .arg(tmp.path()));
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("staat niet in de prullenbak"),
        "{}",
        text(&out.stderr)
    );

    let help = text(&run(kansrijk().arg("--help")).stdout);
    assert!(help.contains("verwijder"), "{help}");
    assert!(help.contains("Voorgoed"), "{help}");
    assert!(help.contains("geen netwerk"), "{help}");
    let help = text(&run(kansrijk().args(["verwijder", "--help"])).stdout);
    assert!(help.contains("prullenbak"), "{help}");
    summary!("hostile: verwijder → prullenbak → herstel restores the file byte for byte");
}

// ---------------------------------------------------------------------------------------
// Round trip on disk

mod on_disk {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any names, notes (any Unicode, control characters included) and answers
        /// survive store::save → store::load on disk unchanged.
        #[test]
        fn any_session_survives_save_and_load_on_disk(
            bestuurder in "\\PC{1,40}",
            organisatie in any::<String>(),
            samenwerking in ".{1,40}",
            notes in proptest::collection::btree_map("[a-z]{1,10}", any::<String>(), 0..6),
            scores in proptest::collection::btree_map("[a-z]{1,8}\\.[a-z]{1,8}", 0u8..=6, 0..20),
            coach in any::<bool>(),
        ) {
            let tmp = tempfile::tempdir().expect("tempdir");
            let mode = if coach { Mode::Coachgesprek } else { Mode::Zelfreflectie };
            let mut s = Session::new(&bestuurder, &organisatie, &samenwerking, mode,
                jiff::Timestamp::from_second(1_790_000_000).expect("ts"));
            for (k, v) in scores {
                s.answers.insert(k, if v == 0 { Answer::DontKnow } else { Answer::Score(v) });
            }
            s.notes = notes;
            let path = store::create(tmp.path(), &s).expect("create");
            prop_assert_eq!(store::load(&path).expect("load"), s.clone());
            store::save(&path, &s).expect("save");
            prop_assert_eq!(store::load(&path).expect("load again"), s);
        }
    }

    #[test]
    fn the_parser_and_writer_agree_on_the_demo_sessions() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        for entry in fs::read_dir(&dir).expect("demo sessions") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let s = store::load(&path).expect("demo session loads");
            let again = session::from_ron(&session::to_ron(&s).expect("write")).expect("parse");
            assert_eq!(again, s, "{}", path.display());
        }
    }
}
