//! The group view: the respondents of one samenwerking compared — all radars overlaid
//! with the mean, per condition mean/min/max, and the gespreksonderwerpen. In
//! presentation mode the respondents are R1…Rn.

use super::common::{ellipsize, text_panel, width};
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::Model;
use crate::app::screens::group::GroupPane;
use crate::present::Group;
use crate::session::Answer;
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

    let (title, lines) = match model.group_pane {
        GroupPane::Conditions => (
            texts::GROUP_PANE_CONDITIONS.to_string(),
            conditions_lines(
                &group,
                (!name_in_title).then_some(samenwerking.as_str()),
                theme,
            ),
        ),
        GroupPane::Indicator => indicator_lines(model, &group, theme),
        GroupPane::Dilemmas => (
            texts::GROUP_PANE_DILEMMAS.to_string(),
            dilemma_lines(&group, usize::from(right.width.saturating_sub(3)), theme),
        ),
    };
    text_panel(frame, right, &title, lines, model.group_scroll, theme);
}

/// The numbers per condition, then what to talk about (with the samenwerking's name on
/// top when the radar's title has no room for it).
fn conditions_lines<'a>(group: &Group, name: Option<&str>, theme: Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if let Some(name) = name {
        lines.push(Line::styled(name.to_string(), theme.accent()));
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
    lines
}

/// The label of respondent `i` with its marker, as in the legend.
fn who(group: &Group, i: usize, name_width: usize) -> String {
    let marker = MARKERS.get(i).copied().unwrap_or("·");
    let name = group
        .respondents
        .get(i)
        .map(|r| ellipsize(&texts::safe(&r.label), name_width))
        .unwrap_or_default();
    let pad = name_width.saturating_sub(width(&name));
    format!("{marker} {name}{} ", " ".repeat(pad))
}

fn name_width(group: &Group) -> usize {
    group
        .respondents
        .iter()
        .map(|r| width(&texts::safe(&r.label)))
        .max()
        .unwrap_or(0)
        .clamp(1, 16)
}

/// The drill-down: every respondent's answer to the chosen indicator, "weet ik niet"
/// named and counted.
fn indicator_lines<'a>(model: &Model, group: &Group, theme: Theme) -> (String, Vec<Line<'a>>) {
    let total = group.items.len();
    let index = model.group_item.min(total.saturating_sub(1));
    let title = format!("{} {}/{}", texts::GROUP_PANE_INDICATOR, index + 1, total);
    let Some(item) = group.items.get(index) else {
        return (title, Vec::new());
    };
    let mut lines = vec![
        Line::styled(item.condition.clone(), theme.accent()),
        Line::styled(item.text.clone(), theme.title()),
        Line::raw(""),
        Line::styled(texts::GROUP_ANSWERS, theme.title()),
    ];
    let w = name_width(group);
    for (i, (_, answer)) in group.answers_to(&item.id).into_iter().enumerate() {
        let text = match answer {
            Some(Answer::Score(v)) => v.to_string(),
            Some(Answer::DontKnow) => texts::DONT_KNOW_ANSWER.to_string(),
            None => "–".to_string(),
        };
        lines.push(Line::from(vec![
            Span::raw(who(group, i, w)),
            Span::styled(
                text,
                if matches!(answer, Some(Answer::Score(_))) {
                    theme.key()
                } else {
                    theme.dim()
                },
            ),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "gem. {} · spreiding {}",
            crate::fmt_opt_score(item.mean),
            crate::present::fmt_opt_spread(item.spread),
        ),
        theme.dim(),
    ));
    lines.push(Line::styled(
        format!(
            "{}: {} van {}",
            texts::DONT_KNOW_ANSWER,
            item.dont_know,
            group.count
        ),
        theme.dim(),
    ));
    (title, lines)
}

/// The partners' positions on each dilemma side by side: per respondent a scale from
/// the left pole (−3) to the right pole (+3) with their mark, and the number.
fn dilemma_lines<'a>(group: &Group, inner: usize, theme: Theme) -> Vec<Line<'a>> {
    if group.dilemmas.is_empty() {
        return vec![Line::styled(texts::GROUP_NO_DILEMMAS, theme.dim())];
    }
    let w = name_width(group).min(inner.saturating_sub(2 + 1 + 7 + 3));
    let mut lines = Vec::new();
    for d in &group.dilemmas {
        lines.push(Line::styled(d.title.clone(), theme.accent()));
        lines.push(Line::styled(
            format!("-3 {} ↔ {} +3", d.left, d.right),
            theme.dim(),
        ));
        for (i, p) in d.positions.iter().enumerate() {
            let scale: String = (-3..=3)
                .map(|k| if Some(k) == *p { '●' } else { '·' })
                .collect();
            lines.push(Line::from(vec![
                Span::raw(who(group, i, w.max(1))),
                Span::styled(scale, theme.key()),
                Span::raw(format!(" {}", crate::present::fmt_position(*p))),
            ]));
        }
        lines.push(Line::styled(
            format!(
                "gem. {}",
                d.mean
                    .map(|m| crate::present::fmt_delta(m).replace('±', ""))
                    .unwrap_or_else(|| "–".to_string())
            ),
            theme.dim(),
        ));
        lines.push(Line::raw(""));
    }
    lines
}
