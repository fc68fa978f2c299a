//! The demo folder for whole-screen tests: the demo sessions, an earlier session of
//! Marieke (follow-up overlay, trend) and two partners in her samenwerking (group view),
//! in a temporary folder whose name has the same length on every machine.

use super::App;
use kansrijk::app::{Msg, Screen, nav};
use kansrijk::content::Content;
use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::OnceLock;

/// The two sizes every screen is pinned at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// What a temporary folder is called in the snapshots.
pub const DIR_MASK: &str = "/tmp/kansrijk-snap-XXXXXX";

/// A temporary folder whose name has the same length on every machine, so that a path
/// on screen wraps the same everywhere (and is masked in the snapshot).
pub fn fixed_tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("kansrijk-snap-")
        .rand_bytes(6)
        .tempdir_in("/tmp")
        .expect("a temporary folder in /tmp")
}

pub fn at(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(secs).expect("timestamp")
}

/// Marieke's demo session.
pub const MARIEKE: &str = "demo-marieke-de-wit-zorgnetwerk-ouderen.ron";
/// Joost's demo session (a coachgesprek, with coach notes).
pub const JOOST: &str = "demo-joost-bakker-ggz-jeugd-alliantie.ron";
pub const MARIEKE_SAMENWERKING: &str = "Zorgnetwerk Ouderen Rivierenland";

/// The embedded content, read once for all tests of this file.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::embedded().expect("embedded content is valid"))
}

/// An app on `dir` at `w`×`h`, on the start screen.
pub fn start(dir: tempfile::TempDir, w: u16, h: u16) -> App {
    App::start_with(content().clone(), dir, w, h)
}

/// A session with all twenty scan items answered from `scores` (per condition).
pub fn scored(bestuurder: &str, organisatie: &str, created: i64, scores: [u8; 5]) -> Session {
    let mut s = Session::new(
        bestuurder,
        organisatie,
        MARIEKE_SAMENWERKING,
        Mode::Zelfreflectie,
        at(created),
    );
    for (ci, item) in content().scan.items() {
        s.answers
            .insert(item.id.clone(), Answer::Score(scores[ci % 5]));
    }
    s
}

/// A fresh copy of the demo folder (copies are fast; writing sessions syncs the disk).
pub fn demo_dir() -> tempfile::TempDir {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let template = TEMPLATE.get_or_init(demo_template);
    let dir = fixed_tempdir();
    for entry in std::fs::read_dir(template.path()).expect("template folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ron") {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, dir.path().join(name)).expect("copy session");
        }
    }
    dir
}

/// The demo sessions, an earlier session of Marieke (for the follow-up overlay and the
/// trend) and two partners in her samenwerking (for the group view).
pub fn demo_template() -> tempfile::TempDir {
    let dir = fixed_tempdir();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for name in [MARIEKE, JOOST] {
        std::fs::copy(demo.join(name), dir.path().join(name)).expect("copy demo session");
    }
    // Dates are shown in local time: these sessions are made at noon UTC, and the demo
    // sessions in the morning or early afternoon, so the dates are the same in every
    // time zone of Europe (and in UTC, as on CI).
    // 10 June 2026, noon UTC.
    let earlier = scored(
        "Marieke de Wit",
        "Stichting Thuiszorg Rivierenland",
        1_781_092_800,
        [3, 2, 2, 3, 3],
    );
    store::create(dir.path(), &earlier).expect("earlier session");
    let henk = scored(
        "Henk Verbeek",
        "Ziekenhuis Rivierenland (fictief)",
        1_789_992_000, // 21 September 2026, noon UTC
        [4, 3, 3, 3, 4],
    );
    store::create(dir.path(), &henk).expect("partner session");
    let fatima = scored(
        "Fatima El Amrani",
        "Huisartsencoöperatie Rivierenland (fictief)",
        1_790_078_400, // 22 September 2026, noon UTC
        [5, 2, 2, 2, 3],
    );
    store::create(dir.path(), &fatima).expect("partner session");
    dir
}

/// The app on the demo folder at `w`×`h`, on the start screen.
pub fn demo(w: u16, h: u16) -> App {
    start(demo_dir(), w, h)
}

/// The app with one demo session open (overview).
pub fn open(name: &str, w: u16, h: u16) -> App {
    let mut app = demo(w, h);
    let path = app.dir.path().join(name);
    app.msg(Msg::Open(path));
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Overview, "{}", app.screen());
    app
}

/// Walks the guided path from the overview to `target`.
pub fn goto(app: &mut App, target: Screen) {
    app.press('o');
    let stops = nav::stops(&app.model.content);
    assert!(stops.contains(&target), "{target:?} is a stop");
    while app.model.screen != target {
        app.code(KeyCode::Tab);
    }
}

pub fn f2(app: &mut App) {
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
}

/// The screen as text, with the temporary folder masked.
pub fn text(app: &mut App) -> String {
    let screen = app.screen();
    let dir = app.dir.path().display().to_string();
    assert_eq!(dir.len(), DIR_MASK.len(), "fixed-length folder name");
    screen.replace(&dir, DIR_MASK)
}

pub fn instrument_index(app: &App, id: &str) -> usize {
    app.model
        .content
        .instruments
        .iter()
        .position(|i| i.id == id)
        .expect("instrument exists")
}

pub fn dilemma_of(app: &App, id: &str) -> Screen {
    for (ti, t) in app.model.content.handreiking.tensions.iter().enumerate() {
        if let Some(di) = t.dilemmas.iter().position(|d| d.id == id) {
            return Screen::Dilemma(ti, di);
        }
    }
    panic!("no dilemma {id}");
}

/// The group view of Marieke's samenwerking.
pub fn group(w: u16, h: u16) -> App {
    let mut app = demo(w, h);
    let row = app
        .model
        .list
        .iter()
        .position(|e| matches!(e, store::ListEntry::Session { header, .. } if header.samenwerking == MARIEKE_SAMENWERKING))
        .expect("a session of the samenwerking");
    for _ in 0..row {
        app.code(KeyCode::Down);
    }
    app.press('g');
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Group, "{}", app.screen());
    app
}
