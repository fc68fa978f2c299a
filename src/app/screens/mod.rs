//! One file per screen: its state, its intent messages, its key bindings and its
//! `update`. The top level (`app::update`) only routes a [`ScreenMsg`] here and keeps the
//! back history. Adding a screen: its own file plus one registration in [`ScreenMsg`],
//! [`update`] and `keymap::bindings`.

pub mod actions;
pub mod closing;
pub mod dilemma;
pub mod instrument;
pub mod overview;
pub mod scan;

use super::{Effect, Model};

/// An intent of one screen, for that screen's `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenMsg {
    Actions(actions::ActionsMsg),
    Closing(closing::ClosingMsg),
    Dilemma(dilemma::DilemmaMsg),
    Instrument(instrument::InstrumentMsg),
    Overview(overview::OverviewMsg),
    Scan(scan::ScanMsg),
}

/// Routes a screen's intent to its `update`.
pub fn update(model: &mut Model, msg: ScreenMsg) -> Vec<Effect> {
    match msg {
        ScreenMsg::Actions(m) => actions::update(model, m),
        ScreenMsg::Closing(m) => closing::update(model, m),
        ScreenMsg::Dilemma(m) => dilemma::update(model, m),
        ScreenMsg::Instrument(m) => instrument::update(model, m),
        ScreenMsg::Overview(m) => overview::update(model, m),
        ScreenMsg::Scan(m) => scan::update(model, m),
    }
}
