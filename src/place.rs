//! A place in the workbook (a condition, theme, dilemma, instrument, a whole screen), the
//! one typed reference between parts: coach notes, action links, search hits and reports.
//!
//! Session files keep places as strings (`conditie:proces`, `thema:…`, `overzicht`);
//! [`Place`]'s `Display` and `FromStr` read and write exactly those, and a string this
//! version does not know survives unchanged as [`Place::Other`].

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// Where something in a session belongs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// The session overview (`overzicht`).
    Overview,
    /// The quick scan as a whole (`scan`).
    Scan,
    /// The actions and agreements (`acties`).
    Actions,
    /// A condition of the quick scan, by id (`conditie:…`).
    Condition(String),
    /// A perspective of the handbook (`perspectief:…`).
    Perspective(String),
    /// A theme of a perspective (`thema:…`).
    Theme(String),
    /// A tension (`spanning:…`).
    Tension(String),
    /// A dilemma of a tension (`dilemma:…`).
    Dilemma(String),
    /// An instrument (`instrument:…`).
    Instrument(String),
    /// A string this version does not know (or no link at all: empty), kept as it was.
    Other(String),
}

impl Place {
    /// The place of no link: an action about nothing in particular.
    pub fn none() -> Self {
        Place::Other(String::new())
    }

    /// True for the empty link.
    pub fn is_none(&self) -> bool {
        matches!(self, Place::Other(s) if s.is_empty())
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Overview => f.write_str("overzicht"),
            Place::Scan => f.write_str("scan"),
            Place::Actions => f.write_str("acties"),
            Place::Condition(id) => write!(f, "conditie:{id}"),
            Place::Perspective(id) => write!(f, "perspectief:{id}"),
            Place::Theme(id) => write!(f, "thema:{id}"),
            Place::Tension(id) => write!(f, "spanning:{id}"),
            Place::Dilemma(id) => write!(f, "dilemma:{id}"),
            Place::Instrument(id) => write!(f, "instrument:{id}"),
            Place::Other(s) => f.write_str(s),
        }
    }
}

impl FromStr for Place {
    type Err = Infallible;

    /// Never fails: what is not known becomes [`Place::Other`].
    fn from_str(s: &str) -> Result<Self, Infallible> {
        let id = |id: &str| id.to_string();
        Ok(match s {
            "overzicht" => Place::Overview,
            "scan" => Place::Scan,
            "acties" => Place::Actions,
            _ => match s.split_once(':') {
                Some(("conditie", i)) => Place::Condition(id(i)),
                Some(("perspectief", i)) => Place::Perspective(id(i)),
                Some(("thema", i)) => Place::Theme(id(i)),
                Some(("spanning", i)) => Place::Tension(id(i)),
                Some(("dilemma", i)) => Place::Dilemma(id(i)),
                Some(("instrument", i)) => Place::Instrument(id(i)),
                _ => Place::Other(s.to_string()),
            },
        })
    }
}

impl From<&str> for Place {
    fn from(s: &str) -> Self {
        match s.parse() {
            Ok(p) => p,
            Err(never) => match never {},
        }
    }
}

/// Written as its file string, so that a place serialises exactly as the string it
/// replaced.
impl serde::Serialize for Place {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Place {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(Place::from(s.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_strings_round_trip_unchanged() {
        for s in [
            "",
            "overzicht",
            "scan",
            "acties",
            "conditie:proces",
            "perspectief:inhoud",
            "thema:vertrouwen",
            "spanning:tempo",
            "dilemma:snel-of-zorgvuldig",
            "instrument:krachtenveld",
            "conditie:",
            "thema:a:b",
            "onbekend:iets",
            "vrije tekst",
            "Overzicht",
        ] {
            assert_eq!(Place::from(s).to_string(), s, "{s:?}");
        }
    }

    #[test]
    fn known_strings_become_typed_places() {
        assert_eq!(
            Place::from("thema:vertrouwen"),
            Place::Theme("vertrouwen".into())
        );
        assert_eq!(Place::from("acties"), Place::Actions);
        assert_eq!(Place::from("toekomst:x"), Place::Other("toekomst:x".into()));
        assert!(Place::from("").is_none());
    }
}
