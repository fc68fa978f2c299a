//! Model (all UI state), Msg (everything that can happen), `update` and the keymap.

pub mod keymap;
mod model;
mod msg;
pub mod nav;
pub mod page;
pub mod screens;
pub mod text;
mod update;

/// The smallest supported terminal: below it nothing acts unseen and the view says so.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub use model::{
    ActionField, DilemmaField, Editor, GroupData, Model, NewForm, OpenSession, Prompt, PromptKind,
    SaveState, Screen, Status, StatusKind, TextTarget,
};
pub use msg::{Effect, Msg, OpenedSession, Previous, RowAction, RowIdentity};
pub use update::{clean_pasted, update};
