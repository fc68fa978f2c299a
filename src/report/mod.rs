//! Reports to hand over: one session (Markdown or a single self-contained HTML file with
//! an inline SVG radar), a group of respondents of one samenwerking, or the radar alone
//! as SVG. Pure: text in, text out; the caller writes the file.
//!
//! Both text formats are rendered from the same document model ([`SessionDoc`],
//! [`GroupDoc`]), built here from the content and the session(s). What is in it is
//! decided once: the coach's notes only with [`Options::with_notes`].

mod html;
mod markdown;
pub mod svg;

use crate::content::{Content, InstrumentKind};
use crate::place::Place;
pub use crate::present::Sections;
pub use crate::present::{Flag, link_label, long_date, short_date};
use crate::present::{Group, SessionView};
use crate::session::Session;
use std::path::{Path, PathBuf};

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    /// The radar alone, as a standalone SVG file.
    Svg,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Svg => "svg",
        }
    }
}

/// What goes into a report besides the session itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Include the coach's private notes (`Session::coach_notes`). Off by default: then
    /// they are not in the file at all.
    pub with_notes: bool,
    /// An earlier session to compare with: overlaid on the radar, deltas per condition.
    pub previous: Option<&'a Session>,
    /// The respondents of the same samenwerking: their mean (and each of them, thin) on
    /// the radar, the group's mean, min and max beside the scores.
    pub group: Option<&'a [Session]>,
    /// Name the group's respondents R1…Rn instead of by name.
    pub anonymous: bool,
    /// The version for the Raad van Toezicht (`--rvt`): summary, scores, aandachtspunten
    /// and afspraken; the parts in [`Options::with`] only when chosen.
    pub rvt: bool,
    /// In the RvT version, the parts chosen with `--met`.
    pub with: Sections,
}

/// A report of `session` in `format`.
pub fn render(format: Format, content: &Content, session: &Session, options: &Options) -> String {
    let doc = SessionDoc::build(content, session, options);
    match format {
        Format::Markdown => markdown::session(&doc),
        Format::Html => html::session(&doc),
        Format::Svg => svg::radar(&doc.radar, true),
    }
}

/// A group report of `sessions` (the respondents of one samenwerking): their radars
/// overlaid with the mean, the statistics, the topics for the conversation. Only scan
/// answers are used: reflections and notes of respondents never appear in it.
pub fn render_group(
    format: Format,
    content: &Content,
    sessions: &[Session],
    options: &Options,
) -> String {
    let group = Group::from_sessions(content, sessions, options.anonymous);
    render_group_model(format, content, &group)
}

/// A group report of a [`Group`] built by the caller (with the sessions' files).
pub fn render_group_model(format: Format, content: &Content, group: &Group) -> String {
    let doc = GroupDoc::build(content, group);
    match format {
        Format::Markdown => markdown::group(&doc),
        Format::Html => html::group(&doc),
        Format::Svg => svg::radar(&doc.radar, true),
    }
}

/// Where a report of the session at `session_path` goes by default: next to it, with the
/// format's extension (`sessie.ron` → `sessie.html`).
pub fn default_path(session_path: &Path, format: Format) -> PathBuf {
    session_path.with_extension(format.extension())
}

/// Where an RvT version goes by default: next to the session, `sessie-rvt.html`.
pub fn rvt_path(session_path: &Path, format: Format) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    session_path.with_file_name(format!("{stem}-rvt.{}", format.extension()))
}

/// Where a group report goes by default: next to `first` (the first session given),
/// named `groep-<slug of the samenwerking>.<ext>`.
pub fn default_group_path(first: &Path, samenwerking: &str, format: Format) -> PathBuf {
    let slug = crate::session::slug(samenwerking);
    let name = if slug.is_empty() {
        format!("groep.{}", format.extension())
    } else {
        format!("groep-{slug}.{}", format.extension())
    };
    first
        .parent()
        .map(|p| p.join(&name))
        .unwrap_or_else(|| PathBuf::from(name))
}

/// Where a report goes and whether an existing file there may be replaced.
#[derive(Debug, Clone, Copy, Default)]
pub struct Output<'a> {
    /// `-o UIT`, or `None` for the default name next to the session.
    pub path: Option<&'a Path>,
    /// `--overschrijf`.
    pub overwrite: bool,
}

/// Refuses to write a report over a session file (or over any of `inputs`), over an
/// existing file given with `-o` (unless `--overschrijf`), and over a file at the default
/// name that is not a report kansrijk wrote (unless `--overschrijf`).
pub fn check_output(
    output: &Path,
    explicit: bool,
    overwrite: bool,
    inputs: &[&Path],
) -> anyhow::Result<()> {
    if output.extension().is_some_and(|e| e == crate::store::EXT) {
        anyhow::bail!(
            "{} is een sessiebestand (.ron); kies voor het rapport een ander bestand",
            output.display()
        );
    }
    let canonical = |p: &Path| p.canonicalize().ok();
    if let Some(out) = canonical(output)
        && inputs.iter().any(|i| canonical(i).as_ref() == Some(&out))
    {
        anyhow::bail!(
            "{} is een van de sessies zelf; kies een ander uitvoerbestand",
            output.display()
        );
    }
    if !overwrite && std::fs::symlink_metadata(output).is_ok() {
        if explicit {
            anyhow::bail!(
                "{} bestaat al; kansrijk overschrijft het niet. Kies een andere naam, of geef \
                 --overschrijf om het te vervangen",
                output.display()
            );
        }
        if !crate::store::is_own_report_file(output) {
            anyhow::bail!(
                "{} bestaat al en is geen rapport van kansrijk; kansrijk overschrijft het niet. \
                 Kies een naam met -o, of geef --overschrijf om het te vervangen",
                output.display()
            );
        }
    }
    Ok(())
}

/// A report written by [`export`]: where, and of which session.
#[derive(Debug)]
pub struct Exported {
    pub path: PathBuf,
    pub session: Session,
}

/// The one way a session report is written, from the command line and from the
/// workbook: loads `file`, renders it in `format` (with `previous` — its file and its
/// session — overlaid), refuses to write over a session, and writes atomically to
/// `output` or next to the session ([`default_path`]).
pub fn export(
    content: &Content,
    file: &Path,
    format: Format,
    target: Output<'_>,
    previous: Option<(&Path, &Session)>,
    with_notes: bool,
) -> anyhow::Result<Exported> {
    let version = Version {
        with_notes,
        ..Default::default()
    };
    export_version(content, file, format, target, previous, version)
}

/// Which report of a session: the full one or the RvT version, and what goes in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Version {
    /// The coach's private notes.
    pub with_notes: bool,
    /// The version for the Raad van Toezicht.
    pub rvt: bool,
    /// In the RvT version, the parts chosen.
    pub with: Sections,
}

/// Whether a report of `session` holds its private notes: with `--met-notities`; and in
/// zelfreflectie, where they are the bestuurder's own, in the personal report by default
/// (not in the RvT version).
pub fn notes_included(session: &Session, version: Version) -> bool {
    version.with_notes || (session.mode == crate::session::Mode::Zelfreflectie && !version.rvt)
}

/// [`export`] of the full report or the RvT version; the RvT version goes next to the
/// session as `<naam>-rvt.<ext>` by default.
pub fn export_version(
    content: &Content,
    file: &Path,
    format: Format,
    target: Output<'_>,
    previous: Option<(&Path, &Session)>,
    version: Version,
) -> anyhow::Result<Exported> {
    let session = crate::store::load(file)?;
    let with_notes = notes_included(&session, version);
    let output = target.path.map(Path::to_path_buf).unwrap_or_else(|| {
        if version.rvt {
            rvt_path(file, format)
        } else {
            default_path(file, format)
        }
    });
    let mut inputs = vec![file];
    inputs.extend(previous.map(|(p, _)| p));
    check_output(&output, target.path.is_some(), target.overwrite, &inputs)?;
    let options = Options {
        with_notes,
        previous: previous.map(|(_, s)| s),
        rvt: version.rvt,
        with: version.with,
        ..Default::default()
    };
    let text = render(format, content, &session, &options);
    write(&output, &text)?;
    Ok(Exported {
        path: output,
        session,
    })
}

/// The one way a group report is written, from `compare --export` and from the group
/// view: `group` built from the sessions at `inputs` (the first names the default file,
/// [`default_group_path`]); refuses to write over a session, writes atomically.
pub fn export_group(
    content: &Content,
    group: &Group,
    inputs: &[&Path],
    format: Format,
    target: Output<'_>,
) -> anyhow::Result<PathBuf> {
    let Some(first) = inputs.first() else {
        anyhow::bail!("geen sessies om een groepsrapport van te maken");
    };
    let output = target
        .path
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_group_path(first, &clean_line(&group.samenwerking), format));
    check_output(&output, target.path.is_some(), target.overwrite, inputs)?;
    let text = render_group_model(format, content, group);
    write(&output, &text)?;
    Ok(output)
}

/// Writes a report atomically, `0600` when new (reports are as confidential as the
/// sessions); a bare file name lands in the current folder.
pub fn write(path: &Path, text: &str) -> Result<(), crate::store::StoreError> {
    let target = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    crate::store::write_atomic(&target, text.as_bytes())
}

// ---------------------------------------------------------------------------------------
// Texts

/// A user text as it may go into a report: control characters dropped (tab becomes a
/// space, CR LF and lone CR become a newline), so that nothing in a session can break the
/// file or reach a terminal that shows it.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            // C0, DEL, C1, and the two non-characters XML does not allow.
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean`]ed text escaped for HTML and XML (`&<>"'`), for text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`clean`] on one line: newlines become spaces, the ends trimmed.
pub fn clean_line(text: &str) -> String {
    clean(text)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a 7-point position (-3..=3) lies between two poles, in words.
pub fn position_words(position: i8, left: &str, right: &str) -> String {
    let pole = if position < 0 { left } else { right };
    match position.unsigned_abs() {
        0 => "precies in het midden".to_string(),
        1 => format!("iets richting ‘{pole}’"),
        2 => format!("duidelijk richting ‘{pole}’"),
        _ => format!("helemaal aan de kant van ‘{pole}’"),
    }
}

/// What a coach note's key (the screen it was written on) refers to.
pub fn coach_note_label(content: &Content, key: &str) -> String {
    let place = Place::from(key);
    let found = match &place {
        // In a report the overview and a condition need their context.
        Place::Overview => Some("Sessieoverzicht".to_string()),
        Place::Condition(_) => {
            crate::present::place_title(content, &place).map(|name| format!("Quick scan: {name}"))
        }
        _ => crate::present::place_title(content, &place),
    };
    found.unwrap_or_else(|| clean_line(key))
}

// ---------------------------------------------------------------------------------------
// The radar as data

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// The session of the report: solid, filled.
    Current,
    /// An earlier session: dashed.
    Previous,
    /// One respondent of a group: thin, the n-th colour.
    Member(usize),
    /// The group's mean: thick and dark.
    Mean,
}

/// One polygon on the radar.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub name: String,
    pub kind: SeriesKind,
    pub scores: Vec<Option<f64>>,
}

/// Everything an SVG radar shows.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSpec {
    /// Accessible title of the picture.
    pub title: String,
    /// One per axis (condition), in scan order.
    pub labels: Vec<String>,
    /// The numbers printed under each label, one line per `\n`: the first prominent
    /// (`3,3`), the others smaller (`was 2,8 (+0,5)`).
    pub values: Vec<String>,
    pub series: Vec<RadarSeries>,
}

// ---------------------------------------------------------------------------------------
// The document model of a session report

/// One row of the scores table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub name: String,
    pub short: String,
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
    /// Answered "weet ik niet".
    pub dont_know: usize,
    pub flagged: bool,
    pub previous: Option<f64>,
    pub delta: Option<f64>,
    /// The group's (mean, min, max).
    pub group: Option<(Option<f64>, Option<f64>, Option<f64>)>,
}

/// A titled text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub title: String,
    pub text: String,
}

/// The answered reflection questions of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeBlock {
    pub title: String,
    pub question: String,
    pub answers: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PerspectiveBlock {
    pub name: String,
    pub themes: Vec<ThemeBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DilemmaBlock {
    pub tension: String,
    pub title: String,
    pub left: String,
    pub right: String,
    /// -3..=3.
    pub position: Option<i8>,
    /// The chosen strategies' names, joined with " + ".
    pub strategy: Option<String>,
    pub pull_left: String,
    pub pull_right: String,
    pub next_step: String,
    pub note: String,
}

/// A slider between two poles.
#[derive(Debug, Clone, PartialEq)]
pub struct SliderRow {
    pub left: String,
    pub right: String,
    pub position: i8,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InstrumentBody {
    /// The chosen options: (label, explanation).
    Choices(Vec<(String, String)>),
    /// A table: the header row, then the rows.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Sliders(Vec<SliderRow>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentBlock {
    pub name: String,
    pub source: String,
    pub body: InstrumentBody,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub what: String,
    pub who: String,
    pub when: String,
    pub about: String,
    pub done: bool,
}

/// Everything a session report shows, with user texts already [`clean`]ed (but not yet
/// escaped for a format).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDoc {
    pub samenwerking: String,
    pub bestuurder: String,
    pub organisatie: String,
    pub mode: String,
    pub date: String,
    pub previous_date: Option<String>,
    pub group_size: Option<usize>,
    pub answered: usize,
    pub total: usize,
    pub scores: Vec<ScoreRow>,
    pub radar: RadarSpec,
    pub flags: Vec<Flag>,
    /// Notes per condition (condition name, text).
    pub notes: Vec<Entry>,
    pub reflections: Vec<PerspectiveBlock>,
    /// Reflections whose prompt the content does not know (kept, shown by id).
    pub other_reflections: Vec<Entry>,
    pub dilemmas: Vec<DilemmaBlock>,
    pub instruments: Vec<InstrumentBlock>,
    pub actions: Vec<ActionRow>,
    /// `Some` only with [`Options::with_notes`].
    pub coach_notes: Option<Vec<Entry>>,
    /// The private notes are the bestuurder's own (zelfreflectie), not a coach's.
    pub own_notes: bool,
    pub source: String,
    /// The RvT version ([`Options::rvt`]).
    pub rvt: bool,
    /// What the report opens with.
    pub summary: Summary,
    /// Every indicator with its answer, per condition; empty in an RvT version unless
    /// chosen.
    pub answers: Vec<AnswerBlock>,
    /// The conditions below 3,0, weakest first, with what the handreiking offers.
    pub advice: Vec<crate::present::Advice>,
    /// The conditions with several "weet ik niet".
    pub insight: Vec<crate::present::Insight>,
}

/// The "Samenvatting" at the top of a session report.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// (condition, score, "3 + 1 weet niet" or "4/4").
    pub scores: Vec<(String, Option<f64>, String)>,
    /// The conditions below 3,0, weakest first: "Belangen 1,3".
    pub weakest: Vec<String>,
    /// The afspraken not yet done: "Wat — wie, wanneer".
    pub open: Vec<String>,
}

/// One condition's indicators with the answers given.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerBlock {
    pub condition: String,
    pub score: Option<f64>,
    /// "3 + 1 weet niet" or "4/4".
    pub answered: String,
    /// (question, answer in words).
    pub rows: Vec<(String, String)>,
}

fn non_empty(text: &str) -> Option<String> {
    let t = clean(text);
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl SessionDoc {
    pub fn build(content: &Content, session: &Session, options: &Options) -> Self {
        let view = SessionView::build(content, session, options.previous);
        let group = options
            .group
            .filter(|g| !g.is_empty())
            .map(|g| Group::from_sessions(content, g, options.anonymous));
        let scores: Vec<ScoreRow> = view
            .conditions
            .iter()
            .enumerate()
            .map(|(i, c)| ScoreRow {
                name: c.name.clone(),
                short: c.short.clone(),
                score: c.score,
                answered: c.answered,
                total: c.total,
                dont_know: c.dont_know,
                flagged: c.flagged,
                previous: c.previous,
                delta: c.delta,
                group: group
                    .as_ref()
                    .and_then(|g| g.conditions.get(i))
                    .map(|g| (g.mean, g.min, g.max)),
            })
            .collect();
        let flags = view
            .conditions
            .iter()
            .filter_map(|c| {
                c.score.filter(|_| c.flagged).map(|score| Flag {
                    name: c.name.clone(),
                    score,
                    risk: c.risk.clone(),
                })
            })
            .collect();
        let radar = session_radar(content, session, &scores, options, group.as_ref());

        let notes = content
            .scan
            .conditions
            .iter()
            .filter_map(|c| {
                let text = non_empty(session.notes.get(&c.id)?)?;
                Some(Entry {
                    title: c.name.clone(),
                    text,
                })
            })
            .collect();

        let (mut reflections, mut other_reflections) = reflection_blocks(content, session);
        let mut dilemmas = dilemma_blocks(content, session);
        let mut instruments = instrument_blocks(content, session);
        let mut notes: Vec<Entry> = notes;
        let rvt = options.rvt;
        let with = options.with;
        if rvt {
            if !with.reflecties {
                reflections.clear();
                other_reflections.clear();
            }
            if !with.dilemmas {
                dilemmas.clear();
            }
            if !with.instrumenten {
                instruments.clear();
            }
            if !with.notities {
                notes.clear();
                for d in &mut dilemmas {
                    d.note.clear();
                }
                for i in &mut instruments {
                    i.note.clear();
                }
            }
        }
        let summary = Summary {
            scores: view
                .conditions
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.score,
                        crate::present::fmt_answered(c.answered, c.dont_know, c.total),
                    )
                })
                .collect(),
            weakest: view
                .advice
                .iter()
                .map(|a| format!("{} {}", a.name, crate::fmt_score(a.score)))
                .collect(),
            open: view
                .open_actions()
                .map(|a| {
                    let what = clean_line(&a.what);
                    let rest: Vec<String> = [clean_line(&a.who), clean_line(&a.when)]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect();
                    if rest.is_empty() {
                        what
                    } else {
                        format!("{what} — {}", rest.join(", "))
                    }
                })
                .collect(),
        };
        let answers = if rvt && !with.antwoorden {
            Vec::new()
        } else {
            view.conditions
                .iter()
                .map(|c| AnswerBlock {
                    condition: c.name.clone(),
                    score: c.score,
                    answered: crate::present::fmt_answered(c.answered, c.dont_know, c.total),
                    rows: c
                        .items
                        .iter()
                        .map(|i| (i.text.clone(), i.answer_words(content)))
                        .collect(),
                })
                .collect()
        };
        let actions = view
            .actions
            .iter()
            .map(|a| ActionRow {
                // An afspraak from last time says so, with its review.
                what: match &a.origin {
                    Some(origin) => format!("{} ({})", clean_line(&a.what), clean_line(origin)),
                    None => clean_line(&a.what),
                },
                who: clean_line(&a.who),
                when: clean_line(&a.when),
                about: a.about.clone(),
                done: a.done,
            })
            .collect();

        let coach_notes = options.with_notes.then(|| {
            session
                .coach_notes
                .iter()
                .filter_map(|(key, text)| {
                    Some(Entry {
                        title: coach_note_label(content, key),
                        text: non_empty(text)?,
                    })
                })
                .collect()
        });

        SessionDoc {
            samenwerking: clean_line(&session.samenwerking),
            bestuurder: clean_line(&session.bestuurder),
            organisatie: clean_line(&session.organisatie),
            mode: session.mode.label().to_string(),
            date: view.date,
            previous_date: view.previous_date,
            group_size: group.as_ref().map(|g| g.respondents.len()),
            answered: view.answered,
            total: view.total,
            scores,
            radar,
            flags,
            notes,
            reflections,
            other_reflections,
            dilemmas,
            instruments,
            actions,
            coach_notes,
            own_notes: session.mode == crate::session::Mode::Zelfreflectie,
            source: content.scan.source.clone(),
            rvt,
            summary,
            answers,
            advice: view.advice.clone(),
            insight: view.insight.clone(),
        }
    }

    /// The subtitle, which says what the report is.
    pub fn kind(&self) -> &'static str {
        if self.rvt {
            crate::text::RVT_TITLE
        } else {
            "Rapport van de quick scan en de reflectie"
        }
    }
}

/// The answered reflections by perspective and theme, and those whose prompt the content
/// does not know.
fn reflection_blocks(content: &Content, session: &Session) -> (Vec<PerspectiveBlock>, Vec<Entry>) {
    let mut known_prompts = std::collections::BTreeSet::new();
    let reflections = content
        .handreiking
        .perspectives
        .iter()
        .filter_map(|p| {
            let themes: Vec<ThemeBlock> = p
                .themes
                .iter()
                .filter_map(|t| {
                    let answers: Vec<Entry> = t
                        .prompts
                        .iter()
                        .filter_map(|pr| {
                            known_prompts.insert(pr.id.as_str());
                            let text = non_empty(session.reflections.get(&pr.id)?)?;
                            Some(Entry {
                                title: pr.text.clone(),
                                text,
                            })
                        })
                        .collect();
                    (!answers.is_empty()).then(|| ThemeBlock {
                        title: t.title.clone(),
                        question: t.question.clone(),
                        answers,
                    })
                })
                .collect();
            (!themes.is_empty()).then(|| PerspectiveBlock {
                name: p.name.clone(),
                themes,
            })
        })
        .collect();
    let other_reflections = session
        .reflections
        .iter()
        .filter(|(id, _)| !known_prompts.contains(id.as_str()))
        .filter_map(|(id, text)| {
            Some(Entry {
                title: clean_line(id),
                text: non_empty(text)?,
            })
        })
        .collect();
    (reflections, other_reflections)
}

/// The dilemmas the session worked on.
fn dilemma_blocks(content: &Content, session: &Session) -> Vec<DilemmaBlock> {
    let hr = &content.handreiking;
    hr.tensions
        .iter()
        .flat_map(|t| t.dilemmas.iter().map(move |d| (t, d)))
        .filter_map(|(t, d)| {
            let r = session.dilemmas.get(&d.id).filter(|r| !r.is_empty())?;
            Some(DilemmaBlock {
                tension: t.name.clone(),
                title: d.title.clone(),
                left: d.left.clone(),
                right: d.right.clone(),
                position: r.position.map(|p| p.clamp(-3, 3)),
                // Several strategies combine (Smith, 2014): their names joined.
                strategy: (!r.strategies.is_empty()).then(|| {
                    r.strategies
                        .iter()
                        .map(|id| {
                            hr.paradox_strategies
                                .iter()
                                .find(|s| &s.id == id)
                                .map(|s| s.label.clone())
                                .unwrap_or_else(|| clean_line(id))
                        })
                        .collect::<Vec<_>>()
                        .join(" + ")
                }),
                pull_left: clean(r.pull_left.trim()),
                pull_right: clean(r.pull_right.trim()),
                next_step: clean(r.next_step.trim()),
                note: clean(r.note.trim()),
            })
        })
        .collect()
}

/// The instruments the session filled in.
fn instrument_blocks(content: &Content, session: &Session) -> Vec<InstrumentBlock> {
    content
        .instruments
        .iter()
        .filter_map(|inst| {
            let answer = session
                .instruments
                .get(&inst.id)
                .filter(|a| !a.is_empty())?;
            let body = match &inst.kind {
                InstrumentKind::Choice { options, .. } => InstrumentBody::Choices(
                    answer
                        .choices
                        .iter()
                        .map(|id| match options.iter().find(|o| &o.id == id) {
                            Some(o) => (o.label.clone(), o.text.clone()),
                            None => (clean_line(id), String::new()),
                        })
                        .collect(),
                ),
                InstrumentKind::Table {
                    row_label,
                    rows,
                    columns,
                    gap,
                    ..
                } => {
                    let mut header = vec![row_label.clone()];
                    header.extend(columns.iter().map(|c| match &c.kind {
                        crate::content::ColumnKind::Scale { low, high } => {
                            format!("{} (1 {low} – 5 {high})", c.label)
                        }
                        crate::content::ColumnKind::Choice { .. } => c.label.clone(),
                    }));
                    if gap.is_some() {
                        header.push(crate::text::GAP_HEADING.to_string());
                    }
                    // Needed − brought, where the instrument asks both.
                    let gap_cell = |row: &crate::session::RowAnswer| {
                        gap.as_ref().map(|(have, need)| {
                            match crate::present::row_gap(row, have, need) {
                                Some(0) => "0".to_string(),
                                Some(d) if d > 0 => format!("+{d}"),
                                Some(d) => format!("−{}", d.unsigned_abs()),
                                None => "–".to_string(),
                            }
                        })
                    };
                    let cell =
                        |row: &crate::session::RowAnswer, col: &crate::content::Column| match (
                            row.values.get(&col.id),
                            &col.kind,
                        ) {
                            (None, _) => "–".to_string(),
                            (Some(crate::session::CellValue::Score(v)), _) => v.to_string(),
                            (
                                Some(crate::session::CellValue::Choice(id)),
                                crate::content::ColumnKind::Choice { options },
                            ) => options
                                .iter()
                                .find(|o| &o.id == id)
                                .map(|o| o.label.clone())
                                .unwrap_or_else(|| clean_line(id)),
                            (Some(crate::session::CellValue::Choice(id)), _) => clean_line(id),
                        };
                    let mut out_rows = Vec::new();
                    for fixed in rows {
                        if let Some(r) = answer.row(&fixed.id).filter(|r| !r.values.is_empty()) {
                            let mut line = vec![fixed.label.clone()];
                            line.extend(columns.iter().map(|c| cell(r, c)));
                            line.extend(gap_cell(r));
                            out_rows.push(line);
                        }
                    }
                    for r in answer
                        .rows
                        .iter()
                        .filter(|r| !rows.iter().any(|f| f.id == r.id))
                        .filter(|r| !r.values.is_empty() || !r.label.trim().is_empty())
                    {
                        let label = non_empty(&r.label)
                            .map(|l| clean_line(&l))
                            .unwrap_or_else(|| "(zonder naam)".to_string());
                        let mut line = vec![label];
                        line.extend(columns.iter().map(|c| cell(r, c)));
                        line.extend(gap_cell(r));
                        out_rows.push(line);
                    }
                    InstrumentBody::Table {
                        header,
                        rows: out_rows,
                    }
                }
                InstrumentKind::Sliders { pairs } => InstrumentBody::Sliders(
                    pairs
                        .iter()
                        .filter_map(|p| {
                            answer.sliders.get(&p.id).map(|pos| SliderRow {
                                left: p.left.clone(),
                                right: p.right.clone(),
                                position: (*pos).clamp(-3, 3),
                            })
                        })
                        .collect(),
                ),
            };
            Some(InstrumentBlock {
                name: inst.name.clone(),
                source: inst.source.clone(),
                body,
                note: clean(answer.note.trim()),
            })
        })
        .collect()
}

fn session_radar(
    content: &Content,
    session: &Session,
    scores: &[ScoreRow],
    options: &Options,
    group: Option<&Group>,
) -> RadarSpec {
    let mut series = Vec::new();
    if let Some(group) = group {
        series.extend(member_series(group));
        series.push(RadarSeries {
            name: "Gemiddelde van de groep".to_string(),
            kind: SeriesKind::Mean,
            scores: group.means(),
        });
    }
    if let Some(p) = options.previous {
        series.push(RadarSeries {
            name: format!("Vorige sessie ({})", long_date(p.updated)),
            kind: SeriesKind::Previous,
            scores: scores.iter().map(|s| s.previous).collect(),
        });
    }
    series.push(RadarSeries {
        name: format!("Deze sessie ({})", long_date(session.updated)),
        kind: SeriesKind::Current,
        scores: scores.iter().map(|s| s.score).collect(),
    });
    let values = scores
        .iter()
        .map(|s| {
            let mut v = crate::fmt_opt_score(s.score);
            if options.previous.is_some() {
                v.push_str(&format!(
                    "\nwas {} ({})",
                    crate::fmt_opt_score(s.previous),
                    crate::present::fmt_opt_delta(s.delta)
                ));
            }
            if let Some((Some(mean), _, _)) = s.group {
                v.push_str(&format!("\ngroep {}", crate::fmt_score(mean)));
            }
            v
        })
        .collect();
    RadarSpec {
        title: format!(
            "Radar van de vijf condities: {}",
            clean_line(&session.samenwerking)
        ),
        labels: radar_labels(content),
        values,
        series,
    }
}

/// One thin series per respondent, labelled as the group shows them.
fn member_series(group: &Group) -> impl Iterator<Item = RadarSeries> + '_ {
    group
        .respondents
        .iter()
        .enumerate()
        .map(|(i, r)| RadarSeries {
            name: clean_line(&r.label),
            kind: SeriesKind::Member(i),
            scores: r.scores.clone(),
        })
}

fn radar_labels(content: &Content) -> Vec<String> {
    content
        .scan
        .conditions
        .iter()
        .map(|c| c.short.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------
// The document model of a group report

/// Everything a group report shows: the [`Group`] and its radar.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupDoc<'a> {
    pub group: &'a Group,
    /// The samenwerking, [`clean_line`]d.
    pub samenwerking: String,
    pub radar: RadarSpec,
}

impl<'a> GroupDoc<'a> {
    pub fn build(content: &Content, group: &'a Group) -> Self {
        let samenwerking = clean_line(&group.samenwerking);
        let mut series: Vec<RadarSeries> = member_series(group).collect();
        series.push(RadarSeries {
            name: "Gemiddelde".to_string(),
            kind: SeriesKind::Mean,
            scores: group.means(),
        });
        let radar = RadarSpec {
            title: format!(
                "Radar van de vijf condities, {} respondenten: {samenwerking}",
                group.count
            ),
            labels: radar_labels(content),
            values: group
                .conditions
                .iter()
                .map(|c| match (c.mean, c.min, c.max) {
                    (Some(mean), Some(min), Some(max)) => format!(
                        "gem. {}\n{}–{}",
                        crate::fmt_score(mean),
                        crate::fmt_score(min),
                        crate::fmt_score(max)
                    ),
                    _ => "–".to_string(),
                })
                .collect(),
            series,
        };
        GroupDoc {
            group,
            samenwerking,
            radar,
        }
    }
}

/// The explanation under a topic of disagreement, the same in every format.
pub fn topic_detail(item: &crate::present::GroupItem) -> String {
    format!(
        "{} · antwoorden {} punten uiteen · gemiddelde {} · {} antwoorden",
        item.condition,
        item.spread.unwrap_or(0),
        crate::fmt_opt_score(item.mean),
        item.n
    )
}

/// A table as data: the header, which columns are numbers, the rows.
pub type TableData = (Vec<String>, Vec<bool>, Vec<Vec<String>>);

pub use crate::present::fmt_position;

/// The per-indicator drill-down of a group report: each respondent's answer (`?` for
/// "weet ik niet", `–` for none) and the number of "weet ik niet"; in an aggregate-only
/// group how many gave each answer.
pub fn drill_table(group: &Group) -> TableData {
    let mut header = vec!["Indicator".to_string()];
    let rows: Vec<Vec<String>> = if group.aggregate {
        header.extend(["1", "2", "3", "4", "5"].map(String::from));
        group
            .items
            .iter()
            .map(|i| {
                let mut row = vec![format!("{}: {}", i.condition_short, i.text)];
                row.extend(i.counts.iter().map(|n| n.to_string()));
                row.push(i.dont_know.to_string());
                row
            })
            .collect()
    } else {
        header.extend(group.respondents.iter().map(|r| clean_line(&r.label)));
        group
            .items
            .iter()
            .map(|i| {
                let mut row = vec![format!("{}: {}", i.condition_short, i.text)];
                row.extend(i.answers.iter().map(|a| match a {
                    Some(crate::session::Answer::Score(v)) => v.to_string(),
                    Some(crate::session::Answer::DontKnow) => {
                        crate::text::DONT_KNOW_SHORT.to_string()
                    }
                    None => "–".to_string(),
                }));
                row.push(i.dont_know.to_string());
                row
            })
            .collect()
    };
    header.push("Weet niet".to_string());
    let numeric = header.iter().enumerate().map(|(k, _)| k > 0).collect();
    (header, numeric, rows)
}

/// The explanation under [`drill_table`].
pub fn drill_note(group: &Group) -> &'static str {
    if group.aggregate {
        "Per indicator hoeveel respondenten 1 tot en met 5 antwoordden, en hoe vaak ‘weet ik niet’."
    } else {
        "Per indicator het antwoord van elke respondent (1–5). ? = weet ik niet, – = niet beantwoord."
    }
}

/// The partners' dilemma positions side by side (−3 = geheel de linkerpool, +3 = geheel
/// de rechterpool); in an aggregate-only group the positions without names, sorted.
pub fn positions_table(group: &Group) -> TableData {
    let mut header = vec!["Dilemma (links ↔ rechts)".to_string()];
    if group.aggregate {
        header.push("Posities".to_string());
    } else {
        header.extend(group.respondents.iter().map(|r| clean_line(&r.label)));
    }
    header.extend(["Gem.", "Min", "Max"].map(String::from));
    let rows = group
        .dilemmas
        .iter()
        .map(|d| {
            let mut row = vec![format!("{} ({} ↔ {})", d.title, d.left, d.right)];
            if group.aggregate {
                row.push(
                    d.positions
                        .iter()
                        .flatten()
                        .map(|p| fmt_position(Some(*p)))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            } else {
                row.extend(d.positions.iter().map(|p| fmt_position(*p)));
            }
            row.push(
                d.mean
                    .map(|m| crate::present::fmt_delta(m).replace('±', ""))
                    .unwrap_or_else(|| "–".to_string()),
            );
            row.push(fmt_position(d.min));
            row.push(fmt_position(d.max));
            row
        })
        .collect();
    let numeric = header.iter().enumerate().map(|(k, _)| k > 0).collect();
    (header, numeric, rows)
}

/// The explanation under [`positions_table`].
pub const POSITIONS_NOTE: &str = "Positie −3 is geheel de linkerpool, +3 geheel de rechterpool, 0 het midden. Alleen dilemma’s waarop iemand een positie koos.";

impl ScoreRow {
    /// "4 van 4", or "3 + 1 weet niet" with "weet ik niet" answers.
    pub fn filled(&self) -> String {
        if self.dont_know == 0 {
            format!("{} van {}", self.answered, self.total)
        } else {
            crate::present::fmt_answered(self.answered, self.dont_know, self.total)
        }
    }
}

/// "Namen" in a group report's header.
pub fn names_note(group: &Group) -> &'static str {
    if group.aggregate {
        "alleen groepscijfers"
    } else if group.anonymous {
        "anoniem (R1…Rn)"
    } else {
        "genoemd"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_control_characters() {
        assert_eq!(clean("a\u{1b}[31mb\u{0}c\u{7f}d\u{85}e"), "a[31mbcde");
        assert_eq!(
            clean("regel 1\r\nregel 2\rregel 3\n"),
            "regel 1\nregel 2\nregel 3\n"
        );
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("é ‘x’ \u{fffe}"), "é ‘x’ ");
        assert_eq!(clean_line("  a\n\n b  "), "a b");
    }

    #[test]
    fn escape_all_five() {
        assert_eq!(
            escape("<b a=\"x\">Tom & 'Jerry'</b>\u{1b}"),
            "&lt;b a=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn every_report_carries_the_marker_the_prullenbak_looks_for() {
        let content = crate::content::Content::embedded().expect("content");
        let session = crate::session::Session::new(
            "Anne",
            "",
            "Wijkzorg",
            crate::session::Mode::Zelfreflectie,
            jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
        );
        let sessions = vec![session.clone(), session.clone()];
        for format in [Format::Markdown, Format::Html, Format::Svg] {
            let ext = format.extension();
            let single = render(format, &content, &session, &Options::default());
            assert!(crate::store::is_own_report(ext, single.as_bytes()), "{ext}");
            let group = render_group(format, &content, &sessions, &Options::default());
            assert!(
                crate::store::is_own_report(ext, group.as_bytes()),
                "group {ext}"
            );
            assert!(
                !crate::store::is_own_report(ext, b"<p>van mij</p>"),
                "{ext}"
            );
        }
    }

    #[test]
    fn default_paths() {
        assert_eq!(
            default_path(Path::new("/s/anne.ron"), Format::Html),
            Path::new("/s/anne.html")
        );
        assert_eq!(
            default_path(Path::new("anne.ron"), Format::Markdown),
            Path::new("anne.md")
        );
        assert_eq!(
            default_group_path(Path::new("/s/a.ron"), "Wijkzorg Noord", Format::Svg),
            Path::new("/s/groep-wijkzorg-noord.svg")
        );
    }

    #[test]
    fn positions_in_words() {
        assert_eq!(position_words(0, "A", "B"), "precies in het midden");
        assert_eq!(position_words(-1, "A", "B"), "iets richting ‘A’");
        assert_eq!(position_words(2, "A", "B"), "duidelijk richting ‘B’");
        assert_eq!(position_words(-3, "A", "B"), "helemaal aan de kant van ‘A’");
    }
}
