//! The session overview in the spirit of the praatplaat: the four perspectives laid out
//! with the three tensions between them, the quick scan and the actions, each with its
//! progress and a ✎ where something was written.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use crate::app::nav::{self, OVERVIEW, OverviewItem, Progress};
use crate::scan;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

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
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area)
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
    let cols = |r: Rect| Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(r);
    let result = scan::score(&content.scan, &session.answers);

    for (index, (item, row, col)) in OVERVIEW.iter().enumerate() {
        let focused = open.overview_focus == index;
        let row_rect = rows[usize::from(*row)];
        let mut rect = cols(row_rect)[usize::from(*col)];
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
                let fits = persp.name.chars().count() + 4 <= usize::from(rect.width);
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
                let name = if tension.name.chars().count() + 6 <= usize::from(rect.width) {
                    tension.name.clone()
                } else {
                    let (a, b) = &tension.between;
                    let short = |id: &str| {
                        hr.perspectives
                            .iter()
                            .find(|p| p.id == id)
                            .map(|p| p.short.clone())
                            .unwrap_or_default()
                    };
                    format!("{}–{}", short(a), short(b))
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
                (
                    texts::QUICK_SCAN_BOX.to_string(),
                    vec![
                        Line::raw(format!("{}/{}", result.answered(), result.total())),
                        Line::raw(scores.join(" ")),
                    ],
                    false,
                )
            }
            OverviewItem::Actions => {
                let open_actions = session.actions.iter().filter(|a| !a.done).count();
                (
                    texts::ACTIONS_BOX.to_string(),
                    vec![Line::raw(format!(
                        "{} afspraken, {} open",
                        session.actions.len(),
                        open_actions
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
    let hint = Line::styled(texts::OVERVIEW_HINT, theme.dim());
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
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![Span::styled(about.1, theme.dim())]),
                hint,
            ])
            .wrap(Wrap { trim: true }),
            *rest,
        );
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
        Some(OverviewItem::Actions) | None => (
            texts::ACTIONS_BOX.to_string(),
            "Afspraken en volgende stappen: wat, wie en wanneer.".to_string(),
        ),
    }
}
