//! The export dialog (`x` in a session): the full report or the version for the Raad van
//! Toezicht, and for the RvT version a checklist of the parts that go in. Its own intents,
//! keys and `update`; drawn by `ui::export`. Writing goes through the one export path
//! (`report::export_version`, by the runtime).

use super::super::keymap::{Entry, Join, Key, b, hint};
use super::super::{Effect, Model, Msg};
use super::ScreenMsg;
use crate::present::Sections;
use ratatui::crossterm::event::KeyCode;

/// The dialog's state: which version, which parts, which row has the focus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportDialog {
    /// The RvT version instead of the full report.
    pub rvt: bool,
    /// The parts the RvT version takes in besides its summary, scores and afspraken.
    pub with: Sections,
    /// 0 the full report, 1 the RvT version, 2.. the parts (in [`Sections::WORDS`] order).
    pub focus: usize,
}

impl ExportDialog {
    /// The rows: two versions, then one per part.
    pub const ROWS: usize = 2 + Sections::WORDS.len();

    /// The part on the focused row, if it is one.
    pub fn focused_part(&self) -> Option<usize> {
        self.focus.checked_sub(2)
    }
}

/// What the user means in the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportMsg {
    Previous,
    Next,
    /// Choose the focused version, or tick / untick the focused part.
    Toggle,
    /// Write the report as chosen.
    Write,
}

pub const fn msg(m: ExportMsg) -> Msg {
    Msg::Screen(ScreenMsg::Export(m))
}

use Key::{Char as C, Code, Ctrl};

#[rustfmt::skip]
pub static BINDINGS: &[Entry] = &[
    b(&[Code(KeyCode::Up), C('k')], msg(ExportMsg::Previous), "↑/k", "vorige regel", false),
    b(&[Code(KeyCode::Down), C('j'), Code(KeyCode::Tab)], msg(ExportMsg::Next), "↓/j", "volgende regel", false),
    hint(|m| matches!(m, Msg::Screen(ScreenMsg::Export(ExportMsg::Previous | ExportMsg::Next))), Join::Together, "kiezen"),
    b(&[C(' ')], msg(ExportMsg::Toggle), "spatie", "kiezen / aanvinken", true),
    b(&[Code(KeyCode::Enter)], msg(ExportMsg::Write), "Enter", "rapport schrijven", true),
    b(&[Code(KeyCode::Esc), C('x')], Msg::Back, "Esc", "annuleren", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// `x` in a session: opens the dialog (the choice made last time stays).
pub fn open(model: &mut Model) -> Vec<Effect> {
    if model.open.is_some() {
        model.export = Some(model.export_last.unwrap_or_default());
    }
    vec![]
}

/// Applies one of the dialog's intents.
pub fn update(model: &mut Model, msg: ExportMsg) -> Vec<Effect> {
    let Some(dialog) = model.export.as_mut() else {
        return vec![];
    };
    match msg {
        ExportMsg::Previous => dialog.focus = dialog.focus.saturating_sub(1),
        ExportMsg::Next => dialog.focus = (dialog.focus + 1).min(ExportDialog::ROWS - 1),
        ExportMsg::Toggle => match dialog.focused_part() {
            None => dialog.rvt = dialog.focus == 1,
            Some(part) => {
                // Ticking a part means the RvT version: the full report has every part.
                dialog.rvt = true;
                dialog.with.toggle(part);
            }
        },
        ExportMsg::Write => {
            let dialog = *dialog;
            model.export = None;
            model.export_last = Some(ExportDialog { focus: 0, ..dialog });
            if let Some(open) = model.open.as_ref() {
                return vec![Effect::Export {
                    path: open.path.clone(),
                    rvt: dialog.rvt,
                    with: if dialog.rvt {
                        dialog.with
                    } else {
                        Sections::default()
                    },
                }];
            }
        }
    }
    vec![]
}
