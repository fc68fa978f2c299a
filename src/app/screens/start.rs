//! The start screen: the list of sessions, and from there a new one, a follow-up, the
//! group view, import and search. Its intents, its keys and its `update`; drawn by
//! `ui::start`. Acting on a row goes through [`Effect::OnRow`]: the runtime first checks
//! that the file still is what the row shows.

use super::super::keymap::{Entry, Join, Key, KeyMode, b, hint, key_name};
use super::super::update::start::start_prompt;
use super::super::update::{set_error, set_info};
use super::super::{Effect, Model, Msg, NewForm, PromptKind, RowAction, RowIdentity, Screen};
use super::ScreenMsg;
use super::list::Move;
use crate::store::ListEntry;
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;

/// What the user means on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartMsg {
    Move(Move),
    /// Enter: open the selected session.
    Open,
    /// Start the new-session form.
    NewSession,
    /// A follow-up session (same context, empty answers) of the selected one.
    FollowUp,
    /// Compare the respondents of the selected session's samenwerking.
    OpenGroup,
    /// Ask for partner files to import.
    Import,
    /// Ask for words to search all sessions.
    Search,
    /// Move the selected session to the prullenbak (asks to press again).
    Trash,
}

pub const fn msg(m: StartMsg) -> Msg {
    Msg::Screen(ScreenMsg::Start(m))
}

use Key::{Char as C, Code};

/// The start screen's keys (the common keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(StartMsg::Move(Move::Previous)), "↑/k", "vorige sessie", false),
    b(&[Code(KeyCode::Down), C('j')], msg(StartMsg::Move(Move::Next)), "↓/j", "volgende sessie", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Start(StartMsg::Move(Move::Previous | Move::Next)))), Join::Together, "kiezen"),
    b(&[Code(KeyCode::Enter)], msg(StartMsg::Open), "Enter", "openen", true),
    b(&[C('n')], msg(StartMsg::NewSession), "n", "nieuwe sessie", true),
    b(&[C('v')], msg(StartMsg::FollowUp), "v", "vervolgsessie", true),
    b(&[C('g')], msg(StartMsg::OpenGroup), "g", "groepsbeeld", true),
    b(&[C('i')], msg(StartMsg::Import), "i", "importeren", true),
    b(&[C('/')], msg(StartMsg::Search), "/", "zoeken", true),
    b(&[C('d'), Code(KeyCode::Delete)], msg(StartMsg::Trash), "d d", "naar de prullenbak", false),
    b(&[Code(KeyCode::F(2))], Msg::TogglePresenting, "F2", "presentatiemodus aan/uit", false),
    b(&[Code(KeyCode::Home)], msg(StartMsg::Move(Move::First)), "Home", "eerste sessie", false),
    b(&[Code(KeyCode::End)], msg(StartMsg::Move(Move::Last)), "End", "laatste sessie", false),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: StartMsg) -> Vec<Effect> {
    if model.screen != Screen::Start {
        return vec![];
    }
    // In presentation mode the list is hidden: nothing acts on it unseen.
    let on_list = !matches!(msg, StartMsg::NewSession | StartMsg::Import);
    if model.presenting && model.prompt.is_none() && on_list {
        set_info(
            model,
            texts::list_hidden_presenting(&key_name(KeyMode::Start, &Msg::TogglePresenting)),
        );
        return vec![];
    }
    match msg {
        StartMsg::Move(to) => {
            let n = model.list.len();
            if n > 0 {
                let current = model.selected;
                model.selected = match to {
                    Move::Previous => current.saturating_sub(1),
                    Move::Next => (current + 1).min(n - 1),
                    Move::First => 0,
                    Move::Last => n - 1,
                };
            }
            vec![]
        }
        StartMsg::Open => open(model),
        StartMsg::NewSession => {
            model.form = NewForm::default();
            model.screen = Screen::NewSession;
            vec![]
        }
        StartMsg::FollowUp => on_row(model, RowAction::FollowUp),
        StartMsg::OpenGroup => match model.list.get(model.selected) {
            Some(ListEntry::Session { header, .. }) => {
                vec![Effect::LoadGroup(header.samenwerking.clone())]
            }
            _ => vec![],
        },
        StartMsg::Import => start_prompt(model, PromptKind::Import),
        StartMsg::Search => start_prompt(model, PromptKind::Search),
        StartMsg::Trash => trash(model),
    }
}

/// Acts on the selected row once the runtime has checked its file.
fn on_row(model: &Model, action: RowAction) -> Vec<Effect> {
    match model.list.get(model.selected) {
        Some(ListEntry::Session { path, header }) => vec![Effect::OnRow {
            path: path.clone(),
            row: RowIdentity::of(header),
            action,
        }],
        _ => vec![],
    }
}

fn open(model: &mut Model) -> Vec<Effect> {
    if let Some(ListEntry::Unreadable { path, reason }) = model.list.get(model.selected) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = format!("{} {name}: {reason}", texts::UNREADABLE_CANNOT_OPEN);
        set_error(model, text);
        return vec![];
    }
    on_row(model, RowAction::Open)
}

/// `d`: the first press asks, the second moves the session to the prullenbak (from where
/// `kansrijk herstel` brings it back).
fn trash(model: &mut Model) -> Vec<Effect> {
    if !matches!(
        model.list.get(model.selected),
        Some(ListEntry::Session { .. })
    ) {
        return vec![];
    }
    if model.confirm_trash == Some(model.selected) {
        model.confirm_trash = None;
        return on_row(model, RowAction::Trash);
    }
    model.confirm_trash = Some(model.selected);
    set_info(
        model,
        texts::confirm_trash(&key_name(KeyMode::Start, &msg(StartMsg::Trash))),
    );
    vec![]
}
