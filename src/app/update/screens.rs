//! What the session screens still share: Enter and `e` on a row of the dilemma and
//! instrument screens, the delete that asks twice, new actions and the read-only guard. Each
//! screen's own intents are in `app::screens`.

use super::super::keymap::{KeyMode, key_name};
use super::super::nav::{self, Row};
use super::super::screens::ScreenMsg;
use super::super::screens::actions::{self, ActionsMsg};
use super::super::screens::editor::{open_editor, save_effect};
use super::super::screens::instrument::{self, InstrumentMsg, current_instrument_id};
use super::super::screens::list::Move;
use super::super::{ActionField, Effect, Model, Msg, OpenSession, Screen, TextTarget};
use super::{set_error, set_info};
use crate::content::Content;
use crate::session::Action;
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
                &key_name(
                    KeyMode::Actions,
                    &actions::msg(ActionsMsg::Move(Move::Previous)),
                ),
                &key_name(
                    KeyMode::Actions,
                    &actions::msg(ActionsMsg::Move(Move::Next)),
                ),
                &key_name(
                    KeyMode::Actions,
                    &Msg::Screen(ScreenMsg::Actions(ActionsMsg::Delete)),
                ),
            )),
            _ if matches!(model.screen, Screen::Instrument(_)) => {
                Some(texts::only_own_rows_deletable(
                    &key_name(
                        KeyMode::Instrument,
                        &instrument::msg(InstrumentMsg::Move(Move::Previous)),
                    ),
                    &key_name(
                        KeyMode::Instrument,
                        &instrument::msg(InstrumentMsg::Move(Move::Next)),
                    ),
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
