//! The group view: the respondents of one samenwerking compared — all radars overlaid
//! with the mean, per condition mean/min/max, and the gespreksonderwerpen. In
//! presentation mode the respondents are R1…Rn.

use super::common::{ellipsize, text_panel, width};
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::Model;
use crate::present::Group;
use crate::text as texts;
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
    // Each entry: marker, name, and the date of the session that stands for them. As
    // many entries on a line as fit whole; one a line (with an ellipsis only if a name is
    // wider than the whole panel).
    let inner_width = usize::from(left.width.saturating_sub(2));
    let date_width = group
        .respondents
        .iter()
        .map(|r| width(&r.date))
        .max()
        .unwrap_or(0);
    let name_width = group
        .respondents
        .iter()
        .map(|r| width(&texts::safe(&r.label)))
        .max()
        .unwrap_or(0)
        .min(inner_width.saturating_sub(2 + 1 + date_width));
    let col_width = 2 + name_width + 1 + date_width + 2;
    let per_line = (inner_width / col_width).max(1);
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
                let name = ellipsize(&texts::safe(&r.label), name_width.max(1));
                let pad = name_width.saturating_sub(width(&name));
                spans.push(Span::raw(format!("{name}{} ", " ".repeat(pad))));
                spans.push(Span::styled(format!("{}  ", r.date), theme.dim()));
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
    let mut lines = Vec::new();
    if !name_in_title {
        lines.push(Line::styled(samenwerking.clone(), theme.accent()));
    }
    lines.push(Line::styled(
        format!("{:<16} {:>5} {:>5} {:>5}", "Conditie", "gem.", "min", "max"),
        theme.title(),
    ));
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
    text_panel(
        frame,
        right,
        "Per conditie",
        lines,
        model.group_scroll,
        theme,
    );
}
