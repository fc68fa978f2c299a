//! The app on the in-memory store (`store::MemoryStore`): the same keys, screens and
//! effects as on the folder, without touching the disk — the temporary folder the harness
//! keeps stays empty.

mod support;

use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store::SessionStore;
use ratatui::crossterm::event::KeyCode;
use support::App;

fn anne() -> Session {
    Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    )
}

fn assert_no_disk(app: &App) {
    let names: Vec<_> = std::fs::read_dir(app.dir.path())
        .expect("the temporary folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert!(names.is_empty(), "something was written to disk: {names:?}");
}

#[test]
fn a_new_session_from_the_form_lands_in_memory() {
    let (mut app, memory) = App::in_memory(80, 24);
    assert!(app.screen().contains("Nog geen sessies"));
    app.press('n')
        .type_text("Anne Jansen")
        .code(KeyCode::Tab)
        .type_text("Zorggroep Oost")
        .code(KeyCode::Tab)
        .type_text("Wijkzorg Noord")
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("Anne Jansen · Wijkzorg Noord"), "{screen}");
    let path = app.model.open.as_ref().expect("open").path.clone();
    let stored = memory.load(&path).expect("in the store");
    assert_eq!(stored.organisatie, "Zorggroep Oost");
    assert!(
        memory
            .text(&path)
            .is_some_and(|t| t.contains("Wijkzorg Noord"))
    );
    assert_no_disk(&app);
}

#[test]
fn answers_and_notes_are_saved_to_the_store_and_shown_after_reopening() {
    let (mut app, memory) = App::in_memory(80, 24);
    let path = memory.create(&anne()).expect("create");
    app.effect_list();
    assert!(app.screen().contains("Anne Jansen"), "{}", app.screen());
    app.code(KeyCode::Enter);
    app.press('s').press('4').press('5');
    app.press('e').type_text("in het geheugen");
    app.code(KeyCode::Esc);
    app.flush();
    assert!(app.screen().contains("✓ bewaard"), "{}", app.screen());
    let stored = memory.load(&path).expect("load");
    assert_eq!(
        stored.answers.get("ambitie.gedeeld"),
        Some(&Answer::Score(4))
    );
    assert_eq!(stored.answers.len(), 2);
    assert!(
        stored.notes.values().any(|n| n == "in het geheugen"),
        "{:?}",
        stored.notes
    );
    // Back to the list and open again: the scores come from the store.
    app.code(KeyCode::Esc).code(KeyCode::Esc);
    app.msg(kansrijk::app::Msg::Open(path.clone())).press('s');
    assert!(app.screen().contains("4,5 2/4"), "{}", app.screen());
    assert_no_disk(&app);
}

#[test]
fn d_twice_moves_a_session_to_the_prullenbak_of_the_store() {
    let (mut app, memory) = App::in_memory(80, 24);
    let path = memory.create(&anne()).expect("create");
    app.effect_list();
    app.press('d').press('d');
    let screen = app.screen();
    assert!(screen.contains("prullenbak"), "{screen}");
    assert!(screen.contains("Nog geen sessies"), "{screen}");
    assert!(memory.text(&path).is_none());
    assert_eq!(memory.trashed().len(), 1);
    assert_no_disk(&app);
}

#[test]
fn an_unreadable_entry_is_listed_and_not_opened() {
    let (mut app, memory) = App::in_memory(100, 30);
    let bad = app.runtime.dir.join("kapot.ron");
    memory.put_text(
        bad.clone(),
        "(\n    schema: 1,\n    id: \"x\",\n    created: \n".into(),
    );
    app.effect_list();
    let screen = app.screen();
    assert!(screen.contains("onleesbaar"), "{screen}");
    assert!(screen.contains("kapot.ron"), "{screen}");
    app.code(KeyCode::Enter);
    assert!(
        app.screen().contains("onleesbaar en blijft onaangeroerd"),
        "{}",
        app.screen()
    );
    assert!(app.model.open.is_none());
    assert_no_disk(&app);
}
