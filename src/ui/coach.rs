//! The coach's private note for the screen in view, beside it (wide) or under it.
//! Never drawn in presentation mode.

use super::theme::Theme;
use crate::app::Msg;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::nav;
use crate::app::{Model, Screen};
use crate::session::Mode;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// The note key of the screen in view, when a coach panel belongs on it.
fn key(model: &Model) -> Option<String> {
    if model.presenting || matches!(model.screen, Screen::Start | Screen::NewSession) {
        return None;
    }
    let open = model.open.as_ref()?;
    let condition = (model.screen == Screen::Scan).then(|| model.condition_of(open.focus));
    let key = nav::coach_key(&model.content, model.screen, condition)?;
    let key = key.to_string();
    let has_note = open.session.coach_notes.contains_key(&key);
    (open.session.mode == Mode::Coachgesprek || has_note).then_some(key)
}

/// Splits off the coach panel from `body` when one is shown; returns (main, panel).
pub fn split(model: &Model, body: Rect) -> (Rect, Option<Rect>) {
    if key(model).is_none() {
        return (body, None);
    }
    if body.width >= 120 {
        let [main, side] =
            Layout::horizontal([Constraint::Min(80), Constraint::Length(34)]).areas(body);
        (main, Some(side))
    } else {
        let [main, strip] =
            Layout::vertical([Constraint::Min(10), Constraint::Length(4)]).areas(body);
        (main, Some(strip))
    }
}

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(key) = key(model) else {
        return;
    };
    let note = model
        .open
        .as_ref()
        .and_then(|o| o.session.coach_notes.get(&key));
    let lines: Vec<Line> = match note {
        Some(n) => n.split('\n').map(|l| Line::raw(texts::safe(l))).collect(),
        None => vec![Line::styled(
            texts::coach_empty(
                &key_name(KeyMode::Overview, &Msg::EditCoachNote),
                &key_name(KeyMode::Overview, &Msg::TogglePresenting),
                own(model),
            ),
            theme.dim(),
        )],
    };
    let block = Block::bordered()
        .border_style(theme.dim())
        .title(Line::styled(
            format!(
                " {} — {} ",
                if own(model) {
                    texts::OWN_NOTE_TITLE
                } else {
                    texts::COACH_TITLE
                },
                key_name(KeyMode::Overview, &Msg::EditCoachNote)
            ),
            theme.accent(),
        ));
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width);
    frame.render_widget(paragraph.block(block), area);
    if total > usize::from(inner.height) {
        // More follows: c opens the whole note.
        super::common::scrollbar(frame, area, total - usize::from(inner.height) + 1, 0);
    }
}

/// In zelfreflectie the private note is the bestuurder's own.
fn own(model: &Model) -> bool {
    model
        .open
        .as_ref()
        .is_some_and(|o| o.session.mode == Mode::Zelfreflectie)
}
