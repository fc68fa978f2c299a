//! `update`: the only place the model changes. Pure: it returns effects for the runtime.

use super::{
    Effect, Model, Msg, NewForm, NoteEditor, OpenSession, SaveState, Screen, Status, StatusKind,
};
use crate::session::Answer;
use crate::store::ListEntry;
use crate::ui::texts;
use ratatui_textarea::{Input, Key as TaKey};

/// Applies one message to the model and returns what the runtime must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            model.width = w;
            model.height = h;
            vec![]
        }
        Msg::ToggleHelp => {
            model.help = !model.help;
            vec![]
        }
        Msg::Quit => quit(model),
        Msg::Back => back(model),
        Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => {
            navigate(model, &msg);
            vec![]
        }
        Msg::Select => select(model),
        Msg::Open(path) => vec![Effect::Open(path)],
        Msg::NewSession => {
            model.form = NewForm::default();
            model.screen = Screen::NewSession;
            vec![]
        }
        Msg::FormNext => {
            model.form.focus = (model.form.focus + 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        Msg::FormPrev => {
            model.form.focus = (model.form.focus + NewForm::FIELD_COUNT - 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        Msg::FormToggleMode => {
            model.form.mode = model.form.mode.toggled();
            vec![]
        }
        Msg::FormSubmit => submit_form(model),
        Msg::OpenScan => {
            if model.screen == Screen::Overview && model.open.is_some() {
                model.screen = Screen::Scan;
            }
            vec![]
        }
        Msg::Answer(answer) => answer_focused(model, answer),
        Msg::EditNote => edit_note(model),
        Msg::Input(input) => type_input(model, input),
        Msg::Paste(text) => paste(model, &text),
        Msg::Listed(Ok(entries)) => {
            model.list = entries;
            model.list_error = None;
            model.selected = model.selected.min(model.list.len().saturating_sub(1));
            vec![]
        }
        Msg::Listed(Err(reason)) => {
            model.list.clear();
            model.list_error = Some(reason);
            vec![]
        }
        Msg::Opened(Ok(opened)) => {
            if let Some(reason) = &opened.read_only {
                model.status = Some(Status {
                    kind: StatusKind::Error,
                    text: format!("{}: {reason}", texts::READ_ONLY),
                });
            } else {
                model.status = None;
            }
            model.open = Some(OpenSession {
                path: opened.path,
                session: opened.session,
                read_only: opened.read_only,
                focus: 0,
                editor: None,
                save: SaveState::Saved,
                generation: 0,
            });
            model.screen = Screen::Overview;
            vec![]
        }
        Msg::Opened(Err(reason)) => {
            model.status = Some(Status {
                kind: StatusKind::Error,
                text: reason,
            });
            vec![]
        }
        Msg::Saved {
            path,
            generation,
            result,
        } => {
            if let Some(open) = model.open.as_mut().filter(|o| o.path == path) {
                match result {
                    Ok(()) => {
                        if generation == open.generation {
                            open.save = SaveState::Saved;
                        }
                        if model
                            .status
                            .as_ref()
                            .is_some_and(|s| s.text.starts_with(texts::NOT_SAVED))
                        {
                            model.status = None;
                        }
                    }
                    Err(reason) => {
                        model.status = Some(Status {
                            kind: StatusKind::Error,
                            text: format!("{}: {reason}", texts::NOT_SAVED),
                        });
                        open.save = SaveState::Failed(reason);
                    }
                }
            }
            vec![]
        }
    }
}

fn quit(model: &mut Model) -> Vec<Effect> {
    model.quitting = true;
    let mut effects = Vec::new();
    if let Some(open) = model.open.as_mut() {
        if let Some(editor) = open.editor.take()
            && let Some(effect) = store_note(open, &editor)
        {
            effects.push(effect);
        }
        effects.push(Effect::Close(open.path.clone()));
    }
    effects.push(Effect::Quit);
    effects
}

fn back(model: &mut Model) -> Vec<Effect> {
    if model.help {
        model.help = false;
        return vec![];
    }
    if let Some(open) = model.open.as_mut()
        && let Some(editor) = open.editor.take()
    {
        return store_note(open, &editor).into_iter().collect();
    }
    match model.screen {
        Screen::Start => vec![],
        Screen::NewSession => {
            model.screen = Screen::Start;
            vec![]
        }
        Screen::Scan => {
            model.screen = Screen::Overview;
            vec![]
        }
        Screen::Overview => {
            model.screen = Screen::Start;
            let mut effects = Vec::new();
            if let Some(open) = model.open.take() {
                effects.push(Effect::Close(open.path));
            }
            model.status = None;
            effects.push(Effect::ListSessions);
            effects
        }
    }
}

fn navigate(model: &mut Model, msg: &Msg) {
    match model.screen {
        Screen::Start => {
            let n = model.list.len();
            if n == 0 {
                return;
            }
            model.selected = match msg {
                Msg::Up => model.selected.saturating_sub(1),
                Msg::Down => (model.selected + 1).min(n - 1),
                Msg::PageUp => model.selected.saturating_sub(10),
                Msg::PageDown => (model.selected + 10).min(n - 1),
                Msg::Home => 0,
                Msg::End => n - 1,
                _ => model.selected,
            };
        }
        Screen::Scan => {
            let total = model.content.scan.item_count();
            let cond_starts: Vec<usize> = model
                .content
                .scan
                .conditions
                .iter()
                .scan(0, |acc, c| {
                    let start = *acc;
                    *acc += c.items.len();
                    Some(start)
                })
                .collect();
            let Some(open) = model.open.as_mut() else {
                return;
            };
            if total == 0 {
                return;
            }
            open.focus = match msg {
                Msg::Up => open.focus.saturating_sub(1),
                Msg::Down => (open.focus + 1).min(total - 1),
                Msg::PageUp => cond_starts
                    .iter()
                    .rev()
                    .find(|&&s| s < open.focus)
                    .copied()
                    .unwrap_or(0),
                Msg::PageDown => cond_starts
                    .iter()
                    .find(|&&s| s > open.focus)
                    .copied()
                    .unwrap_or(open.focus),
                Msg::Home => 0,
                Msg::End => total - 1,
                _ => open.focus,
            };
        }
        Screen::NewSession | Screen::Overview => {}
    }
}

fn select(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Start {
        return vec![];
    }
    match model.list.get(model.selected) {
        Some(ListEntry::Session { path, .. }) => vec![Effect::Open(path.clone())],
        Some(ListEntry::Unreadable { path, reason }) => {
            model.status = Some(Status {
                kind: StatusKind::Error,
                text: format!(
                    "{} {}: {reason}",
                    texts::UNREADABLE_CANNOT_OPEN,
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ),
            });
            vec![]
        }
        None => vec![],
    }
}

fn submit_form(model: &mut Model) -> Vec<Effect> {
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

fn read_only_refusal(model: &mut Model) -> bool {
    let reason = model.open.as_ref().and_then(|o| o.read_only.clone());
    if let Some(reason) = reason {
        model.status = Some(Status {
            kind: StatusKind::Error,
            text: format!("{}: {reason}", texts::READ_ONLY),
        });
        true
    } else {
        false
    }
}

fn save_effect(open: &mut OpenSession) -> Effect {
    open.save = SaveState::Pending;
    open.generation += 1;
    Effect::Save {
        path: open.path.clone(),
        generation: open.generation,
        session: Box::new(open.session.clone()),
    }
}

fn answer_focused(model: &mut Model, answer: Answer) -> Vec<Effect> {
    if model.screen != Screen::Scan || read_only_refusal(model) {
        return vec![];
    }
    let total = model.content.scan.item_count();
    let item_id = {
        let Some(open) = model.open.as_ref() else {
            return vec![];
        };
        match model.content.scan.items().nth(open.focus) {
            Some((_, item)) => item.id.clone(),
            None => return vec![],
        }
    };
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    open.session.answers.insert(item_id, answer);
    if open.focus + 1 < total {
        open.focus += 1;
    }
    vec![save_effect(open)]
}

fn edit_note(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Scan || read_only_refusal(model) {
        return vec![];
    }
    let Some(focus) = model.open.as_ref().map(|o| o.focus) else {
        return vec![];
    };
    let condition = model.condition_of(focus);
    let Some(cond_id) = model
        .content
        .scan
        .conditions
        .get(condition)
        .map(|c| c.id.clone())
    else {
        return vec![];
    };
    if let Some(open) = model.open.as_mut() {
        let text = open
            .session
            .notes
            .get(&cond_id)
            .cloned()
            .unwrap_or_default();
        open.editor = Some(NoteEditor::new(condition, &cond_id, &text));
    }
    vec![]
}

/// Copies the editor's text into the session; a save effect when it changed.
fn store_note(open: &mut OpenSession, editor: &NoteEditor) -> Option<Effect> {
    let cond_id = editor.condition_id.clone();
    let text = editor.text();
    let old = open
        .session
        .notes
        .get(&cond_id)
        .map(String::as_str)
        .unwrap_or("");
    if old == text {
        return None;
    }
    if text.is_empty() {
        open.session.notes.remove(&cond_id);
    } else {
        open.session.notes.insert(cond_id, text);
    }
    Some(save_effect(open))
}

fn type_input(model: &mut Model, input: Input) -> Vec<Effect> {
    if model.screen == Screen::NewSession {
        let focus = model.form.focus;
        if focus < 3 && input.key != TaKey::Enter {
            model.form.fields[focus].input(input);
            model.form.error = None;
        }
        return vec![];
    }
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    let Some(mut editor) = open.editor.take() else {
        return vec![];
    };
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
        store_note(open, &editor).into_iter().collect()
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

fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    let clean = clean_pasted(text);
    if model.screen == Screen::NewSession {
        let focus = model.form.focus;
        if focus < 3 {
            let one_line = clean.replace(['\n', '\t'], " ");
            model.form.fields[focus].insert_str(one_line);
        }
        return vec![];
    }
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    let Some(mut editor) = open.editor.take() else {
        return vec![];
    };
    let modified = editor.textarea.insert_str(clean);
    let effects = if modified {
        store_note(open, &editor).into_iter().collect()
    } else {
        vec![]
    };
    open.editor = Some(editor);
    effects
}
