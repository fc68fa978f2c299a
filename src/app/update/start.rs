//! The start screen's extra tools: import partner files, search all sessions, the group
//! view, and reports.

use super::super::{Effect, Model, Msg, Prompt, PromptKind, Screen};
use super::{set_error, set_info};
use crate::text as texts;
use ratatui_textarea::TextArea;

pub(in crate::app) fn start_prompt(model: &mut Model, kind: PromptKind) -> Vec<Effect> {
    // Searching works on the start screen (all sessions), on the results, and in an open
    // session (that session only).
    let allowed = match kind {
        PromptKind::Import => model.screen == Screen::Start,
        PromptKind::Search => {
            model.open.is_some() || matches!(model.screen, Screen::Start | Screen::Search)
        }
    };
    if !allowed || matches!(model.screen, Screen::NewSession | Screen::Group) {
        return vec![];
    }
    let mut textarea = TextArea::default();
    textarea.set_placeholder_text(match kind {
        PromptKind::Import => texts::IMPORT_PLACEHOLDER,
        PromptKind::Search => texts::SEARCH_PLACEHOLDER,
    });
    model.prompt = Some(Prompt { kind, textarea });
    vec![]
}

/// Splits the import prompt into paths: separated by spaces, quotes keep spaces inside a
/// path ("Mijn map/sessie.ron"), a leading ~ is the home folder.
pub fn split_paths(text: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter()
        .map(|p| match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
            _ => std::path::PathBuf::from(p),
        })
        .collect()
}

pub(super) fn group_loaded(
    model: &mut Model,
    result: Result<Box<super::super::GroupData>, String>,
) {
    match result {
        Ok(group) if group.sessions.len() >= 2 => {
            model.group = Some(*group);
            model.group_scroll = 0;
            model.group_pane = Default::default();
            model.group_item = 0;
            model.screen = Screen::Group;
            model.status = None;
        }
        Ok(group) => set_info(
            model,
            format!(
                "{} '{}'. {}",
                texts::GROUP_TOO_SMALL,
                texts::safe(&group.samenwerking),
                texts::GROUP_HOW
            ),
        ),
        Err(reason) => set_error(model, reason),
    }
}

pub(super) fn export(model: &mut Model) -> Vec<Effect> {
    crate::app::screens::export::open(model)
}

pub(super) fn exported(model: &mut Model, result: Result<std::path::PathBuf, String>) {
    match result {
        Ok(path) => {
            let shown = if model.presenting {
                path.file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default()
            } else {
                path.display().to_string()
            };
            set_info(model, format!("{} {shown}", texts::EXPORTED));
        }
        Err(reason) => set_error(model, format!("{}: {reason}", texts::EXPORT_FAILED)),
    }
}

/// The row's file was not what the row showed: nothing was done; the list is read again.
pub(super) fn row_changed(model: &mut Model, reason: String) -> Vec<Effect> {
    model.confirm_trash = None;
    set_error(model, reason);
    vec![Effect::ListSessions]
}

pub(super) fn trashed(model: &mut Model, result: Result<std::path::PathBuf, String>) {
    match result {
        Ok(_) => set_info(model, texts::TRASHED.to_string()),
        Err(reason) => set_error(model, reason),
    }
}

/// Messages handled here, so that `update` stays a table of contents.
pub(super) fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::StartSearch => start_prompt(model, PromptKind::Search),
        Msg::GroupLoaded(result) => {
            group_loaded(model, result);
            vec![]
        }
        Msg::Searched(hits) => {
            crate::app::screens::search::searched(model, hits);
            vec![]
        }
        Msg::Imported(Ok(summary)) => {
            set_info(model, summary);
            vec![Effect::ListSessions]
        }
        Msg::Imported(Err(reason)) => {
            set_error(model, reason);
            vec![Effect::ListSessions]
        }
        Msg::Export => export(model),
        Msg::Exported(result) => {
            exported(model, result);
            vec![]
        }
        _ => vec![],
    }
}
