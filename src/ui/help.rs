//! The help overlay: the keys of the screen beneath, from the keymap itself.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use crate::app::keymap::{bindings, screen_mode};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let mode = screen_mode(model);
    let mut lines = vec![Line::raw(texts::HELP_INTRO), Line::raw("")];
    for b in bindings(mode) {
        if b.keys.is_empty() && b.key_label.contains('↑') {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{:>18}  ", b.key_label), theme.key()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::raw(""));
    if !model.presenting {
        lines.push(Line::styled(texts::HELP_DATA, theme.dim()));
        lines.push(Line::raw(texts::safe(&model.dir.display().to_string())));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = super::centered(area, 70, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(Line::styled(
                    format!(" {} ", texts::HELP_TITLE),
                    theme.title(),
                ))
                .title_bottom(Line::styled(" Esc of ? sluit ", theme.dim())),
        ),
        popup,
    );
}
