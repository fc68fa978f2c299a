//! A theme screen: its reflection questions and the instruments that go with it. Its
//! intents, its keys and its `update`; drawn by `ui::theme`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::Row;
use super::super::update::{current_row, goto, open_editor};
use super::super::{Effect, Model, Msg, Screen, TextTarget};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use ratatui::crossterm::event::KeyCode;

/// What the user means on a theme screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeMsg {
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: write the answer to the selected question, or open the selected instrument.
    Open,
    /// `e`: write the answer to the selected question.
    Write,
}

pub const fn msg(m: ThemeMsg) -> Msg {
    Msg::Screen(ScreenMsg::Theme(m))
}

use Key::{Char as C, Code};

/// The theme screen's keys (the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = list_bindings!(Theme, ThemeMsg, ThemeMsg::Open, ThemeMsg::Write);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: ThemeMsg) -> Vec<Effect> {
    let Screen::Theme(p, t) = model.screen else {
        return vec![];
    };
    match (msg, current_row(model)) {
        (ThemeMsg::Move(to), _) => list::move_cursor(model, to),
        (ThemeMsg::Scroll { down }, _) => list::scroll(model, down),
        (ThemeMsg::Open, Some(Row::OpenInstrument(i))) => goto(model, Screen::Instrument(i)),
        (ThemeMsg::Open | ThemeMsg::Write, Some(Row::Prompt(q))) => {
            let target = model
                .content
                .handreiking
                .perspectives
                .get(p)
                .and_then(|p| p.themes.get(t))
                .and_then(|t| t.prompts.get(q))
                .map(|q| TextTarget::Reflection(q.id.clone()));
            if let Some(target) = target {
                return open_editor(model, target);
            }
        }
        _ => {}
    }
    vec![]
}
