//! What the keys do on each session screen: the scan, the handreiking's screens, the
//! instruments and the actions.

use super::super::keymap::{KeyMode, key_name};
use super::super::nav::{self, Row};
use super::super::screens::ScreenMsg;
use super::super::screens::actions::ActionsMsg;
use super::super::screens::dilemma::{DilemmaMsg, dilemma_id};
use super::super::screens::instrument::{self, InstrumentMsg};
use super::super::{ActionField, Effect, Model, Msg, OpenSession, Screen, TextTarget};
use super::edit::{open_editor, save_effect};
use super::{goto, set_error, set_info};
use crate::content::{ColumnKind, Content, InstrumentKind};
use crate::session::{Action, CellValue};
use crate::text as texts;

/// Says "alleen-lezen" and returns true when the open session may not change.
pub(in crate::app) fn refuse_read_only(model: &mut Model) -> bool {
    let reason = model.open.as_ref().and_then(|o| o.read_only.clone());
    if let Some(reason) = reason {
        set_error(model, format!("{}: {reason}", texts::READ_ONLY));
        true
    } else {
        false
    }
}

/// The selected row of the current screen.
pub(in crate::app) fn current_row(model: &Model) -> Option<Row> {
    let open = model.open.as_ref()?;
    let rows = nav::rows(&model.content, &open.session, model.screen);
    rows.get(open.cursor.min(rows.len().saturating_sub(1)))
        .cloned()
}

/// Runs `change` on the open session (unless read-only) and saves when it says so.
pub(in crate::app) fn change(
    model: &mut Model,
    f: impl FnOnce(&Content, &mut OpenSession) -> bool,
) -> Vec<Effect> {
    if refuse_read_only(model) {
        return vec![];
    }
    let content = model.content.clone();
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    if f(&content, open) {
        vec![save_effect(open)]
    } else {
        vec![]
    }
}

// ---- Enter, e, space, digits, arrows ---------------------------------------------------

pub(super) fn select(model: &mut Model) -> Vec<Effect> {
    let Some(row) = current_row(model) else {
        return vec![];
    };
    let content = model.content.clone();
    match (model.screen, row) {
        (Screen::Perspective(p), Row::Theme(t)) => {
            goto(model, Screen::Theme(p, t));
            vec![]
        }
        (Screen::Theme(..), Row::OpenInstrument(i)) => {
            goto(model, Screen::Instrument(i));
            vec![]
        }
        (Screen::Tension(t), Row::Dilemma(d)) => {
            goto(model, Screen::Dilemma(t, d));
            vec![]
        }
        (Screen::Tension(t), Row::Pointer(k)) => {
            let target = content
                .handreiking
                .tensions
                .get(t)
                .and_then(|t| t.pointers.get(k))
                .and_then(|ptr| {
                    let (pi, _) = content.theme(&ptr.theme)?;
                    let ti = content.handreiking.perspectives[pi]
                        .themes
                        .iter()
                        .position(|th| th.id == ptr.theme)?;
                    Some(Screen::Theme(pi, ti))
                });
            if let Some(screen) = target {
                goto(model, screen);
            }
            vec![]
        }
        (Screen::Dilemma(..), Row::Strategy) => {
            super::super::screens::dilemma::update(model, DilemmaMsg::NextStrategy)
        }
        (Screen::Instrument(_), Row::Option(_)) => toggle(model),
        (Screen::Instrument(_), Row::FixedRow(_) | Row::UserRow(_)) => {
            if matches!(row_column_kind(model), Some(ColumnKind::Choice { .. })) {
                toggle(model)
            } else if let Row::UserRow(id) = current_row(model).unwrap_or(Row::AddRow) {
                let instrument = current_instrument_id(model).unwrap_or_default();
                open_editor(
                    model,
                    TextTarget::RowLabel {
                        instrument,
                        row: id,
                    },
                )
            } else {
                vec![]
            }
        }
        (Screen::Instrument(_), Row::AddRow) => add_row(model),
        _ => edit(model),
    }
}

/// Edits the text of the selected row, if it has one.
pub(super) fn edit(model: &mut Model) -> Vec<Effect> {
    if model.screen == Screen::Scan {
        return super::super::screens::scan::edit_note(model);
    }
    let Some(row) = current_row(model) else {
        return vec![];
    };
    let content = model.content.clone();
    let target = match (model.screen, row) {
        (Screen::Theme(p, t), Row::Prompt(q)) => content
            .handreiking
            .perspectives
            .get(p)
            .and_then(|p| p.themes.get(t))
            .and_then(|t| t.prompts.get(q))
            .map(|q| TextTarget::Reflection(q.id.clone())),
        (Screen::Dilemma(t, d), Row::DilemmaText(field)) => {
            dilemma_id(&content, t, d).map(|id| TextTarget::Dilemma(id, field))
        }
        (Screen::Instrument(i), Row::InstrumentNote) => content
            .instruments
            .get(i)
            .map(|i| TextTarget::InstrumentNote(i.id.clone())),
        (Screen::Instrument(i), Row::UserRow(row)) => {
            content.instruments.get(i).map(|i| TextTarget::RowLabel {
                instrument: i.id.clone(),
                row,
            })
        }
        _ => None,
    };
    match target {
        Some(target) => open_editor(model, target),
        None => vec![],
    }
}

fn current_instrument_id(model: &Model) -> Option<String> {
    match model.screen {
        Screen::Instrument(i) => model.content.instruments.get(i).map(|i| i.id.clone()),
        _ => None,
    }
}

/// The kind of the selected column of a table instrument.
fn row_column_kind(model: &Model) -> Option<ColumnKind> {
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

/// Space: toggle an option, cycle a choice, tick an action.
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
pub(in crate::app) fn digit(model: &mut Model, d: u8) -> Vec<Effect> {
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
            let Some(inst) = content.instruments.get(i) else {
                return false;
            };
            let InstrumentKind::Sliders { pairs } = &inst.kind else {
                return false;
            };
            let Some(pair) = pairs.get(p) else {
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

/// ← / →: move on the overview, slide, cycle, or change column.
pub(in crate::app) fn left_right(model: &mut Model, right: bool) -> Vec<Effect> {
    let delta: i32 = if right { 1 } else { -1 };
    let Some(row) = current_row(model) else {
        return vec![];
    };
    match (model.screen, row) {
        (Screen::Instrument(i), Row::Pair(p)) => change(model, |content, open| {
            let Some(inst) = content.instruments.get(i) else {
                return false;
            };
            let InstrumentKind::Sliders { pairs } = &inst.kind else {
                return false;
            };
            let Some(pair) = pairs.get(p) else {
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

/// `+`: a new row of one's own (table instruments) or a new action.
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

/// `A`: a new action linked to what is on screen.
pub(super) fn add_action(model: &mut Model) -> Vec<Effect> {
    if refuse_read_only(model) {
        return vec![];
    }
    let condition = model.open.as_ref().map(|o| model.condition_of(o.focus));
    let link = nav::action_link(&model.content, model.screen, condition);
    let effects = new_action(model, link);
    set_info(model, texts::ACTION_ADDED.to_string());
    effects
}

pub(in crate::app) fn new_action(model: &mut Model, link: crate::place::Place) -> Vec<Effect> {
    let on_actions = model.screen == Screen::Actions;
    let Some(open) = model.open.as_mut() else {
        return vec![];
    };
    open.session.actions.push(Action {
        link: link.to_string(),
        ..Action::default()
    });
    let index = open.session.actions.len() - 1;
    if on_actions {
        open.cursor = index;
        open.action_col = Default::default();
    }
    let mut effects = vec![save_effect(open)];
    effects.extend(open_editor(
        model,
        TextTarget::Action(index, ActionField::What),
    ));
    effects
}

/// `d`: delete a row of one's own or an action; the first press asks for confirmation.
pub(in crate::app) fn delete_row(model: &mut Model) -> Vec<Effect> {
    let Some(row) = current_row(model) else {
        return vec![];
    };
    let deletable = matches!(row, Row::UserRow(_) | Row::Action(_));
    if !deletable {
        // Say why nothing happens.
        let why = match row {
            Row::FixedRow(_) => Some(texts::FIXED_ROW_NOT_DELETABLE.to_string()),
            Row::NewAction => Some(texts::choose_action_to_delete(
                &key_name(KeyMode::Actions, &Msg::Previous),
                &key_name(KeyMode::Actions, &Msg::Next),
                &key_name(
                    KeyMode::Actions,
                    &Msg::Screen(ScreenMsg::Actions(ActionsMsg::Delete)),
                ),
            )),
            _ if matches!(model.screen, Screen::Instrument(_)) => {
                Some(texts::only_own_rows_deletable(
                    &key_name(KeyMode::Instrument, &Msg::Previous),
                    &key_name(KeyMode::Instrument, &Msg::Next),
                    &key_name(
                        KeyMode::Instrument,
                        &instrument::msg(InstrumentMsg::DeleteRow),
                    ),
                ))
            }
            _ => None,
        };
        if let Some(why) = why {
            set_info(model, why);
        }
        return vec![];
    }
    let cursor = model.open.as_ref().map(|o| o.cursor).unwrap_or(0);
    let confirmed = model
        .open
        .as_ref()
        .is_some_and(|o| o.confirm_delete == Some(cursor));
    if !confirmed {
        if let Some(open) = model.open.as_mut() {
            open.confirm_delete = Some(cursor);
        }
        set_info(
            model,
            texts::confirm_delete(&key_name(
                KeyMode::Instrument,
                &instrument::msg(InstrumentMsg::DeleteRow),
            )),
        );
        return vec![];
    }
    let instrument = current_instrument_id(model);
    let effects = change(model, |_, open| {
        open.confirm_delete = None;
        match &row {
            Row::UserRow(id) => {
                let Some(answer) = instrument
                    .as_ref()
                    .and_then(|i| open.session.instruments.get_mut(i))
                else {
                    return false;
                };
                answer.rows.retain(|r| &r.id != id);
                true
            }
            Row::Action(a) if *a < open.session.actions.len() => {
                open.session.actions.remove(*a);
                true
            }
            _ => false,
        }
    });
    if !effects.is_empty() {
        set_info(model, texts::DELETED.to_string());
        if let Some(open) = model.open.as_mut() {
            open.cursor = open.cursor.saturating_sub(1);
        }
    }
    effects
}
