//! Names in the sessions folder that are not what they seem: symbolic links (to a file
//! elsewhere, dangling, to `/dev/zero`), FIFOs, an existing file where a report goes, a
//! forged or stale listing cache. Each case: nothing written outside the folder or
//! through a link, nothing overwritten that kansrijk did not write, no hang, no runaway
//! memory, a clear Dutch message (issue 11, items 5–10 and 12).
//!
//! Every run of the binary is killed after a few seconds (and limited to 1 GiB of
//! memory), so a regression fails the test instead of hanging the suite.
#![cfg(unix)]

macro_rules! summary {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod support;

use kansrijk::app::Msg;
use kansrijk::app::screens::start::{self, StartMsg};
use kansrijk::store::{self, ListEntry};
use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{App, create_session};

/// What a run of the binary gave.
struct Run {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs kansrijk with `args` in `dir` (as `--dir`), under a 1 GiB memory limit, and kills
/// it after `secs` seconds: then the test fails, naming the command.
fn kansrijk_in(dir: &Path, args: &[&str], secs: u64) -> Run {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 1048576; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_kansrijk"))
        .args(args)
        .arg("--dir")
        .arg(dir)
        .current_dir(dir)
        .env_remove("KANSRIJK_DIR")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("kansrijk could not be started");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let out = child.wait_with_output().expect("output");
            return Run {
                ok: status.success(),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            };
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kansrijk {args:?} did not finish within {secs} s (it hangs)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs `f` on another thread and fails when it takes longer than `secs` seconds (a
/// blocked thread is left behind; the test binary still ends).
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("{what} did not finish within {secs} s (it hangs)"))
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn status_text(app: &App) -> String {
    app.model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Item 5: reports never replace a file kansrijk did not write

#[test]
fn export_refuses_an_existing_file_unless_overschrijf() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let session = create_session(dir, "Anne Jansen", "Wijkzorg Noord");
    let s = session.to_string_lossy().into_owned();
    let thesis = dir.join("thesis.html");
    fs::write(&thesis, "mijn scriptie").expect("write");

    let run = kansrijk_in(dir, &["export", &s, "-o", "thesis.html"], 10);
    assert!(!run.ok, "an existing -o file must be refused");
    assert!(run.stderr.contains("bestaat al"), "{}", run.stderr);
    assert!(run.stderr.contains("--overschrijf"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&thesis).expect("read"), "mijn scriptie");

    let run = kansrijk_in(
        dir,
        &["export", &s, "-o", "thesis.html", "--overschrijf"],
        10,
    );
    assert!(run.ok, "{}", run.stderr);
    assert!(fs::read_to_string(&thesis).expect("read").contains("<html"));

    // The default name beside the session: a file of the user's own stays; kansrijk's
    // own report is simply renewed.
    let beside = session.with_extension("md");
    fs::write(&beside, "# Mijn eigen aantekeningen\n").expect("write");
    let run = kansrijk_in(dir, &["export", &s, "--formaat", "md"], 10);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("geen rapport van kansrijk"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(&beside).expect("read"),
        "# Mijn eigen aantekeningen\n"
    );
    fs::remove_file(&beside).expect("rm");
    for _ in 0..2 {
        let run = kansrijk_in(dir, &["export", &s, "--formaat", "md"], 10);
        assert!(run.ok, "renewing kansrijk's own report: {}", run.stderr);
    }
    let mode = fs::metadata(&beside).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a new report is private");

    // The TUI's `x`: the same rule for NAME.html beside the session.
    let html = session.with_extension("html");
    fs::write(&html, "<p>van mij</p>").expect("write");
    let mut app = App::start_in(tmp, 80, 24);
    // `x`, then Enter in the dialog: the full report.
    let write =
        kansrijk::app::screens::export::msg(kansrijk::app::screens::export::ExportMsg::Write);
    app.msg(Msg::Open(session.clone()))
        .msg(Msg::Export)
        .msg(write.clone());
    assert!(
        status_text(&app).contains("geen rapport van kansrijk"),
        "{}",
        status_text(&app)
    );
    assert_eq!(fs::read_to_string(&html).expect("read"), "<p>van mij</p>");
    fs::remove_file(&html).expect("rm");
    app.msg(Msg::Export)
        .msg(write.clone())
        .msg(Msg::Export)
        .msg(write);
    assert!(
        status_text(&app).contains("Rapport geschreven"),
        "{}",
        status_text(&app)
    );
    summary!(
        "paths: export -o refuses an existing file unless --overschrijf; x keeps a user's own NAME.html"
    );
}

// ---------------------------------------------------------------------------------------
// Item 6: a lock file that is a link

#[test]
fn a_lock_file_that_is_a_link_is_never_followed() {
    let outside = tempfile::tempdir().expect("outside");
    let victim = outside.path().join("victim.txt");
    fs::write(&victim, "belangrijk").expect("write");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let session = create_session(&dir, "Anne Jansen", "Wijkzorg Noord");
    let lock = store::lock_path(&session);
    symlink(&victim, &lock).expect("symlink");

    // The app's own folder is another one: dropping the app removes it.
    let mut app = App::start_in(tempfile::tempdir().expect("app dir"), 80, 24);
    app.msg(Msg::Open(session.clone()));
    let status = status_text(&app);
    assert!(status.contains("symbolische koppeling"), "{status}");
    assert!(
        app.model
            .open
            .as_ref()
            .is_some_and(|o| o.read_only.is_some())
    );
    app.msg(Msg::Back).msg(Msg::Quit);
    drop(app);
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "belangrijk");
    assert!(is_link(&lock), "the link itself is left alone");

    // verwijder: refused, nothing written through the link, the session stays.
    let run = kansrijk_in(&dir, &["verwijder", &session.to_string_lossy()], 10);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("symbolische koppeling"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "belangrijk");
    assert!(session.is_file());

    // A dangling link: no file appears outside the folder.
    fs::remove_file(&lock).expect("rm");
    let nowhere = outside.path().join("nieuw.txt");
    symlink(&nowhere, &lock).expect("symlink");
    let mut app = App::start_in(tempfile::tempdir().expect("unused"), 80, 24);
    app.msg(Msg::Open(session.clone()));
    drop(app);
    let run = kansrijk_in(&dir, &["verwijder", &session.to_string_lossy()], 10);
    assert!(!run.ok);
    assert!(
        !nowhere.exists(),
        "a dangling lock link created a file outside"
    );
    assert_eq!(names(outside.path()), vec!["victim.txt".to_string()]);
    summary!("paths: a lock file that is a symlink (or dangling) is never followed");
}

// ---------------------------------------------------------------------------------------
// Item 7: never write through or over a link; new files 0600

#[test]
fn a_linked_session_opens_read_only_and_links_are_never_replaced() {
    let outside = tempfile::tempdir().expect("outside");
    let real = create_session(outside.path(), "Anne Jansen", "Wijkzorg Noord");
    let before = fs::read(&real).expect("read");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let link = dir.join("anne.ron");
    symlink(&real, &link).expect("symlink");

    let mut app = App::start_in(tempfile::tempdir().expect("app dir"), 80, 24);
    app.msg(Msg::Open(link.clone()));
    let open = app.model.open.as_ref().expect("opened for reading");
    let why = open.read_only.clone().unwrap_or_default();
    assert!(why.contains("symbolische koppeling"), "{why}");
    app.msg(Msg::OpenScan).press('4').press('4').flush();
    drop(app);
    assert!(is_link(&link), "the link stays a link");
    assert_eq!(fs::read(&real).expect("read"), before, "target unchanged");
    assert!(
        store::write_atomic(&link, b"x").is_err(),
        "write_atomic refuses a link"
    );
    assert!(is_link(&link));
    assert!(
        !store::lock_path(&link).exists(),
        "no lock file for a read-only session"
    );

    // export -o a link (even with --overschrijf) and -o a FIFO.
    let s = real.to_string_lossy().into_owned();
    let report_target = outside.path().join("rapport.html");
    fs::write(&report_target, "oud").expect("write");
    let report_link = dir.join("rapport.html");
    symlink(&report_target, &report_link).expect("symlink");
    let run = kansrijk_in(
        &dir,
        &["export", &s, "-o", "rapport.html", "--overschrijf"],
        10,
    );
    assert!(!run.ok);
    assert!(
        run.stderr.contains("symbolische koppeling"),
        "{}",
        run.stderr
    );
    assert!(is_link(&report_link));
    assert_eq!(fs::read_to_string(&report_target).expect("read"), "oud");
    let fifo = dir.join("pijp.html");
    mkfifo(&fifo);
    let run = kansrijk_in(
        &dir,
        &["export", &s, "-o", "pijp.html", "--overschrijf"],
        10,
    );
    assert!(!run.ok);
    assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
    assert!(
        fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );

    // The listing cache as a link: read nor written through it.
    let cache_target = outside.path().join("cache.json");
    fs::write(&cache_target, "{}").expect("write");
    let cache = dir.join(kansrijk::store::index::INDEX_FILE);
    let _ = fs::remove_file(&cache);
    symlink(&cache_target, &cache).expect("symlink");
    let run = kansrijk_in(&dir, &["list"], 10);
    assert!(run.ok, "{}", run.stderr);
    assert!(is_link(&cache));
    assert_eq!(fs::read_to_string(&cache_target).expect("read"), "{}");

    // New files kansrijk creates are 0600 whatever the umask (here a permissive one).
    let fresh = tempfile::tempdir().expect("fresh");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_kansrijk"))
        .args([
            "new",
            "--bestuurder",
            "Bert",
            "--samenwerking",
            "T",
            "--dir",
        ])
        .arg(fresh.path());
    assert!(cmd.output().expect("new").status.success());
    for name in names(fresh.path()) {
        let mode = fs::metadata(fresh.path().join(&name))
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{name}");
    }
    summary!(
        "paths: a linked session is read-only; links, FIFOs and the cache link are never replaced"
    );
}

// ---------------------------------------------------------------------------------------
// Item 8: a prullenbak or groepen that is a link

#[test]
fn a_linked_prullenbak_or_groepen_is_refused() {
    let outside = tempfile::tempdir().expect("outside");
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let session = create_session(dir, "Anne Jansen", "Wijkzorg Noord");
    symlink(outside.path(), store::trash_dir(dir)).expect("symlink");

    let run = kansrijk_in(dir, &["verwijder", &session.to_string_lossy()], 10);
    assert!(!run.ok, "{}", run.stdout);
    assert!(
        run.stderr.contains("symbolische koppeling"),
        "{}",
        run.stderr
    );
    assert!(session.is_file(), "the session stays where it was");
    assert!(names(outside.path()).is_empty(), "nothing moved outside");
    assert!(
        !store::lock_path(&session).exists(),
        "no lock file left behind"
    );
    let run = kansrijk_in(dir, &["herstel"], 10);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("symbolische koppeling"),
        "{}",
        run.stderr
    );

    // groepen as a link: import refuses.
    let partner_dir = tempfile::tempdir().expect("partner");
    let partner = create_session(partner_dir.path(), "Bert Bos", "Wijkzorg Noord");
    symlink(outside.path(), dir.join("groepen")).expect("symlink");
    let run = kansrijk_in(dir, &["import", &partner.to_string_lossy()], 10);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("symbolische koppeling"),
        "{}",
        run.stderr
    );
    assert!(names(outside.path()).is_empty(), "nothing copied outside");
    summary!("paths: a symlinked prullenbak or groepen is refused");
}

// ---------------------------------------------------------------------------------------
// Item 9: verwijder leaves nothing with the session's name

#[test]
fn verwijder_takes_the_cache_entry_and_the_reports_along() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let session = create_session(dir, "Anne Jansen", "Wijkzorg Noord");
    let s = session.to_string_lossy().into_owned();
    let stem = session
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    assert!(kansrijk_in(dir, &["list"], 10).ok);
    assert!(kansrijk_in(dir, &["export", &s], 10).ok);
    assert!(kansrijk_in(dir, &["export", &s, "--formaat", "svg"], 10).ok);
    // A file of the user's own with the same stem is not kansrijk's: it stays.
    fs::write(dir.join(format!("{stem}.md")), "eigen").expect("write");

    let run = kansrijk_in(dir, &["verwijder", &s], 10);
    assert!(run.ok, "{}", run.stderr);
    let left = names(dir);
    assert_eq!(
        left,
        vec![
            kansrijk::store::index::INDEX_FILE.to_string(),
            format!("{stem}.md"),
            "prullenbak".to_string()
        ],
        "only the cache, the user's own file and the prullenbak"
    );
    let cache = String::from_utf8_lossy(
        &fs::read(dir.join(kansrijk::store::index::INDEX_FILE)).expect("cache"),
    )
    .into_owned();
    assert!(
        !cache.contains("Anne"),
        "the cache still names her: {cache}"
    );
    assert!(
        !cache.contains(&stem),
        "the cache still holds the file: {cache}"
    );
    let bin = names(&store::trash_dir(dir));
    for ext in ["ron", "html", "svg"] {
        assert!(bin.contains(&format!("{stem}.{ext}")), "{bin:?}");
    }

    let run = kansrijk_in(dir, &["herstel", &stem], 10);
    assert!(run.ok, "{}", run.stderr);
    assert!(session.is_file() && session.with_extension("html").is_file());
    assert!(session.with_extension("svg").is_file());
    assert!(names(&store::trash_dir(dir)).is_empty());
    summary!(
        "paths: verwijder takes the cache entry and kansrijk's reports along; herstel brings them back"
    );
}

// ---------------------------------------------------------------------------------------
// Item 10: FIFOs and devices neither hang nor eat memory

#[test]
fn fifos_and_devices_are_named_not_waited_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let real = create_session(&dir, "Anne Jansen", "Wijkzorg Noord");
    let r = real.to_string_lossy().into_owned();
    mkfifo(&dir.join(kansrijk::store::index::INDEX_FILE));
    mkfifo(&dir.join("pijp.ron"));
    symlink("/dev/zero", dir.join("nul.ron")).expect("symlink");

    let run = kansrijk_in(&dir, &["list"], 10);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains("Anne Jansen"), "{}", run.stdout);
    let line = |name: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("pijp.ron").starts_with("ONLEESBAAR"), "{}", run.stdout);
    assert!(line("pijp.ron").contains("FIFO"), "{}", run.stdout);
    assert!(line("nul.ron").contains("apparaat"), "{}", run.stdout);

    for (args, expect) in [
        (vec!["show", "pijp.ron"], "FIFO"),
        (vec!["show", "nul.ron"], "apparaat"),
        (vec!["export", "pijp.ron"], "FIFO"),
        (vec!["compare", "pijp.ron", r.as_str()], "FIFO"),
        (vec!["import", "pijp.ron"], "FIFO"),
        (vec!["import", "nul.ron"], "apparaat"),
        (vec!["verwijder", "pijp.ron"], "geen gewoon bestand"),
    ] {
        let run = kansrijk_in(&dir, &args, 10);
        assert!(!run.ok, "{args:?}");
        assert!(run.stderr.contains(expect), "{args:?}: {}", run.stderr);
    }

    // The index as /dev/zero, a FIFO as the lock file.
    fs::remove_file(dir.join(kansrijk::store::index::INDEX_FILE)).expect("rm");
    symlink("/dev/zero", dir.join(kansrijk::store::index::INDEX_FILE)).expect("symlink");
    let run = kansrijk_in(&dir, &["list"], 10);
    assert!(
        run.ok && run.stdout.contains("Anne Jansen"),
        "{}",
        run.stderr
    );
    mkfifo(&store::lock_path(&real));
    let run = kansrijk_in(&dir, &["verwijder", &r], 10);
    assert!(!run.ok);
    assert!(run.stderr.contains("FIFO"), "{}", run.stderr);
    let run = kansrijk_in(&dir, &["export", &r], 10);
    assert!(run.ok, "{}", run.stderr);

    // The TUI: listing and opening come back (read-only, with the reason).
    let (status, listed) = within(10, "the TUI with a FIFO lock", move || {
        let mut app = App::start_in(tmp, 80, 24);
        let listed = app.model.list.len();
        app.msg(Msg::Open(real));
        (status_text(&app), listed)
    });
    assert_eq!(listed, 3, "the session, the FIFO and the device are listed");
    assert!(status.contains("FIFO"), "{status}");
    summary!("paths: FIFOs and devices as session, cache or lock file: named, never waited on");
}

#[test]
fn a_session_larger_than_the_limit_is_refused_by_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let big = dir.join("groot.ron");
    let file = fs::File::create(&big).expect("create");
    // 64 MiB, `store::fsio::MAX_SESSION_BYTES`, plus one byte.
    file.set_len(64 * 1024 * 1024 + 1).expect("sparse file");
    let run = kansrijk_in(dir, &["show", "groot.ron"], 10);
    assert!(!run.ok);
    assert!(run.stderr.contains("groter dan 64 MiB"), "{}", run.stderr);
    let run = kansrijk_in(dir, &["list"], 10);
    assert!(run.stdout.contains("groter dan 64 MiB"), "{}", run.stdout);
}

// ---------------------------------------------------------------------------------------
// Item 12: a row is checked against its file before anything is done with it

fn row_of(app: &App, bestuurder: &str) -> Option<usize> {
    app.model.list.iter().position(
        |e| matches!(e, ListEntry::Session { header, .. } if header.bestuurder == bestuurder),
    )
}

#[test]
fn a_forged_or_stale_cache_row_is_checked_before_acting() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir: PathBuf = tmp.path().to_path_buf();
    let anne = create_session(&dir, "Anne Jansen", "Wijkzorg Noord");
    let _bert = create_session(&dir, "Bert Bos", "Jeugdnet");
    assert!(kansrijk_in(&dir, &["list"], 10).ok, "writes the cache");

    // A forged cache entry: Anne's file shown under another name.
    let cache = dir.join(kansrijk::store::index::INDEX_FILE);
    // The cache is binary with length-prefixed texts: a name of the same length in bytes.
    // (It is there twice: in the head the first frame reads, and among all files.)
    let mut forged = fs::read(&cache).expect("cache");
    let (from, to) = ("Anne Jansen".as_bytes(), "Zoë Valsen".as_bytes());
    assert_eq!(from.len(), to.len());
    let mut found = 0;
    while let Some(at) = forged.windows(from.len()).position(|w| w == from) {
        forged[at..at + from.len()].copy_from_slice(to);
        found += 1;
    }
    assert!(found > 0, "the name is in the cache");
    fs::write(&cache, forged).expect("forge");
    let mut app = App::start_in(tmp, 80, 24);
    let row = row_of(&app, "Zoë Valsen").expect("the forged row is shown");
    app.model.selected = row;
    app.msg(start::msg(StartMsg::Trash))
        .msg(start::msg(StartMsg::Trash));
    assert!(anne.is_file(), "d d acted on a row that is not its file");
    let status = status_text(&app);
    assert!(status.contains("buiten kansrijk veranderd"), "{status}");
    assert!(row_of(&app, "Zoë Valsen").is_none(), "the row is refreshed");
    assert!(row_of(&app, "Anne Jansen").is_some());

    // An in-place edit that keeps size, inode and time (`touch -r`).
    let meta = fs::metadata(&anne).expect("meta");
    let bytes = fs::read(&anne).expect("read");
    let edited = String::from_utf8(bytes)
        .expect("utf8")
        .replace("Anne Jansen", "Anna Jansen");
    {
        use std::io::Write;
        let mut f = fs::OpenOptions::new()
            .write(true)
            .open(&anne)
            .expect("open");
        f.write_all(edited.as_bytes()).expect("write");
        f.set_modified(meta.modified().expect("mtime"))
            .expect("touch -r");
    }
    app.effect_list();
    let row = row_of(&app, "Anne Jansen").expect("the stale row is shown");
    app.model.selected = row;
    app.msg(start::msg(StartMsg::Open));
    assert!(
        app.model.open.is_none(),
        "opened a row that is not its file"
    );
    assert!(status_text(&app).contains("buiten kansrijk veranderd"));
    let row = row_of(&app, "Anna Jansen").expect("the row shows the file now");
    app.model.selected = row;
    app.msg(start::msg(StartMsg::Open));
    assert!(
        app.model.open.is_some(),
        "a checked row opens: {}",
        status_text(&app)
    );
    summary!("paths: a forged or stale cache row is checked against its file before d d or Enter");
}
