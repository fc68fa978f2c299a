//! The coach's session in the TUI: private notes per screen, presentation mode that hides
//! them, follow-up sessions with the previous radar overlaid and the deltas as text.

mod support;

use kansrijk::app::Msg;
use kansrijk::session::Mode;
use kansrijk::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::App;

fn coach_app() -> (App, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = kansrijk::session::Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Coachgesprek,
        jiff::Timestamp::from_second(1_790_000_000).expect("ts"),
    );
    let path = store::create(dir.path(), &session).expect("create");
    let mut app = App::start_in(dir, 120, 40);
    app.msg(Msg::Open(path.clone()));
    (app, path)
}

#[test]
fn coach_notes_per_screen_are_kept_and_hidden_when_presenting() {
    let (mut app, path) = coach_app();
    app.press('s');
    assert!(
        app.screen().contains("Coachnotitie (privé)"),
        "panel in coach mode"
    );
    app.press('c')
        .type_text("Let op haar twijfel bij ambitie")
        .code(KeyCode::Esc);
    let screen = app.screen();
    assert!(screen.contains("Let op haar twijfel"), "{screen}");
    // Another condition has its own note.
    app.code(KeyCode::PageDown);
    assert!(!app.screen().contains("Let op haar twijfel"));
    app.code(KeyCode::PageUp);
    // Presentation mode: no notes, no paths, bigger radar.
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    let screen = app.screen();
    assert!(!screen.contains("Let op haar twijfel"), "{screen}");
    assert!(!screen.contains("Coachnotitie"), "{screen}");
    assert!(screen.contains("presentatie"), "{screen}");
    let dir = path.parent().expect("dir").display().to_string();
    app.press('?');
    let help = app.screen();
    assert!(
        !help.contains(&dir),
        "no file paths while presenting: {help}"
    );
    app.code(KeyCode::Esc);
    app.press('o').code(KeyCode::Esc);
    assert!(
        !app.screen().contains(&dir),
        "start screen without the folder"
    );
    app.flush();
    let saved = store::load(&path).expect("saved");
    assert_eq!(
        saved
            .coach_notes
            .get("conditie:ambitie")
            .map(String::as_str),
        Some("Let op haar twijfel bij ambitie")
    );
}

#[test]
fn follow_up_session_overlays_the_previous_radar_with_deltas() {
    let (mut app, first) = coach_app();
    app.press('s');
    for d in "44442222".chars() {
        app.press(d);
    }
    app.flush();
    app.press('o').code(KeyCode::Esc); // back to the start screen
    app.press('v'); // follow-up of the selected session
    let second = app.model.open.as_ref().expect("opened").path.clone();
    assert_ne!(first, second);
    let follow = store::load(&second).expect("saved");
    assert!(follow.answers.is_empty(), "a follow-up starts empty");
    assert_eq!(follow.samenwerking, "Wijkzorg Noord");
    assert_eq!(follow.mode, Mode::Coachgesprek);
    app.press('s');
    for d in "55553333".chars() {
        app.press(d);
    }
    let screen = app.screen();
    assert!(screen.contains("○ vorige"), "legend: {screen}");
    assert!(screen.contains("5,0 +1,0"), "{screen}");
    assert!(screen.contains("3,0 +1,0"), "{screen}");
    assert!(screen.contains('○'), "{screen}");
    app.press('v');
    let screen = app.screen();
    assert!(!screen.contains("+1,0"), "hidden again: {screen}");
    // The start screen groups the two sessions under one name and shows the trend.
    app.press('o').code(KeyCode::Esc);
    let screen = app.screen();
    assert_eq!(screen.matches("Anne Jansen").count(), 1, "{screen}");
    assert!(screen.contains("↑ +1,0"), "{screen}");
}

#[test]
fn self_reflection_shows_no_coach_panel() {
    let (mut app, _) = App::with_session();
    app.resize(120, 40);
    app.press('s');
    assert!(!app.screen().contains("Coachnotitie"));
}
