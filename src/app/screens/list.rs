//! What the list screens (perspective, theme, tension) share: moving the selection over
//! the screen's rows and scrolling its text. Each of them binds these under its own
//! intents; the keys are the same on all three.

use super::super::nav;
use super::super::update::set_info;
use super::super::{Effect, Model};
use crate::text as texts;

/// Where the selection goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Previous,
    Next,
    First,
    Last,
}

/// Moves the selection among the rows of the current screen.
pub fn move_cursor(model: &mut Model, to: Move) {
    let Some(open) = model.open.as_mut() else {
        return;
    };
    let n = nav::rows(&model.content, &open.session, model.screen).len();
    if n == 0 {
        return;
    }
    let current = open.cursor.min(n - 1);
    open.cursor = match to {
        Move::Previous => current.saturating_sub(1),
        Move::Next => (current + 1).min(n - 1),
        Move::First => 0,
        Move::Last => n - 1,
    };
}

/// Scrolls the screen's text five lines up or down.
pub fn scroll(model: &mut Model, down: bool) {
    if let Some(open) = model.open.as_mut() {
        open.scroll = if down {
            open.scroll.saturating_add(5).min(500)
        } else {
            open.scroll.saturating_sub(5)
        };
    }
}

/// The first press of a delete on the selected row asks (naming `key`) and returns false;
/// the second press on the same row returns true.
pub fn confirm_delete(model: &mut Model, key: &str) -> bool {
    let cursor = model.open.as_ref().map(|o| o.cursor).unwrap_or(0);
    let confirmed = model
        .open
        .as_ref()
        .is_some_and(|o| o.confirm_delete == Some(cursor));
    if !confirmed {
        if let Some(open) = model.open.as_mut() {
            open.confirm_delete = Some(cursor);
        }
        set_info(model, texts::confirm_delete(key));
    }
    confirmed
}

/// After a delete: says so and selects the row above, when something was deleted
/// (`effects` saves it).
pub fn deleted(model: &mut Model, effects: Vec<Effect>) -> Vec<Effect> {
    if !effects.is_empty() {
        set_info(model, texts::DELETED.to_string());
        if let Some(open) = model.open.as_mut() {
            open.cursor = open.cursor.saturating_sub(1);
        }
    }
    effects
}

/// The rows every list screen binds, under its own intents (`ScreenMsg::$variant` of
/// `$ty`): the selection, Enter (`$enter`), `e` (`$write`, where there is text to write),
/// scrolling. The same keys and words on each list screen.
macro_rules! list_bindings {
    ($variant:ident, $ty:ident, $enter:expr $(, $write:expr)?) => {
        &[
            b(&[Code(KeyCode::Up), C('k')], Msg::Screen(ScreenMsg::$variant($ty::Move(Move::Previous))), "↑/k", "vorige regel", false),
            b(&[Code(KeyCode::Down), C('j')], Msg::Screen(ScreenMsg::$variant($ty::Move(Move::Next))), "↓/j", "volgende regel", false),
            hint(
                |m| matches!(m, Msg::Screen(ScreenMsg::$variant($ty::Move(Move::Previous | Move::Next)))),
                Join::Together,
                "kiezen",
            ),
            b(&[Code(KeyCode::Enter)], Msg::Screen(ScreenMsg::$variant($enter)), "Enter", "openen / invullen", true),
            $(b(&[C('e')], Msg::Screen(ScreenMsg::$variant($write)), "e", "tekst schrijven", false),)?
            b(&[Code(KeyCode::PageUp)], Msg::Screen(ScreenMsg::$variant($ty::Scroll { down: false })), "PgUp", "tekst omhoog", false),
            b(&[Code(KeyCode::PageDown)], Msg::Screen(ScreenMsg::$variant($ty::Scroll { down: true })), "PgDn", "tekst omlaag", false),
            b(&[Code(KeyCode::Home)], Msg::Screen(ScreenMsg::$variant($ty::Move(Move::First))), "Home", "eerste regel", false),
            b(&[Code(KeyCode::End)], Msg::Screen(ScreenMsg::$variant($ty::Move(Move::Last))), "End", "laatste regel", false),
        ]
    };
}
pub(crate) use list_bindings;
