//! Groups: `kansrijk import` (copies, never touches the originals, refuses unreadable
//! files but imports the rest), `group::members`, and `kansrijk compare` as a table, as
//! JSON and as a group report.

mod support;
use support::kansrijk;

use kansrijk::content::Content;
use kansrijk::group;
use kansrijk::session::{Answer, Mode, Session};
use std::path::{Path, PathBuf};
use std::process::Output;

fn content() -> Content {
    Content::embedded().expect("embedded content")
}

/// A session whose items of condition `ci` are all answered `scores[ci]` (0 = nothing).
fn session(content: &Content, name: &str, samenwerking: &str, scores: [u8; 5]) -> Session {
    let mut s = Session::new(
        name,
        "Zorg BV",
        samenwerking,
        Mode::Zelfreflectie,
        "2026-09-01T09:00:00Z".parse().expect("timestamp"),
    );
    for (ci, c) in content.scan.conditions.iter().enumerate() {
        for it in &c.items {
            if scores[ci] > 0 {
                s.answers.insert(it.id.clone(), Answer::Score(scores[ci]));
            }
        }
    }
    s
}

fn save(dir: &Path, name: &str, s: &Session) -> PathBuf {
    let path = dir.join(name);
    kansrijk::store::save(&path, s).expect("save");
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "failed: {:?}\n{}\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn import_copies_refuses_broken_files_and_never_touches_originals() {
    let c = content();
    let sessions = tempfile::tempdir().expect("tempdir");
    let inbox = tempfile::tempdir().expect("tempdir");
    let a = save(
        inbox.path(),
        "partner-a.ron",
        &session(&c, "Bea", "Wijkzorg Noord", [3, 2, 4, 3, 3]),
    );
    let b = save(
        inbox.path(),
        "partner-b.ron",
        &session(&c, "Cor", "Wijkzorg Noord", [5, 2, 2, 3, 4]),
    );
    let broken = inbox.path().join("kapot.ron");
    std::fs::write(&broken, "(schema: 1, id: ").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in [&a, &b, &broken] {
            std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
    }
    let originals: Vec<(PathBuf, Vec<u8>)> = [&a, &b, &broken]
        .iter()
        .map(|p| ((*p).clone(), std::fs::read(p).expect("read")))
        .collect();

    let out = kansrijk()
        .arg("import")
        .arg(&a)
        .arg(&broken)
        .arg(&b)
        .arg("--dir")
        .arg(sessions.path())
        .output()
        .expect("run");
    assert!(
        !out.status.success(),
        "a refused file makes the exit code non-zero"
    );
    let err = stderr(&out);
    assert!(err.contains("kapot.ron"), "{err}");
    assert!(err.contains("regel 1, kolom"), "{err}");
    let text = stdout(&out);
    assert!(text.contains("2 sessies geïmporteerd"), "{text}");

    let folder = sessions.path().join("groepen").join("wijkzorg-noord");
    let copy_a = folder.join("partner-a.ron");
    let copy_b = folder.join("partner-b.ron");
    assert!(text.contains(&copy_a.display().to_string()), "{text}");
    assert_eq!(std::fs::read(&copy_a).expect("copy"), originals[0].1);
    assert_eq!(std::fs::read(&copy_b).expect("copy"), originals[1].1);
    assert!(!folder.join("kapot.ron").exists());
    #[cfg(unix)]
    {
        assert_eq!(mode(&sessions.path().join("groepen")), 0o700);
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&copy_a), 0o600);
        for (p, _) in &originals {
            assert_eq!(mode(p), 0o644, "original's mode unchanged");
        }
    }
    for (p, bytes) in &originals {
        assert_eq!(
            &std::fs::read(p).expect("read"),
            bytes,
            "{} changed",
            p.display()
        );
    }

    // Again: the same bytes are not copied twice; a different file with the same name
    // gets -2.
    let other_inbox = tempfile::tempdir().expect("tempdir");
    let a2 = save(
        other_inbox.path(),
        "partner-a.ron",
        &session(&c, "Dirk", "Wijkzorg Noord", [1, 1, 1, 1, 1]),
    );
    let out = kansrijk()
        .arg("import")
        .arg(&a)
        .arg(&a2)
        .arg("--dir")
        .arg(sessions.path())
        .output()
        .expect("run");
    assert_ok(&out);
    let text = stdout(&out);
    assert!(text.contains("Al aanwezig"), "{text}");
    assert_eq!(
        std::fs::read(folder.join("partner-a-2.ron")).expect("copy"),
        std::fs::read(&a2).expect("read")
    );
    assert!(!folder.join("partner-a-3.ron").exists());

    // The group folder is not listed among the sessions at the top level.
    let entries = kansrijk::store::list(sessions.path()).expect("list");
    assert!(entries.is_empty(), "{entries:?}");
    let out = kansrijk()
        .arg("list")
        .arg("--dir")
        .arg(sessions.path())
        .output()
        .expect("run");
    assert_ok(&out);
    assert!(!stdout(&out).contains("partner-a"));
}

#[test]
fn members_are_top_level_sessions_and_imported_ones() {
    let c = content();
    let dir = tempfile::tempdir().expect("tempdir");
    let own = session(&c, "Anne", "Wijkzorg Noord", [4, 4, 4, 4, 4]);
    save(dir.path(), "anne.ron", &own);
    save(
        dir.path(),
        "ander.ron",
        &session(&c, "Anne", "Jeugdalliantie", [1, 1, 1, 1, 1]),
    );
    let inbox = tempfile::tempdir().expect("tempdir");
    let p = save(
        inbox.path(),
        "bea.ron",
        &session(&c, "Bea", "wijkzorg noord", [2, 2, 2, 2, 2]),
    );
    // Her own session, imported by mistake, counts once.
    let dup = save(inbox.path(), "anne-kopie.ron", &own);
    let report = group::import(dir.path(), &[p, dup]);
    assert_eq!(report.imported.len(), 2);
    assert!(report.refused.is_empty());
    let members = group::members(dir.path(), "Wijkzorg Noord");
    let names: Vec<&str> = members.iter().map(|(_, s)| s.bestuurder.as_str()).collect();
    assert_eq!(names, ["Anne", "Bea"]);
    assert!(group::members(dir.path(), "Onbekend").is_empty());
}

#[test]
fn compare_json_has_exactly_the_documented_shape() {
    let c = content();
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        save(dir.path(), "a.ron", &session(&c, "A", "W", [4, 2, 3, 0, 5])),
        save(dir.path(), "b.ron", &session(&c, "B", "W", [2, 2, 4, 0, 5])),
        save(dir.path(), "c.ron", &session(&c, "C", "W", [3, 2, 2, 0, 4])),
    ];
    let out = kansrijk()
        .args(["compare", "--json"])
        .args(&files)
        .output()
        .expect("run");
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.starts_with("{\"count\":3,\"respondents\":[{\"label\":\"A\","),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let obj = v.as_object().expect("object");
    // Issue 14: `respondents` became the list of who stands for each respondent (with
    // their scores; it replaced `members`), `count` says how many; `topics` and
    // `dilemmas` were added.
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "conditions",
            "count",
            "dilemmas",
            "items",
            "respondents",
            "topics"
        ]
    );
    assert_eq!(v["count"], 3);
    let members = v["respondents"].as_array().expect("respondents");
    assert_eq!(members.len(), 3);
    assert_eq!(members[0]["label"], "A");
    assert_eq!(members[0]["date"], "01-09-2026");
    assert!(
        members[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("a.ron")),
        "{text}"
    );
    let conditions = v["conditions"].as_object().expect("conditions");
    assert_eq!(conditions.len(), 5);
    assert_eq!(v["conditions"]["ambitie"]["mean"], 3.0);
    assert_eq!(v["conditions"]["ambitie"]["min"], 2.0);
    assert_eq!(v["conditions"]["ambitie"]["max"], 4.0);
    assert_eq!(v["conditions"]["relatie"]["mean"], 3.0);
    assert!(v["conditions"]["organisatie"]["mean"].is_null());
    assert!(v["conditions"]["organisatie"]["min"].is_null());
    for c in conditions.values() {
        let keys: Vec<&String> = c.as_object().expect("condition").keys().collect();
        assert_eq!(keys.len(), 3);
    }
    let items = v["items"].as_array().expect("items");
    assert_eq!(items.len(), 20);
    for item in items {
        // id, mean, spread, n, dont_know, counts, answers (the drill-down).
        assert_eq!(item.as_object().expect("item").len(), 7);
    }
    // Largest spread first, ties in scan order; no data last.
    assert_eq!(items[0]["id"], "ambitie.gedeeld");
    assert_eq!(items[0]["spread"], 2);
    assert_eq!(items[0]["mean"], 3.0);
    let spreads: Vec<i64> = items
        .iter()
        .map(|i| i["spread"].as_i64().unwrap_or(-1))
        .collect();
    let mut sorted = spreads.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(spreads, sorted);
    assert!(items[19]["spread"].is_null() && items[19]["mean"].is_null());
}

#[test]
fn compare_table_and_group_report() {
    let c = content();
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        save(
            dir.path(),
            "a.ron",
            &session(&c, "Anne Jansen", "Wijkzorg Noord", [4, 2, 3, 1, 5]),
        ),
        save(
            dir.path(),
            "b.ron",
            &session(&c, "Bea de Boer", "Wijkzorg Noord", [2, 2, 4, 5, 5]),
        ),
    ];
    let out = kansrijk()
        .arg("compare")
        .args(&files)
        .output()
        .expect("run");
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.starts_with("Wijkzorg Noord — 2 respondenten"),
        "{text}"
    );
    assert!(text.contains("R1 = Anne Jansen"));
    assert!(
        text.contains("Gedeelde ambitie    3,0   2,0   4,0   4,0   2,0"),
        "{text}"
    );
    assert!(text.contains("Belangen            2,0   2,0   2,0   2,0   2,0  ! zwak"));
    assert!(text.contains("Gespreksonderwerpen"));
    assert!(text.contains(&c.scan.conditions[1].neglect_risk));

    let out = kansrijk()
        .args(["compare", "--anoniem"])
        .args(&files)
        .output()
        .expect("run");
    assert_ok(&out);
    assert!(!stdout(&out).contains("Anne"));

    let out = kansrijk()
        .args(["compare", "--export", "html", "--anoniem"])
        .args(&files)
        .output()
        .expect("run");
    assert_ok(&out);
    let path = PathBuf::from(stdout(&out).lines().last().expect("path").trim());
    assert_eq!(path, dir.path().join("groep-wijkzorg-noord.html"));
    let html = std::fs::read_to_string(&path).expect("html");
    assert!(html.contains("data-reeks=\"respondent-2\""));
    assert!(html.contains("data-reeks=\"gemiddelde\""));
    assert!(html.contains("Gespreksonderwerpen"));
    assert!(!html.contains("Anne") && !html.contains("Bea"), "anonymous");
    assert!(!html.contains("http") && !html.contains("<script"));

    // The group of a samenwerking from the sessions folder.
    let out = kansrijk()
        .args([
            "compare",
            "--samenwerking",
            "Wijkzorg Noord",
            "--export",
            "md",
            "-o",
        ])
        .arg(dir.path().join("groep.md"))
        .arg("--dir")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_ok(&out);
    let md = std::fs::read_to_string(dir.path().join("groep.md")).expect("md");
    assert!(md.contains("- **Respondenten:** 2"));
    assert!(md.contains("Anne Jansen"));
}

#[test]
fn compare_needs_two_readable_sessions() {
    let c = content();
    let dir = tempfile::tempdir().expect("tempdir");
    let a = save(dir.path(), "a.ron", &session(&c, "A", "W", [4, 2, 3, 1, 5]));
    let out = kansrijk().arg("compare").arg(&a).output().expect("run");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("minstens twee"), "{}", stderr(&out));
    let out = kansrijk()
        .arg("compare")
        .arg(&a)
        .arg(&a)
        .output()
        .expect("run");
    assert!(
        !out.status.success(),
        "the same session twice is one respondent"
    );
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, "(schema: 1,\n  id: 5,\n)").expect("write");
    let out = kansrijk()
        .arg("compare")
        .arg(&a)
        .arg(&broken)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("kapot.ron") && err.contains("regel 2"),
        "{err}"
    );
}
