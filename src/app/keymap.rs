//! The one keymap: per mode, which key gives which message. The footer and the help
//! overlay are generated from the same tables, so they always tell the truth.

use super::{Model, Msg, Screen};
use crate::session::Answer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The input modes; each has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Start,
    Form,
    Overview,
    Scan,
    Editor,
    Help,
}

/// A key as the keymap knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

/// One binding: the keys, the message, and how the footer and help describe it.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub msg: Msg,
    /// Key text for footer and help, e.g. "↑/↓".
    pub key_label: &'static str,
    /// What it does, in Dutch.
    pub help: &'static str,
    /// Shown in the footer (otherwise only in the help overlay).
    pub footer: bool,
}

const fn b(
    keys: &'static [Key],
    msg: Msg,
    key_label: &'static str,
    help: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        msg,
        key_label,
        help,
        footer,
    }
}

use Key::{Char as C, Code, Ctrl};

static COMMON: &[Binding] = &[
    b(&[C('?')], Msg::ToggleHelp, "?", "hulp", true),
    b(&[C('q')], Msg::Quit, "q", "stoppen", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

static START: &[Binding] = &[
    b(
        &[Code(KeyCode::Up), C('k')],
        Msg::Up,
        "↑/k",
        "vorige sessie",
        false,
    ),
    b(
        &[Code(KeyCode::Down), C('j')],
        Msg::Down,
        "↓/j",
        "volgende sessie",
        false,
    ),
    b(&[], Msg::Up, "↑↓", "kiezen", true),
    b(
        &[Code(KeyCode::Enter)],
        Msg::Select,
        "Enter",
        "openen",
        true,
    ),
    b(&[C('n')], Msg::NewSession, "n", "nieuwe sessie", true),
    b(
        &[Code(KeyCode::Home), C('g')],
        Msg::Home,
        "Home",
        "eerste sessie",
        false,
    ),
    b(
        &[Code(KeyCode::End), C('G')],
        Msg::End,
        "End",
        "laatste sessie",
        false,
    ),
];

static FORM: &[Binding] = &[
    b(
        &[Code(KeyCode::Tab), Code(KeyCode::Down)],
        Msg::FormNext,
        "Tab/↓",
        "volgend veld",
        true,
    ),
    b(
        &[Code(KeyCode::BackTab), Code(KeyCode::Up)],
        Msg::FormPrev,
        "Shift+Tab/↑",
        "vorig veld",
        true,
    ),
    b(
        &[Code(KeyCode::Enter)],
        Msg::FormSubmit,
        "Enter",
        "aanmaken",
        true,
    ),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "annuleren", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

static OVERVIEW: &[Binding] = &[
    b(
        &[C('s'), Code(KeyCode::Enter)],
        Msg::OpenScan,
        "s",
        "quick scan",
        true,
    ),
    b(
        &[Code(KeyCode::Esc)],
        Msg::Back,
        "Esc",
        "naar de sessies",
        true,
    ),
];

static SCAN: &[Binding] = &[
    b(
        &[Code(KeyCode::Up), C('k')],
        Msg::Up,
        "↑/k",
        "vorige vraag",
        false,
    ),
    b(
        &[Code(KeyCode::Down), C('j')],
        Msg::Down,
        "↓/j",
        "volgende vraag",
        false,
    ),
    b(&[], Msg::Up, "↑↓", "vraag kiezen", true),
    b(
        &[C('1')],
        Msg::Answer(Answer::Score(1)),
        "1",
        "antwoord 1",
        false,
    ),
    b(
        &[C('2')],
        Msg::Answer(Answer::Score(2)),
        "2",
        "antwoord 2",
        false,
    ),
    b(
        &[C('3')],
        Msg::Answer(Answer::Score(3)),
        "3",
        "antwoord 3",
        false,
    ),
    b(
        &[C('4')],
        Msg::Answer(Answer::Score(4)),
        "4",
        "antwoord 4",
        false,
    ),
    b(
        &[C('5')],
        Msg::Answer(Answer::Score(5)),
        "5",
        "antwoord 5",
        false,
    ),
    b(
        &[],
        Msg::Answer(Answer::Score(1)),
        "1-5",
        "antwoorden",
        true,
    ),
    b(
        &[C('0')],
        Msg::Answer(Answer::DontKnow),
        "0",
        "weet ik niet",
        true,
    ),
    b(&[C('e')], Msg::EditNote, "e", "notitie", true),
    b(
        &[Code(KeyCode::PageUp)],
        Msg::PageUp,
        "PgUp",
        "vorige conditie",
        false,
    ),
    b(
        &[Code(KeyCode::PageDown)],
        Msg::PageDown,
        "PgDn",
        "volgende conditie",
        false,
    ),
    b(
        &[Code(KeyCode::Home)],
        Msg::Home,
        "Home",
        "eerste vraag",
        false,
    ),
    b(
        &[Code(KeyCode::End)],
        Msg::End,
        "End",
        "laatste vraag",
        false,
    ),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "terug", true),
];

static EDITOR: &[Binding] = &[
    b(
        &[Code(KeyCode::Esc)],
        Msg::Back,
        "Esc",
        "klaar (bewaard)",
        true,
    ),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

static EDITOR_INFO: &[Binding] = &[
    b(&[], Msg::Up, "pijltjes, Home/End", "cursor bewegen", true),
    b(&[], Msg::Up, "Ctrl+U", "ongedaan maken", true),
    b(&[], Msg::Up, "Ctrl+R", "opnieuw", false),
    b(&[], Msg::Up, "Ctrl+Z", "ongedaan maken", false),
];

static HELP: &[Binding] = &[b(
    &[Code(KeyCode::Esc), C('?'), C('q')],
    Msg::ToggleHelp,
    "Esc/?",
    "hulp sluiten",
    true,
)];

/// The mode the model is in, for the keymap.
pub fn mode_of(model: &Model) -> KeyMode {
    if model.help {
        KeyMode::Help
    } else {
        screen_mode(model)
    }
}

/// The mode of the screen itself, as if no overlay were open.
pub fn screen_mode(model: &Model) -> KeyMode {
    if model.open.as_ref().is_some_and(|o| o.editor.is_some()) {
        return KeyMode::Editor;
    }
    match model.screen {
        Screen::Start => KeyMode::Start,
        Screen::NewSession => KeyMode::Form,
        Screen::Overview => KeyMode::Overview,
        Screen::Scan => KeyMode::Scan,
    }
}

/// The bindings of a mode in the order the help overlay lists them.
pub fn bindings(mode: KeyMode) -> Vec<&'static Binding> {
    let own: &[Binding] = match mode {
        KeyMode::Start => START,
        KeyMode::Form => FORM,
        KeyMode::Overview => OVERVIEW,
        KeyMode::Scan => SCAN,
        KeyMode::Editor => EDITOR,
        KeyMode::Help => HELP,
    };
    let mut all: Vec<&Binding> = own.iter().collect();
    match mode {
        KeyMode::Start | KeyMode::Overview | KeyMode::Scan => all.extend(COMMON.iter()),
        KeyMode::Editor => all.extend(EDITOR_INFO.iter()),
        KeyMode::Form | KeyMode::Help => {}
    }
    all
}

fn key_of(ev: &KeyEvent) -> Key {
    match ev.code {
        KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
            Key::Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => Key::Char(c),
        other => Key::Code(other),
    }
}

/// Maps a key press to a message in the model's current mode. In text modes every key
/// without a binding goes to the text field.
pub fn map_key(model: &Model, ev: KeyEvent) -> Option<Msg> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let mode = mode_of(model);
    let key = key_of(&ev);
    let found = bindings(mode)
        .into_iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.msg.clone());
    match (found, mode) {
        (Some(msg), _) => Some(msg),
        (None, KeyMode::Form) if key == Key::Char(' ') && model.form.focus == 3 => {
            Some(Msg::FormToggleMode)
        }
        (None, KeyMode::Form)
            if model.form.focus == 3
                && matches!(key, Key::Code(KeyCode::Left) | Key::Code(KeyCode::Right)) =>
        {
            Some(Msg::FormToggleMode)
        }
        (None, KeyMode::Form | KeyMode::Editor) => Some(Msg::Input(ev.into())),
        (None, _) => None,
    }
}
