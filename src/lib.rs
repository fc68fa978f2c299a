//! kansrijk: an offline terminal workbook on effective collaboration for healthcare executives.
//!
//! The crate is split along The Elm Architecture (see DESIGN.md): `content` and `session`
//! hold data, `scan` the pure scoring, `store` the disk, `app` the model and `update`,
//! `ui` the drawing, `cli` the subcommands without a terminal UI.

pub mod app;
pub mod cli;
pub mod content;
pub mod group;
pub mod place;
pub mod present;
pub mod report;
pub mod runtime;
pub mod scan;
pub mod search;
pub mod session;
pub mod store;
pub mod text;
pub mod ui;

/// The one score format (see [`present::fmt_score`]), here for the many callers.
pub use present::{fmt_opt_score, fmt_score};

/// A short Dutch description of a RON parse error (the position is given separately).
pub fn ron_error_dutch(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "het bestand houdt onverwacht op".to_string(),
        E::ExpectedComma => "hier wordt een komma verwacht".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier wordt een tekst tussen aanhalingstekens verwacht".to_string()
        }
        E::ExpectedInteger | E::ExpectedFloat => "hier wordt een getal verwacht".to_string(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "hier wordt '(' verwacht".to_string()
        }
        E::ExpectedStructLikeEnd => "hier wordt ')' verwacht".to_string(),
        E::ExpectedArray => "hier wordt '[' verwacht".to_string(),
        E::ExpectedArrayEnd => "hier wordt ']' verwacht".to_string(),
        E::ExpectedMap => "hier wordt '{' verwacht".to_string(),
        E::ExpectedMapEnd => "hier wordt '}' verwacht".to_string(),
        E::ExpectedMapColon => "hier wordt ':' verwacht".to_string(),
        E::TrailingCharacters => "na het einde staat nog tekst".to_string(),
        E::UnexpectedChar(c) => format!("onverwacht teken {c:?}"),
        E::Utf8Error(_) => "het bestand is geen geldige UTF-8-tekst".to_string(),
        E::MissingStructField { field, .. } => format!("het veld '{field}' ontbreekt"),
        E::DuplicateStructField { field, .. } => format!("het veld '{field}' staat er twee keer"),
        E::NoSuchStructField { found, .. } => format!("onbekend veld '{found}'"),
        E::NoSuchEnumVariant {
            found, expected, ..
        } => format!(
            "onbekende waarde '{found}' (mogelijk: {})",
            expected.join(", ")
        ),
        E::IntegerOutOfBounds => "getal buiten het toegestane bereik".to_string(),
        E::ExceededRecursionLimit => "te diep geneste structuur".to_string(),
        E::UnclosedBlockComment | E::UnclosedLineComment => {
            "commentaar wordt niet afgesloten".to_string()
        }
        E::InvalidEscape(_) => "ongeldige escape in een tekst".to_string(),
        other => format!("ongeldige inhoud ({other})"),
    }
}
