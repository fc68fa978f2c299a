//! Issue 10, item 2: presentation mode (F2) is safe on a shared screen, on every screen:
//! no other bestuurder, no note of any kind, search only in the open session, and
//! "[presentatie]" on every screen.

mod support;

use kansrijk::app::{Msg, Screen};
use kansrijk::session::{DilemmaReflection, InstrumentAnswer, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use support::App;

/// Texts that must never be on a shared screen.
const SECRETS: &[&str] = &[
    "Geheimeprocesnotitie",
    "Geheimedilemmanotitie",
    "Geheimeinstrumentnotitie",
    "Geheimecoachnotitie",
    "Bram Visser",
    "Brams reflectie",
];

/// A session with a note of every kind, all ending in "delen" (so that one search finds
/// them all), and a reflection that may be shown.
fn anne(dir: &Path, content: &kansrijk::content::Content) -> PathBuf {
    let mut s = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Coachgesprek,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    let proces = content
        .scan
        .conditions
        .iter()
        .find(|c| c.id == "proces")
        .map(|c| c.id.clone())
        .unwrap_or_else(|| content.scan.conditions[0].id.clone());
    s.notes
        .insert(proces.clone(), "Geheimeprocesnotitie delen".into());
    for t in &content.handreiking.tensions {
        for d in &t.dilemmas {
            s.dilemmas.insert(
                d.id.clone(),
                DilemmaReflection {
                    note: "Geheimedilemmanotitie delen".into(),
                    next_step: "Annes stap delen".into(),
                    ..Default::default()
                },
            );
            s.coach_notes.insert(
                format!("dilemma:{}", d.id),
                "Geheimecoachnotitie delen".into(),
            );
        }
    }
    for i in &content.instruments {
        s.instruments.insert(
            i.id.clone(),
            InstrumentAnswer {
                note: "Geheimeinstrumentnotitie delen".into(),
                ..Default::default()
            },
        );
    }
    s.coach_notes.insert(
        format!("conditie:{proces}"),
        "Geheimecoachnotitie delen".into(),
    );
    s.coach_notes
        .insert("overzicht".into(), "Geheimecoachnotitie delen".into());
    store::create(dir, &s).expect("create")
}

fn bram(dir: &Path, content: &kansrijk::content::Content) -> PathBuf {
    let mut s = Session::new(
        "Bram Visser",
        "Thuiszorg West",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_100).expect("timestamp"),
    );
    let prompt = &content.handreiking.perspectives[0].themes[0].prompts[0].id;
    s.reflections
        .insert(prompt.clone(), "Brams reflectie delen".into());
    store::create(dir, &s).expect("create")
}

fn app_with_two(w: u16, h: u16) -> (App, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let content = kansrijk::content::Content::embedded().expect("content");
    let path = anne(dir.path(), &content);
    bram(dir.path(), &content);
    (App::start_in(dir, w, h), path)
}

fn assert_safe(screen: &str, where_: &str) {
    assert!(
        screen.contains("[presentatie]"),
        "{where_}: no [presentatie] marker:\n{screen}"
    );
    for secret in SECRETS {
        assert!(
            !screen.contains(secret),
            "{where_}: shows {secret:?}:\n{screen}"
        );
    }
}

#[test]
fn start_screen_in_f2_is_neutral_and_acts_on_nothing_unseen() {
    let (mut app, _) = app_with_two(80, 24);
    assert!(app.screen().contains("Bram Visser"));
    app.code(KeyCode::F(2));
    let screen = app.screen();
    assert_safe(&screen, "start");
    assert!(!screen.contains("Anne Jansen"), "{screen}");
    assert!(
        screen.contains("lijst met sessies is verborgen"),
        "{screen}"
    );
    // The hidden list cannot be opened, searched, grouped or trashed.
    for key in ['j', 'g', 'v', 'd', 'd', '/'] {
        app.press(key);
    }
    app.code(KeyCode::Enter);
    app.flush();
    assert_eq!(app.model.screen, Screen::Start);
    assert!(app.model.open.is_none());
    assert!(app.model.prompt.is_none());
    assert_eq!(app.model.list.len(), 2, "nothing went to the prullenbak");
    let screen = app.screen();
    assert!(screen.contains("Druk eerst op F2"), "{screen}");
    assert_safe(&screen, "start after keys");
    app.code(KeyCode::F(2));
    assert!(
        app.screen().contains("Bram Visser"),
        "F2 again shows the list"
    );
}

#[test]
fn every_session_screen_in_f2_shows_no_note_and_no_other_client() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (mut app, path) = app_with_two(w, h);
        app.msg(Msg::Open(path));
        app.code(KeyCode::F(2));
        let mut visited = 0;
        let mut last = None;
        // The whole guided path, and on the scan every question.
        loop {
            let screen = app.screen();
            assert_safe(&screen, &format!("{:?} at {w}×{h}", app.model.screen));
            if app.model.screen == Screen::Scan {
                for _ in 0..20 {
                    app.code(KeyCode::Down);
                    assert_safe(&app.screen(), "scan question");
                }
            }
            if last == Some(app.model.screen) {
                break;
            }
            last = Some(app.model.screen);
            visited += 1;
            app.press(']');
        }
        assert!(visited > 10, "the guided path was walked ({visited} stops)");
        for key in ['a', 's', 'o'] {
            app.press(key);
            assert_safe(&app.screen(), &format!("key {key}"));
        }
        // Help, and the scan note hidden with a word of why.
        app.press('s').press('?');
        assert_safe(&app.screen(), "help");
        app.press('?');
        for _ in 0..16 {
            app.code(KeyCode::Down);
        }
        let screen = app.screen();
        assert!(screen.contains("Notitie: (verborgen in de"), "{screen}");
    }
}

#[test]
fn notes_cannot_be_opened_in_f2() {
    let (mut app, path) = app_with_two(120, 40);
    app.msg(Msg::Open(path.clone()));
    app.code(KeyCode::F(2));
    app.press('c');
    let screen = app.screen();
    assert!(
        app.model.open.as_ref().expect("open").editor.is_none(),
        "c opens no editor"
    );
    assert!(screen.contains("coachnotitie is privé"), "{screen}");
    assert_safe(&screen, "after c");
    // The scan's condition note (e) is refused too.
    app.press('s').press('e');
    assert!(app.model.open.as_ref().expect("open").editor.is_none());
    let screen = app.screen();
    assert!(screen.contains("Notities blijven dicht"), "{screen}");
    assert_safe(&screen, "after e");
    // Out of F2, the coach opens the note as before.
    app.code(KeyCode::F(2)).press('c');
    assert!(app.model.open.as_ref().expect("open").editor.is_some());
    let saved = store::load(&path).expect("load");
    assert!(
        saved
            .coach_notes
            .values()
            .all(|n| n == "Geheimecoachnotitie delen"),
        "nothing changed on disk"
    );
}

#[test]
fn search_in_f2_covers_only_the_open_session_without_notes() {
    let (mut app, path) = app_with_two(80, 24);
    app.msg(Msg::Open(path));
    app.code(KeyCode::F(2));
    app.press('/').type_text("delen").code(KeyCode::Enter);
    let screen = app.screen();
    assert_eq!(app.model.screen, Screen::Search, "{screen}");
    assert_safe(&screen, "search in a session");
    assert!(screen.contains("Annes stap delen"), "{screen}");
    assert!(
        app.model.hits.iter().all(|h| !h.note),
        "{:?}",
        app.model.hits
    );
    // Enter goes to the place in the open session; Esc comes back.
    app.code(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::Dilemma(..)));
    assert_safe(&app.screen(), "the hit's place");
}

#[test]
fn f2_on_the_search_screen_hides_other_sessions_and_notes() {
    let (mut app, _) = app_with_two(80, 24);
    app.press('/').type_text("delen").code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("Bram Visser"), "{screen}");
    app.code(KeyCode::F(2));
    let screen = app.screen();
    assert_safe(&screen, "search results after F2");
    assert!(
        !screen.contains("Anne Jansen"),
        "no session is open: {screen}"
    );
    app.code(KeyCode::Enter);
    assert!(app.model.open.is_none(), "nothing opens from an empty list");
}

#[test]
fn search_results_name_the_handbooks_titles_not_internal_ids() {
    let (mut app, _) = app_with_two(120, 40);
    app.press('/')
        .type_text("Geheimecoach")
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(!screen.contains("conditie:"), "{screen}");
    assert!(!screen.contains("dilemma:"), "{screen}");
    assert!(screen.contains("Coachnotitie bij Proces"), "{screen}");
    // The list is longer than the screen: the other places are checked in the model.
    assert!(
        app.model
            .hits
            .iter()
            .any(|h| h.place == "Coachnotitie bij Overzicht"),
        "{:?}",
        app.model.hits
    );
    assert!(
        app.model.hits.iter().all(|h| !h.place.contains(':')),
        "{:?}",
        app.model.hits
    );
    let dilemma = &app.model.content.handreiking.tensions[0].dilemmas[0].title;
    assert!(
        app.model
            .hits
            .iter()
            .any(|h| h.place == format!("Coachnotitie bij {dilemma}")),
        "{:?}",
        app.model.hits
    );
}

/// Found by trying it as a user: the new-session form over the start screen and Tab in
/// the import prompt showed other clients in F2.
#[test]
fn f2_hides_the_list_behind_the_form_and_the_names_tab_would_complete() {
    let (mut app, path) = app_with_two(80, 24);
    app.code(KeyCode::F(2)).press('n');
    let screen = app.screen();
    assert!(screen.contains("Nieuwe sessie"), "{screen}");
    assert_safe(&screen, "the new-session form");
    assert!(!screen.contains("Anne Jansen"), "{screen}");
    app.code(KeyCode::Esc).press('i');
    let folder = format!("{}/", path.parent().expect("folder").display());
    app.type_text(&folder).code(KeyCode::Tab);
    let screen = app.screen();
    assert!(
        !screen.contains(".ron"),
        "no file names while presenting: {screen}"
    );
    assert!(screen.contains("niet getoond"), "{screen}");
}

/// A coach note found on a condition opens the scan at that condition's first question
/// (it opened question 1).
#[test]
fn a_coach_note_hit_on_a_condition_opens_that_condition() {
    let (mut app, _) = app_with_two(120, 40);
    app.press('/')
        .type_text("Geheimecoach")
        .code(KeyCode::Enter);
    let hit = app
        .model
        .hits
        .iter()
        .position(|h| h.place == "Coachnotitie bij Proces")
        .expect("the hit on Proces");
    app.model.hit_selected = hit;
    app.code(KeyCode::Enter);
    assert_eq!(app.model.screen, kansrijk::app::Screen::Scan);
    let open = app.model.open.as_ref().expect("open");
    let proces = app
        .model
        .content
        .scan
        .conditions
        .iter()
        .position(|c| c.id == "proces")
        .expect("proces");
    assert_eq!(
        app.model.condition_of(open.focus),
        proces,
        "{}",
        app.screen()
    );
}
