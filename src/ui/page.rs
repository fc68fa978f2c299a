//! A reading page over the current screen ("Over deze handreiking", the wegwijzer): the
//! lines from `app::page`, scrolled, in a bordered block.

use super::theme::Theme;
use crate::app::Model;
use crate::app::page::{self, LineKind};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(p) = model.page else {
        return;
    };
    let (width, _) = page::text_size(model);
    let all = page::lines(&model.content, p, width);
    let scroll = usize::from(model.page_scroll.min(page::max_scroll(model)));
    // The body can be a row shorter than usual (a two-line status message).
    let height = usize::from(area.height.saturating_sub(2));
    let more = all.len() > scroll + height;
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(height)
        .map(|l| match l.kind {
            LineKind::Heading => Line::styled(l.text.clone(), theme.title()),
            LineKind::Text => Line::raw(l.text.clone()),
            LineKind::Quiet => Line::styled(l.text.clone(), theme.dim()),
        })
        .collect();
    let mut block = Block::bordered().title(Line::styled(
        format!(" {} ", page::title(&model.content, p)),
        theme.title(),
    ));
    if more {
        block = block.title_bottom(Line::styled(" ↓ meer ", theme.dim()));
    }
    frame.render_widget(Clear, area);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
}
