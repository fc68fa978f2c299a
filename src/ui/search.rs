//! Search results: where each hit is, with the line around it; Enter opens it there.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let items: Vec<ListItem> = model
        .hits
        .iter()
        .map(|h| {
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(
                        format!(
                            "{} · {}",
                            texts::safe(&h.bestuurder),
                            texts::safe(&h.samenwerking)
                        ),
                        theme.title(),
                    ),
                    Span::styled(format!("  {}", h.place), theme.dim()),
                ]),
                Line::raw(format!("  {}", h.snippet)),
            ])
        })
        .collect();
    let list = List::new(items)
        .block(Block::bordered().title(Line::styled(
            format!(" {} ({}) ", texts::SEARCH_RESULTS, model.hits.len()),
            theme.title(),
        )))
        .highlight_style(theme.selected())
        .highlight_symbol("▸ ");
    let mut state = ListState::default().with_selected(Some(model.hit_selected));
    frame.render_stateful_widget(list, area, &mut state);
}

/// The one-line prompt (import, search) at the bottom of the start screen.
pub fn draw_prompt(frame: &mut Frame, body: Rect, model: &Model, theme: Theme) {
    let Some(prompt) = &model.prompt else {
        return;
    };
    let area = Rect {
        x: body.x,
        y: body.y + body.height.saturating_sub(3),
        width: body.width,
        height: 3.min(body.height),
    };
    let title = match prompt.kind {
        crate::app::PromptKind::Import => texts::IMPORT_TITLE,
        crate::app::PromptKind::Search if model.open.is_some() => texts::SEARCH_SESSION_TITLE,
        crate::app::PromptKind::Search => texts::SEARCH_TITLE,
    };
    let mut ta = prompt.textarea.clone();
    ta.set_block(
        Block::bordered()
            .title(Line::styled(format!(" {title} "), theme.accent()))
            .title_bottom(Line::styled(texts::PROMPT_HINT, theme.dim())),
    );
    ta.set_cursor_line_style(ratatui::style::Style::default());
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(&ta, area);
}
