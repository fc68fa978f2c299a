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

// ---------------------------------------------------------------------------------------
// Issue 14: groups

/// Three partners with names, organisations, dates, answers and dilemma positions.
fn partners(dir: &Path) -> (Vec<PathBuf>, String) {
    let c = content();
    let dilemma = c.handreiking.tensions[0].dilemmas[0].id.clone();
    let people = [
        (
            "Anne Jansen",
            "Zorggroep Noord",
            "2026-09-01T10:00:00Z",
            Answer::Score(1),
            Some(-2),
        ),
        (
            "Bas de Vries",
            "Thuiszorg Oost",
            "2026-09-02T10:00:00Z",
            Answer::DontKnow,
            Some(3),
        ),
        (
            "Carla Smit",
            "GGD West",
            "2026-09-03T10:00:00Z",
            Answer::Score(5),
            None,
        ),
    ];
    let files = people
        .iter()
        .enumerate()
        .map(|(k, (name, org, at, answer, pos))| {
            let mut s = session(name, org, at, &[("belangen.interesse", *answer)]);
            if let Some(p) = pos {
                s.dilemmas.insert(
                    dilemma.clone(),
                    DilemmaReflection {
                        position: Some(*p),
                        note: "PRIVE-NOTITIE".into(),
                        ..Default::default()
                    },
                );
            }
            save(dir, &format!("p{k}.ron"), &s)
        })
        .collect();
    (files, dilemma)
}

#[test]
fn compare_json_has_respondents_topics_drill_down_and_dilemma_positions() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (files, dilemma) = partners(tmp.path());
    let text = ok(
        kansrijk(tmp.path())
            .args(["compare", "--json"])
            .args(&files)
            .output()
            .expect("run"),
        "compare --json",
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["count"], 3);
    let r = v["respondents"].as_array().expect("respondents");
    let labels: Vec<&str> = r.iter().filter_map(|x| x["label"].as_str()).collect();
    assert_eq!(labels, ["Anne Jansen", "Bas de Vries", "Carla Smit"]);
    assert_eq!(r[0]["date"], "01-09-2026");
    assert!(r[0]["file"].as_str().is_some_and(|f| f.ends_with("p0.ron")));
    let bas = &r[1]["conditions"]["belangen"];
    assert_eq!(bas["answered"], 4, "{bas}");
    assert_eq!(bas["dont_know"], 1, "{bas}");
    assert_eq!(bas["score"], 4.0, "{bas}");
    assert_eq!(r[0]["conditions"]["belangen"]["score"], 3.25);

    // The drill-down: every respondent's answer to one indicator.
    let item = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["id"] == "belangen.interesse")
        .expect("belangen.interesse");
    assert_eq!(item["answers"], serde_json::json!([1, "weet ik niet", 5]));
    assert_eq!(item["dont_know"], 1);
    assert_eq!(item["counts"], serde_json::json!([1, 0, 0, 0, 1]));

    // Topics: belangen.interesse lies 4 apart.
    assert_eq!(
        v["topics"]["disagreements"][0], "belangen.interesse",
        "{text}"
    );
    assert!(v["topics"]["weak"].as_array().is_some_and(|w| w.is_empty()));

    // Dilemma positions side by side.
    let d = &v["dilemmas"][&dilemma];
    assert_eq!(d["positions"], serde_json::json!([-2, 3, null]), "{text}");
    assert_eq!(d["min"], -2);
    assert_eq!(d["max"], 3);
    assert_eq!(d["mean"], 0.5);
    assert_eq!(v["dilemmas"].as_object().map(|o| o.len()), Some(1));
    assert!(
        !text.contains("PRIVE-NOTITIE"),
        "no dilemma notes in compare"
    );

    // --anoniem: R-numbers, dates, no files.
    let text = ok(
        kansrijk(tmp.path())
            .args(["compare", "--json", "--anoniem"])
            .args(&files)
            .output()
            .expect("run"),
        "compare --json --anoniem",
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    for (k, r) in v["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .enumerate()
    {
        assert_eq!(r["label"], format!("R{}", k + 1));
        assert!(r.get("file").is_none(), "{r}");
        assert!(r["date"].is_string(), "{r}");
    }
    for name in ["Anne", "Bas", "Carla", "p0.ron"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
}

#[test]
fn group_reports_have_the_drill_down_and_the_dilemma_positions() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (files, _) = partners(tmp.path());
    let c = content();
    let title = c.handreiking.tensions[0].dilemmas[0].title.clone();
    let md_path = tmp.path().join("groep.md");
    ok(
        kansrijk(tmp.path())
            .args(["compare", "--export", "md", "-o"])
            .arg(&md_path)
            .args(&files)
            .output()
            .expect("run"),
        "compare --export md",
    );
    let md = std::fs::read_to_string(&md_path).expect("md");
    let drill = md
        .split("## Antwoorden per indicator")
        .nth(1)
        .expect("drill-down");
    let row = drill
        .lines()
        .find(|l| l.contains("Oprechte belangstelling") || l.contains("elkaars belangen"))
        .unwrap_or_else(|| panic!("no belangen.interesse row:\n{drill}"));
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(&cells[2..6], ["1", "?", "5", "1"], "{row}");
    let positions = md
        .split("## Dilemma's: de posities naast elkaar")
        .nth(1)
        .expect("positions");
    let row = positions
        .lines()
        .find(|l| l.contains(&title))
        .expect("dilemma row");
    let cells: Vec<&str> = row.split('|').map(str::trim).collect();
    assert_eq!(&cells[2..5], ["-2", "+3", "–"], "{row}");

    let html_path = tmp.path().join("groep.html");
    ok(
        kansrijk(tmp.path())
            .args(["compare", "--export", "html", "-o"])
            .arg(&html_path)
            .args(&files)
            .output()
            .expect("run"),
        "compare --export html",
    );
    let html = std::fs::read_to_string(&html_path).expect("html");
    assert!(html.contains("<h2>Antwoorden per indicator</h2>"), "{html}");
    assert!(
        html.contains("<h2>Dilemma&#39;s: de posities naast elkaar</h2>")
            || html.contains("<h2>Dilemma's: de posities naast elkaar</h2>")
    );
    assert!(!html.contains("PRIVE-NOTITIE"));
}

#[test]
fn alleen_groep_has_no_names_numbers_or_dates_in_any_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (files, dilemma) = partners(tmp.path());
    let forbidden = [
        "Anne",
        "Jansen",
        "Bas",
        "Vries",
        "Carla",
        "Smit",
        "Zorggroep",
        "Thuiszorg",
        "GGD",
        "p0.ron",
        "p1",
        "p2",
        "2026",
        "09-2026",
        "01-09",
        "R1",
        "R2",
        "R3",
    ];
    let check = |what: &str, text: &str| {
        for f in forbidden {
            assert!(!text.contains(f), "{what} contains {f:?}:\n{text}");
        }
    };
    for anoniem in [false, true] {
        let mut args = vec!["compare", "--alleen-groep"];
        if anoniem {
            args.push("--anoniem");
        }
        let json = ok(
            kansrijk(tmp.path())
                .args(&args)
                .arg("--json")
                .args(&files)
                .output()
                .expect("run"),
            "compare --alleen-groep --json",
        );
        check("json", &json);
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(v["count"], 3);
        assert!(v.get("respondents").is_none(), "{json}");
        assert_eq!(
            v["dilemmas"][&dilemma]["positions"],
            serde_json::json!([null, -2, 3])
        );
        let table = ok(
            kansrijk(tmp.path())
                .args(&args)
                .args(&files)
                .output()
                .expect("run"),
            "compare --alleen-groep",
        );
        check("table", &table);
        assert!(table.contains("3 respondenten"), "{table}");
        for format in ["md", "html", "svg"] {
            let out = tmp.path().join(format!("groep-{anoniem}.{format}"));
            ok(
                kansrijk(tmp.path())
                    .args(&args)
                    .args(["--export", format, "-o"])
                    .arg(&out)
                    .args(&files)
                    .output()
                    .expect("run"),
                "compare --alleen-groep --export",
            );
            let text = std::fs::read_to_string(&out).expect("report");
            check(format, &text);
            if format != "svg" {
                assert!(text.contains("Antwoorden per indicator"), "{text}");
                assert!(!text.contains("Per respondent"), "{text}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Issue 14 item 6: import a folder or a pattern

#[test]
fn import_accepts_a_folder_and_a_pattern() {
    let sessions = tempfile::tempdir().expect("tempdir");
    let inbox = tempfile::tempdir().expect("tempdir");
    let (files, _) = partners(inbox.path());
    std::fs::write(inbox.path().join("notities.txt"), "geen sessie").expect("write");
    std::fs::create_dir(inbox.path().join("sub")).expect("mkdir");
    save(
        &inbox.path().join("sub"),
        "diep.ron",
        &session("Dirk", "", "2026-09-04T10:00:00Z", &[]),
    );

    // A folder: every *.ron in it (not the .txt, not the subfolder).
    let text = ok(
        kansrijk(sessions.path())
            .arg("import")
            .arg(inbox.path())
            .output()
            .expect("run"),
        "import MAP",
    );
    assert!(text.contains("3 sessies geïmporteerd"), "{text}");
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(text.contains(name), "{name} not imported:\n{text}");
    }
    assert!(
        !text.contains("diep.ron") && !text.contains("notities"),
        "{text}"
    );

    // A pattern (quoted, so kansrijk expands it): only what matches.
    let other = tempfile::tempdir().expect("tempdir");
    let pattern = inbox.path().join("p?.ron");
    let text = ok(
        kansrijk(other.path())
            .arg("import")
            .arg(&pattern)
            .output()
            .expect("run"),
        "import PATROON",
    );
    assert!(text.contains("3 sessies geïmporteerd"), "{text}");
    let pattern = inbox.path().join("*").join("*.ron");
    let text = ok(
        kansrijk(other.path())
            .arg("import")
            .arg(&pattern)
            .output()
            .expect("run"),
        "import */*.ron",
    );
    assert!(
        text.contains("diep.ron") && text.contains("1 sessie geïmporteerd"),
        "{text}"
    );

    // Nothing matches: said, and a failure.
    let out = kansrijk(other.path())
        .arg("import")
        .arg(inbox.path().join("x*.ron"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Niets gevonden bij"), "{err}");
}

#[test]
fn expand_inputs_is_there_for_the_import_prompt() {
    let inbox = tempfile::tempdir().expect("tempdir");
    let (files, _) = partners(inbox.path());
    let e = kansrijk::group::expand_inputs(&[
        inbox.path().join("p*.ron"),
        inbox.path().to_path_buf(),
        inbox.path().join("geen*.ron"),
    ]);
    assert_eq!(e.files, files, "sorted, each once");
    assert_eq!(e.nothing, [inbox.path().join("geen*.ron")]);
}

// ---------------------------------------------------------------------------------------
// Issue 14 items 1-2: the personal report and the RvT version

const REFLECTION: &str = "PERSOONLIJKE-REFLECTIE: ik twijfel aan mijn rol";
const DILEMMA_NOTE: &str = "DILEMMA-NOTITIE over de partners";
const CONDITION_NOTE: &str = "CONDITIE-NOTITIE over belangen";
const NEXT_STEP: &str = "VOLGENDE-STAP in het dilemma";

/// Everything weak (the longest advice), notes, reflections, dilemmas and eight
/// afspraken: the heaviest RvT version.
fn heavy(dir: &Path) -> PathBuf {
    let c = content();
    let mut s = session(
        "Anne Jansen",
        "Zorggroep Noord",
        "2026-10-02T10:00:00Z",
        &[],
    );
    let values = [2, 1, 2, 1, 2, 1, 2, 1, 1, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1, 1];
    for ((_, item), v) in c.scan.items().zip(values) {
        s.answers.insert(item.id.clone(), Answer::Score(v));
    }
    s.answers.insert("relatie.groep".into(), Answer::DontKnow);
    s.answers
        .insert("relatie.vertrouwen".into(), Answer::DontKnow);
    s.notes.insert("belangen".into(), CONDITION_NOTE.into());
    let prompt = c.handreiking.perspectives[0].themes[0].prompts[0]
        .id
        .clone();
    s.reflections.insert(prompt, REFLECTION.into());
    for d in c
        .handreiking
        .tensions
        .iter()
        .flat_map(|t| &t.dilemmas)
        .take(3)
    {
        s.dilemmas.insert(
            d.id.clone(),
            DilemmaReflection {
                position: Some(1),
                next_step: NEXT_STEP.into(),
                note: DILEMMA_NOTE.into(),
                ..Default::default()
            },
        );
    }
    for k in 0..8 {
        s.actions.push(kansrijk::session::Action {
            what: format!("Afspraak {k}: een gesprek over de belangen van alle partners plannen"),
            who: "Anne Jansen".into(),
            when: "voor 1 maart".into(),
            done: k % 3 == 0,
            ..Default::default()
        });
    }
    save(dir, "anne.ron", &s)
}

fn export(dir: &Path, file: &Path, args: &[&str], out: &Path) -> String {
    ok(
        kansrijk(dir)
            .arg("export")
            .arg(file)
            .args(args)
            .arg("-o")
            .arg(out)
            .output()
            .expect("run"),
        "export",
    );
    std::fs::read_to_string(out).expect("report")
}

#[test]
fn the_personal_report_has_a_summary_all_twenty_answers_and_the_advice() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = save(tmp.path(), "anne.ron", &weak_belangen());
    let c = content();
    for format in ["html", "md"] {
        let text = export(
            tmp.path(),
            &file,
            &["--formaat", format],
            &tmp.path().join(format!("r.{format}")),
        );
        let summary = text.find("Samenvatting").expect("Samenvatting");
        let scores = text.find("De vijf condities").expect("scores");
        assert!(summary < scores, "the summary comes first ({format})");
        let head = &text[summary..scores];
        assert!(head.contains("Belangen 1,3 (3 + 1 weet niet)"), "{head}");
        assert!(head.contains("Zwakste condities"), "{head}");
        assert!(
            head.contains("Belangengesprek plannen — Anne, december"),
            "{head}"
        );
        // All 20 indicators with their answers, "weet ik niet" named.
        let answers = text
            .split("Alle antwoorden")
            .nth(1)
            .expect("Alle antwoorden");
        for (_, item) in c.scan.items() {
            assert!(
                answers.contains(&item.text),
                "{} missing ({format})",
                item.id
            );
        }
        assert!(answers.matches("weet ik niet").count() >= 3, "{format}");
        assert!(answers.contains("4 — grotendeels"), "{format}");
        // The advice, with what the handreiking offers.
        let advice = text
            .split("Aandachtspunten")
            .nth(1)
            .expect("Aandachtspunten");
        let motieven = &c.theme("samenwerking.motieven").expect("theme").1.title;
        assert!(advice.contains(motieven.as_str()), "{format}");
        assert!(advice.contains("Om over na te denken"), "{format}");
        assert!(advice.contains("Hier is zicht nodig"), "{format}");
    }
}

#[test]
fn the_rvt_version_has_a_summary_and_scores_and_leaves_out_the_personal_parts() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = heavy(tmp.path());
    for format in ["html", "md"] {
        let out = tmp.path().join(format!("rvt.{format}"));
        let text = export(tmp.path(), &file, &["--rvt", "--formaat", format], &out);
        assert!(
            text.contains("Samenvatting voor de Raad van Toezicht"),
            "{format}"
        );
        let order = [
            "Samenvatting",
            "De vijf condities",
            "Aandachtspunten",
            "Acties en afspraken",
        ]
        .map(|h| {
            text.find(&format!("<h2>{h}</h2>"))
                .or_else(|| text.find(&format!("## {h}\n")))
        });
        assert!(order.iter().all(Option::is_some), "{format}: {order:?}");
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{format}: {order:?}");
        for secret in [REFLECTION, DILEMMA_NOTE, CONDITION_NOTE, NEXT_STEP] {
            assert!(
                !text.contains(secret),
                "{secret} in the RvT version ({format})"
            );
        }
        assert!(!text.contains("Alle antwoorden"), "{format}");
        if format == "html" {
            assert!(
                text.contains("<title>Samenvatting voor de Raad van Toezicht — "),
                "the title says what it is"
            );
        }
        // Chosen: reflections and dilemmas, still no notes.
        let text = export(
            tmp.path(),
            &file,
            &[
                "--rvt",
                "--met",
                "reflecties,dilemmas",
                "--formaat",
                format,
                "--overschrijf",
            ],
            &out,
        );
        assert!(
            text.contains(REFLECTION) && text.contains(NEXT_STEP),
            "{format}"
        );
        assert!(
            !text.contains(DILEMMA_NOTE) && !text.contains(CONDITION_NOTE),
            "{format}"
        );
    }
    // The default name does not replace the full report.
    let text = ok(
        kansrijk(tmp.path())
            .args(["export", "--rvt"])
            .arg(&file)
            .output()
            .expect("run"),
        "export --rvt",
    );
    assert!(
        text.contains("RvT-versie") && text.contains("anne-rvt.html"),
        "{text}"
    );
    // An unknown part is refused, in Dutch.
    let out = kansrijk(tmp.path())
        .args(["export", "--rvt", "--met", "geheimen"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("onbekend onderdeel"));
}

fn find_in_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Pages in a PDF: `/Type /Page` not followed by `s` (that is `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    let compact = b"/Type/Page";
    let count = |n: &[u8]| {
        pdf.windows(n.len() + 1)
            .filter(|w| &w[..n.len()] == n && w[n.len()] != b's')
            .count()
    };
    count(needle) + count(compact)
}

#[test]
#[ignore = "needs chromium; run with --ignored (CI does)"]
fn the_rvt_version_prints_on_at_most_two_a4_pages_in_chromium() {
    let Some(chromium) = find_in_path(&["chromium", "chromium-browser"]) else {
        panic!("chromium not found in PATH: install it (apt-get install chromium)");
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = heavy(tmp.path());
    let html = tmp.path().join("rvt.html");
    export(tmp.path(), &file, &["--rvt"], &html);
    let full = tmp.path().join("vol.html");
    export(tmp.path(), &file, &[], &full);
    let pages = |page: &Path, name: &str| {
        let pdf = tmp.path().join(format!("{name}.pdf"));
        let profile = tmp.path().join(format!("profiel-{name}"));
        let mut child = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("chromium could not be started");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while child.try_wait().expect("wait").is_none() {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("chromium took longer than 90 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let bytes = std::fs::read(&pdf).expect("chromium wrote no PDF");
        assert!(bytes.starts_with(b"%PDF"), "not a PDF");
        pdf_pages(&bytes)
    };
    let rvt = pages(&html, "rvt");
    let vol = pages(&full, "vol");
    assert!(rvt >= 1, "no pages counted");
    assert!(rvt <= 2, "the RvT version takes {rvt} A4 pages");
    assert!(
        vol > rvt,
        "the full report ({vol} pages) is longer than the RvT version"
    );
}
