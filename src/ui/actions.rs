//! Actions (afspraken): what, who, when, what it is about, and whether it is done.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use crate::app::nav::{self, Row};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row as TRow, Table, TableState};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let rows = nav::rows(content, &open.session, model.screen);
    let table_rows: Vec<TRow> = rows
        .iter()
        .enumerate()
        .map(|(ri, row)| match row {
            Row::Action(a) => {
                let action = &open.session.actions[*a];
                let cells = [
                    texts::safe(&action.what),
                    texts::safe(&action.who),
                    texts::safe(&action.when),
                    nav::link_label(content, &action.link),
                    if action.done {
                        "✓".to_string()
                    } else {
                        "·".to_string()
                    },
                ];
                TRow::new(cells.into_iter().enumerate().map(|(ci, text)| {
                    let selected_cell = ri == open.cursor && ci == open.col;
                    let text = if text.is_empty() && ci < 3 {
                        "…".to_string()
                    } else {
                        text
                    };
                    if selected_cell {
                        Cell::from(Span::styled(text, theme.accent()))
                    } else {
                        Cell::from(text)
                    }
                }))
            }
            _ => TRow::new(vec![Cell::from(Span::styled(
                texts::NEW_ACTION,
                theme.accent(),
            ))]),
        })
        .collect();
    let header =
        TRow::new(texts::ACTION_COLUMNS.iter().map(|h| Cell::from(*h))).style(theme.title());
    let table = Table::new(
        table_rows,
        [
            Constraint::Fill(4),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Length(6),
        ],
    )
    .header(header)
    .row_highlight_style(theme.selected())
    .highlight_symbol("▸ ")
    .block(
        Block::bordered()
            .title(Line::styled(format!(" {} ", texts::ACTIONS_TITLE), theme.title()))
            .title_bottom(Line::styled(
                " Enter: veld invullen · ←/→: kolom · spatie: gedaan of koppeling · +: nieuw · d: verwijderen ",
                theme.dim(),
            )),
    );
    let mut state =
        TableState::default().with_selected(Some(open.cursor.min(rows.len().saturating_sub(1))));
    frame.render_stateful_widget(table, area, &mut state);
}
