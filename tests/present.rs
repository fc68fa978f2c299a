//! One presentation model: after a follow-up session, the group view (`g`), `kansrijk
//! compare` (text and JSON) and the group report count the same respondents — the latest
//! session of each bestuurder — and show the same means; anonymous numbers do not follow
//! the names.

mod support;

use kansrijk::app::Screen;
use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::App;

/// A session with every item answered `score`, created long ago.
fn answered(dir: &Path, name: &str, score: u8) -> PathBuf {
    let mut s = Session::new(
        name,
        "Stichting Voorbeeld",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_700_000_000).expect("timestamp"),
    );
    let content = kansrijk::content::Content::embedded().expect("content");
    for (_, item) in content.scan.items() {
        s.answers.insert(item.id.clone(), Answer::Score(score));
    }
    store::create(dir, &s).expect("create")
}

fn compare(dir: &Path, extra: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_kansrijk"))
        .env_remove("KANSRIJK_DIR")
        .env("NO_COLOR", "1")
        .args(["compare", "--samenwerking", "Wijkzorg Noord"])
        .args(extra)
        .arg("--dir")
        .arg(dir)
        .output()
        .expect("run kansrijk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn after_a_follow_up_the_group_view_and_compare_agree_on_who_counts_and_the_means() {
    let dir = tempfile::tempdir().expect("tempdir");
    let anne = answered(dir.path(), "Anne Jansen", 2);
    answered(dir.path(), "Bea de Boer", 4);
    let mut app = App::start_in(dir, 120, 40);
    // Select Anne's session and start a follow-up; answer ambitie 4 and belangen 3.
    for _ in 0..app.model.list.len() {
        if app.model.list.get(app.model.selected).map(|e| e.path()) == Some(anne.as_path()) {
            break;
        }
        app.code(KeyCode::Down);
    }
    app.press('v');
    let follow = app
        .model
        .open
        .as_ref()
        .expect("follow-up opened")
        .path
        .clone();
    assert_ne!(follow, anne);
    app.press('s');
    for d in "44443333".chars() {
        app.press(d);
    }
    app.flush();
    app.press('o').code(KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
    app.press('g');
    assert_eq!(app.model.screen, Screen::Group);
    let screen = app.screen();
    let today = kansrijk::present::short_date(jiff::Timestamp::now());
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Anne Jansen") && l.contains(&today)),
        "the follow-up's date stands next to Anne: {screen}"
    );

    let dir = app.dir.path().to_path_buf();
    let out = compare(&dir, &["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["count"], 2, "Anne's first session no longer counts");
    assert!(
        screen.contains(" 2 respondenten "),
        "the group view counts the same: {screen}"
    );
    let members = json["respondents"].as_array().expect("respondents");
    let files: Vec<&str> = members.iter().filter_map(|m| m["file"].as_str()).collect();
    assert!(
        files.iter().any(|f| Path::new(f) == follow),
        "the follow-up stands for Anne: {files:?}"
    );
    assert!(!files.iter().any(|f| Path::new(f) == anne), "{files:?}");

    // The same numbers, row by row, in the group view.
    let content = kansrijk::content::Content::embedded().expect("content");
    let fmt = |v: &serde_json::Value| kansrijk::fmt_opt_score(v.as_f64());
    for c in &content.scan.conditions {
        let j = &json["conditions"][&c.id];
        let row = format!(
            "{:<16} {:>5} {:>5} {:>5}",
            c.name.chars().take(16).collect::<String>(),
            fmt(&j["mean"]),
            fmt(&j["min"]),
            fmt(&j["max"])
        );
        assert!(
            screen.contains(&row),
            "{row:?} not in the group view:\n{screen}"
        );
    }
    // Ambitie: the follow-up's 4 and Bea's 4 — not (2 + 4 + 4) / 3 with the old session.
    assert_eq!(json["conditions"]["ambitie"]["mean"], 4.0);
    assert_eq!(json["conditions"]["belangen"]["mean"], 3.5);

    // The table names each respondent once, with the session that stands for them.
    let out = compare(&dir, &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("Anne Jansen").count(), 1, "{text}");
    assert!(
        text.contains(&format!("R1 = Anne Jansen (sessie van {today}")),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("telt niet mee"),
        "the left-out session is named: {err}"
    );

    // The group report counts the same.
    let report = dir.join("groep.md");
    compare(
        &dir,
        &["--export", "md", "-o", report.to_str().expect("utf-8")],
    );
    let md = std::fs::read_to_string(&report).expect("report");
    assert!(md.contains("- **Respondenten:** 2"), "{md}");
    // One row for Anne (issue 14 added the drill-down and the dilemma positions, whose
    // columns name the respondents too, so count within the table of respondents).
    let rows = md
        .split("## Per respondent")
        .nth(1)
        .and_then(|r| r.split("## ").next())
        .expect("the table of respondents");
    assert_eq!(rows.matches("Anne Jansen").count(), 1, "{md}");
}

#[test]
fn presenting_numbers_respondents_the_same_way_as_compare_anoniem() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, score) in [("Anne", 1), ("Bea", 2), ("Cor", 3), ("Dirk", 4), ("Els", 5)] {
        answered(dir.path(), name, score);
    }
    let mut app = App::start_in(dir, 120, 40);
    app.press('g');
    assert_eq!(app.model.screen, Screen::Group);
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    let screen = app.screen();
    assert!(!screen.contains("Anne"), "{screen}");
    assert!(screen.contains("R1") && screen.contains("R5"), "{screen}");

    let dir = app.dir.path().to_path_buf();
    let out = compare(&dir, &["--anoniem"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Anne") && !text.contains("Bea"), "{text}");
    // Each respondent answered one number everywhere: the R-columns of the ambitie row
    // give the order of the numbers.
    let row = text
        .lines()
        .find(|l| l.starts_with("Gedeelde ambitie"))
        .expect("ambitie row");
    let per_respondent: Vec<&str> = row.split_whitespace().skip(5).take(5).collect();
    assert_eq!(per_respondent.len(), 5, "{row}");
    assert_ne!(
        per_respondent,
        ["1,0", "2,0", "3,0", "4,0", "5,0"],
        "R1…R5 must not follow the alphabetical order of the names: {row}"
    );
    let again = compare(&dir, &["--anoniem"]);
    assert_eq!(again.stdout, out.stdout, "a meeting keeps its numbers");
    let named = compare(&dir, &[]);
    let named = String::from_utf8_lossy(&named.stdout);
    assert!(named.contains("R1 = Anne"), "{named}");
}
