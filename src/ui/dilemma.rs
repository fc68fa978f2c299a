//! A dilemma: where I stand between the poles (a seven-point slider), what pulls me to
//! each side, a strategy for the paradox (Smith 2014), my next step, a free note; the
//! "leren balanceren" guidance beside it.

use super::common::{
    bullets, list_width, preview_line, section, select_list, text_panel, two_panes,
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
    let inner_width = list_width(list_area).saturating_sub(1);
    let rows = nav::rows(content, &open.session, model.screen);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| match row {
            Row::Slider => {
                let pos = reflection.and_then(|r| r.position);
                let status = match pos {
                    Some(p) => format!("positie {} van 7", p + 4),
                    None => texts::not_placed(
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::TowardLeft)),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::TowardRight)),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::Pick(1))),
                        &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::Pick(7))),
                    ),
                };
                let poles = slider::poles(&dilemma.left, &dilemma.right, inner_width);
                ListItem::new(vec![
                    Line::from(vec![
                        Span::styled(texts::POSITION, theme.title()),
                        Span::styled(format!("  {status}"), theme.dim()),
                    ]),
                    Line::raw(poles),
                    slider::bar(pos, inner_width, theme.accent(), theme.dim()),
                ])
            }
            Row::Strategy => {
                let chosen = reflection
                    .and_then(|r| r.strategy.as_ref())
                    .and_then(|id| hr.paradox_strategies.iter().find(|s| &s.id == id))
                    .map(|s| s.label.clone());
                ListItem::new(vec![
                    Line::styled(texts::STRATEGY, theme.title()),
                    Line::styled(
                        format!(
                            "  {}",
                            chosen.unwrap_or_else(|| {
                                let n = u8::try_from(hr.paradox_strategies.len()).unwrap_or(1);
                                texts::no_strategy(
                                    &key_name(
                                        KeyMode::Dilemma,
                                        &dilemma::msg(DilemmaMsg::NextStrategy),
                                    ),
                                    &key_name(KeyMode::Dilemma, &dilemma::msg(DilemmaMsg::Pick(1))),
                                    &key_name(
                                        KeyMode::Dilemma,
                                        &dilemma::msg(DilemmaMsg::Pick(n.max(1))),
                                    ),
                                )
                            })
                        ),
                        theme.key(),
                    ),
                ])
            }
            Row::DilemmaText(field) => {
                let target = TextTarget::Dilemma(dilemma.id.clone(), *field);
                let title = text::title(content, &target);
                let value = if model.presenting && target.is_note() {
                    texts::NOTE_HIDDEN.to_string()
                } else {
                    text::get(&open.session, &target)
                };
                let style = if value.trim().is_empty() {
                    theme.dim()
                } else {
                    theme.key()
                };
                let _ = DilemmaField::Note;
                ListItem::new(vec![
                    Line::styled(title, theme.title()),
                    Line::styled(
                        format!("  {}", preview_line(Some(&value), inner_width)),
                        style,
                    ),
                ])
            }
            _ => ListItem::new(""),
        })
        .collect();
    select_list(
        frame,
        list_area,
        "Mijn reflectie",
        items,
        open.cursor,
        theme,
    );
}
