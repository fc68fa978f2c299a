//! The help overlay: the keys of the screen beneath, from the keymap itself. When they do
//! not fit in one column, they are shown in two.

use super::theme::Theme;
use crate::app::keymap::{KeyMode, screen_mode, shown, shown_for};
use crate::app::screens::ScreenMsg;
use crate::app::screens::help::HelpMsg;
use crate::app::{Model, Msg};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let mode = screen_mode(model);
    let mut seen = Vec::new();
    let all = shown_for(model, mode);
    let keys: Vec<(&str, &str)> = all
        .iter()
        // Footer summaries ("↑↓", "1-5") repeat what the bindings listed here say.
        .filter(|b| b.in_help)
        .filter(|b| !b.help.is_empty())
        .map(|b| (b.key_label.as_str(), b.help))
        .filter(|entry| {
            let new = !seen.contains(entry);
            seen.push(*entry);
            new
        })
        .collect();
    // The reading pages open from here: one line under the intro, from the keymap.
    let pages: Vec<String> = shown(KeyMode::Help)
        .into_iter()
        .filter(|b| {
            matches!(
                b.msg,
                Some(Msg::Screen(ScreenMsg::Help(HelpMsg::OpenPage(_))))
            )
        })
        .map(|b| format!("{} {}", b.key_label, b.help))
        .collect();
    let intro_lines = vec![
        Line::raw(texts::HELP_INTRO),
        Line::from(vec![
            Span::styled(format!("{} ", texts::HELP_PAGES), theme.dim()),
            Span::raw(pages.join(" · ")),
        ]),
    ];
    let footer = (!model.presenting).then(|| {
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{} ", texts::HELP_DATA), theme.dim()),
            Span::raw(texts::safe(&model.dir.display().to_string())),
        ]))
        .wrap(Wrap { trim: true })
    });
    let footer_rows = |w: u16| footer.as_ref().map_or(0, |f| f.line_count(w) as u16);
    let room = usize::from(area.height.saturating_sub(5 + footer_rows(68)));
    let two_columns = keys.len() > room && area.width >= 76;
    let per_column = if two_columns {
        keys.len().div_ceil(2)
    } else {
        keys.len()
    };
    let width = if two_columns { area.width.min(100) } else { 70 };
    let footer_rows = footer_rows(width.saturating_sub(2));
    // The intro and the folder each get a blank line before them when there is room.
    let tight = per_column as u16 + footer_rows + 4 > area.height.saturating_sub(2);
    let gap = u16::from(!tight);
    let height = per_column as u16 + footer_rows + 4 + 2 * gap;
    let popup = super::centered(area, width, height.min(area.height));
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", texts::HELP_TITLE),
            theme.title(),
        ))
        .title_bottom(Line::styled(" Esc of ? sluit ", theme.dim()));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [intro, body, _, rest] = Layout::vertical([
        Constraint::Length(2 + gap),
        Constraint::Length(per_column as u16),
        Constraint::Length(gap),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(intro_lines).wrap(Wrap { trim: true }), intro);
    let line = |(key, help): &(&str, &str), key_width: usize| {
        Line::from(vec![
            Span::styled(format!("{key:>key_width$}  "), theme.key()),
            Span::raw(help.to_string()),
        ])
    };
    if two_columns {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let (a, b) = keys.split_at(per_column.min(keys.len()));
        frame.render_widget(
            Paragraph::new(a.iter().map(|k| line(k, 8)).collect::<Vec<_>>()),
            left,
        );
        frame.render_widget(
            Paragraph::new(b.iter().map(|k| line(k, 8)).collect::<Vec<_>>()),
            right,
        );
    } else {
        frame.render_widget(
            Paragraph::new(keys.iter().map(|k| line(k, 18)).collect::<Vec<_>>()),
            body,
        );
    }
    if let Some(footer) = footer {
        frame.render_widget(footer, rest);
    }
}
