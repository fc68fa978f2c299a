//! Reports from the workbook, as a user writes them: `x` in a session (the full report or
//! the RvT version with a checklist), `x` in the group view (the group report), and the
//! group view's drill-down and dilemma positions.

mod support;

use kansrijk::app::Screen;
use ratatui::crossterm::event::KeyCode;
use support::demo::*;

const REFLECTION: &str = "De onderstroom is geld.";

fn status(app: &support::App) -> String {
    app.model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn x_writes_the_full_report_by_default_and_says_where() {
    let mut app = open(MARIEKE, 80, 24);
    app.press('x');
    assert!(app.screen().contains("Rapport schrijven"));
    app.code(KeyCode::Enter);
    let path = app.model.dir.join(MARIEKE.replace(".ron", ".html"));
    let html = std::fs::read_to_string(&path).expect("the full report is written");
    assert!(
        html.contains(REFLECTION),
        "the full report has the reflections"
    );
    // The whole path, not only the name.
    assert!(status(&app).contains(&path.display().to_string()));
    assert!(app.model.export.is_none(), "the dialog closes");
}

#[test]
fn the_rvt_version_leaves_reflections_out_unless_ticked() {
    let mut app = open(MARIEKE, 80, 24);
    // The RvT version, nothing ticked.
    app.press('x').press('j').press(' ').code(KeyCode::Enter);
    let rvt = app.model.dir.join(MARIEKE.replace(".ron", "-rvt.html"));
    let html = std::fs::read_to_string(&rvt).expect("the RvT version is written");
    assert!(html.contains("Samenvatting voor de Raad van Toezicht"));
    assert!(!html.contains(REFLECTION), "no reflection unless chosen");
    assert!(status(&app).contains(&rvt.display().to_string()));
    assert!(
        !app.model
            .dir
            .join(MARIEKE.replace(".ron", ".html"))
            .exists(),
        "only the RvT version was written"
    );
    // Again, now with the reflections ticked (the last choice is offered again).
    app.press('x');
    assert!(
        app.screen()
            .contains("(•) Versie voor de Raad van Toezicht")
    );
    // ↓ ↓ to "persoonlijke reflecties", tick it.
    app.press('j').press('j').press(' ');
    assert!(app.screen().contains("[x] persoonlijke reflecties"));
    app.code(KeyCode::Enter);
    let html = std::fs::read_to_string(&rvt).expect("written again");
    assert!(
        html.contains(REFLECTION),
        "reflections ticked: in the report"
    );
}

#[test]
fn esc_closes_the_dialog_without_writing() {
    let mut app = open(MARIEKE, 80, 24);
    app.press('x').code(KeyCode::Esc);
    assert!(app.model.export.is_none());
    assert_eq!(
        app.model.screen,
        Screen::Overview,
        "Esc leaves only the dialog"
    );
    assert!(!app.screen().contains("Rapport schrijven"));
    let written = std::fs::read_dir(&app.model.dir)
        .expect("dir")
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "html"));
    assert!(!written);
}

#[test]
fn x_in_the_group_view_writes_the_group_report_anonymous_when_presenting() {
    let mut app = group(80, 24);
    app.press('x');
    let text = status(&app);
    let path = text
        .strip_prefix("Rapport geschreven: ")
        .map(std::path::PathBuf::from)
        .expect("a report was written");
    assert!(path.is_absolute(), "the whole path is shown: {text}");
    let html = std::fs::read_to_string(&path).expect("the group report");
    assert!(
        html.contains("Fatima El Amrani"),
        "named outside presentation mode"
    );
    // In presentation mode the report is anonymous.
    app.code(KeyCode::F(2)).press('x');
    let html = std::fs::read_to_string(&path).expect("the group report");
    for name in ["Fatima El Amrani", "Henk Verbeek", "Marieke de Wit"] {
        assert!(!html.contains(name), "{name} in an anonymous report");
    }
    assert!(html.contains("R1"));
    assert!(
        !status(&app).contains('/'),
        "F2: no paths on a shared screen"
    );
}

#[test]
fn the_group_view_drills_into_an_indicator_and_shows_dilemma_positions() {
    let mut app = group(80, 24);
    app.code(KeyCode::Tab);
    let screen = app.screen();
    assert!(screen.contains("Per indicator 1/20"), "{screen}");
    assert!(screen.contains("Antwoorden"));
    for name in ["Fatima El Amrani", "Henk Verbeek", "Marieke de Wit"] {
        assert!(screen.contains(name));
    }
    // Walk to an indicator someone answered "weet ik niet", if the demo has one; each
    // answer is named and the count is shown.
    let mut found = false;
    for _ in 0..20 {
        let screen = app.screen();
        assert!(
            screen.contains("weet ik niet:"),
            "the count is always there"
        );
        if screen
            .lines()
            .any(|l| l.contains("weet ik niet") && !l.contains("weet ik niet:"))
        {
            // Named in the respondent's row, and counted.
            assert!(!screen.contains("weet ik niet: 0 van"), "{screen}");
            found = true;
            break;
        }
        app.code(KeyCode::Right);
    }
    assert!(found, "a 'weet ik niet' answer is named in the drill-down");
    app.code(KeyCode::Left);
    assert_eq!(
        app.model.group_pane,
        kansrijk::app::screens::group::GroupPane::Indicator
    );
    // The dilemma positions side by side.
    app.code(KeyCode::Tab);
    let screen = app.screen();
    assert!(screen.contains("Dilemma's: posities"), "{screen}");
    assert!(screen.contains('●'), "a position is marked on its scale");
    assert!(screen.contains("+1") || screen.contains("-1"));
    // And back to the numbers per condition.
    app.code(KeyCode::Tab);
    assert!(app.screen().contains("Per conditie"));
}
