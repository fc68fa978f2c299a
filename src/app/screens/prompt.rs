//! The one-line prompt over the screen (`i` import paths on the start screen, `/` search):
//! its intents, its keys, its `update` and typing into it; drawn by `ui::search` and
//! `ui::start`.

use super::super::keymap::{Entry, Key, b};
use super::super::update::start::split_paths;
use super::super::{Effect, Model, Msg, PromptKind};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input, Key as TaKey};

/// What the user means in the prompt (other keys type into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptMsg {
    /// Enter: import the paths, or search for the words.
    Submit,
    /// Tab in the import prompt: complete the last path.
    Complete,
}

pub const fn msg(m: PromptMsg) -> Msg {
    Msg::Screen(ScreenMsg::Prompt(m))
}

use Key::{Code, Ctrl};

/// The prompt's keys; every other key types.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Enter)], msg(PromptMsg::Submit), "Enter", "uitvoeren", true),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "annuleren", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// The import prompt's keys: Tab completes the last path, like a shell.
#[rustfmt::skip]
pub static IMPORT_BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Tab)], msg(PromptMsg::Complete), "Tab", "pad aanvullen", true),
    b(&[Code(KeyCode::Enter)], msg(PromptMsg::Submit), "Enter", "importeren", true),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "annuleren", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// Applies one of the prompt's intents.
pub fn update(model: &mut Model, msg: PromptMsg) -> Vec<Effect> {
    match msg {
        PromptMsg::Submit => submit(model),
        PromptMsg::Complete => super::super::update::complete::complete(model),
    }
}

/// Typing into the prompt; Enter submits (handled by the keymap), the rest edits.
pub(in crate::app) fn type_input(model: &mut Model, input: Input) -> Vec<Effect> {
    if let Some(prompt) = model.prompt.as_mut()
        && input.key != TaKey::Enter
    {
        prompt.textarea.input(input);
    }
    vec![]
}

/// A paste into the prompt, as one line.
pub(in crate::app) fn paste(model: &mut Model, text: &str) {
    if let Some(prompt) = model.prompt.as_mut() {
        let one_line = super::editor::clean_pasted(text).replace(['\n', '\t'], " ");
        prompt.textarea.insert_str(one_line);
    }
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let Some(prompt) = model.prompt.take() else {
        return vec![];
    };
    let text = prompt.textarea.lines().join(" ").trim().to_string();
    if text.is_empty() {
        return vec![];
    }
    match (prompt.kind, model.open.as_ref()) {
        (PromptKind::Import, _) => vec![Effect::Import(split_paths(&text))],
        // In a session: only that session, searched in memory (nothing to load).
        (PromptKind::Search, Some(open)) => {
            let hits = crate::search::search(
                &model.content,
                &[(open.path.clone(), open.session.clone())],
                &text,
            );
            super::search::searched(model, hits);
            vec![]
        }
        (PromptKind::Search, None) => vec![Effect::Search(text)],
    }
}
