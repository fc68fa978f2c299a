//! The vocabulary of the app: messages in, effects out.

use super::TextTarget;
use crate::session::{Mode, Session};
use crate::store::ListEntry;
use ratatui_textarea::Input;
use std::path::PathBuf;

/// A session that the runtime opened for the model.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedSession {
    pub path: PathBuf,
    pub session: Session,
    pub read_only: Option<String>,
    /// The scan of the previous session of the same bestuurder and samenwerking.
    pub previous: Option<Previous>,
    /// Fields that got back the text a stopped kansrijk left in the user's own editor.
    pub recovered: Vec<String>,
}

/// An earlier session's quick scan, to compare with.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    /// Its file.
    pub path: PathBuf,
    /// When it was held, for the legend.
    pub label: String,
    pub answers: std::collections::BTreeMap<String, crate::session::Answer>,
    /// Its reflections by prompt id, shown read-only beside the new ones.
    pub reflections: std::collections::BTreeMap<String, String>,
    /// Its dilemma positions and reflections by dilemma id, shown read-only.
    pub dilemmas: std::collections::BTreeMap<String, crate::session::DilemmaReflection>,
}

/// Everything that can happen: a key turned into an intent, a resize, an effect's result.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// An intent of the focused screen, for that screen's own `update`.
    Screen(super::screens::ScreenMsg),
    /// Add an action linked to what is on screen.
    AddAction,
    GoOverview,
    GoPerspectives,
    GoTensions,
    GoActions,
    /// The guided path: next / previous stop.
    NextStop,
    PrevStop,
    /// F2: presentation mode on/off.
    TogglePresenting,
    /// Show or hide the previous session's reflections and dilemma positions.
    TogglePreviousTexts,
    /// The external editor finished.
    ExternalEdited {
        target: TextTarget,
        result: Result<String, String>,
    },
    /// Open this session file (from the command line).
    Open(PathBuf),
    /// Write the coach's private note for this screen.
    EditCoachNote,
    /// `x`: in a session, open the export dialog; in the group view, write the group
    /// report.
    Export,
    Exported(Result<PathBuf, String>),
    GroupLoaded(Result<Box<super::GroupData>, String>),
    /// In an open session or the search results: ask for words to search.
    StartSearch,
    /// The names that complete `typed` (the last path in the import prompt).
    PathCompleted {
        typed: String,
        completion: crate::group::Completion,
    },
    Imported(Result<String, String>),
    /// The result of moving a session to the prullenbak.
    Trashed(Result<PathBuf, String>),
    /// A start-screen row no longer matched its file (changed outside kansrijk, or a
    /// forged listing cache): nothing was done; the Dutch explanation.
    RowChanged(String),
    Searched(Vec<crate::search::Hit>),
    /// Open the quick scan of the open session.
    OpenScan,
    /// Esc: leave the editor, close the overlay, or go one screen back.
    Back,
    ToggleHelp,
    Quit,
    /// Quit even though the last change could not be saved (a signal, or `q` twice).
    QuitAnyway,
    /// A key typed into a text field (form or editor).
    Input(Input),
    /// Bracketed paste.
    Paste(String),
    Resize(u16, u16),
    /// The runtime's clock: time since start. Lets a status message expire while `update`
    /// stays pure.
    Tick(std::time::Duration),
    /// The sessions folder is being read (in the background, at start-up).
    Listing,
    /// Results of effects.
    Listed(Result<Vec<ListEntry>, String>),
    Opened(Result<Box<OpenedSession>, String>),
    Saved {
        path: PathBuf,
        generation: u64,
        result: Result<(), String>,
    },
    /// Another program had changed the session's file: its version stayed, and the
    /// session (up to `generation`) was saved as a new file `to`, where work goes on.
    SavedElsewhere {
        from: PathBuf,
        to: PathBuf,
        generation: u64,
    },
}

/// What a start-screen row says its file is. Before acting on the row the runtime reads
/// the file's own header and compares (the listing may come from a cache).
#[derive(Debug, Clone, PartialEq)]
pub struct RowIdentity {
    pub id: String,
    pub bestuurder: String,
    pub samenwerking: String,
}

impl RowIdentity {
    pub fn of(header: &crate::session::Header) -> Self {
        Self {
            id: header.id.clone(),
            bestuurder: header.bestuurder.clone(),
            samenwerking: header.samenwerking.clone(),
        }
    }
}

/// What to do with a start-screen row once its file is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    Open,
    Trash,
    FollowUp,
}

impl Msg {
    /// True for what the user does (a key, a paste); false for what the runtime reports
    /// (a resize, a tick, an effect's result) and for quitting.
    pub fn is_user_input(&self) -> bool {
        !matches!(
            self,
            Msg::Resize(..)
                | Msg::Tick(_)
                | Msg::Quit
                | Msg::QuitAnyway
                | Msg::Open(_)
                | Msg::Listing
                | Msg::Listed(_)
                | Msg::Opened(_)
                | Msg::Saved { .. }
                | Msg::SavedElsewhere { .. }
                | Msg::Trashed(_)
                | Msg::Searched(_)
                | Msg::GroupLoaded(_)
                | Msg::Imported(_)
                | Msg::PathCompleted { .. }
                | Msg::Exported(_)
                | Msg::ExternalEdited { .. }
                | Msg::RowChanged(_)
        )
    }
}

/// What `update` asks the runtime to do; the runtime answers with messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    ListSessions,
    Open(PathBuf),
    /// Act on a start-screen row, after checking that the file still is what the row
    /// shows; if not, answer [`Msg::RowChanged`] instead.
    OnRow {
        path: PathBuf,
        row: RowIdentity,
        action: RowAction,
    },
    Create {
        bestuurder: String,
        organisatie: String,
        samenwerking: String,
        mode: Mode,
    },
    /// The open session changed (to `generation`): save its state. The runtime takes the
    /// snapshot itself when the saver is free, so that a large session is not copied for
    /// every key while the previous save is still being written.
    Save {
        path: PathBuf,
        generation: u64,
    },
    /// Write an HTML report of the session (with the previous session overlaid): the
    /// full one, or the RvT version with the chosen parts.
    Export {
        path: PathBuf,
        rvt: bool,
        with: crate::present::Sections,
    },
    /// Write the HTML group report of this samenwerking (anonymous: R1…Rn).
    ExportGroup {
        samenwerking: String,
        anonymous: bool,
    },
    /// Move a session to the prullenbak.
    Trash(PathBuf),
    /// Load the sessions of this samenwerking for the group view.
    LoadGroup(String),
    /// Copy partner session files into the group folder; folders and patterns (`*`, `?`)
    /// are expanded first.
    Import(Vec<PathBuf>),
    /// Read the folder of this partly typed path and answer [`Msg::PathCompleted`].
    CompletePath(String),
    /// Search all sessions.
    Search(String),
    /// Create a follow-up of the session at this path and open it.
    FollowUp(PathBuf),
    /// Edit this text in the user's external editor and report back.
    ExternalEdit {
        target: TextTarget,
        text: String,
    },
    /// The session at this path is no longer being worked on: save this final state if
    /// a save is still waiting, then release its lock.
    Close {
        path: PathBuf,
        generation: u64,
        session: Box<Session>,
    },
    Quit,
}
