//! Tab in the import prompt: completes the last path typed, like a shell. `update`
//! asks the runtime to read the folder ([`Effect::CompletePath`]); the answer
//! ([`Msg::PathCompleted`]) puts the completion in the prompt, or shows the candidates.

use super::super::{Effect, Model, PromptKind};
use super::{set_error, set_info};
use crate::group::Completion;
use crate::text as texts;

/// Where the last path in the prompt starts (byte offset, at its opening quote if it has
/// one) and the path itself without quotes; quoting as in `start::split_paths`.
pub fn last_token(text: &str) -> (usize, String) {
    let mut start = text.len();
    let mut token = String::new();
    let mut quote: Option<char> = None;
    let mut in_token = false;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, ' ') => in_token = false,
            _ if !in_token => {
                in_token = true;
                start = i;
                token.clear();
                match c {
                    '"' | '\'' => quote = Some(c),
                    _ => token.push(c),
                }
                continue;
            }
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => token.push(c),
        }
    }
    if !in_token {
        return (text.len(), String::new());
    }
    (start, token)
}

fn prompt_text(model: &Model) -> Option<String> {
    model
        .prompt
        .as_ref()
        .filter(|p| p.kind == PromptKind::Import)
        .map(|p| p.textarea.lines().join(" "))
}

/// Tab: ask the runtime which names complete the last path.
pub(in crate::app) fn complete(model: &mut Model) -> Vec<Effect> {
    match prompt_text(model) {
        Some(text) => vec![Effect::CompletePath(last_token(&text).1)],
        None => vec![],
    }
}

/// The runtime's answer: complete the path in the prompt (if it is still what was
/// completed), and name the candidates when there is more than one.
pub(in crate::app) fn completed(model: &mut Model, typed: String, completion: Completion) {
    let Some(text) = prompt_text(model) else {
        return;
    };
    let (start, token) = last_token(&text);
    if token != typed {
        return;
    }
    match completion.candidates.len() {
        0 => {
            set_error(model, texts::completion_none(&texts::safe(&typed)));
            return;
        }
        1 => model.status = None,
        // On a shared screen the names in a folder are not shown.
        _ if model.presenting => {
            set_info(model, texts::completion_hidden(completion.candidates.len()))
        }
        _ => set_info(
            model,
            texts::completion_candidates(
                &completion
                    .candidates
                    .iter()
                    .map(|c| texts::safe(c))
                    .collect::<Vec<_>>(),
            ),
        ),
    }
    let done = completion.candidates.len() == 1 && !completion.completed.ends_with('/');
    let quoted = text[start..].starts_with(['"', '\'']) || completion.completed.contains(' ');
    let mut new = text[..start].to_string();
    if quoted {
        new.push('"');
    }
    new.push_str(&completion.completed);
    if done {
        if quoted {
            new.push('"');
        }
        new.push(' ');
    }
    if let Some(prompt) = model.prompt.as_mut() {
        let mut textarea = ratatui_textarea::TextArea::new(vec![new]);
        textarea.set_placeholder_text(texts::IMPORT_PLACEHOLDER);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        prompt.textarea = textarea;
    }
}

#[cfg(test)]
mod tests {
    use super::last_token;

    #[test]
    fn the_last_path_is_found_with_its_quotes() {
        assert_eq!(last_token("a.ron b/c"), (6, "b/c".to_string()));
        assert_eq!(
            last_token("a.ron \"Mijn map/se"),
            (6, "Mijn map/se".to_string())
        );
        assert_eq!(last_token("\"x y/z.ron\" ~/pa"), (12, "~/pa".to_string()));
        assert_eq!(last_token("a.ron "), (6, String::new()));
        assert_eq!(last_token(""), (0, String::new()));
    }
}
