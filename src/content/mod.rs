//! The handreiking as typed data: the embedded RON assets, loaded and validated.

mod scan;

pub use scan::{CONDITION_IDS, Condition, Item, ScaleLabel, ScanContent};

use thiserror::Error;

/// The quick-scan content as shipped inside the binary.
pub const SCAN_RON: &str = include_str!("../../assets/scan.ron");
/// File name used in messages about the embedded scan content.
pub const SCAN_FILE: &str = "assets/scan.ron";

/// Everything the app shows that is not UI chrome.
#[derive(Debug, Clone)]
pub struct Content {
    pub scan: ScanContent,
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
        Self::from_sources(SCAN_RON, SCAN_FILE)
    }

    /// Loads content from RON text; `file` names the text in messages.
    pub fn from_sources(scan_ron: &str, file: &str) -> Result<Self, ContentError> {
        let scan: ScanContent = ron::from_str(scan_ron).map_err(|e| ContentError::Parse {
            file: file.to_string(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: crate::ron_error_dutch(&e.code),
        })?;
        scan.validate().map_err(|message| ContentError::Invalid {
            file: file.to_string(),
            message,
        })?;
        Ok(Self { scan })
    }
}
