//! Actions (afspraken): what, who, when, what it is about, and whether it is done.

use super::common::{longest_word, scrollbar, width, wrapped};
use super::theme::Theme;
use crate::app::keymap::{KeyMode, key_label, key_name};
use crate::app::nav::{self, Row};
use crate::app::screens::ScreenMsg;
use crate::app::screens::actions::ActionsMsg;
use crate::app::{Model, Msg};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Cell, Paragraph, Row as TRow, Table, TableState};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let rows = nav::rows(content, &open.session, model.screen);
    // Column widths from the room there is (borders, the highlight symbol and the gaps
    // between columns off); texts wrap within their column at words.
    let room = usize::from(area.width.saturating_sub(2 + 2 + 4 + 1 + DONE_WIDTH));
    // Each column at least its longest word, the rest shared 4:2:2:3.
    let fills = [4, 2, 2, 3];
    let mut least = [width(texts::ACTION_COLUMNS[0]), 0, 0, 0];
    for (i, h) in texts::ACTION_COLUMNS.iter().take(4).enumerate() {
        least[i] = least[i].max(width(h));
    }
    for a in &open.session.actions {
        let link = nav::link_label(content, &a.link);
        for (i, t) in [a.what.as_str(), &a.who, &a.when, &link]
            .into_iter()
            .enumerate()
        {
            least[i] = least[i].max(longest_word(&texts::safe(t)).min(room / 3));
        }
        // The line under an afspraak from last time reads best unbroken.
        if let Some(c) = &a.carried {
            let line = texts::carried_line(&crate::present::short_date(c.agreed), c.review, "");
            least[0] = least[0].max(width(&line).min(room / 2));
        }
    }
    let mut widths: Vec<usize> = if least.iter().sum::<usize>() <= room {
        let extra = room - least.iter().sum::<usize>();
        least
            .iter()
            .zip(fills)
            .map(|(l, f)| l + extra * f / 11)
            .collect()
    } else {
        fills.iter().map(|f| room * f / 11).collect()
    };
    widths[0] += room.saturating_sub(widths.iter().sum::<usize>());
    let mut heights = Vec::new();
    let table_rows: Vec<TRow> = rows
        .iter()
        .enumerate()
        .map(|(ri, row)| match row {
            Row::Action(a) => {
                let action = &open.session.actions[*a];
                // From last time: where it comes from and its review, under "Wat".
                let origin = action.carried.as_ref().map(|c| {
                    texts::carried_line(
                        &crate::present::short_date(c.agreed),
                        c.review,
                        &texts::safe(&c.note),
                    )
                });
                let cells = [
                    texts::safe(&action.what),
                    texts::safe(&action.who),
                    texts::safe(&action.when),
                    nav::link_label(content, &action.link),
                    match &action.carried {
                        Some(c) => texts::review_mark(c.review).to_string(),
                        None if action.done => "✓".to_string(),
                        None => "·".to_string(),
                    },
                ];
                let mut height = 1;
                let row_cells: Vec<Cell> = cells
                    .into_iter()
                    .enumerate()
                    .map(|(ci, text)| {
                        let selected_cell = ri == open.cursor && ci == open.action_col.index();
                        let text = if text.is_empty() && ci < 3 {
                            "…".to_string()
                        } else {
                            text
                        };
                        let style = if selected_cell {
                            theme.accent()
                        } else {
                            Style::default()
                        };
                        let mut lines = match widths.get(ci) {
                            Some(w) => wrapped(&text, "", *w, style),
                            None => vec![Line::styled(text, style)],
                        };
                        if let (0, Some(origin), Some(w)) = (ci, &origin, widths.first()) {
                            lines.extend(wrapped(origin, "", *w, theme.dim()));
                        }
                        height = height.max(lines.len());
                        Cell::from(Text::from(lines))
                    })
                    .collect();
                heights.push(height);
                TRow::new(row_cells).height(u16::try_from(height).unwrap_or(1))
            }
            _ => {
                heights.push(1);
                TRow::new(vec![Cell::from(Span::styled(
                    texts::NEW_ACTION,
                    theme.accent(),
                ))])
            }
        })
        .collect();
    let table_rows_height: usize = heights.iter().sum();
    let header =
        TRow::new(texts::ACTION_COLUMNS.iter().map(|h| Cell::from(*h))).style(theme.title());
    let table = Table::new(
        table_rows,
        widths
            .iter()
            .map(|w| Constraint::Length(u16::try_from(*w).unwrap_or(0)))
            .chain([Constraint::Length(DONE_WIDTH)]),
    )
    .header(header)
    .row_highlight_style(theme.selected())
    .highlight_symbol("▸ ")
    .block(
        Block::bordered()
            .title(Line::styled(
                format!(" {} ", texts::ACTIONS_TITLE),
                theme.title(),
            ))
            .title_bottom(Line::styled(
                if width(&hint(false)) + 2 <= usize::from(area.width) {
                    hint(false)
                } else {
                    hint(true)
                },
                theme.dim(),
            )),
    );
    let carried: Vec<_> = open
        .session
        .actions
        .iter()
        .filter_map(|a| a.carried.as_ref())
        .collect();
    let area = if carried.is_empty() {
        area
    } else {
        let to_review = carried.iter().filter(|c| c.review.is_none()).count();
        let key = |m: ActionsMsg| key_name(KeyMode::Actions, &Msg::Screen(ScreenMsg::Actions(m)));
        let intro = texts::carried_intro(
            to_review,
            carried.len(),
            &key(ActionsMsg::ChangeCell),
            &key_name(
                KeyMode::Actions,
                &Msg::Screen(ScreenMsg::Actions(ActionsMsg::Write)),
            ),
        );
        let intro = wrapped(&intro, " ", usize::from(area.width), theme.dim());
        let high = u16::try_from(intro.len()).unwrap_or(2).min(area.height / 3);
        let [top, rest] =
            Layout::vertical([Constraint::Length(high), Constraint::Min(0)]).areas(area);
        frame.render_widget(Paragraph::new(intro), top);
        rest
    };
    let lines: usize = table_rows_height + 1;
    let mut state =
        TableState::default().with_selected(Some(open.cursor.min(rows.len().saturating_sub(1))));
    frame.render_stateful_widget(table, area, &mut state);
    if lines > usize::from(area.height.saturating_sub(2)) {
        scrollbar(frame, area, rows.len(), open.cursor);
    }
}

/// The width of the "Gedaan" column.
const DONE_WIDTH: u16 = 6;
/// The bottom line, from the screen's bindings.
fn hint(short: bool) -> String {
    let key = |msg: Msg| key_name(KeyMode::Actions, &msg);
    let action = |m: ActionsMsg| key(Msg::Screen(ScreenMsg::Actions(m)));
    texts::actions_hint(
        [
            &action(ActionsMsg::Open),
            &action(ActionsMsg::PrevColumn),
            &action(ActionsMsg::NextColumn),
            &action(ActionsMsg::ChangeCell),
            &action(ActionsMsg::Add),
            // Pressed twice: named as the footer and help name it.
            &key_label(
                KeyMode::Actions,
                &Msg::Screen(ScreenMsg::Actions(ActionsMsg::Delete)),
            ),
        ],
        short,
    )
}
