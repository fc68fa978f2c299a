//! A perspective: its introduction and its key questions (themes), with progress.

use super::common::{list_width, select_list, text_panel, two_panes, wrapped};
use super::theme::Theme;
use crate::app::Model;
use crate::app::nav;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, p: usize, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let Some(persp) = model.content.handreiking.perspectives.get(p) else {
        return;
    };
    let [text_area, list_area] = two_panes(area);
    let mut lines = vec![Line::raw(persp.intro.clone()), Line::raw("")];
    lines.push(Line::styled(
        format!("Bron: {}", model.content.handreiking.source),
        theme.dim(),
    ));
    text_panel(frame, text_area, &persp.name, lines, open.scroll, theme);
    let width = list_width(list_area);
    let items: Vec<ListItem> = persp
        .themes
        .iter()
        .enumerate()
        .map(|(t, th)| {
            let prog = nav::theme_progress(&model.content, &open.session, p, t);
            let mark = if prog.written { " ✎" } else { "" };
            let mut lines = vec![Line::from(vec![
                Span::styled(th.title.clone(), theme.title()),
                Span::styled(format!("  {}/{}{mark}", prog.done, prog.total), theme.dim()),
            ])];
            lines.extend(wrapped(&th.question, "  ", width, theme.dim()));
            ListItem::new(lines)
        })
        .collect();
    select_list(
        frame,
        list_area,
        texts::PERSPECTIVE_THEMES,
        items,
        open.cursor,
        theme,
    );
}
