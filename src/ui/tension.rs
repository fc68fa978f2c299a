//! A tension between two perspectives: intro and considerations; its dilemmas (with
//! where I stand) and pointers to themes.

use super::common::{
    bullets, list_width, section, select_list, text_panel, two_panes, wrap, wrapped,
};
use super::theme::Theme;
use crate::app::Model;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::nav::{self, Row};
use crate::app::screens::tension::{self, TensionMsg};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, t: usize, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let content = &model.content;
    let Some(tension) = content.handreiking.tensions.get(t) else {
        return;
    };
    let [text_area, list_area] = two_panes(area);
    let mut lines = Vec::new();
    section(&mut lines, &tension.name, &tension.intro, theme);
    lines.push(Line::raw(""));
    lines.push(Line::styled(texts::CONSIDERATIONS, theme.title()));
    bullets(&mut lines, &tension.considerations);
    text_panel(
        frame,
        text_area,
        &format!("Spanning: {}", tension.name),
        lines,
        open.scroll,
        theme,
    );

    let rows = nav::rows(content, &open.session, model.screen);
    let width = list_width(list_area);
    let items: Vec<ListItem> = rows
        .iter()
        .map(|row| match row {
            Row::Dilemma(d) => {
                let dilemma = &tension.dilemmas[*d];
                let r = open.session.dilemmas.get(&dilemma.id);
                let pos = r
                    .and_then(|r| r.position)
                    .map(|p| format!(" · positie {}", p + 4))
                    .unwrap_or_default();
                let mark = if r.is_some_and(|r| !r.is_empty()) {
                    "■"
                } else {
                    "□"
                };
                // Title and position wrap at words under the mark.
                let text = format!("{}{pos}", dilemma.title);
                let lines: Vec<Line> = wrap(&text, width.saturating_sub(2))
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let lead = if i == 0 {
                            format!("{mark} ")
                        } else {
                            "  ".to_string()
                        };
                        Line::from(vec![Span::styled(lead, theme.accent()), Span::raw(l)])
                    })
                    .collect();
                ListItem::new(lines)
            }
            Row::Pointer(k) => {
                let ptr = &tension.pointers[*k];
                let name = content
                    .theme(&ptr.theme)
                    .map(|(_, th)| th.title.clone())
                    .unwrap_or_else(|| ptr.theme.clone());
                let mut lines = vec![Line::from(vec![
                    Span::styled("→ ", theme.accent()),
                    Span::styled(name, theme.title()),
                ])];
                lines.extend(wrapped(&ptr.why, "  ", width, theme.dim()));
                ListItem::new(lines)
            }
            _ => ListItem::new(""),
        })
        .collect();
    select_list(
        frame,
        list_area,
        &format!(
            "{} · {}",
            texts::DILEMMAS,
            texts::pointers(&key_name(KeyMode::Tension, &tension::msg(TensionMsg::Open)))
        ),
        items,
        open.cursor,
        theme,
    );
}
