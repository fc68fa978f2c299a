//! Issue 13 (advice from the scan, "weet ik niet" kept visible) and issue 14 (reports
//! people hand over), through the real binary: `show`, `export`, `compare`, `import`.

use kansrijk::content::Content;
use kansrijk::session::{Answer, DilemmaReflection, Mode, Session};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn content() -> Content {
    Content::embedded().expect("embedded content")
}

fn kansrijk(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kansrijk"));
    c.env("KANSRIJK_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("CI_NO_SUCH");
    c
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().expect("timestamp")
}

/// A session answered 4 everywhere, with `answers` on top.
fn session(name: &str, org: &str, at: &str, answers: &[(&str, Answer)]) -> Session {
    let c = content();
    let mut s = Session::new(name, org, "Wijkzorg Noord", Mode::Zelfreflectie, ts(at));
    for (_, item) in c.scan.items() {
        s.answers.insert(item.id.clone(), Answer::Score(4));
    }
    for (k, v) in answers {
        s.answers.insert(k.to_string(), *v);
    }
    s
}

fn save(dir: &Path, file: &str, s: &Session) -> PathBuf {
    let path = dir.join(file);
    kansrijk::store::save(&path, s).expect("save");
    path
}

/// Belangen at 1,3 with one "weet ik niet"; relatie with two "weet ik niet".
fn weak_belangen() -> Session {
    let mut s = session(
        "Anne Jansen",
        "Zorggroep Noord",
        "2026-10-02T10:00:00Z",
        &[
            ("belangen.interesse", Answer::Score(1)),
            ("belangen.waarde", Answer::Score(1)),
            ("belangen.onderhandeling", Answer::Score(2)),
            ("belangen.dialoog", Answer::DontKnow),
            ("relatie.groep", Answer::DontKnow),
            ("relatie.vertrouwen", Answer::DontKnow),
        ],
    );
    s.actions.push(kansrijk::session::Action {
        what: "Belangengesprek plannen".into(),
        who: "Anne".into(),
        when: "december".into(),
        ..Default::default()
    });
    s
}

// ---------------------------------------------------------------------------------------
// Issue 13: advice and "weet ik niet"

#[test]
fn show_json_has_dont_know_and_advice_for_the_weak_condition() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = save(tmp.path(), "anne.ron", &weak_belangen());
    let text = ok(
        kansrijk(tmp.path())
            .args(["show", "--json"])
            .arg(&path)
            .output()
            .expect("run"),
        "show --json",
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let b = &v["conditions"]["belangen"];
    assert_eq!(b["dont_know"], 1, "{b}");
    assert_eq!(b["answered"], 4, "{b}");
    let score = b["score"].as_f64().expect("score");
    assert!(
        (score - 4.0 / 3.0).abs() < 1e-9,
        "the mean of the scored answers: {b}"
    );
    assert_eq!(v["conditions"]["relatie"]["dont_know"], 2);

    let advice = v["advice"].as_array().expect("advice");
    assert_eq!(advice.len(), 1, "only conditions below 3,0: {text}");
    let a = &advice[0];
    assert_eq!(a["condition"], "belangen");
    assert!((a["score"].as_f64().expect("score") - 4.0 / 3.0).abs() < 1e-9);
    let c = content();
    let themes = a["themes"].as_array().expect("themes");
    let dilemmas = a["dilemmas"].as_array().expect("dilemmas");
    let instruments = a["instruments"].as_array().expect("instruments");
    assert!(
        !themes.is_empty() && !dilemmas.is_empty() && !instruments.is_empty(),
        "{a}"
    );
    for t in themes {
        assert!(
            c.theme(t.as_str().expect("id")).is_some(),
            "unknown theme {t}"
        );
    }
    for d in dilemmas {
        assert!(
            c.dilemma(d.as_str().expect("id")).is_some(),
            "unknown dilemma {d}"
        );
    }
    for i in instruments {
        assert!(
            c.instrument(i.as_str().expect("id")).is_some(),
            "unknown instrument {i}"
        );
    }
    // Two "weet ik niet" on relatie: advice of its own.
    let insight = v["insight"].as_array().expect("insight");
    assert_eq!(insight.len(), 1, "{text}");
    assert_eq!(insight[0]["condition"], "relatie");
    assert_eq!(insight[0]["dont_know"], 2);
    assert_eq!(
        insight[0]["indicators"],
        serde_json::json!(["relatie.groep", "relatie.vertrouwen"])
    );
}

#[test]
fn advice_is_weakest_first() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let s = session(
        "B",
        "",
        "2026-10-02T10:00:00Z",
        &[
            ("proces.fasering", Answer::Score(2)),
            ("proces.balans", Answer::Score(2)),
            ("proces.regie", Answer::Score(2)),
            ("proces.opbrengst", Answer::Score(2)),
            ("ambitie.gedeeld", Answer::Score(1)),
            ("ambitie.waardevol", Answer::Score(1)),
            ("ambitie.strategie", Answer::Score(1)),
            ("ambitie.persoonlijk", Answer::Score(1)),
        ],
    );
    let path = save(tmp.path(), "b.ron", &s);
    let text = ok(
        kansrijk(tmp.path())
            .args(["show", "--json"])
            .arg(&path)
            .output()
            .expect("run"),
        "show --json",
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let order: Vec<&str> = v["advice"]
        .as_array()
        .expect("advice")
        .iter()
        .filter_map(|a| a["condition"].as_str())
        .collect();
    assert_eq!(order, ["ambitie", "proces"], "{text}");
}

#[test]
fn show_text_says_three_plus_one_weet_niet_and_gives_the_advice() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = save(tmp.path(), "anne.ron", &weak_belangen());
    let text = ok(
        kansrijk(tmp.path())
            .arg("show")
            .arg(&path)
            .output()
            .expect("run"),
        "show",
    );
    let belangen = text
        .lines()
        .find(|l| l.starts_with("Belangen "))
        .unwrap_or_else(|| panic!("no Belangen row:\n{text}"));
    assert!(belangen.contains("1,3"), "{belangen}");
    assert!(belangen.contains("(3 + 1 weet niet)"), "{belangen}");
    assert!(!belangen.contains("4/4"), "{belangen}");
    let ambitie = text
        .lines()
        .find(|l| l.starts_with("Gedeelde ambitie"))
        .expect("ambitie");
    assert!(ambitie.contains("(4/4)"), "{ambitie}");
    assert!(text.contains("Aandachtspunten"), "{text}");
    let c = content();
    let motieven = c
        .theme("samenwerking.motieven")
        .expect("theme")
        .1
        .title
        .clone();
    assert!(text.contains(&format!("Thema: {motieven} — ")), "{text}");
    assert!(text.contains("Om over na te denken: "), "{text}");
    assert!(text.contains("Hier is zicht nodig: Relatie"), "{text}");
    assert!(text.contains("Wie zou dit wel weten"), "{text}");
}
