//! The presentation model: everything a user sees of a session or a group, computed once
//! and ready to show — scores, deltas, dates, topics, who is in a group and under which
//! label. The TUI, the command line (text and JSON) and the reports (Markdown, HTML, SVG)
//! render from it, so they agree by construction.
//!
//! Formatting lives here too, once: [`fmt_score`] (Dutch decimal comma, one decimal),
//! [`fmt_delta`] (a change, signed; zero is `±0,0`), [`short_date`] (`01-10-2026`),
//! [`long_date`] (`1 oktober 2026`) and [`link_label`] (what an action is about).
//!
//! Dependencies point down: this module uses `content`, `scan`, `session` and `group`
//! (the membership rule), never `ui`, `app` or `report`.

pub mod advice;
pub mod group;
pub mod radar;
pub mod sections;
pub mod session;

pub use advice::{Advice, AdviceItem, AdviceKind, DONT_KNOW_THRESHOLD, Insight};
pub use group::{
    Group, GroupCondition, GroupDilemma, GroupItem, LeftOut, Respondent, RespondentCondition,
};
pub use sections::Sections;
pub use session::{ActionView, ConditionView, ItemView, SessionView};

use crate::content::Content;
use crate::place::Place;
use crate::text;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A condition below 3,0 (a session's score or a group's mean) and what neglecting it
/// risks.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub name: String,
    pub score: f64,
    pub risk: String,
}

/// "3 + 1 weet niet" when some of a condition's items were answered "weet ik niet";
/// otherwise "4/4". With items still open, "2 + 1 weet niet van 4".
pub fn fmt_answered(answered: usize, dont_know: usize, total: usize) -> String {
    if dont_know == 0 {
        return format!("{answered}/{total}");
    }
    let scored = answered.saturating_sub(dont_know);
    if answered >= total {
        format!("{scored} + {dont_know} {}", text::DONT_KNOW_WORDS)
    } else {
        format!(
            "{scored} + {dont_know} {} {} {total}",
            text::DONT_KNOW_WORDS,
            text::ANSWERED_OF
        )
    }
}

/// Formats a score with a Dutch decimal comma and one decimal: `4,0`.
/// Halves round up (3,25 → 3,3), as people expect, not to even.
pub fn fmt_score(score: f64) -> String {
    // In tenths, as integers: no float formatting and no second string per number.
    let tenths = (score * 10.0).round();
    let sign = if tenths < 0.0 { "-" } else { "" };
    let tenths = tenths.abs() as u64;
    format!("{sign}{},{}", tenths / 10, tenths % 10)
}

/// Formats an optional score; `–` when there is none.
pub fn fmt_opt_score(score: Option<f64>) -> String {
    score.map(fmt_score).unwrap_or_else(|| "–".to_string())
}

/// A change in score with a sign and a Dutch decimal comma, one decimal: `+0,5`, `-1,3`.
/// A change that rounds to zero is `±0,0` (never `-0,0` or a bare `0,0`, so a column of
/// changes reads as changes). Halves round away from zero.
pub fn fmt_delta(delta: f64) -> String {
    let tenths = (delta * 10.0).round();
    if tenths == 0.0 || !tenths.is_finite() {
        return "±0,0".to_string();
    }
    let sign = if tenths > 0.0 { '+' } else { '-' };
    let abs = tenths.abs() / 10.0;
    format!("{sign}{abs:.1}").replace('.', ",")
}

/// An optional delta; `–` when there is none.
pub fn fmt_opt_delta(delta: Option<f64>) -> String {
    delta.map(fmt_delta).unwrap_or_else(|| "–".to_string())
}

/// A dilemma position as shown in a table: `+2`, `0`, `-1`; `–` when not placed.
pub fn fmt_position(p: Option<i8>) -> String {
    match p {
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) => v.to_string(),
        None => "–".to_string(),
    }
}

/// A spread (max − min of 1–5 answers); `–` when there is none.
pub fn fmt_opt_spread(spread: Option<u8>) -> String {
    spread
        .map(|s| s.to_string())
        .unwrap_or_else(|| "–".to_string())
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// The local time zone, found once. Without `TZ` it is read from `/etc/localtime` alone:
/// `TimeZone::system()` first indexes the whole zoneinfo database (≈3 M instructions, a
/// third of a start-up), which only naming the zone needs.
fn local_tz() -> jiff::tz::TimeZone {
    static LOCAL: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    LOCAL
        .get_or_init(|| {
            let from_file = std::env::var_os("TZ")
                .is_none()
                .then(|| std::fs::read("/etc/localtime").ok())
                .flatten()
                .and_then(|bytes| jiff::tz::TimeZone::tzif("Local", &bytes).ok());
            from_file.unwrap_or_else(jiff::tz::TimeZone::system)
        })
        .clone()
}

/// "2 oktober 2026", in the local time zone (for running text).
/// What is needed minus what is brought, on one row of an instrument with a `gap`
/// (both 1–5 scores); positive: the network asks more than I bring.
pub fn row_gap(row: &crate::session::RowAnswer, have: &str, need: &str) -> Option<i8> {
    use crate::session::CellValue::Score;
    match (row.values.get(have), row.values.get(need)) {
        (Some(Score(h)), Some(Score(n))) => Some(*n as i8 - *h as i8),
        _ => None,
    }
}

pub fn long_date(t: jiff::Timestamp) -> String {
    let d = t.to_zoned_datetime(local_tz()).date();
    let month = MONTHS
        .get(usize::from(d.month().unsigned_abs()).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", d.day(), d.year())
}

/// "01-10-2026", in the local time zone (for tables and lists).
pub fn short_date(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(local_tz())
        .strftime("%d-%m-%Y")
        .to_string()
}

/// A date in a narrow column: `30-11-26`.
pub fn compact_date(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(local_tz())
        .strftime("%d-%m-%y")
        .to_string()
}

/// The name of what an action's link (`conditie:…`, `thema:…`, `dilemma:…`,
/// `instrument:…`) points to; the link itself (on one line) when the content does not
/// know it; empty for no link.
pub fn link_label(content: &Content, link: &str) -> String {
    match Place::from(link) {
        Place::Condition(id) => content
            .scan
            .conditions
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone()),
        Place::Theme(id) => content.theme(&id).map(|(_, t)| t.title.clone()),
        Place::Dilemma(id) => content.dilemma(&id).map(|(_, d)| d.title.clone()),
        Place::Instrument(id) => content.instrument(&id).map(|i| i.name.clone()),
        _ => None,
    }
    .unwrap_or_else(|| one_line(link))
}

/// The handbook's title of a place ("conditie:proces" → "Proces", the overview →
/// "Overzicht"); `None` for a place this content does not know.
pub fn place_title(content: &Content, place: &Place) -> Option<String> {
    let hr = &content.handreiking;
    match place {
        Place::Overview => Some("Overzicht".to_string()),
        Place::Scan => Some("Quick scan".to_string()),
        Place::Actions => Some("Acties en afspraken".to_string()),
        Place::Condition(id) => content
            .scan
            .conditions
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.name.clone()),
        Place::Perspective(id) => content.perspective(id).map(|p| p.name.clone()),
        Place::Theme(id) => content.theme(id).map(|(_, t)| t.title.clone()),
        Place::Tension(id) => hr
            .tensions
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.name.clone()),
        Place::Dilemma(id) => content.dilemma(id).map(|(_, d)| d.title.clone()),
        Place::Instrument(id) => content.instrument(id).map(|i| i.name.clone()),
        Place::Other(_) => None,
    }
}

/// `text` on one line: control characters dropped, lines trimmed and joined with a
/// space, empty lines dropped.
fn one_line(text: &str) -> String {
    text.lines()
        .map(|l| l.chars().filter(|c| !c.is_control()).collect::<String>())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// FNV-1a (64 bit) of `bytes`: a small hash that is the same on every machine and in
/// every release (std's `DefaultHasher` promises neither), for orders that must stay put.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME))
}

/// Pairs serialised as a JSON object in their own order (a map would sort the keys).
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_formatting() {
        assert_eq!(fmt_delta(0.5), "+0,5");
        assert_eq!(fmt_delta(-0.5), "-0,5");
        assert_eq!(fmt_delta(0.0), "±0,0");
        assert_eq!(fmt_delta(-0.0), "±0,0");
        assert_eq!(fmt_delta(0.04), "±0,0");
        assert_eq!(fmt_delta(-0.04), "±0,0", "never -0,0");
        assert_eq!(fmt_delta(0.25), "+0,3", "halves away from zero");
        assert_eq!(fmt_delta(-0.25), "-0,3");
        assert_eq!(fmt_delta(1.0 / 3.0), "+0,3");
        assert_eq!(fmt_delta(-4.0), "-4,0");
        assert_eq!(fmt_delta(2.75 - 2.0), "+0,8");
        assert_eq!(fmt_delta(f64::NAN), "±0,0");
        assert_eq!(fmt_opt_delta(None), "–");
    }

    #[test]
    fn score_formatting() {
        assert_eq!(fmt_score(4.0), "4,0");
        assert_eq!(fmt_score(3.25), "3,3");
        assert_eq!(fmt_opt_score(None), "–");
        assert_eq!(fmt_opt_spread(Some(2)), "2");
        assert_eq!(fmt_opt_spread(None), "–");
    }

    #[test]
    fn dates() {
        let t: jiff::Timestamp = "2026-10-02T12:00:00Z".parse().expect("timestamp");
        assert!(long_date(t).ends_with("oktober 2026"), "{}", long_date(t));
        assert!(short_date(t).ends_with("-10-2026"), "{}", short_date(t));
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of FNV-1a 64 (Fowler/Noll/Vo).
        assert_eq!(stable_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(stable_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn link_labels() {
        let c = Content::embedded().expect("content");
        assert_eq!(link_label(&c, ""), "");
        assert_eq!(link_label(&c, "conditie:proces"), c.scan.conditions[4].name);
        assert_eq!(link_label(&c, "thema:onbekend"), "thema:onbekend");
        assert_eq!(link_label(&c, "a\nb\u{1b}"), "a b");
    }

    #[test]
    fn ordered_keeps_its_order() {
        let o = Ordered(vec![("b".to_string(), 1), ("a".to_string(), 2)]);
        assert_eq!(serde_json::to_string(&o).expect("json"), r#"{"b":1,"a":2}"#);
    }
}
