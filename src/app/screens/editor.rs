//! The editor for one text over the screen: its intents, its keys, its `update`, typing
//! and pasting into it, storing the text in the session, and the user's own editor
//! (Ctrl+E); drawn by `ui::editor`. Esc closes it (`Msg::Back`).

use super::super::keymap::{Entry, Key, KeyMode, b, info, key_name};
use super::super::update::{refuse_read_only, set_error, set_info};
use super::super::{Editor, Effect, Model, Msg, OpenSession, SaveState, TextTarget, text};
use super::ScreenMsg;
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input, Key as TaKey};

/// What the user means in the editor (other keys type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorMsg {
    /// Ctrl+E: edit the text in $VISUAL / $EDITOR.
    External,
    /// Enter in a one-line field: done.
    Finish,
}

pub const fn msg(m: EditorMsg) -> Msg {
    Msg::Screen(ScreenMsg::Editor(m))
}

use Key::{Code, Ctrl};

/// The editor's keys; every other key types.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "klaar (bewaard)", true),
    b(&[Ctrl('e')], msg(EditorMsg::External), "Ctrl+E", "in eigen editor", false),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// Keys of a one-line field (before [`BINDINGS`]): Enter does not start a new line.
#[rustfmt::skip]
pub static LINE_BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Enter)], msg(EditorMsg::Finish), "Enter", "klaar", false),
];

/// Keys the text field handles itself, for the footer and help.
#[rustfmt::skip]
pub static INFO: &[Entry] = &[
    info("pijltjes, Home/End", "cursor bewegen", true),
    info("Ctrl+Z/Ctrl+U", "ongedaan maken", true),
    info("Ctrl+Y/Ctrl+R", "opnieuw", false),
];

/// Applies one of the editor's intents.
pub fn update(model: &mut Model, msg: EditorMsg) -> Vec<Effect> {
    match msg {
        EditorMsg::External => external(model),
        EditorMsg::Finish => {
            let Some(open) = model.open.as_mut() else {
                return vec![];
            };
            match open.editor.take() {
                Some(editor) if editor.target.single_line() => close_editor(open, editor),
                editor => {
                    open.editor = editor;
                    vec![]
                }
            }
        }
    }
}

/// The save effect for the open session's current state.
pub(in crate::app) fn save_effect(open: &mut OpenSession) -> Effect {
    open.save = SaveState::Pending;
    open.generation += 1;
    Effect::Save {
        path: open.path.clone(),
        generation: open.generation,
    }
}

/// Copies the editor's text into the session; a save effect when it changed.
pub(in crate::app) fn store_text(open: &mut OpenSession, editor: &Editor) -> Option<Effect> {
    let mut value = editor.text();
    if editor.target.single_line() {
        value = value.replace('\n', " ");
    }
    text::set(&mut open.session, &editor.target, &value).then(|| save_effect(open))
}

/// Closes the editor: the text is stored (it already is, after every key); a new row
/// left without a name is removed again.
pub(in crate::app) fn close_editor(open: &mut OpenSession, editor: Editor) -> Vec<Effect> {
    let mut effects: Vec<Effect> = store_text(open, &editor).into_iter().collect();
    if let TextTarget::RowLabel { instrument, row } = &editor.target
        && let Some(answer) = open.session.instruments.get_mut(instrument)
        && let Some(i) = answer
            .rows
            .iter()
            .position(|r| &r.id == row && r.label.trim().is_empty() && r.values.is_empty())
    {
        answer.rows.remove(i);
        effects.push(save_effect(open));
    }
    effects
}

/// Opens the editor on a target, unless the session is read-only.
pub(in crate::app) fn open_editor(model: &mut Model, target: TextTarget) -> Vec<Effect> {
    if model.presenting && target.is_note() {
        let presenting = key_name(KeyMode::Overview, &Msg::TogglePresenting);
        let refusal = match target {
            TextTarget::CoachNote(_) => texts::coach_refused_presenting(
                &presenting,
                model
                    .open
                    .as_ref()
                    .is_some_and(|o| o.session.mode == crate::session::Mode::Zelfreflectie),
            ),
            _ => texts::note_refused_presenting(&presenting),
        };
        set_info(model, refusal);
        return vec![];
    }
    if refuse_read_only(model) {
        return vec![];
    }
    let mode = model
        .open
        .as_ref()
        .map(|o| o.session.mode)
        .unwrap_or_default();
    let title = text::title_for(&model.content, mode, &target);
    if let Some(open) = model.open.as_mut() {
        let current = text::get(&open.session, &target);
        open.editor = Some(Editor::new(target, title, &current));
    }
    vec![]
}

/// A key typed into the editor.
pub(in crate::app) fn type_input(model: &mut Model, input: Input) -> Vec<Effect> {
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    let Some(mut editor) = open.editor.take() else {
        return vec![];
    };
    if editor.target.single_line() && input.key == TaKey::Enter {
        // Enter finishes a one-line field.
        return close_editor(open, editor);
    }
    let modified = match input {
        Input {
            key: TaKey::Char('z'),
            ctrl: true,
            ..
        } => editor.textarea.undo(),
        Input {
            key: TaKey::Char('y'),
            ctrl: true,
            ..
        } => editor.textarea.redo(),
        other => editor.textarea.input(other),
    };
    let effects = if modified {
        store_text(open, &editor).into_iter().collect()
    } else {
        vec![]
    };
    open.editor = Some(editor);
    effects
}

/// Text as it may enter a field: line ends normalised, control characters other than
/// newline and tab removed (they could not have been typed, and could drive a terminal).
pub fn clean_pasted(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A paste into the editor (one line in a one-line field).
pub(in crate::app) fn paste(model: &mut Model, pasted: &str) -> Vec<Effect> {
    let clean = clean_pasted(pasted);
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    let Some(mut editor) = open.editor.take() else {
        return vec![];
    };
    let clean = if editor.target.single_line() {
        clean.replace(['\n', '\t'], " ")
    } else {
        clean
    };
    let modified = editor.textarea.insert_str(clean);
    let effects = if modified {
        store_text(open, &editor).into_iter().collect()
    } else {
        vec![]
    };
    open.editor = Some(editor);
    effects
}

/// Ctrl+E: hand the text to $VISUAL / $EDITOR (the runtime decides if there is one).
fn external(model: &mut Model) -> Vec<Effect> {
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    let Some(editor) = open.editor.as_ref() else {
        return vec![];
    };
    vec![Effect::ExternalEdit {
        target: editor.target.clone(),
        text: editor.text(),
    }]
}

/// The user's own editor finished: its text replaces the editor's.
pub(in crate::app) fn external_done(
    model: &mut Model,
    target: TextTarget,
    result: Result<String, String>,
) -> Vec<Effect> {
    match result {
        Ok(new_text) => {
            let Some(open) = model.open.as_mut() else {
                return vec![];
            };
            let title = text::title_for(&model.content, open.session.mode, &target);
            let new_text = text::from_external_editor(&target, &new_text);
            let editor = Editor::new(target, title, &new_text);
            let effect = store_text(open, &editor);
            open.editor = Some(editor);
            effect.into_iter().collect()
        }
        Err(reason) => {
            set_error(
                model,
                format!("{}: {reason}", texts::EXTERNAL_EDITOR_FAILED),
            );
            vec![]
        }
    }
}
