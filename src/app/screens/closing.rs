//! "Wat neem ik mee?": the last stop of the guided path (issue 13). It gathers what the
//! session gives back — the advice for the weakest conditions, the "weet ik niet"
//! answers, the next steps written on dilemmas — and turns a chosen one into an afspraak
//! with one key. The same list, limited to the advice, is the scan's advice panel
//! (`screens::scan`). Drawn by `ui::closing` and `ui::takeaways`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::update::{change, goto, set_info};
use super::super::{Effect, Model, Msg, Screen, nav};
use super::ScreenMsg;
use super::list::{self, Move};
use crate::content::Content;
use crate::place::Place;
use crate::present::{AdviceKind, SessionView, fmt_score};
use crate::session::{Action, Answer, Session};
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;

/// What the user means on the closing screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingMsg {
    /// Go to what the selected line is about.
    GoThere,
    /// Make the selected line an afspraak (linked to its place).
    MakeAction,
    Move(Move),
}

pub const fn msg(m: ClosingMsg) -> Msg {
    Msg::Screen(ScreenMsg::Closing(m))
}

use Key::{Char as C, Code};

/// The closing screen's own keys (the list keys and the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(ClosingMsg::Move(Move::Previous)), "↑/k", "vorige regel", false),
    b(&[Code(KeyCode::Down), C('j')], msg(ClosingMsg::Move(Move::Next)), "↓/j", "volgende regel", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Closing(ClosingMsg::Move(Move::Previous | Move::Next)))), Join::Together, "kiezen"),
    b(&[Code(KeyCode::Enter)], msg(ClosingMsg::GoThere), "Enter", "erheen", true),
    b(&[C('+'), C('n')], msg(ClosingMsg::MakeAction), "+", "afspraak van maken", true),
    b(&[Code(KeyCode::Home)], msg(ClosingMsg::Move(Move::First)), "Home", "eerste regel", false),
    b(&[Code(KeyCode::End)], msg(ClosingMsg::Move(Move::Last)), "End", "laatste regel", false),
];

/// Which lines a list holds: the scan's advice panel, or the whole closing step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Advice,
    All,
}

/// One thing to take away: where it is, and the afspraak it becomes.
#[derive(Debug, Clone, PartialEq)]
pub struct Takeaway {
    /// The line shown ("Thema · Motieven en belangen").
    pub label: String,
    /// Why, or where it comes from (one line, dim).
    pub detail: String,
    pub place: Place,
    /// The scan indicator it is about, for the focus in the scan.
    pub item: Option<String>,
    /// The "wat" of the afspraak it becomes.
    pub action: String,
}

/// A line of the list: a heading, a line to read, or a takeaway to choose.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Heading(String),
    Note(String),
    Item(Takeaway),
}

/// The lines of `scope` for `session`, in order.
pub fn lines(content: &Content, session: &Session, scope: Scope) -> Vec<Line> {
    let view = SessionView::build(content, session, None);
    let mut out = Vec::new();
    out.push(Line::Heading(texts::SUMMARY_WEAKEST.to_string()));
    if view.advice.is_empty() {
        out.push(Line::Note(texts::ADVICE_NONE.to_string()));
    }
    for advice in &view.advice {
        out.push(Line::Heading(format!(
            "{} {}",
            advice.name,
            fmt_score(advice.score)
        )));
        for item in &advice.items {
            let place = match item.kind {
                AdviceKind::Theme => Place::Theme(item.id.clone()),
                AdviceKind::Dilemma => Place::Dilemma(item.id.clone()),
                AdviceKind::Instrument => Place::Instrument(item.id.clone()),
            };
            out.push(Line::Item(Takeaway {
                label: format!("{} · {}", item.kind.label(), item.title),
                detail: item.why.clone(),
                place,
                item: None,
                action: texts::takeaway_advice(item.kind.label(), &item.title, &advice.name),
            }));
        }
        out.push(Line::Note(format!(
            "{}: {}",
            texts::ADVICE_PROMPT,
            advice.prompt
        )));
    }
    if scope == Scope::Advice {
        for insight in &view.insight {
            out.push(Line::Heading(format!(
                "{}: {} ({} × {})",
                texts::INSIGHT_TITLE,
                insight.name,
                insight.dont_know,
                texts::DONT_KNOW_ANSWER
            )));
            push_dont_know(&mut out, content, &view, Some(&insight.condition));
            out.push(Line::Note(insight.prompt.clone()));
        }
        return out;
    }
    out.push(Line::Heading(texts::TAKEAWAY_DONT_KNOW.to_string()));
    if view
        .conditions
        .iter()
        .all(|c| c.items.iter().all(|i| i.answer != Some(Answer::DontKnow)))
    {
        out.push(Line::Note(texts::TAKEAWAY_NO_DONT_KNOW.to_string()));
    }
    push_dont_know(&mut out, content, &view, None);
    for insight in &view.insight {
        out.push(Line::Note(format!(
            "{} bij {}: {}",
            texts::INSIGHT_TITLE,
            insight.name,
            insight.prompt
        )));
    }
    out.push(Line::Heading(texts::TAKEAWAY_NEXT_STEPS.to_string()));
    let before = out.len();
    for tension in &content.handreiking.tensions {
        for dilemma in &tension.dilemmas {
            let Some(step) = session
                .dilemmas
                .get(&dilemma.id)
                .map(|r| r.next_step.trim())
                .filter(|s| !s.is_empty())
            else {
                continue;
            };
            let first = step.lines().next().unwrap_or(step).trim();
            out.push(Line::Item(Takeaway {
                label: first.to_string(),
                detail: format!("{} · {}", texts::KIND_DILEMMA, dilemma.title),
                place: Place::Dilemma(dilemma.id.clone()),
                item: None,
                action: first.to_string(),
            }));
        }
    }
    if out.len() == before {
        out.push(Line::Note(texts::TAKEAWAY_NO_NEXT_STEPS.to_string()));
    }
    out
}

/// The indicators answered "weet ik niet" (of one condition, or all), as takeaways.
fn push_dont_know(out: &mut Vec<Line>, content: &Content, view: &SessionView, only: Option<&str>) {
    for condition in view
        .conditions
        .iter()
        .filter(|c| only.is_none_or(|id| c.id == id))
    {
        for item in condition.items.iter().filter(|i| i.dont_know()) {
            let question = item
                .text
                .strip_prefix(&content.scan.question_prefix)
                .map(str::trim_start)
                .unwrap_or(&item.text);
            out.push(Line::Item(Takeaway {
                label: item.text.clone(),
                detail: format!("{} · {}", condition.name, texts::DONT_KNOW_ANSWER),
                place: Place::Condition(condition.id.clone()),
                item: Some(item.id.clone()),
                action: texts::takeaway_find_out(question),
            }));
        }
    }
}

/// The takeaways of `lines`, in order (what the cursor moves over).
pub fn takeaways(lines: &[Line]) -> Vec<&Takeaway> {
    lines
        .iter()
        .filter_map(|l| match l {
            Line::Item(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// The takeaways of the closing screen (for the cursor and the list's rows).
pub fn rows(content: &Content, session: &Session) -> usize {
    takeaways(&lines(content, session, Scope::All)).len()
}

/// True when the session already has this takeaway as an afspraak.
pub fn taken(session: &Session, t: &Takeaway) -> bool {
    let link = t.place.to_string();
    session
        .actions
        .iter()
        .any(|a| a.link == link && a.what.trim() == t.action.trim())
}

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: ClosingMsg) -> Vec<Effect> {
    if model.screen != Screen::Closing {
        return vec![];
    }
    if let ClosingMsg::Move(to) = msg {
        list::move_cursor(model, to);
        return vec![];
    }
    let Some(open) = model.open.as_ref() else {
        return vec![];
    };
    let lines = lines(&model.content, &open.session, Scope::All);
    let Some(chosen) = takeaways(&lines).get(open.cursor).map(|t| (*t).clone()) else {
        return vec![];
    };
    match msg {
        ClosingMsg::GoThere => {
            go_to(model, &chosen);
            vec![]
        }
        ClosingMsg::MakeAction => make_action(model, &chosen),
        ClosingMsg::Move(_) => vec![],
    }
}

/// Opens the screen of what `t` is about (in the scan: its indicator).
pub fn go_to(model: &mut Model, t: &Takeaway) {
    let Some(screen) = nav::screen_of(&model.content, &t.place) else {
        return;
    };
    let focus = t.item.as_ref().and_then(|id| {
        model
            .content
            .scan
            .items()
            .position(|(_, item)| &item.id == id)
    });
    goto(model, screen);
    if let (Some(open), Some(focus)) = (model.open.as_mut(), focus) {
        open.focus = focus;
    }
}

/// Adds `t` as an afspraak (once), linked to its place.
pub fn make_action(model: &mut Model, t: &Takeaway) -> Vec<Effect> {
    if model.open.as_ref().is_some_and(|o| taken(&o.session, t)) {
        set_info(model, texts::TAKEAWAY_ALREADY.to_string());
        return vec![];
    }
    let effects = change(model, |_, open| {
        open.session.actions.push(Action {
            what: t.action.clone(),
            link: t.place.to_string(),
            ..Action::default()
        });
        true
    });
    if !effects.is_empty() {
        set_info(model, texts::takeaway_added(&t.action));
    }
    effects
}
