//! The coach's tools on the start screen: import partners' files, the group view
//! (anonymised when presenting), search across all sessions, and a report from the TUI.

mod support;

use kansrijk::app::{Msg, Screen};
use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use support::App;

/// A partner's session with every item answered `score`, in `dir`.
fn partner(dir: &std::path::Path, name: &str, score: u8) -> PathBuf {
    let mut s = Session::new(
        name,
        "Partnerorganisatie",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("ts"),
    );
    let content = kansrijk::content::Content::embedded().expect("content");
    for (_, item) in content.scan.items() {
        s.answers.insert(item.id.clone(), Answer::Score(score));
    }
    store::create(dir, &s).expect("create")
}

#[test]
fn import_partners_then_group_view_anonymised_when_presenting() {
    let outside = tempfile::tempdir().expect("tempdir");
    let p1 = partner(outside.path(), "Piet Post", 2);
    let p2 = partner(outside.path(), "Karin Kok", 4);
    let before = (
        std::fs::read(&p1).expect("read"),
        std::fs::read(&p2).expect("read"),
    );
    let (mut app, _) = App::with_session();
    app.code(KeyCode::Esc); // to the start screen
    app.press('i');
    assert!(app.screen().contains("importeren"), "prompt shown");
    app.type_text(&format!("{} {}", p1.display(), p2.display()))
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("2 geïmporteerd"), "{screen}");
    assert_eq!(
        std::fs::read(&p1).expect("read"),
        before.0,
        "original untouched"
    );
    assert_eq!(
        std::fs::read(&p2).expect("read"),
        before.1,
        "original untouched"
    );
    app.press('g');
    assert_eq!(app.model.screen, Screen::Group);
    let screen = app.screen();
    assert!(screen.contains("3 respondenten"), "{screen}");
    assert!(
        screen.contains("Piet Post") && screen.contains("Karin Kok"),
        "{screen}"
    );
    assert!(screen.contains("Gespreksonderwerpen"), "{screen}");
    assert!(screen.contains("3,0"), "mean of 2 and 4: {screen}");
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    let screen = app.screen();
    assert!(!screen.contains("Piet Post"), "anonymised: {screen}");
    assert!(screen.contains("R1") && screen.contains("R3"), "{screen}");
    app.code(KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Start);
}

#[test]
fn a_file_that_does_not_parse_is_refused_and_the_rest_imported() {
    let outside = tempfile::tempdir().expect("tempdir");
    let good = partner(outside.path(), "Piet Post", 3);
    let bad = outside.path().join("kapot.ron");
    std::fs::write(&bad, "(schema: 1,").expect("write");
    let mut app = App::start();
    app.press('i')
        .type_text(&format!("{} {}", good.display(), bad.display()))
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("1 geïmporteerd"), "{screen}");
    assert!(screen.contains("kapot.ron geweigerd"), "{screen}");
    assert_eq!(std::fs::read(&bad).expect("read"), b"(schema: 1,");
}

#[test]
fn search_ignores_case_and_accents_and_opens_the_hit() {
    let (mut app, path) = App::with_session();
    app.msg(Msg::GoPerspectives).code(KeyCode::Enter); // first theme
    app.code(KeyCode::Down)
        .code(KeyCode::Enter)
        .type_text("Wij bespreken dit met ÉÉN partner.")
        .code(KeyCode::Esc);
    app.press('o').code(KeyCode::Esc);
    app.press('/').type_text("een partner").code(KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Search);
    let screen = app.screen();
    assert!(screen.contains("Gevonden (1)"), "{screen}");
    assert!(screen.contains("ÉÉN partner"), "{screen}");
    app.code(KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Theme(0, 0));
    assert_eq!(
        app.model.open.as_ref().expect("open").cursor,
        1,
        "on the answered question"
    );
    assert_eq!(app.model.open.as_ref().expect("open").path, path);
    // Nothing found: a message, and the start screen stays.
    app.press('o').code(KeyCode::Esc);
    app.press('/').type_text("xyzzy").code(KeyCode::Enter);
    assert!(app.screen().contains("Niets gevonden"));
}

#[test]
fn coach_notes_are_not_found_while_presenting() {
    let (mut app, _) = App::with_session();
    app.press('c')
        .type_text("geheime observatie")
        .code(KeyCode::Esc);
    // In the session, in F2: the coach's note is not found.
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    app.press('/').type_text("geheime").code(KeyCode::Enter);
    assert!(app.screen().contains("Niets gevonden"));
    // On the start screen in F2 the list is hidden and searching all sessions refused.
    app.press('o').code(KeyCode::Esc);
    app.press('/');
    assert!(app.model.prompt.is_none());
    assert!(app.screen().contains("Druk eerst op F2"));
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
    app.press('/').type_text("geheime").code(KeyCode::Enter);
    // A self-reflection: the private note is the bestuurder's own.
    assert!(app.screen().contains("Mijn notitie"));
}

#[test]
fn x_writes_an_html_report_with_the_own_note_in_zelfreflectie() {
    let (mut app, path) = App::with_session();
    app.press('s')
        .press('4')
        .press('e')
        .type_text("notitie voor het rapport")
        .code(KeyCode::Esc);
    app.press('c')
        .type_text("mijn eigen notitie")
        .code(KeyCode::Esc);
    // `x` offers the full report first: Enter writes it.
    app.press('x').code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("Rapport geschreven"), "{screen}");
    let html = std::fs::read_to_string(path.with_extension("html")).expect("report");
    assert!(
        html.contains("notitie voor het rapport"),
        "everything typed is in it"
    );
    // In zelfreflectie the private note is one's own and goes into one's own report
    // (a coach's stays out: closing_loop.rs).
    assert!(html.contains("mijn eigen notitie"), "the own note");
    assert!(!html.contains("<script"));
}

#[test]
fn d_twice_moves_a_session_to_the_prullenbak() {
    let (mut app, path) = App::with_session();
    app.code(KeyCode::Esc);
    app.press('d');
    assert!(app.screen().contains("Druk nog eens op d"));
    assert!(path.exists(), "nothing happens on the first press");
    app.press('j'); // any other key cancels
    app.press('d').press('d');
    let screen = app.screen();
    assert!(screen.contains("prullenbak"), "{screen}");
    assert!(!path.exists(), "{screen}");
    let dir = path.parent().expect("dir");
    let in_trash = store::list_trash(dir).expect("trash");
    assert_eq!(in_trash.len(), 1);
    assert!(screen.contains("Nog geen sessies"), "{screen}");
}
