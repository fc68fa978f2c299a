//! A tension screen: its dilemmas and the themes it points to. Its intents, its keys and
//! its `update`; drawn by `ui::tension`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::Row;
use super::super::update::{current_row, goto};
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use ratatui::crossterm::event::KeyCode;

/// What the user means on a tension screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TensionMsg {
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: open the selected dilemma, or the theme the selected pointer names.
    Open,
}

pub const fn msg(m: TensionMsg) -> Msg {
    Msg::Screen(ScreenMsg::Tension(m))
}

use Key::{Char as C, Code};

/// The tension screen's keys (the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = list_bindings!(Tension, TensionMsg, TensionMsg::Open);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: TensionMsg) -> Vec<Effect> {
    let Screen::Tension(t) = model.screen else {
        return vec![];
    };
    match (msg, current_row(model)) {
        (TensionMsg::Move(to), _) => list::move_cursor(model, to),
        (TensionMsg::Scroll { down }, _) => list::scroll(model, down),
        (TensionMsg::Open, Some(Row::Dilemma(d))) => goto(model, Screen::Dilemma(t, d)),
        (TensionMsg::Open, Some(Row::Pointer(k))) => {
            let content = &model.content;
            let target = content
                .handreiking
                .tensions
                .get(t)
                .and_then(|t| t.pointers.get(k))
                .and_then(|ptr| {
                    let (pi, _) = content.theme(&ptr.theme)?;
                    let ti = content.handreiking.perspectives[pi]
                        .themes
                        .iter()
                        .position(|th| th.id == ptr.theme)?;
                    Some(Screen::Theme(pi, ti))
                });
            if let Some(screen) = target {
                goto(model, screen);
            }
        }
        _ => {}
    }
    vec![]
}
