//! The reading pages opened from the help overlay, as a user reaches them at 80×24:
//! "Over deze handreiking" (who made the handbook, the invitation to contribute).

mod support;

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
    assert!(help.contains("over deze handreiking"), "{help}");
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
    // Esc goes back to the screen beneath.
    app.code(KeyCode::Esc);
    assert!(app.model.page.is_none());
    assert!(!app.screen().contains("Over deze handreiking"));
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
