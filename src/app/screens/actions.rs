//! The actions (afspraken) screen: a table of what, who, when, what it is about and
//! whether it is done. Its column state, its intents, its keys and its `update`; drawn by
//! `ui::actions`.

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::keymap::{KeyMode, key_name};
use super::super::nav::{self, Row};
use super::super::update::{
    change, current_row, open_editor, refuse_read_only, save_effect, set_info,
};
use super::super::{ActionField, Effect, Model, Msg, Screen, TextTarget};
use super::ScreenMsg;
use super::list::{self, Move, list_bindings};
use crate::place::Place;
use crate::session::{Action, Review};
use crate::text as texts;
use ratatui::crossterm::event::KeyCode;

/// A column of the actions table, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActionColumn {
    #[default]
    What,
    Who,
    When,
    /// What the action is about (its link): "Over".
    About,
    Done,
}

impl ActionColumn {
    pub const ALL: [ActionColumn; 5] = [
        ActionColumn::What,
        ActionColumn::Who,
        ActionColumn::When,
        ActionColumn::About,
        ActionColumn::Done,
    ];

    /// Its position, left to right (0 for "Wat").
    pub fn index(self) -> usize {
        self as usize
    }

    fn step(self, delta: isize) -> Self {
        let i = (self.index() as isize + delta).clamp(0, Self::ALL.len() as isize - 1);
        Self::ALL[i as usize]
    }

    /// The text field of the column; "Over" has none (`e` writes "Wat"), and "Gedaan"
    /// has one only for an afspraak from last time: the note with its review.
    fn field(self, carried: bool) -> ActionField {
        match self {
            ActionColumn::Who => ActionField::Who,
            ActionColumn::When => ActionField::When,
            ActionColumn::Done if carried => ActionField::ReviewNote,
            _ => ActionField::What,
        }
    }
}

/// What the user means on the actions screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionsMsg {
    PrevColumn,
    NextColumn,
    /// Space: on "Over" the next link (what the action is about), elsewhere done on/off;
    /// for an afspraak from last time the next review (gedaan, loopt door, vervallen).
    ChangeCell,
    /// A new, empty action.
    Add,
    /// Delete the selected action (asks to press again).
    Delete,
    Move(Move),
    Scroll {
        down: bool,
    },
    /// Enter: write the cell, change "Over" or "Gedaan"; on the last row a new action.
    Open,
    /// `e`: write the selected cell.
    Write,
}

pub const fn msg(m: ActionsMsg) -> Msg {
    Msg::Screen(ScreenMsg::Actions(m))
}

use Key::{Char as C, Code};

/// The actions screen's own keys (the list keys and the session keys come after them).
#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Left), C('h')], msg(ActionsMsg::PrevColumn), "←", "vorige kolom", false),
    b(&[Code(KeyCode::Right), C('l')], msg(ActionsMsg::NextColumn), "→", "volgende kolom", false),
    b(&[C(' ')], msg(ActionsMsg::ChangeCell), "spatie", "gedaan / koppeling wisselen", true),
    b(&[C('+'), C('n')], msg(ActionsMsg::Add), "+", "nieuwe afspraak", true),
    b(&[C('d'), Code(KeyCode::Delete)], msg(ActionsMsg::Delete), "d d", "verwijderen", false),
];

/// The list keys of the actions screen (after its own keys, before the session keys).
#[rustfmt::skip]
pub static LIST_BINDINGS: &[Entry] = list_bindings!(Actions, ActionsMsg, ActionsMsg::Open, ActionsMsg::Write);

/// Applies one of the screen's intents.
pub fn update(model: &mut Model, msg: ActionsMsg) -> Vec<Effect> {
    if model.screen != Screen::Actions {
        return vec![];
    }
    match msg {
        ActionsMsg::PrevColumn | ActionsMsg::NextColumn => {
            let delta = if msg == ActionsMsg::NextColumn { 1 } else { -1 };
            if let Some(open) = model.open.as_mut() {
                open.action_col = open.action_col.step(delta);
            }
            vec![]
        }
        ActionsMsg::ChangeCell => match current_row(model) {
            Some(Row::Action(a)) => change_cell(model, a),
            _ => vec![],
        },
        ActionsMsg::Add => {
            if refuse_read_only(model) {
                return vec![];
            }
            new_action(model, Place::none())
        }
        ActionsMsg::Delete => delete(model),
        ActionsMsg::Move(to) => {
            list::move_cursor(model, to);
            vec![]
        }
        ActionsMsg::Scroll { down } => {
            list::scroll(model, down);
            vec![]
        }
        ActionsMsg::Open => open_selected(model),
        ActionsMsg::Write => edit_selected(model),
    }
}

/// `d`: delete the selected action; the first press asks for confirmation.
fn delete(model: &mut Model) -> Vec<Effect> {
    match current_row(model) {
        Some(Row::NewAction) => {
            let key = |m| key_name(KeyMode::Actions, &msg(m));
            let why = texts::choose_action_to_delete(
                &key(ActionsMsg::Move(Move::Previous)),
                &key(ActionsMsg::Move(Move::Next)),
                &key(ActionsMsg::Delete),
            );
            set_info(model, why);
            vec![]
        }
        Some(Row::Action(a)) => {
            if !list::confirm_delete(model, &key_name(KeyMode::Actions, &msg(ActionsMsg::Delete))) {
                return vec![];
            }
            let effects = change(model, |_, open| {
                open.confirm_delete = None;
                if a < open.session.actions.len() {
                    open.session.actions.remove(a);
                    true
                } else {
                    false
                }
            });
            list::deleted(model, effects)
        }
        _ => vec![],
    }
}

/// A new action linked to `link`, with its "Wat" open to write; on the actions screen it
/// is selected.
pub(in crate::app) fn new_action(model: &mut Model, link: Place) -> Vec<Effect> {
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

/// Enter: on a text column write it, on "Over" or "Gedaan" change it; on the last row a
/// new action.
fn open_selected(model: &mut Model) -> Vec<Effect> {
    match current_row(model) {
        Some(Row::NewAction) => update(model, ActionsMsg::Add),
        Some(Row::Action(a)) => match column(model) {
            ActionColumn::About | ActionColumn::Done => change_cell(model, a),
            _ => edit_selected(model),
        },
        _ => vec![],
    }
}

/// `e`: write the text of the selected cell ("Wat" on the columns without text).
fn edit_selected(model: &mut Model) -> Vec<Effect> {
    match current_row(model) {
        Some(Row::Action(a)) => {
            let carried = model
                .open
                .as_ref()
                .and_then(|o| o.session.actions.get(a))
                .is_some_and(|x| x.carried.is_some());
            let field = column(model).field(carried);
            open_editor(model, TextTarget::Action(a, field))
        }
        _ => vec![],
    }
}

fn column(model: &Model) -> ActionColumn {
    model
        .open
        .as_ref()
        .map(|o| o.action_col)
        .unwrap_or_default()
}

fn change_cell(model: &mut Model, a: usize) -> Vec<Effect> {
    if column(model) == ActionColumn::About {
        return change(model, |content, open| {
            let links = nav::all_links(content);
            let Some(action) = open.session.actions.get_mut(a) else {
                return false;
            };
            let current = Place::from(action.link.as_str());
            let i = links.iter().position(|l| *l == current).unwrap_or(0);
            action.link = links[(i + 1) % links.len()].to_string();
            true
        });
    }
    change(model, |_, open| match open.session.actions.get_mut(a) {
        Some(action) => {
            match action.carried.as_mut() {
                // From last time: reviewed in turn; done only when "gedaan".
                Some(c) => {
                    c.review = Review::cycle(c.review);
                    action.done = c.review == Some(Review::Gedaan);
                }
                None => action.done = !action.done,
            }
            true
        }
        None => false,
    })
}
