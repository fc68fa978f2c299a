//! An instrument screen: a choice, sliders between pairs, or a table with rows of the
//! user's own. Its intents, its keys and its `update`; drawn by `ui::instrument`.

use super::super::TextTarget;
use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::nav::{self, Row};
use super::super::update::{
    change, current_row, open_editor, refuse_read_only, save_effect, set_info,
};
use super::super::{Effect, Model, Msg, Screen};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use crate::content::{ColumnKind, Content, InstrumentKind};
use crate::session::CellValue;
use crate::text as texts;
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
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: pick an option or a cell's choice, name a row of one's own, add a row, or
    /// write the note.
    Open,
    /// `e`: write the selected text (the note, a row's name).
    Write,
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

/// The list keys of the instrument screen (after its own keys, before the session keys).
#[rustfmt::skip]
pub static LIST_BINDINGS: &[Entry] = list_bindings!(Instrument, InstrumentMsg, InstrumentMsg::Open, InstrumentMsg::Write);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: InstrumentMsg) -> Vec<Effect> {
    if !matches!(model.screen, Screen::Instrument(_)) {
        return vec![];
    }
    match msg {
        InstrumentMsg::LeftOrLess => left_right(model, false),
        InstrumentMsg::RightOrMore => left_right(model, true),
        InstrumentMsg::Choose => toggle(model),
        InstrumentMsg::SetCell(n) => digit(model, n),
        InstrumentMsg::AddRow => add_row(model),
        InstrumentMsg::DeleteRow => delete_row(model),
        InstrumentMsg::Move(to) => {
            list::move_cursor(model, to);
            vec![]
        }
        InstrumentMsg::Scroll { down } => {
            list::scroll(model, down);
            vec![]
        }
        InstrumentMsg::Open => open(model),
        InstrumentMsg::Write => write(model),
    }
}

/// `d`: delete the selected row of the user's own; the first press asks for confirmation.
fn delete_row(model: &mut Model) -> Vec<Effect> {
    let key =
        |m| super::super::keymap::key_name(super::super::keymap::KeyMode::Instrument, &msg(m));
    let id = match current_row(model) {
        None => return vec![],
        Some(Row::UserRow(id)) => id,
        Some(Row::FixedRow(_)) => {
            set_info(model, texts::FIXED_ROW_NOT_DELETABLE.to_string());
            return vec![];
        }
        Some(_) => {
            let why = texts::only_own_rows_deletable(
                &key(InstrumentMsg::Move(Move::Previous)),
                &key(InstrumentMsg::Move(Move::Next)),
                &key(InstrumentMsg::DeleteRow),
            );
            set_info(model, why);
            return vec![];
        }
    };
    if !list::confirm_delete(model, &key(InstrumentMsg::DeleteRow)) {
        return vec![];
    }
    let instrument = current_instrument_id(model);
    let effects = change(model, |_, open| {
        open.confirm_delete = None;
        let Some(answer) = instrument
            .as_ref()
            .and_then(|i| open.session.instruments.get_mut(i))
        else {
            return false;
        };
        answer.rows.retain(|r| r.id != id);
        true
    });
    list::deleted(model, effects)
}

/// Enter on the selected row.
fn open(model: &mut Model) -> Vec<Effect> {
    match current_row(model) {
        Some(Row::Option(_)) => toggle(model),
        Some(Row::FixedRow(_) | Row::UserRow(_))
            if matches!(row_column_kind(model), Some(ColumnKind::Choice { .. })) =>
        {
            toggle(model)
        }
        Some(Row::FixedRow(_)) => vec![],
        Some(Row::AddRow) => add_row(model),
        _ => write(model),
    }
}

/// `e`: the text of the selected row, if it has one.
fn write(model: &mut Model) -> Vec<Effect> {
    let Screen::Instrument(i) = model.screen else {
        return vec![];
    };
    let Some(instrument) = model.content.instruments.get(i).map(|i| i.id.clone()) else {
        return vec![];
    };
    match current_row(model) {
        Some(Row::InstrumentNote) => open_editor(model, TextTarget::InstrumentNote(instrument)),
        Some(Row::UserRow(row)) => open_editor(model, TextTarget::RowLabel { instrument, row }),
        _ => vec![],
    }
}

pub(in crate::app) fn current_instrument_id(model: &Model) -> Option<String> {
    match model.screen {
        Screen::Instrument(i) => model.content.instruments.get(i).map(|i| i.id.clone()),
        _ => None,
    }
}

/// The kind of the selected column of a table instrument.
pub(in crate::app) fn row_column_kind(model: &Model) -> Option<ColumnKind> {
    let Screen::Instrument(i) = model.screen else {
        return None;
    };
    let col = model.open.as_ref()?.col;
    match &model.content.instruments.get(i)?.kind {
        InstrumentKind::Table { columns, .. } => columns
            .get(col.min(columns.len().saturating_sub(1)))
            .map(|c| c.kind.clone()),
        _ => None,
    }
}

/// The id of a table row.
fn row_id(content: &Content, instrument: usize, row: &Row) -> Option<String> {
    match (row, &content.instruments.get(instrument)?.kind) {
        (Row::FixedRow(r), InstrumentKind::Table { rows, .. }) => {
            rows.get(*r).map(|r| r.id.clone())
        }
        (Row::UserRow(id), _) => Some(id.clone()),
        _ => None,
    }
}

/// Space (and Enter on an option or a choice cell): pick an option, cycle a cell.
pub(in crate::app) fn toggle(model: &mut Model) -> Vec<Effect> {
    let Some(row) = current_row(model) else {
        return vec![];
    };
    match (model.screen, row) {
        (Screen::Instrument(i), Row::Option(o)) => change(model, |content, open| {
            let Some(inst) = content.instruments.get(i) else {
                return false;
            };
            let InstrumentKind::Choice { options, multi } = &inst.kind else {
                return false;
            };
            let Some(option) = options.get(o) else {
                return false;
            };
            let answer = open.session.instruments.entry(inst.id.clone()).or_default();
            toggle_choice(&mut answer.choices, &option.id, *multi);
            true
        }),
        (Screen::Instrument(_), Row::FixedRow(_) | Row::UserRow(_)) => cycle_cell(model, 1),
        _ => vec![],
    }
}

/// The instrument, the selected column and the row id of a table cell.
fn table_cell<'c>(
    content: &'c Content,
    instrument: usize,
    col: usize,
    row: &Row,
) -> Option<(
    &'c crate::content::Instrument,
    &'c crate::content::Column,
    String,
)> {
    let inst = content.instruments.get(instrument)?;
    let InstrumentKind::Table { columns, .. } = &inst.kind else {
        return None;
    };
    let column = columns.get(col.min(columns.len().saturating_sub(1)))?;
    Some((inst, column, row_id(content, instrument, row)?))
}

/// Picks or unpicks an option: several may be picked when `multi`, else it replaces.
fn toggle_choice(choices: &mut Vec<String>, id: &str, multi: bool) {
    if let Some(pos) = choices.iter().position(|c| c == id) {
        choices.remove(pos);
    } else if multi {
        choices.push(id.to_string());
    } else {
        *choices = vec![id.to_string()];
    }
}

/// Cycles the choice (or steps the score) of the selected table cell.
fn cycle_cell(model: &mut Model, delta: i32) -> Vec<Effect> {
    let Screen::Instrument(i) = model.screen else {
        return vec![];
    };
    let Some(row) = current_row(model) else {
        return vec![];
    };
    let col = model.open.as_ref().map(|o| o.col).unwrap_or(0);
    change(model, |content, open| {
        let Some((inst, column, rid)) = table_cell(content, i, col, &row) else {
            return false;
        };
        let answer = open.session.instruments.entry(inst.id.clone()).or_default();
        let cell = answer.row_mut(&rid);
        let next = match (&column.kind, cell.values.get(&column.id)) {
            (ColumnKind::Scale { .. }, Some(CellValue::Score(v))) => {
                Some(CellValue::Score((i32::from(*v) + delta).clamp(1, 5) as u8))
            }
            (ColumnKind::Scale { .. }, _) => Some(CellValue::Score(if delta > 0 { 1 } else { 5 })),
            (ColumnKind::Choice { options }, current) => {
                let n = options.len() as i32 + 1;
                let at = match current {
                    Some(CellValue::Choice(c)) => options
                        .iter()
                        .position(|o| &o.id == c)
                        .map(|p| p as i32 + 1)
                        .unwrap_or(0),
                    _ => 0,
                };
                let next = (at + delta).rem_euclid(n);
                (next > 0).then(|| CellValue::Choice(options[(next - 1) as usize].id.clone()))
            }
        };
        match next {
            Some(v) => cell.values.insert(column.id.clone(), v),
            None => cell.values.remove(&column.id),
        };
        true
    })
}

/// Digits: a score, an option, a slider position; 0 clears.
pub(super) fn digit(model: &mut Model, d: u8) -> Vec<Effect> {
    let Some(row) = current_row(model) else {
        return vec![];
    };
    let col = model.open.as_ref().map(|o| o.col).unwrap_or(0);
    match (model.screen, row) {
        (Screen::Instrument(i), Row::Option(_)) => change(model, |content, open| {
            let Some(inst) = content.instruments.get(i) else {
                return false;
            };
            let InstrumentKind::Choice { options, multi } = &inst.kind else {
                return false;
            };
            let answer = open.session.instruments.entry(inst.id.clone()).or_default();
            if d == 0 {
                answer.choices.clear();
                return true;
            }
            let Some(option) = options.get(usize::from(d) - 1) else {
                return false;
            };
            toggle_choice(&mut answer.choices, &option.id, *multi);
            true
        }),
        (Screen::Instrument(i), Row::Pair(p)) if d <= 7 => change(model, |content, open| {
            let Some((inst, pair)) = slider_pair(content, i, p) else {
                return false;
            };
            let answer = open.session.instruments.entry(inst.id.clone()).or_default();
            if d == 0 {
                answer.sliders.remove(&pair.id);
            } else {
                answer.sliders.insert(pair.id.clone(), d as i8 - 4);
            }
            true
        }),
        (Screen::Instrument(i), row @ (Row::FixedRow(_) | Row::UserRow(_))) => {
            change(model, |content, open| {
                let Some((inst, column, rid)) = table_cell(content, i, col, &row) else {
                    return false;
                };
                let value = match &column.kind {
                    _ if d == 0 => None,
                    ColumnKind::Scale { .. } if d <= 5 => Some(CellValue::Score(d)),
                    ColumnKind::Choice { options } => match options.get(usize::from(d) - 1) {
                        Some(o) => Some(CellValue::Choice(o.id.clone())),
                        None => return false,
                    },
                    ColumnKind::Scale { .. } => return false,
                };
                let answer = open.session.instruments.entry(inst.id.clone()).or_default();
                let cell = answer.row_mut(&rid);
                match value {
                    Some(v) => cell.values.insert(column.id.clone(), v),
                    None => cell.values.remove(&column.id),
                };
                true
            })
        }
        _ => vec![],
    }
}

/// Pair `p` of slider instrument `i`, with its instrument.
fn slider_pair(
    content: &Content,
    i: usize,
    p: usize,
) -> Option<(&crate::content::Instrument, &crate::content::SliderPair)> {
    let inst = content.instruments.get(i)?;
    let InstrumentKind::Sliders { pairs } = &inst.kind else {
        return None;
    };
    Some((inst, pairs.get(p)?))
}

/// ← / →: change column in a table of several, else slide or cycle the value.
pub(super) fn left_right(model: &mut Model, right: bool) -> Vec<Effect> {
    let delta: i32 = if right { 1 } else { -1 };
    let Some(row) = current_row(model) else {
        return vec![];
    };
    match (model.screen, row) {
        (Screen::Instrument(i), Row::Pair(p)) => change(model, |content, open| {
            let Some((inst, pair)) = slider_pair(content, i, p) else {
                return false;
            };
            let answer = open.session.instruments.entry(inst.id.clone()).or_default();
            let v = answer.sliders.entry(pair.id.clone()).or_insert(0);
            *v = (i32::from(*v) + delta).clamp(-3, 3) as i8;
            true
        }),
        (Screen::Instrument(i), Row::FixedRow(_) | Row::UserRow(_)) => {
            let columns = match model.content.instruments.get(i).map(|i| &i.kind) {
                Some(InstrumentKind::Table { columns, .. }) => columns.len(),
                _ => 0,
            };
            if columns > 1 {
                if let Some(open) = model.open.as_mut() {
                    open.col = (open.col as i32 + delta).clamp(0, columns as i32 - 1) as usize;
                }
                vec![]
            } else {
                cycle_cell(model, delta)
            }
        }
        _ => vec![],
    }
}

/// `+`: a new row of one's own (table instruments that allow them).
pub(in crate::app) fn add_row(model: &mut Model) -> Vec<Effect> {
    if refuse_read_only(model) {
        return vec![];
    }
    match model.screen {
        Screen::Instrument(i) => {
            let Some(inst) = model.content.instruments.get(i).cloned() else {
                return vec![];
            };
            let InstrumentKind::Table {
                user_rows: true, ..
            } = inst.kind
            else {
                set_info(model, texts::NO_OWN_ROWS.to_string());
                return vec![];
            };
            let content = model.content.clone();
            let Some(open) = model.open.as_mut() else {
                return vec![];
            };
            let answer = open.session.instruments.entry(inst.id.clone()).or_default();
            let id = (1..)
                .map(|n| format!("eigen-{n}"))
                .find(|id| answer.row(id).is_none())
                .unwrap_or_default();
            answer.row_mut(&id);
            // A new row starts at its first column, whatever the row above had.
            open.col = 0;
            let rows = nav::rows(&content, &open.session, model.screen);
            open.cursor = rows
                .iter()
                .position(|r| *r == Row::UserRow(id.clone()))
                .unwrap_or(0);
            let mut effects = vec![save_effect(open)];
            effects.extend(open_editor(
                model,
                TextTarget::RowLabel {
                    instrument: inst.id,
                    row: id,
                },
            ));
            effects
        }
        _ => vec![],
    }
}
