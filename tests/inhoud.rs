//! A coach's own content (`--inhoud DIR`): merged by id, validated with clear messages,
//! checkable with `kansrijk inhoud check DIR`, and usable in the workbook.

mod support;

use kansrijk::app::Screen;
use kansrijk::content::Content;
use std::fs;
use std::process::Command;

const OWN_THEME: &str = r#"(
    perspectives: [
        (
            id: "samenwerking",
            themes: [
                (
                    id: "samenwerking.eigen-coach",
                    question: "Hoe houden we het gesprek gaande?",
                    title: "Het gesprek gaande houden",
                    explanation: "Een eigen thema van de coach.",
                    prompts: [(id: "samenwerking.eigen-coach.wanneer", text: "Wanneer spraken we elkaar echt?")],
                    model: (name: "Dialoog", source: "Eigen materiaal (2026)", summary: "Kort."),
                ),
                (
                    id: "samenwerking.vertrouwen",
                    question: "Hoe ontwikkelen we meer vertrouwen?",
                    title: "Vertrouwen (versie coach)",
                    explanation: "Vervangt het ingebouwde thema.",
                    prompts: [(id: "samenwerking.vertrouwen.stand", text: "Hoe staat het ervoor?")],
                    model: (name: "Vertrouwen", source: "Eigen materiaal (2026)", summary: "Kort."),
                ),
            ],
        ),
    ],
    tensions: [
        (id: "samenwerking-opgave", dilemmas: [
            (id: "sam-opg.eigen", title: "Een eigen dilemma", text: "Tekst.", left: "Links", right: "Rechts"),
        ]),
    ],
)"#;

const OWN_INSTRUMENT: &str = r#"(
    instruments: [
        (
            id: "vorm",
            name: "Vorm (versie coach)",
            perspective: "samenwerking",
            source: "Eigen materiaal (2026)",
            intro: "Kies.",
            kind: Choice(options: [(id: "a", label: "A"), (id: "b", label: "B")]),
        ),
    ],
)"#;

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

#[test]
fn overrides_are_merged_by_id() {
    let dir = folder(&[
        ("handreiking.ron", OWN_THEME),
        ("instruments.ron", OWN_INSTRUMENT),
    ]);
    let base = Content::embedded().expect("content");
    let c = Content::with_overrides(dir.path()).expect("valid override");
    let samen = &c.handreiking.perspectives[2];
    let base_samen = &base.handreiking.perspectives[2];
    assert_eq!(
        samen.themes.len(),
        base_samen.themes.len() + 1,
        "one theme added"
    );
    assert_eq!(
        c.theme("samenwerking.vertrouwen").expect("kept id").1.title,
        "Vertrouwen (versie coach)"
    );
    assert!(c.theme("samenwerking.eigen-coach").is_some());
    assert_eq!(c.handreiking.tensions[1].dilemmas.len(), 5);
    assert_eq!(
        c.instrument("vorm").expect("vorm").name,
        "Vorm (versie coach)"
    );
    assert_eq!(
        c.instruments.len(),
        base.instruments.len(),
        "replaced, not added"
    );
}

#[test]
fn broken_overrides_name_file_line_and_column() {
    let dir = folder(&[(
        "handreiking.ron",
        "(\n    perspectives: [\n        (id: \"x\" ]\n",
    )]);
    let err = Content::with_overrides(dir.path()).expect_err("broken");
    let text = err.to_string();
    assert!(text.contains("handreiking.ron"), "{text}");
    assert!(text.contains("regel 3"), "{text}");
    assert!(text.contains("kolom"), "{text}");

    let unknown = folder(&[("handreiking.ron", "(perspectives: [(id: \"hobby\")])")]);
    let text = Content::with_overrides(unknown.path())
        .expect_err("unknown")
        .to_string();
    assert!(text.contains("onbekend perspectief 'hobby'"), "{text}");

    let dangling = OWN_THEME.replace(
        "model: (name: \"Dialoog\"",
        "instruments: [\"bestaat-niet\"], model: (name: \"Dialoog\"",
    );
    let dir = folder(&[("handreiking.ron", &dangling)]);
    let text = Content::with_overrides(dir.path())
        .expect_err("dangling")
        .to_string();
    assert!(
        text.contains("onbekend instrument 'bestaat-niet'"),
        "{text}"
    );

    let empty = tempfile::tempdir().expect("tempdir");
    let text = Content::with_overrides(empty.path())
        .expect_err("empty")
        .to_string();
    assert!(text.contains("geen inhoud gevonden"), "{text}");
}

#[test]
fn inhoud_check_on_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_kansrijk");
    let good = folder(&[("handreiking.ron", OWN_THEME)]);
    let out = Command::new(bin)
        .args(["inhoud", "check"])
        .arg(good.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("In orde"));
    let bad = folder(&[("instruments.ron", "(instruments: [ (id: 3) ])")]);
    let out = Command::new(bin)
        .args(["inhoud", "check"])
        .arg(bad.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("instruments.ron") && err.contains("regel 1"),
        "{err}"
    );
    // A broken --inhoud stops start-up with the message instead of running without it.
    let sessions = tempfile::tempdir().expect("tempdir");
    let out = Command::new(bin)
        .arg("--inhoud")
        .arg(bad.path())
        .arg("list")
        .arg("--dir")
        .arg(sessions.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("eigen inhoud"));
}

#[test]
fn the_coachs_theme_can_be_opened_and_answered() {
    let own = folder(&[("handreiking.ron", OWN_THEME)]);
    let content = Content::with_overrides(own.path()).expect("valid");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = support::create_session(dir.path(), "Anne Jansen", "Wijkzorg Noord");
    let mut app = support::App::start_with(content, dir, 100, 30);
    app.msg(kansrijk::app::Msg::Open(path.clone()));
    app.press('p').press('p').press('p'); // to the third perspective
    assert_eq!(app.model.screen, Screen::Perspective(2));
    app.code(ratatui::crossterm::event::KeyCode::End);
    app.code(ratatui::crossterm::event::KeyCode::Enter);
    assert!(app.screen().contains("Het gesprek gaande houden"));
    app.code(ratatui::crossterm::event::KeyCode::Enter)
        .type_text("Gisteren")
        .code(ratatui::crossterm::event::KeyCode::Esc);
    app.flush();
    let saved = kansrijk::store::load(&path).expect("saved");
    assert_eq!(
        saved
            .reflections
            .get("samenwerking.eigen-coach.wanneer")
            .map(String::as_str),
        Some("Gisteren")
    );
}

/// The handbook's deeper material (roles, wegwijzer, about) is overridable like the rest.
const OWN_DEEPER: &str = r#"(
    leadership_roles: [
        (
            id: "verkenner",
            name: "De verkenner (versie coach)",
            focus: "richten · vernieuwen",
            question: "Wat zien we buiten?",
            themes: ["Trends"],
            dilemmas: ["Trend of incident?"],
            conditions: ["Tijd"],
            competencies: ["Nieuwsgierigheid"],
        ),
    ],
    wegwijzer: [
        (id: "regionaal", kind: "", examples: [
            (id: "eigen-regio", name: "Onze eigen regio", line: "Een voorbeeld van de coach."),
        ]),
        (id: "coach", kind: "Voorbeelden van de coach", examples: [
            (id: "coach-1", name: "Het eerste voorbeeld", line: "Eén regel."),
        ]),
    ],
    about: Some((
        title: "Over deze handreiking",
        paragraphs: ["Aangevuld door de coach."],
        invitation: "Mail de coach.",
    )),
)"#;

#[test]
fn roles_wegwijzer_and_about_are_overridable_and_checked() {
    let base = Content::embedded().expect("content");
    let dir = folder(&[("handreiking.ron", OWN_DEEPER)]);
    let c = Content::with_overrides(dir.path()).expect("valid override");
    let roles = &c.handreiking.leadership.roles;
    assert_eq!(roles.len(), 4, "replaced, not added");
    assert_eq!(roles[2].name, "De verkenner (versie coach)");
    let w = &c.handreiking.wegwijzer;
    assert_eq!(w.groups.len(), base.handreiking.wegwijzer.groups.len() + 1);
    assert_eq!(w.groups[0].kind, "Regionale samenwerking", "kind kept");
    assert_eq!(
        w.groups[0].examples.len(),
        base.handreiking.wegwijzer.groups[0].examples.len() + 1
    );
    assert_eq!(c.handreiking.about.invitation, "Mail de coach.");

    let bin = env!("CARGO_BIN_EXE_kansrijk");
    let out = Command::new(bin)
        .args(["inhoud", "check"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");

    // An example id used twice is refused, with the id.
    let twice = OWN_DEEPER.replace("id: \"coach-1\"", "id: \"santeon\"");
    let dir = folder(&[("handreiking.ron", &twice)]);
    let text = Content::with_overrides(dir.path())
        .expect_err("duplicate")
        .to_string();
    assert!(
        text.contains("praktijkvoorbeeld-id 'santeon' komt dubbel voor"),
        "{text}"
    );
    // A role without competencies is refused.
    let bare = OWN_DEEPER.replace("competencies: [\"Nieuwsgierigheid\"]", "competencies: []");
    let dir = folder(&[("handreiking.ron", &bare)]);
    let text = Content::with_overrides(dir.path())
        .expect_err("bare role")
        .to_string();
    assert!(text.contains("leiderschapsrol 'verkenner'"), "{text}");
}

#[test]
fn the_scans_advice_and_traits_are_overridable_and_checked() {
    let own = r#"(
        traits: [(id: "loyaliteit", label: "Gesplitste loyaliteit", text: "Versie coach.")],
        advice: [(condition: "ambitie", links: [
            (to: Theme("samenwerking.condities"), why: "Begin bij de condities."),
        ])],
    )"#;
    let dir = folder(&[("scan.ron", own)]);
    let c = Content::with_overrides(dir.path()).expect("valid override");
    assert_eq!(c.scan.traits.items.len(), 5, "replaced by id");
    assert_eq!(c.scan.traits.items[3].text, "Versie coach.");
    assert_eq!(c.scan.advice.len(), 5);
    assert_eq!(c.scan.advice[0].links.len(), 1, "ambitie's advice replaced");
    let out = Command::new(env!("CARGO_BIN_EXE_kansrijk"))
        .args(["inhoud", "check"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");

    let dangling = own.replace("samenwerking.condities", "samenwerking.nergens");
    let dir = folder(&[("scan.ron", &dangling)]);
    let text = Content::with_overrides(dir.path())
        .expect_err("dangling")
        .to_string();
    assert!(text.contains("scan.ron"), "{text}");
    assert!(
        text.contains("onbekend thema 'samenwerking.nergens'"),
        "{text}"
    );
}
