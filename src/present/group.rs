//! The display-ready model of a group: who is in it (by the one membership rule of
//! [`crate::group::membership`]) and under which label, their scores, and per condition
//! and per indicator the numbers and the gespreksonderwerpen. Built once by
//! [`Group::build`]; the group view, `compare` (text and JSON) and the group reports
//! render it.

use super::{Flag, Ordered, short_date, stable_hash};
use crate::content::Content;
use crate::group;
use crate::scan::FLAG_THRESHOLD;
use crate::session::{self, Answer, Session};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One respondent of the group.
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// How the respondent is shown: `R1…Rn` when anonymous, otherwise the bestuurder's
    /// name (with the organisation when two share a name; `R<n>` when there is none).
    pub label: String,
    /// `R1…Rn`: the respondent's number in this group.
    pub number: String,
    /// Empty when anonymous.
    pub bestuurder: String,
    /// Empty when anonymous.
    pub organisatie: String,
    /// The date of the session that stands for this respondent (its last change).
    pub date: String,
    /// The session file; `None` when anonymous or when the session came without one.
    pub file: Option<PathBuf>,
    /// Per condition, in scan order.
    pub scores: Vec<Option<f64>>,
    /// Per condition, in scan order: score, items answered and "weet ik niet".
    pub conditions: Vec<RespondentCondition>,
}

/// One respondent's result on one condition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RespondentCondition {
    pub score: Option<f64>,
    /// Items answered, "weet ik niet" included.
    pub answered: usize,
    pub dont_know: usize,
}

/// The partners' positions on one dilemma, side by side (only dilemmas somebody placed).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupDilemma {
    pub id: String,
    pub title: String,
    /// The poles, left (-3) and right (+3).
    pub left: String,
    pub right: String,
    /// Per respondent (R1…Rn), -3..=3, `None` when not placed. Sorted (no order of
    /// respondents) in an aggregate-only group.
    pub positions: Vec<Option<i8>>,
    pub mean: Option<f64>,
    pub min: Option<i8>,
    pub max: Option<i8>,
    /// Respondents who placed themselves.
    pub n: usize,
}

/// A session that does not count because a later one of the same respondent does.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub file: Option<PathBuf>,
    pub date: String,
    /// The number (`R…`) of the respondent whose later session counts instead.
    pub instead: String,
}

/// One condition over the group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCondition {
    pub id: String,
    pub name: String,
    pub short: String,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Respondents with a score for this condition.
    pub n: usize,
    /// The mean is below [`FLAG_THRESHOLD`].
    pub weak: bool,
}

/// One indicator over the group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupItem {
    pub id: String,
    /// The condition's name and short name.
    pub condition: String,
    pub condition_short: String,
    /// The indicator's text (its id when the content does not know it).
    pub text: String,
    pub mean: Option<f64>,
    pub spread: Option<u8>,
    pub sd: Option<f64>,
    pub n: usize,
    pub dont_know: usize,
    /// The drill-down: each respondent's answer (R1…Rn order), `None` when not answered;
    /// empty in an aggregate-only group (see [`GroupItem::counts`]).
    pub answers: Vec<Option<Answer>>,
    /// How many answered 1, 2, 3, 4, 5 (index 0 = 1); "weet ik niet" is [`Self::dont_know`].
    pub counts: [usize; 5],
}

/// Everything shown of a group, in the order it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The samenwerking most sessions are about (as typed; not yet made safe).
    pub samenwerking: String,
    /// True when not all sessions are about the same samenwerking.
    pub mixed: bool,
    pub anonymous: bool,
    /// Named: by name. Anonymous: by a stable hash of the session ids, so the numbers do
    /// not give away the alphabetical order of the names and stay the same each time.
    pub respondents: Vec<Respondent>,
    /// Earlier sessions of the respondents, not counted.
    pub left_out: Vec<LeftOut>,
    /// In scan order.
    pub conditions: Vec<GroupCondition>,
    /// In scan order.
    pub items: Vec<GroupItem>,
    /// All indicators, the largest spread first (ties in scan order, no data last).
    pub by_spread: Vec<GroupItem>,
    /// Gespreksonderwerpen: where the answers lie furthest apart (at most
    /// [`group::MAX_DISAGREEMENTS`], spread ≥ [`group::DISAGREEMENT_MIN_SPREAD`]).
    pub disagreements: Vec<GroupItem>,
    /// Gespreksonderwerpen: conditions with a mean below 3,0, weakest first.
    pub weak: Vec<Flag>,
    /// The handbook the scan comes from.
    pub source: String,
    /// The partners' dilemma positions, in the handreiking's order.
    pub dilemmas: Vec<GroupDilemma>,
    /// Aggregate only ([`Group::aggregate_only`]): no respondent rows, names, numbers,
    /// dates or files; `respondents` is empty, [`Group::count`] says how many.
    pub aggregate: bool,
    /// The number of respondents.
    pub count: usize,
}

impl Group {
    /// The group of `candidates` (sessions with their files; an empty path for none): the
    /// membership rule decides who counts, `anonymous` how they are named and ordered.
    pub fn build(content: &Content, candidates: &[(&Path, &Session)], anonymous: bool) -> Self {
        let membership = group::membership(candidates);
        let mut chosen: Vec<usize> = membership.members.clone();
        if anonymous {
            chosen.sort_by_key(|&i| {
                let id = &candidates[i].1.id;
                (stable_hash(id.as_bytes()), id.clone())
            });
        }
        let sessions: Vec<&Session> = chosen.iter().map(|&i| candidates[i].1).collect();
        let stats = group::stats(&content.scan, sessions.iter().copied());
        let names = display_names(&sessions);
        let file = |i: usize| {
            let p: &Path = candidates[i].0;
            (!anonymous && !p.as_os_str().is_empty()).then(|| p.to_path_buf())
        };
        let respondents: Vec<Respondent> = chosen
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let s = candidates[i].1;
                let number = format!("R{}", k + 1);
                Respondent {
                    label: if anonymous {
                        number.clone()
                    } else {
                        names[k].clone()
                    },
                    number,
                    bestuurder: if anonymous {
                        String::new()
                    } else {
                        s.bestuurder.trim().to_string()
                    },
                    organisatie: if anonymous {
                        String::new()
                    } else {
                        s.organisatie.trim().to_string()
                    },
                    date: short_date(s.updated),
                    file: file(i),
                    scores: stats
                        .conditions
                        .iter()
                        .map(|c| c.scores.get(k).copied().flatten())
                        .collect(),
                    conditions: respondent_conditions(content, s),
                }
            })
            .collect();
        let left_out = membership
            .superseded
            .iter()
            .map(|&(gone, instead)| LeftOut {
                file: file(gone),
                date: short_date(candidates[gone].1.updated),
                instead: chosen
                    .iter()
                    .position(|&m| m == instead)
                    .map(|k| format!("R{}", k + 1))
                    .unwrap_or_default(),
            })
            .collect();
        let conditions = content
            .scan
            .conditions
            .iter()
            .zip(&stats.conditions)
            .map(|(c, cs)| GroupCondition {
                id: c.id.clone(),
                name: c.name.clone(),
                short: c.short.clone(),
                mean: cs.mean,
                min: cs.min,
                max: cs.max,
                n: cs.n,
                weak: cs.mean.is_some_and(|m| m < FLAG_THRESHOLD),
            })
            .collect();
        let item = |i: &group::ItemStats| item_row(content, i, &sessions);
        let topics = group::topics(&content.scan, &stats);
        let samenwerking = common_samenwerking(&sessions);
        let mixed = sessions
            .windows(2)
            .any(|w| session::slug(&w[0].samenwerking) != session::slug(&w[1].samenwerking));
        Group {
            samenwerking,
            mixed,
            anonymous,
            respondents,
            left_out,
            conditions,
            items: stats.items.iter().map(item).collect(),
            by_spread: stats.items_by_spread().into_iter().map(item).collect(),
            disagreements: topics.disagreements.iter().map(|i| item(i)).collect(),
            weak: topics
                .weak
                .iter()
                .map(|w| Flag {
                    name: w.condition.name.clone(),
                    score: w.mean,
                    risk: w.condition.neglect_risk.clone(),
                })
                .collect(),
            source: content.scan.source.clone(),
            dilemmas: group_dilemmas(content, &sessions),
            aggregate: false,
            count: sessions.len(),
        }
    }

    /// The same group with nothing per respondent: no rows, labels, numbers, dates or
    /// files (`--alleen-groep`). Per indicator only the counts stay; dilemma positions are
    /// sorted so that their order says nothing about who is who.
    pub fn aggregate_only(mut self) -> Self {
        self.aggregate = true;
        self.anonymous = true;
        self.respondents.clear();
        self.left_out.clear();
        for i in self
            .items
            .iter_mut()
            .chain(self.by_spread.iter_mut())
            .chain(self.disagreements.iter_mut())
        {
            i.answers.clear();
        }
        for d in &mut self.dilemmas {
            d.positions.sort();
        }
        self
    }

    /// The drill-down of one indicator: each respondent with their answer (R1…Rn); empty
    /// for an unknown id or an aggregate-only group.
    pub fn answers_to(&self, item_id: &str) -> Vec<(&Respondent, Option<Answer>)> {
        self.items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| {
                self.respondents
                    .iter()
                    .zip(i.answers.iter().copied())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The group of `sessions` without files (as the report functions get them).
    pub fn from_sessions(content: &Content, sessions: &[Session], anonymous: bool) -> Self {
        let candidates: Vec<(&Path, &Session)> =
            sessions.iter().map(|s| (Path::new(""), s)).collect();
        Self::build(content, &candidates, anonymous)
    }

    /// The condition means in scan order, for a radar.
    pub fn means(&self) -> Vec<Option<f64>> {
        self.conditions.iter().map(|c| c.mean).collect()
    }

    /// The JSON of `kansrijk compare --json` (the schema is in the README).
    pub fn to_json(&self) -> CompareJson<'_> {
        let item = |i: &'_ GroupItem| ItemJson {
            id: i.id.clone(),
            mean: i.mean,
            spread: i.spread,
            n: i.n,
            dont_know: i.dont_know,
            counts: i.counts,
            answers: (!self.aggregate)
                .then(|| i.answers.iter().map(|a| a.map(AnswerJson::from)).collect()),
        };
        CompareJson {
            count: self.count,
            respondents: (!self.aggregate).then(|| {
                self.respondents
                    .iter()
                    .map(|r| RespondentJson {
                        label: &r.label,
                        date: &r.date,
                        file: r.file.as_deref().map(|p| p.display().to_string()),
                        conditions: Ordered(
                            self.conditions
                                .iter()
                                .map(|c| c.id.clone())
                                .zip(r.conditions.iter().copied())
                                .collect(),
                        ),
                    })
                    .collect()
            }),
            conditions: Ordered(
                self.conditions
                    .iter()
                    .map(|c| {
                        (
                            c.id.clone(),
                            ConditionJson {
                                mean: c.mean,
                                min: c.min,
                                max: c.max,
                            },
                        )
                    })
                    .collect(),
            ),
            items: self.by_spread.iter().map(item).collect(),
            topics: TopicsJson {
                disagreements: self.disagreements.iter().map(|i| i.id.clone()).collect(),
                weak: weak_ids(&self.conditions),
            },
            dilemmas: Ordered(
                self.dilemmas
                    .iter()
                    .map(|d| {
                        (
                            d.id.clone(),
                            DilemmaJson {
                                mean: d.mean,
                                min: d.min,
                                max: d.max,
                                positions: d.positions.clone(),
                            },
                        )
                    })
                    .collect(),
            ),
        }
    }
}

/// The ids of the weak conditions, weakest first (ties in scan order).
fn weak_ids(conditions: &[GroupCondition]) -> Vec<String> {
    let mut weak: Vec<&GroupCondition> = conditions.iter().filter(|c| c.weak).collect();
    weak.sort_by(|a, b| {
        a.mean
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.mean.unwrap_or(f64::INFINITY))
    });
    weak.into_iter().map(|c| c.id.clone()).collect()
}

/// `kansrijk compare --json`; see the README for the schema. Keys in this order:
/// `count`, `respondents` (left out with `--alleen-groep`), `conditions`, `items`,
/// `topics`, `dilemmas`; `null` where there is no data.
#[derive(Debug, Serialize)]
pub struct CompareJson<'a> {
    pub count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondents: Option<Vec<RespondentJson<'a>>>,
    pub conditions: Ordered<ConditionJson>,
    pub items: Vec<ItemJson>,
    pub topics: TopicsJson,
    pub dilemmas: Ordered<DilemmaJson>,
}

#[derive(Debug, Serialize)]
pub struct RespondentJson<'a> {
    pub label: &'a str,
    pub date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub conditions: Ordered<RespondentCondition>,
}

#[derive(Debug, Serialize)]
pub struct ConditionJson {
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ItemJson {
    pub id: String,
    pub mean: Option<f64>,
    pub spread: Option<u8>,
    pub n: usize,
    pub dont_know: usize,
    /// How many answered 1…5.
    pub counts: [usize; 5],
    /// Per respondent (the order of `respondents`); left out with `--alleen-groep`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<Option<AnswerJson>>>,
}

/// An answer in JSON: the score 1–5, or the string `"weet ik niet"`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AnswerJson {
    Score(u8),
    DontKnow(&'static str),
}

impl From<Answer> for AnswerJson {
    fn from(a: Answer) -> Self {
        match a {
            Answer::Score(v) => AnswerJson::Score(v),
            Answer::DontKnow => AnswerJson::DontKnow(crate::text::DONT_KNOW_ANSWER),
        }
    }
}

/// The gespreksonderwerpen: indicator ids where the answers lie furthest apart, and the
/// condition ids with a mean below 3,0, weakest first.
#[derive(Debug, Serialize)]
pub struct TopicsJson {
    pub disagreements: Vec<String>,
    pub weak: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DilemmaJson {
    pub mean: Option<f64>,
    pub min: Option<i8>,
    pub max: Option<i8>,
    pub positions: Vec<Option<i8>>,
}

fn item_row(content: &Content, i: &group::ItemStats, sessions: &[&Session]) -> GroupItem {
    let condition = content.scan.conditions.get(i.condition);
    let answers: Vec<Option<Answer>> = sessions
        .iter()
        .map(|s| s.answers.get(&i.id).copied())
        .collect();
    let mut counts = [0usize; 5];
    for a in &answers {
        if let Some(Answer::Score(v)) = a
            && let Some(slot) = counts.get_mut(usize::from(*v).wrapping_sub(1))
        {
            *slot += 1;
        }
    }
    GroupItem {
        id: i.id.clone(),
        condition: condition.map(|c| c.name.clone()).unwrap_or_default(),
        condition_short: condition.map(|c| c.short.clone()).unwrap_or_default(),
        text: condition
            .and_then(|c| c.items.iter().find(|it| it.id == i.id))
            .map(|it| it.text.clone())
            .unwrap_or_else(|| i.id.clone()),
        mean: i.mean,
        spread: i.spread,
        sd: i.sd,
        n: i.n,
        dont_know: i.dont_know,
        answers,
        counts,
    }
}

/// Per condition of `s`: score, answered and "weet ik niet".
fn respondent_conditions(content: &Content, s: &Session) -> Vec<RespondentCondition> {
    let result = crate::scan::score(&content.scan, &s.answers);
    content
        .scan
        .conditions
        .iter()
        .zip(&result.conditions)
        .map(|(c, cs)| RespondentCondition {
            score: cs.score,
            answered: cs.answered,
            dont_know: c
                .items
                .iter()
                .filter(|it| s.answers.get(&it.id) == Some(&Answer::DontKnow))
                .count(),
        })
        .collect()
}

/// The dilemmas at least one respondent placed, in the handreiking's order.
fn group_dilemmas(content: &Content, sessions: &[&Session]) -> Vec<GroupDilemma> {
    content
        .handreiking
        .tensions
        .iter()
        .flat_map(|t| &t.dilemmas)
        .filter_map(|d| {
            let positions: Vec<Option<i8>> = sessions
                .iter()
                .map(|s| {
                    s.dilemmas
                        .get(&d.id)
                        .and_then(|r| r.position)
                        .map(|p| p.clamp(-3, 3))
                })
                .collect();
            let placed: Vec<i8> = positions.iter().flatten().copied().collect();
            if placed.is_empty() {
                return None;
            }
            let n = placed.len();
            Some(GroupDilemma {
                id: d.id.clone(),
                title: d.title.clone(),
                left: d.left.clone(),
                right: d.right.clone(),
                mean: Some(placed.iter().map(|&p| f64::from(p)).sum::<f64>() / n as f64),
                min: placed.iter().copied().min(),
                max: placed.iter().copied().max(),
                n,
                positions,
            })
        })
        .collect()
}

/// Each bestuurder's name, with the organisation when two share a name; `R<n>` when
/// there is no name.
fn display_names(sessions: &[&Session]) -> Vec<String> {
    sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = s.bestuurder.trim();
            if name.is_empty() {
                return format!("R{}", i + 1);
            }
            let shared = sessions
                .iter()
                .filter(|o| o.bestuurder.trim() == name)
                .count()
                > 1;
            if shared && !s.organisatie.trim().is_empty() {
                format!("{name} ({})", s.organisatie.trim())
            } else {
                name.to_string()
            }
        })
        .collect()
}

/// The most common samenwerking name among `sessions` (first one on a tie).
fn common_samenwerking(sessions: &[&Session]) -> String {
    let mut best: Option<(&str, usize)> = None;
    for s in sessions {
        let n = sessions
            .iter()
            .filter(|o| session::slug(&o.samenwerking) == session::slug(&s.samenwerking))
            .count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((s.samenwerking.trim(), n));
        }
    }
    best.map(|(s, _)| s.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Answer, Mode};

    fn respondent(content: &Content, name: &str, score: u8) -> Session {
        let mut s = Session::new(
            name,
            "Zorg",
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
        );
        for (_, item) in content.scan.items() {
            s.answers.insert(item.id.clone(), Answer::Score(score));
        }
        s
    }

    fn people(content: &Content) -> Vec<Session> {
        ["Anne", "Bea", "Cor", "Dirk", "Els", "Frits"]
            .iter()
            .zip(1u8..)
            .map(|(n, i)| respondent(content, n, 1 + i % 5))
            .collect()
    }

    fn with_paths(sessions: &[Session]) -> Vec<(PathBuf, Session)> {
        sessions
            .iter()
            .map(|s| (PathBuf::from(format!("{}.ron", s.bestuurder)), s.clone()))
            .collect()
    }

    fn build(content: &Content, c: &[(PathBuf, Session)], anonymous: bool) -> Group {
        let b: Vec<(&Path, &Session)> = c.iter().map(|(p, s)| (p.as_path(), s)).collect();
        Group::build(content, &b, anonymous)
    }

    #[test]
    fn anonymous_numbers_follow_a_stable_hash_of_the_session_ids_not_the_names() {
        let content = Content::embedded().expect("content");
        let sessions = people(&content);
        let candidates = with_paths(&sessions);
        let named = build(&content, &candidates, false);
        let labels: Vec<&str> = named.respondents.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Anne", "Bea", "Cor", "Dirk", "Els", "Frits"]);

        let anonymous = build(&content, &candidates, true);
        let labels: Vec<&str> = anonymous
            .respondents
            .iter()
            .map(|r| r.label.as_str())
            .collect();
        assert_eq!(labels, ["R1", "R2", "R3", "R4", "R5", "R6"]);
        // R1…R6 in the order of FNV-1a of the session ids.
        let mut by_hash: Vec<&Session> = sessions.iter().collect();
        by_hash.sort_by_key(|s| stable_hash(s.id.as_bytes()));
        let expected: Vec<Vec<Option<f64>>> = by_hash
            .iter()
            .map(|s| crate::scan::score(&content.scan, &s.answers).scores())
            .collect();
        let got: Vec<Vec<Option<f64>>> = anonymous
            .respondents
            .iter()
            .map(|r| r.scores.clone())
            .collect();
        assert_eq!(got, expected);
        let alphabetical: Vec<Vec<Option<f64>>> =
            named.respondents.iter().map(|r| r.scores.clone()).collect();
        assert_ne!(
            got, alphabetical,
            "the numbers do not give away the names' order"
        );

        // The same group in another order keeps its numbers.
        let mut reversed = candidates.clone();
        reversed.reverse();
        assert_eq!(build(&content, &reversed, true), anonymous);
        // Nothing in the anonymous model names anyone.
        for r in &anonymous.respondents {
            assert!(r.bestuurder.is_empty() && r.organisatie.is_empty());
            assert_eq!(r.file, None);
        }
    }

    #[test]
    fn the_group_shows_numbers_topics_and_who_stands_for_whom() {
        let content = Content::embedded().expect("content");
        let sessions = people(&content);
        let group = build(&content, &with_paths(&sessions[..2]), false);
        assert_eq!(group.samenwerking, "Wijkzorg Noord");
        assert!(!group.mixed);
        let anne = &group.respondents[0];
        assert_eq!((anne.number.as_str(), anne.label.as_str()), ("R1", "Anne"));
        assert_eq!(anne.file.as_deref(), Some(Path::new("Anne.ron")));
        assert_eq!(anne.date, short_date(sessions[0].updated));
        // Anne 2, Bea 3 everywhere: mean 2,5, min 2, max 3, weak.
        let c = &group.conditions[0];
        assert_eq!(
            (c.mean, c.min, c.max, c.n),
            (Some(2.5), Some(2.0), Some(3.0), 2)
        );
        assert!(c.weak);
        assert_eq!(group.weak.len(), 5);
        assert!(group.disagreements.is_empty(), "spread 1 is no topic");
        assert_eq!(group.by_spread.len(), content.scan.item_count());
        let json = serde_json::to_string(&group.to_json()).expect("json");
        assert!(
            json.starts_with(r#"{"count":2,"respondents":[{"label":"Anne","date":"#),
            "{json}"
        );
        assert!(
            json.contains(r#""conditions":{"ambitie":{"mean":2.5"#),
            "{json}"
        );
        // The drill-down, one answer per respondent.
        let answers: Vec<_> = group.answers_to("ambitie.gedeeld");
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].0.label, "Anne");
        assert_eq!(answers[0].1, Some(Answer::Score(2)));
        assert!(group.answers_to("onbekend").is_empty());

        let only = group.clone().aggregate_only();
        assert!(only.respondents.is_empty() && only.aggregate && only.count == 2);
        assert!(only.items.iter().all(|i| i.answers.is_empty()));
        assert_eq!(only.items[0].counts, [0, 1, 1, 0, 0]);
        let json = serde_json::to_string(&only.to_json()).expect("json");
        assert!(
            !json.contains("Anne") && !json.contains("respondents"),
            "{json}"
        );
    }
}
