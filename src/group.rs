//! Group statistics for one samenwerking: several respondents' quick scans side by side,
//! the topics worth a conversation, and the one rule for who is in a group. The statistics
//! and the rule are pure functions; reading group folders, importing partner files and
//! completing paths live in `crate::store::groups` (re-exported here); [`members`] applies
//! the rule to what the store reads.
//!
//! Conventions:
//! - A respondent's condition score is [`crate::scan::score`]'s mean of their 1–5 answers;
//!   respondents without a score for a condition are left out of that condition's numbers.
//! - Per indicator, "weet ik niet" (and values outside 1–5) are ignored.
//! - The standard deviation is the population one (divide by n): it describes this group,
//!   it does not estimate a larger one.

use crate::content::{Condition, ScanContent};
use crate::scan::{self, FLAG_THRESHOLD};
use crate::session::{Answer, Session};
use std::path::{Path, PathBuf};

// Reading and writing group folders is the store's (`store::groups`); kept reachable here
// for the callers of the group view, `compare` and `import`.
pub use crate::store::groups::{
    Completion, Expansion, GROUPS_DIR, ImportReport, candidates, complete_path, expand_inputs,
    group_dir, import, wildcard,
};

/// An indicator counts as a topic of disagreement from this spread (max − min) on.
pub const DISAGREEMENT_MIN_SPREAD: u8 = 2;

/// At most this many indicators are listed as topics of disagreement.
pub const MAX_DISAGREEMENTS: usize = 5;

/// One condition over the group.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionStats {
    pub id: String,
    /// Mean of the respondents' condition scores; `None` when nobody has one.
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Respondents with a score for this condition.
    pub n: usize,
    /// Each respondent's score, in the order the sessions were given.
    pub scores: Vec<Option<f64>>,
}

/// One indicator (item) over the group.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub id: String,
    /// Index of the condition the item belongs to.
    pub condition: usize,
    /// Mean of the 1–5 answers; `None` without any.
    pub mean: Option<f64>,
    /// Max − min of the 1–5 answers; `None` without any.
    pub spread: Option<u8>,
    /// Population standard deviation of the 1–5 answers; `None` without any.
    pub sd: Option<f64>,
    /// Respondents with a 1–5 answer.
    pub n: usize,
    /// Respondents who answered "weet ik niet".
    pub dont_know: usize,
}

/// The quick scan over a group of respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    pub respondents: usize,
    /// In scan order.
    pub conditions: Vec<ConditionStats>,
    /// In scan order.
    pub items: Vec<ItemStats>,
}

impl GroupStats {
    /// The condition means in scan order, for a radar.
    pub fn means(&self) -> Vec<Option<f64>> {
        self.conditions.iter().map(|c| c.mean).collect()
    }

    /// The items with the largest spread first; ties (and items without data, last) keep
    /// scan order.
    pub fn items_by_spread(&self) -> Vec<&ItemStats> {
        let mut items: Vec<&ItemStats> = self.items.iter().collect();
        // A stable sort keeps scan order among equal spreads.
        items.sort_by_key(|i| std::cmp::Reverse(i.spread.map(i16::from).unwrap_or(-1)));
        items
    }
}

/// Mean, min and max of the values that are present.
fn summary(values: &[Option<f64>]) -> (Option<f64>, Option<f64>, Option<f64>, usize) {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.is_empty() {
        return (None, None, None, 0);
    }
    let n = present.len();
    let mean = present.iter().sum::<f64>() / n as f64;
    let min = present.iter().copied().fold(f64::INFINITY, f64::min);
    let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (Some(mean), Some(min), Some(max), n)
}

/// The quick-scan statistics of `sessions` (one per respondent).
pub fn stats<'a>(
    content: &ScanContent,
    sessions: impl IntoIterator<Item = &'a Session>,
) -> GroupStats {
    let sessions: Vec<&Session> = sessions.into_iter().collect();
    let results: Vec<scan::ScanResult> = sessions
        .iter()
        .map(|s| scan::score(content, &s.answers))
        .collect();
    let conditions = content
        .conditions
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let scores: Vec<Option<f64>> = results
                .iter()
                .map(|r| r.conditions.get(ci).and_then(|cs| cs.score))
                .collect();
            let (mean, min, max, n) = summary(&scores);
            ConditionStats {
                id: c.id.clone(),
                mean,
                min,
                max,
                n,
                scores,
            }
        })
        .collect();
    let items = content
        .items()
        .map(|(ci, item)| {
            let answers: Vec<Answer> = sessions
                .iter()
                .filter_map(|s| s.answers.get(&item.id).copied())
                .collect();
            let values: Vec<u8> = answers
                .iter()
                .filter_map(|a| match a {
                    Answer::Score(v) if (1..=5).contains(v) => Some(*v),
                    _ => None,
                })
                .collect();
            let dont_know = answers
                .iter()
                .filter(|a| matches!(a, Answer::DontKnow))
                .count();
            let n = values.len();
            let (mean, spread, sd) = match (values.iter().min(), values.iter().max()) {
                (Some(lo), Some(hi)) => {
                    let mean = values.iter().map(|v| f64::from(*v)).sum::<f64>() / n as f64;
                    let var = values
                        .iter()
                        .map(|v| (f64::from(*v) - mean).powi(2))
                        .sum::<f64>()
                        / n as f64;
                    (Some(mean), Some(hi - lo), Some(var.sqrt()))
                }
                _ => (None, None, None),
            };
            ItemStats {
                id: item.id.clone(),
                condition: ci,
                mean,
                spread,
                sd,
                n,
                dont_know,
            }
        })
        .collect();
    GroupStats {
        respondents: sessions.len(),
        conditions,
        items,
    }
}

/// A condition whose group mean is below [`FLAG_THRESHOLD`].
#[derive(Debug, Clone)]
pub struct WeakCondition<'a> {
    pub condition: &'a Condition,
    pub mean: f64,
}

/// What the group should talk about.
#[derive(Debug, Clone)]
pub struct Topics<'a> {
    /// Indicators with a spread of at least [`DISAGREEMENT_MIN_SPREAD`], largest first,
    /// ties in scan order; at most [`MAX_DISAGREEMENTS`].
    pub disagreements: Vec<&'a ItemStats>,
    /// Conditions with a mean below 3,0, weakest first, ties in scan order.
    pub weak: Vec<WeakCondition<'a>>,
}

/// The gespreksonderwerpen: where the respondents disagree most, and the weak conditions.
pub fn topics<'a>(content: &'a ScanContent, stats: &'a GroupStats) -> Topics<'a> {
    let disagreements = stats
        .items_by_spread()
        .into_iter()
        .filter(|i| i.spread.is_some_and(|s| s >= DISAGREEMENT_MIN_SPREAD))
        .take(MAX_DISAGREEMENTS)
        .collect();
    let mut weak: Vec<WeakCondition<'a>> = content
        .conditions
        .iter()
        .zip(&stats.conditions)
        .filter_map(|(condition, cs)| {
            cs.mean
                .filter(|m| *m < FLAG_THRESHOLD)
                .map(|mean| WeakCondition { condition, mean })
        })
        .collect();
    weak.sort_by(|a, b| a.mean.total_cmp(&b.mean));
    Topics {
        disagreements,
        weak,
    }
}

/// The sessions of one samenwerking, for a group view, by the one membership rule
/// ([`one_per_respondent`]): the readable top-level sessions in `dir` whose samenwerking
/// has the same slug, and the readable ones in its group folder (`groepen/<slug>/`).
pub fn members(dir: &Path, samenwerking: &str) -> Vec<(PathBuf, Session)> {
    one_per_respondent(candidates(dir, samenwerking))
}

/// Who is in a group, decided by [`membership`], as indices into the candidates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Membership {
    /// One session per respondent, ordered by name (bestuurder, then organisation), then
    /// file.
    pub members: Vec<usize>,
    /// Earlier sessions of a respondent, left out for their latest one:
    /// (left out, the member that counts instead).
    pub superseded: Vec<(usize, usize)>,
    /// Copies of a session already counted (same session id): (copy, the counted one).
    pub copies: Vec<(usize, usize)>,
}

/// The respondent a session belongs to: its bestuurder and organisation, compared
/// without case and surrounding spaces. A session without a bestuurder is a respondent
/// of its own.
fn respondent_key(s: &Session) -> (String, String) {
    let name = s.bestuurder.trim().to_lowercase();
    if name.is_empty() {
        return (String::new(), format!("id:{}", s.id));
    }
    (name, s.organisatie.trim().to_lowercase())
}

/// The one membership rule, used by the group view, `compare` and every group report:
/// a session id counts once (its most recently updated copy), and of each respondent
/// (bestuurder + organisation) only the latest session counts — the most recently
/// created with scan answers, so a follow-up replaces the session before it once it has
/// answers (an empty one counts only when there is nothing else).
pub fn membership(candidates: &[(&Path, &Session)]) -> Membership {
    let mut out = Membership::default();
    // A session id counts once: the most recently updated copy (the first on a tie).
    let mut unique: Vec<usize> = Vec::new();
    for (i, (_, session)) in candidates.iter().enumerate() {
        match unique
            .iter_mut()
            .find(|k| candidates[**k].1.id == session.id)
        {
            Some(kept) => {
                if session.updated > candidates[*kept].1.updated {
                    out.copies.push((*kept, i));
                    *kept = i;
                } else {
                    out.copies.push((i, *kept));
                }
            }
            None => unique.push(i),
        }
    }
    // Latest first, so the first of each respondent is the one that counts; a session
    // with scan answers before one without (a follow-up just made, still empty, does not
    // push out the respondent's answers).
    unique.sort_by(|&a, &b| {
        let (pa, sa) = &candidates[a];
        let (pb, sb) = &candidates[b];
        (!sb.answers.is_empty(), sb.created, sb.updated)
            .cmp(&(!sa.answers.is_empty(), sa.created, sa.updated))
            .then_with(|| pa.cmp(pb))
    });
    let mut counted: Vec<((String, String), usize)> = Vec::new();
    for i in unique {
        let key = respondent_key(candidates[i].1);
        match counted.iter().find(|(k, _)| *k == key) {
            Some((_, instead)) => out.superseded.push((i, *instead)),
            None => {
                counted.push((key, i));
                out.members.push(i);
            }
        }
    }
    out.members.sort_by(|&a, &b| {
        respondent_key(candidates[a].1)
            .cmp(&respondent_key(candidates[b].1))
            .then_with(|| candidates[a].0.cmp(candidates[b].0))
    });
    out
}

/// [`membership`] applied: the sessions that count, in member order.
pub fn one_per_respondent(candidates: Vec<(PathBuf, Session)>) -> Vec<(PathBuf, Session)> {
    let borrowed: Vec<(&Path, &Session)> =
        candidates.iter().map(|(p, s)| (p.as_path(), s)).collect();
    let chosen = membership(&borrowed).members;
    let mut slots: Vec<Option<(PathBuf, Session)>> = candidates.into_iter().map(Some).collect();
    chosen
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;
    use crate::session::Mode;

    fn content() -> Content {
        Content::embedded().expect("content")
    }

    fn session(name: &str, answers: &[(&str, Answer)]) -> Session {
        let mut s = Session::new(
            name,
            "",
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::UNIX_EPOCH,
        );
        s.answers = answers.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        s
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    /// A follow-up just made (no answers yet) does not push out the answers before it;
    /// once it has answers, it counts instead.
    #[test]
    fn an_empty_follow_up_does_not_replace_the_answers_before_it() {
        let before = session("Joost Bakker", &[("proces.regie", Answer::Score(2))]);
        let mut after = session("Joost Bakker", &[]);
        after.id = "later".into();
        after.created = jiff::Timestamp::from_second(1_000).expect("time");
        let (p1, p2) = (Path::new("a.ron"), Path::new("b.ron"));
        let m = membership(&[(p1, &before), (p2, &after)]);
        assert_eq!(m.members, vec![0], "the session with answers counts");
        after
            .answers
            .insert("proces.regie".into(), Answer::Score(4));
        let m = membership(&[(p1, &before), (p2, &after)]);
        assert_eq!(m.members, vec![1], "the follow-up with answers replaces it");
    }

    #[test]
    fn two_respondents() {
        let c = content();
        // R1: ambitie items 4,5 → 4,5; belangen 2 and ? → 2,0.
        // R2: ambitie items 2,3 → 2,5; belangen nothing.
        let r1 = session(
            "A",
            &[
                ("ambitie.gedeeld", Answer::Score(4)),
                ("ambitie.waardevol", Answer::Score(5)),
                ("belangen.interesse", Answer::Score(2)),
                ("belangen.waarde", Answer::DontKnow),
            ],
        );
        let r2 = session(
            "B",
            &[
                ("ambitie.gedeeld", Answer::Score(2)),
                ("ambitie.waardevol", Answer::Score(3)),
                ("belangen.waarde", Answer::DontKnow),
            ],
        );
        let s = stats(&c.scan, [&r1, &r2]);
        assert_eq!(s.respondents, 2);
        let amb = &s.conditions[0];
        assert!(close(amb.mean, 3.5));
        assert!(close(amb.min, 2.5));
        assert!(close(amb.max, 4.5));
        assert_eq!(amb.n, 2);
        let bel = &s.conditions[1];
        assert!(close(bel.mean, 2.0), "R2 has no belangen score: ignored");
        assert_eq!((bel.n, bel.scores.clone()), (1, vec![Some(2.0), None]));
        assert_eq!(s.conditions[2].mean, None);

        let gedeeld = &s.items[0];
        assert_eq!(gedeeld.id, "ambitie.gedeeld");
        assert!(close(gedeeld.mean, 3.0));
        assert_eq!(gedeeld.spread, Some(2));
        assert!(close(gedeeld.sd, 1.0));
        let waarde = s
            .items
            .iter()
            .find(|i| i.id == "belangen.waarde")
            .expect("item");
        assert_eq!((waarde.mean, waarde.spread, waarde.n), (None, None, 0));
        assert_eq!(waarde.dont_know, 2);

        let t = topics(&c.scan, &s);
        let ids: Vec<&str> = t.disagreements.iter().map(|i| i.id.as_str()).collect();
        // gedeeld and waardevol both spread 2: scan order.
        assert_eq!(ids, ["ambitie.gedeeld", "ambitie.waardevol"]);
        assert_eq!(t.weak.len(), 1);
        assert_eq!(t.weak[0].condition.id, "belangen");
        assert!(!t.weak[0].condition.neglect_risk.is_empty());
    }

    #[test]
    fn three_respondents_items_sorted_by_spread() {
        let c = content();
        // relatie.vertrouwen: 1, 3, 5 → mean 3, spread 4, sd sqrt(8/3)
        // proces.* first item: 4, 4, ? → spread 0
        // ambitie.gedeeld: 2, 3, 4 → spread 2
        let proces_first = c.scan.conditions[4].items[0].id.clone();
        let mk = |name: &str, v: u8, g: u8, p: Option<u8>| {
            let mut s = session(
                name,
                &[
                    ("relatie.vertrouwen", Answer::Score(v)),
                    ("ambitie.gedeeld", Answer::Score(g)),
                ],
            );
            let pa = p.map(Answer::Score).unwrap_or(Answer::DontKnow);
            s.answers.insert(proces_first.clone(), pa);
            s
        };
        let group = vec![
            mk("A", 1, 2, Some(4)),
            mk("B", 3, 3, Some(4)),
            mk("C", 5, 4, None),
        ];
        let s = stats(&c.scan, &group);
        let v = s
            .items
            .iter()
            .find(|i| i.id == "relatie.vertrouwen")
            .expect("item");
        assert!(close(v.mean, 3.0));
        assert_eq!(v.spread, Some(4));
        assert!(close(v.sd, (8.0f64 / 3.0).sqrt()));
        let rel = &s.conditions[2];
        assert!(close(rel.mean, 3.0));
        assert!(close(rel.min, 1.0));
        assert!(close(rel.max, 5.0));
        let sorted: Vec<(&str, Option<u8>)> = s
            .items_by_spread()
            .iter()
            .take(3)
            .map(|i| (i.id.as_str(), i.spread))
            .collect();
        assert_eq!(
            sorted,
            [
                ("relatie.vertrouwen", Some(4)),
                ("ambitie.gedeeld", Some(2)),
                (proces_first.as_str(), Some(0)),
            ]
        );
        // Items without any answer come last.
        assert_eq!(s.items_by_spread().last().and_then(|i| i.spread), None);
        let t = topics(&c.scan, &s);
        assert_eq!(t.disagreements.len(), 2, "spread 0 is no disagreement");
        assert!(t.weak.is_empty(), "3,0 is not below 3,0");
    }

    #[test]
    fn twelve_respondents() {
        let c = content();
        // Respondent i (0..12) answers every ambitie item with 1 + i % 5, so ambitie scores
        // are 1,2,3,4,5,1,2,3,4,5,1,2: sum 33, mean 2.75, min 1, max 5.
        // belangen.interesse: the first six 2, the last six 4 → mean 3, spread 2, sd 1.
        let group: Vec<Session> = (0..12u8)
            .map(|i| {
                let v = 1 + i % 5;
                let mut answers: Vec<(&str, Answer)> = c.scan.conditions[0]
                    .items
                    .iter()
                    .map(|it| (it.id.as_str(), Answer::Score(v)))
                    .collect();
                answers.push((
                    "belangen.interesse",
                    Answer::Score(if i < 6 { 2 } else { 4 }),
                ));
                session(&format!("P{i}"), &answers)
            })
            .collect();
        let s = stats(&c.scan, &group);
        assert_eq!(s.respondents, 12);
        let amb = &s.conditions[0];
        assert!(close(amb.mean, 2.75));
        assert!(close(amb.min, 1.0));
        assert!(close(amb.max, 5.0));
        assert_eq!(amb.n, 12);
        let first = &s.items[0];
        assert_eq!(first.spread, Some(4));
        assert!(close(first.mean, 2.75));
        // Population variance of 1,2,3,4,5,1,2,3,4,5,1,2 around 2.75: squared deviations
        // 3·1.75² + 3·0.75² + 2·0.25² + 2·1.25² + 2·2.25² = 24.25, over 12.
        assert!(close(first.sd, (24.25f64 / 12.0).sqrt()));
        let interesse = s
            .items
            .iter()
            .find(|i| i.id == "belangen.interesse")
            .expect("item");
        assert!(close(interesse.mean, 3.0));
        assert_eq!(interesse.spread, Some(2));
        assert!(close(interesse.sd, 1.0));
        let t = topics(&c.scan, &s);
        let ids: Vec<&str> = t.disagreements.iter().map(|i| i.id.as_str()).collect();
        // Four ambitie items (spread 4) in scan order, then belangen.interesse (2).
        assert_eq!(ids.len(), MAX_DISAGREEMENTS);
        assert_eq!(
            &ids[..4],
            &c.scan.conditions[0]
                .items
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()[..]
        );
        assert_eq!(ids[4], "belangen.interesse");
        assert_eq!(t.weak.len(), 1);
        assert_eq!(t.weak[0].condition.id, "ambitie");
        assert!(close(Some(t.weak[0].mean), 2.75));
    }

    #[test]
    fn weak_conditions_weakest_first() {
        let c = content();
        let r = session(
            "A",
            &[
                ("ambitie.gedeeld", Answer::Score(2)),
                ("belangen.interesse", Answer::Score(1)),
                ("relatie.vertrouwen", Answer::Score(2)),
            ],
        );
        let s = stats(&c.scan, [&r]);
        let t = topics(&c.scan, &s);
        let ids: Vec<&str> = t.weak.iter().map(|w| w.condition.id.as_str()).collect();
        assert_eq!(ids, ["belangen", "ambitie", "relatie"]);
    }

    fn at(name: &str, org: &str, created: i64) -> Session {
        let mut s = Session::new(
            name,
            org,
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::from_second(created).expect("timestamp"),
        );
        s.id = format!("{name}-{org}-{created}");
        s
    }

    #[test]
    fn the_latest_session_of_each_respondent_counts() {
        let candidates = vec![
            (PathBuf::from("b-later.ron"), at("Bea", "Zorg B", 2_000)),
            (
                PathBuf::from("a-first.ron"),
                at("Anne Jansen", "Zorg A", 1_000),
            ),
            (
                PathBuf::from("a-follow.ron"),
                at(" anne jansen ", "zorg a", 3_000),
            ),
            // The same name at another organisation is another respondent.
            (
                PathBuf::from("a-other.ron"),
                at("Anne Jansen", "Zorg C", 500),
            ),
            (PathBuf::from("b-first.ron"), at("Bea", "Zorg B", 100)),
        ];
        let borrowed: Vec<(&Path, &Session)> =
            candidates.iter().map(|(p, s)| (p.as_path(), s)).collect();
        let m = membership(&borrowed);
        let files: Vec<PathBuf> = m
            .members
            .iter()
            .map(|&i| borrowed[i].0.to_path_buf())
            .collect();
        assert_eq!(
            files,
            [
                PathBuf::from("a-follow.ron"),
                PathBuf::from("a-other.ron"),
                PathBuf::from("b-later.ron")
            ],
            "by name, then organisation"
        );
        let superseded: Vec<(&Path, &Path)> = m
            .superseded
            .iter()
            .map(|&(gone, instead)| (borrowed[gone].0, borrowed[instead].0))
            .collect();
        assert!(superseded.contains(&(Path::new("a-first.ron"), Path::new("a-follow.ron"))));
        assert!(superseded.contains(&(Path::new("b-first.ron"), Path::new("b-later.ron"))));
        assert!(m.copies.is_empty());
        drop(borrowed);
        let kept: Vec<PathBuf> = one_per_respondent(candidates)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(kept, files);
    }

    #[test]
    fn a_copy_of_a_session_counts_once() {
        let first = at("Anne", "A", 1_000);
        let mut edited = first.clone();
        edited.updated = jiff::Timestamp::from_second(5_000).expect("timestamp");
        let candidates = [
            (Path::new("anne.ron"), &first),
            (Path::new("groepen/x/anne.ron"), &edited),
        ];
        let m = membership(&candidates);
        assert_eq!(m.members, [1], "the most recently updated copy");
        assert_eq!(m.copies, [(0, 1)]);
        assert!(m.superseded.is_empty());
    }

    #[test]
    fn sessions_without_a_name_are_each_their_own_respondent() {
        let a = at("", "", 1_000);
        let b = at("  ", "", 2_000);
        let candidates = [(Path::new("a.ron"), &a), (Path::new("b.ron"), &b)];
        assert_eq!(membership(&candidates).members.len(), 2);
    }
}
