//! The one keymap: per mode, which key gives which message. The footer and the help
//! overlay are generated from the same tables, so they always tell the truth.

use super::{Model, Msg, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The input modes; each has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Start,
    /// The new-session form, on a text field.
    Form,
    /// The new-session form, on the mode field.
    FormMode,
    Overview,
    Scan,
    Perspective,
    Theme,
    Tension,
    Dilemma,
    Instrument,
    Actions,
    Closing,
    /// The scan with its advice panel open.
    ScanAdvice,
    Group,
    Search,
    Prompt,
    /// The import prompt: a prompt whose Tab completes paths.
    ImportPrompt,
    /// The export dialog over a session screen.
    Export,
    /// The editor of a text of several lines.
    Editor,
    /// The editor of a one-line field (a row's name, an action's cell).
    EditorLine,
    Help,
    /// A reading page over the screen.
    Page,
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
    /// Key text for footer and help, e.g. "↑/k".
    pub key_label: &'static str,
    /// What it does, in Dutch.
    pub help: &'static str,
    /// Shown in the footer (otherwise only in the help overlay).
    pub footer: bool,
}

/// How a footer summary writes the keys of the bindings it sums up.
#[derive(Debug, Clone, Copy)]
pub enum Join {
    /// Side by side: "↑↓", "←→".
    Together,
    /// With a slash: "PgUp/PgDn".
    Slash,
    /// The first and the last: "1-5".
    Range,
    /// One word for all of them: "pijltjes".
    Named(&'static str),
}

/// A row of a keymap table.
#[derive(Debug)]
pub enum Entry {
    /// A key that gives a message.
    Key(Binding),
    /// A footer summary of bindings of the same mode (`summarizes` picks them); its key
    /// text is made from theirs. The help overlay lists the bindings themselves.
    Hint {
        summarizes: fn(&Msg) -> bool,
        join: Join,
        help: &'static str,
    },
    /// Keys the text field handles itself (ratatui-textarea), described for the user.
    Info {
        key_label: &'static str,
        help: &'static str,
        footer: bool,
    },
}

pub(crate) const fn b(
    keys: &'static [Key],
    msg: Msg,
    key_label: &'static str,
    help: &'static str,
    footer: bool,
) -> Entry {
    Entry::Key(Binding {
        keys,
        msg,
        key_label,
        help,
        footer,
    })
}

/// A footer summary (always in the footer, never in help).
pub(crate) const fn hint(summarizes: fn(&Msg) -> bool, join: Join, help: &'static str) -> Entry {
    Entry::Hint {
        summarizes,
        join,
        help,
    }
}

pub(crate) const fn info(key_label: &'static str, help: &'static str, footer: bool) -> Entry {
    Entry::Info {
        key_label,
        help,
        footer,
    }
}

impl Key {
    /// The key as the user reads it: "←", "Enter", "spatie", "Ctrl+E".
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "spatie".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::BackTab => "Shift+Tab".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Delete => "Del".to_string(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other:?}"),
            },
        }
    }
}

/// What the footer and the help overlay show for one row of a mode's keymap.
#[derive(Debug, Clone)]
pub struct Shown {
    pub key_label: String,
    pub help: &'static str,
    pub footer: bool,
    /// Listed in the help overlay (a footer summary is not: its bindings are).
    pub in_help: bool,
    /// The message of a binding (none for a summary or a text-field key).
    pub msg: Option<&'static Msg>,
}

use Key::{Char as C, Code, Ctrl};

#[rustfmt::skip]
static COMMON: &[Entry] = &[
    b(&[C('?')], Msg::ToggleHelp, "?", "hulp", true),
    b(&[C('q')], Msg::Quit, "q", "stoppen", true),
    b(&[Ctrl('c')], Msg::Quit, "Ctrl+C", "stoppen", false),
];

/// Keys that work on every screen of an open session.
#[rustfmt::skip]
static SESSION: &[Entry] = &[
    b(&[C('o')], Msg::GoOverview, "o", "overzicht", false),
    b(&[C('p')], Msg::GoPerspectives, "p", "perspectieven (p: volgende)", false),
    b(&[C('t')], Msg::GoTensions, "t", "spanningen (t: volgende)", false),
    b(&[C('s')], Msg::OpenScan, "s", "quick scan", false),
    b(&[C('a')], Msg::GoActions, "a", "acties (afspraken)", false),
    b(&[C('A')], Msg::AddAction, "A", "afspraak bij dit scherm", false),
    b(&[C(']'), Code(KeyCode::Tab)], Msg::NextStop, "]/Tab", "volgende stap", true),
    b(&[C('['), Code(KeyCode::BackTab)], Msg::PrevStop, "[", "vorige stap", false),
    b(&[Code(KeyCode::F(2))], Msg::TogglePresenting, "F2", "presentatiemodus aan/uit", false),
    b(&[C('c')], Msg::EditCoachNote, "c", "notitie van de coach (privé)", false),
    b(&[C('x')], Msg::Export, "x", "rapport (HTML) schrijven", false),
    b(&[C('v')], Msg::TogglePreviousTexts, "v", "vorige keer tonen/verbergen", false),
    b(&[C('/')], Msg::StartSearch, "/", "zoeken in deze sessie", false),
    b(&[Code(KeyCode::Esc)], Msg::Back, "Esc", "terug", true),
];

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
    if model.page.is_some() {
        return KeyMode::Page;
    }
    if let Some(prompt) = model.prompt.as_ref() {
        return match prompt.kind {
            super::PromptKind::Import => KeyMode::ImportPrompt,
            super::PromptKind::Search => KeyMode::Prompt,
        };
    }
    if model.export.is_some() {
        return KeyMode::Export;
    }
    if let Some(editor) = model.open.as_ref().and_then(|o| o.editor.as_ref()) {
        return if editor.target.single_line() {
            KeyMode::EditorLine
        } else {
            KeyMode::Editor
        };
    }
    match model.screen {
        Screen::Start => KeyMode::Start,
        Screen::NewSession if model.form.focus == 3 => KeyMode::FormMode,
        Screen::NewSession => KeyMode::Form,
        Screen::Overview => KeyMode::Overview,
        Screen::Scan if model.open.as_ref().is_some_and(|o| o.advice.is_some()) => {
            KeyMode::ScanAdvice
        }
        Screen::Scan => KeyMode::Scan,
        Screen::Perspective(_) => KeyMode::Perspective,
        Screen::Theme(..) => KeyMode::Theme,
        Screen::Tension(_) => KeyMode::Tension,
        Screen::Dilemma(..) => KeyMode::Dilemma,
        Screen::Instrument(_) => KeyMode::Instrument,
        Screen::Actions => KeyMode::Actions,
        Screen::Closing => KeyMode::Closing,
        Screen::Group => KeyMode::Group,
        Screen::Search => KeyMode::Search,
    }
}

fn tables(mode: KeyMode) -> Vec<&'static [Entry]> {
    match mode {
        KeyMode::Start => vec![super::screens::start::BINDINGS, COMMON],
        KeyMode::Form => vec![super::screens::form::BINDINGS],
        KeyMode::FormMode => vec![
            super::screens::form::BINDINGS,
            super::screens::form::MODE_BINDINGS,
        ],
        KeyMode::Overview => vec![super::screens::overview::BINDINGS, SESSION, COMMON],
        KeyMode::Scan => vec![super::screens::scan::BINDINGS, SESSION, COMMON],
        KeyMode::Perspective => vec![super::screens::perspective::BINDINGS, SESSION, COMMON],
        KeyMode::Theme => vec![super::screens::theme::BINDINGS, SESSION, COMMON],
        KeyMode::Tension => vec![super::screens::tension::BINDINGS, SESSION, COMMON],
        KeyMode::Dilemma => vec![
            super::screens::dilemma::BINDINGS,
            super::screens::dilemma::LIST_BINDINGS,
            SESSION,
            COMMON,
        ],
        KeyMode::Instrument => vec![
            super::screens::instrument::BINDINGS,
            super::screens::instrument::LIST_BINDINGS,
            SESSION,
            COMMON,
        ],
        KeyMode::Actions => vec![
            super::screens::actions::BINDINGS,
            super::screens::actions::LIST_BINDINGS,
            SESSION,
            COMMON,
        ],
        KeyMode::Closing => vec![super::screens::closing::BINDINGS, SESSION, COMMON],
        KeyMode::ScanAdvice => vec![super::screens::scan::ADVICE_BINDINGS, SESSION, COMMON],
        KeyMode::Group => vec![super::screens::group::BINDINGS, COMMON],
        KeyMode::Export => vec![super::screens::export::BINDINGS],
        KeyMode::Search => vec![super::screens::search::BINDINGS, COMMON],
        KeyMode::Prompt => vec![super::screens::prompt::BINDINGS],
        KeyMode::ImportPrompt => vec![super::screens::prompt::IMPORT_BINDINGS],
        KeyMode::Editor => vec![
            super::screens::editor::BINDINGS,
            super::screens::editor::INFO,
        ],
        KeyMode::EditorLine => vec![
            super::screens::editor::LINE_BINDINGS,
            super::screens::editor::BINDINGS,
            super::screens::editor::INFO,
        ],
        KeyMode::Help => vec![super::screens::help::BINDINGS],
        KeyMode::Page => vec![super::screens::page::BINDINGS, COMMON],
    }
}

fn all_entries(mode: KeyMode) -> impl Iterator<Item = &'static Entry> {
    tables(mode).into_iter().flat_map(|t| t.iter())
}

/// The key bindings of a mode, first match first.
pub fn bindings(mode: KeyMode) -> Vec<&'static Binding> {
    all_entries(mode)
        .filter_map(|e| match e {
            Entry::Key(b) => Some(b),
            _ => None,
        })
        .collect()
}

/// The keys that give `msg` in `mode`, in the keymap's order (a key an earlier binding
/// takes is left out).
pub fn keys_for(mode: KeyMode, msg: &Msg) -> Vec<Key> {
    let all = bindings(mode);
    let mut out = Vec::new();
    for (i, b) in all.iter().enumerate() {
        if &b.msg != msg {
            continue;
        }
        for key in b.keys {
            let taken = all[..i].iter().any(|o| o.keys.contains(key));
            if !taken && !out.contains(key) {
                out.push(*key);
            }
        }
    }
    out
}

/// The name of the first key that gives `msg` in `mode` ("" when none does), for texts
/// that tell the user which key to press.
pub fn key_name(mode: KeyMode, msg: &Msg) -> String {
    keys_for(mode, msg)
        .first()
        .map(|k| k.name())
        .unwrap_or_default()
}

/// The key text the footer and help show for `msg` in `mode` ("d d" where a key must be
/// pressed twice), for texts that name the key as the footer does.
pub fn key_label(mode: KeyMode, msg: &Msg) -> String {
    bindings(mode)
        .into_iter()
        .find(|b| &b.msg == msg)
        .map(|b| b.key_label.to_string())
        .unwrap_or_else(|| key_name(mode, msg))
}

/// What the footer and the help overlay show for a mode, in the keymap's order.
pub fn shown(mode: KeyMode) -> Vec<Shown> {
    let keys = bindings(mode);
    // A binding whose every key an earlier one takes never fires: it is not shown (the
    // session's `v` under the scan's own `v`).
    let reachable = |b: &Binding| {
        b.keys.iter().any(|k| {
            keys.iter()
                .find(|other| other.keys.contains(k))
                .is_some_and(|first| std::ptr::eq(*first, b))
        })
    };
    all_entries(mode)
        .filter(|e| !matches!(e, Entry::Key(b) if !reachable(b)))
        .map(|e| match e {
            Entry::Key(b) => Shown {
                key_label: b.key_label.to_string(),
                help: b.help,
                footer: b.footer,
                in_help: true,
                msg: Some(&b.msg),
            },
            Entry::Hint {
                summarizes,
                join,
                help,
            } => {
                let names: Vec<String> = keys
                    .iter()
                    .filter(|b| summarizes(&b.msg))
                    .filter_map(|b| b.keys.first().map(|k| k.name()))
                    .collect();
                let key_label = match join {
                    Join::Together => names.concat(),
                    Join::Slash => names.join("/"),
                    Join::Range => match (names.first(), names.last()) {
                        (Some(a), Some(z)) if names.len() > 1 => format!("{a}-{z}"),
                        _ => names.concat(),
                    },
                    Join::Named(word) => word.to_string(),
                };
                Shown {
                    key_label,
                    help,
                    footer: true,
                    in_help: false,
                    msg: None,
                }
            }
            Entry::Info {
                key_label,
                help,
                footer,
            } => Shown {
                key_label: key_label.to_string(),
                help,
                footer: *footer,
                in_help: true,
                msg: None,
            },
        })
        .collect()
}

/// [`shown`] with the words that depend on the open session: in zelfreflectie the
/// private note is the bestuurder's own ("mijn notitie"), not the coach's.
pub fn shown_for(model: &Model, mode: KeyMode) -> Vec<Shown> {
    let own = model
        .open
        .as_ref()
        .is_some_and(|o| o.session.mode == crate::session::Mode::Zelfreflectie);
    let mut out = shown(mode);
    // In presentation mode the start screen's list is hidden and its keys refuse: the
    // footer and help do not offer them.
    if model.presenting && mode == KeyMode::Start {
        use super::screens::{ScreenMsg, start::StartMsg};
        out.retain(|s| match s.msg {
            Some(Msg::Screen(ScreenMsg::Start(m))) => {
                matches!(m, StartMsg::NewSession | StartMsg::Import)
            }
            Some(_) => true,
            // The summary of the list's moves.
            None => s.in_help,
        });
    }
    if own {
        for s in out
            .iter_mut()
            .filter(|s| s.msg == Some(&Msg::EditCoachNote))
        {
            s.help = crate::text::OWN_NOTE_KEY;
        }
    }
    out
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
    let key = key_of(&ev);
    if model.too_small() {
        // Behind "te klein" no key acts unseen; quitting still works.
        return match key {
            Key::Ctrl('c') => Some(Msg::Quit),
            Key::Char('q') if !model.is_editing() => Some(Msg::Quit),
            _ => None,
        };
    }
    let mode = mode_of(model);
    let found = bindings(mode)
        .into_iter()
        .find(|b| b.keys.contains(&key))
        .map(|b| b.msg.clone());
    match (found, mode) {
        (Some(msg), _) => Some(msg),
        (
            None,
            KeyMode::Form
            | KeyMode::FormMode
            | KeyMode::Editor
            | KeyMode::EditorLine
            | KeyMode::Prompt
            | KeyMode::ImportPrompt,
        ) => Some(Msg::Input(ev.into())),
        (None, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screens::editor::{self, EditorMsg};
    use crate::app::screens::{actions, dilemma, instrument};

    const MODES: [KeyMode; 22] = [
        KeyMode::Closing,
        KeyMode::ScanAdvice,
        KeyMode::Start,
        KeyMode::Form,
        KeyMode::FormMode,
        KeyMode::Overview,
        KeyMode::Scan,
        KeyMode::Perspective,
        KeyMode::Theme,
        KeyMode::Tension,
        KeyMode::Dilemma,
        KeyMode::Instrument,
        KeyMode::Actions,
        KeyMode::Group,
        KeyMode::Search,
        KeyMode::Prompt,
        KeyMode::Editor,
        KeyMode::EditorLine,
        KeyMode::Help,
        KeyMode::Page,
        KeyMode::Export,
        KeyMode::ImportPrompt,
    ];

    #[test]
    fn every_footer_entry_names_its_keys() {
        for mode in MODES {
            for s in shown(mode).iter().filter(|s| s.footer) {
                assert!(!s.key_label.is_empty(), "{mode:?}: {}", s.help);
            }
        }
        let footer = |mode| -> Vec<String> {
            shown(mode)
                .into_iter()
                .filter(|s| s.footer)
                .map(|s| format!("{} {}", s.key_label, s.help))
                .collect()
        };
        assert!(footer(KeyMode::Scan).contains(&"1-5 antwoord".to_string()));
        assert!(footer(KeyMode::Overview).contains(&"pijltjes kiezen".to_string()));
        assert!(footer(KeyMode::Group).contains(&"PgUp/PgDn schuiven".to_string()));
        assert!(footer(KeyMode::Dilemma).contains(&"←→ schuiven".to_string()));
    }

    #[test]
    fn the_keys_texts_name_are_bound() {
        use actions::ActionsMsg;
        use dilemma::DilemmaMsg;
        use instrument::InstrumentMsg;
        let named = [
            (KeyMode::Dilemma, dilemma::msg(DilemmaMsg::TowardLeft), "←"),
            (KeyMode::Dilemma, dilemma::msg(DilemmaMsg::Pick(7)), "7"),
            (
                KeyMode::Dilemma,
                dilemma::msg(DilemmaMsg::ToggleStrategy),
                "spatie",
            ),
            (
                KeyMode::Instrument,
                instrument::msg(InstrumentMsg::DeleteRow),
                "d",
            ),
            (
                KeyMode::Actions,
                Msg::Screen(crate::app::screens::ScreenMsg::Actions(ActionsMsg::Add)),
                "+",
            ),
            (KeyMode::Editor, editor::msg(EditorMsg::External), "Ctrl+E"),
            (KeyMode::EditorLine, editor::msg(EditorMsg::Finish), "Enter"),
            (KeyMode::Start, Msg::TogglePresenting, "F2"),
            (KeyMode::Overview, Msg::NextStop, "]"),
        ];
        for (mode, msg, name) in named {
            assert_eq!(key_name(mode, &msg), name, "{mode:?} {msg:?}");
        }
        // A message this mode does not bind has no key to name.
        assert_eq!(key_name(KeyMode::Form, &Msg::Export), "");
    }
}
