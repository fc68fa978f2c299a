//! A dilemma screen: the 7-point slider between two poles, the Smith strategy, and the
//! texts. Its intents, its keys and its `update`; drawn by `ui::dilemma`.

use super::super::keymap::{Entry, Key, b};
use super::super::nav::Row;
use super::super::update::{change, current_row};
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use crate::content::Content;
use ratatui::crossterm::event::KeyCode;

/// What the user means on a dilemma screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DilemmaMsg {
    /// ←: the slider one step to the left pole; on the strategy, the previous one.
    TowardLeft,
    /// →: the slider one step to the right pole; on the strategy, the next one.
    TowardRight,
    /// Space (or Enter on the strategy): the next strategy.
    NextStrategy,
    /// A digit: on the slider a position (1 = left pole … 7 = right pole), on the
    /// strategy the strategy with that number; 0 clears.
    Pick(u8),
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
    super::super::keymap::hint(
        |m| matches!(m, Msg::Screen(ScreenMsg::Dilemma(DilemmaMsg::TowardLeft | DilemmaMsg::TowardRight))),
        super::super::keymap::Join::Together,
        "schuiven",
    ),
    b(&[C(' ')], msg(DilemmaMsg::NextStrategy), "spatie", "strategie wisselen", false),
    b(&[C('0')], msg(DilemmaMsg::Pick(0)), "0", "positie of strategie wissen", false),
    b(&[C('1')], msg(DilemmaMsg::Pick(1)), "1", "helemaal links / strategie 1", false),
    b(&[C('2')], msg(DilemmaMsg::Pick(2)), "2", "", false),
    b(&[C('3')], msg(DilemmaMsg::Pick(3)), "3", "", false),
    b(&[C('4')], msg(DilemmaMsg::Pick(4)), "4", "midden", false),
    b(&[C('5')], msg(DilemmaMsg::Pick(5)), "5", "", false),
    b(&[C('6')], msg(DilemmaMsg::Pick(6)), "6", "", false),
    b(&[C('7')], msg(DilemmaMsg::Pick(7)), "7", "helemaal rechts", false),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: DilemmaMsg) -> Vec<Effect> {
    let Screen::Dilemma(t, d) = model.screen else {
        return vec![];
    };
    let Some(row) = current_row(model) else {
        return vec![];
    };
    match (msg, row) {
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
        (DilemmaMsg::TowardLeft, Row::Strategy) => cycle_strategy(model, -1),
        (DilemmaMsg::TowardRight | DilemmaMsg::NextStrategy, Row::Strategy) => {
            cycle_strategy(model, 1)
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
        (DilemmaMsg::Pick(n), Row::Strategy) => change(model, |content, open| {
            let strategies = &content.handreiking.paradox_strategies;
            if usize::from(n) > strategies.len() {
                return false;
            }
            let Some(id) = dilemma_id(content, t, d) else {
                return false;
            };
            let r = open.session.dilemmas.entry(id).or_default();
            r.strategy = (n > 0).then(|| strategies[usize::from(n) - 1].id.clone());
            true
        }),
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

fn cycle_strategy(model: &mut Model, delta: isize) -> Vec<Effect> {
    let Screen::Dilemma(t, d) = model.screen else {
        return vec![];
    };
    change(model, |content, open| {
        let Some(id) = dilemma_id(content, t, d) else {
            return false;
        };
        let strategies = &content.handreiking.paradox_strategies;
        let reflection = open.session.dilemmas.entry(id).or_default();
        // None, then each strategy in turn.
        let n = strategies.len() as isize + 1;
        let current = reflection
            .strategy
            .as_ref()
            .and_then(|s| strategies.iter().position(|x| &x.id == s))
            .map(|i| i as isize + 1)
            .unwrap_or(0);
        let next = (current + delta).rem_euclid(n);
        reflection.strategy = (next > 0).then(|| strategies[(next - 1) as usize].id.clone());
        true
    })
}
