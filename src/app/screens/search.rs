//! Search results (`/`): the hits across sessions, or in the open session. Its intents,
//! its keys and its `update`; what a search's result does to the model; drawn by
//! `ui::search`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::update::{goto, set_info};
use super::super::{Effect, Model, Msg, Screen, nav};
use super::ScreenMsg;
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;

/// What the user means on the search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMsg {
    Previous,
    Next,
    /// Enter: open the session of the selected hit at its place.
    Open,
}

pub const fn msg(m: SearchMsg) -> Msg {
    Msg::Screen(ScreenMsg::Search(m))
}

use Key::{Char as C, Code};

/// The search results' keys.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(SearchMsg::Previous), "↑", "vorige", false),
    b(&[Code(KeyCode::Down), C('j')], msg(SearchMsg::Next), "↓", "volgende", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Search(SearchMsg::Previous | SearchMsg::Next))), Join::Together, "kiezen"),
    b(&[Code(KeyCode::Enter)], msg(SearchMsg::Open), "Enter", "openen op die plek", true),
    b(&[C('/')], Msg::StartSearch, "/", "opnieuw zoeken", true),
    b(&[Code(KeyCode::F(2))], Msg::TogglePresenting, "F2", "presentatiemodus aan/uit", false),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "terug", true),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: SearchMsg) -> Vec<Effect> {
    if model.screen != Screen::Search {
        return vec![];
    }
    let n = model.hits.len();
    match msg {
        SearchMsg::Previous => model.hit_selected = model.hit_selected.saturating_sub(1),
        SearchMsg::Next if n > 0 => model.hit_selected = (model.hit_selected + 1).min(n - 1),
        SearchMsg::Next => {}
        SearchMsg::Open => return open_hit(model),
    }
    vec![]
}

/// Presentation mode: only hits from the open session, and no notes.
fn presentable(model: &Model, hits: &mut Vec<crate::search::Hit>) {
    let open = model.open.as_ref().map(|o| o.path.as_path());
    hits.retain(|h| !h.note && Some(h.path.as_path()) == open);
}

/// F2 turned on while results are shown: what may not be shown goes.
pub(in crate::app) fn presenting_started(model: &mut Model) {
    if model.screen != Screen::Search {
        return;
    }
    let mut hits = std::mem::take(&mut model.hits);
    let before = hits.len();
    presentable(model, &mut hits);
    if hits.len() < before {
        set_info(model, texts::SEARCH_PRESENTING_ONLY_OPEN.to_string());
    }
    model.hits = hits;
    model.hit_selected = model.hit_selected.min(model.hits.len().saturating_sub(1));
}

/// A search's hits: shown as the results (nothing found: said in the status line).
pub(in crate::app) fn searched(model: &mut Model, mut hits: Vec<crate::search::Hit>) {
    if model.presenting {
        // A shared screen shows no other session and no note.
        presentable(model, &mut hits);
    }
    if hits.is_empty() {
        set_info(model, texts::SEARCH_NOTHING.to_string());
        return;
    }
    model.status = None;
    model.hits = hits;
    model.hit_selected = 0;
    if model.open.is_some() {
        goto(model, Screen::Search);
    } else {
        model.screen = Screen::Search;
    }
}

fn open_hit(model: &mut Model) -> Vec<Effect> {
    let Some(hit) = model.hits.get(model.hit_selected).cloned() else {
        return vec![];
    };
    // A place this content does not know opens the overview.
    let screen = nav::screen_of(&model.content, &hit.target).unwrap_or(Screen::Overview);
    model.pending_jump = Some((screen, hit.row));
    match model.open.as_ref() {
        // A hit in the open session: go there.
        Some(open) if open.path == hit.path => {
            jump(model);
            vec![]
        }
        Some(_) => {
            model.pending_jump = None;
            vec![]
        }
        None => vec![Effect::Open(hit.path)],
    }
}

/// After a session opened from a search hit: go to the place of the hit.
pub(in crate::app) fn jump(model: &mut Model) {
    let Some((screen, row)) = model.pending_jump.take() else {
        return;
    };
    if screen == Screen::Overview {
        return;
    }
    goto(model, screen);
    if let Some(open) = model.open.as_mut() {
        if screen == Screen::Scan {
            open.focus = row;
        } else {
            open.cursor = row;
        }
    }
}
