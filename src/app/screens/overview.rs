//! The session overview: a grid of the perspectives, the tensions, the scan and the
//! actions. Its intents, its keys and its `update`; drawn by `ui::overview`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::{self, Dir, OverviewItem};
use super::super::update::goto;
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;

/// What the user means on the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewMsg {
    /// Move the focus to the neighbouring box.
    Move(Dir),
    /// Enter: open what the focused box shows.
    Open,
}

pub const fn msg(m: OverviewMsg) -> Msg {
    Msg::Screen(ScreenMsg::Overview(m))
}

use Key::{Char as C, Code};

#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(OverviewMsg::Move(Dir::Up)), "↑", "omhoog", false),
    b(&[Code(KeyCode::Down), C('j')], msg(OverviewMsg::Move(Dir::Down)), "↓", "omlaag", false),
    b(&[Code(KeyCode::Left), C('h')], msg(OverviewMsg::Move(Dir::Left)), "←", "links", false),
    b(&[Code(KeyCode::Right), C('l')], msg(OverviewMsg::Move(Dir::Right)), "→", "rechts", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Overview(OverviewMsg::Move(_)))), Join::Named("pijltjes"), "kiezen"),
    b(&[Code(KeyCode::Enter)], msg(OverviewMsg::Open), "Enter", "openen", true),
    hint(|m| *m == Msg::OpenScan, Join::Together, "scan"),
    hint(|m| *m == Msg::GoActions, Join::Together, "acties"),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: OverviewMsg) -> Vec<Effect> {
    if model.screen != Screen::Overview {
        return vec![];
    }
    match msg {
        OverviewMsg::Move(dir) => {
            if let Some(open) = model.open.as_mut() {
                open.overview_focus = nav::overview_move(open.overview_focus, dir);
            }
        }
        OverviewMsg::Open => {
            let Some(focus) = model.open.as_ref().map(|o| o.overview_focus) else {
                return vec![];
            };
            let target = match nav::OVERVIEW.get(focus).map(|o| o.0) {
                Some(OverviewItem::Perspective(p)) => Screen::Perspective(p),
                Some(OverviewItem::Tension(t)) => Screen::Tension(t),
                Some(OverviewItem::Scan) => Screen::Scan,
                Some(OverviewItem::Closing) => Screen::Closing,
                Some(OverviewItem::Actions) | None => Screen::Actions,
            };
            goto(model, target);
        }
    }
    vec![]
}
