//! The export dialog over a session screen: the full report or the RvT version, with a
//! checklist of the parts the RvT version takes in.

use super::theme::Theme;
use crate::app::Model;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::export::{ExportMsg, msg};
use crate::present::Sections;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(frame: &mut Frame, body: Rect, model: &Model, theme: Theme) {
    let Some(dialog) = model.export.as_ref() else {
        return;
    };
    // A row: the pointer, the mark and the label; what it means on a dim line beneath.
    let row = |lines: &mut Vec<Line>, focus: bool, mark: String, label: &str, about: &str| {
        let pointer = if focus { "▶ " } else { "  " };
        let style = if focus {
            theme.selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            Span::styled(pointer, theme.key()),
            Span::styled(format!("{mark} {label}"), style),
        ]));
        if !about.is_empty() {
            lines.push(Line::styled(format!("      {about}"), theme.dim()));
        }
    };
    let radio = |on: bool| if on { "(•)" } else { "( )" }.to_string();
    let tick = |on: bool| if on { "[x]" } else { "[ ]" }.to_string();
    // In zelfreflectie the private note is the user's own and goes in the full report.
    let own_notes = model
        .open
        .as_ref()
        .is_some_and(|o| o.session.mode == crate::session::Mode::Zelfreflectie);
    let mut lines = Vec::new();
    row(
        &mut lines,
        dialog.focus == 0,
        radio(!dialog.rvt),
        texts::EXPORT_FULL,
        if own_notes {
            texts::EXPORT_FULL_ABOUT_OWN
        } else {
            texts::EXPORT_FULL_ABOUT
        },
    );
    row(
        &mut lines,
        dialog.focus == 1,
        radio(dialog.rvt),
        texts::EXPORT_RVT,
        texts::EXPORT_RVT_ABOUT,
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("  {}", texts::EXPORT_WITH),
        if dialog.rvt {
            theme.title()
        } else {
            theme.dim()
        },
    ));
    for (i, label) in texts::EXPORT_PARTS.iter().enumerate() {
        row(
            &mut lines,
            dialog.focused_part() == Some(i),
            format!("  {}", tick(dialog.rvt && dialog.with.get(i))),
            label,
            "",
        );
    }
    debug_assert_eq!(texts::EXPORT_PARTS.len(), Sections::WORDS.len());
    let height = lines.len() as u16 + 2;
    let area = super::centered(body, 64, height);
    let hint = texts::export_hint(
        &key_name(KeyMode::Export, &msg(ExportMsg::Toggle)),
        &key_name(KeyMode::Export, &msg(ExportMsg::Write)),
        &key_name(KeyMode::Export, &crate::app::Msg::Back),
    );
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Line::styled(
                    format!(" {} ", texts::EXPORT_TITLE),
                    theme.accent(),
                ))
                .title_bottom(Line::styled(hint, theme.dim())),
        ),
        area,
    );
}
