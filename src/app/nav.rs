//! Where things are: the rows each screen offers, the overview's layout, the guided
//! path, and progress. Pure functions of content and session, shared by `update` and
//! `view` so that what is drawn and what is selected always agree.

use super::{DilemmaField, Screen};
use crate::content::{Content, InstrumentKind};
use crate::place::Place;
use crate::session::Session;

/// A selectable row of a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Perspective screen: a theme (index within the perspective).
    Theme(usize),
    /// Theme screen: a reflection question (index within the theme).
    Prompt(usize),
    /// Theme screen: a linked instrument (index into `content.instruments`).
    OpenInstrument(usize),
    /// Tension screen: a dilemma (index within the tension).
    Dilemma(usize),
    /// Tension screen: a pointer to a theme (index within the tension).
    Pointer(usize),
    /// Dilemma screen.
    Slider,
    Strategy,
    DilemmaText(DilemmaField),
    /// Instrument screen: an option (Choice), a fixed row, a row of the user's own, a
    /// slider pair, "add a row", the note.
    Option(usize),
    FixedRow(usize),
    UserRow(String),
    Pair(usize),
    AddRow,
    InstrumentNote,
    /// Closing screen: a takeaway (index among them).
    Takeaway(usize),
    /// Actions screen.
    Action(usize),
    NewAction,
}

/// The rows of a screen, in order.
pub fn rows(content: &Content, session: &Session, screen: Screen) -> Vec<Row> {
    let hr = &content.handreiking;
    match screen {
        Screen::Perspective(p) => hr
            .perspectives
            .get(p)
            .map(|p| (0..p.themes.len()).map(Row::Theme).collect())
            .unwrap_or_default(),
        Screen::Theme(p, t) => {
            let Some(theme) = hr.perspectives.get(p).and_then(|p| p.themes.get(t)) else {
                return vec![];
            };
            let mut rows: Vec<Row> = (0..theme.prompts.len()).map(Row::Prompt).collect();
            rows.extend(
                theme
                    .instruments
                    .iter()
                    .filter_map(|id| content.instruments.iter().position(|i| &i.id == id))
                    .map(Row::OpenInstrument),
            );
            rows
        }
        Screen::Tension(t) => {
            let Some(tension) = hr.tensions.get(t) else {
                return vec![];
            };
            let mut rows: Vec<Row> = (0..tension.dilemmas.len()).map(Row::Dilemma).collect();
            rows.extend((0..tension.pointers.len()).map(Row::Pointer));
            rows
        }
        Screen::Dilemma(..) => vec![
            Row::Slider,
            Row::DilemmaText(DilemmaField::PullLeft),
            Row::DilemmaText(DilemmaField::PullRight),
            Row::Strategy,
            Row::DilemmaText(DilemmaField::NextStep),
            Row::DilemmaText(DilemmaField::Note),
        ],
        Screen::Instrument(i) => {
            let Some(instrument) = content.instruments.get(i) else {
                return vec![];
            };
            let mut rows = match &instrument.kind {
                InstrumentKind::Choice { options, .. } => {
                    (0..options.len()).map(Row::Option).collect()
                }
                InstrumentKind::Sliders { pairs } => (0..pairs.len()).map(Row::Pair).collect(),
                InstrumentKind::Table {
                    rows, user_rows, ..
                } => {
                    let mut out: Vec<Row> = (0..rows.len()).map(Row::FixedRow).collect();
                    if *user_rows {
                        if let Some(answer) = session.instruments.get(&instrument.id) {
                            out.extend(
                                answer
                                    .rows
                                    .iter()
                                    .filter(|r| !rows.iter().any(|fixed| fixed.id == r.id))
                                    .map(|r| Row::UserRow(r.id.clone())),
                            );
                        }
                        out.push(Row::AddRow);
                    }
                    out
                }
            };
            rows.push(Row::InstrumentNote);
            rows
        }
        Screen::Actions => {
            let mut rows: Vec<Row> = (0..session.actions.len()).map(Row::Action).collect();
            rows.push(Row::NewAction);
            rows
        }
        Screen::Closing => (0..super::screens::closing::rows(content, session))
            .map(Row::Takeaway)
            .collect(),
        Screen::Start
        | Screen::NewSession
        | Screen::Overview
        | Screen::Scan
        | Screen::Group
        | Screen::Search => vec![],
    }
}

/// An element of the overview (the praatplaat).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewItem {
    Perspective(usize),
    Tension(usize),
    Scan,
    Actions,
    Closing,
}

/// The overview's elements with their place (row, column) on a 5 × 3 grid: opgaven on
/// top, organisatie and samenwerking below it with the tensions between the three, bestuur
/// en toezicht underneath, then the quick scan, "Wat neem ik mee?" and the actions.
pub const OVERVIEW: [(OverviewItem, u8, u8); 10] = [
    (OverviewItem::Perspective(0), 0, 1),
    (OverviewItem::Tension(2), 1, 0),
    (OverviewItem::Tension(1), 1, 2),
    (OverviewItem::Perspective(1), 2, 0),
    (OverviewItem::Tension(0), 2, 1),
    (OverviewItem::Perspective(2), 2, 2),
    (OverviewItem::Perspective(3), 3, 1),
    (OverviewItem::Scan, 4, 0),
    (OverviewItem::Closing, 4, 1),
    (OverviewItem::Actions, 4, 2),
];

/// Direction of a move on the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

/// The element reached from `from` by moving in `dir` (itself when there is none).
pub fn overview_move(from: usize, dir: Dir) -> usize {
    let Some(&(_, r, c)) = OVERVIEW.get(from) else {
        return 0;
    };
    let (r, c) = (i16::from(r), i16::from(c));
    let candidates = OVERVIEW.iter().enumerate().filter_map(|(i, &(_, r2, c2))| {
        let (r2, c2) = (i16::from(r2), i16::from(c2));
        let ok = match dir {
            Dir::Up => r2 < r,
            Dir::Down => r2 > r,
            Dir::Left => r2 == r && c2 < c,
            Dir::Right => r2 == r && c2 > c,
        };
        // Nearest in the direction first, then the closest column.
        ok.then(|| (i, (r2 - r).abs() * 10 + (c2 - c).abs()))
    });
    candidates
        .min_by_key(|&(_, d)| d)
        .map(|(i, _)| i)
        .unwrap_or(from)
}

/// The guided path through the whole workbook, for `]` / `[`.
pub fn stops(content: &Content) -> Vec<Screen> {
    let hr = &content.handreiking;
    let mut out = vec![Screen::Overview];
    for (pi, p) in hr.perspectives.iter().enumerate() {
        out.push(Screen::Perspective(pi));
        for (ti, t) in p.themes.iter().enumerate() {
            out.push(Screen::Theme(pi, ti));
            for id in &t.instruments {
                if let Some(ii) = content.instruments.iter().position(|i| &i.id == id) {
                    out.push(Screen::Instrument(ii));
                }
            }
        }
    }
    for (ti, t) in hr.tensions.iter().enumerate() {
        out.push(Screen::Tension(ti));
        for di in 0..t.dilemmas.len() {
            out.push(Screen::Dilemma(ti, di));
        }
    }
    out.push(Screen::Scan);
    out.push(Screen::Actions);
    out.push(Screen::Closing);
    out
}

/// Done out of total, and whether anything was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub written: bool,
}

impl std::ops::Add for Progress {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self {
            done: self.done + o.done,
            total: self.total + o.total,
            written: self.written || o.written,
        }
    }
}

pub fn instrument_done(session: &Session, id: &str) -> bool {
    session.instruments.get(id).is_some_and(|a| !a.is_empty())
}

pub fn theme_progress(content: &Content, session: &Session, p: usize, t: usize) -> Progress {
    let Some(theme) = content
        .handreiking
        .perspectives
        .get(p)
        .and_then(|p| p.themes.get(t))
    else {
        return Progress::default();
    };
    let answered = theme
        .prompts
        .iter()
        .filter(|q| {
            session
                .reflections
                .get(&q.id)
                .is_some_and(|r| !r.trim().is_empty())
        })
        .count();
    let instruments = theme
        .instruments
        .iter()
        .filter(|id| content.instrument(id).is_some())
        .count();
    let instruments_done = theme
        .instruments
        .iter()
        .filter(|id| instrument_done(session, id))
        .count();
    Progress {
        done: answered + instruments_done,
        total: theme.prompts.len() + instruments,
        written: answered > 0,
    }
}

pub fn perspective_progress(content: &Content, session: &Session, p: usize) -> Progress {
    let n = content
        .handreiking
        .perspectives
        .get(p)
        .map(|p| p.themes.len())
        .unwrap_or(0);
    (0..n)
        .map(|t| theme_progress(content, session, p, t))
        .fold(Progress::default(), |a, b| a + b)
}

pub fn tension_progress(content: &Content, session: &Session, t: usize) -> Progress {
    let Some(tension) = content.handreiking.tensions.get(t) else {
        return Progress::default();
    };
    let reflected: Vec<_> = tension
        .dilemmas
        .iter()
        .filter_map(|d| session.dilemmas.get(&d.id))
        .filter(|r| !r.is_empty())
        .collect();
    Progress {
        done: reflected.len(),
        total: tension.dilemmas.len(),
        written: reflected.iter().any(|r| {
            !(r.pull_left.is_empty()
                && r.pull_right.is_empty()
                && r.next_step.is_empty()
                && r.note.is_empty())
        }),
    }
}

/// The place a screen is (the key under which the coach's note for it is kept).
pub fn coach_key(
    content: &Content,
    screen: Screen,
    scan_condition: Option<usize>,
) -> Option<Place> {
    let hr = &content.handreiking;
    match screen {
        Screen::Overview => Some(Place::Overview),
        Screen::Scan => Some(
            match scan_condition.and_then(|c| content.scan.conditions.get(c)) {
                Some(c) => Place::Condition(c.id.clone()),
                None => Place::Scan,
            },
        ),
        Screen::Perspective(p) => hr
            .perspectives
            .get(p)
            .map(|p| Place::Perspective(p.id.clone())),
        Screen::Theme(p, t) => hr
            .perspectives
            .get(p)
            .and_then(|p| p.themes.get(t))
            .map(|t| Place::Theme(t.id.clone())),
        Screen::Tension(t) => hr.tensions.get(t).map(|t| Place::Tension(t.id.clone())),
        Screen::Dilemma(t, d) => hr
            .tensions
            .get(t)
            .and_then(|t| t.dilemmas.get(d))
            .map(|d| Place::Dilemma(d.id.clone())),
        Screen::Instrument(i) => content
            .instruments
            .get(i)
            .map(|i| Place::Instrument(i.id.clone())),
        Screen::Actions => Some(Place::Actions),
        Screen::Start | Screen::NewSession | Screen::Group | Screen::Search | Screen::Closing => {
            None
        }
    }
}

/// The screen that shows a place; `None` for a place this content does not know.
pub fn screen_of(content: &Content, place: &Place) -> Option<Screen> {
    let hr = &content.handreiking;
    match place {
        Place::Overview => Some(Screen::Overview),
        Place::Scan | Place::Condition(_) if known(content, place) => Some(Screen::Scan),
        Place::Actions => Some(Screen::Actions),
        Place::Perspective(id) => hr
            .perspectives
            .iter()
            .position(|p| &p.id == id)
            .map(Screen::Perspective),
        Place::Theme(id) => hr.perspectives.iter().enumerate().find_map(|(pi, p)| {
            p.themes
                .iter()
                .position(|t| &t.id == id)
                .map(|ti| Screen::Theme(pi, ti))
        }),
        Place::Tension(id) => hr
            .tensions
            .iter()
            .position(|t| &t.id == id)
            .map(Screen::Tension),
        Place::Dilemma(id) => hr.tensions.iter().enumerate().find_map(|(ti, t)| {
            t.dilemmas
                .iter()
                .position(|d| &d.id == id)
                .map(|di| Screen::Dilemma(ti, di))
        }),
        Place::Instrument(id) => content
            .instruments
            .iter()
            .position(|i| &i.id == id)
            .map(Screen::Instrument),
        Place::Scan | Place::Condition(_) | Place::Other(_) => None,
    }
}

/// True when the content knows the condition (the scan itself always).
fn known(content: &Content, place: &Place) -> bool {
    match place {
        Place::Condition(id) => content.scan.conditions.iter().any(|c| &c.id == id),
        _ => true,
    }
}

/// The link an action gets when it is added on a screen (none off the linkable screens).
pub fn action_link(content: &Content, screen: Screen, scan_condition: Option<usize>) -> Place {
    match screen {
        Screen::Scan
        | Screen::Perspective(_)
        | Screen::Theme(..)
        | Screen::Tension(_)
        | Screen::Dilemma(..)
        | Screen::Instrument(_) => {
            match coach_key(content, screen, scan_condition) {
                // The scan without a condition in focus links to nothing.
                Some(Place::Scan) | None => Place::none(),
                Some(place) => place,
            }
        }
        _ => Place::none(),
    }
}

/// A readable name for an action's link (the one [`crate::present::link_label`]).
pub use crate::present::link_label;

/// Every link an action can have, in a fixed order, for cycling.
pub fn all_links(content: &Content) -> Vec<Place> {
    let mut out = vec![Place::none()];
    out.extend(
        content
            .scan
            .conditions
            .iter()
            .map(|c| Place::Condition(c.id.clone())),
    );
    for p in &content.handreiking.perspectives {
        out.extend(p.themes.iter().map(|t| Place::Theme(t.id.clone())));
    }
    for t in &content.handreiking.tensions {
        out.extend(t.dilemmas.iter().map(|d| Place::Dilemma(d.id.clone())));
    }
    out.extend(
        content
            .instruments
            .iter()
            .map(|i| Place::Instrument(i.id.clone())),
    );
    out
}
