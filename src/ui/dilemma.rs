//! A dilemma: where I stand between the poles (a seven-point slider), what pulls me to
//! each side, a strategy for the paradox (Smith 2014), my next step, a free note; the
//! "leren balanceren" guidance beside it.

use super::common::{
    bullets, list_width, preview_line, section, select_list, shorten, text_panel, two_panes,
    wrapped,
};
use super::theme::Theme;
use super::widgets::slider;
use crate::app::TextTarget;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::nav::{self, Row};
use crate::app::screens::dilemma::{self, DilemmaMsg};
use crate::app::{DilemmaField, Model, text};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, t: usize, d: usize, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let hr = &content.handreiking;
    let Some(tension) = hr.tensions.get(t) else {
        return;
    };
    let Some(dilemma) = tension.dilemmas.get(d) else {
        return;
    };
    let [text_area, list_area] = two_panes(area);
    let mut lines = vec![Line::styled(
        format!("Spanning: {}", tension.name),
        theme.dim(),
    )];
    section(&mut lines, &dilemma.title, &dilemma.text, theme);
    section(
        &mut lines,
        &format!("{} ({})", hr.balancing.title, hr.balancing.source),
        &hr.balancing.intro,
        theme,
    );
    bullets(&mut lines, &hr.balancing.steps);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} — {}", texts::STRATEGY, hr.paradox_source),
        theme.title(),
    ));
    for (i, s) in hr.paradox_strategies.iter().enumerate() {
        lines.push(Line::raw(format!("{}. {} — {}", i + 1, s.label, s.text)));
    }
    text_panel(frame, text_area, &dilemma.title, lines, open.scroll, theme);

    let reflection = open.session.dilemmas.get(&dilemma.id);
    // Last time's answers on this dilemma, when asked for (read-only, beside the new).
    let before = open
        .previous
        .as_ref()
        .and_then(|p| p.dilemmas.get(&dilemma.id));
    let shown_before = before.filter(|_| open.show_previous_texts);
    let inner_width = list_width(list_area).saturating_sub(1);
    let rows = nav::rows(content, &open.session, model.screen);
    let selected = rows.get(open.cursor);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| match row {
            Row::Slider => {
                let pos = reflection.and_then(|r| r.position);
                let status = match pos {
                    Some(p) => texts::position_of(p),
                    None => texts::not_placed(
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::TowardLeft)),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::TowardRight)),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::Pick(1))),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::Pick(7))),
                    ),
                };
                let poles = slider::poles(&dilemma.left, &dilemma.right, inner_width);
                let mut lines = vec![
                    Line::from(vec![
                        Span::styled(texts::POSITION, theme.title()),
                        Span::styled(format!("  {status}"), theme.dim()),
                    ]),
                    Line::raw(poles),
                    slider::bar(pos, inner_width, theme.accent(), theme.dim()),
                ];
                if let Some(b) = shown_before {
                    let was = b
                        .position
                        .map_or_else(|| texts::NOT_REVIEWED_DASH.to_string(), texts::position_of);
                    lines.push(Line::styled(
                        format!("  {}", texts::last_time(&was)),
                        theme.dim(),
                    ));
                }
                ListItem::new(lines)
            }
            Row::Strategy => {
                let chosen = reflection.map(|r| r.strategies.as_slice()).unwrap_or(&[]);
                let on_row = selected == Some(&Row::Strategy);
                let n = u8::try_from(hr.paradox_strategies.len()).unwrap_or(1);
                let key = |m: DilemmaMsg| key_name(KeyMode::Dilemma, &dilemma::msg(m));
                let mut lines = vec![Line::styled(
                    texts::strategies_title(&hr.paradox_source),
                    theme.title(),
                )];
                for (i, s) in hr.paradox_strategies.iter().enumerate() {
                    let mark = if chosen.contains(&s.id) { "[x]" } else { "[ ]" };
                    let line = if s.short.is_empty() {
                        format!("{mark} {} {}", i + 1, s.label)
                    } else {
                        format!("{mark} {} {}: {}", i + 1, s.label, s.short)
                    };
                    let style = if on_row && open.strategy_focus == i {
                        theme.accent()
                    } else if chosen.contains(&s.id) {
                        theme.key()
                    } else {
                        Style::default()
                    };
                    lines.extend(
                        wrapped(&line, "      ", inner_width, style)
                            .into_iter()
                            .enumerate()
                            .map(|(j, l)| {
                                if j == 0 {
                                    Line::styled(
                                        l.spans
                                            .iter()
                                            .map(|s| s.content.as_ref())
                                            .collect::<String>()
                                            .trim_start()
                                            .to_string(),
                                        style,
                                    )
                                } else {
                                    l
                                }
                            }),
                    );
                }
                if on_row {
                    lines.push(Line::styled(
                        format!(
                            "  {}",
                            texts::strategies_keys(
                                &key(DilemmaMsg::TowardLeft),
                                &key(DilemmaMsg::TowardRight),
                                &key(DilemmaMsg::ToggleStrategy),
                                &key(DilemmaMsg::Pick(1)),
                                &key(DilemmaMsg::Pick(n.max(1))),
                            )
                        ),
                        theme.dim(),
                    ));
                }
                if let Some(b) = shown_before {
                    let was: Vec<String> = b
                        .strategies
                        .iter()
                        .map(|id| {
                            hr.paradox_strategies
                                .iter()
                                .find(|s| &s.id == id)
                                .map_or_else(|| texts::safe(id), |s| s.label.clone())
                        })
                        .collect();
                    let was = if was.is_empty() {
                        texts::NOT_REVIEWED_DASH.to_string()
                    } else {
                        was.join(" + ")
                    };
                    lines.extend(wrapped(
                        &texts::last_time(&was),
                        "  ",
                        inner_width,
                        theme.dim(),
                    ));
                }
                ListItem::new(lines)
            }
            Row::DilemmaText(field) => {
                let target = TextTarget::Dilemma(dilemma.id.clone(), *field);
                let title = text::title(content, &target);
                let hidden = model.presenting && target.is_note();
                let value = if hidden {
                    texts::NOTE_HIDDEN.to_string()
                } else {
                    text::get(&open.session, &target)
                };
                let style = if value.trim().is_empty() {
                    theme.dim()
                } else {
                    theme.key()
                };
                let mut lines = vec![
                    Line::styled(title, theme.title()),
                    Line::styled(
                        format!("  {}", preview_line(Some(&value), inner_width)),
                        style,
                    ),
                ];
                if let Some(b) = shown_before.filter(|_| !hidden) {
                    let was = match field {
                        DilemmaField::PullLeft => &b.pull_left,
                        DilemmaField::PullRight => &b.pull_right,
                        DilemmaField::NextStep => &b.next_step,
                        DilemmaField::Note => &b.note,
                    };
                    if !was.trim().is_empty() {
                        let was = texts::last_time(&texts::safe(was.trim()));
                        lines.push(Line::styled(
                            format!("  {}", shorten(&was, inner_width.saturating_sub(2))),
                            theme.dim(),
                        ));
                    }
                }
                ListItem::new(lines)
            }
            _ => ListItem::new(""),
        })
        .collect();
    let title = match before {
        Some(b) if !b.is_empty() && !open.show_previous_texts => format!(
            "Mijn reflectie · {}",
            texts::last_time_hint(&key_name(
                KeyMode::Dilemma,
                &crate::app::Msg::TogglePreviousTexts
            ))
        ),
        _ => "Mijn reflectie".to_string(),
    };
    select_list(frame, list_area, &title, items, open.cursor, theme);
}
