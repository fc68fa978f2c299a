//! The group view: the respondents of one samenwerking compared — all radars overlaid
//! with the mean, per condition mean/min/max, and the gespreksonderwerpen. In
//! presentation mode the respondents are R1…Rn.

use super::texts;
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::Model;
use crate::present::Group;
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
    let members: Vec<(&std::path::Path, &crate::session::Session)> = g
        .paths
        .iter()
        .map(|p| p.as_path())
        .chain(std::iter::repeat(std::path::Path::new("")))
        .zip(&g.sessions)
        .collect();
    // In presentation mode the respondents are R1…Rn, numbered independently of names.
    let group = Group::build(&model.content, &members, model.presenting);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);

    // The radar: each respondent thin with a number, the mean on top.
    let labels: Vec<String> = group.conditions.iter().map(|c| c.short.clone()).collect();
    let mut series: Vec<Series> = group
        .respondents
        .iter()
        .enumerate()
        .map(|(i, r)| Series {
            scores: r.scores.clone(),
            color: if theme.no_color {
                Color::Reset
            } else {
                COLORS[i % COLORS.len()]
            },
            marker: MARKERS.get(i).copied().unwrap_or("·"),
        })
        .collect();
    series.push(Series {
        scores: group.means(),
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
    // Each entry: marker, name, and the date of the session that stands for them.
    const ENTRY: u16 = 2 + 22 + 1 + 10 + 2;
    let per_line = usize::from(left.width.saturating_sub(2) / ENTRY).max(1);
    let legend_rows = group.respondents.len().div_ceil(per_line) as u16;
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
    let legend: Vec<Line> = group
        .respondents
        .chunks(per_line)
        .enumerate()
        .map(|(row, pair)| {
            let mut spans = Vec::new();
            for (k, r) in pair.iter().enumerate() {
                let i = row * per_line + k;
                spans.push(Span::styled(
                    format!("{} ", MARKERS.get(i).copied().unwrap_or("·")),
                    theme.key(),
                ));
                let name: String = texts::safe(&r.label).chars().take(22).collect();
                spans.push(Span::raw(format!("{name:<22} ")));
                spans.push(Span::styled(format!("{:<12}", r.date), theme.dim()));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(legend).block(Block::bordered().title(Line::styled(
            format!(" {} respondenten ", group.respondents.len()),
            theme.title(),
        ))),
        legend_area,
    );

    // The numbers, then what to talk about.
    let mut lines = vec![Line::styled(
        format!("{:<16} {:>5} {:>5} {:>5}", "Conditie", "gem.", "min", "max"),
        theme.title(),
    )];
    for c in &group.conditions {
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{:<16} ",
                c.name.chars().take(16).collect::<String>()
            )),
            Span::styled(
                format!(
                    "{:>5} {:>5} {:>5}",
                    crate::fmt_opt_score(c.mean),
                    crate::fmt_opt_score(c.min),
                    crate::fmt_opt_score(c.max)
                ),
                theme.key(),
            ),
            Span::styled(if c.weak { " !" } else { "" }, theme.flag()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(texts::GROUP_TOPICS, theme.title()));
    if !group.disagreements.is_empty() {
        lines.push(Line::styled(texts::GROUP_DISAGREE, theme.dim()));
        for item in &group.disagreements {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "• spreiding {} (gem. {}) ",
                        crate::present::fmt_opt_spread(item.spread),
                        crate::fmt_opt_score(item.mean)
                    ),
                    theme.accent(),
                ),
                Span::raw(item.text.clone()),
            ]));
        }
    }
    if !group.weak.is_empty() {
        lines.push(Line::styled(texts::GROUP_WEAK, theme.dim()));
        for w in &group.weak {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("• {} ({}): ", w.name, crate::fmt_score(w.score)),
                    theme.flag(),
                ),
                Span::raw(w.risk.clone()),
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
