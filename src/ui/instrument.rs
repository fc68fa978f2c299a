//! An instrument: what to do, its considerations and (where it has one) a picture — a
//! 2×2 plot or a radar — on the left; the options, table rows or sliders on the right.

use super::common::{
    bullets, list_width, preview_line, section, select_list, text_panel, two_panes, width as cells,
    wrapped,
};
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use super::widgets::slider;
use crate::app::Model;
use crate::app::nav::{self, Row};
use crate::content::{Column, ColumnKind, Instrument, InstrumentKind};
use crate::session::{CellValue, InstrumentAnswer};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as CLine};
use ratatui::widgets::{Block, ListItem};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, i: usize, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let Some(inst) = content.instruments.get(i) else {
        return;
    };
    let empty = InstrumentAnswer::default();
    let answer = open.session.instruments.get(&inst.id).unwrap_or(&empty);
    let [text_area, list_area] = two_panes(area);
    let picture = picture_kind(inst);
    let (text_area, pic_area) = if picture && text_area.height >= 16 {
        let [a, b] = Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(text_area);
        (a, Some(b))
    } else {
        (text_area, None)
    };
    let mut lines = vec![Line::styled(format!("Bron: {}", inst.source), theme.dim())];
    section(&mut lines, "", &inst.intro, theme);
    explanations(&mut lines, inst, theme);
    if !inst.considerations.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(texts::CONSIDERATIONS, theme.title()));
        bullets(&mut lines, &inst.considerations);
    }
    text_panel(frame, text_area, &inst.name, lines, open.scroll, theme);
    if let Some(pic) = pic_area {
        draw_picture(frame, pic, inst, answer, model, theme);
    }

    let rows = nav::rows(content, &open.session, model.screen);
    let width = list_width(list_area).saturating_sub(1);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| item(row, inst, answer, open.col, width, model.presenting, theme))
        .collect();
    let title = match &inst.kind {
        InstrumentKind::Choice { multi: true, .. } => "Kies wat past (meer mogelijk)".to_string(),
        InstrumentKind::Choice { .. } => "Kies wat past".to_string(),
        // The focused column's scale anchors, beside the scores.
        InstrumentKind::Table { columns, .. } => {
            match columns.get(open.col.min(columns.len().saturating_sub(1))) {
                Some(Column {
                    kind: ColumnKind::Scale { low, high },
                    ..
                }) => texts::scale_title(low, high),
                _ => "Invullen".to_string(),
            }
        }
        InstrumentKind::Sliders { .. } => "Waar staan wij?".to_string(),
    };
    select_list(frame, list_area, &title, items, open.cursor, theme);
}

/// What the choices and the rows mean, before the considerations: the levels of a choice
/// column (e.g. the six intensities) and the fixed rows' explanations (e.g. the ten
/// kenmerken), so that they are defined where they are chosen.
fn explanations(lines: &mut Vec<Line<'static>>, inst: &Instrument, theme: Theme) {
    let InstrumentKind::Table {
        row_label,
        rows,
        columns,
        ..
    } = &inst.kind
    else {
        return;
    };
    for c in columns {
        if let ColumnKind::Choice { options } = &c.kind
            && options.iter().any(|o| !o.text.is_empty())
        {
            lines.push(Line::raw(""));
            lines.push(Line::styled(texts::levels_heading(&c.label), theme.title()));
            let items: Vec<String> = options
                .iter()
                .map(|o| format!("{}: {}", o.label, o.text))
                .collect();
            bullets(lines, &items);
        }
    }
    if rows.iter().any(|r| !r.text.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(texts::rows_heading(row_label), theme.title()));
        let items: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}. {}: {}", i + 1, r.label, r.text))
            .collect();
        bullets(lines, &items);
    }
}

fn picture_kind(inst: &Instrument) -> bool {
    matches!(
        &inst.kind,
        InstrumentKind::Table { plot: Some(_), .. } | InstrumentKind::Table { radar: true, .. }
    )
}

fn row_label(inst: &Instrument, row: &Row, answer: &InstrumentAnswer) -> (String, String) {
    match (&inst.kind, row) {
        (InstrumentKind::Table { rows, .. }, Row::FixedRow(r)) => rows
            .get(*r)
            .map(|r| (r.id.clone(), r.label.clone()))
            .unwrap_or_default(),
        (_, Row::UserRow(id)) => {
            let label = answer
                .row(id)
                .map(|r| texts::safe(&r.label))
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| "(naamloos)".to_string());
            (id.clone(), label)
        }
        _ => Default::default(),
    }
}

fn cells_of(spans: &[Span]) -> usize {
    spans.iter().map(|s| cells(&s.content)).sum()
}

fn cell_text(kind: &ColumnKind, value: Option<&CellValue>) -> String {
    match (kind, value) {
        (ColumnKind::Scale { .. }, Some(CellValue::Score(v))) => v.to_string(),
        (ColumnKind::Choice { options }, Some(CellValue::Choice(id))) => options
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| id.clone()),
        _ => "·".to_string(),
    }
}

fn item<'a>(
    row: &Row,
    inst: &Instrument,
    answer: &InstrumentAnswer,
    col: usize,
    width: usize,
    presenting: bool,
    theme: Theme,
) -> ListItem<'a> {
    match (&inst.kind, row) {
        (InstrumentKind::Choice { options, multi }, Row::Option(o)) => {
            let option = &options[*o];
            let chosen = answer.choices.contains(&option.id);
            let mark = match (multi, chosen) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{mark} {}. ", o + 1), theme.key()),
                Span::styled(option.label.clone(), theme.title()),
            ])];
            lines.extend(wrapped(&option.text, "      ", width, theme.dim()));
            ListItem::new(lines)
        }
        (InstrumentKind::Sliders { pairs }, Row::Pair(p)) => {
            let pair = &pairs[*p];
            let pos = answer.sliders.get(&pair.id).copied();
            let poles = slider::poles(&pair.left, &pair.right, width);
            ListItem::new(vec![
                Line::styled(poles, theme.title()),
                slider::bar(pos, width, theme.accent(), theme.dim()),
            ])
        }
        (InstrumentKind::Table { columns, gap, .. }, Row::FixedRow(_) | Row::UserRow(_)) => {
            let (id, label) = row_label(inst, row, answer);
            let values = answer.row(&id).map(|r| &r.values);
            let mut spans = vec![Span::styled(format!("{label}  "), theme.title())];
            let mut second = vec![Span::raw("  ")];
            for (ci, c) in columns.iter().enumerate() {
                let text = cell_text(&c.kind, values.and_then(|v| v.get(&c.id)));
                let style = if ci == col.min(columns.len() - 1) && columns.len() > 1 {
                    theme.accent()
                } else {
                    theme.key()
                };
                second.push(Span::styled(format!("{}: ", c.label), theme.dim()));
                second.push(Span::styled(format!("[{text}]"), style));
                second.push(Span::raw("  "));
            }
            let one_line: usize = spans
                .iter()
                .chain(second.iter().skip(1))
                .map(|s| cells(&s.content))
                .sum();
            // What is needed against what I bring, where the instrument asks both.
            let gap_line = gap.as_ref().and_then(|(have, need)| {
                let delta = crate::present::row_gap(answer.row(&id)?, have, need)?;
                let style = if delta > 0 {
                    theme.accent()
                } else {
                    theme.dim()
                };
                Some(wrapped(&texts::gap(delta), "  ", width, style))
            });
            if columns.len() == 1 && one_line <= width {
                spans.extend(second.into_iter().skip(1));
                ListItem::new(Line::from(spans))
            } else {
                let mut lines = wrapped(&label, "", width, theme.title());
                // The last span is the gap after the last column.
                if cells_of(&second[..second.len().saturating_sub(1)]) <= width {
                    lines.push(Line::from(second));
                } else {
                    // One column a line when they do not fit side by side.
                    for pair in second[1..].chunks(3) {
                        let mut line = vec![Span::raw("  ")];
                        line.extend(pair.iter().take(2).cloned());
                        lines.push(Line::from(line));
                    }
                }
                lines.extend(gap_line.unwrap_or_default());
                ListItem::new(lines)
            }
        }
        (_, Row::AddRow) => ListItem::new(Line::styled(texts::ADD_ROW, theme.accent())),
        (_, Row::InstrumentNote) => ListItem::new(vec![
            Line::styled(texts::INSTRUMENT_NOTE, theme.title()),
            Line::styled(
                if presenting {
                    format!("  {}", texts::NOTE_HIDDEN)
                } else {
                    format!(
                        "  {}",
                        preview_line(Some(&answer.note), width.saturating_sub(2))
                    )
                },
                theme.dim(),
            ),
        ]),
        _ => ListItem::new(""),
    }
}

fn draw_picture(
    frame: &mut Frame,
    area: Rect,
    inst: &Instrument,
    answer: &InstrumentAnswer,
    model: &Model,
    theme: Theme,
) {
    let InstrumentKind::Table {
        rows,
        columns,
        plot,
        radar,
        gap,
        ..
    } = &inst.kind
    else {
        return;
    };
    let title = match gap {
        Some(_) if *radar => texts::GAP_PICTURE,
        _ => " Beeld ",
    };
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let color = if model.no_color {
        Color::Reset
    } else {
        Color::Magenta
    };
    let ring = if model.no_color {
        Color::Reset
    } else {
        Color::DarkGray
    };
    if *radar {
        let Some(col) = columns
            .iter()
            .find(|c| matches!(c.kind, ColumnKind::Scale { .. }))
        else {
            return;
        };
        let labels: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if rows.len() > 6 {
                    format!("{}", i + 1)
                } else {
                    r.label.chars().take(14).collect()
                }
            })
            .collect();
        let scores: Vec<Option<f64>> = rows
            .iter()
            .map(
                |r| match answer.row(&r.id).and_then(|a| a.values.get(&col.id)) {
                    Some(CellValue::Score(v)) => Some(f64::from(*v)),
                    _ => None,
                },
            )
            .collect();
        let score_of = |column: &str| -> Vec<Option<f64>> {
            rows.iter()
                .map(
                    |r| match answer.row(&r.id).and_then(|a| a.values.get(column)) {
                        Some(CellValue::Score(v)) => Some(f64::from(*v)),
                        _ => None,
                    },
                )
                .collect()
        };
        let mut series = vec![Series {
            scores,
            color,
            marker: "●",
        }];
        // What the network needs beside what I bring: the gap as a picture.
        if let Some((_, need)) = gap {
            series.push(Series {
                scores: score_of(need),
                color: ring,
                marker: "○",
            });
        }
        frame.render_widget(
            Radar {
                labels: &labels,
                series: &series,
                ring_color: ring,
                label_style: theme.title(),
            },
            inner,
        );
    } else if let Some((x_col, y_col)) = plot {
        // A 2×2 plot: x and y from 1 to 5, quadrants split at 3; each row a number.
        let mut points: Vec<(f64, f64, String)> = Vec::new();
        let mut n = 0;
        for r in &answer.rows {
            n += 1;
            let x = r.values.get(x_col);
            let y = r.values.get(y_col);
            if let (Some(CellValue::Score(x)), Some(CellValue::Score(y))) = (x, y) {
                points.push((f64::from(*x), f64::from(*y), n.to_string()));
            }
        }
        let x_label = columns
            .iter()
            .find(|c| &c.id == x_col)
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let y_label = columns
            .iter()
            .find(|c| &c.id == y_col)
            .map(|c| c.label.clone())
            .unwrap_or_default();
        let canvas = Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, 6.0])
            .y_bounds([0.0, 6.0])
            .paint(move |ctx| {
                for (x1, y1, x2, y2) in [
                    (0.5, 0.5, 5.5, 0.5),
                    (0.5, 0.5, 0.5, 5.5),
                    (3.0, 0.5, 3.0, 5.5),
                    (0.5, 3.0, 5.5, 3.0),
                ] {
                    ctx.draw(&CLine {
                        x1,
                        y1,
                        x2,
                        y2,
                        color: ring,
                    });
                }
                ctx.print(0.6, 5.8, Span::raw(format!("↑ {y_label}")));
                ctx.print(3.0, 0.1, Span::raw(format!("{x_label} →")));
                for (x, y, label) in &points {
                    ctx.print(
                        *x,
                        *y,
                        Span::styled(label.clone(), ratatui::style::Style::default().fg(color)),
                    );
                }
            });
        frame.render_widget(canvas, inner);
    }
}
