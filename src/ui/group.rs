//! The group view: the respondents of one samenwerking compared — all radars overlaid
//! with the mean, per condition mean/min/max, and the gespreksonderwerpen. In
//! presentation mode the respondents are R1…Rn.

use super::common::{ellipsize, text_panel, width};
use super::texts;
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::Model;
use crate::group;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Markers for respondents, readable without colour.
const MARKERS: [&str; 12] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C"];
const COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Green,
    Color::Blue,
    Color::Yellow,
    Color::Red,
    Color::LightMagenta,
];

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(g) = &model.group else {
        return;
    };
    let scan = &model.content.scan;
    let stats = group::stats(scan, &g.sessions);
    let topics = group::topics(scan, &stats);
    let names = group::display_names(&g.sessions, model.presenting);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);

    // The radar: each respondent thin with a number, the mean on top.
    let labels: Vec<String> = scan.conditions.iter().map(|c| c.short.clone()).collect();
    let mut series: Vec<Series> = g
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| Series {
            scores: crate::scan::score(scan, &s.answers).scores(),
            color: if theme.no_color {
                Color::Reset
            } else {
                COLORS[i % COLORS.len()]
            },
            marker: MARKERS.get(i).copied().unwrap_or("·"),
        })
        .collect();
    series.push(Series {
        scores: stats.means(),
        color: if theme.no_color {
            Color::Reset
        } else {
            Color::Magenta
        },
        marker: "●",
    });
    // The samenwerking's name in the radar's title when it fits whole, else on top of
    // the numbers beside it.
    let samenwerking = texts::safe(&g.samenwerking);
    let full_title = format!("{} — {samenwerking}", texts::GROUP_TITLE);
    let name_in_title = width(&full_title) + 4 <= usize::from(left.width);
    let block = Block::bordered()
        .title(Line::styled(
            format!(
                " {} ",
                if name_in_title {
                    full_title.as_str()
                } else {
                    texts::GROUP_TITLE
                }
            ),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            format!(" ● {} ", texts::GROUP_MEAN),
            theme.accent(),
        ));
    // As many names on a line as fit whole; one a line (with an ellipsis only if a name
    // is wider than the whole panel).
    let inner_width = usize::from(left.width.saturating_sub(2));
    let col_width = names
        .iter()
        .map(|n| width(&texts::safe(n)))
        .max()
        .unwrap_or(0)
        + 4;
    let per_line = (inner_width / col_width).max(1);
    let legend_rows = names.len().div_ceil(per_line) as u16;
    let [radar_area, legend_area] =
        Layout::vertical([Constraint::Min(8), Constraint::Length(legend_rows + 2)]).areas(left);
    let inner = block.inner(radar_area);
    frame.render_widget(block, radar_area);
    frame.render_widget(
        Radar {
            labels: &labels,
            series: &series,
            ring_color: if theme.no_color {
                Color::Reset
            } else {
                Color::DarkGray
            },
            label_style: theme.title(),
        },
        inner,
    );
    let legend: Vec<Line> = names
        .chunks(per_line)
        .enumerate()
        .map(|(row, pair)| {
            let mut spans = Vec::new();
            for (k, name) in pair.iter().enumerate() {
                let i = row * per_line + k;
                spans.push(Span::styled(
                    format!("{} ", MARKERS.get(i).copied().unwrap_or("·")),
                    theme.key(),
                ));
                let name = ellipsize(&texts::safe(name), inner_width.saturating_sub(2));
                let pad = col_width.saturating_sub(2 + width(&name));
                spans.push(Span::raw(format!("{name}{}", " ".repeat(pad))));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(legend).block(Block::bordered().title(Line::styled(
            format!(" {} respondenten ", stats.respondents),
            theme.title(),
        ))),
        legend_area,
    );

    // The numbers, then what to talk about.
    let mut lines = Vec::new();
    if !name_in_title {
        lines.push(Line::styled(samenwerking.clone(), theme.accent()));
    }
    lines.push(Line::styled(
        format!("{:<16} {:>5} {:>5} {:>5}", "Conditie", "gem.", "min", "max"),
        theme.title(),
    ));
    for (c, cs) in scan.conditions.iter().zip(&stats.conditions) {
        let flag = cs.mean.is_some_and(|m| m < crate::scan::FLAG_THRESHOLD);
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{:<16} ",
                c.name.chars().take(16).collect::<String>()
            )),
            Span::styled(
                format!(
                    "{:>5} {:>5} {:>5}",
                    crate::fmt_opt_score(cs.mean),
                    crate::fmt_opt_score(cs.min),
                    crate::fmt_opt_score(cs.max)
                ),
                theme.key(),
            ),
            Span::styled(if flag { " !" } else { "" }, theme.flag()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(texts::GROUP_TOPICS, theme.title()));
    if !topics.disagreements.is_empty() {
        lines.push(Line::styled(texts::GROUP_DISAGREE, theme.dim()));
        for item in &topics.disagreements {
            let text = scan
                .items()
                .find(|(_, it)| it.id == item.id)
                .map(|(_, it)| it.text.clone())
                .unwrap_or_else(|| item.id.clone());
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "• spreiding {} (gem. {}) ",
                        item.spread.unwrap_or(0),
                        crate::fmt_opt_score(item.mean)
                    ),
                    theme.accent(),
                ),
                Span::raw(text),
            ]));
        }
    }
    if !topics.weak.is_empty() {
        lines.push(Line::styled(texts::GROUP_WEAK, theme.dim()));
        for w in &topics.weak {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("• {} ({}): ", w.condition.name, crate::fmt_score(w.mean)),
                    theme.flag(),
                ),
                Span::raw(w.condition.neglect_risk.clone()),
            ]));
        }
    }
    text_panel(
        frame,
        right,
        "Per conditie",
        lines,
        model.group_scroll,
        theme,
    );
}
