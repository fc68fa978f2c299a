//! An instrument screen: a choice, sliders between pairs, or a table with rows of the
//! user's own. Its intents and its keys, routed to the instrument's update; drawn by
//! `ui::instrument`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::update::instrument as logic;
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use ratatui::crossterm::event::KeyCode;

/// What the user means on an instrument screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstrumentMsg {
    /// ←: in a table of several columns the column to the left; else the value down
    /// (a slider one step, a cell's choice back).
    LeftOrLess,
    /// →: the column to the right, or the value up.
    RightOrMore,
    /// Space: pick or unpick an option, or cycle the selected cell.
    Choose,
    /// A digit: the score or the option with that number in the selected cell, option or
    /// slider; 0 clears.
    SetCell(u8),
    /// A row of the user's own.
    AddRow,
    /// Delete the selected row of the user's own (asks to press again).
    DeleteRow,
}

pub const fn msg(m: InstrumentMsg) -> Msg {
    Msg::Screen(ScreenMsg::Instrument(m))
}

use Key::{Char as C, Code};

#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Left), C('h')], msg(InstrumentMsg::LeftOrLess), "←", "kolom links / minder", false),
    b(&[Code(KeyCode::Right), C('l')], msg(InstrumentMsg::RightOrMore), "→", "kolom rechts / meer", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Instrument(InstrumentMsg::LeftOrLess | InstrumentMsg::RightOrMore))), Join::Together, "kolom/schuif"),
    b(&[C(' ')], msg(InstrumentMsg::Choose), "spatie", "kiezen / wisselen", true),
    b(&[C('0')], msg(InstrumentMsg::SetCell(0)), "0", "wissen", false),
    b(&[C('1')], msg(InstrumentMsg::SetCell(1)), "1-9", "score of keuze", false),
    b(&[C('2')], msg(InstrumentMsg::SetCell(2)), "", "", false),
    b(&[C('3')], msg(InstrumentMsg::SetCell(3)), "", "", false),
    b(&[C('4')], msg(InstrumentMsg::SetCell(4)), "", "", false),
    b(&[C('5')], msg(InstrumentMsg::SetCell(5)), "", "", false),
    b(&[C('6')], msg(InstrumentMsg::SetCell(6)), "", "", false),
    b(&[C('7')], msg(InstrumentMsg::SetCell(7)), "", "", false),
    b(&[C('8')], msg(InstrumentMsg::SetCell(8)), "", "", false),
    b(&[C('9')], msg(InstrumentMsg::SetCell(9)), "", "", false),
    b(&[C('+'), C('n')], msg(InstrumentMsg::AddRow), "+", "eigen regel toevoegen", false),
    b(&[C('d'), Code(KeyCode::Delete)], msg(InstrumentMsg::DeleteRow), "d d", "eigen regel verwijderen", false),
];

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: InstrumentMsg) -> Vec<Effect> {
    if !matches!(model.screen, Screen::Instrument(_)) {
        return vec![];
    }
    match msg {
        InstrumentMsg::LeftOrLess => logic::left_right(model, false),
        InstrumentMsg::RightOrMore => logic::left_right(model, true),
        InstrumentMsg::Choose => logic::toggle(model),
        InstrumentMsg::SetCell(n) => logic::digit(model, n),
        InstrumentMsg::AddRow => logic::add_row(model),
        InstrumentMsg::DeleteRow => logic::delete_row(model),
    }
}
