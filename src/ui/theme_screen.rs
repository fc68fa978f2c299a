//! A theme (key question): explanation, core model and literature on the left; the
//! reflection questions with their answers and the linked instruments on the right.

use super::common::{
    bullets, list_width, preview_line, section, select_list, text_panel, two_panes, wrap,
};
use super::theme::Theme;
use crate::app::Model;
use crate::app::nav::{self, Row};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, p: usize, t: usize, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let Some(th) = content
        .handreiking
        .perspectives
        .get(p)
        .and_then(|p| p.themes.get(t))
    else {
        return;
    };
    let [text_area, list_area] = two_panes(area);
    let mut lines = vec![Line::styled(th.question.clone(), theme.accent())];
    section(&mut lines, "", &th.explanation, theme);
    section(
        &mut lines,
        &format!("{}: {} ({})", texts::MODEL, th.model.name, th.model.source),
        &th.model.summary,
        theme,
    );
    bullets(&mut lines, &th.model.points);
    if !th.literature.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(texts::LITERATURE, theme.title()));
        bullets(&mut lines, &th.literature);
    }
    text_panel(frame, text_area, &th.title, lines, open.scroll, theme);

    let rows = nav::rows(content, &open.session, model.screen);
    let width = list_width(list_area);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| match row {
            Row::Prompt(q) => {
                let prompt = &th.prompts[*q];
                let answer = open.session.reflections.get(&prompt.id).map(String::as_str);
                let style = if answer.is_some_and(|a| !a.trim().is_empty()) {
                    theme.key()
                } else {
                    theme.dim()
                };
                let mut lines: Vec<Line> = wrap(&prompt.text, width)
                    .into_iter()
                    .map(Line::raw)
                    .collect();
                let shown = preview_line(answer, width.saturating_sub(2));
                lines.push(Line::styled(format!("  {shown}"), style));
                lines.extend(super::previous::reflection(open, &prompt.id, width, theme));
                ListItem::new(lines)
            }
            Row::OpenInstrument(i) => {
                let inst = &content.instruments[*i];
                let done = nav::instrument_done(&open.session, &inst.id);
                ListItem::new(vec![Line::from(vec![
                    Span::styled(format!("{} ", if done { "■" } else { "□" }), theme.accent()),
                    Span::styled(
                        format!("{} — {}", texts::THEME_INSTRUMENTS, inst.name),
                        theme.title(),
                    ),
                ])])
            }
            _ => ListItem::new(""),
        })
        .collect();
    select_list(
        frame,
        list_area,
        texts::THEME_QUESTIONS,
        items,
        open.cursor,
        theme,
    );
}
