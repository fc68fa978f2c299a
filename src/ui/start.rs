//! The start screen: the sessions in the folder, newest first, with their five scores.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use crate::scan;
use crate::store::ListEntry;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", texts::START_TITLE),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            if model.presenting {
                String::new()
            } else {
                format!(" {} ", texts::safe(&model.dir.display().to_string()))
            },
            theme.dim(),
        ));
    if model.presenting && model.screen == crate::app::Screen::Start {
        // A shared screen shows no other bestuurder: a neutral screen instead of the list.
        frame.render_widget(
            Paragraph::new(Line::styled(texts::START_PRESENTING, theme.dim()))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    if let Some(err) = &model.list_error {
        frame.render_widget(
            Paragraph::new(Line::styled(texts::safe(err), theme.error()))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    if model.list.is_empty() {
        let text = if model.list_loading {
            texts::START_LOADING
        } else {
            texts::START_EMPTY
        };
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: true }).block(block),
            area,
        );
        return;
    }
    let conditions = &model.content.scan.conditions;
    let mut header: Vec<Cell> = vec![
        Cell::from(texts::COL_BESTUURDER),
        Cell::from(texts::COL_SAMENWERKING),
        Cell::from(texts::COL_DATE),
        Cell::from(texts::COL_PROGRESS_SHORT),
        Cell::from(texts::COL_TREND),
    ];
    header.extend(
        conditions
            .iter()
            .map(|c| Cell::from(c.short.chars().take(4).collect::<String>())),
    );
    // Only the rows in view are built: a folder of years of sessions stays instant.
    let visible = usize::from(area.height.saturating_sub(3)).max(1);
    let offset = model.selected.saturating_sub(visible - 1);
    let rows: Vec<Row> = model
        .list
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(index, entry)| match entry {
            ListEntry::Session { header, .. } => {
                // Grouped per bestuurder: the name only on the first row of the group.
                let first_of_group = index == offset
                    || !matches!(
                        model.list.get(index - 1),
                        Some(ListEntry::Session { header: prev, .. }) if prev.bestuurder == header.bestuurder
                    );
                let result = scan::score(&model.content.scan, &header.answers);
                let date = crate::present::short_date(header.updated);
                let name = if first_of_group {
                    texts::safe(&header.bestuurder)
                } else {
                    String::new()
                };
                let mut cells = vec![
                    Cell::from(name),
                    Cell::from(texts::safe(&header.samenwerking)),
                    Cell::from(date),
                    Cell::from(format!("{}/{}", result.answered(), result.total())),
                    Cell::from(trend(model, index)),
                ];
                cells.extend(result.conditions.iter().map(|c| {
                    let text = crate::fmt_opt_score(c.score);
                    if c.flagged() {
                        Cell::from(Span::styled(format!("{text}!"), theme.flag()))
                    } else {
                        Cell::from(text)
                    }
                }));
                Row::new(cells)
            }
            ListEntry::Unreadable { path, reason } => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                Row::new(vec![
                    Cell::from(Span::styled(
                        format!("⚠ {}", texts::UNREADABLE),
                        theme.error(),
                    )),
                    Cell::from(Line::from(vec![
                        Span::styled(texts::safe(&name), theme.error()),
                        Span::styled(format!(" — {}", texts::safe(reason)), theme.dim()),
                    ])),
                ])
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Fill(3),
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Length(5),
        Constraint::Length(6),
    ];
    widths.extend(std::iter::repeat_n(Constraint::Length(4), conditions.len()));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.title()))
        .row_highlight_style(theme.selected())
        .highlight_symbol("▸ ")
        .block(block);
    let mut state = TableState::default().with_selected(Some(model.selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The change of the mean score since the previous session of the same bestuurder about
/// the same samenwerking: "↑ +0,4", "↓ -0,3", "= ±0,0" ([`crate::present::fmt_delta`]);
/// empty when there is nothing to compare.
fn trend(model: &Model, index: usize) -> String {
    let Some(ListEntry::Session { header, .. }) = model.list.get(index) else {
        return String::new();
    };
    let previous = model
        .list
        .iter()
        .filter_map(|e| match e {
            ListEntry::Session { header: h, .. } => Some(h),
            _ => None,
        })
        .filter(|h| {
            h.bestuurder == header.bestuurder
                && h.samenwerking == header.samenwerking
                && h.created < header.created
        })
        .max_by_key(|h| h.created);
    let mean = |answers| {
        let scores: Vec<f64> = scan::score(&model.content.scan, answers)
            .scores()
            .into_iter()
            .flatten()
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    };
    match (
        previous.and_then(|p| mean(&p.answers)),
        mean(&header.answers),
    ) {
        (Some(before), Some(now)) => {
            let delta = (now - before) * 10.0;
            let delta = delta.round() / 10.0;
            let arrow = if delta > 0.0 {
                "↑"
            } else if delta < 0.0 {
                "↓"
            } else {
                "="
            };
            format!("{arrow} {}", crate::present::fmt_delta(delta))
        }
        _ => String::new(),
    }
}
