//! Reading and writing a session as RON text.

use super::{Header, KNOWN_FIELDS, SCHEMA_VERSION, Session};
use ron::ser::PrettyConfig;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a session text could not be read. Messages are Dutch; positions are 1-based.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum LoadError {
    #[error("regel {line}, kolom {col}: {message}")]
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "gemaakt met een nieuwere versie van kansrijk (schema {found}, deze versie kent t/m {SCHEMA_VERSION})"
    )]
    Newer { found: u32 },
}

fn parse_error(e: &ron::error::SpannedError) -> LoadError {
    LoadError::Parse {
        line: e.span.start.line,
        col: e.span.start.col,
        message: crate::ron_error_dutch(&e.code),
    }
}

fn schema_of(value: &ron::Value) -> Option<u32> {
    let ron::Value::Map(map) = value else {
        return None;
    };
    map.iter().find_map(|(k, v)| match (k, v) {
        (ron::Value::String(name), ron::Value::Number(n)) if name == "schema" => {
            let f = (*n).into_f64();
            (f >= 0.0 && f.fract() == 0.0 && f <= f64::from(u32::MAX)).then_some(f as u32)
        }
        _ => None,
    })
}

/// Parses a whole session, keeping unknown top-level fields in `extra`.
///
/// A session of a newer schema that still parses is returned as is: the caller opens it
/// read-only (see [`Session::schema`]). One that does not parse gives [`LoadError::Newer`].
pub fn from_ron(text: &str) -> Result<Session, LoadError> {
    // The typed parse first: its error is the same one the start screen's header read
    // gives, so a broken file is described the same way everywhere.
    let mut session: Session = match ron::from_str(text) {
        Ok(s) => s,
        Err(e) => {
            let newer = ron::from_str::<ron::Value>(text)
                .ok()
                .and_then(|v| schema_of(&v))
                .filter(|found| *found > SCHEMA_VERSION);
            return Err(match newer {
                Some(found) => LoadError::Newer { found },
                None => parse_error(&e),
            });
        }
    };
    let value: ron::Value = ron::from_str(text).map_err(|e| parse_error(&e))?;
    if let ron::Value::Map(map) = value {
        let mut extra = BTreeMap::new();
        for (k, v) in map {
            if let ron::Value::String(name) = k
                && !KNOWN_FIELDS.contains(&name.as_str())
            {
                extra.insert(name, v);
            }
        }
        session.extra = extra;
    }
    Ok(session)
}

/// Parses only what the start screen needs; texts are skipped, not kept.
pub fn header_from_ron(text: &str) -> Result<Header, LoadError> {
    ron::from_str(text).map_err(|e| parse_error(&e))
}

/// Every string a session holds, for the escaping decision.
fn all_texts(s: &Session) -> impl Iterator<Item = &str> {
    let header = [&s.id, &s.bestuurder, &s.organisatie, &s.samenwerking]
        .into_iter()
        .map(String::as_str);
    let maps = [&s.notes, &s.reflections, &s.coach_notes]
        .into_iter()
        .flat_map(|m| m.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]));
    let answers = s.answers.keys().map(String::as_str);
    let dilemmas = s.dilemmas.iter().flat_map(|(k, d)| {
        [
            k.as_str(),
            &d.pull_left,
            &d.pull_right,
            &d.next_step,
            &d.note,
        ]
        .into_iter()
        .chain(d.strategies.iter().map(String::as_str))
    });
    let instruments = s.instruments.iter().flat_map(|(k, i)| {
        std::iter::once(k.as_str())
            .chain(std::iter::once(i.note.as_str()))
            .chain(i.choices.iter().map(String::as_str))
            .chain(i.sliders.keys().map(String::as_str))
            .chain(i.rows.iter().flat_map(|r| {
                [r.id.as_str(), r.label.as_str()]
                    .into_iter()
                    .chain(r.values.iter().flat_map(|(k, v)| {
                        let v = match v {
                            super::CellValue::Choice(c) => c.as_str(),
                            super::CellValue::Score(_) => "",
                        };
                        [k.as_str(), v]
                    }))
            }))
    });
    let actions = s.actions.iter().flat_map(|a| {
        [a.what.as_str(), &a.who, &a.when, &a.link]
            .into_iter()
            .chain(a.carried.iter().flat_map(|c| [c.from.as_str(), &c.note]))
    });
    header
        .chain(maps)
        .chain(answers)
        .chain(dilemmas)
        .chain(instruments)
        .chain(actions)
}

fn has_unsafe_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Writes a session as pretty RON. Multi-line texts stay readable in the file; when any
/// text holds other control characters (ESC, NUL, …) all strings are escaped, so that
/// `cat` of a session file can never send escape sequences to a terminal.
pub fn to_ron(session: &Session) -> Result<String, ron::Error> {
    let unsafe_text = all_texts(session).any(has_unsafe_chars);
    let config = PrettyConfig::new()
        .indentor("    ")
        .escape_strings(unsafe_text);
    let mut out = ron::ser::to_string_pretty(session, config)?;
    if !session.extra.is_empty() {
        // The struct ends with ")"; put the unknown fields back just before it.
        let end = out.rfind(')').unwrap_or(out.len());
        let mut tail = String::new();
        for (name, value) in &session.extra {
            // Escaped, compact: the values come from a file we did not write.
            let text = ron::ser::to_string(value)?;
            tail.push_str(&format!("    {name}: {text},\n"));
        }
        out.insert_str(end, &tail);
    }
    out.push('\n');
    Ok(out)
}
