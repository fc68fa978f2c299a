//! The display-ready model of one session: who and when, the score per condition with
//! how many items were answered and how many "weet ik niet", the change against an
//! earlier session, and the actions with what they are about. Built once by
//! [`SessionView::build`]; `show` (text and JSON) and the session reports render it.

use super::advice::{self, Advice, AdviceJson, Insight, InsightJson};
use super::{Ordered, link_label, long_date, short_date};
use crate::content::Content;
use crate::scan;
use crate::session::{Answer, Session};
use serde::Serialize;

/// One condition of the quick scan for this session.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionView {
    pub id: String,
    pub name: String,
    pub short: String,
    /// Mean of the 1–5 answers; `None` without any.
    pub score: Option<f64>,
    /// Items answered, "weet ik niet" included.
    pub answered: usize,
    /// Items answered "weet ik niet".
    pub dont_know: usize,
    pub total: usize,
    /// The score is below 3,0.
    pub flagged: bool,
    /// What neglecting this condition risks.
    pub risk: String,
    /// The earlier session's score, when one is compared.
    pub previous: Option<f64>,
    /// `score − previous`, when both exist.
    pub delta: Option<f64>,
    /// The four indicators with this session's answers, in scan order.
    pub items: Vec<ItemView>,
}

/// One indicator of the scan and the answer given.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    pub id: String,
    /// The question.
    pub text: String,
    /// `None` when not answered.
    pub answer: Option<Answer>,
}

impl ItemView {
    pub fn dont_know(&self) -> bool {
        self.answer == Some(Answer::DontKnow)
    }

    /// The answer in words: "4 — grotendeels", "weet ik niet", "niet beantwoord".
    pub fn answer_words(&self, content: &Content) -> String {
        match self.answer {
            Some(Answer::Score(v)) => format!("{v} — {}", content.scan.scale_label(v)),
            Some(Answer::DontKnow) => crate::text::DONT_KNOW_ANSWER.to_string(),
            None => crate::text::NOT_ANSWERED.to_string(),
        }
    }
}

/// One action or agreement (empty rows left out).
#[derive(Debug, Clone, PartialEq)]
pub struct ActionView {
    pub what: String,
    pub who: String,
    pub when: String,
    /// What the action is about ([`link_label`]); empty without a link.
    pub about: String,
    pub done: bool,
    /// Still to be done (not done, not dropped at a review).
    pub open: bool,
    /// For an afspraak from last time: when it was agreed and how it was reviewed.
    pub origin: Option<String>,
}

/// Everything shown of one session's scores and actions.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub bestuurder: String,
    pub organisatie: String,
    pub samenwerking: String,
    /// "Zelfreflectie" or "Coachgesprek".
    pub mode: String,
    /// The date of the last change, in words.
    pub date: String,
    /// The earlier session's date, in words, when one is compared.
    pub previous_date: Option<String>,
    pub answered: usize,
    pub total: usize,
    /// In scan order.
    pub conditions: Vec<ConditionView>,
    pub actions: Vec<ActionView>,
    /// The conditions below 3,0, weakest first, with what the handreiking offers.
    pub advice: Vec<Advice>,
    /// The conditions with several "weet ik niet" answers.
    pub insight: Vec<Insight>,
}

impl SessionView {
    /// The view of `session`, compared with `previous` when given.
    pub fn build(content: &Content, session: &Session, previous: Option<&Session>) -> Self {
        let result = scan::score(&content.scan, &session.answers);
        let before = previous.map(|p| scan::score(&content.scan, &p.answers));
        let conditions = content
            .scan
            .conditions
            .iter()
            .zip(&result.conditions)
            .enumerate()
            .map(|(i, (c, cs))| {
                let previous = before
                    .as_ref()
                    .and_then(|b| b.conditions.get(i))
                    .and_then(|b| b.score);
                ConditionView {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    short: c.short.clone(),
                    score: cs.score,
                    answered: cs.answered,
                    dont_know: c
                        .items
                        .iter()
                        .filter(|it| matches!(session.answers.get(&it.id), Some(Answer::DontKnow)))
                        .count(),
                    total: cs.total,
                    flagged: cs.flagged(),
                    risk: c.neglect_risk.clone(),
                    previous,
                    delta: cs.score.zip(previous).map(|(now, was)| now - was),
                    items: c
                        .items
                        .iter()
                        .map(|it| ItemView {
                            id: it.id.clone(),
                            text: it.text.clone(),
                            answer: session.answers.get(&it.id).copied(),
                        })
                        .collect(),
                }
            })
            .collect::<Vec<ConditionView>>();
        let advice = advice::advice(content, &conditions);
        let insight = advice::insight(&conditions);
        let actions = session
            .actions
            .iter()
            .filter(|a| !a.is_blank())
            .map(|a| ActionView {
                what: a.what.clone(),
                who: a.who.clone(),
                when: a.when.clone(),
                about: link_label(content, &a.link),
                done: a.done,
                open: a.is_open(),
                origin: a
                    .carried
                    .as_ref()
                    .map(|c| crate::text::carried_line(&short_date(c.agreed), c.review, &c.note)),
            })
            .collect();
        SessionView {
            bestuurder: session.bestuurder.clone(),
            organisatie: session.organisatie.clone(),
            samenwerking: session.samenwerking.clone(),
            mode: session.mode.label().to_string(),
            date: long_date(session.updated),
            previous_date: previous.map(|p| long_date(p.updated)),
            answered: result.answered(),
            total: result.total(),
            conditions,
            actions,
            advice,
            insight,
        }
    }

    /// The actions not yet done.
    pub fn open_actions(&self) -> impl Iterator<Item = &ActionView> {
        self.actions.iter().filter(|a| a.open)
    }

    /// The scores in scan order, for a radar.
    pub fn scores(&self) -> Vec<Option<f64>> {
        self.conditions.iter().map(|c| c.score).collect()
    }

    /// The JSON of `kansrijk show --json`.
    pub fn to_json(&self) -> ShowJson {
        ShowJson {
            conditions: Ordered(
                self.conditions
                    .iter()
                    .map(|c| {
                        (
                            c.id.clone(),
                            ShowCondition {
                                score: c.score,
                                answered: c.answered,
                                total: c.total,
                                dont_know: c.dont_know,
                            },
                        )
                    })
                    .collect(),
            ),
            answered: self.answered,
            total: self.total,
            advice: self.advice.iter().map(AdviceJson::from).collect(),
            insight: self.insight.iter().map(InsightJson::from).collect(),
        }
    }
}

/// `kansrijk show --json`: `conditions` (scan order; per condition `score` — `null`
/// without 1–5 answers — `answered`, `total` and `dont_know`), then `answered` and
/// `total` over the whole scan; `advice` (the conditions below 3,0, weakest first:
/// `condition`, `score`, and the `themes`, `dilemmas` and `instruments` ids the
/// handreiking offers for it) and `insight` (conditions with two or more "weet ik niet":
/// `condition`, `dont_know`, `indicators`).
#[derive(Debug, Serialize)]
pub struct ShowJson {
    pub conditions: Ordered<ShowCondition>,
    pub answered: usize,
    pub total: usize,
    pub advice: Vec<AdviceJson>,
    pub insight: Vec<InsightJson>,
}

#[derive(Debug, Serialize)]
pub struct ShowCondition {
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
    pub dont_know: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Action, Mode};

    fn session(answers: &[(&str, Answer)]) -> Session {
        let mut s = Session::new(
            "A",
            "",
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::UNIX_EPOCH,
        );
        s.answers = answers.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        s
    }

    #[test]
    fn scores_deltas_and_dont_know_per_condition() {
        let c = Content::embedded().expect("content");
        let before = session(&[
            ("ambitie.gedeeld", Answer::Score(2)),
            ("ambitie.waardevol", Answer::Score(3)),
            ("belangen.interesse", Answer::Score(4)),
            ("relatie.vertrouwen", Answer::Score(3)),
        ]);
        let mut after = session(&[
            ("ambitie.gedeeld", Answer::Score(3)),
            ("ambitie.waardevol", Answer::Score(3)),
            ("belangen.interesse", Answer::Score(2)),
            ("belangen.waarde", Answer::DontKnow),
            ("relatie.vertrouwen", Answer::Score(3)),
            ("proces.fasering", Answer::Score(5)),
        ]);
        after.actions.push(Action {
            what: "Gesprek".into(),
            link: "conditie:proces".into(),
            ..Default::default()
        });
        let v = SessionView::build(&c, &after, Some(&before));
        let deltas: Vec<String> = v
            .conditions
            .iter()
            .map(|c| super::super::fmt_opt_delta(c.delta))
            .collect();
        assert_eq!(deltas, ["+0,5", "-2,0", "±0,0", "–", "–"]);
        assert_eq!(
            (v.conditions[4].score, v.conditions[4].previous),
            (Some(5.0), None),
            "no previous score"
        );
        let bel = &v.conditions[1];
        assert_eq!((bel.score, bel.answered, bel.dont_know), (Some(2.0), 2, 1));
        assert!(bel.flagged && !bel.risk.is_empty());
        assert_eq!(v.answered, 6);
        assert_eq!(v.actions.len(), 1);
        assert_eq!(v.actions[0].about, c.scan.conditions[4].name);
        assert!(v.previous_date.is_some());
        let json = serde_json::to_string(&v.to_json()).expect("json");
        assert!(
            json.starts_with(
                r#"{"conditions":{"ambitie":{"score":3.0,"answered":2,"total":4,"dont_know":0}"#
            ),
            "{json}"
        );
    }
}
