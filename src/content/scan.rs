//! The quick scan: five conditions for promising collaboration, four indicators each.

use super::{Choice, Guidance};
use serde::Deserialize;
use std::collections::BTreeSet;

/// The ids of the five conditions, in the order the scan and the radar use.
pub const CONDITION_IDS: [&str; 5] = ["ambitie", "belangen", "relatie", "organisatie", "proces"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanContent {
    pub source: String,
    pub question_prefix: String,
    pub scale: Vec<ScaleLabel>,
    pub dont_know: String,
    pub conditions: Vec<Condition>,
    /// The five characteristics of every collaboration question (Kaats & Opheij).
    #[serde(default)]
    pub traits: Traits,
    /// How partners follow up a scan together (Kaats & Opheij, §5).
    #[serde(default)]
    pub follow_up: Guidance,
    /// Per condition: where in the handreiking to look when it is weak.
    #[serde(default)]
    pub advice: Vec<ConditionAdvice>,
}

/// Characteristics of a collaboration question that cannot be solved, only handled.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traits {
    pub title: String,
    pub source: String,
    pub intro: String,
    pub items: Vec<Choice>,
}

/// The themes, dilemmas and instruments that help with one condition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionAdvice {
    /// A condition id (`ambitie`, …).
    pub condition: String,
    /// A reflection question to take along when this condition is weak (one line);
    /// empty in an overlay that leaves it out (then a general question is asked).
    #[serde(default)]
    pub prompt: String,
    pub links: Vec<AdviceLink>,
}

/// One pointer from a condition to the handreiking, with why it helps (one line).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceLink {
    pub to: AdviceTarget,
    pub why: String,
}

/// What an advice link points at, by id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum AdviceTarget {
    Theme(String),
    Dilemma(String),
    Instrument(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabel {
    pub value: u8,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub short: String,
    pub explanation: String,
    pub neglect_risk: String,
    pub attention_gain: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: String,
}

impl ScanContent {
    /// Checks the structure the app relies on; returns a Dutch message on failure.
    pub fn validate(&self) -> Result<(), String> {
        let values: Vec<u8> = self.scale.iter().map(|s| s.value).collect();
        if values != [1, 2, 3, 4, 5] {
            return Err(format!(
                "de schaal moet precies de waarden 1 t/m 5 hebben, gevonden: {values:?}"
            ));
        }
        let ids: Vec<&str> = self.conditions.iter().map(|c| c.id.as_str()).collect();
        if ids != CONDITION_IDS {
            return Err(format!(
                "de condities moeten {} zijn, in die volgorde; gevonden: {}",
                CONDITION_IDS.join(", "),
                ids.join(", ")
            ));
        }
        let mut seen = BTreeSet::new();
        for c in &self.conditions {
            for (field, text) in [
                ("name", &c.name),
                ("short", &c.short),
                ("explanation", &c.explanation),
                ("neglect_risk", &c.neglect_risk),
                ("attention_gain", &c.attention_gain),
            ] {
                if text.trim().is_empty() {
                    return Err(format!("conditie '{}': veld '{field}' is leeg", c.id));
                }
            }
            if c.items.len() != 4 {
                return Err(format!(
                    "conditie '{}' heeft {} indicatoren, verwacht 4",
                    c.id,
                    c.items.len()
                ));
            }
            for item in &c.items {
                let prefix = format!("{}.", c.id);
                let rest = item.id.strip_prefix(&prefix).unwrap_or("");
                if rest.is_empty() || !rest.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-') {
                    return Err(format!(
                        "indicator-id '{}' moet de vorm '{}<woord>' hebben",
                        item.id, prefix
                    ));
                }
                if !seen.insert(item.id.as_str()) {
                    return Err(format!("indicator-id '{}' komt dubbel voor", item.id));
                }
                if !item.text.starts_with(&self.question_prefix) {
                    return Err(format!(
                        "indicator '{}' begint niet met '{}'",
                        item.id, self.question_prefix
                    ));
                }
            }
        }
        Ok(())
    }

    /// All items in scan order, each with the index of its condition.
    pub fn items(&self) -> impl Iterator<Item = (usize, &Item)> {
        self.conditions
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| c.items.iter().map(move |it| (ci, it)))
    }

    pub fn item_count(&self) -> usize {
        self.conditions.iter().map(|c| c.items.len()).sum()
    }

    pub fn scale_label(&self, value: u8) -> &str {
        self.scale
            .iter()
            .find(|s| s.value == value)
            .map(|s| s.label.as_str())
            .unwrap_or("")
    }
}
