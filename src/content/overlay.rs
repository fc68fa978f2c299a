//! A coach's own content (`--inhoud DIR`): RON files named like the embedded ones, with
//! only what changes or is added. Elements are merged by id: an element with a known id
//! replaces the embedded one, a new id is added. The result is validated as a whole.

use super::{
    About, Choice, Condition, ConditionAdvice, Content, ContentError, Dilemma, ExampleGroup,
    Guidance, Instrument, Instruments, LeadershipRole, Pointer, Theme, parse,
};
use serde::Deserialize;
use std::path::Path;

/// `scan.ron` in an override folder: conditions to replace, by id; characteristics by id;
/// the follow-up guidance; advice per condition (replaces that condition's advice).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ScanOverlay {
    conditions: Vec<Condition>,
    traits: Vec<Choice>,
    follow_up: Option<Guidance>,
    advice: Vec<ConditionAdvice>,
}

/// `handreiking.ron` in an override folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct HandreikingOverlay {
    perspectives: Vec<PerspectiveOverlay>,
    tensions: Vec<TensionOverlay>,
    paradox_strategies: Vec<Choice>,
    paradox_source: Option<String>,
    balancing: Option<Guidance>,
    about: Option<About>,
    /// Leadership roles to replace or add, by id.
    leadership_roles: Vec<LeadershipRole>,
    /// Wegwijzer groups: a known id merges its examples by id, a new id is added.
    wegwijzer: Vec<ExampleGroup>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct PerspectiveOverlay {
    id: String,
    name: Option<String>,
    short: Option<String>,
    intro: Option<String>,
    themes: Vec<Theme>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct TensionOverlay {
    id: String,
    name: Option<String>,
    intro: Option<String>,
    dilemmas: Vec<Dilemma>,
    considerations: Vec<String>,
    pointers: Vec<Pointer>,
}

/// Replaces the element with the same id, or appends it.
fn merge_by_id<T>(into: &mut Vec<T>, from: Vec<T>, id: impl Fn(&T) -> &str) {
    for item in from {
        match into.iter().position(|x| id(x) == id(&item)) {
            Some(i) => into[i] = item,
            None => into.push(item),
        }
    }
}

fn read(dir: &Path, name: &str) -> Result<Option<(String, String)>, ContentError> {
    let path = dir.join(name);
    if !path.exists() {
        return Ok(None);
    }
    use crate::store::fsio;
    let invalid = |message: String| ContentError::Invalid {
        file: path.display().to_string(),
        message,
    };
    let bytes = fsio::read_capped(&path, fsio::Links::Follow, fsio::MAX_SMALL_FILE_BYTES)
        .map_err(|e| invalid(e.reason()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| invalid("geen geldige UTF-8-tekst".to_string()))?;
    Ok(Some((text, path.display().to_string())))
}

/// The known file names; anything else in the folder is reported, not ignored.
pub const FILES: [&str; 3] = ["scan.ron", "handreiking.ron", "instruments.ron"];

/// Applies the override folder `dir` to `base` and validates the result.
pub fn apply(mut base: Content, dir: &Path) -> Result<Content, ContentError> {
    if !dir.is_dir() {
        return Err(ContentError::Invalid {
            file: dir.display().to_string(),
            message: "dit is geen map".to_string(),
        });
    }
    let mut found = 0;
    if let Some((text, file)) = read(dir, FILES[0])? {
        found += 1;
        let overlay: ScanOverlay = parse(&text, &file)?;
        for c in overlay.conditions {
            match base.scan.conditions.iter().position(|x| x.id == c.id) {
                Some(i) => base.scan.conditions[i] = c,
                None => {
                    return Err(ContentError::Invalid {
                        file,
                        message: format!(
                            "de quick scan heeft vaste condities; '{}' bestaat niet",
                            c.id
                        ),
                    });
                }
            }
        }
        merge_by_id(&mut base.scan.traits.items, overlay.traits, |t| &t.id);
        if let Some(f) = overlay.follow_up {
            base.scan.follow_up = f;
        }
        merge_by_id(&mut base.scan.advice, overlay.advice, |a| &a.condition);
        base.scan
            .validate()
            .map_err(|message| ContentError::Invalid { file, message })?;
    }
    if let Some((text, file)) = read(dir, FILES[1])? {
        found += 1;
        let overlay: HandreikingOverlay = parse(&text, &file)?;
        let hr = &mut base.handreiking;
        for p in overlay.perspectives {
            let Some(target) = hr.perspectives.iter_mut().find(|x| x.id == p.id) else {
                return Err(ContentError::Invalid {
                    file,
                    message: format!("onbekend perspectief '{}'", p.id),
                });
            };
            if let Some(v) = p.name {
                target.name = v;
            }
            if let Some(v) = p.short {
                target.short = v;
            }
            if let Some(v) = p.intro {
                target.intro = v;
            }
            merge_by_id(&mut target.themes, p.themes, |t| &t.id);
        }
        for t in overlay.tensions {
            let Some(target) = hr.tensions.iter_mut().find(|x| x.id == t.id) else {
                return Err(ContentError::Invalid {
                    file,
                    message: format!("onbekende spanning '{}'", t.id),
                });
            };
            if let Some(v) = t.name {
                target.name = v;
            }
            if let Some(v) = t.intro {
                target.intro = v;
            }
            merge_by_id(&mut target.dilemmas, t.dilemmas, |d| &d.id);
            target.considerations.extend(t.considerations);
            merge_by_id(&mut target.pointers, t.pointers, |p| &p.theme);
        }
        merge_by_id(
            &mut hr.paradox_strategies,
            overlay.paradox_strategies,
            |s| &s.id,
        );
        if let Some(s) = overlay.paradox_source {
            hr.paradox_source = s;
        }
        if let Some(b) = overlay.balancing {
            hr.balancing = b;
        }
        if let Some(a) = overlay.about {
            hr.about = a;
        }
        merge_by_id(&mut hr.leadership.roles, overlay.leadership_roles, |r| {
            &r.id
        });
        for group in overlay.wegwijzer {
            match hr.wegwijzer.groups.iter_mut().find(|g| g.id == group.id) {
                Some(target) => {
                    if !group.kind.trim().is_empty() {
                        target.kind = group.kind;
                    }
                    merge_by_id(&mut target.examples, group.examples, |e| &e.id);
                }
                None => hr.wegwijzer.groups.push(group),
            }
        }
    }
    if let Some((text, file)) = read(dir, FILES[2])? {
        found += 1;
        let overlay: Instruments = parse(&text, &file)?;
        merge_by_id(
            &mut base.instruments,
            overlay.instruments,
            |i: &Instrument| &i.id,
        );
    }
    if found == 0 {
        return Err(ContentError::Invalid {
            file: dir.display().to_string(),
            message: format!("geen inhoud gevonden (verwacht: {})", FILES.join(", ")),
        });
    }
    super::validate::check(
        &base,
        &dir.join(FILES[1]).display().to_string(),
        &dir.join(FILES[2]).display().to_string(),
    )?;
    super::validate::check_scan_links(&base, &dir.join(FILES[0]).display().to_string())?;
    Ok(base)
}
