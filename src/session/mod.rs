//! The Session model: one sitting of one bestuurder about one samenwerking, as stored in RON.
//!
//! Unknown ids survive because answers and notes are maps keyed by id. Unknown top-level
//! fields survive through [`Session::extra`]: on load they are picked out of a generic
//! `ron::Value` parse, on save they are written back after the known fields.

mod codec;

pub use codec::{LoadError, from_ron, header_from_ron, to_ron};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version this build writes. Files with a higher version open read-only.
pub const SCHEMA_VERSION: u32 = 1;

/// Who works, on what, in which setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Zelfreflectie,
    Coachgesprek,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Zelfreflectie => "zelfreflectie",
            Mode::Coachgesprek => "coachgesprek",
        }
    }

    pub fn toggled(self) -> Self {
        match self {
            Mode::Zelfreflectie => Mode::Coachgesprek,
            Mode::Coachgesprek => Mode::Zelfreflectie,
        }
    }
}

/// One answer in the quick scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// "In hoeverre", 1 (helemaal niet) to 5 (volledig).
    Score(u8),
    /// "Weet ik niet": answered, but not counted in the mean.
    DontKnow,
}

/// A session as stored in one RON file. Field order is the file's order: the header
/// fields come first so that a reader of the file sees who and what at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema: u32,
    pub id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub bestuurder: String,
    #[serde(default)]
    pub organisatie: String,
    pub samenwerking: String,
    #[serde(default)]
    pub mode: Mode,
    /// Quick-scan answers by item id (e.g. `ambitie.gedeeld`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Free-text note per condition id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Answers to the themes' reflection questions, by prompt id.
    #[serde(default)]
    pub reflections: BTreeMap<String, String>,
    /// Reflections on dilemmas, by dilemma id.
    #[serde(default)]
    pub dilemmas: BTreeMap<String, DilemmaReflection>,
    /// Answers to the instruments, by instrument id.
    #[serde(default)]
    pub instruments: BTreeMap<String, InstrumentAnswer>,
    /// Afspraken: next steps with what, who and when.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The coach's private notes, by screen key (e.g. `scan`, `thema:organisatie.veelheid`).
    #[serde(default)]
    pub coach_notes: BTreeMap<String, String>,
    /// Top-level fields this build does not know, kept to be written back unchanged.
    #[serde(skip)]
    pub extra: BTreeMap<String, ron::Value>,
}

/// The names of the fields above, used to tell known from unknown fields.
pub const KNOWN_FIELDS: &[&str] = &[
    "schema",
    "id",
    "created",
    "updated",
    "bestuurder",
    "organisatie",
    "samenwerking",
    "mode",
    "answers",
    "notes",
    "reflections",
    "dilemmas",
    "instruments",
    "actions",
    "coach_notes",
];

/// Where I stand on a dilemma and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredDilemma")]
pub struct DilemmaReflection {
    /// -3 (fully the left pole) ..= 3 (fully the right pole); `None` until placed.
    pub position: Option<i8>,
    pub pull_left: String,
    pub pull_right: String,
    /// The ids of the paradox strategies (Smith 2014) chosen, in the content's order:
    /// the handbook advises combining them rather than choosing one.
    pub strategies: Vec<String>,
    pub next_step: String,
    pub note: String,
}

/// A dilemma reflection as read from a file: files written before strategies could be
/// combined hold one `strategy`; it becomes the first of `strategies`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct StoredDilemma {
    position: Option<i8>,
    pull_left: String,
    pull_right: String,
    strategy: Option<String>,
    strategies: Vec<String>,
    next_step: String,
    note: String,
}

impl From<StoredDilemma> for DilemmaReflection {
    fn from(s: StoredDilemma) -> Self {
        let mut strategies = s.strategies;
        if let Some(old) = s.strategy
            && !strategies.contains(&old)
        {
            strategies.insert(0, old);
        }
        Self {
            position: s.position,
            pull_left: s.pull_left,
            pull_right: s.pull_right,
            strategies,
            next_step: s.next_step,
            note: s.note,
        }
    }
}

impl DilemmaReflection {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One value in an instrument's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellValue {
    /// A 1–5 score.
    Score(u8),
    /// The id of a chosen option.
    Choice(String),
}

/// A row of an instrument's table: a fixed row (by its content id) or one the user added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RowAnswer {
    pub id: String,
    /// The user's name for a row they added (empty for fixed rows).
    pub label: String,
    /// Values by column id.
    pub values: BTreeMap<String, CellValue>,
}

/// The answer to one instrument; which fields are used depends on its kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InstrumentAnswer {
    /// Chosen option ids (Choice instruments).
    pub choices: Vec<String>,
    /// Rows (Table instruments).
    pub rows: Vec<RowAnswer>,
    /// Slider positions -3..=3 by pair id (Sliders instruments).
    pub sliders: BTreeMap<String, i8>,
    pub note: String,
}

impl InstrumentAnswer {
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
            && self
                .rows
                .iter()
                .all(|r| r.values.is_empty() && r.label.is_empty())
            && self.sliders.is_empty()
            && self.note.trim().is_empty()
    }

    pub fn row(&self, id: &str) -> Option<&RowAnswer> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn row_mut(&mut self, id: &str) -> &mut RowAnswer {
        if let Some(i) = self.rows.iter().position(|r| r.id == id) {
            &mut self.rows[i]
        } else {
            self.rows.push(RowAnswer {
                id: id.to_string(),
                ..RowAnswer::default()
            });
            let last = self.rows.len() - 1;
            &mut self.rows[last]
        }
    }
}

/// An afspraak: what, who, when, and what it is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Action {
    pub what: String,
    pub who: String,
    pub when: String,
    /// What it is linked to: `conditie:belangen`, `dilemma:org-sam.dubbelingen`,
    /// `thema:organisatie.veelheid`, `instrument:portfolio`; empty when unlinked.
    pub link: String,
    pub done: bool,
    /// Set when the afspraak was made in an earlier session and carried into this
    /// follow-up to be reviewed; absent (and not written) for the session's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

impl Action {
    /// Nothing written in it yet (a row just added): not an afspraak anywhere it is counted
    /// or reported.
    pub fn is_blank(&self) -> bool {
        self.what.trim().is_empty() && self.who.trim().is_empty() && self.when.trim().is_empty()
    }

    /// Still to be done: written, not done, and not dropped at a review.
    pub fn is_open(&self) -> bool {
        !self.is_blank()
            && !self.done
            && self.carried.as_ref().and_then(|c| c.review) != Some(Review::Vervallen)
    }
}

/// Where a carried afspraak comes from, and how it was reviewed in this session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    /// The id of the session in which it was first agreed.
    pub from: String,
    /// When that session was held.
    pub agreed: Timestamp,
    /// The review in this session; `None` until reviewed.
    #[serde(default)]
    pub review: Option<Review>,
    /// Why, or what happened: the note with the review.
    #[serde(default)]
    pub note: String,
}

/// The review of an afspraak from last time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    Gedaan,
    LooptDoor,
    Vervallen,
}

impl Review {
    /// Not reviewed, then each review in turn, then not reviewed again.
    pub fn cycle(current: Option<Review>) -> Option<Review> {
        match current {
            None => Some(Review::Gedaan),
            Some(Review::Gedaan) => Some(Review::LooptDoor),
            Some(Review::LooptDoor) => Some(Review::Vervallen),
            Some(Review::Vervallen) => None,
        }
    }
}

/// What the start screen needs of a session, without its texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub schema: u32,
    pub id: String,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub bestuurder: String,
    #[serde(default)]
    pub organisatie: String,
    pub samenwerking: String,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

impl Session {
    /// A new, empty session created at `now`.
    pub fn new(
        bestuurder: &str,
        organisatie: &str,
        samenwerking: &str,
        mode: Mode,
        now: Timestamp,
    ) -> Self {
        Self {
            schema: SCHEMA_VERSION,
            id: new_id(now, bestuurder, samenwerking),
            created: now,
            updated: now,
            bestuurder: bestuurder.trim().to_string(),
            organisatie: organisatie.trim().to_string(),
            samenwerking: samenwerking.trim().to_string(),
            mode,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            reflections: BTreeMap::new(),
            dilemmas: BTreeMap::new(),
            instruments: BTreeMap::new(),
            actions: Vec::new(),
            coach_notes: BTreeMap::new(),
            extra: BTreeMap::new(),
        }
    }

    /// A follow-up: same bestuurder, organisatie, samenwerking and mode, empty answers,
    /// and this session's open afspraken carried over to be reviewed (an afspraak carried
    /// before keeps where it was first agreed).
    pub fn follow_up(&self, now: Timestamp) -> Session {
        let mut next = Session::new(
            &self.bestuurder,
            &self.organisatie,
            &self.samenwerking,
            self.mode,
            now,
        );
        next.actions = self
            .actions
            .iter()
            .filter(|a| a.is_open())
            .map(|a| Action {
                what: a.what.clone(),
                who: a.who.clone(),
                when: a.when.clone(),
                link: a.link.clone(),
                done: false,
                carried: Some(Carried {
                    from: a
                        .carried
                        .as_ref()
                        .map_or_else(|| self.id.clone(), |c| c.from.clone()),
                    agreed: a.carried.as_ref().map_or(self.created, |c| c.agreed),
                    review: None,
                    note: String::new(),
                }),
            })
            .collect();
        next
    }

    pub fn header(&self) -> Header {
        Header {
            schema: self.schema,
            id: self.id.clone(),
            created: self.created,
            updated: self.updated,
            bestuurder: self.bestuurder.clone(),
            organisatie: self.organisatie.clone(),
            samenwerking: self.samenwerking.clone(),
            mode: self.mode,
            answers: self.answers.clone(),
        }
    }
}

/// A stable, file-name-safe id: date, time and a slug of who and what.
pub fn new_id(now: Timestamp, bestuurder: &str, samenwerking: &str) -> String {
    let stamp = now.strftime("%Y%m%d-%H%M%S");
    let slug = slug(&format!("{bestuurder} {samenwerking}"));
    if slug.is_empty() {
        format!("{stamp}-sessie")
    } else {
        format!("{stamp}-{slug}")
    }
}

/// Lowercase ASCII letters and digits joined by hyphens; diacritics folded (é → e).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for ch in text.chars() {
        let folded = fold_char(ch);
        if folded.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(folded.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
        if out.len() >= 40 {
            break;
        }
    }
    out
}

/// Folds common Latin diacritics to their base letter.
pub fn fold_char(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ÿ' | 'ý' => 'y',
        other => other,
    }
}
