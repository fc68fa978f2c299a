//! One file per screen: its state, its intent messages, its key bindings and its
//! `update`. The top level (`app::update`) only routes a [`ScreenMsg`] here and keeps the
//! back history. Adding a screen: its own file plus one registration in [`ScreenMsg`],
//! [`update`] and `keymap::bindings`.

pub mod actions;
pub mod closing;
pub mod dilemma;
pub mod editor;
pub mod export;
pub mod form;
pub mod group;
pub mod help;
pub mod instrument;
pub mod list;
pub mod overview;
pub mod page;
pub mod perspective;
pub mod prompt;
pub mod scan;
pub mod search;
pub mod start;
pub mod tension;
pub mod theme;

use super::{Effect, Model};

/// An intent of one screen, for that screen's `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenMsg {
    Actions(actions::ActionsMsg),
    Closing(closing::ClosingMsg),
    Dilemma(dilemma::DilemmaMsg),
    Editor(editor::EditorMsg),
    Export(export::ExportMsg),
    Form(form::FormMsg),
    Group(group::GroupMsg),
    Help(help::HelpMsg),
    Instrument(instrument::InstrumentMsg),
    Overview(overview::OverviewMsg),
    Page(page::PageMsg),
    Perspective(perspective::PerspectiveMsg),
    Prompt(prompt::PromptMsg),
    Scan(scan::ScanMsg),
    Search(search::SearchMsg),
    Start(start::StartMsg),
    Tension(tension::TensionMsg),
    Theme(theme::ThemeMsg),
}

/// Routes a screen's intent to its `update`.
pub fn update(model: &mut Model, msg: ScreenMsg) -> Vec<Effect> {
    match msg {
        ScreenMsg::Actions(m) => actions::update(model, m),
        ScreenMsg::Closing(m) => closing::update(model, m),
        ScreenMsg::Dilemma(m) => dilemma::update(model, m),
        ScreenMsg::Editor(m) => editor::update(model, m),
        ScreenMsg::Export(m) => export::update(model, m),
        ScreenMsg::Form(m) => form::update(model, m),
        ScreenMsg::Group(m) => group::update(model, m),
        ScreenMsg::Help(m) => help::update(model, m),
        ScreenMsg::Instrument(m) => instrument::update(model, m),
        ScreenMsg::Overview(m) => overview::update(model, m),
        ScreenMsg::Page(m) => page::update(model, m),
        ScreenMsg::Perspective(m) => perspective::update(model, m),
        ScreenMsg::Prompt(m) => prompt::update(model, m),
        ScreenMsg::Scan(m) => scan::update(model, m),
        ScreenMsg::Search(m) => search::update(model, m),
        ScreenMsg::Start(m) => start::update(model, m),
        ScreenMsg::Tension(m) => tension::update(model, m),
        ScreenMsg::Theme(m) => theme::update(model, m),
    }
}
