//! `view(frame, model)`: draws the model, one module per screen. Never changes state.

mod actions;
mod chrome;
mod closing;
mod coach;
mod common;
mod dilemma;
mod editor;
mod export;
mod form;
mod group;
mod help;
mod instrument;
mod overview;
mod page;
mod perspective;
mod previous;
mod scan;
mod search;
mod start;
mod takeaways;
mod tension;
pub mod theme;
mod theme_screen;
pub mod widgets;

use crate::app::{Model, Screen};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

/// The smallest supported terminal (defined in `app`, which decides what acts behind it).
pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole app.
pub fn view(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    let theme = Theme::new(model.no_color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, model, theme);
        return;
    }
    // A long message (a lock held elsewhere, an unreadable file, a report's path) gets
    // the lines it needs, up to three.
    let status_rows = chrome::status_rows(model, area.width).clamp(1, 3);
    let [title, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::title(frame, title, model, theme);
    let full_body = body;
    let (body, coach_area) = coach::split(model, body);
    if let Some(area) = coach_area {
        coach::draw(frame, area, model, theme);
    }
    match model.screen {
        Screen::Start | Screen::NewSession => start::draw(frame, body, model, theme),
        Screen::Overview => overview::draw(frame, body, model, theme),
        Screen::Scan => scan::draw(frame, body, model, theme),
        Screen::Perspective(p) => perspective::draw(frame, body, model, p, theme),
        Screen::Theme(p, t) => theme_screen::draw(frame, body, model, p, t, theme),
        Screen::Tension(t) => tension::draw(frame, body, model, t, theme),
        Screen::Dilemma(t, d) => dilemma::draw(frame, body, model, t, d, theme),
        Screen::Instrument(i) => instrument::draw(frame, body, model, i, theme),
        Screen::Actions => actions::draw(frame, body, model, theme),
        Screen::Closing => closing::draw(frame, body, model, theme),
        Screen::Group => group::draw(frame, body, model, theme),
        Screen::Search => search::draw(frame, body, model, theme),
    }
    search::draw_prompt(frame, full_body, model, theme);
    editor::draw(frame, full_body, model, theme);
    export::draw(frame, full_body, model, theme);
    if model.screen == Screen::NewSession {
        form::draw(frame, body, model, theme);
    }
    chrome::status(frame, status, model, theme);
    chrome::footer(frame, footer, model, theme);
    page::draw(frame, full_body, model, theme);
    if model.help {
        help::draw(frame, full_body, model, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    // The one key that still acts here (q, or Ctrl+C while typing).
    let mode = crate::app::keymap::mode_of(model);
    let quit = crate::app::keymap::key_name(mode, &crate::app::Msg::Quit);
    let lines = vec![
        Line::styled(crate::text::TOO_SMALL, theme.title()),
        Line::raw(crate::text::TOO_SMALL_HINT),
        Line::raw(crate::text::too_small_size(area.width, area.height)),
        Line::raw(crate::text::too_small_quit(&quit)),
    ];
    let height = (lines.len() as u16 + 2).min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect::new(area.x, y, area.width, height);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A rectangle of at most `w` × `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
