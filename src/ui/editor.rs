//! The text editor popup (ratatui-textarea), the same for every text field.

use super::texts;
use super::theme::Theme;
use crate::app::{Model, Screen};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};

pub fn draw(frame: &mut Frame, body: Rect, model: &Model, theme: Theme) {
    let Some(editor) = model.open.as_ref().and_then(|o| o.editor.as_ref()) else {
        return;
    };
    let single = editor.target.single_line();
    let area = if single {
        super::centered(body, body.width.saturating_sub(10).min(70), 3)
    } else if model.screen == Screen::Scan {
        // Over the questions, so the radar stays in sight.
        Rect {
            x: body.x,
            y: body.y + 1,
            width: body.width * 55 / 100,
            height: body.height.saturating_sub(1),
        }
    } else {
        super::centered(
            body,
            (body.width * 9 / 10).max(60),
            (body.height * 8 / 10).max(10),
        )
    };
    frame.render_widget(Clear, area);
    let title: String = editor
        .title
        .chars()
        .take(area.width.saturating_sub(4) as usize)
        .collect();
    let hint = if single {
        texts::EDITOR_HINT_SINGLE
    } else {
        texts::EDITOR_HINT
    };
    // The border is drawn on its own and the text area renders by reference: cloning it
    // every frame would rebuild its word-wrap map and forget where it was scrolled.
    let block = Block::bordered()
        .title(Line::styled(format!(" {title} "), theme.accent()))
        .title_bottom(Line::styled(hint, theme.dim()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.textarea, inner);
}
