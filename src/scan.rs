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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn mean_ignores_dont_know_and_out_of_range() {
        let a = [
            Answer::Score(4),
            Answer::DontKnow,
            Answer::Score(5),
            Answer::Score(9),
        ];
        assert_eq!(mean_of(a.iter()), Some(4.5));
        assert_eq!(mean_of([Answer::DontKnow].iter()), None);
        assert_eq!(mean_of([].iter()), None);
    }

    #[test]
    fn scores_per_condition_with_answered_and_total() {
        let content = Content::embedded().expect("content");
        let result = score(
            &content.scan,
            &answers(&[
                ("ambitie.gedeeld", Answer::Score(4)),
                ("ambitie.waardevol", Answer::Score(5)),
                ("belangen.interesse", Answer::Score(2)),
                ("belangen.waarde", Answer::DontKnow),
                ("onbekend.item", Answer::Score(1)),
            ]),
        );
        let c = &result.conditions;
        assert_eq!(c[0].id, "ambitie");
        assert_eq!((c[0].score, c[0].answered, c[0].total), (Some(4.5), 2, 4));
        assert_eq!((c[1].score, c[1].answered, c[1].total), (Some(2.0), 2, 4));
        assert_eq!((c[2].score, c[2].answered), (None, 0));
        assert_eq!(result.answered(), 4);
        assert_eq!(result.total(), 20);
        assert!((result.completeness() - 0.2).abs() < 1e-9);
        assert!(!c[0].flagged());
        assert!(c[1].flagged(), "2,0 is below 3,0");
        assert!(!c[2].flagged(), "no score, no flag");
    }

    #[test]
    fn threshold_is_strictly_below_three() {
        let at = ConditionScore {
            id: "x".into(),
            score: Some(3.0),
            answered: 1,
            total: 4,
        };
        assert!(!at.flagged());
        let below = ConditionScore {
            score: Some(2.99),
            ..at
        };
        assert!(below.flagged());
    }

    #[test]
    fn dutch_decimal_comma_rounds_halves_up() {
        assert_eq!(crate::fmt_score(4.0), "4,0");
        assert_eq!(crate::fmt_score(3.25), "3,3");
        assert_eq!(crate::fmt_score(2.3333), "2,3");
        assert_eq!(crate::fmt_opt_score(None), "–");
    }
}
