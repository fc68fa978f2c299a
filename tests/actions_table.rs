//! The actions table by its keys: columns with ←/→, space and Enter on "Over" cycle what
//! the action is about, elsewhere they tick it done; `e` writes the cell's text.

mod support;

use kansrijk::app::{ActionField, Screen, TextTarget};
use ratatui::crossterm::event::KeyCode;
use support::App;

fn actions_with_one() -> App {
    let (mut app, _) = App::with_session();
    app.press('a');
    assert_eq!(app.model.screen, Screen::Actions);
    app.press('+')
        .type_text("Overleg plannen")
        .code(KeyCode::Esc);
    app
}

fn action(app: &App) -> kansrijk::session::Action {
    app.model.open.as_ref().expect("open").session.actions[0].clone()
}

#[test]
fn space_on_over_cycles_the_link_and_elsewhere_ticks_done() {
    let mut app = actions_with_one();
    assert_eq!(action(&app).what, "Overleg plannen");
    assert!(!action(&app).done);
    app.press(' ');
    assert!(action(&app).done, "space on Wat ticks done");
    // Three to the right: "Over".
    app.code(KeyCode::Right)
        .code(KeyCode::Right)
        .code(KeyCode::Right);
    app.press(' ');
    let first = action(&app).link;
    assert!(first.starts_with("conditie:"), "{first}");
    app.code(KeyCode::Enter);
    assert_ne!(action(&app).link, first, "Enter on Over: next link");
    assert!(action(&app).done, "done untouched on Over");
    // Past the last column it stays on "Gedaan".
    app.code(KeyCode::Right).code(KeyCode::Right).press(' ');
    assert!(!action(&app).done);
}

#[test]
fn e_writes_the_text_of_the_column() {
    let mut app = actions_with_one();
    app.code(KeyCode::Right).press('e');
    let open = app.model.open.as_ref().expect("open");
    let editor = open.editor.as_ref().expect("editor");
    assert_eq!(editor.target, TextTarget::Action(0, ActionField::Who));
    app.code(KeyCode::Esc)
        .code(KeyCode::Right)
        .code(KeyCode::Right)
        .press('e');
    let open = app.model.open.as_ref().expect("open");
    let editor = open.editor.as_ref().expect("editor");
    // "Over" has no text: `e` writes "Wat".
    assert_eq!(editor.target, TextTarget::Action(0, ActionField::What));
}
