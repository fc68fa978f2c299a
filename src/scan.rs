//! Scoring of the quick scan and comparison statistics: pure functions, no I/O.

use crate::content::ScanContent;
use crate::session::Answer;
use std::collections::BTreeMap;

/// Conditions scoring below this are flagged with their risk text.
pub const FLAG_THRESHOLD: f64 = 3.0;

/// The result for one condition.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionScore {
    pub id: String,
    /// Mean of the items answered 1–5; `None` when none is.
    pub score: Option<f64>,
    /// Items answered, including "weet ik niet".
    pub answered: usize,
    pub total: usize,
}

impl ConditionScore {
    /// True when the condition has a score below [`FLAG_THRESHOLD`].
    pub fn flagged(&self) -> bool {
        self.score.is_some_and(|s| s < FLAG_THRESHOLD)
    }
}

/// The scan as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanResult {
    pub conditions: Vec<ConditionScore>,
}

impl ScanResult {
    pub fn answered(&self) -> usize {
        self.conditions.iter().map(|c| c.answered).sum()
    }

    pub fn total(&self) -> usize {
        self.conditions.iter().map(|c| c.total).sum()
    }

    /// Share of items answered, 0.0–1.0 (0 when the scan has no items).
    pub fn completeness(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            0.0
        } else {
            self.answered() as f64 / total as f64
        }
    }

    /// The scores in condition order, for the radar.
    pub fn scores(&self) -> Vec<Option<f64>> {
        self.conditions.iter().map(|c| c.score).collect()
    }
}

/// Mean of the 1–5 answers among `answers`; `None` when there are none.
pub fn mean_of<'a>(answers: impl IntoIterator<Item = &'a Answer>) -> Option<f64> {
    let (sum, n) = answers
        .into_iter()
        .fold((0u32, 0u32), |(sum, n), a| match a {
            Answer::Score(v) if (1..=5).contains(v) => (sum + u32::from(*v), n + 1),
            _ => (sum, n),
        });
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// Scores every condition of `content` from `answers` (keyed by item id). Answers to ids
/// the content does not know are ignored here (and kept in the session).
pub fn score(content: &ScanContent, answers: &BTreeMap<String, Answer>) -> ScanResult {
    let conditions = content
        .conditions
        .iter()
        .map(|c| {
            let given: Vec<&Answer> = c
                .items
                .iter()
                .filter_map(|it| answers.get(&it.id))
                .collect();
            ConditionScore {
                id: c.id.clone(),
                score: mean_of(given.iter().copied()),
                answered: given.len(),
                total: c.items.len(),
            }
        })
        .collect();
    ScanResult { conditions }
}
