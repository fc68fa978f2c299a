//! Model (all UI state), Msg (everything that can happen), `update` and the keymap.

pub mod keymap;
mod model;
mod msg;
mod update;

pub use model::{Model, NewForm, NoteEditor, OpenSession, SaveState, Screen, Status, StatusKind};
pub use msg::{Effect, Msg, OpenedSession};
pub use update::update;
