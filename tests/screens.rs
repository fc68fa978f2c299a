//! Whole screens pinned as text: every screen at 80×24 and at 120×40, with the demo
//! sessions, as insta snapshots in `tests/snapshots/`. Beside them, precise checks of what
//! must never be cut at the smallest size (the footer's `? hulp` and `q`, scores, names).
//!
//! Write new snapshots with `INSTA_UPDATE=always cargo test --test screens` (or
//! `cargo insta review`), then read each one for cut text before committing it.

mod support;

use kansrijk::app::{Msg, Screen, nav};
use kansrijk::content::Content;
use kansrijk::session::{Answer, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::OnceLock;
use support::App;

/// The two sizes every screen is pinned at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// What a temporary folder is called in the snapshots.
const DIR_MASK: &str = "/tmp/kansrijk-snap-XXXXXX";

/// A temporary folder whose name has the same length on every machine, so that a path
/// on screen wraps the same everywhere (and is masked in the snapshot).
fn fixed_tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("kansrijk-snap-")
        .rand_bytes(6)
        .tempdir_in("/tmp")
        .expect("a temporary folder in /tmp")
}

fn at(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(secs).expect("timestamp")
}

/// Marieke's demo session.
const MARIEKE: &str = "demo-marieke-de-wit-zorgnetwerk-ouderen.ron";
/// Joost's demo session (a coachgesprek, with coach notes).
const JOOST: &str = "demo-joost-bakker-ggz-jeugd-alliantie.ron";
const MARIEKE_SAMENWERKING: &str = "Zorgnetwerk Ouderen Rivierenland";

/// The embedded content, read once for all tests of this file.
fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::embedded().expect("embedded content is valid"))
}

/// An app on `dir` at `w`×`h`, on the start screen.
fn start(dir: tempfile::TempDir, w: u16, h: u16) -> App {
    App::start_with(content().clone(), dir, w, h)
}

/// A session with all twenty scan items answered from `scores` (per condition).
fn scored(bestuurder: &str, organisatie: &str, created: i64, scores: [u8; 5]) -> Session {
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
fn demo_dir() -> tempfile::TempDir {
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
fn demo_template() -> tempfile::TempDir {
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
fn demo(w: u16, h: u16) -> App {
    start(demo_dir(), w, h)
}

/// The app with one demo session open (overview).
fn open(name: &str, w: u16, h: u16) -> App {
    let mut app = demo(w, h);
    let path = app.dir.path().join(name);
    app.msg(Msg::Open(path));
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Overview, "{}", app.screen());
    app
}

/// Walks the guided path from the overview to `target`.
fn goto(app: &mut App, target: Screen) {
    app.press('o');
    let stops = nav::stops(&app.model.content);
    assert!(stops.contains(&target), "{target:?} is a stop");
    while app.model.screen != target {
        app.code(KeyCode::Tab);
    }
}

fn f2(app: &mut App) {
    app.key_event(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE));
}

/// The screen as text, with the temporary folder masked.
fn text(app: &mut App) -> String {
    let screen = app.screen();
    let dir = app.dir.path().display().to_string();
    assert_eq!(dir.len(), DIR_MASK.len(), "fixed-length folder name");
    screen.replace(&dir, DIR_MASK)
}

/// Pins the screen as `name_WxH`.
fn snap(name: &str, app: &mut App) {
    let (w, h) = (app.model.width, app.model.height);
    let screen = text(app);
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
}

/// Runs `build` at both sizes and pins each result.
fn both(name: &str, build: impl Fn(u16, u16) -> App) {
    for (w, h) in SIZES {
        let mut app = build(w, h);
        snap(name, &mut app);
    }
}

fn instrument_index(app: &App, id: &str) -> usize {
    app.model
        .content
        .instruments
        .iter()
        .position(|i| i.id == id)
        .expect("instrument exists")
}

fn dilemma_of(app: &App, id: &str) -> Screen {
    for (ti, t) in app.model.content.handreiking.tensions.iter().enumerate() {
        if let Some(di) = t.dilemmas.iter().position(|d| d.id == id) {
            return Screen::Dilemma(ti, di);
        }
    }
    panic!("no dilemma {id}");
}

// ---------------------------------------------------------------------------------------
// Start, form, prompts

#[test]
fn start_empty() {
    both("start_empty", |w, h| start(fixed_tempdir(), w, h));
}

#[test]
fn start_with_sessions() {
    both("start_sessions", demo);
}

#[test]
fn start_presenting() {
    both("start_f2", |w, h| {
        let mut app = demo(w, h);
        f2(&mut app);
        app
    });
}

#[test]
fn new_session_form() {
    both("new_session", |w, h| {
        let mut app = demo(w, h);
        app.press('n').type_text("Anne Jansen").code(KeyCode::Tab);
        app
    });
}

#[test]
fn search_prompt_and_results() {
    both("search_prompt", |w, h| {
        let mut app = demo(w, h);
        app.press('/').type_text("transformatiegeld");
        app
    });
    both("search_results", |w, h| {
        let mut app = demo(w, h);
        app.press('/').type_text("belang").code(KeyCode::Enter);
        assert_eq!(app.model.screen, Screen::Search);
        app
    });
}

#[test]
fn import_prompt() {
    both("import_prompt", |w, h| {
        let mut app = demo(w, h);
        app.press('i');
        app
    });
}

fn group(w: u16, h: u16) -> App {
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

#[test]
fn group_view() {
    both("group", group);
    both("group_f2", |w, h| {
        let mut app = group(w, h);
        f2(&mut app);
        app
    });
}

// ---------------------------------------------------------------------------------------
// A session's screens

#[test]
fn overview() {
    both("overview", |w, h| open(MARIEKE, w, h));
    both("overview_coach", |w, h| open(JOOST, w, h));
    both("overview_coach_f2", |w, h| {
        let mut app = open(JOOST, w, h);
        f2(&mut app);
        app
    });
}

#[test]
fn perspective_and_theme() {
    both("perspective", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Perspective(1));
        app
    });
    both("theme", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Theme(1, 0));
        app
    });
}

#[test]
fn tension_and_dilemmas() {
    both("tension", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Tension(0));
        app
    });
    both("dilemma_empty", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Dilemma(0, 0));
        app
    });
    both("dilemma_filled", |w, h| {
        let mut app = open(JOOST, w, h);
        let target = dilemma_of(&app, "org-sam.belang");
        goto(&mut app, target);
        app
    });
}

#[test]
fn every_instrument() {
    let ids: Vec<String> = {
        let app = demo(80, 24);
        app.model
            .content
            .instruments
            .iter()
            .map(|i| i.id.clone())
            .collect()
    };
    for id in ids {
        both(&format!("instrument_{id}"), |w, h| {
            let mut app = open(MARIEKE, w, h);
            let i = instrument_index(&app, &id);
            goto(&mut app, Screen::Instrument(i));
            app
        });
    }
}

#[test]
fn scan() {
    both("scan_previous", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('s');
        assert!(
            app.model
                .open
                .as_ref()
                .is_some_and(|o| o.previous.is_some())
        );
        app
    });
    both("scan_without_previous", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('s').press('v');
        app
    });
    both("scan_coach", |w, h| {
        let mut app = open(JOOST, w, h);
        app.press('s').code(KeyCode::PageDown);
        app
    });
    both("scan_f2", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('s');
        f2(&mut app);
        app
    });
}

#[test]
fn actions() {
    both("actions", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('a');
        app
    });
}

#[test]
fn editors() {
    both("editor_coach_note", |w, h| {
        let mut app = open(JOOST, w, h);
        app.press('c');
        app
    });
    both("editor_reflection", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Theme(1, 0));
        app.code(KeyCode::Enter);
        let editing = app.model.is_editing();
        assert!(editing, "{}", app.screen());
        app
    });
}

#[test]
fn help() {
    both("help_start", |w, h| {
        let mut app = demo(w, h);
        app.press('?');
        app
    });
    both("help_scan", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('s').press('?');
        app
    });
}

#[test]
fn export_message() {
    both("export", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('x');
        app
    });
}

#[test]
fn too_small() {
    let mut app = demo(80, 24);
    app.resize(79, 23);
    snap("too_small", &mut app);
}

// ---------------------------------------------------------------------------------------
// What must never be cut at the smallest size (issue 10, item 5)

/// The footer row of the screen.
fn footer(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

fn assert_footer_has_help_and_quit(app: &mut App, place: &str) {
    let screen = app.screen();
    let footer = footer(&screen);
    assert!(
        footer.contains("? hulp") && footer.contains("q stoppen"),
        "{place}: footer without '? hulp' or 'q stoppen':\n{screen}"
    );
}

#[test]
fn the_footer_keeps_help_and_quit_on_every_screen_at_80_by_24() {
    let mut app = open(MARIEKE, 80, 24);
    let stops = nav::stops(&app.model.content);
    for stop in &stops {
        goto(&mut app, *stop);
        assert_footer_has_help_and_quit(&mut app, &format!("{stop:?}"));
    }
    let mut app = demo(80, 24);
    assert_footer_has_help_and_quit(&mut app, "start");
    f2(&mut app);
    assert_footer_has_help_and_quit(&mut app, "start F2");
    let mut app = group(80, 24);
    assert_footer_has_help_and_quit(&mut app, "group");
    let mut app = demo(80, 24);
    app.press('/').type_text("belang").code(KeyCode::Enter);
    assert_footer_has_help_and_quit(&mut app, "search");
}

#[test]
fn the_overview_shows_all_five_scores_at_both_sizes_and_when_presenting() {
    for (w, h) in SIZES {
        let mut app = open(MARIEKE, w, h);
        for presenting in [false, true] {
            let screen = app.screen();
            for score in ["A 4,0", "B 2,3", "R 3,0", "O 2,5", "P 3,5"] {
                assert!(
                    screen.contains(score),
                    "{w}×{h}, F2 {presenting}: {score} missing:\n{screen}"
                );
            }
            f2(&mut app);
        }
    }
}

#[test]
fn the_first_row_of_a_long_table_keeps_its_score() {
    let mut app = open(MARIEKE, 80, 24);
    let i = instrument_index(&app, "netwerkorganisatie");
    goto(&mut app, Screen::Instrument(i));
    let screen = app.screen();
    let row = screen
        .lines()
        .position(|l| l.contains("Scherp gepositioneerd"))
        .expect("the first row is shown");
    let score_line = screen.lines().nth(row + 1).unwrap_or("");
    assert!(
        screen.lines().nth(row).unwrap_or("").contains("[3]") || score_line.contains("[3]"),
        "row 1's score is on screen:\n{screen}"
    );
}

#[test]
fn option_descriptions_wrap_at_words() {
    let mut app = open(MARIEKE, 80, 24);
    let i = instrument_index(&app, "motieven");
    goto(&mut app, Screen::Instrument(i));
    let screen = app.screen();
    assert!(!screen.contains("doelma│"), "{screen}");
    assert!(screen.contains("doelmatigheid,"), "{screen}");
    assert!(screen.contains("betere positie."), "{screen}");
}

#[test]
fn a_dilemma_shows_that_more_follows_and_reaches_every_field() {
    let mut app = open(JOOST, 80, 24);
    let target = dilemma_of(&app, "org-sam.belang");
    goto(&mut app, target);
    let screen = app.screen();
    assert!(!screen.contains("Mijn volgende stap"), "below the fold");
    assert!(
        screen.contains('▼'),
        "a scrollbar says more follows:\n{screen}"
    );
    for _ in 0..10 {
        app.code(KeyCode::Down);
    }
    let screen = app.screen();
    assert!(screen.contains("Mijn volgende stap"), "{screen}");
    assert!(screen.contains("Vrije notitie"), "{screen}");
}

#[test]
fn the_report_message_shows_the_whole_path() {
    // A folder with a long name, so that the path needs more than one line.
    let parent = fixed_tempdir();
    let deep = parent
        .path()
        .join("een-map-met-een-lange-naam-voor-de-sessies-van-de-bestuurders");
    std::fs::create_dir(&deep).expect("folder");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    std::fs::copy(demo.join(MARIEKE), deep.join(MARIEKE)).expect("copy");
    let mut app = start(fixed_tempdir(), 80, 24);
    app.runtime = kansrijk::runtime::Runtime::new(deep.clone());
    app.msg(Msg::Open(deep.join(MARIEKE)));
    app.press('x');
    let expected = deep
        .join("demo-marieke-de-wit-zorgnetwerk-ouderen.html")
        .display()
        .to_string();
    let screen = app.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.contains("Rapport geschreven"))
        .expect("the message is shown");
    let message: String = lines[from..lines.len() - 1]
        .iter()
        .map(|l| l.trim())
        .collect();
    assert!(
        message.contains(&expected),
        "{expected} whole in:\n{screen}"
    );
}

#[test]
fn the_start_screen_shows_whole_names() {
    let mut app = demo(80, 24);
    let screen = app.screen();
    for name in [
        "Marieke de Wit",
        "Joost Bakker",
        "Jeugdalliantie",
        "Rivierenland",
    ] {
        assert!(screen.contains(name), "{name}:\n{screen}");
    }
}

#[test]
fn an_action_shows_all_of_what() {
    let mut app = open(MARIEKE, 80, 24);
    app.press('a');
    let screen = app.screen();
    for word in [
        "Portfolio",
        "samenwerkingen",
        "vertegenwoordiger",
        "vastleggen",
    ] {
        assert!(screen.contains(word), "{word}:\n{screen}");
    }
}

#[test]
fn the_editor_shows_the_whole_question() {
    let mut app = open(MARIEKE, 80, 24);
    goto(&mut app, Screen::Theme(1, 0));
    app.code(KeyCode::Enter);
    let screen = app.screen();
    assert!(
        screen.contains("In welke samenwerkingen steekt u nu de meeste tijd en energie"),
        "{screen}"
    );
    assert!(screen.contains("strategisch belang?"), "{screen}");
}

#[test]
fn the_group_view_scrolls_to_its_last_weak_condition() {
    for (w, h) in SIZES {
        let mut app = group(w, h);
        let last = "stilstand.";
        assert!(!app.screen().contains(last), "{w}×{h}: below the fold");
        for _ in 0..20 {
            app.code(KeyCode::PageDown);
        }
        let screen = app.screen();
        assert!(screen.contains(last), "{w}×{h}:\n{screen}");
        for _ in 0..20 {
            app.code(KeyCode::PageUp);
        }
        assert!(
            app.screen().contains("Gedeelde ambitie   4,3"),
            "back at the top"
        );
    }
}
