//! Finding back what was written: a case- and accent-insensitive search through all
//! sessions' notes, reflections, dilemma texts, instrument notes, actions and coach notes.
//! Pure: the runtime loads the sessions, this only looks.

use crate::content::Content;
use crate::place::Place;
use crate::session::{Session, fold_char};
use std::path::PathBuf;

/// Where a hit is, so that the workbook can open it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub path: PathBuf,
    pub bestuurder: String,
    pub samenwerking: String,
    /// Where in the session, in words ("Notitie bij Belangen").
    pub place: String,
    /// The matching line, shortened around the match.
    pub snippet: String,
    /// Where to open it (the app finds the screen), and the row (or scan item) to
    /// select there.
    pub target: Place,
    pub row: usize,
    /// A note (of a condition, an instrument, a dilemma, or the coach's): never shown on a
    /// shared screen (F2).
    pub note: bool,
}

/// Lowercase with diacritics folded: "Één" → "een".
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The line of `text` holding the match, cut to about 80 characters around it.
fn snippet(text: &str, query: &str) -> Option<String> {
    for line in text.lines() {
        let norm = normalize(line);
        if let Some(byte) = norm.find(query) {
            // Normalising keeps one char per char, so char positions carry over.
            let at = norm[..byte].chars().count();
            let chars: Vec<char> = line.chars().collect();
            let mut start = at.saturating_sub(30);
            let mut end = (start + 80).min(chars.len());
            // Whole words only: start after a space and end before one (if one is near).
            if start > 0
                && let Some(i) = chars[start..at].iter().position(|c| c.is_whitespace())
            {
                start += i + 1;
            }
            if end < chars.len()
                && let Some(i) = chars[at..end].iter().rposition(|c| c.is_whitespace())
            {
                end = at + i;
            }
            let mut s: String = chars[start..end].iter().collect();
            if start > 0 {
                s.insert(0, '…');
            }
            if end < chars.len() {
                s.push('…');
            }
            return Some(crate::text::safe(&s));
        }
    }
    None
}

/// All hits of `query` in `sessions`, in the order of the sessions given.
pub fn search(content: &Content, sessions: &[(PathBuf, Session)], query: &str) -> Vec<Hit> {
    let query = normalize(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (path, s) in sessions {
        let mut add = |place: String, text: &str, target: Place, row: usize, note: bool| {
            if let Some(snippet) = snippet(text, &query) {
                hits.push(Hit {
                    path: path.clone(),
                    bestuurder: s.bestuurder.clone(),
                    samenwerking: s.samenwerking.clone(),
                    place,
                    snippet,
                    target,
                    row,
                    note,
                });
            }
        };
        let mut first_item = 0;
        for c in &content.scan.conditions {
            if let Some(note) = s.notes.get(&c.id) {
                add(
                    format!("Notitie bij {}", c.name),
                    note,
                    Place::Scan,
                    first_item,
                    true,
                );
            }
            first_item += c.items.len();
        }
        for p in &content.handreiking.perspectives {
            for t in &p.themes {
                for (qi, q) in t.prompts.iter().enumerate() {
                    if let Some(text) = s.reflections.get(&q.id) {
                        add(
                            format!("{} — {}", t.title, q.text),
                            text,
                            Place::Theme(t.id.clone()),
                            qi,
                            false,
                        );
                    }
                }
            }
        }
        for t in &content.handreiking.tensions {
            for d in &t.dilemmas {
                if let Some(r) = s.dilemmas.get(&d.id) {
                    for (row, text, note) in [
                        (1, &r.pull_left, false),
                        (2, &r.pull_right, false),
                        (4, &r.next_step, false),
                        (5, &r.note, true),
                    ] {
                        add(
                            format!("Dilemma: {}", d.title),
                            text,
                            Place::Dilemma(d.id.clone()),
                            row,
                            note,
                        );
                    }
                }
            }
        }
        for inst in &content.instruments {
            if let Some(a) = s.instruments.get(&inst.id) {
                add(
                    format!("Instrument: {}", inst.name),
                    &a.note,
                    Place::Instrument(inst.id.clone()),
                    0,
                    true,
                );
                for r in &a.rows {
                    add(
                        format!("Instrument: {}", inst.name),
                        &r.label,
                        Place::Instrument(inst.id.clone()),
                        0,
                        false,
                    );
                }
            }
        }
        for (ai, a) in s.actions.iter().enumerate() {
            let text = format!("{} · {} · {}", a.what, a.who, a.when);
            add("Afspraak".to_string(), &text, Place::Actions, ai, false);
        }
        for (key, note) in &s.coach_notes {
            // The handbook's title, never the internal key ("conditie:proces").
            let target = Place::from(key.as_str());
            let name = crate::text::private_note_short(s.mode);
            let place = match crate::present::place_title(content, &target) {
                Some(title) => format!("{name} bij {title}"),
                None => name.to_string(),
            };
            // A condition's note opens the scan at that condition's first question.
            let row = match &target {
                Place::Condition(id) => content
                    .scan
                    .conditions
                    .iter()
                    .take_while(|c| &c.id != id)
                    .map(|c| c.items.len())
                    .sum(),
                _ => 0,
            };
            add(place, note, target, row, true);
        }
    }
    hits
}
