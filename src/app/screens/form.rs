//! The new-session form: three text fields and the mode. Its intents, its keys, its
//! `update` and typing into its fields; drawn by `ui::form`.

use super::super::keymap::{Entry, Key, b};
use super::super::{Effect, Model, Msg, NewForm, Screen};
use super::ScreenMsg;
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input, Key as TaKey};

/// What the user means in the form (other keys type into the field in focus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormMsg {
    NextField,
    PrevField,
    /// On the mode field: zelfreflectie ↔ gesprek.
    ToggleMode,
    /// Enter: create the session.
    Submit,
}

pub const fn msg(m: FormMsg) -> Msg {
    Msg::Screen(ScreenMsg::Form(m))
}

use Key::{Char as C, Code, Ctrl};

/// The form's keys; on a text field every other key types.
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Tab), Code(KeyCode::Down)], msg(FormMsg::NextField), "Tab/↓", "volgend veld", true),
    b(&[Code(KeyCode::BackTab), Code(KeyCode::Up)], msg(FormMsg::PrevField), "Shift+Tab/↑", "vorig veld", true),
    b(&[Code(KeyCode::Enter)], msg(FormMsg::Submit), "Enter", "aanmaken", true),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "annuleren", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// The keys of the mode field (after [`BINDINGS`]); there they do not type.
#[rustfmt::skip]
pub static MODE_BINDINGS: &[Entry] = &[
    b(&[C(' '), Code(KeyCode::Left), Code(KeyCode::Right)], msg(FormMsg::ToggleMode), "spatie", "modus wisselen", false),
];

/// Applies one of the form's intents.
pub fn update(model: &mut Model, msg: FormMsg) -> Vec<Effect> {
    match msg {
        FormMsg::NextField => {
            model.form.focus = (model.form.focus + 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        FormMsg::PrevField => {
            model.form.focus = (model.form.focus + NewForm::FIELD_COUNT - 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        FormMsg::ToggleMode => {
            model.form.mode = model.form.mode.toggled();
            vec![]
        }
        FormMsg::Submit => submit(model),
    }
}

/// A key typed into the text field in focus (none on the mode field).
pub(in crate::app) fn type_input(model: &mut Model, input: Input) -> Vec<Effect> {
    let focus = model.form.focus;
    if model.screen == Screen::NewSession && focus < 3 && input.key != TaKey::Enter {
        model.form.fields[focus].input(input);
        model.form.error = None;
    }
    vec![]
}

/// A paste into the text field in focus, as one line.
pub(in crate::app) fn paste(model: &mut Model, pasted: &str) {
    let focus = model.form.focus;
    if model.screen == Screen::NewSession && focus < 3 {
        let one_line = super::editor::clean_pasted(pasted).replace(['\n', '\t'], " ");
        model.form.fields[focus].insert_str(one_line);
    }
}

fn submit(model: &mut Model) -> Vec<Effect> {
    let bestuurder = model.form.value(0);
    let organisatie = model.form.value(1);
    let samenwerking = model.form.value(2);
    if bestuurder.is_empty() {
        model.form.error = Some(texts::FORM_NEED_BESTUURDER.to_string());
        model.form.focus = 0;
        return vec![];
    }
    if samenwerking.is_empty() {
        model.form.error = Some(texts::FORM_NEED_SAMENWERKING.to_string());
        model.form.focus = 2;
        return vec![];
    }
    model.form.error = None;
    vec![Effect::Create {
        bestuurder,
        organisatie,
        samenwerking,
        mode: model.form.mode,
    }]
}
