//! The group view: the respondents of one samenwerking compared — all radars overlaid
//! with the mean, per condition mean/min/max, and the gespreksonderwerpen. In
//! presentation mode the respondents are R1…Rn.

use super::texts;
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::Model;
use crate::group;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

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
    let block = Block::bordered()
        .title(Line::styled(
            format!(
                " {} — {} ",
                texts::GROUP_TITLE,
                texts::safe(&g.samenwerking)
            ),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            format!(" ● {} ", texts::GROUP_MEAN),
            theme.accent(),
        ));
    let per_line = usize::from(left.width.saturating_sub(2) / 26).max(1);
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
                let name: String = texts::safe(name).chars().take(24).collect();
                spans.push(Span::raw(format!("{name:<26}")));
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
    let mut lines = vec![Line::styled(
        format!("{:<16} {:>5} {:>5} {:>5}", "Conditie", "gem.", "min", "max"),
        theme.title(),
    )];
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
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(Line::styled(" Per conditie ", theme.title()))),
        right,
    );
}
