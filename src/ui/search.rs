//! Search results: where each hit is, with the line around it; Enter opens it there.

use super::common::{list_width, select_list, wrapped};
use super::theme::Theme;
use crate::app::Model;
use crate::app::Msg;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::prompt::{self, PromptMsg};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, ListItem};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let width = list_width(area);
    let items: Vec<ListItem> = model
        .hits
        .iter()
        .map(|h| {
            // Who, where, and the words around the hit: wrapped, never cut.
            let who = format!(
                "{} · {}",
                texts::safe(&h.bestuurder),
                texts::safe(&h.samenwerking)
            );
            let mut lines = wrapped(&who, "", width, theme.title());
            lines.extend(wrapped(&h.place, "  ", width, theme.dim()));
            lines.extend(wrapped(&h.snippet, "  ", width, Style::default()));
            ListItem::new(lines)
        })
        .collect();
    select_list(
        frame,
        area,
        &format!("{} ({})", texts::SEARCH_RESULTS, model.hits.len()),
        items,
        model.hit_selected,
        theme,
    );
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
            .title_bottom(Line::styled(
                match prompt.kind {
                    crate::app::PromptKind::Import => texts::import_prompt_hint(
                        &key_name(KeyMode::ImportPrompt, &prompt::msg(PromptMsg::Complete)),
                        &key_name(KeyMode::ImportPrompt, &prompt::msg(PromptMsg::Submit)),
                        &key_name(KeyMode::ImportPrompt, &Msg::Back),
                    ),
                    crate::app::PromptKind::Search => texts::prompt_hint(
                        &key_name(KeyMode::Prompt, &prompt::msg(PromptMsg::Submit)),
                        &key_name(KeyMode::Prompt, &Msg::Back),
                    ),
                },
                theme.dim(),
            )),
    );
    ta.set_cursor_line_style(ratatui::style::Style::default());
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(&ta, area);
}
