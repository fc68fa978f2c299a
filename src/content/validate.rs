//! Cross-file checks of the content: fixed ids, unique ids, links that resolve.

use super::{AdviceTarget, CONDITION_IDS, ColumnKind, Content, ContentError, InstrumentKind};
use std::collections::BTreeSet;

/// The four perspectives, in the order of the praatplaat.
pub const PERSPECTIVE_IDS: [&str; 4] = ["opgaven", "organisatie", "samenwerking", "toezicht"];
/// The three tensions.
pub const TENSION_IDS: [&str; 3] = [
    "organisatie-samenwerking",
    "samenwerking-opgave",
    "organisatie-opgave",
];

fn invalid(file: &str, message: String) -> ContentError {
    ContentError::Invalid {
        file: file.to_string(),
        message,
    }
}

fn unique<'a>(
    seen: &mut BTreeSet<&'a str>,
    id: &'a str,
    what: &str,
    file: &str,
) -> Result<(), ContentError> {
    if id.trim().is_empty() {
        return Err(invalid(file, format!("een {what} heeft een lege id")));
    }
    if !seen.insert(id) {
        return Err(invalid(file, format!("{what}-id '{id}' komt dubbel voor")));
    }
    Ok(())
}

pub fn check(content: &Content, hr_file: &str, in_file: &str) -> Result<(), ContentError> {
    let hr = &content.handreiking;
    let ids: Vec<&str> = hr.perspectives.iter().map(|p| p.id.as_str()).collect();
    if ids != PERSPECTIVE_IDS {
        return Err(invalid(
            hr_file,
            format!(
                "de perspectieven moeten {} zijn; gevonden: {}",
                PERSPECTIVE_IDS.join(", "),
                ids.join(", ")
            ),
        ));
    }
    let ids: Vec<&str> = hr.tensions.iter().map(|t| t.id.as_str()).collect();
    if ids != TENSION_IDS {
        return Err(invalid(
            hr_file,
            format!(
                "de spanningen moeten {} zijn; gevonden: {}",
                TENSION_IDS.join(", "),
                ids.join(", ")
            ),
        ));
    }
    let mut seen = BTreeSet::new();
    let instrument_ids: BTreeSet<&str> =
        content.instruments.iter().map(|i| i.id.as_str()).collect();
    for p in &hr.perspectives {
        if p.themes.is_empty() {
            return Err(invalid(
                hr_file,
                format!("perspectief '{}' heeft geen thema's", p.id),
            ));
        }
        for t in &p.themes {
            unique(&mut seen, &t.id, "thema", hr_file)?;
            if t.prompts.is_empty() {
                return Err(invalid(
                    hr_file,
                    format!("thema '{}' heeft geen reflectievragen", t.id),
                ));
            }
            for q in &t.prompts {
                unique(&mut seen, &q.id, "vraag", hr_file)?;
            }
            for i in &t.instruments {
                if !instrument_ids.contains(i.as_str()) {
                    return Err(invalid(
                        hr_file,
                        format!("thema '{}' verwijst naar onbekend instrument '{i}'", t.id),
                    ));
                }
            }
        }
    }
    for t in &hr.tensions {
        for side in [&t.between.0, &t.between.1] {
            if !PERSPECTIVE_IDS.contains(&side.as_str()) {
                return Err(invalid(
                    hr_file,
                    format!(
                        "spanning '{}' verwijst naar onbekend perspectief '{side}'",
                        t.id
                    ),
                ));
            }
        }
        if t.dilemmas.is_empty() {
            return Err(invalid(
                hr_file,
                format!("spanning '{}' heeft geen dilemma's", t.id),
            ));
        }
        for d in &t.dilemmas {
            unique(&mut seen, &d.id, "dilemma", hr_file)?;
        }
        for ptr in &t.pointers {
            if content.theme(&ptr.theme).is_none() {
                return Err(invalid(
                    hr_file,
                    format!(
                        "spanning '{}' verwijst naar onbekend thema '{}'",
                        t.id, ptr.theme
                    ),
                ));
            }
        }
    }
    if hr.paradox_strategies.is_empty() {
        return Err(invalid(
            hr_file,
            "er zijn geen strategieën voor paradoxen".to_string(),
        ));
    }
    if hr.paradox_source.trim().is_empty() {
        return Err(invalid(
            hr_file,
            "de bron van de strategieën voor paradoxen ontbreekt".to_string(),
        ));
    }
    let mut role_ids = BTreeSet::new();
    for r in &hr.leadership.roles {
        unique(&mut role_ids, &r.id, "leiderschapsrol", hr_file)?;
        for (what, list) in [
            ("thema's", &r.themes),
            ("dilemma's", &r.dilemmas),
            ("condities", &r.conditions),
            ("competenties", &r.competencies),
        ] {
            if r.question.trim().is_empty() || list.is_empty() {
                return Err(invalid(
                    hr_file,
                    format!("leiderschapsrol '{}' mist een kernvraag of {what}", r.id),
                ));
            }
        }
    }
    let mut group_ids = BTreeSet::new();
    let mut example_ids = BTreeSet::new();
    for g in &hr.wegwijzer.groups {
        unique(&mut group_ids, &g.id, "wegwijzergroep", hr_file)?;
        for e in &g.examples {
            unique(&mut example_ids, &e.id, "praktijkvoorbeeld", hr_file)?;
            if e.name.trim().is_empty() {
                return Err(invalid(
                    hr_file,
                    format!("praktijkvoorbeeld '{}' heeft geen naam", e.id),
                ));
            }
        }
    }
    if hr.about.paragraphs.iter().all(|p| p.trim().is_empty()) {
        return Err(invalid(
            hr_file,
            "‘Over deze handreiking’ heeft geen tekst".to_string(),
        ));
    }
    let mut seen_instruments = BTreeSet::new();
    for i in &content.instruments {
        unique(&mut seen_instruments, &i.id, "instrument", in_file)?;
        if !PERSPECTIVE_IDS.contains(&i.perspective.as_str()) {
            return Err(invalid(
                in_file,
                format!(
                    "instrument '{}' hoort bij onbekend perspectief '{}'",
                    i.id, i.perspective
                ),
            ));
        }
        match &i.kind {
            InstrumentKind::Choice { options, .. } if options.len() < 2 => {
                return Err(invalid(
                    in_file,
                    format!("instrument '{}' heeft minder dan twee keuzes", i.id),
                ));
            }
            InstrumentKind::Table {
                rows,
                user_rows,
                columns,
                plot,
                gap,
                ..
            } => {
                if columns.is_empty() {
                    return Err(invalid(
                        in_file,
                        format!("instrument '{}' heeft geen kolommen", i.id),
                    ));
                }
                if rows.is_empty() && !user_rows {
                    return Err(invalid(
                        in_file,
                        format!("instrument '{}' heeft geen rijen", i.id),
                    ));
                }
                for (x, y) in plot.iter().chain(gap) {
                    for c in [x, y] {
                        let ok = columns.iter().any(|col| {
                            &col.id == c && matches!(col.kind, ColumnKind::Scale { .. })
                        });
                        if !ok {
                            return Err(invalid(
                                in_file,
                                format!(
                                    "instrument '{}': kolom '{c}' (plot of verschil) is geen schaalkolom",
                                    i.id
                                ),
                            ));
                        }
                    }
                }
            }
            InstrumentKind::Sliders { pairs } if pairs.is_empty() => {
                return Err(invalid(
                    in_file,
                    format!("instrument '{}' heeft geen schuifjes", i.id),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The scan's own lists: unique trait ids, and advice per known condition (at most one
/// entry each) whose links all resolve.
pub fn check_scan_links(content: &Content, scan_file: &str) -> Result<(), ContentError> {
    let scan = &content.scan;
    let mut trait_ids = BTreeSet::new();
    for t in &scan.traits.items {
        unique(&mut trait_ids, &t.id, "kenmerk", scan_file)?;
    }
    let mut conditions = BTreeSet::new();
    for a in &scan.advice {
        if !CONDITION_IDS.contains(&a.condition.as_str()) {
            return Err(invalid(
                scan_file,
                format!("advies bij onbekende conditie '{}'", a.condition),
            ));
        }
        unique(&mut conditions, &a.condition, "advies-conditie", scan_file)?;
        for link in &a.links {
            let (what, id, found) = match &link.to {
                AdviceTarget::Theme(id) => ("thema", id, content.theme(id).is_some()),
                AdviceTarget::Dilemma(id) => ("dilemma", id, content.dilemma(id).is_some()),
                AdviceTarget::Instrument(id) => {
                    ("instrument", id, content.instrument(id).is_some())
                }
            };
            if !found {
                return Err(invalid(
                    scan_file,
                    format!(
                        "advies bij '{}' verwijst naar onbekend {what} '{id}'",
                        a.condition
                    ),
                ));
            }
            if link.why.trim().is_empty() {
                return Err(invalid(
                    scan_file,
                    format!("advies bij '{}' naar '{id}' zegt niet waarom", a.condition),
                ));
            }
        }
    }
    Ok(())
}
