//! A list of takeaways with headings and notes (`app::screens::closing::Line`): the scan's
//! advice panel and the closing step "Wat neem ik mee?". Only the takeaways can be chosen;
//! one already made an afspraak says so.

use super::common::{scrollbar, shorten, wrapped};
use super::theme::Theme;
use crate::app::screens::closing::{self, Line as Entry};
use crate::session::Session;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, ListItem, ListState};

/// What a takeaway list shows.
pub struct List<'a> {
    pub title: &'a str,
    /// A line above the list (which keys do what).
    pub intro: Option<String>,
    pub entries: &'a [Entry],
    /// The takeaway highlighted (an index among the takeaways only).
    pub selected: Option<usize>,
    /// For "✓ afspraak" on what already is one.
    pub session: &'a Session,
}

/// Draws `list` in a bordered box.
pub fn draw(frame: &mut Frame, area: Rect, list: &List, theme: Theme) {
    let List {
        title,
        intro,
        entries,
        selected,
        session,
    } = list;
    let selected = *selected;
    // The last column stays free for the scrollbar.
    let room = usize::from(area.width.saturating_sub(3));
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected_row = None;
    if let Some(intro) = intro {
        items.push(ListItem::new(Text::from(wrapped(
            intro,
            "",
            room,
            theme.dim(),
        ))));
    }
    let mut choice = 0;
    for entry in entries.iter() {
        match entry {
            Entry::Heading(text) => {
                items.push(ListItem::new(Line::styled(
                    shorten(text, room),
                    theme.title(),
                )));
            }
            Entry::Note(text) => {
                items.push(ListItem::new(Text::from(wrapped(
                    &texts::safe(text),
                    "  ",
                    room,
                    theme.dim(),
                ))));
            }
            Entry::Item(t) => {
                if selected == Some(choice) {
                    selected_row = Some(items.len());
                }
                let mark = if closing::taken(session, t) {
                    format!(" ✓ {}", texts::TAKEAWAY_TAKEN)
                } else {
                    String::new()
                };
                let label = shorten(
                    &texts::safe(&t.label),
                    room.saturating_sub(super::common::width(&mark) + 2),
                );
                let mut lines = vec![Line::from(vec![
                    Span::raw(format!("▸ {label}")),
                    Span::styled(mark, theme.ok()),
                ])];
                if !t.detail.is_empty() {
                    lines.extend(wrapped(&texts::safe(&t.detail), "    ", room, theme.dim()));
                }
                items.push(ListItem::new(Text::from(lines)));
                choice += 1;
            }
        }
    }
    let block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let total: usize = heights.iter().sum();
    let list = ratatui::widgets::List::new(items)
        .block(block)
        .highlight_style(theme.selected());
    let mut state = ListState::default().with_selected(selected_row);
    frame.render_stateful_widget(list, area, &mut state);
    let shown = usize::from(area.height.saturating_sub(2));
    if total > shown {
        // Where the list now starts, in lines: the end of the list puts the thumb at the
        // bottom.
        let top: usize = heights[..state.offset().min(heights.len())].iter().sum();
        scrollbar(frame, area, total - shown + 1, top);
    }
}
