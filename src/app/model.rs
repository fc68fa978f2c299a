//! All UI state. `view` draws only from this; `update` is the only place it changes.

use super::{MIN_HEIGHT, MIN_WIDTH};
use crate::content::Content;
use crate::session::{Mode, Session};
use crate::store::ListEntry;
use ratatui_textarea::{TextArea, WrapMode};
use std::path::PathBuf;
use std::sync::Arc;

/// Which screen is on top. Indices point into the content (perspective, theme, tension,
/// dilemma, instrument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    NewSession,
    Overview,
    Scan,
    Perspective(usize),
    Theme(usize, usize),
    Tension(usize),
    Dilemma(usize, usize),
    Instrument(usize),
    Actions,
    /// "Wat neem ik mee?": the last stop of the guided path (`screens::closing`).
    Closing,
    /// The respondents of one samenwerking compared (start screen, `g`).
    Group,
    /// Search results (start screen, `/`).
    Search,
}

/// What a one-line prompt on the start screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Import,
    Search,
}

/// A one-line input on the start screen.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub textarea: TextArea<'static>,
}

/// The sessions of one samenwerking, loaded for the group view.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupData {
    pub samenwerking: String,
    /// The members' files, parallel to `sessions`.
    pub paths: Vec<std::path::PathBuf>,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

/// A line for the status bar. It belongs to the moment: it goes when the screen changes
/// or when it has been shown for a few seconds (see [`Status::lifetime`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
    /// It warns that the session is not saved: a save that succeeds takes it away.
    pub unsaved: bool,
    /// The model's clock when it was set.
    pub since: std::time::Duration,
}

impl Status {
    /// How long a message stays: information briefly, an error a little longer.
    pub fn lifetime(&self) -> std::time::Duration {
        match self.kind {
            StatusKind::Info => std::time::Duration::from_secs(5),
            StatusKind::Error => std::time::Duration::from_secs(10),
        }
    }
}

/// Whether the open session's last change is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(String),
}

/// The text fields of a dilemma reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DilemmaField {
    PullLeft,
    PullRight,
    NextStep,
    Note,
}

/// The text fields of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ActionField {
    What,
    Who,
    When,
    /// The note with the review of an afspraak carried from last time.
    ReviewNote,
}

/// Which text in the session an editor is editing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextTarget {
    ConditionNote(String),
    Reflection(String),
    Dilemma(String, DilemmaField),
    InstrumentNote(String),
    RowLabel { instrument: String, row: String },
    Action(usize, ActionField),
    CoachNote(crate::place::Place),
}

impl TextTarget {
    /// A note (of a condition, an instrument, a dilemma, or the coach's): never shown on
    /// a shared screen (F2).
    pub fn is_note(&self) -> bool {
        matches!(
            self,
            TextTarget::ConditionNote(_)
                | TextTarget::InstrumentNote(_)
                | TextTarget::Dilemma(_, DilemmaField::Note)
                | TextTarget::CoachNote(_)
        )
    }

    /// Labels of table rows and the fields of an action are one line.
    pub fn single_line(&self) -> bool {
        matches!(self, TextTarget::RowLabel { .. } | TextTarget::Action(..))
    }
}

/// The editor for one text: multi-line with word wrap, or a single line.
#[derive(Debug, Clone)]
pub struct Editor {
    pub target: TextTarget,
    /// What is being edited, for the editor's title.
    pub title: String,
    pub textarea: TextArea<'static>,
}

impl Editor {
    pub fn new(target: TextTarget, title: String, text: &str) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_wrap_mode(WrapMode::Word);
        textarea.set_cursor_line_style(ratatui::style::Style::default());
        textarea.set_placeholder_text(if target.single_line() {
            "Typ hier…"
        } else {
            "Typ hier uw tekst…"
        });
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        Self {
            target,
            title,
            textarea,
        }
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

/// A session being worked on.
#[derive(Debug, Clone)]
pub struct OpenSession {
    pub path: PathBuf,
    pub session: Session,
    pub read_only: Option<String>,
    /// Index of the focused scan item, in scan order.
    pub focus: usize,
    pub editor: Option<Editor>,
    pub save: SaveState,
    /// Counts changes; a save result only clears `Pending` for the latest change.
    pub generation: u64,
    /// The selected row of the current screen.
    pub cursor: usize,
    /// The selected column of an instrument's table.
    pub col: usize,
    /// The selected column of the actions table.
    pub action_col: super::screens::actions::ActionColumn,
    /// How far the current screen's text is scrolled.
    pub scroll: u16,
    /// The focused element of the overview.
    pub overview_focus: usize,
    /// Screens to go back to with Esc, with their selected row.
    pub back: Vec<(Screen, usize)>,
    /// A row that will be deleted if the delete key is pressed again.
    pub confirm_delete: Option<usize>,
    /// The previous session's scan, if there is one, and whether it is overlaid.
    pub previous: Option<super::Previous>,
    pub show_previous: bool,
    /// Whether the previous session's reflections and dilemma positions are shown beside
    /// the new ones (off until asked for).
    pub show_previous_texts: bool,
    /// The focused strategy on a dilemma's strategy row (index into the content's list).
    pub strategy_focus: usize,
    /// The scan's advice panel is open, with this line selected (`screens::scan`).
    pub advice: Option<usize>,
}

impl OpenSession {
    pub fn new(path: PathBuf, session: Session, read_only: Option<String>) -> Self {
        Self {
            path,
            session,
            read_only,
            focus: 0,
            editor: None,
            save: SaveState::Saved,
            generation: 0,
            cursor: 0,
            col: 0,
            action_col: Default::default(),
            scroll: 0,
            overview_focus: 0,
            back: Vec::new(),
            confirm_delete: None,
            previous: None,
            show_previous: true,
            show_previous_texts: false,
            strategy_focus: 0,
            advice: None,
        }
    }
}

/// The new-session form: three single-line fields and the mode.
#[derive(Debug, Clone)]
pub struct NewForm {
    pub fields: [TextArea<'static>; 3],
    pub mode: Mode,
    /// 0..=2 a text field, 3 the mode.
    pub focus: usize,
    pub error: Option<String>,
}

impl Default for NewForm {
    fn default() -> Self {
        Self {
            fields: [
                TextArea::default(),
                TextArea::default(),
                TextArea::default(),
            ],
            mode: Mode::Zelfreflectie,
            focus: 0,
            error: None,
        }
    }
}

impl NewForm {
    pub const FIELD_COUNT: usize = 4;

    pub fn value(&self, i: usize) -> String {
        self.fields[i].lines().join(" ").trim().to_string()
    }
}

/// The display widths (terminal cells) of the start screen's names, over all rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListWidths {
    /// The widest bestuurder and samenwerking.
    pub name_max: usize,
    pub samenwerking_max: usize,
    /// The widest single word in any bestuurder or samenwerking.
    pub name_word: usize,
    pub samenwerking_word: usize,
    /// Whether any row is an unreadable file.
    pub any_unreadable: bool,
}

impl ListWidths {
    pub fn of(entries: &[ListEntry]) -> Self {
        use unicode_width::UnicodeWidthStr;
        let longest_word = |t: &str| t.split_whitespace().map(|w| w.width()).max().unwrap_or(0);
        let mut out = Self::default();
        for entry in entries {
            match entry {
                ListEntry::Session { header, .. } => {
                    out.name_max = out.name_max.max(header.bestuurder.width());
                    out.samenwerking_max = out.samenwerking_max.max(header.samenwerking.width());
                    out.name_word = out.name_word.max(longest_word(&header.bestuurder));
                    out.samenwerking_word = out
                        .samenwerking_word
                        .max(longest_word(&header.samenwerking));
                }
                ListEntry::Unreadable { .. } => out.any_unreadable = true,
            }
        }
        out
    }
}

/// The whole state of the app.
#[derive(Debug, Clone)]
pub struct Model {
    pub content: Arc<Content>,
    /// The sessions folder, shown on the start screen.
    pub dir: PathBuf,
    pub screen: Screen,
    pub list: Vec<ListEntry>,
    /// Per row of `list`: the change of the mean score since the same bestuurder's
    /// previous session about the same samenwerking (computed once per listing, so a key
    /// on the start screen does not compare every row with every other).
    pub list_trend: Vec<Option<f64>>,
    /// How wide the names in `list` are, measured once per listing (the start screen
    /// sizes its columns from this on every frame).
    pub list_widths: ListWidths,
    pub list_error: Option<String>,
    /// The first listing is still being read.
    pub list_loading: bool,
    pub selected: usize,
    pub form: NewForm,
    pub open: Option<OpenSession>,
    pub help: bool,
    /// A reading page opened from the help overlay, and how far it is scrolled.
    pub page: Option<super::page::Page>,
    pub page_scroll: u16,
    pub status: Option<Status>,
    /// Counts the statuses set, so that `update` sees whether a message set a new one.
    pub status_seq: u64,
    /// Time since start, as of the last `Msg::Tick` (the runtime's clock; `update` reads
    /// no clock itself).
    pub clock: std::time::Duration,
    pub width: u16,
    pub height: u16,
    /// `NO_COLOR`: draw with modifiers only.
    pub no_color: bool,
    /// Presentation mode (F2): for a shared screen, no private notes or file paths.
    pub presenting: bool,
    /// A one-line input on the start screen (import paths, search).
    pub prompt: Option<Prompt>,
    /// The group view's data.
    pub group: Option<GroupData>,
    /// How far the group view's numbers and topics are scrolled.
    pub group_scroll: u16,
    /// What the group view's right-hand panel shows, and the indicator drilled into.
    pub group_pane: super::screens::group::GroupPane,
    pub group_item: usize,
    /// The export dialog (`x` in a session), while it is open.
    pub export: Option<super::screens::export::ExportDialog>,
    /// The choice made the last time a report was written, offered again.
    pub export_last: Option<super::screens::export::ExportDialog>,
    /// Search results and the selected one.
    pub hits: Vec<crate::search::Hit>,
    pub hit_selected: usize,
    /// A start-screen row that goes to the prullenbak if `d` is pressed again.
    pub confirm_trash: Option<usize>,
    /// `q` was pressed while the last change is not on disk: a second `q` quits anyway.
    pub confirm_quit: bool,
    /// Where to go once the session being opened is open (from a search hit).
    pub pending_jump: Option<(Screen, usize)>,
    pub quitting: bool,
}

impl Model {
    pub fn new(content: Arc<Content>, dir: PathBuf) -> Self {
        Self {
            content,
            dir,
            screen: Screen::Start,
            list: Vec::new(),
            list_trend: Vec::new(),
            list_widths: ListWidths::default(),
            list_error: None,
            list_loading: false,
            selected: 0,
            form: NewForm::default(),
            open: None,
            help: false,
            page: None,
            page_scroll: 0,
            status: None,
            status_seq: 0,
            clock: std::time::Duration::ZERO,
            width: 80,
            height: 24,
            no_color: false,
            presenting: false,
            prompt: None,
            group: None,
            group_scroll: 0,
            group_pane: Default::default(),
            group_item: 0,
            export: None,
            export_last: None,
            hits: Vec::new(),
            hit_selected: 0,
            pending_jump: None,
            confirm_trash: None,
            confirm_quit: false,
            quitting: false,
        }
    }

    /// True while the terminal is below the smallest supported size: only the message
    /// "te klein" is shown, and no key but quitting acts.
    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// True while letter keys type text instead of giving commands.
    pub fn is_editing(&self) -> bool {
        self.screen == Screen::NewSession
            || self.prompt.is_some()
            || self.open.as_ref().is_some_and(|o| o.editor.is_some())
    }

    /// The condition index of a scan item index.
    pub fn condition_of(&self, item: usize) -> usize {
        self.content
            .scan
            .items()
            .nth(item)
            .map(|(c, _)| c)
            .unwrap_or(0)
    }
}
