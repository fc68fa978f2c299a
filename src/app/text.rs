//! Reading and writing the text a [`TextTarget`] points at, and naming it for the editor.

use super::{ActionField, DilemmaField, TextTarget};
use crate::content::Content;
use crate::session::Session;

/// The current text of a target ("" when not written yet).
pub fn get(session: &Session, target: &TextTarget) -> String {
    match target {
        TextTarget::ConditionNote(id) => session.notes.get(id).cloned().unwrap_or_default(),
        TextTarget::Reflection(id) => session.reflections.get(id).cloned().unwrap_or_default(),
        TextTarget::CoachNote(place) => session
            .coach_notes
            .get(&place.to_string())
            .cloned()
            .unwrap_or_default(),
        TextTarget::Dilemma(id, field) => session
            .dilemmas
            .get(id)
            .map(|d| match field {
                DilemmaField::PullLeft => d.pull_left.clone(),
                DilemmaField::PullRight => d.pull_right.clone(),
                DilemmaField::NextStep => d.next_step.clone(),
                DilemmaField::Note => d.note.clone(),
            })
            .unwrap_or_default(),
        TextTarget::InstrumentNote(id) => session
            .instruments
            .get(id)
            .map(|i| i.note.clone())
            .unwrap_or_default(),
        TextTarget::RowLabel { instrument, row } => session
            .instruments
            .get(instrument)
            .and_then(|i| i.row(row))
            .map(|r| r.label.clone())
            .unwrap_or_default(),
        TextTarget::Action(i, field) => session
            .actions
            .get(*i)
            .map(|a| match field {
                ActionField::What => a.what.clone(),
                ActionField::Who => a.who.clone(),
                ActionField::When => a.when.clone(),
                ActionField::ReviewNote => a
                    .carried
                    .as_ref()
                    .map(|c| c.note.clone())
                    .unwrap_or_default(),
            })
            .unwrap_or_default(),
    }
}

/// The text of a field as the user's own editor left it: without the final line end(s)
/// editors add, and on one line for one-line fields.
pub fn from_external_editor(target: &TextTarget, raw: &str) -> String {
    let text = raw.trim_end_matches('\n');
    if target.single_line() {
        text.replace('\n', " ")
    } else {
        text.to_string()
    }
}

/// Stores `text` at a target; returns whether anything changed. Empty texts are removed
/// from maps so that the file only holds what was written.
pub fn set(session: &mut Session, target: &TextTarget, text: &str) -> bool {
    if get(session, target) == text {
        return false;
    }
    let put = |map: &mut std::collections::BTreeMap<String, String>, id: &str| {
        if text.is_empty() {
            map.remove(id);
        } else {
            map.insert(id.to_string(), text.to_string());
        }
    };
    match target {
        TextTarget::ConditionNote(id) => put(&mut session.notes, id),
        TextTarget::Reflection(id) => put(&mut session.reflections, id),
        TextTarget::CoachNote(place) => put(&mut session.coach_notes, &place.to_string()),
        TextTarget::Dilemma(id, field) => {
            let d = session.dilemmas.entry(id.clone()).or_default();
            let slot = match field {
                DilemmaField::PullLeft => &mut d.pull_left,
                DilemmaField::PullRight => &mut d.pull_right,
                DilemmaField::NextStep => &mut d.next_step,
                DilemmaField::Note => &mut d.note,
            };
            *slot = text.to_string();
            if d.is_empty() {
                session.dilemmas.remove(id);
            }
        }
        TextTarget::InstrumentNote(id) => {
            session.instruments.entry(id.clone()).or_default().note = text.to_string();
        }
        TextTarget::RowLabel { instrument, row } => {
            session
                .instruments
                .entry(instrument.clone())
                .or_default()
                .row_mut(row)
                .label = text.to_string();
        }
        TextTarget::Action(i, field) => {
            if let Some(a) = session.actions.get_mut(*i) {
                let slot = match field {
                    ActionField::What => &mut a.what,
                    ActionField::Who => &mut a.who,
                    ActionField::When => &mut a.when,
                    ActionField::ReviewNote => match a.carried.as_mut() {
                        Some(c) => &mut c.note,
                        None => return false,
                    },
                };
                *slot = text.to_string();
            }
        }
    }
    true
}

/// [`title`] in a session of `mode`: in zelfreflectie the private note is "Mijn notitie".
pub fn title_for(content: &Content, mode: crate::session::Mode, target: &TextTarget) -> String {
    match target {
        TextTarget::CoachNote(_) => crate::text::private_note_title(mode).to_string(),
        _ => title(content, target),
    }
}

/// What the editor's title says it is editing.
pub fn title(content: &Content, target: &TextTarget) -> String {
    match target {
        TextTarget::ConditionNote(id) => {
            let name = content
                .scan
                .conditions
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.name.as_str())
                .unwrap_or(id);
            format!("Notitie bij {name}")
        }
        TextTarget::Reflection(id) => content
            .handreiking
            .perspectives
            .iter()
            .flat_map(|p| &p.themes)
            .flat_map(|t| &t.prompts)
            .find(|q| &q.id == id)
            .map(|q| q.text.clone())
            .unwrap_or_else(|| id.clone()),
        TextTarget::CoachNote(_) => crate::text::COACH_NOTE.to_string(),
        TextTarget::Dilemma(id, field) => {
            let d = content.dilemma(id).map(|(_, d)| d);
            let left = d.map(|d| d.left.as_str()).unwrap_or("links");
            let right = d.map(|d| d.right.as_str()).unwrap_or("rechts");
            match field {
                DilemmaField::PullLeft => format!("Wat trekt mij naar ‘{left}’?"),
                DilemmaField::PullRight => format!("Wat trekt mij naar ‘{right}’?"),
                DilemmaField::NextStep => "Mijn volgende stap".to_string(),
                DilemmaField::Note => "Vrije notitie".to_string(),
            }
        }
        TextTarget::InstrumentNote(id) => {
            let name = content
                .instrument(id)
                .map(|i| i.name.as_str())
                .unwrap_or(id);
            format!("Toelichting bij {name}")
        }
        TextTarget::RowLabel { .. } => "Naam".to_string(),
        TextTarget::Action(_, field) => match field {
            ActionField::What => "Afspraak: wat".to_string(),
            ActionField::Who => "Afspraak: wie".to_string(),
            ActionField::When => "Afspraak: wanneer".to_string(),
            ActionField::ReviewNote => "Afspraak van vorige keer: toelichting".to_string(),
        },
    }
}
