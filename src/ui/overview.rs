//! The session overview in the spirit of the praatplaat: the four perspectives laid out
//! with the three tensions between them, the quick scan and the actions, each with its
//! progress and a ✎ where something was written.

use super::common::width;
use super::theme::Theme;
use crate::app::Model;
use crate::app::Msg;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::nav::{self, OVERVIEW, OverviewItem, Progress};
use crate::app::screens::closing::{self, Scope};
use crate::app::screens::overview::{self, OverviewMsg};
use crate::present::fmt_answered;
use crate::scan;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

/// The grid's least width beside the text panel: two outer tiles and the middle one.
const GRID_MIN: u16 = 2 * SIDE_MIN + 32;
/// The least width of an outer tile ("6 kernvragen · 6/23 ✎" with its borders).
const SIDE_MIN: u16 = 24;

/// A tension named by the short names of its two perspectives: "Organisatie–Samenwerking".
fn tension_short(hr: &crate::content::Handreiking, tension: &crate::content::Tension) -> String {
    let (a, b) = &tension.between;
    let short = |id: &str| {
        hr.perspectives
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.short.clone())
            .unwrap_or_default()
    };
    format!("{}–{}", short(a), short(b))
}

fn progress_text(p: Progress) -> String {
    let mark = if p.written { " ✎" } else { "" };
    format!("{}/{}{mark}", p.done, p.total)
}

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let session = &open.session;
    let hr = &content.handreiking;
    let wide = area.width >= 110;
    let [grid_area, side] = if wide {
        // The grid keeps room for every tile's whole title; the text beside it gives way.
        let grid = (area.width * 62 / 100).max(GRID_MIN).min(area.width);
        Layout::horizontal([Constraint::Length(grid), Constraint::Fill(1)]).areas(area)
    } else {
        [area, Rect::default()]
    };
    let rows = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(3),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Min(0),
    ])
    .split(grid_area);
    // The middle tile of a row is as wide as its title needs, the outer ones share the rest.
    let cols = |r: Rect, middle: usize| {
        let third = r.width / 3;
        let mid = u16::try_from(middle)
            .unwrap_or(u16::MAX)
            .max(third)
            .min(r.width.saturating_sub(2 * SIDE_MIN));
        Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(mid),
            Constraint::Fill(1),
        ])
        .split(r)
    };
    let middle_of_row = |row: u8| {
        OVERVIEW
            .iter()
            .filter(|(_, r, c)| *r == row && *c == 1)
            .map(|(item, _, _)| match item {
                OverviewItem::Tension(t) => hr
                    .tensions
                    .get(*t)
                    .map(|t| width(&tension_short(hr, t)) + 6)
                    .unwrap_or(0),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    };
    let result = scan::score(&content.scan, &session.answers);

    for (index, (item, row, col)) in OVERVIEW.iter().enumerate() {
        let focused = open.overview_focus == index;
        let row_rect = rows[usize::from(*row)];
        let mut rect = cols(row_rect, middle_of_row(*row))[usize::from(*col)];
        if *item == OverviewItem::Perspective(3) {
            // Bestuur en toezicht spans the whole width: it looks at all of it.
            rect = row_rect;
        }
        let (title, lines, is_tension) = match item {
            OverviewItem::Perspective(p) => {
                let Some(persp) = hr.perspectives.get(*p) else {
                    continue;
                };
                let prog = nav::perspective_progress(content, session, *p);
                let fits = width(&persp.name) + 4 <= usize::from(rect.width);
                (
                    if fits {
                        persp.name.clone()
                    } else {
                        persp.short.clone()
                    },
                    vec![Line::raw(format!(
                        "{} kernvragen · {}",
                        persp.themes.len(),
                        progress_text(prog)
                    ))],
                    false,
                )
            }
            OverviewItem::Tension(t) => {
                let Some(tension) = hr.tensions.get(*t) else {
                    continue;
                };
                let prog = nav::tension_progress(content, session, *t);
                let name = if width(&tension.name) + 6 <= usize::from(rect.width) {
                    tension.name.clone()
                } else {
                    tension_short(hr, tension)
                };
                (
                    format!("⟷ {name}"),
                    vec![Line::raw(format!("dilemma's {}", progress_text(prog)))],
                    true,
                )
            }
            OverviewItem::Scan => {
                let scores: Vec<String> = content
                    .scan
                    .conditions
                    .iter()
                    .zip(&result.conditions)
                    .map(|(c, cs)| {
                        format!(
                            "{} {}",
                            c.short.chars().next().unwrap_or('?'),
                            crate::fmt_opt_score(cs.score)
                        )
                    })
                    .collect();
                // All five scores, on two lines when one is too narrow; the progress
                // goes in the title.
                let room = usize::from(rect.width.saturating_sub(2));
                let mut lines: Vec<Line> = Vec::new();
                let mut line = String::new();
                for score in scores {
                    if !line.is_empty() && width(&line) + 1 + width(&score) > room {
                        lines.push(Line::raw(std::mem::take(&mut line)));
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&score);
                }
                lines.push(Line::raw(line));
                // "Quick scan 19 + 1 weet niet", shorter when the tile is narrow.
                let dont_know = content
                    .scan
                    .items()
                    .filter(|(_, i)| {
                        session.answers.get(&i.id) == Some(&crate::session::Answer::DontKnow)
                    })
                    .count();
                let counts = fmt_answered(result.answered(), dont_know, result.total());
                let plain = format!("{}/{}", result.answered(), result.total());
                let title = [
                    format!("{} {counts}", texts::QUICK_SCAN_BOX),
                    format!("{} {counts}", texts::SCAN_BOX_SHORT),
                    format!(
                        "{} {plain}, {dont_know} {}",
                        texts::SCAN_BOX_SHORT,
                        texts::DONT_KNOW_WORDS
                    ),
                ]
                .into_iter()
                .find(|t| width(t) + 4 <= usize::from(rect.width))
                .unwrap_or_else(|| format!("{} {plain}", texts::QUICK_SCAN_BOX));
                (title, lines, false)
            }
            OverviewItem::Closing => {
                let entries = closing::lines(content, session, Scope::All);
                let points = closing::takeaways(&entries);
                let taken = points.iter().filter(|t| closing::taken(session, t)).count();
                let room = usize::from(rect.width.saturating_sub(2));
                let line = texts::takeaway_box(points.len(), taken)
                    .into_iter()
                    .find(|t| width(t) <= room)
                    .unwrap_or_default();
                (
                    texts::TAKEAWAY_BOX.to_string(),
                    vec![Line::raw(line)],
                    false,
                )
            }
            OverviewItem::Actions => {
                let open_actions = session.actions.iter().filter(|a| a.is_open()).count();
                (
                    texts::ACTIONS_BOX.to_string(),
                    vec![Line::raw(texts::actions_tile(
                        session.actions.iter().filter(|a| !a.is_blank()).count(),
                        open_actions,
                    ))],
                    false,
                )
            }
        };
        let border = if focused {
            BorderType::Thick
        } else if is_tension {
            BorderType::Rounded
        } else {
            BorderType::Plain
        };
        let title_style = if focused {
            theme.selected()
        } else {
            theme.title()
        };
        let block = Block::bordered()
            .border_type(border)
            .border_style(if focused {
                theme.accent()
            } else {
                Style::default()
            })
            .title(Line::styled(format!(" {title} "), title_style));
        frame.render_widget(
            Paragraph::new(lines)
                .alignment(Alignment::Center)
                .block(block),
            rect,
        );
    }

    // Under the grid (or beside it when wide): what the focused element is about.
    let about = focused_about(model, open.overview_focus);
    let hint = Line::styled(
        texts::overview_hint(
            &key_name(KeyMode::Overview, &overview::msg(OverviewMsg::Open)),
            &key_name(KeyMode::Overview, &Msg::NextStop),
        ),
        theme.dim(),
    );
    if wide {
        let mut lines = vec![Line::styled(about.0, theme.title()), Line::raw("")];
        lines.extend(about.1.lines().map(|l| Line::raw(l.to_string())));
        lines.push(Line::raw(""));
        lines.push(hint);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(Block::bordered()),
            side,
        );
    } else if let Some(rest) = rows.get(5) {
        // The focused element's text when it fits whole, else only the hint.
        let with_about = Paragraph::new(vec![
            Line::from(vec![Span::styled(about.1, theme.dim())]),
            hint.clone(),
        ])
        .wrap(Wrap { trim: true });
        let hint_only = Paragraph::new(hint).wrap(Wrap { trim: true });
        if with_about.line_count(rest.width) <= usize::from(rest.height) {
            frame.render_widget(with_about, *rest);
        } else if hint_only.line_count(rest.width) <= usize::from(rest.height) {
            frame.render_widget(hint_only, *rest);
        }
    }
}

/// Title and intro of the focused overview element.
fn focused_about(model: &Model, focus: usize) -> (String, String) {
    let hr = &model.content.handreiking;
    match OVERVIEW.get(focus).map(|o| o.0) {
        Some(OverviewItem::Perspective(p)) => hr
            .perspectives
            .get(p)
            .map(|p| (p.name.clone(), p.intro.clone()))
            .unwrap_or_default(),
        Some(OverviewItem::Tension(t)) => hr
            .tensions
            .get(t)
            .map(|t| (t.name.clone(), t.intro.clone()))
            .unwrap_or_default(),
        Some(OverviewItem::Scan) => (
            texts::QUICK_SCAN_BOX.to_string(),
            format!(
                "Vijf condities voor kansrijke samenwerking ({}).",
                model.content.scan.source
            ),
        ),
        Some(OverviewItem::Closing) => (
            texts::TAKEAWAY_BOX.to_string(),
            texts::TAKEAWAY_ABOUT.to_string(),
        ),
        Some(OverviewItem::Actions) | None => (
            texts::ACTIONS_BOX.to_string(),
            "Afspraken en volgende stappen: wat, wie en wanneer.".to_string(),
        ),
    }
}
