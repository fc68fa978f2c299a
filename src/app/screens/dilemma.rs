//! A dilemma screen: the 7-point slider between two poles, the Smith strategy, and the
//! texts. Its intents, its keys and its `update`; drawn by `ui::dilemma`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::Row;
use super::super::update::{change, current_row, open_editor};
use super::super::{Effect, Model, Msg, Screen, TextTarget};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use crate::content::Content;
use ratatui::crossterm::event::KeyCode;

/// What the user means on a dilemma screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DilemmaMsg {
    /// ←: the slider one step to the left pole; on the strategies, focus the previous one.
    TowardLeft,
    /// →: the slider one step to the right pole; on the strategies, focus the next one.
    TowardRight,
    /// Space (or Enter on the strategies): the focused strategy on or off. Strategies
    /// combine (Smith, 2014), so several can be on.
    ToggleStrategy,
    /// A digit: on the slider a position (1 = left pole … 7 = right pole), on the
    /// strategies the strategy with that number on or off; 0 clears.
    Pick(u8),
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: on the strategies the focused one on or off, on a text write it.
    Open,
    /// `e`: write the selected text.
    Write,
}

pub const fn msg(m: DilemmaMsg) -> Msg {
    Msg::Screen(ScreenMsg::Dilemma(m))
}

use Key::{Char as C, Code};

/// The dilemma screen's own keys (the list keys and the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Left), C('h')], msg(DilemmaMsg::TowardLeft), "←", "naar links", false),
    b(&[Code(KeyCode::Right), C('l')], msg(DilemmaMsg::TowardRight), "→", "naar rechts", false),
    hint(
        |m| matches!(m, Msg::Screen(ScreenMsg::Dilemma(DilemmaMsg::TowardLeft | DilemmaMsg::TowardRight))),
        Join::Together,
        "schuiven",
    ),
    b(&[C(' ')], msg(DilemmaMsg::ToggleStrategy), "spatie", "strategie aan/uit", false),
    b(&[C('0')], msg(DilemmaMsg::Pick(0)), "0", "positie of strategieën wissen", false),
    b(&[C('1')], msg(DilemmaMsg::Pick(1)), "1", "helemaal links / strategie 1 aan/uit", false),
    b(&[C('2')], msg(DilemmaMsg::Pick(2)), "2", "", false),
    b(&[C('3')], msg(DilemmaMsg::Pick(3)), "3", "", false),
    b(&[C('4')], msg(DilemmaMsg::Pick(4)), "4", "midden", false),
    b(&[C('5')], msg(DilemmaMsg::Pick(5)), "5", "", false),
    b(&[C('6')], msg(DilemmaMsg::Pick(6)), "6", "", false),
    b(&[C('7')], msg(DilemmaMsg::Pick(7)), "7", "helemaal rechts", false),
];

/// The list keys of the dilemma screen (after its own keys, before the session keys).
#[rustfmt::skip]
pub static LIST_BINDINGS: &[Entry] = list_bindings!(Dilemma, DilemmaMsg, DilemmaMsg::Open, DilemmaMsg::Write);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: DilemmaMsg) -> Vec<Effect> {
    let Screen::Dilemma(t, d) = model.screen else {
        return vec![];
    };
    match msg {
        DilemmaMsg::Move(to) => {
            list::move_cursor(model, to);
            return vec![];
        }
        DilemmaMsg::Scroll { down } => {
            list::scroll(model, down);
            return vec![];
        }
        _ => {}
    }
    let Some(row) = current_row(model) else {
        return vec![];
    };
    match (msg, row) {
        (DilemmaMsg::Open, Row::Strategy) => update(model, DilemmaMsg::ToggleStrategy),
        (DilemmaMsg::Open | DilemmaMsg::Write, Row::DilemmaText(field)) => {
            match dilemma_id(&model.content, t, d) {
                Some(id) => open_editor(model, TextTarget::Dilemma(id, field)),
                None => vec![],
            }
        }
        (DilemmaMsg::TowardLeft | DilemmaMsg::TowardRight, Row::Slider) => {
            let delta: i32 = if msg == DilemmaMsg::TowardRight {
                1
            } else {
                -1
            };
            change(model, |content, open| {
                let Some(id) = dilemma_id(content, t, d) else {
                    return false;
                };
                let r = open.session.dilemmas.entry(id).or_default();
                // Unplaced counts as the middle: the first step already moves.
                r.position = Some((i32::from(r.position.unwrap_or(0)) + delta).clamp(-3, 3) as i8);
                true
            })
        }
        (DilemmaMsg::TowardLeft | DilemmaMsg::TowardRight, Row::Strategy) => {
            let last = model
                .content
                .handreiking
                .paradox_strategies
                .len()
                .saturating_sub(1);
            if let Some(open) = model.open.as_mut() {
                open.strategy_focus = if msg == DilemmaMsg::TowardRight {
                    (open.strategy_focus + 1).min(last)
                } else {
                    open.strategy_focus.saturating_sub(1)
                };
            }
            vec![]
        }
        (DilemmaMsg::ToggleStrategy, Row::Strategy) => {
            let focus = model.open.as_ref().map_or(0, |o| o.strategy_focus);
            toggle_strategy(model, t, d, Some(focus))
        }
        (DilemmaMsg::Pick(n), Row::Slider) if n <= 7 => change(model, |content, open| {
            let Some(id) = dilemma_id(content, t, d) else {
                return false;
            };
            let r = open.session.dilemmas.entry(id.clone()).or_default();
            r.position = (n > 0).then(|| n as i8 - 4);
            if r.is_empty() {
                open.session.dilemmas.remove(&id);
            }
            true
        }),
        (DilemmaMsg::Pick(0), Row::Strategy) => toggle_strategy(model, t, d, None),
        (DilemmaMsg::Pick(n), Row::Strategy) => {
            if usize::from(n) > model.content.handreiking.paradox_strategies.len() {
                return vec![];
            }
            if let Some(open) = model.open.as_mut() {
                open.strategy_focus = usize::from(n) - 1;
            }
            toggle_strategy(model, t, d, Some(usize::from(n) - 1))
        }
        _ => vec![],
    }
}

/// The id of dilemma `d` of tension `t`.
pub fn dilemma_id(content: &Content, t: usize, d: usize) -> Option<String> {
    content
        .handreiking
        .tensions
        .get(t)
        .and_then(|t| t.dilemmas.get(d))
        .map(|d| d.id.clone())
}

/// Strategy `which` (an index into the content's list) on or off; `None` clears all.
/// The chosen ones are kept in the content's order.
fn toggle_strategy(model: &mut Model, t: usize, d: usize, which: Option<usize>) -> Vec<Effect> {
    change(model, |content, open| {
        let Some(id) = dilemma_id(content, t, d) else {
            return false;
        };
        let strategies = &content.handreiking.paradox_strategies;
        let r = open.session.dilemmas.entry(id.clone()).or_default();
        match which.and_then(|i| strategies.get(i)) {
            Some(s) => {
                if let Some(at) = r.strategies.iter().position(|x| *x == s.id) {
                    r.strategies.remove(at);
                } else {
                    r.strategies.push(s.id.clone());
                    // Known ones in the content's order; unknown ids (a coach's own
                    // content, since removed) stay at the end.
                    r.strategies.sort_by_key(|x| {
                        strategies
                            .iter()
                            .position(|s| &s.id == x)
                            .unwrap_or(usize::MAX)
                    });
                }
            }
            None => r.strategies.clear(),
        }
        if r.is_empty() {
            open.session.dilemmas.remove(&id);
        }
        true
    })
}
