//! The quick scan: one question at a time, answered with a digit, a note per condition,
//! the previous session's radar beside it. Its intents, its keys and its `update`; drawn by
//! `ui::scan`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::update::{change, open_editor, set_info};
use super::super::{Effect, Model, Msg, Screen, TextTarget};
use super::ScreenMsg;
use super::closing::{self, Scope};
use crate::session::Answer;
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;

/// What the user means in the quick scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanMsg {
    PrevQuestion,
    NextQuestion,
    /// The first question of the previous / next condition.
    PrevCondition,
    NextCondition,
    FirstQuestion,
    LastQuestion,
    /// Answer the question in focus and go on to the next.
    Answer(Answer),
    /// Write the note of the condition of the question in focus.
    EditNote,
    /// Show or hide the previous session's radar.
    TogglePrevious,
    /// Open or close the advice panel: what the handreiking offers for the weak
    /// conditions (issue 13).
    ToggleAdvice,
    /// In the advice panel: the previous / next / first / last line to choose.
    AdvicePrev,
    AdviceNext,
    AdviceFirst,
    AdviceLast,
    /// In the advice panel: go to the chosen theme, dilemma, instrument or question.
    AdviceGo,
    /// In the advice panel: make the chosen line an afspraak.
    AdviceMakeAction,
}

pub const fn msg(m: ScanMsg) -> Msg {
    Msg::Screen(ScreenMsg::Scan(m))
}

use Key::{Char as C, Code};

#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(ScanMsg::PrevQuestion), "↑/k", "vorige vraag", false),
    b(&[Code(KeyCode::Down), C('j')], msg(ScanMsg::NextQuestion), "↓/j", "volgende vraag", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Scan(ScanMsg::PrevQuestion | ScanMsg::NextQuestion))), Join::Together, "vraag"),
    b(&[C('1')], msg(ScanMsg::Answer(Answer::Score(1))), "1", "antwoord 1", false),
    b(&[C('2')], msg(ScanMsg::Answer(Answer::Score(2))), "2", "antwoord 2", false),
    b(&[C('3')], msg(ScanMsg::Answer(Answer::Score(3))), "3", "antwoord 3", false),
    b(&[C('4')], msg(ScanMsg::Answer(Answer::Score(4))), "4", "antwoord 4", false),
    b(&[C('5')], msg(ScanMsg::Answer(Answer::Score(5))), "5", "antwoord 5", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Scan(ScanMsg::Answer(Answer::Score(_))))), Join::Range, "antwoord"),
    b(&[C('0')], msg(ScanMsg::Answer(Answer::DontKnow)), "0", "weet ik niet", true),
    b(&[C('e'), Code(KeyCode::Enter)], msg(ScanMsg::EditNote), "e", "notitie", true),
    b(&[C('!')], msg(ScanMsg::ToggleAdvice), "!", "advies", true),
    b(&[C('v')], msg(ScanMsg::TogglePrevious), "v", "vorige sessie tonen/verbergen", false),
    b(&[Code(KeyCode::PageUp)], msg(ScanMsg::PrevCondition), "PgUp", "vorige conditie", false),
    b(&[Code(KeyCode::PageDown)], msg(ScanMsg::NextCondition), "PgDn", "volgende conditie", false),
    b(&[Code(KeyCode::Home)], msg(ScanMsg::FirstQuestion), "Home", "eerste vraag", false),
    b(&[Code(KeyCode::End)], msg(ScanMsg::LastQuestion), "End", "laatste vraag", false),
];

/// The keys while the advice panel is open (the session keys come after them).
#[rustfmt::skip]
pub static ADVICE_BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(ScanMsg::AdvicePrev), "↑/k", "vorige regel", false),
    b(&[Code(KeyCode::Down), C('j')], msg(ScanMsg::AdviceNext), "↓/j", "volgende regel", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Scan(ScanMsg::AdvicePrev | ScanMsg::AdviceNext))), Join::Together, "kiezen"),
    b(&[Code(KeyCode::Enter)], msg(ScanMsg::AdviceGo), "Enter", "erheen", true),
    b(&[C('+'), C('n')], msg(ScanMsg::AdviceMakeAction), "+", "afspraak van maken", true),
    b(&[C('!'), Code(KeyCode::Esc)], msg(ScanMsg::ToggleAdvice), "!/Esc", "terug naar de vragen", true),
    b(&[Code(KeyCode::Home)], msg(ScanMsg::AdviceFirst), "Home", "eerste regel", false),
    b(&[Code(KeyCode::End)], msg(ScanMsg::AdviceLast), "End", "laatste regel", false),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: ScanMsg) -> Vec<Effect> {
    if model.screen != Screen::Scan {
        return vec![];
    }
    match msg {
        ScanMsg::Answer(answer) => answer_focused(model, answer),
        ScanMsg::EditNote => edit_note(model),
        ScanMsg::ToggleAdvice => {
            if let Some(open) = model.open.as_mut() {
                open.advice = match open.advice {
                    Some(_) => None,
                    None => Some(0),
                };
            }
            vec![]
        }
        ScanMsg::AdvicePrev
        | ScanMsg::AdviceNext
        | ScanMsg::AdviceFirst
        | ScanMsg::AdviceLast
        | ScanMsg::AdviceGo
        | ScanMsg::AdviceMakeAction => advice(model, msg),
        ScanMsg::TogglePrevious => {
            if let Some(open) = model.open.as_mut() {
                if open.previous.is_some() {
                    open.show_previous = !open.show_previous;
                } else {
                    set_info(model, texts::NO_PREVIOUS.to_string());
                }
            }
            vec![]
        }
        _ => {
            navigate(model, msg);
            vec![]
        }
    }
}

fn navigate(model: &mut Model, msg: ScanMsg) {
    let total = model.content.scan.item_count();
    let starts: Vec<usize> = model
        .content
        .scan
        .conditions
        .iter()
        .scan(0, |acc, c| {
            let start = *acc;
            *acc += c.items.len();
            Some(start)
        })
        .collect();
    let Some(open) = model.open.as_mut() else {
        return;
    };
    if total == 0 {
        return;
    }
    open.focus = match msg {
        ScanMsg::PrevQuestion => open.focus.saturating_sub(1),
        ScanMsg::NextQuestion => (open.focus + 1).min(total - 1),
        ScanMsg::PrevCondition => starts
            .iter()
            .rev()
            .find(|&&s| s < open.focus)
            .copied()
            .unwrap_or(0),
        ScanMsg::NextCondition => starts
            .iter()
            .find(|&&s| s > open.focus)
            .copied()
            .unwrap_or(open.focus),
        ScanMsg::FirstQuestion => 0,
        ScanMsg::LastQuestion => total - 1,
        _ => open.focus,
    };
}

fn answer_focused(model: &mut Model, answer: Answer) -> Vec<Effect> {
    change(model, |content, open| {
        let total = content.scan.item_count();
        let Some((_, item)) = content.scan.items().nth(open.focus) else {
            return false;
        };
        open.session.answers.insert(item.id.clone(), answer);
        if open.focus + 1 < total {
            open.focus += 1;
        }
        true
    })
}

/// Writes the note of the condition of the question in focus.
pub fn edit_note(model: &mut Model) -> Vec<Effect> {
    let Some(focus) = model.open.as_ref().map(|o| o.focus) else {
        return vec![];
    };
    let condition = model.condition_of(focus);
    let Some(id) = model
        .content
        .scan
        .conditions
        .get(condition)
        .map(|c| c.id.clone())
    else {
        return vec![];
    };
    open_editor(model, TextTarget::ConditionNote(id))
}

/// The advice panel's intents.
fn advice(model: &mut Model, msg: ScanMsg) -> Vec<Effect> {
    let Some(open) = model.open.as_ref() else {
        return vec![];
    };
    let Some(cursor) = open.advice else {
        return vec![];
    };
    let lines = closing::lines(&model.content, &open.session, Scope::Advice);
    let choices = closing::takeaways(&lines);
    let last = choices.len().saturating_sub(1);
    let chosen = choices.get(cursor.min(last)).map(|t| (*t).clone());
    let moved = match msg {
        ScanMsg::AdvicePrev => cursor.saturating_sub(1),
        ScanMsg::AdviceNext => (cursor + 1).min(last),
        ScanMsg::AdviceFirst => 0,
        ScanMsg::AdviceLast => last,
        _ => cursor,
    };
    if let Some(open) = model.open.as_mut() {
        open.advice = Some(moved);
    }
    match (msg, chosen) {
        (ScanMsg::AdviceGo, Some(t)) => {
            // The panel closes: back in the scan (Esc) the questions are in view.
            if let Some(open) = model.open.as_mut() {
                open.advice = None;
            }
            closing::go_to(model, &t);
            vec![]
        }
        (ScanMsg::AdviceMakeAction, Some(t)) => closing::make_action(model, &t),
        _ => vec![],
    }
}
