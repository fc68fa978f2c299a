//! A perspective screen: its themes as a list. Its intents, its keys and its `update`;
//! drawn by `ui::perspective`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::Row;
use super::super::update::{current_row, goto};
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use ratatui::crossterm::event::KeyCode;

/// What the user means on a perspective screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PerspectiveMsg {
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: open the selected theme.
    OpenTheme,
}

pub const fn msg(m: PerspectiveMsg) -> Msg {
    Msg::Screen(ScreenMsg::Perspective(m))
}

use Key::{Char as C, Code};

/// The perspective screen's keys (the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = list_bindings!(Perspective, PerspectiveMsg, PerspectiveMsg::OpenTheme);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: PerspectiveMsg) -> Vec<Effect> {
    let Screen::Perspective(p) = model.screen else {
        return vec![];
    };
    match msg {
        PerspectiveMsg::Move(to) => list::move_cursor(model, to),
        PerspectiveMsg::Scroll { down } => list::scroll(model, down),
        PerspectiveMsg::OpenTheme => {
            if let Some(Row::Theme(t)) = current_row(model) {
                goto(model, Screen::Theme(p, t));
            }
        }
    }
    vec![]
}
