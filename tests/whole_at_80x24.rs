//! What must never be cut at the smallest size (issue 10, item 5): the footer's
//! `? hulp` and `q`, scores, names, whole words; and that what does not fit is reachable.

mod support;

use kansrijk::app::{Msg, Screen, nav};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;
use support::App;
use support::demo::*;

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
    app.press('x')
        .code(ratatui::crossterm::event::KeyCode::Enter);
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
