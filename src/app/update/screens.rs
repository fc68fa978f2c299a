//! What the session screens share: the selected row, changing the open session (with the
//! read-only guard), and the session-wide `A` (a new action linked to what is on screen).
//! Each screen's own intents are in `app::screens`.

use super::super::nav::{self, Row};
use super::super::screens::actions;
use super::super::screens::editor::save_effect;
use super::super::{Effect, Model, OpenSession};
use super::{set_error, set_info};
use crate::content::Content;
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
    let effects = actions::new_action(model, link);
    set_info(model, texts::ACTION_ADDED.to_string());
    effects
}
