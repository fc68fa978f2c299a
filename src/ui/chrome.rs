//! Title bar, status line and footer: the frame around every screen.

use super::common::{ellipsize, width};
use super::theme::Theme;
use crate::app::keymap::{mode_of, shown_for};
use crate::app::{Model, Msg, SaveState, StatusKind};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn title(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let state = model
        .open
        .as_ref()
        .map(|open| match (&open.read_only, &open.save) {
            (Some(_), _) => Span::styled(format!(" {} ", texts::READ_ONLY), theme.error()),
            (None, SaveState::Saved) => Span::styled(format!(" ✓ {} ", texts::SAVED), theme.ok()),
            (None, SaveState::Pending) => Span::styled(format!(" {} ", texts::SAVING), theme.dim()),
            (None, SaveState::Failed(_)) => {
                Span::styled(format!(" ✗ {} ", texts::NOT_SAVED), theme.error())
            }
        });
    let mut spans = vec![Span::styled(format!(" {} ", texts::APP), theme.accent())];
    if model.presenting {
        spans.push(Span::styled(
            format!("[{}] ", texts::PRESENTING),
            theme.accent(),
        ));
    }
    if let Some(open) = &model.open {
        let s = &open.session;
        // The context gets what is left beside the save state: the mode gives way
        // first, then the end of the samenwerking (with an ellipsis).
        let used: usize = spans.iter().map(|sp| width(&sp.content)).sum::<usize>()
            + state.as_ref().map(|st| width(&st.content)).unwrap_or(0);
        let room = usize::from(area.width).saturating_sub(used + 1);
        let without_mode = format!(
            "· {} · {}",
            texts::safe(&s.bestuurder),
            texts::safe(&s.samenwerking),
        );
        let full = format!("{without_mode} · {}", s.mode.label());
        let context = if width(&full) <= room {
            full
        } else {
            ellipsize(&without_mode, room)
        };
        spans.push(Span::raw(context));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if let Some(state) = state {
        frame.render_widget(
            Paragraph::new(Line::from(state)).alignment(Alignment::Right),
            area,
        );
    }
}

/// The status line as a paragraph, wrapped at words.
fn status_paragraph(model: &Model, theme: Theme) -> Option<Paragraph<'static>> {
    let status = model.status.as_ref()?;
    let style = match status.kind {
        StatusKind::Info => theme.dim(),
        StatusKind::Error => theme.error(),
    };
    Some(
        Paragraph::new(Line::styled(
            format!(" {}", texts::safe(&status.text)),
            style,
        ))
        .wrap(ratatui::widgets::Wrap { trim: true }),
    )
}

/// How many rows the status takes at this width.
pub fn status_rows(model: &Model, width: u16) -> u16 {
    status_paragraph(model, Theme::new(true))
        .map(|p| u16::try_from(p.line_count(width)).unwrap_or(u16::MAX))
        .unwrap_or(1)
}

pub fn status(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    if let Some(p) = status_paragraph(model, theme) {
        frame.render_widget(p, area);
    }
}

pub fn footer(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let entries: Vec<_> = shown_for(model, mode_of(model))
        .into_iter()
        .filter(|b| b.footer)
        .map(|b| {
            let help = format!(" {}  ", b.help);
            let len = width(&b.key_label) + width(&help);
            // Help and quit are always there: other entries give way to them.
            let pinned = matches!(b.msg, Some(Msg::ToggleHelp | Msg::Quit));
            (b, help, len, pinned)
        })
        .collect();
    let pinned: usize = entries.iter().filter(|e| e.3).map(|e| e.2).sum();
    let mut used = 1 + pinned;
    let mut spans = vec![Span::raw(" ")];
    // Whole entries only: an entry that does not fit is left out, not cut in half.
    for (b, help, len, is_pinned) in entries {
        if !is_pinned {
            if used + len > usize::from(area.width) {
                continue;
            }
            used += len;
        }
        spans.push(Span::styled(b.key_label, theme.key()));
        spans.push(Span::styled(help, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
