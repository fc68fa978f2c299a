//! A reading page over the screen (opened from the help overlay): its intents, its keys
//! and its `update`, which scrolls it. The page's text is made in `app::page`; drawn by
//! `ui::page`. Esc closes it (`Msg::Back`, the back history).

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::page::{max_scroll, text_size};
use super::super::{Effect, Model, Msg};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;

/// What the user means on a reading page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageMsg {
    LineUp,
    LineDown,
    /// A page (the height of the text) back / on.
    PageUp,
    PageDown,
    Top,
    Bottom,
}

pub const fn msg(m: PageMsg) -> Msg {
    Msg::Screen(ScreenMsg::Page(m))
}

use Key::{Char as C, Code};

/// A reading page's keys.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(PageMsg::LineUp), "↑/k", "tekst omhoog", false),
    b(&[Code(KeyCode::Down), C('j')], msg(PageMsg::LineDown), "↓/j", "tekst omlaag", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Page(PageMsg::LineUp | PageMsg::LineDown))), Join::Together, "schuiven"),
    b(&[Code(KeyCode::PageUp)], msg(PageMsg::PageUp), "PgUp", "vorige bladzijde", false),
    b(&[Code(KeyCode::PageDown), C(' ')], msg(PageMsg::PageDown), "PgDn", "volgende bladzijde", true),
    b(&[Code(KeyCode::Home)], msg(PageMsg::Top), "Home", "begin", false),
    b(&[Code(KeyCode::End)], msg(PageMsg::Bottom), "End", "einde", false),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "terug", true),
];

/// Scrolls the open page.
pub fn update(model: &mut Model, msg: PageMsg) -> Vec<Effect> {
    if model.page.is_none() || model.help {
        return vec![];
    }
    let max = max_scroll(model);
    let step = u16::try_from(text_size(model).1.saturating_sub(1).max(1)).unwrap_or(1);
    let s = model.page_scroll.min(max);
    model.page_scroll = match msg {
        PageMsg::LineUp => s.saturating_sub(1),
        PageMsg::LineDown => s.saturating_add(1).min(max),
        PageMsg::PageUp => s.saturating_sub(step),
        PageMsg::PageDown => s.saturating_add(step).min(max),
        PageMsg::Top => 0,
        PageMsg::Bottom => max,
    };
    vec![]
}
