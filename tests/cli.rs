//! The command line as a user sees it: the real binary, run with real arguments, in a
//! temporary sessions folder.

mod support;
use support::{kansrijk, run};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is not UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is not UTF-8")
}

fn assert_ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

/// `kansrijk new` in `dir`; returns the path it printed on its last line.
fn new_session(dir: &Path, bestuurder: &str, samenwerking: &str) -> PathBuf {
    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            bestuurder,
            "--samenwerking",
            samenwerking,
            "--dir",
        ])
        .arg(dir));
    assert_ok(&out, "kansrijk new");
    last_line_path(&out)
}

fn last_line_path(out: &Output) -> PathBuf {
    let text = stdout(out);
    let last = text
        .lines()
        .last()
        .expect("kansrijk new printed nothing on stdout");
    PathBuf::from(last.trim())
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(read) => read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

const ANSWERS: &str = r#"answers: {"ambitie.gedeeld": Score(4), "ambitie.waardevol": Score(5), "belangen.interesse": Score(2), "belangen.waarde": DontKnow},"#;

/// A new session with four answers written into its RON text.
fn session_with_answers(dir: &Path) -> PathBuf {
    let path = new_session(dir, "Anne Jansen", "Wijkzorg Noord");
    let text = fs::read_to_string(&path).expect("the new session file is not readable");
    assert!(
        text.contains("answers: {},"),
        "a new session should have `answers: {{}},`:\n{text}"
    );
    let text = text.replacen("answers: {},", ANSWERS, 1);
    fs::write(&path, text).expect("cannot write answers into the session file");
    path
}

#[test]
fn help_is_dutch() {
    let out = run(kansrijk().arg("--help"));
    assert_ok(&out, "kansrijk --help");
    let text = stdout(&out);
    for word in ["Gebruik", "Opdrachten", "Opties", "KANSRIJK_DIR"] {
        assert!(text.contains(word), "--help lacks {word:?}:\n{text}");
    }
}

#[test]
fn version_is_printed() {
    let out = run(kansrijk().arg("--version"));
    assert_ok(&out, "kansrijk --version");
    let text = stdout(&out);
    assert!(
        text.contains(env!("CARGO_PKG_VERSION")),
        "--version does not print {}: {text}",
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn new_prints_path_last_and_creates_private_file() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let dir = tmp.path().join("sessies");
    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            "Anne Jansen",
            "--samenwerking",
            "Wijkzorg Noord",
            "--dir",
        ])
        .arg(&dir));
    assert_ok(&out, "kansrijk new");
    let path = last_line_path(&out);
    assert!(path.is_file(), "{} does not exist", path.display());
    assert_eq!(
        path.parent(),
        Some(dir.as_path()),
        "the session is not in --dir"
    );
    let text = fs::read_to_string(&path).expect("the new session is not readable");
    assert!(text.contains("Anne Jansen"), "{text}");
    assert!(text.contains("Wijkzorg Noord"), "{text}");
    assert!(text.contains("mode: zelfreflectie"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file_mode = fs::metadata(&path)
            .expect("no metadata for the session")
            .permissions()
            .mode();
        assert_eq!(file_mode & 0o777, 0o600, "session file mode {file_mode:o}");
        let dir_mode = fs::metadata(&dir)
            .expect("no metadata for the folder")
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700, "sessions folder mode {dir_mode:o}");
    }
}

#[test]
fn new_stores_organisatie_and_modus() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            "Bram de Vries",
            "--samenwerking",
            "Regio Oost",
            "--organisatie",
            "Zorggroep Zuid",
            "--modus",
            "coachgesprek",
            "--dir",
        ])
        .arg(tmp.path()));
    assert_ok(&out, "kansrijk new --organisatie --modus");
    let path = last_line_path(&out);
    let text = fs::read_to_string(&path).expect("the new session is not readable");
    assert!(
        text.contains("Zorggroep Zuid"),
        "organisatie missing:\n{text}"
    );
    assert!(
        text.contains("mode: coachgesprek"),
        "modus missing:\n{text}"
    );
}

#[test]
fn new_refuses_empty_bestuurder() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            "",
            "--samenwerking",
            "Wijkzorg Noord",
            "--dir",
        ])
        .arg(tmp.path()));
    assert!(!out.status.success(), "an empty --bestuurder was accepted");
    let err = stderr(&out);
    assert!(err.contains("leeg"), "no Dutch message on stderr: {err}");
    assert!(
        ron_files(tmp.path()).is_empty(),
        "a session was created anyway"
    );
}

#[test]
fn kansrijk_dir_env_works_like_dir() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let dir = tmp.path().join("uit-env");
    let out = run(kansrijk()
        .args([
            "new",
            "--bestuurder",
            "Anne Jansen",
            "--samenwerking",
            "Wijkzorg Noord",
        ])
        .env("KANSRIJK_DIR", &dir));
    assert_ok(&out, "kansrijk new with KANSRIJK_DIR");
    let path = last_line_path(&out);
    assert_eq!(path.parent(), Some(dir.as_path()));
    assert!(path.is_file());

    let out = run(kansrijk().arg("list").env("KANSRIJK_DIR", &dir));
    assert_ok(&out, "kansrijk list with KANSRIJK_DIR");
    let text = stdout(&out);
    assert!(text.contains("Anne Jansen"), "{text}");
}

#[test]
fn list_shows_sessions_and_names_corrupt_file_without_touching_it() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    new_session(tmp.path(), "Anne Jansen", "Wijkzorg Noord");

    let out = run(kansrijk().arg("list").arg("--dir").arg(tmp.path()));
    assert_ok(&out, "kansrijk list");
    let text = stdout(&out);
    assert!(text.contains("Anne Jansen"), "{text}");
    assert!(text.contains("Wijkzorg Noord"), "{text}");
    assert!(!text.contains("ONLEESBAAR"), "{text}");

    let corrupt = tmp.path().join("kapot.ron");
    let bytes: &[u8] = b"(schema: 1, id: \"x\", created: ";
    fs::write(&corrupt, bytes).expect("cannot write kapot.ron");

    let out = run(kansrijk().arg("list").arg("--dir").arg(tmp.path()));
    assert_ok(&out, "kansrijk list with a corrupt file");
    let text = stdout(&out);
    assert!(text.contains("Anne Jansen"), "good session gone:\n{text}");
    assert!(
        text.contains("Wijkzorg Noord"),
        "good session gone:\n{text}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("kapot.ron"))
        .unwrap_or_else(|| panic!("kapot.ron is not named:\n{text}"));
    assert!(line.contains("ONLEESBAAR"), "{line}");
    assert!(line.contains("regel"), "no line number: {line}");
    assert!(line.contains("kolom"), "no column: {line}");

    let after = fs::read(&corrupt).expect("kapot.ron is gone");
    assert_eq!(after, bytes, "list changed the corrupt file");
}

#[test]
fn show_json_gives_exact_scores() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = session_with_answers(tmp.path());
    let out = run(kansrijk().arg("show").arg(&path).arg("--json"));
    assert_ok(&out, "kansrijk show --json");
    let text = stdout(&out);
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("show --json is not JSON ({e}):\n{text}"));
    let conditions = value["conditions"]
        .as_object()
        .unwrap_or_else(|| panic!("no `conditions` object:\n{text}"));
    let mut ids: Vec<&str> = conditions.keys().map(String::as_str).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["ambitie", "belangen", "organisatie", "proces", "relatie"]
    );

    let check = |id: &str, score: Option<f64>, answered: u64, total: u64| {
        let c = &conditions[id];
        match score {
            Some(s) => assert_eq!(c["score"].as_f64(), Some(s), "{id}: {c}"),
            None => assert!(c["score"].is_null(), "{id} should have no score: {c}"),
        }
        assert_eq!(c["answered"].as_u64(), Some(answered), "{id}: {c}");
        assert_eq!(c["total"].as_u64(), Some(total), "{id}: {c}");
    };
    check("ambitie", Some(4.5), 2, 4);
    check("belangen", Some(2.0), 2, 4);
    check("relatie", None, 0, 4);
    check("organisatie", None, 0, 4);
    check("proces", None, 0, 4);
}

#[test]
fn show_text_uses_decimal_comma() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = session_with_answers(tmp.path());
    let out = run(kansrijk().arg("show").arg(&path));
    assert_ok(&out, "kansrijk show");
    let text = stdout(&out);
    assert!(text.contains("4,5"), "no Dutch decimal comma:\n{text}");
    assert!(
        !text.contains("4.5"),
        "decimal point in Dutch output:\n{text}"
    );
    assert!(text.contains("Anne Jansen"), "{text}");
}

#[test]
fn show_corrupt_file_names_line_and_column() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let path = session_with_answers(tmp.path());
    let text = fs::read_to_string(&path).expect("session not readable");
    let line_no = text
        .lines()
        .position(|l| l.trim_start().starts_with("mode:"))
        .expect("no `mode:` line in a new session")
        + 1;
    // A second word after the mode: ron wants a comma there.
    let broken = text.replacen("mode: zelfreflectie,", "mode: zelfreflectie zelf,", 1);
    assert_ne!(broken, text, "the mode line was not found");
    let bad = tmp.path().join("stuk.ron");
    fs::write(&bad, &broken).expect("cannot write stuk.ron");

    let out = run(kansrijk().arg("show").arg(&bad));
    assert!(!out.status.success(), "show accepted a corrupt file");
    let err = stderr(&out);
    assert!(err.contains("regel"), "no line in: {err}");
    assert!(err.contains("kolom"), "no column in: {err}");
    assert!(
        err.contains(&format!("regel {line_no}")),
        "expected regel {line_no}: {err}"
    );
    assert!(err.contains("stuk.ron"), "file not named: {err}");
    let after = fs::read_to_string(&bad).expect("stuk.ron is gone");
    assert_eq!(after, broken, "show changed the corrupt file");
}

#[test]
fn show_missing_file_fails_in_dutch() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let missing = tmp.path().join("bestaat-niet.ron");
    let out = run(kansrijk().arg("show").arg(&missing));
    assert!(!out.status.success(), "show of a missing file succeeded");
    let err = stderr(&out);
    assert!(err.contains("bestaat niet"), "no Dutch message: {err}");
    assert!(err.contains("bestaat-niet.ron"), "file not named: {err}");
}

#[test]
fn list_of_missing_folder_says_no_sessions() {
    let tmp = tempfile::tempdir().expect("no temp dir");
    let dir = tmp.path().join("nog-niet");
    let out = run(kansrijk().arg("list").arg("--dir").arg(&dir));
    assert_ok(&out, "kansrijk list of a missing folder");
    let text = stdout(&out);
    assert!(text.contains("Geen sessies"), "{text}");
    assert!(!dir.exists(), "list created the folder");
}

#[test]
fn demo_sessions_are_readable() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let out = run(kansrijk().arg("list").arg("--dir").arg(&dir));
    assert_ok(&out, "kansrijk list --dir sessions");
    let text = stdout(&out);
    assert!(
        !text.contains("ONLEESBAAR"),
        "a demo session is unreadable:\n{text}"
    );
    let sessions = text
        .lines()
        .filter(|l| !l.starts_with("ONLEESBAAR") && l.trim_end().ends_with(".ron"))
        .count();
    assert!(
        sessions >= 2,
        "expected at least 2 demo sessions in {}, found {sessions}:\n{text}",
        dir.display()
    );
}
