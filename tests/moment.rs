//! Issue 10, items 3 and 4: no key acts unseen behind "te klein", and status messages
//! belong to the moment (they go with the screen, after a few seconds, or when they no
//! longer hold).

mod support;

use kansrijk::app::Msg;
use kansrijk::session::Answer;
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;
use support::App;

fn saved_answer(app: &mut App, item: &str) -> Option<Answer> {
    app.flush();
    let path = app.model.open.as_ref().expect("open").path.clone();
    store::load(&path).expect("load").answers.get(item).cloned()
}

fn first_item(app: &App) -> String {
    app.model.content.scan.conditions[0].items[0].id.clone()
}

#[test]
fn keys_behind_too_small_change_nothing_and_open_nothing() {
    let (mut app, _) = App::with_session();
    app.press('s').press('3');
    let item = first_item(&app);
    assert_eq!(saved_answer(&mut app, &item), Some(Answer::Score(3)));
    app.press('k'); // back to question 1
    app.resize(79, 23);
    // Digits, Enter, navigation and paste: none of them may act while unseen.
    app.press('5').press('0').code(KeyCode::Enter).press('o');
    app.press('a').code(KeyCode::Down).press('e');
    app.msg(Msg::Paste("geplakte tekst".into()));
    app.code(KeyCode::Esc).code(KeyCode::Esc);
    let screen = app.screen();
    assert!(screen.contains("Het venster is te klein."), "{screen}");
    assert_eq!(
        saved_answer(&mut app, &item),
        Some(Answer::Score(3)),
        "question 1 keeps its answer"
    );
    let open = app.model.open.as_ref().expect("still open");
    assert!(open.editor.is_none(), "no editor opened blind");
    assert_eq!(app.model.screen, kansrijk::app::Screen::Scan);
    app.resize(80, 24);
    let screen = app.screen();
    assert!(screen.contains("Vraag 1 van 20"), "{screen}");
    assert!(!screen.contains("geplakte tekst"), "{screen}");
}

#[test]
fn quitting_works_behind_too_small() {
    let (mut app, _) = App::with_session();
    app.resize(60, 20);
    let screen = app.screen();
    assert!(screen.contains("Stoppen kan met q."), "{screen}");
    app.press('q');
    assert!(app.runtime.quit, "q still quits");

    let (mut app, _) = App::with_session();
    app.press('s').press('e'); // an editor is open: q would be text, Ctrl+C quits
    app.resize(60, 20);
    let screen = app.screen();
    assert!(screen.contains("Stoppen kan met Ctrl+C."), "{screen}");
    app.press('q');
    assert!(!app.runtime.quit);
    app.ctrl('c');
    assert!(app.runtime.quit, "Ctrl+C quits from an editor too");
}

#[test]
fn a_status_goes_when_the_screen_changes() {
    let (mut app, _) = App::with_session();
    app.press('s').press('A').type_text("Gesprek plannen");
    app.code(KeyCode::Esc); // the new action's editor
    let screen = app.screen();
    assert!(screen.contains("Afspraak toegevoegd"), "{screen}");
    app.press('o');
    let screen = app.screen();
    assert!(!screen.contains("Afspraak toegevoegd"), "{screen}");

    // Deleting on the actions screen: the message stays while there, goes on the next.
    app.press('a').press('d').press('d');
    assert!(app.screen().contains("Verwijderd."));
    app.code(KeyCode::Down);
    assert!(
        app.screen().contains("Verwijderd."),
        "same screen: it stays"
    );
    app.press('t');
    assert!(!app.screen().contains("Verwijderd."));
}

#[test]
fn a_status_goes_after_a_few_seconds() {
    let (mut app, _) = App::with_session();
    app.msg(Msg::Tick(Duration::from_secs(100)));
    // The last stop of the guided path: the message comes on the same screen.
    for _ in 0..80 {
        app.press(']');
    }
    let screen = app.screen();
    assert!(screen.contains("Dit was de laatste stap"), "{screen}");
    app.msg(Msg::Tick(Duration::from_secs(102)));
    assert!(
        app.screen().contains("Dit was de laatste stap"),
        "still fresh"
    );
    app.msg(Msg::Tick(Duration::from_secs(106)));
    let screen = app.screen();
    assert!(!screen.contains("Dit was de laatste stap"), "{screen}");
}

#[test]
fn an_expired_delete_question_no_longer_deletes() {
    let (mut app, _) = App::with_session();
    app.press('a').press('+');
    app.code(KeyCode::Esc); // leave the editor of the new action
    let count = |app: &App| app.model.open.as_ref().expect("open").session.actions.len();
    assert_eq!(count(&app), 1);
    app.press('d');
    assert!(app.screen().contains("nog eens"), "{}", app.screen());
    app.msg(Msg::Tick(Duration::from_secs(30)));
    assert!(!app.screen().contains("nog eens"));
    app.press('d');
    assert_eq!(
        count(&app),
        1,
        "a question no longer on screen is not answered"
    );
}

#[test]
fn warnings_about_a_failed_save_go_when_the_save_succeeds() {
    let (mut app, _) = App::with_session();
    app.press('s').press('3');
    let path = app.model.open.as_ref().expect("open").path.clone();
    let generation = app.model.open.as_ref().expect("open").generation;
    app.msg(Msg::Saved {
        path: path.clone(),
        generation,
        result: Err("de schijf is vol".into()),
    });
    app.press('q');
    let screen = app.screen();
    assert!(screen.contains("nog eens op q"), "{screen}");
    assert!(screen.contains("Niet opgeslagen"), "{screen}");
    // The saver tries again and succeeds.
    app.msg(Msg::Saved {
        path,
        generation,
        result: Ok(()),
    });
    let screen = app.screen();
    assert!(screen.contains("✓ bewaard"), "{screen}");
    assert!(!screen.contains("nog eens op q"), "{screen}");
    assert!(!screen.contains("niet op schijf"), "{screen}");
    app.press('q');
    assert!(app.runtime.quit, "one q quits once everything is saved");
}
