//! The group view (`g` on the start screen): the respondents of one samenwerking
//! compared. Its panes (per condition, one indicator drilled into, the dilemma positions
//! side by side), its intents, keys and `update`; drawn by `ui::group`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;

/// What the right-hand panel of the group view shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupPane {
    /// Per condition mean, min and max, and the gespreksonderwerpen.
    #[default]
    Conditions,
    /// Every respondent's answer to one indicator.
    Indicator,
    /// The partners' dilemma positions side by side.
    Dilemmas,
}

impl GroupPane {
    fn next(self) -> Self {
        match self {
            GroupPane::Conditions => GroupPane::Indicator,
            GroupPane::Indicator => GroupPane::Dilemmas,
            GroupPane::Dilemmas => GroupPane::Conditions,
        }
    }
}

/// What the user means in the group view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupMsg {
    ScrollUp,
    ScrollDown,
    /// Show the next pane (per condition → per indicator → dilemma's).
    NextPane,
    /// Drill into the previous / next indicator.
    PreviousItem,
    NextItem,
    /// Write the group report (HTML).
    Export,
}

pub const fn msg(m: GroupMsg) -> Msg {
    Msg::Screen(ScreenMsg::Group(m))
}

use Key::{Char as C, Code};

#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Tab)], msg(GroupMsg::NextPane), "Tab", "overzicht: condities / indicator / dilemma's", false),
    hint(|m| *m == msg(GroupMsg::NextPane), Join::Together, "overzicht"),
    b(&[Code(KeyCode::Left), C('h')], msg(GroupMsg::PreviousItem), "←", "vorige indicator", false),
    b(&[Code(KeyCode::Right), C('l')], msg(GroupMsg::NextItem), "→", "volgende indicator", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Group(GroupMsg::PreviousItem | GroupMsg::NextItem))), Join::Together, "indicator"),
    b(&[C('x')], msg(GroupMsg::Export), "x", "groepsrapport (HTML) schrijven", false),
    hint(|m| *m == msg(GroupMsg::Export), Join::Together, "rapport"),
    b(&[Code(KeyCode::PageUp), Code(KeyCode::Up), C('k')], msg(GroupMsg::ScrollUp), "PgUp", "tekst omhoog", false),
    b(&[Code(KeyCode::PageDown), Code(KeyCode::Down), C('j')], msg(GroupMsg::ScrollDown), "PgDn", "tekst omlaag", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Group(GroupMsg::ScrollUp | GroupMsg::ScrollDown))), Join::Slash, "schuiven"),
    b(&[Code(KeyCode::F(2))], Msg::TogglePresenting, "F2", "presentatie (namen als R1…Rn)", false),
    hint(|m| *m == Msg::TogglePresenting, Join::Together, "presentatie (R1…Rn)"),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "terug", true),
];

/// Applies one of the group view's intents.
pub fn update(model: &mut Model, msg: GroupMsg) -> Vec<Effect> {
    if model.screen != Screen::Group {
        return vec![];
    }
    let items = model.content.scan.items().count().max(1);
    match msg {
        GroupMsg::ScrollUp => model.group_scroll = model.group_scroll.saturating_sub(5),
        GroupMsg::ScrollDown => model.group_scroll = model.group_scroll.saturating_add(5).min(500),
        GroupMsg::NextPane => {
            model.group_pane = model.group_pane.next();
            model.group_scroll = 0;
        }
        GroupMsg::PreviousItem | GroupMsg::NextItem => {
            if model.group_pane == GroupPane::Indicator {
                model.group_item = if msg == GroupMsg::NextItem {
                    (model.group_item + 1) % items
                } else {
                    (model.group_item + items - 1) % items
                };
            }
            model.group_pane = GroupPane::Indicator;
            model.group_scroll = 0;
        }
        GroupMsg::Export => {
            if let Some(group) = model.group.as_ref() {
                return vec![Effect::ExportGroup {
                    samenwerking: group.samenwerking.clone(),
                    // A shared screen shows R1…Rn: so does what it writes.
                    anonymous: model.presenting,
                }];
            }
        }
    }
    vec![]
}
