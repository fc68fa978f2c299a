//! Advice from the scan (issue 13): for each condition below 3,0, weakest first, what the
//! handreiking offers for it — themes, dilemmas and instruments from the content's
//! `advice` (assets/scan.ron), each with its one-line reason — and a reflection question;
//! and, apart from that, the conditions where several indicators were answered "weet ik
//! niet" ([`DONT_KNOW_THRESHOLD`]): there the first step is to get a view ("hier is zicht
//! nodig"), not to improve.
//!
//! Built as part of [`super::SessionView`]; the TUI, `show` and the reports render it.

use super::session::ConditionView;
use crate::content::{AdviceTarget, Content};
use crate::text;
use serde::Serialize;

/// How many "weet ik niet" answers (of a condition's four indicators) make that
/// condition advice of its own: two or more. One unknown indicator is ordinary
/// uncertainty; from two on, half the condition is a blind spot, and its score (the mean
/// of at most two answers) says little.
pub const DONT_KNOW_THRESHOLD: usize = 2;

/// What an advice item points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceKind {
    Theme,
    Dilemma,
    Instrument,
}

impl AdviceKind {
    /// "Thema", "Dilemma", "Instrument".
    pub fn label(self) -> &'static str {
        match self {
            AdviceKind::Theme => text::KIND_THEME,
            AdviceKind::Dilemma => text::KIND_DILEMMA,
            AdviceKind::Instrument => text::KIND_INSTRUMENT,
        }
    }

    /// The prefix of an action link to it (`thema`, `dilemma`, `instrument`).
    pub fn link_prefix(self) -> &'static str {
        match self {
            AdviceKind::Theme => "thema",
            AdviceKind::Dilemma => "dilemma",
            AdviceKind::Instrument => "instrument",
        }
    }
}

/// One place in the handreiking that helps with a weak condition.
#[derive(Debug, Clone, PartialEq)]
pub struct AdviceItem {
    pub kind: AdviceKind,
    /// The content id (always one the content knows).
    pub id: String,
    /// The theme's or dilemma's title, the instrument's name.
    pub title: String,
    /// Why it helps, one line.
    pub why: String,
}

impl AdviceItem {
    /// The link in the form actions use (`thema:samenwerking.motieven`), for going there.
    pub fn link(&self) -> String {
        format!("{}:{}", self.kind.link_prefix(), self.id)
    }
}

/// The advice for one condition below 3,0.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub condition: String,
    pub name: String,
    pub score: f64,
    /// A question to reflect on (from the content, or a general one).
    pub prompt: String,
    /// In the content's order; only ids the content knows.
    pub items: Vec<AdviceItem>,
}

impl Advice {
    /// The ids of one kind, in order.
    pub fn ids(&self, kind: AdviceKind) -> Vec<String> {
        self.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id.clone())
            .collect()
    }
}

/// A condition with [`DONT_KNOW_THRESHOLD`] or more "weet ik niet" answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    pub condition: String,
    pub name: String,
    pub dont_know: usize,
    pub total: usize,
    /// The indicators answered "weet ik niet": (id, question).
    pub indicators: Vec<(String, String)>,
    /// "Wie zou dit wel weten…?"
    pub prompt: String,
}

/// The advice for the conditions below 3,0 of `conditions`, weakest first (ties in scan
/// order).
pub fn advice(content: &Content, conditions: &[ConditionView]) -> Vec<Advice> {
    let mut weak: Vec<(&ConditionView, f64)> = conditions
        .iter()
        .filter(|c| c.flagged)
        .filter_map(|c| c.score.map(|s| (c, s)))
        .collect();
    weak.sort_by(|a, b| a.1.total_cmp(&b.1));
    weak.into_iter()
        .map(|(c, score)| {
            let entry = content.scan.advice.iter().find(|a| a.condition == c.id);
            let items = entry
                .map(|a| {
                    a.links
                        .iter()
                        .filter_map(|l| item(content, &l.to, &l.why))
                        .collect()
                })
                .unwrap_or_default();
            let prompt = entry
                .map(|a| a.prompt.trim())
                .filter(|p| !p.is_empty())
                .unwrap_or(text::ADVICE_GENERAL_PROMPT)
                .to_string();
            Advice {
                condition: c.id.clone(),
                name: c.name.clone(),
                score,
                prompt,
                items,
            }
        })
        .collect()
}

/// The conditions where a view is needed first, in scan order.
pub fn insight(conditions: &[ConditionView]) -> Vec<Insight> {
    conditions
        .iter()
        .filter(|c| c.dont_know >= DONT_KNOW_THRESHOLD)
        .map(|c| Insight {
            condition: c.id.clone(),
            name: c.name.clone(),
            dont_know: c.dont_know,
            total: c.total,
            indicators: c
                .items
                .iter()
                .filter(|i| i.dont_know())
                .map(|i| (i.id.clone(), i.text.clone()))
                .collect(),
            prompt: text::INSIGHT_PROMPT.to_string(),
        })
        .collect()
}

fn item(content: &Content, to: &AdviceTarget, why: &str) -> Option<AdviceItem> {
    let (kind, id, title) = match to {
        AdviceTarget::Theme(id) => (
            AdviceKind::Theme,
            id,
            content.theme(id).map(|(_, t)| t.title.clone())?,
        ),
        AdviceTarget::Dilemma(id) => (
            AdviceKind::Dilemma,
            id,
            content.dilemma(id).map(|(_, d)| d.title.clone())?,
        ),
        AdviceTarget::Instrument(id) => (
            AdviceKind::Instrument,
            id,
            content.instrument(id).map(|i| i.name.clone())?,
        ),
    };
    Some(AdviceItem {
        kind,
        id: id.clone(),
        title,
        why: why.trim().to_string(),
    })
}

/// One entry of `show --json`'s `advice`.
#[derive(Debug, Serialize)]
pub struct AdviceJson {
    pub condition: String,
    pub score: f64,
    pub themes: Vec<String>,
    pub dilemmas: Vec<String>,
    pub instruments: Vec<String>,
}

impl From<&Advice> for AdviceJson {
    fn from(a: &Advice) -> Self {
        AdviceJson {
            condition: a.condition.clone(),
            score: a.score,
            themes: a.ids(AdviceKind::Theme),
            dilemmas: a.ids(AdviceKind::Dilemma),
            instruments: a.ids(AdviceKind::Instrument),
        }
    }
}

/// One entry of `show --json`'s `insight`.
#[derive(Debug, Serialize)]
pub struct InsightJson {
    pub condition: String,
    pub dont_know: usize,
    pub indicators: Vec<String>,
}

impl From<&Insight> for InsightJson {
    fn from(i: &Insight) -> Self {
        InsightJson {
            condition: i.condition.clone(),
            dont_know: i.dont_know,
            indicators: i.indicators.iter().map(|(id, _)| id.clone()).collect(),
        }
    }
}
