//! The session overview: who, what, and how far the quick scan is, with its radar.

use super::texts;
use super::theme::Theme;
use crate::app::Model;
use crate::scan;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let s = &open.session;
    let result = scan::score(&model.content.scan, &s.answers);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let created = s
        .created
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%d-%m-%Y %H:%M")
        .to_string();
    let row = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<14}"), theme.dim()),
            Span::raw(texts::safe(&value)),
        ])
    };
    let mut lines = vec![
        row("Bestuurder", s.bestuurder.clone()),
        row("Organisatie", s.organisatie.clone()),
        row("Samenwerking", s.samenwerking.clone()),
        row("Modus", s.mode.label().to_string()),
        row("Begonnen", created),
        Line::raw(""),
        Line::styled(texts::SCAN_TITLE, theme.title()),
        Line::raw(format!(
            "Vijf condities voor kansrijke samenwerking ({}).",
            model.content.scan.source
        )),
        Line::raw(format!(
            "Ingevuld: {}",
            texts::progress(result.answered(), result.total())
        )),
        Line::raw(""),
        Line::from(vec![
            Span::styled("s", theme.key()),
            Span::raw(" of "),
            Span::styled("Enter", theme.key()),
            Span::raw(" opent de quick scan."),
        ]),
    ];
    let flagged: Vec<_> = model
        .content
        .scan
        .conditions
        .iter()
        .zip(&result.conditions)
        .filter(|(_, cs)| cs.flagged())
        .collect();
    if !flagged.is_empty() {
        lines.push(Line::raw(""));
        for (cond, cs) in flagged {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("! {} ({}): ", cond.name, crate::fmt_opt_score(cs.score)),
                    theme.flag(),
                ),
                Span::raw(cond.neglect_risk.clone()),
            ]));
        }
    }
    let path = open.path.display().to_string();
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} ", texts::OVERVIEW_TITLE),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            format!(" {} ", texts::safe(&path)),
            theme.dim(),
        ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        left,
    );
    super::scan::draw_radar_panel(frame, right, model, &result, theme);
}
