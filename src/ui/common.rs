//! Building blocks shared by the session screens: a scrollable text panel, a list with a
//! selection, previews of written text.

use super::theme::Theme;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Wrap,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits a screen into a text panel (left) and a list (right); on narrow terminals the
/// text goes on top.
pub fn two_panes(area: Rect) -> [Rect; 2] {
    if area.width >= 100 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    }
}

/// A bordered, word-wrapped, scrollable text; a scrollbar shows when it does not fit.
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
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width.saturating_sub(1));
    let overflows = total > usize::from(inner.height);
    // With a scrollbar the text leaves the last column free for it.
    let paragraph = if overflows {
        paragraph.block(block.padding(ratatui::widgets::Padding::right(1)))
    } else {
        paragraph.block(block)
    };
    // Never scrolled past the end: the last lines stay in view.
    let last = total.saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(u16::try_from(last).unwrap_or(u16::MAX));
    frame.render_widget(paragraph.scroll((scroll, 0)), area);
    if overflows {
        scrollbar(frame, area, last + 1, usize::from(scroll));
    }
}

/// A vertical scrollbar on the right border of `area`: there is more than is shown.
pub fn scrollbar(frame: &mut Frame, area: Rect, positions: usize, position: usize) {
    let track = area.inner(Margin::new(0, 1));
    if track.height < 3 {
        // Too short for a bar: arrows only, where more follows.
        let x = track.right().saturating_sub(1);
        if position > 0 && !track.is_empty() {
            frame.buffer_mut()[(x, track.y)].set_symbol("▲");
        }
        if position + 1 < positions && !track.is_empty() {
            frame.buffer_mut()[(x, track.bottom() - 1)].set_symbol("▼");
        }
        return;
    }
    let mut state =
        ScrollbarState::new(positions).position(position.min(positions.saturating_sub(1)));
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(Some("▲"))
            .end_symbol(Some("▼")),
        area.inner(Margin::new(0, 1)),
        &mut state,
    );
}

/// A bordered list with the selected row highlighted and kept in view; a scrollbar shows
/// when the rows do not fit.
pub fn select_list(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    items: Vec<ListItem>,
    selected: usize,
    theme: Theme,
) {
    let n = items.len();
    let rows: usize = items.iter().map(ListItem::height).sum();
    let block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    let overflows = rows > usize::from(block.inner(area).height);
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected())
        .highlight_symbol("▸ ");
    let mut state = ListState::default().with_selected((n > 0).then(|| selected.min(n - 1)));
    frame.render_stateful_widget(list, area, &mut state);
    if overflows {
        scrollbar(frame, area, n, selected);
    }
}

/// The inner width of a list in `area` (borders, the highlight symbol and a scrollbar
/// taken off), for wrapping its items.
pub fn list_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(5))
}

/// The first line of a written text, or the "not yet" hint.
pub fn preview(text: Option<&str>) -> String {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => texts::safe(t.lines().next().unwrap_or("")),
        None => texts::empty_answer(&crate::app::keymap::key_name(
            crate::app::keymap::KeyMode::Theme,
            &crate::app::screens::theme::msg(crate::app::screens::theme::ThemeMsg::Open),
        )),
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

/// The width of `text` on screen, in cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The longest start of `text` that fits in `max` cells.
pub fn take_width(text: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += UnicodeWidthChar::width(c).unwrap_or(0);
        if used > max {
            return &text[..i];
        }
    }
    text
}

/// `text` cut to `max` cells with an ellipsis when it is longer.
pub fn ellipsize(text: &str, max: usize) -> String {
    if width(text) <= max {
        text.to_string()
    } else {
        format!("{}…", take_width(text, max.saturating_sub(1)).trim_end())
    }
}

/// Word-wraps `text` to lines of at most `width` cells (list items and table cells do not
/// wrap by themselves). A word longer than a line is split over lines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word;
            loop {
                let needed = self::width(&line) + usize::from(!line.is_empty()) + self::width(word);
                if needed <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    break;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    continue;
                }
                // A word wider than a whole line: split it after a hyphen if one fits,
                // else where the line ends.
                let head = take_width(word, width);
                let head = match head.rfind('-') {
                    Some(i) if i > 0 => &head[..=i],
                    _ => head,
                };
                let head = if head.is_empty() { word } else { head };
                out.push(head.to_string());
                word = &word[head.len()..];
                if word.is_empty() {
                    break;
                }
            }
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// The widest word of `text` (a hyphenated word counts per part), the least width it can
/// wrap to without cutting a word.
pub fn longest_word(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| width(w) + 1)
        .max()
        .unwrap_or(0)
}

/// `text` wrapped to `width` as lines that start with `indent`, in one style.
pub fn wrapped<'a>(text: &str, indent: &str, width: usize, style: Style) -> Vec<Line<'a>> {
    wrap(text, width.saturating_sub(self::width(indent)))
        .into_iter()
        .map(|l| Line::styled(format!("{indent}{l}"), style))
        .collect()
}

/// `text` on one line of at most `max` cells: whole when it fits, else cut after a whole
/// word with " …".
pub fn shorten(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let first = wrap(text, max.saturating_sub(2))
        .into_iter()
        .next()
        .unwrap_or_default();
    ellipsize(&format!("{first} …"), max)
}

/// The first line of a written text (or the hint), cut at a word to `width` with an
/// ellipsis when there is more.
pub fn preview_line(text: Option<&str>, width: usize) -> String {
    let full = text.map(str::trim).filter(|t| !t.is_empty());
    let first = preview(text);
    let lines = wrap(&first, width);
    let more = lines.len() > 1 || full.is_some_and(|t| t.lines().nth(1).is_some());
    match lines.into_iter().next() {
        Some(l) if more => ellipsize(&format!("{l} …"), width),
        Some(l) => l,
        None => String::new(),
    }
}
