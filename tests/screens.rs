//! Whole screens pinned as text: every screen at 80×24 and at 120×40, with the demo
//! sessions, as insta snapshots in `tests/snapshots/`. The precise checks of what must
//! never be cut are in `whole_at_80x24.rs`.
//!
//! Write new snapshots with `INSTA_UPDATE=always cargo test --test screens` (or
//! `cargo insta review`), then read each one for cut text before committing it.

mod support;

use kansrijk::app::Screen;
use ratatui::crossterm::event::KeyCode;
use support::App;
use support::demo::*;

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

#[test]
fn group_view() {
    both("group", group);
    both("group_f2", |w, h| {
        let mut app = group(w, h);
        f2(&mut app);
        app
    });
    both("group_indicator", |w, h| {
        let mut app = group(w, h);
        app.code(KeyCode::Tab).code(KeyCode::Right);
        app
    });
    both("group_dilemmas", |w, h| {
        let mut app = group(w, h);
        app.code(KeyCode::Tab).code(KeyCode::Tab);
        app
    });
    both("group_export", |w, h| {
        let mut app = group(w, h);
        f2(&mut app);
        app.press('x');
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
fn scan_advice() {
    both("scan_advice", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('s').press('!');
        app
    });
}

#[test]
fn closing() {
    both("closing", |w, h| {
        let mut app = open(MARIEKE, w, h);
        goto(&mut app, Screen::Closing);
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
    both("export_dialog", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('x');
        app
    });
    both("export_dialog_rvt", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('x')
            .press('j')
            .press(' ')
            .press('j')
            .press('j')
            .press(' ');
        app
    });
    both("export", |w, h| {
        let mut app = open(MARIEKE, w, h);
        app.press('x').code(KeyCode::Enter);
        app
    });
}

#[test]
fn too_small() {
    let mut app = demo(80, 24);
    app.resize(79, 23);
    snap("too_small", &mut app);
}
