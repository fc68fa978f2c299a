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
            format!(" {} ", texts::safe(&model.dir.display().to_string())),
            theme.dim(),
        ));
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
        frame.render_widget(
            Paragraph::new(texts::START_EMPTY)
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let conditions = &model.content.scan.conditions;
    let mut header: Vec<Cell> = vec![
        Cell::from(texts::COL_BESTUURDER),
        Cell::from(texts::COL_SAMENWERKING),
        Cell::from(texts::COL_DATE),
        Cell::from(texts::COL_PROGRESS),
    ];
    header.extend(
        conditions
            .iter()
            .map(|c| Cell::from(c.short.chars().take(4).collect::<String>())),
    );
    let rows: Vec<Row> = model
        .list
        .iter()
        .map(|entry| match entry {
            ListEntry::Session { header, .. } => {
                let result = scan::score(&model.content.scan, &header.answers);
                let date = header
                    .updated
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%d-%m-%Y")
                    .to_string();
                let mut cells = vec![
                    Cell::from(texts::safe(&header.bestuurder)),
                    Cell::from(texts::safe(&header.samenwerking)),
                    Cell::from(date),
                    Cell::from(format!("{}/{}", result.answered(), result.total())),
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
        Constraint::Fill(2),
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Length(8),
    ];
    widths.extend(std::iter::repeat_n(Constraint::Length(4), conditions.len()));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.title()))
        .row_highlight_style(theme.selected())
        .highlight_symbol("▸ ")
        .block(block);
    let mut state = TableState::default().with_selected(Some(model.selected));
    frame.render_stateful_widget(table, area, &mut state);
}
