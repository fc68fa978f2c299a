//! Building blocks shared by the session screens: a scrollable text panel, a list with a
//! selection, previews of written text.

use super::texts;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

/// Splits a screen into a text panel (left) and a list (right); on narrow terminals the
/// text goes on top.
pub fn two_panes(area: Rect) -> [Rect; 2] {
    if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    }
}

/// A bordered, word-wrapped, scrollable text.
pub fn text_panel(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line>,
    scroll: u16,
    theme: Theme,
) {
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme.title()))
        .title_bottom(Line::styled(" PgUp/PgDn: tekst schuiven ", theme.dim()));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block),
        area,
    );
}

/// A bordered list with the selected row highlighted and kept in view.
pub fn select_list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<ListItem>,
    selected: usize,
    theme: Theme,
) {
    let n = items.len();
    let list = List::new(items)
        .block(Block::bordered().title(Line::styled(format!(" {title} "), theme.title())))
        .highlight_style(theme.selected())
        .highlight_symbol("▸ ");
    let mut state = ListState::default().with_selected((n > 0).then(|| selected.min(n - 1)));
    frame.render_stateful_widget(list, area, &mut state);
}

/// The first line of a written text, or the "not yet" hint.
pub fn preview(text: Option<&str>) -> String {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => texts::safe(t.lines().next().unwrap_or("")),
        None => texts::EMPTY_ANSWER.to_string(),
    }
}

/// A heading line followed by wrapped paragraph lines.
pub fn section<'a>(lines: &mut Vec<Line<'a>>, heading: &str, body: &str, theme: Theme) {
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    if !heading.is_empty() {
        lines.push(Line::styled(heading.to_string(), theme.title()));
    }
    for l in body.lines() {
        lines.push(Line::raw(l.to_string()));
    }
}

/// Bulleted lines.
pub fn bullets<'a>(lines: &mut Vec<Line<'a>>, items: &[String]) {
    for i in items {
        lines.push(Line::raw(format!("• {i}")));
    }
}

/// Word-wraps `text` to lines of at most `width` characters (list items do not wrap by
/// themselves). Words longer than a line are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let word: String = word.chars().take(width).collect();
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}
