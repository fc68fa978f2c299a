//! The help overlay (`?`): the keys of the screen beneath (drawn by `ui::help` from the
//! keymap) and the reading pages it opens. Its intents, its keys and its `update`.

use super::super::keymap::{Entry, Key, b};
use super::super::page::Page;
use super::super::{Effect, Model, Msg};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;

/// What the user means in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpMsg {
    /// Open a reading page over the screen (the help closes).
    OpenPage(Page),
}

pub const fn msg(m: HelpMsg) -> Msg {
    Msg::Screen(ScreenMsg::Help(m))
}

use Key::{Char as C, Code};

/// The help overlay's keys.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Esc), C('?'), C('q')], Msg::ToggleHelp, "Esc/?", "hulp sluiten", true),
    b(&[C('i')], msg(HelpMsg::OpenPage(Page::About)), "i", "over de handreiking", true),
    b(&[C('w')], msg(HelpMsg::OpenPage(Page::Wegwijzer)), "w", "wegwijzer", true),
    b(&[C('r')], msg(HelpMsg::OpenPage(Page::Roles)), "r", "rollen", false),
    b(&[C('n')], msg(HelpMsg::OpenPage(Page::FollowUp)), "n", "na de scan", false),
];

/// Applies one of the overlay's intents.
pub fn update(model: &mut Model, msg: HelpMsg) -> Vec<Effect> {
    match msg {
        HelpMsg::OpenPage(page) => {
            model.help = false;
            model.page = Some(page);
            model.page_scroll = 0;
        }
    }
    vec![]
}
