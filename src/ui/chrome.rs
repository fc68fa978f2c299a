//! Title bar, status line and footer: the frame around every screen.

use super::texts;
use super::theme::Theme;
use crate::app::keymap::{bindings, mode_of};
use crate::app::{Model, SaveState, StatusKind};
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
        // The context gets what is left beside the save state, cut with an ellipsis.
        let used: usize = spans
            .iter()
            .map(|sp| sp.content.chars().count())
            .sum::<usize>()
            + state
                .as_ref()
                .map(|st| st.content.chars().count())
                .unwrap_or(0);
        let room = usize::from(area.width).saturating_sub(used);
        let context = format!(
            "· {} · {} · {}",
            texts::safe(&s.bestuurder),
            texts::safe(&s.samenwerking),
            s.mode.label()
        );
        let context = if context.chars().count() > room {
            let cut: String = context.chars().take(room.saturating_sub(1)).collect();
            format!("{cut}…")
        } else {
            context
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

pub fn status(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(status) = &model.status else {
        return;
    };
    let style = match status.kind {
        StatusKind::Info => theme.dim(),
        StatusKind::Error => theme.error(),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", texts::safe(&status.text)),
            style,
        ))
        .wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

pub fn footer(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    // Whole entries only: an entry that does not fit is left out, not cut in half.
    for b in bindings(mode_of(model)).into_iter().filter(|b| b.footer) {
        let help = format!(" {}  ", b.help);
        let len = b.key_label.chars().count() + help.chars().count();
        if used + len > usize::from(area.width) {
            continue;
        }
        used += len;
        spans.push(Span::styled(b.key_label, theme.key()));
        spans.push(Span::styled(help, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
