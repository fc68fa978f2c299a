//! The handreiking as typed data: the embedded RON assets, loaded and validated.

mod handreiking;
pub mod overlay;
mod scan;
mod validate;

pub use handreiking::{
    About, Choice, Column, ColumnKind, Dilemma, Example, ExampleGroup, Guidance, Handreiking,
    Instrument, InstrumentKind, Instruments, LeadershipRole, LeadershipRoles, ModelSummary,
    Perspective, Pointer, Prompt, SliderPair, Tension, Theme, Wegwijzer,
};
pub use scan::{
    AdviceLink, AdviceTarget, CONDITION_IDS, Condition, ConditionAdvice, Item, ScaleLabel,
    ScanContent, Traits,
};
pub use validate::{PERSPECTIVE_IDS, TENSION_IDS};

use thiserror::Error;

/// The quick-scan content as shipped inside the binary.
pub const SCAN_RON: &str = include_str!("../../assets/scan.ron");
/// File name used in messages about the embedded scan content.
pub const SCAN_FILE: &str = "assets/scan.ron";
pub const HANDREIKING_RON: &str = include_str!("../../assets/handreiking.ron");
pub const HANDREIKING_FILE: &str = "assets/handreiking.ron";
pub const INSTRUMENTS_RON: &str = include_str!("../../assets/instruments.ron");
pub const INSTRUMENTS_FILE: &str = "assets/instruments.ron";

/// Everything the app shows that is not UI chrome.
#[derive(Debug, Clone)]
pub struct Content {
    pub scan: ScanContent,
    pub handreiking: Handreiking,
    pub instruments: Vec<Instrument>,
}

/// The texts of the three content files, each with the name used in messages.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub scan: (&'a str, &'a str),
    pub handreiking: (&'a str, &'a str),
    pub instruments: (&'a str, &'a str),
}

impl Sources<'static> {
    /// The files embedded in the binary.
    pub fn embedded() -> Self {
        Self {
            scan: (SCAN_RON, SCAN_FILE),
            handreiking: (HANDREIKING_RON, HANDREIKING_FILE),
            instruments: (INSTRUMENTS_RON, INSTRUMENTS_FILE),
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, ContentError> {
    ron::from_str(text).map_err(|e| ContentError::Parse {
        file: file.to_string(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: crate::ron_error_dutch(&e.code),
    })
}

/// A content file that cannot be used, with the place of the problem.
#[derive(Debug, Error, PartialEq)]
pub enum ContentError {
    #[error("{file}, regel {line}, kolom {col}: {message}")]
    Parse {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
}

impl Content {
    /// Loads and validates the embedded content.
    pub fn embedded() -> Result<Self, ContentError> {
        Self::load(Sources::embedded())
    }

    /// The embedded content with a coach's own folder merged in (`--inhoud DIR`).
    pub fn with_overrides(dir: &std::path::Path) -> Result<Self, ContentError> {
        overlay::apply(Self::embedded()?, dir)
    }

    /// Loads the quick scan from `scan_ron` (named `file` in messages), the rest embedded.
    pub fn from_sources(scan_ron: &str, file: &str) -> Result<Self, ContentError> {
        Self::load(Sources {
            scan: (scan_ron, file),
            ..Sources::embedded()
        })
    }

    /// Parses and validates all content.
    pub fn load(sources: Sources<'_>) -> Result<Self, ContentError> {
        let scan: ScanContent = parse(sources.scan.0, sources.scan.1)?;
        scan.validate().map_err(|message| ContentError::Invalid {
            file: sources.scan.1.to_string(),
            message,
        })?;
        let handreiking: Handreiking = parse(sources.handreiking.0, sources.handreiking.1)?;
        let instruments: Instruments = parse(sources.instruments.0, sources.instruments.1)?;
        let content = Self {
            scan,
            handreiking,
            instruments: instruments.instruments,
        };
        validate::check(&content, sources.handreiking.1, sources.instruments.1)?;
        validate::check_scan_links(&content, sources.scan.1)?;
        Ok(content)
    }

    pub fn perspective(&self, id: &str) -> Option<&Perspective> {
        self.handreiking.perspectives.iter().find(|p| p.id == id)
    }

    /// A theme by id, with the index of its perspective.
    pub fn theme(&self, id: &str) -> Option<(usize, &Theme)> {
        self.handreiking
            .perspectives
            .iter()
            .enumerate()
            .find_map(|(pi, p)| p.themes.iter().find(|t| t.id == id).map(|t| (pi, t)))
    }

    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    /// A dilemma by id, with the index of its tension.
    pub fn dilemma(&self, id: &str) -> Option<(usize, &Dilemma)> {
        self.handreiking
            .tensions
            .iter()
            .enumerate()
            .find_map(|(ti, t)| t.dilemmas.iter().find(|d| d.id == id).map(|d| (ti, d)))
    }
}
