//! The quick scan: indicators per condition, the focused question with its scale, and
//! beside it the live radar with the five scores as text.

use super::common::width as text_width;
use super::common::{scrollbar, shorten, width};
use super::theme::Theme;
use super::widgets::radar::{Radar, Series};
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::closing::{self, Scope};
use crate::app::screens::scan::{ScanMsg, msg as scan_msg};
use crate::app::{Model, OpenSession};
use crate::present::fmt_answered;
use crate::scan::{self, ScanResult};
use crate::session::Answer;
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let result = scan::score(&model.content.scan, &open.session.answers);
    // In presentation mode the radar takes the larger part of the screen.
    let split = if model.presenting { 40 } else { 55 };
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(split),
        Constraint::Percentage(100 - split),
    ])
    .areas(area);
    if let Some(selected) = open.advice {
        // The advice panel in place of the questions (`!` toggles).
        let entries = closing::lines(&model.content, &open.session, Scope::Advice);
        let count = closing::takeaways(&entries).len();
        let intro = texts::advice_intro(
            &key_name(KeyMode::ScanAdvice, &scan_msg(ScanMsg::AdviceGo)),
            &key_name(KeyMode::ScanAdvice, &scan_msg(ScanMsg::AdviceMakeAction)),
        );
        super::takeaways::draw(
            frame,
            left,
            &super::takeaways::List {
                title: texts::ADVICE_PANEL_TITLE,
                intro: Some(intro),
                entries: &entries,
                selected: (count > 0).then(|| selected.min(count - 1)),
                session: &open.session,
            },
            theme,
        );
    } else {
        let [list_area, detail_area] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(13)]).areas(left);
        draw_items(frame, list_area, model, open, &result, theme);
        draw_detail(frame, detail_area, model, open, &result, theme);
    }
    draw_radar_panel(frame, right, model, &result, theme);
}

fn answer_text(answer: Option<&Answer>) -> String {
    match answer {
        Some(Answer::Score(v)) => v.to_string(),
        Some(Answer::DontKnow) => texts::DONT_KNOW_SHORT.to_string(),
        None => "·".to_string(),
    }
}

fn draw_items(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    open: &OpenSession,
    result: &ScanResult,
    theme: Theme,
) {
    let content = &model.content.scan;
    let mut items: Vec<ListItem> = Vec::new();
    let mut selected_row = 0;
    let mut index = 0;
    for (ci, cond) in content.conditions.iter().enumerate() {
        let cs = &result.conditions[ci];
        let counts = fmt_answered(cs.answered, dont_know(&open.session, cond), cs.total);
        let score = crate::fmt_opt_score(cs.score);
        let flag_of = |word: &str| match (cs.flagged(), word.is_empty()) {
            (false, _) => String::new(),
            (true, false) => format!("! {word}"),
            (true, true) => "!".to_string(),
        };
        // The whole name with room around it when that fits, else the short name close,
        // then "!" without "zwak".
        let room = usize::from(area.width.saturating_sub(3));
        let (name, gap, flag) = [
            (&cond.name, "  ", flag_of(texts::FLAG)),
            (&cond.short, " ", flag_of(texts::FLAG)),
            (&cond.short, " ", flag_of("")),
        ]
        .into_iter()
        .find(|(name, gap, flag)| {
            width(name) + 3 * width(gap) + width(&score) + width(&counts) + width(flag) <= room
        })
        .unwrap_or((&cond.short, " ", flag_of("")));
        let mut header = vec![
            Span::styled(name.clone(), theme.title()),
            Span::styled(format!("{gap}{score}{gap}{counts}"), theme.dim()),
        ];
        if cs.flagged() {
            header.push(Span::styled(format!("{gap}{flag}"), theme.flag()));
        }
        items.push(ListItem::new(Line::from(header)));
        for item in &cond.items {
            if index == open.focus {
                selected_row = items.len();
            }
            let answer = open.session.answers.get(&item.id);
            let question = item
                .text
                .strip_prefix(&content.question_prefix)
                .map(str::trim_start)
                .unwrap_or(&item.text);
            let mark = format!(" [{}] ", answer_text(answer));
            let room = usize::from(area.width.saturating_sub(3)).saturating_sub(width(&mark));
            items.push(ListItem::new(Line::from(vec![
                Span::styled(mark, theme.key()),
                Span::raw(shorten(question, room)),
            ])));
            index += 1;
        }
    }
    let block = Block::bordered()
        .title(Line::styled(
            format!(" {} — {} ", texts::SCAN_TITLE, texts::SCAN_ITEMS),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            format!(" {} ", texts::progress(result.answered(), result.total())),
            theme.dim(),
        ));
    // Where there is advice, the key that shows it (the footer may have no room).
    let advice = result.conditions.iter().any(|c| c.flagged())
        || content
            .conditions
            .iter()
            .any(|c| dont_know(&open.session, c) >= crate::present::DONT_KNOW_THRESHOLD);
    let block = if advice {
        block.title_bottom(
            Line::styled(
                format!(
                    " {} ",
                    texts::advice_hint(&key_name(KeyMode::Scan, &scan_msg(ScanMsg::ToggleAdvice)))
                ),
                theme.flag(),
            )
            .right_aligned(),
        )
    } else {
        block
    };
    let items_len = items.len();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected());
    let rows = items_len;
    let mut state = ListState::default().with_selected(Some(selected_row));
    frame.render_stateful_widget(list, area, &mut state);
    if rows > usize::from(area.height.saturating_sub(2)) {
        scrollbar(frame, area, rows, selected_row);
    }
}

fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    open: &OpenSession,
    result: &ScanResult,
    theme: Theme,
) {
    let content = &model.content.scan;
    let Some((ci, item)) = content.items().nth(open.focus) else {
        return;
    };
    let cond = &content.conditions[ci];
    let answer = open.session.answers.get(&item.id);
    let mut lines = vec![
        Line::styled(item.text.clone(), theme.title()),
        Line::raw(""),
    ];
    // The scale in pairs, so that it reads as a list and never breaks inside a label.
    let mut options: Vec<(Answer, String)> = content
        .scale
        .iter()
        .map(|s| (Answer::Score(s.value), format!("{} {}", s.value, s.label)))
        .collect();
    options.push((Answer::DontKnow, format!("0 {}", content.dont_know)));
    for row in options.chunks(2) {
        let mut spans: Vec<Span> = Vec::new();
        for (value, text) in row {
            spans.push(if answer == Some(value) {
                Span::styled(format!("[{text}]"), theme.selected())
            } else {
                Span::raw(format!(" {text} "))
            });
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    let note = open
        .session
        .notes
        .get(&cond.id)
        .map(|n| n.trim())
        .unwrap_or("");
    if model.presenting {
        lines.push(Line::styled(
            format!("{}: {}", texts::NOTE, texts::NOTE_HIDDEN),
            theme.dim(),
        ));
    } else if note.is_empty() {
        lines.push(Line::styled(
            format!("{}: {}", texts::NOTE, texts::NOTE_EMPTY),
            theme.dim(),
        ));
    } else {
        // One line of the note (all of it is in the editor, e); the risk below stays whole.
        let label = format!("{}: ", texts::NOTE);
        let room = usize::from(area.width.saturating_sub(2)).saturating_sub(width(&label));
        let first = note.lines().next().unwrap_or("");
        let more = note.lines().nth(1).is_some();
        let shown = shorten(&texts::safe(first), room);
        let shown = if more && !shown.ends_with('…') {
            shorten(&format!("{shown} …"), room)
        } else {
            shown
        };
        lines.push(Line::from(vec![
            Span::styled(label, theme.key()),
            Span::raw(shown),
        ]));
    }
    if result.conditions[ci].flagged() {
        lines.push(Line::from(vec![
            Span::styled(format!("! {}: ", texts::RISK_PREFIX), theme.flag()),
            Span::raw(cond.neglect_risk.clone()),
        ]));
    }
    // The title as long as it fits whole: "Vraag 1 van 20 · Gedeelde ambitie",
    // "1/20 · Gedeelde ambitie", "Vraag 1 van 20".
    let (n, total) = (open.focus + 1, content.item_count());
    let title = [
        format!(" Vraag {n} {} {total} · {} ", texts::ANSWERED_OF, cond.name),
        format!(" {n}/{total} · {} ", cond.name),
        format!(" Vraag {n} {} {total} ", texts::ANSWERED_OF),
    ]
    .into_iter()
    .find(|t| width(t) + 2 <= usize::from(area.width))
    .unwrap_or_default();
    let block = Block::bordered().title(Line::styled(title, theme.title()));
    let inner = block.inner(area);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true });
    let total = paragraph.line_count(inner.width);
    frame.render_widget(paragraph.block(block), area);
    if total > usize::from(inner.height) {
        // A sign that the text goes on below (the whole risk is in the report).
        scrollbar(frame, area, total - usize::from(inner.height) + 1, 0);
    }
}

/// The labels and series for a radar of `result`, in condition order.
pub fn radar_parts(model: &Model, result: &ScanResult, theme: Theme) -> (Vec<String>, Vec<Series>) {
    let labels = model
        .content
        .scan
        .conditions
        .iter()
        .map(|c| c.short.clone())
        .collect();
    let color = if theme.no_color {
        Color::Reset
    } else {
        Color::Magenta
    };
    let mut series = vec![Series {
        scores: result.scores(),
        color,
        marker: "●",
    }];
    if let Some(prev) = previous_result(model) {
        // The previous session underneath: another colour and an open marker, so the
        // difference reads without colour too.
        series.insert(
            0,
            Series {
                scores: prev.scores(),
                color: if theme.no_color {
                    Color::Reset
                } else {
                    Color::Cyan
                },
                marker: "○",
            },
        );
    }
    (labels, series)
}

/// The previous session's scores when they are shown.
fn previous_result(model: &Model) -> Option<ScanResult> {
    let open = model.open.as_ref()?;
    let prev = open.previous.as_ref().filter(|_| open.show_previous)?;
    Some(scan::score(&model.content.scan, &prev.answers))
}

/// "+0,5", "-0,3", "±0,0": the one [`crate::present::fmt_delta`].
pub use crate::present::fmt_delta;

pub fn draw_radar_panel(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    result: &ScanResult,
    theme: Theme,
) {
    let n = model.content.scan.conditions.len() as u16;
    let [radar_area, scores_area] =
        Layout::vertical([Constraint::Min(8), Constraint::Length(n + 3)]).areas(area);
    let mut block = Block::bordered().title(Line::styled(
        format!(" {} ", texts::RADAR_TITLE),
        theme.title(),
    ));
    if let Some(prev) = model
        .open
        .as_ref()
        .and_then(|o| o.previous.as_ref().filter(|_| o.show_previous))
    {
        block = block.title_bottom(Line::from(vec![
            Span::styled(" ● ", theme.accent()),
            Span::raw(format!("{}  ", texts::NOW)),
            Span::styled("○ ", theme.dim()),
            Span::raw(format!("{} ({}) ", texts::PREVIOUS, prev.label)),
        ]));
    }
    let inner = block.inner(radar_area);
    frame.render_widget(block, radar_area);
    let (labels, series) = radar_parts(model, result, theme);
    let ring = if theme.no_color {
        Color::Reset
    } else {
        Color::DarkGray
    };
    frame.render_widget(
        Radar {
            labels: &labels,
            series: &series,
            ring_color: ring,
            label_style: theme.title(),
        },
        inner,
    );
    draw_scores(frame, scores_area, model, result, theme);
}

pub fn draw_scores(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    result: &ScanResult,
    theme: Theme,
) {
    let mut lines = Vec::new();
    let width = area.width.saturating_sub(2) as usize;
    let previous = previous_result(model);
    for (ci, (cond, cs)) in model
        .content
        .scan
        .conditions
        .iter()
        .zip(&result.conditions)
        .enumerate()
    {
        let delta = previous
            .as_ref()
            .and_then(|p| p.conditions.get(ci))
            .and_then(|p| Some(fmt_delta(cs.score? - p.score?)))
            .map(|d| format!(" {d:>4}"))
            .unwrap_or_default();
        let score = format!("{}{delta}", crate::fmt_opt_score(cs.score));
        let dont_know = model
            .open
            .as_ref()
            .map(|o| dont_know(&o.session, cond))
            .unwrap_or(0);
        let counts = fmt_answered(cs.answered, dont_know, cs.total);
        // Where even the short name does not fit beside them, the counts close up.
        let right_full = format!("{score:>4} {counts}");
        let right_compact = format!("{score:>4} {}", counts.replace(" + ", "+"));
        // Narrowest: without "van 4" (the open questions show in the list beside it).
        let right_tiny = if dont_know > 0 {
            format!(
                "{score:>4} {}+{dont_know} {}",
                cs.answered.saturating_sub(dont_know),
                texts::DONT_KNOW_WORDS
            )
        } else {
            right_compact.clone()
        };
        // The whole name and "! zwak" when they fit; else the short name, then "!" alone.
        let flag_of = |word: &str| match (cs.flagged(), word.is_empty()) {
            (false, _) => String::new(),
            (true, false) => format!(" ! {word}"),
            (true, true) => " !".to_string(),
        };
        let (name, flag, right) = [
            (&cond.name, flag_of(texts::FLAG), &right_full),
            (&cond.short, flag_of(texts::FLAG), &right_full),
            (&cond.short, flag_of(""), &right_full),
            (&cond.short, flag_of(""), &right_compact),
            (&cond.short, flag_of(""), &right_tiny),
        ]
        .into_iter()
        .find(|(name, flag, right)| {
            text_width(name) + 1 + text_width(right) + text_width(flag) <= width
        })
        .unwrap_or((&cond.short, flag_of(""), &right_tiny));
        let right = right.clone();
        let name_width = width.saturating_sub(text_width(&right) + text_width(&flag) + 1);
        let name: String = name.chars().take(name_width).collect();
        lines.push(Line::from(vec![
            Span::raw(format!("{name:<name_width$} ")),
            Span::styled(right, theme.key()),
            Span::styled(flag, theme.flag()),
        ]));
    }
    lines.push(Line::styled(
        format!(
            "Ingevuld: {}",
            texts::progress(result.answered(), result.total())
        ),
        theme.dim(),
    ));
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", texts::SCORES_TITLE),
        theme.title(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// How many of the condition's indicators were answered "weet ik niet".
fn dont_know(session: &crate::session::Session, cond: &crate::content::Condition) -> usize {
    cond.items
        .iter()
        .filter(|i| session.answers.get(&i.id) == Some(&Answer::DontKnow))
        .count()
}
