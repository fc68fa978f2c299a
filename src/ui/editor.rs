//! The text editor popup (ratatui-textarea), the same for every text field.

use super::common::{width, wrapped};
use super::theme::Theme;
use crate::app::Msg;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::editor::{EditorMsg, msg as editor_msg};
use crate::app::{Model, Screen};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

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
    let done = key_name(KeyMode::Editor, &Msg::Back);
    let external = key_name(KeyMode::Editor, &editor_msg(EditorMsg::External));
    let wide = texts::editor_hint(&done, &external);
    let hint = if single {
        texts::editor_hint_single(
            &key_name(KeyMode::EditorLine, &editor_msg(EditorMsg::Finish)),
            &key_name(KeyMode::EditorLine, &Msg::Back),
        )
    } else if width(&wide) + 2 <= usize::from(area.width) {
        wide
    } else {
        texts::editor_hint_short(&done, &external)
    };
    // A title (a reflection question) too long for the border is shown whole, wrapped,
    // above the text.
    let room = usize::from(area.width.saturating_sub(4));
    let title = texts::safe(&editor.title);
    let (border_title, question) = if width(&title) <= room {
        (title, Vec::new())
    } else {
        (String::new(), wrapped(&title, "", room + 2, theme.accent()))
    };
    let area = if single && !question.is_empty() {
        let h = 3 + question.len() as u16;
        Rect {
            y: area.y.saturating_sub(h / 2),
            height: h.min(body.height),
            ..area
        }
    } else {
        area
    };
    frame.render_widget(Clear, area);
    // The border is drawn on its own and the text area renders by reference: cloning it
    // every frame would rebuild its word-wrap map and forget where it was scrolled.
    let mut block = Block::bordered().title_bottom(Line::styled(hint, theme.dim()));
    if !border_title.is_empty() {
        block = block.title(Line::styled(format!(" {border_title} "), theme.accent()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let q_rows = (question.len() as u16).min(inner.height.saturating_sub(1));
    let [q_area, text_area] =
        Layout::vertical([Constraint::Length(q_rows), Constraint::Fill(1)]).areas(inner);
    if q_rows > 0 {
        frame.render_widget(Paragraph::new(question), q_area);
    }
    frame.render_widget(&editor.textarea, text_area);
}
