//! The new-session form, as a popup over the start screen.

use super::theme::Theme;
use crate::app::Model;
use crate::app::keymap::{KeyMode, keys_for};
use crate::app::screens::form::{self, FormMsg};
use crate::session::Mode;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let form = &model.form;
    let popup = super::centered(area, 64, 17);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", texts::FORM_TITLE),
        theme.title(),
    ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .split(inner);
    for i in 0..3 {
        let focused = form.focus == i;
        let mut ta = form.fields[i].clone();
        let title_style = if focused {
            theme.accent()
        } else {
            theme.title()
        };
        ta.set_block(
            Block::bordered()
                .title(Line::styled(
                    format!(" {} ", texts::FORM_LABELS[i]),
                    title_style,
                ))
                .title_bottom(Line::styled(
                    if focused { texts::FORM_HINTS[i] } else { "" },
                    theme.dim(),
                )),
        );
        ta.set_cursor_line_style(ratatui::style::Style::default());
        if !focused {
            ta.set_cursor_style(ratatui::style::Style::default());
        }
        frame.render_widget(&ta, rows[i]);
    }
    let focused = form.focus == 3;
    let toggle = keys_for(KeyMode::FormMode, &form::msg(FormMsg::ToggleMode));
    let mode_hint = texts::form_mode_hint(&toggle.iter().map(|k| k.name()).collect::<Vec<_>>());
    let mode_span = |m: Mode| {
        let label = format!(" {} ", m.label());
        if form.mode == m {
            Span::styled(format!("[{label}]"), theme.selected())
        } else {
            Span::raw(format!(" {label} "))
        }
    };
    let title_style = if focused {
        theme.accent()
    } else {
        theme.title()
    };
    let mode_block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", texts::FORM_LABELS[3]),
            title_style,
        ))
        .title_bottom(Line::styled(
            if focused { mode_hint } else { String::new() },
            theme.dim(),
        ));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            mode_span(Mode::Zelfreflectie),
            Span::raw("  "),
            mode_span(Mode::Coachgesprek),
        ]))
        .block(mode_block),
        rows[3],
    );
    if let Some(err) = &form.error {
        frame.render_widget(
            Paragraph::new(Line::styled(err.as_str(), theme.error())),
            rows[4],
        );
    }
}
