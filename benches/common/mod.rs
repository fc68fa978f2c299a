//! Shared by the benchmarks and the `gen_sessions` example: deterministic, realistic
//! sessions (Dutch-like text with line breaks) of a chosen size, and a folder of them.
//!
//! Included with `#[path]` from `examples/gen_sessions.rs`, so it uses only the public API.
#![allow(dead_code)]

use jiff::Timestamp;
use kansrijk::app::screens::scan::{self, ScanMsg};
use kansrijk::app::{self, Model, Msg};
use kansrijk::content::Content;
use kansrijk::runtime::Runtime;
use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const WORDS: &[&str] = &[
    "samenwerking",
    "partners",
    "ambitie",
    "belangen",
    "vertrouwen",
    "bestuur",
    "toezicht",
    "opgave",
    "gemeente",
    "zorg",
    "welzijn",
    "netwerk",
    "afspraken",
    "we",
    "de",
    "het",
    "een",
    "en",
    "niet",
    "ook",
    "moeten",
    "willen",
    "samen",
    "verder",
    "gesprek",
    "rol",
    "regie",
    "cliënten",
    "wachtlijst",
    "financiering",
    "coöperatie",
    "één",
    "resultaat",
    "volgende",
    "stap",
];

/// A small deterministic generator (xorshift), so every run writes the same files.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// About `chars` characters of note text: sentences, now and then a new line or a list.
pub fn note_text(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 16);
    let mut count = 0;
    let mut sentence_start = true;
    while count < chars {
        let word = WORDS[rng.below(WORDS.len())];
        if sentence_start {
            let mut cs = word.chars();
            if let Some(first) = cs.next() {
                out.extend(first.to_uppercase());
                out.push_str(cs.as_str());
            }
            sentence_start = false;
        } else {
            out.push_str(word);
        }
        count += word.chars().count();
        let end = rng.below(9) == 0;
        let sep = if !end {
            " "
        } else {
            sentence_start = true;
            match rng.below(6) {
                0 => ".\n",
                1 => ".\n- ",
                _ => ". ",
            }
        };
        out.push_str(sep);
        count += sep.chars().count();
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

const BESTUURDERS: &[&str] = &[
    "Anna de Vries",
    "Joost Bakker",
    "Marieke de Wit",
    "Sanne Jansen",
    "Pieter van Dijk",
    "Fatima El Amrani",
    "Henk Visser",
    "Esther Smit",
    "Mohammed Yilmaz",
    "Ingrid Mulder",
    "Ruud de Boer",
    "Lotte Bos",
];

const SAMENWERKINGEN: &[&str] = &[
    "Jeugdalliantie Oost",
    "Zorgnetwerk Ouderen West",
    "Coöperatie Welzijn & Zorg",
    "Regionaal Akkoord GGZ",
    "Wijkteams Noord",
    "Netwerk Acute Zorg",
];

/// Session `i` of a generated folder: all scan items answered (some "weet ik niet"),
/// `notes` notes of about `note_chars` characters each. The first notes are keyed by the
/// condition ids, the rest by ids this build does not know (allowed, kept on save).
pub fn session(content: &Content, i: usize, notes: usize, note_chars: usize) -> Session {
    let mut rng = Rng::new(i as u64 + 1);
    let now = Timestamp::from_second(1_767_225_600 + 3_600 * i as i64).expect("valid timestamp");
    let mode = if i.is_multiple_of(3) {
        Mode::Coachgesprek
    } else {
        Mode::Zelfreflectie
    };
    let mut s = Session::new(
        BESTUURDERS[i % BESTUURDERS.len()],
        "Stichting Voorbeeld (fictief)",
        SAMENWERKINGEN[(i / BESTUURDERS.len()) % SAMENWERKINGEN.len()],
        mode,
        now,
    );
    for (_, item) in content.scan.items() {
        let answer = match rng.below(7) {
            0 => Answer::DontKnow,
            n => Answer::Score(n.min(5) as u8),
        };
        s.answers.insert(item.id.clone(), answer);
    }
    let conditions: Vec<&str> = content
        .scan
        .conditions
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for n in 0..notes {
        let key = match conditions.get(n) {
            Some(id) => (*id).to_string(),
            None => format!("reflectie.bench-{n:03}"),
        };
        s.notes.insert(key, note_text(&mut rng, note_chars));
    }
    s
}

/// Writes `count` generated sessions into `dir` with [`store::save`] (atomic, fsynced).
/// About 60 KB each with the defaults used by the benchmarks: 30 notes of 2,000 characters.
pub fn write_folder(
    dir: &Path,
    count: usize,
    notes: usize,
    note_chars: usize,
) -> Result<Vec<PathBuf>, store::StoreError> {
    let content = Content::embedded().expect("embedded content is valid");
    store::ensure_dir(dir)?;
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let s = session(&content, i, notes, note_chars);
        let path = dir.join(format!("{}.{}", s.id, store::EXT));
        store::save(&path, &s)?;
        paths.push(path);
    }
    Ok(paths)
}

/// Notes per generated session and characters per note, giving files of about 60 KB.
pub const FOLDER_NOTES: usize = 30;
pub const NOTE_CHARS: usize = 2_000;

/// A model with `session` open on the quick-scan screen, sized `w`×`h`. The session is
/// saved into `dir` and opened the way the app opens it (the runtime's `Open` effect,
/// whose `Msg::Opened` goes through `update`), then `Msg::OpenScan`.
pub fn scan_model(dir: &Path, session: Session, w: u16, h: u16) -> Model {
    let content = Arc::new(Content::embedded().expect("embedded content is valid"));
    let mut model = Model::new(content, dir.to_path_buf());
    let _ = app::update(&mut model, Msg::Resize(w, h));
    let path = dir.join(format!("{}.{}", session.id, store::EXT));
    store::save(&path, &session).expect("save the session");
    let mut runtime = Runtime::new(dir.to_path_buf());
    let opened = runtime
        .perform(app::Effect::Open(path))
        .expect("the runtime answers an Open");
    assert!(matches!(opened, Msg::Opened(Ok(_))), "opened: {opened:?}");
    let _ = app::update(&mut model, opened);
    let _ = app::update(&mut model, Msg::OpenScan);
    assert_eq!(model.screen, app::Screen::Scan, "the scan screen is open");
    model
}

/// A half-filled session with one short note, as during a sitting.
pub fn sitting_session() -> Session {
    let content = Content::embedded().expect("embedded content is valid");
    let mut s = session(&content, 7, 1, 300);
    let keep: Vec<String> = s.answers.keys().take(10).cloned().collect();
    s.answers.retain(|k, _| keep.contains(k));
    s
}

/// Keys on the quick scan. Net movement per cycle is zero, so the state stays bounded:
/// Down, answer (which moves on), Up, Up.
pub fn scan_keys() -> impl Iterator<Item = Msg> {
    (0u8..).flat_map(|n| {
        [
            scan::msg(ScanMsg::NextQuestion),
            scan::msg(ScanMsg::Answer(Answer::Score(1 + n % 5))),
            scan::msg(ScanMsg::PrevQuestion),
            scan::msg(ScanMsg::PrevQuestion),
        ]
    })
}

/// The sitting session with a note of 2,000 characters on the first condition.
pub fn note_session() -> Session {
    let content = Content::embedded().expect("embedded content is valid");
    let mut s = sitting_session();
    let mut rng = Rng::new(42);
    s.notes.insert(
        content.scan.conditions[0].id.clone(),
        note_text(&mut rng, 2_000),
    );
    s
}

/// The sitting session grown to about `bytes` bytes of text: reflections of 20,000
/// characters each (a coach's years of notes, or pasted documents).
pub fn large_session(bytes: usize) -> Session {
    let mut s = note_session();
    let mut rng = Rng::new(7);
    let mut n = 0;
    let mut total = 0;
    while total < bytes {
        let text = note_text(&mut rng, 20_000);
        total += text.len();
        s.reflections
            .insert(format!("bench.reflectie-{n:04}"), text);
        n += 1;
    }
    s
}

/// Keys typed into the note editor: 'a', Backspace, … so the note keeps its size.
pub fn note_keys() -> impl Iterator<Item = Msg> {
    let typed = |key| {
        Msg::Input(ratatui_textarea::Input {
            key,
            ..Default::default()
        })
    };
    [
        typed(ratatui_textarea::Key::Char('a')),
        typed(ratatui_textarea::Key::Backspace),
    ]
    .into_iter()
    .cycle()
}

/// The start screen with `count` generated sessions listed, sized `w`×`h`.
pub fn start_model(dir: &Path, count: usize, w: u16, h: u16) -> Model {
    let content = Content::embedded().expect("embedded content is valid");
    let entries: Vec<store::ListEntry> = (0..count)
        .map(|i| store::ListEntry::Session {
            path: dir.join(format!("{i}.ron")),
            header: session(&content, i, 0, 0).header(),
        })
        .collect();
    let mut model = Model::new(Arc::new(content), dir.to_path_buf());
    let _ = app::update(&mut model, Msg::Resize(w, h));
    let _ = app::update(&mut model, Msg::Listed(Ok(entries)));
    model
}
