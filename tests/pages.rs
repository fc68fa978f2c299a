//! The reading pages opened from the help overlay, as a user reaches them at 80×24:
//! "Over deze handreiking" (who made the handbook, the invitation to contribute).

mod support;

use kansrijk::app::screens::help::{self, HelpMsg};
use ratatui::crossterm::event::KeyCode;
use support::App;

/// Every line of the page body as drawn (inside the border), trailing spaces removed.
fn page_text(app: &mut App) -> String {
    app.screen()
}

/// Scrolls the open page down a line at a time and collects everything shown.
fn read_whole_page(app: &mut App) -> String {
    let mut seen = page_text(app);
    for _ in 0..80 {
        app.code(KeyCode::Down);
        seen.push_str(&page_text(app));
    }
    seen
}

#[test]
fn about_is_reached_from_help_and_names_makers_and_the_invitation() {
    let mut app = App::start();
    app.press('?');
    let help = app.screen();
    assert!(
        help.contains("Lezen: i over de handreiking · w wegwijzer · r rollen · n na de scan"),
        "{help}"
    );
    app.press('i');
    let first = app.screen();
    assert!(first.contains("Over deze handreiking"), "{first}");
    assert!(first.contains("governancecommissie van de NVZD"), "{first}");
    assert!(first.contains("Common Eye"), "{first}");
    assert!(first.contains("↓ meer"), "{first}");
    let all = read_whole_page(&mut app);
    for needle in [
        "Barbara Geurtsen en Wilfrid Opheij waren de",
        "penvoerders",
        "Manon de Caluwé",
        "info@nvzd.nl",
        "samenwerkingslab.nl",
    ] {
        assert!(all.contains(needle), "{needle} not shown");
    }
    // At the end nothing more is announced, and End goes there directly.
    app.code(KeyCode::Home).code(KeyCode::End);
    let last = app.screen();
    assert!(last.contains("samenwerkingslab.nl"), "{last}");
    assert!(!last.contains("↓ meer"), "{last}");
    // Esc goes back to the help it was opened from, and Esc again to the screen beneath.
    app.code(KeyCode::Esc);
    assert!(app.model.page.is_none());
    assert!(app.model.help, "back in the help");
    assert!(!app.screen().contains("Over deze handreiking"));
    app.code(KeyCode::Esc);
    assert!(!app.model.help);
}

#[test]
fn about_lines_fit_the_page_at_80_by_24() {
    let mut app = App::start();
    app.press('?').press('i');
    let (width, _) = kansrijk::app::page::text_size(&app.model);
    let page = app.model.page.expect("page open");
    let lines = kansrijk::app::page::lines(&app.model.content, page, width);
    assert!(lines.len() > 10);
    for l in &lines {
        assert!(l.text.chars().count() <= width, "{}", l.text);
    }
    // Every paragraph word reaches the screen: scrolling shows each wrapped line whole.
    let shown = read_whole_page(&mut app);
    for l in lines.iter().filter(|l| !l.text.is_empty()) {
        assert!(shown.contains(&l.text), "cut or missing: {}", l.text);
    }
}

#[test]
fn about_opens_from_help_inside_a_session_too() {
    let (mut app, _) = App::with_session();
    app.press('?').press('i');
    assert!(app.screen().contains("Over deze handreiking"));
    // The footer names the page's keys.
    let screen = app.screen();
    assert!(screen.contains("Esc terug"), "{screen}");
    app.code(KeyCode::Esc);
    assert!(app.model.page.is_none());
}

#[test]
fn the_wegwijzer_is_browsed_from_help_with_name_kind_and_line() {
    let mut app = App::start();
    app.press('?').press('w');
    let first = app.screen();
    assert!(first.contains("Wegwijzer: praktijkvoorbeelden"), "{first}");
    // The handbook's note that the list is not complete is on the first screen.
    assert!(first.contains("niet compleet"), "{first}");
    assert!(first.contains("Regionale samenwerking"), "{first}");
    let all = read_whole_page(&mut app);
    for needle in [
        "• Noord-Holland Noord Gezond (nhngezond.nl): Regionale samenwerking in",
        "Domeinoverstijgende samenwerking (gebiedsgericht)",
        "• Proeftuin Ruwaard (proeftuinruwaard.nl):",
        "Sectorale samenwerking",
        "• Santeon (santeon.nl): Zeven topklinische ziekenhuizen die samen de zorg",
        "• Raku (umcutrecht.nl/nl/raku):",
    ] {
        assert!(all.contains(needle), "{needle} not shown");
    }
    app.code(KeyCode::Esc);
    assert!(app.model.page.is_none());
}

#[test]
fn the_leadership_roles_page_shows_each_role_in_full() {
    let (mut app, _) = App::with_session();
    app.press('?').press('r');
    assert!(app.screen().contains("Leiderschapsrollen in een netwerk"));
    let all = read_whole_page(&mut app);
    for needle in [
        "De netwerkleider als strateeg (richten · verduurzamen)",
        "Kernvraag: Hoe geven we de koers van het netwerk inhoud?",
        "De netwerkleider als procesmanager",
        "Bron: De Caluwé & Kaats (2016)",
    ] {
        assert!(all.contains(needle), "{needle} not shown");
    }
    // Every wrapped line of both pages fits the 80-column page whole.
    for page in [
        kansrijk::app::page::Page::Roles,
        kansrijk::app::page::Page::Wegwijzer,
        kansrijk::app::page::Page::FollowUp,
    ] {
        app.msg(help::msg(HelpMsg::OpenPage(page)));
        let (width, _) = kansrijk::app::page::text_size(&app.model);
        let lines = kansrijk::app::page::lines(&app.model.content, page, width);
        let shown = read_whole_page(&mut app);
        for l in lines.iter().filter(|l| !l.text.is_empty()) {
            assert!(l.text.chars().count() <= width, "{}", l.text);
            assert!(shown.contains(&l.text), "cut or missing: {}", l.text);
        }
    }
}

#[test]
fn after_the_scan_page_gives_the_follow_up_and_the_five_characteristics() {
    let (mut app, _) = App::with_session();
    app.press('s').press('?');
    let help = app.screen();
    assert!(
        help.contains("Lezen: i over de handreiking · w wegwijzer · r rollen · n na de scan"),
        "{help}"
    );
    app.press('n');
    let first = app.screen();
    assert!(first.contains("Na de scan: samen verder"), "{first}");
    assert!(first.contains("1. Doe het samen"), "{first}");
    let all = read_whole_page(&mut app);
    for needle in [
        "Stel uw oordeel uit (Isaacs, 1999)",
        "Vijf kenmerken van een samenwerkingsvraagstuk",
        "Gesplitste loyaliteit",
        "Een nieuwe werkelijkheid",
        "Bron: Kaats & Opheij (2023)",
    ] {
        assert!(all.contains(needle), "{needle} not shown");
    }
    // Back to the help, then to the scan where it was opened.
    app.code(KeyCode::Esc).code(KeyCode::Esc);
    assert!(!app.model.help);
    assert_eq!(app.model.screen, kansrijk::app::Screen::Scan);
}
