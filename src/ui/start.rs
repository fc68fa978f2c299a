//! The start screen: the sessions in the folder, newest first, with their five scores.

use super::common::{ellipsize, scrollbar, width, wrap};
use super::theme::Theme;
use crate::app::Model;
use crate::app::Msg;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::start::{StartMsg, msg as start_msg};
use crate::scan;
use crate::store::ListEntry;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
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
    if model.presenting {
        // A shared screen shows no other bestuurder: a neutral screen instead of the list.
        frame.render_widget(
            Paragraph::new(Line::styled(
                texts::start_presenting(
                    &key_name(KeyMode::Start, &Msg::TogglePresenting),
                    &key_name(KeyMode::Start, &start_msg(StartMsg::NewSession)),
                ),
                theme.dim(),
            ))
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
            texts::START_LOADING.to_string()
        } else {
            texts::start_empty(&key_name(KeyMode::Start, &start_msg(StartMsg::NewSession)))
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
    // The name columns get the room the fixed columns leave, shared by what they need:
    // a name or samenwerking that does not fit wraps at words over more lines. The
    // conditions are headed by their short names when the names still fit beside them,
    // else by their first four letters.
    let narrow = area.width < 100;
    let date_width: u16 = if narrow { 8 } else { 10 };
    let gaps = 4 + conditions.len() as u16;
    let avail_with = |cond: u16| {
        usize::from(
            area.width
                .saturating_sub(date_width + 5 + 6 + cond + gaps + 2 + 2),
        )
    };
    let long_names: u16 = conditions
        .iter()
        .map(|c| width(&c.short).max(4) as u16)
        .sum();
    let full_names = avail_with(long_names) >= names_needed(model);
    let cond_width = |c: &crate::content::Condition| {
        if full_names {
            width(&c.short).max(4) as u16
        } else {
            4
        }
    };
    header.extend(conditions.iter().map(|c| {
        Cell::from(if full_names {
            c.short.clone()
        } else {
            c.short.chars().take(4).collect::<String>()
        })
    }));
    let avail = avail_with(conditions.iter().map(cond_width).sum());
    let (name_w, sam_w) = name_widths(model, avail);
    let height_of = |index: usize| match model.list.get(index) {
        Some(ListEntry::Session { header, .. }) => cell_lines(&header.bestuurder, name_w)
            .len()
            .max(cell_lines(&header.samenwerking, sam_w).len()),
        Some(entry) => unreadable_lines(entry, sam_w).len(),
        None => 1,
    };
    // Only the rows in view are built: a folder of years of sessions stays instant.
    let room = usize::from(area.height.saturating_sub(3)).max(1);
    let mut offset = model.selected;
    let mut used = height_of(offset);
    while offset > 0 && used + height_of(offset - 1) <= room {
        offset -= 1;
        used += height_of(offset);
    }
    let mut visible = 0;
    let mut filled = 0;
    while offset + visible < model.list.len() && filled < room {
        filled += height_of(offset + visible);
        visible += 1;
    }
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
                let date = if narrow {
                    crate::present::compact_date(header.created)
                } else {
                    crate::present::short_date(header.created)
                };
                let name = if first_of_group {
                    cell_lines(&header.bestuurder, name_w).join("\n")
                } else {
                    String::new()
                };
                let samenwerking = cell_lines(&header.samenwerking, sam_w);
                let height = samenwerking.len().max(name.lines().count()).max(1);
                let mut cells = vec![
                    Cell::from(name),
                    Cell::from(samenwerking.join("\n")),
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
                Row::new(cells).height(u16::try_from(height).unwrap_or(1))
            }
            ListEntry::Unreadable { .. } => {
                let lines = unreadable_lines(entry, sam_w);
                let height = lines.len();
                Row::new(vec![
                    Cell::from(Span::styled(unreadable_label(), theme.error())),
                    Cell::from(Text::from(
                        lines
                            .into_iter()
                            .map(|l| Line::styled(l, theme.error()))
                            .collect::<Vec<_>>(),
                    )),
                ])
                .height(u16::try_from(height).unwrap_or(1))
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(u16::try_from(name_w).unwrap_or(0)),
        Constraint::Length(u16::try_from(sam_w).unwrap_or(0)),
        Constraint::Length(date_width),
        Constraint::Length(5),
        Constraint::Length(6),
    ];
    widths.extend(conditions.iter().map(|c| Constraint::Length(cond_width(c))));
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.title()))
        .row_highlight_style(theme.selected())
        .highlight_symbol("▸ ")
        .block(block);
    let mut state = TableState::default().with_selected(Some(model.selected - offset));
    frame.render_stateful_widget(table, area, &mut state);
    if offset > 0 || offset + visible < model.list.len() {
        scrollbar(frame, area, model.list.len(), model.selected);
    }
}

fn unreadable_label() -> String {
    format!("⚠ {}", texts::UNREADABLE)
}

/// The file name and the reason of an unreadable entry, wrapped (at most four lines).
fn unreadable_lines(entry: &ListEntry, width: usize) -> Vec<String> {
    let ListEntry::Unreadable { path, reason } = entry else {
        return Vec::new();
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    capped(
        &format!("{} — {}", texts::safe(&name), texts::safe(reason)),
        width,
        4,
    )
}

/// Rows a name or samenwerking may take in the list.
const CELL_LINES: usize = 3;

/// `text` (shown safely) wrapped at words into at most [`CELL_LINES`] lines of `width`.
fn cell_lines(text: &str, width: usize) -> Vec<String> {
    capped(&texts::safe(text), width, CELL_LINES)
}

/// `text` wrapped at words into at most `max` lines of `width`, the last ending in "…"
/// when more was cut; only the start of a very long text is wrapped (a pasted name of
/// 200 KB must not fill the list or cost a frame).
fn capped(text: &str, width: usize, max: usize) -> Vec<String> {
    let head: String = text.chars().take(width.max(1) * (max + 1)).collect();
    let mut lines = wrap(&head, width);
    if lines.len() > max || head.len() < text.len() {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(&format!("{last} …"), width);
        }
    }
    lines
}

/// The room the names and samenwerkingen need to fit on one line each.
fn names_needed(model: &Model) -> usize {
    let w = model.list_widths;
    w.name_max.max(width(texts::COL_BESTUURDER))
        + w.samenwerking_max.max(width(texts::COL_SAMENWERKING))
}

/// Widths of the name and samenwerking columns in `avail` cells: each what it needs when
/// both fit; otherwise the name keeps its longest word and the samenwerking at least its
/// longest word (or a third), and the rest goes to the name.
fn name_widths(model: &Model, avail: usize) -> (usize, usize) {
    let w = model.list_widths;
    let mut name_max = w.name_max.max(width(texts::COL_BESTUURDER));
    let sam_max = w.samenwerking_max.max(width(texts::COL_SAMENWERKING));
    let mut name_word = w.name_word;
    let sam_word = w.samenwerking_word;
    if w.any_unreadable {
        name_max = name_max.max(width(&unreadable_label()));
        name_word = name_word.max(width(&unreadable_label()));
    }
    if name_max + sam_max <= avail {
        return (name_max, avail - name_max);
    }
    let name = name_max
        .min(avail.saturating_sub(sam_word.max(avail / 3)))
        .max(name_word.min(avail / 2))
        .min(avail.saturating_sub(1));
    (name, avail - name)
}

/// The change of the mean score since the previous session of the same bestuurder about
/// the same samenwerking: "↑ +0,4", "↓ -0,3", "= ±0,0" ([`crate::present::fmt_delta`]);
/// empty when there is nothing to compare. Computed once per listing
/// (`Model::list_trend`).
fn trend(model: &Model, index: usize) -> String {
    match model.list_trend.get(index).copied().flatten() {
        Some(delta) => {
            let arrow = if delta > 0.0 {
                "↑"
            } else if delta < 0.0 {
                "↓"
            } else {
                "="
            };
            format!("{arrow} {}", crate::present::fmt_delta(delta))
        }
        None => String::new(),
    }
}
