//! Last time's answers beside the new ones: the previous session's reflection on a
//! question, read-only, when the user has asked for it (`Msg::TogglePreviousTexts`).

use super::common::wrap;
use super::theme::Theme;
use crate::app::OpenSession;
use crate::text as texts;
use ratatui::text::Line;

/// At most this many lines of last time's answer under a question.
const MOST_LINES: usize = 3;

/// The previous session's answer to prompt `id`, dimmed and indented, in at most
/// [`MOST_LINES`] lines of `width`; nothing when hidden or when there was none.
pub fn reflection(open: &OpenSession, id: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let Some(text) = open
        .previous
        .as_ref()
        .filter(|_| open.show_previous_texts)
        .and_then(|p| p.reflections.get(id))
        .map(|t| texts::safe(t.trim()))
        .filter(|t| !t.is_empty())
    else {
        return Vec::new();
    };
    let mut lines = wrap(&texts::last_time(&text), width.saturating_sub(4));
    if lines.len() > MOST_LINES {
        lines.truncate(MOST_LINES);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines
        .into_iter()
        .map(|l| Line::styled(format!("  {l}"), theme.dim()))
        .collect()
}
