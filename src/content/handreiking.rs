//! The Handreiking Effectief Samenwerken as data: perspectives with their themes,
//! tensions with their dilemmas, and the instruments (models that ask the user to choose
//! or place something). Loaded from `assets/handreiking.ron` and `assets/instruments.ron`.

use serde::Deserialize;

/// `assets/handreiking.ron`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handreiking {
    /// E.g. "NVZD & Common Eye (2024)".
    pub source: String,
    /// Four perspectives, in the order of the praatplaat: opgaven, organisatie,
    /// samenwerking, bestuur en toezicht.
    pub perspectives: Vec<Perspective>,
    /// Three tensions between perspectives.
    pub tensions: Vec<Tension>,
    /// Smith's (2014) strategies for working with a paradox, for dilemma reflections.
    pub paradox_strategies: Vec<Choice>,
    /// Author and year of the paradox strategies, shown where they are chosen.
    pub paradox_source: String,
    /// The "leren balanceren" guidance, shown with dilemmas.
    pub balancing: Guidance,
    /// "Over deze handreiking": who made it, and the invitation to contribute.
    pub about: About,
    /// Leiderschapsrollen in een netwerk (De Caluwé & Kaats, 2016), per orientation.
    pub leadership: LeadershipRoles,
    /// The wegwijzer of practice examples ("leren van elkaar").
    pub wegwijzer: Wegwijzer,
}

/// The four roles of a network leader, each in full.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadershipRoles {
    pub title: String,
    pub source: String,
    pub intro: String,
    pub roles: Vec<LeadershipRole>,
}

/// One orientation of network leadership, as the handbook's figure describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadershipRole {
    /// `strateeg`, `ontwikkelaar`, `verkenner`, `procesmanager` (the rows of the
    /// `netwerkleiderschap` instrument).
    pub id: String,
    pub name: String,
    /// Where it lies on the two axes, e.g. "richten · verduurzamen".
    pub focus: String,
    /// Its kernvraag.
    pub question: String,
    pub themes: Vec<String>,
    pub dilemmas: Vec<String>,
    pub conditions: Vec<String>,
    pub competencies: Vec<String>,
}

/// Practice examples to learn from, by kind; the handbook says the list is not complete.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wegwijzer {
    pub title: String,
    pub intro: String,
    /// That the overview is not complete, and how to add an initiative.
    pub note: String,
    pub groups: Vec<ExampleGroup>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleGroup {
    pub id: String,
    /// The kind of collaboration, e.g. "Regionale samenwerking".
    pub kind: String,
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub id: String,
    pub name: String,
    /// One line on what it is.
    pub line: String,
    /// Its website, as text (the app never opens it).
    #[serde(default)]
    pub site: String,
}

/// How the handreiking came about, shown from the help overlay.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub title: String,
    pub paragraphs: Vec<String>,
    /// The NVZD's invitation to send in what helps colleagues.
    pub invitation: String,
    /// Where to read more (addresses as text; the app never opens them).
    #[serde(default)]
    pub links: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    /// `opgaven`, `organisatie`, `samenwerking`, `toezicht`.
    pub id: String,
    /// E.g. "Maatschappelijke opgaven".
    pub name: String,
    /// At most 14 characters, for the overview.
    pub short: String,
    pub intro: String,
    pub themes: Vec<Theme>,
}

/// One key question of a perspective.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Globally unique, e.g. `organisatie.veelheid`.
    pub id: String,
    /// The key question, e.g. "Hoe verhoud ik mij tot de veelheid aan samenwerkingen?"
    pub question: String,
    /// Short title for lists (at most ~40 characters).
    pub title: String,
    pub explanation: String,
    /// Reflection questions, each answered in its own text field.
    pub prompts: Vec<Prompt>,
    pub model: ModelSummary,
    /// Literature references, e.g. "Kaats, E. & Opheij, W. (2023). Leren samenwerken. Boom."
    #[serde(default)]
    pub literature: Vec<String>,
    /// Ids of instruments that belong to this theme.
    #[serde(default)]
    pub instruments: Vec<String>,
}

/// A reflection question with a stable id (the key of its answer in a session).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Globally unique, e.g. `organisatie.veelheid.energie`.
    pub id: String,
    pub text: String,
}

/// The core model of a theme, summarised in our own words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSummary {
    pub name: String,
    /// Author(s) and year, e.g. "De Caluwé & Kaats (2023)".
    pub source: String,
    pub summary: String,
    #[serde(default)]
    pub points: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tension {
    /// `organisatie-samenwerking`, `samenwerking-opgave`, `organisatie-opgave`.
    pub id: String,
    pub name: String,
    /// The two perspective ids it lies between.
    pub between: (String, String),
    pub intro: String,
    pub dilemmas: Vec<Dilemma>,
    pub considerations: Vec<String>,
    /// Themes that help with this tension.
    pub pointers: Vec<Pointer>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dilemma {
    /// Globally unique, e.g. `org-sam.dubbelingen`.
    pub id: String,
    pub title: String,
    pub text: String,
    /// The two poles of the slider, left and right.
    pub left: String,
    pub right: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pointer {
    /// A theme id.
    pub theme: String,
    pub why: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub title: String,
    pub source: String,
    pub intro: String,
    pub steps: Vec<String>,
}

/// One option of a choice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub text: String,
    /// A few words, for a line where the choice is made (empty: the label alone).
    #[serde(default)]
    pub short: String,
}

/// `assets/instruments.ron`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instruments {
    pub instruments: Vec<Instrument>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub name: String,
    /// The perspective it belongs to.
    pub perspective: String,
    /// Author(s) and year of the model.
    pub source: String,
    /// What to do, in one or two sentences.
    pub intro: String,
    /// Considerations, shown as questions to think about.
    #[serde(default)]
    pub considerations: Vec<String>,
    pub kind: InstrumentKind,
}

#[derive(Debug, Clone, Deserialize)]
pub enum InstrumentKind {
    /// Pick one (or several) of a list.
    Choice {
        options: Vec<Choice>,
        #[serde(default)]
        multi: bool,
    },
    /// Rows × columns: fixed rows, or rows the user adds (with `user_rows`).
    Table {
        /// Heading of the row column, e.g. "Opgave", "Domein".
        row_label: String,
        #[serde(default)]
        rows: Vec<Choice>,
        #[serde(default)]
        user_rows: bool,
        columns: Vec<Column>,
        /// Draw the rows on a 2×2 plot of these two scale columns (x, y).
        #[serde(default)]
        plot: Option<(String, String)>,
        /// Draw the first scale column as a radar over the rows.
        #[serde(default)]
        radar: bool,
        /// Two scale columns (what I bring, what is needed) whose difference per row
        /// is shown: where the need is larger than what is brought, a role is left.
        #[serde(default)]
        gap: Option<(String, String)>,
    },
    /// Seven-point sliders between two poles.
    Sliders { pairs: Vec<SliderPair> },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub label: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, Deserialize)]
pub enum ColumnKind {
    /// 1..=5 with a word for each end.
    Scale { low: String, high: String },
    /// One of these options.
    Choice { options: Vec<Choice> },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SliderPair {
    pub id: String,
    pub left: String,
    pub right: String,
    #[serde(default)]
    pub text: String,
}
