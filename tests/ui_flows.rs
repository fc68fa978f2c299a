//! User stories on a TestBackend: keys through the keymap and `update`, the screen via `view`.

mod support;

use kansrijk::session::Answer;
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use support::{App, create_session};

#[test]
fn new_session_from_the_start_screen() {
    let mut app = App::start();
    assert!(app.screen().contains("Nog geen sessies"));
    app.press('n');
    let screen = app.screen();
    assert!(screen.contains("Nieuwe sessie"), "{screen}");
    app.type_text("Anne Jansen")
        .code(KeyCode::Tab)
        .type_text("Zorggroep Oost")
        .code(KeyCode::Tab)
        .type_text("Wijkzorg Noord")
        .code(KeyCode::Tab)
        .press(' ')
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(
        screen.contains("Anne Jansen · Wijkzorg Noord · coachgesprek"),
        "{screen}"
    );
    assert!(
        screen.contains("Bestuur en toezicht"),
        "the overview opens: {screen}"
    );
    let open = app.model.open.as_ref().expect("a session is open");
    let on_disk = store::load(&open.path).expect("the new session is on disk");
    assert_eq!(on_disk.bestuurder, "Anne Jansen");
    assert_eq!(on_disk.samenwerking, "Wijkzorg Noord");
    assert_eq!(on_disk.organisatie, "Zorggroep Oost");
}

#[test]
fn form_refuses_an_empty_name_and_keeps_what_was_typed() {
    let mut app = App::start();
    app.press('n')
        .code(KeyCode::Tab)
        .type_text("Eigen org")
        .code(KeyCode::Enter);
    let screen = app.screen();
    assert!(
        screen.contains("Vul de naam van de bestuurder in."),
        "{screen}"
    );
    assert!(screen.contains("Eigen org"), "{screen}");
    // Letter keys type in the form; q does not quit.
    app.type_text("q");
    assert!(!app.runtime.quit);
}

#[test]
fn the_mode_field_names_the_keys_that_switch_it_and_only_there_they_switch() {
    let mut app = App::start();
    app.press('n').type_text("Anne de Wit");
    // On a text field space and the arrows type and move the cursor.
    assert_eq!(app.model.form.value(0), "Anne de Wit");
    let before = app.model.form.mode;
    app.code(KeyCode::Right);
    assert_eq!(app.model.form.mode, before);
    app.code(KeyCode::Tab).code(KeyCode::Tab).code(KeyCode::Tab);
    let screen = app.screen();
    // The hint is made from the keys bound to switching the mode.
    assert!(screen.contains("spatie of ←/→ wisselt"), "{screen}");
    app.code(KeyCode::Right);
    assert_ne!(app.model.form.mode, before);
    app.press(' ');
    assert_eq!(app.model.form.mode, before);
    app.code(KeyCode::Left);
    assert_ne!(app.model.form.mode, before);
}

#[test]
fn start_screen_lists_sessions_and_moves_with_j_and_k() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_session(dir.path(), "Anne Jansen", "Wijkzorg Noord");
    create_session(dir.path(), "Bram de Boer", "Regio Zorgalliantie");
    let mut app = App::start_in(dir, 80, 24);
    let screen = app.screen();
    assert!(screen.contains("Anne Jansen"), "{screen}");
    assert!(screen.contains("Bram de Boer"), "{screen}");
    assert_eq!(app.model.selected, 0);
    app.press('j');
    assert_eq!(app.model.selected, 1);
    app.press('k');
    assert_eq!(app.model.selected, 0);
    app.code(KeyCode::Down).code(KeyCode::Enter);
    assert!(app.screen().contains("Quick scan"));
}

#[test]
fn scan_opens_on_the_first_ambitie_item_and_answers_move_on() {
    let (mut app, path) = App::with_session();
    app.press('s');
    let screen = app.screen();
    assert!(
        screen.contains("Vraag 1 van 20 · Gedeelde ambitie"),
        "{screen}"
    );
    app.press('4').press('4').press('5').press('5');
    let screen = app.screen();
    assert!(screen.contains("Vraag 5 van 20 · Belangen"), "{screen}");
    // The score of ambitie, with a Dutch decimal comma, in the scores panel.
    assert!(screen.contains("4,5 4/4"), "{screen}");
    app.press('0');
    app.flush();
    let saved = store::load(&path).expect("saved");
    assert_eq!(
        saved.answers.get("ambitie.gedeeld"),
        Some(&Answer::Score(4))
    );
    assert_eq!(
        saved.answers.get("ambitie.persoonlijk"),
        Some(&Answer::Score(5))
    );
    assert_eq!(
        saved.answers.get("belangen.interesse"),
        Some(&Answer::DontKnow)
    );
}

#[test]
fn weak_condition_is_flagged_with_its_risk() {
    let (mut app, _) = App::with_session();
    app.press('s');
    app.code(KeyCode::PageDown); // to belangen
    app.press('2').press('1').press('2');
    app.code(KeyCode::Up);
    let screen = app.screen();
    assert!(screen.contains("! zwak"), "{screen}");
    assert!(screen.contains("! Let op:"), "{screen}");
    assert!(screen.contains("1,7"), "{screen}");
}

#[test]
fn arrows_move_between_items_and_stay_in_range() {
    let (mut app, _) = App::with_session();
    app.press('s');
    app.code(KeyCode::Up);
    assert!(app.screen().contains("Vraag 1 van 20"));
    for _ in 0..30 {
        app.code(KeyCode::Down);
    }
    assert!(app.screen().contains("Vraag 20 van 20 · Proces"));
    app.press('3');
    assert!(
        app.screen().contains("Vraag 20 van 20"),
        "the last answer stays on the last item"
    );
}

#[test]
fn note_editor_takes_diacritics_undo_and_saves() {
    let (mut app, path) = App::with_session();
    app.press('s').press('e');
    let screen = app.screen();
    assert!(screen.contains("Notitie bij Gedeelde ambitie"), "{screen}");
    app.type_text("Één café, reünie en qe");
    assert!(!app.runtime.quit, "q types in the editor");
    let screen = app.screen();
    assert!(screen.contains("Één café, reünie en qe"), "{screen}");
    app.ctrl('u'); // undo the last edit
    app.code(KeyCode::Esc);
    app.flush();
    let note = store::load(&path)
        .expect("saved")
        .notes
        .get("ambitie")
        .cloned();
    assert_eq!(note.as_deref(), Some("Één café, reünie en q"));
    // Back in the scan: the note's first line is shown under the question.
    assert!(app.screen().contains("Notitie: Één café"));
}

#[test]
fn editor_handles_a_long_paste_with_lines() {
    let (mut app, path) = App::with_session();
    app.press('s').press('e');
    let paragraph = "Wij spreken af om elk kwartaal samen terug te kijken. ".repeat(40);
    let pasted = format!("{paragraph}\r\n\r\n{paragraph}\x1b[31m");
    app.msg(kansrijk::app::Msg::Paste(pasted.repeat(20)));
    app.screen();
    app.code(KeyCode::Esc).flush();
    let note = store::load(&path).expect("saved").notes["ambitie"].clone();
    assert!(note.len() > 80_000, "whole paste kept: {}", note.len());
    assert!(note.contains("kwartaal samen\u{20}terug"));
    assert!(!note.contains('\r'), "line ends normalised");
    assert!(!note.contains('\x1b'), "no escape characters from a paste");
}

#[test]
fn word_wrap_at_exact_width_does_not_start_a_line_with_a_space() {
    let (mut app, _) = App::with_session();
    app.press('s').press('e');
    // The editor is 44 wide at 80×24 (42 inside the border).
    let first = "a".repeat(20) + " " + &"b".repeat(21);
    app.type_text(&format!("{first} volgende woorden"));
    let screen = app.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("volgende"))
        .expect("second line visible");
    let inner = line.trim_start_matches('│');
    assert!(
        !inner.starts_with(' ') || inner.trim_start().starts_with("volgende"),
        "{screen}"
    );
}

#[test]
fn tiny_terminal_shows_a_message_and_recovers() {
    let (mut app, _) = App::with_session();
    app.press('s');
    app.resize(79, 23);
    let screen = app.screen();
    assert!(screen.contains("Het venster is te klein."), "{screen}");
    assert!(screen.contains("Nu 79 × 23."), "{screen}");
    app.resize(80, 24);
    assert!(app.screen().contains("Vraag 1 van 20"));
}

#[test]
fn help_lists_the_keys_of_the_screen_beneath() {
    let (mut app, _) = App::with_session();
    app.press('s').press('?');
    let screen = app.screen();
    assert!(screen.contains("Hulp"), "{screen}");
    assert!(screen.contains("weet ik niet"), "{screen}");
    assert!(screen.contains("notitie"), "{screen}");
    app.code(KeyCode::Esc);
    assert!(!app.screen().contains("Hulp"));
    // Esc again goes back to the overview, then to the start screen.
    app.code(KeyCode::Esc);
    assert!(app.screen().contains("Onze samenwerking(en)"), "overview");
    app.code(KeyCode::Esc);
    assert!(app.screen().contains("Sessies"));
}

#[test]
fn footer_shows_the_keys_that_apply_now() {
    let (mut app, _) = App::with_session();
    app.press('s');
    let screen = app.screen();
    let footer = screen.lines().nth(23).unwrap_or_default();
    assert!(footer.contains("1-5 antwoord"), "{footer}");
    assert!(footer.contains("0 weet ik niet"), "{footer}");
    app.press('e');
    let screen = app.screen();
    let footer = screen.lines().nth(23).unwrap_or_default();
    assert!(footer.contains("Esc klaar"), "{footer}");
    assert!(!footer.contains("antwoord"), "{footer}");
}

#[test]
fn q_quits_and_everything_is_on_disk() {
    let (mut app, path) = App::with_session();
    app.press('s').press('3').press('e').type_text("nog even");
    app.ctrl('c');
    assert!(app.runtime.quit);
    app.flush();
    let saved = store::load(&path).expect("saved");
    assert_eq!(
        saved.notes.get("ambitie").map(String::as_str),
        Some("nog even")
    );
    assert_eq!(saved.answers.len(), 1);
}

#[test]
fn reopening_shows_the_same_scores() {
    let (mut app, path) = App::with_session();
    app.press('s');
    for c in "44555555".chars() {
        app.press(c);
    }
    app.flush();
    app.press('q');
    // Reopen in a new app on the same folder: the radar and the numbers are back.
    let App { dir, .. } = app;
    let mut again = App::start_in(dir, 80, 24);
    again.msg(kansrijk::app::Msg::Open(path.clone())).press('s');
    let screen = again.screen();
    assert!(screen.contains("4,5 4/4"), "{screen}");
    assert!(screen.contains("5,0 4/4"), "{screen}");
    assert!(screen.contains('●'), "{screen}");
    let content = kansrijk::content::Content::embedded().expect("content");
    let reloaded = store::load(&path).expect("reload");
    let result = kansrijk::scan::score(&content.scan, &reloaded.answers);
    assert_eq!(result.conditions[0].score, Some(4.5));
    assert_eq!(result.conditions[1].score, Some(5.0));
}

#[test]
fn unreadable_file_is_listed_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_session(dir.path(), "Anne Jansen", "Wijkzorg Noord");
    let bad = dir.path().join("kapot.ron");
    let bytes = b"(\n    schema: 1,\n    id: \"x\",\n    created: \n".to_vec();
    std::fs::write(&bad, &bytes).expect("write");
    let mut app = App::start_in(dir, 100, 30);
    let screen = app.screen();
    assert!(screen.contains("onleesbaar"), "{screen}");
    assert!(screen.contains("kapot.ron"), "{screen}");
    assert!(screen.contains("regel 4"), "{screen}");
    app.code(KeyCode::Down).code(KeyCode::Enter);
    let screen = app.screen();
    assert!(
        screen.contains("onleesbaar en blijft onaangeroerd"),
        "{screen}"
    );
    // The good session still opens.
    app.code(KeyCode::Up)
        .code(KeyCode::Enter)
        .press('s')
        .press('5');
    app.flush();
    assert_eq!(std::fs::read(&bad).expect("read"), bytes);
}

#[test]
fn second_instance_opens_read_only_and_cannot_change_anything() {
    let (mut first, path) = App::with_session();
    let dir2 = tempfile::tempdir().expect("tempdir");
    let mut second = App::start_in(dir2, 80, 24);
    second.msg(kansrijk::app::Msg::Open(path.clone()));
    let screen = second.screen();
    assert!(screen.contains("Alleen-lezen"), "{screen}");
    assert!(screen.contains("al geopend"), "{screen}");
    second.press('s').press('1');
    second.flush();
    assert!(store::load(&path).expect("load").answers.is_empty());
    first.press('s').press('4').flush();
    assert_eq!(store::load(&path).expect("load").answers.len(), 1);
}

#[test]
fn no_color_draws_without_colours() {
    let (mut app, _) = App::with_session();
    app.model.no_color = true;
    app.press('s').press('1').press('5');
    let buf = app.buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    // Vertices stay visible as markers without colour.
    assert!(support::buffer_text(&buf).contains('●'));
}

#[test]
fn control_characters_in_names_are_shown_harmlessly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = create_session(dir.path(), "Anne\x1b[2JJansen", "Wijk\x07zorg");
    let mut app = App::start_in(dir, 80, 24);
    let buf = app.buffer();
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(char::is_control), "{cell:?}");
    }
    let text = support::buffer_text(&buf);
    assert!(text.contains("Anne␛[2J"), "{text}");
    // Stored intact.
    assert_eq!(
        store::load(&path).expect("load").bestuurder,
        "Anne\x1b[2JJansen"
    );
}

#[test]
fn help_fits_at_80_by_24_on_every_screen() {
    let (mut app, _) = App::with_session();
    for key in ['o', 's', 'p', 't', 'a'] {
        app.press(key).press('?');
        let screen = app.screen();
        assert!(screen.contains("Esc of ? sluit"), "{screen}");
        assert!(
            screen.contains("stoppen"),
            "the last key is visible: {screen}"
        );
        assert!(screen.contains("hulp"), "{screen}");
        app.press('?');
    }
}

#[test]
fn quitting_with_an_unsaved_change_asks_first() {
    let (mut app, _) = App::with_session();
    app.press('s').press('3');
    let path = app.model.open.as_ref().expect("open").path.clone();
    app.msg(kansrijk::app::Msg::Saved {
        path,
        generation: app.model.open.as_ref().expect("open").generation,
        result: Err("de schijf is vol".into()),
    });
    app.press('q');
    assert!(!app.runtime.quit, "the first q warns");
    assert!(app.screen().contains("nog eens op q"));
    app.press('q');
    assert!(app.runtime.quit, "the second q quits");
}

#[test]
fn invisible_and_direction_characters_are_shown_as_marks() {
    let shown = kansrijk::text::safe("Anne\u{202e}nesnaJ\u{200b}");
    assert_eq!(shown, "Anne\u{fffd}nesnaJ\u{fffd}");
}

#[test]
fn a_long_list_scrolls_with_the_selection() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..40 {
        create_session(dir.path(), &format!("Bestuurder {i:02}"), "Netwerk");
    }
    let mut app = App::start_in(dir, 80, 24);
    assert!(app.screen().contains("Bestuurder 00"));
    for _ in 0..39 {
        app.press('j');
    }
    let screen = app.screen();
    assert!(screen.contains("▸ Bestuurder 39"), "{screen}");
    assert!(!screen.contains("Bestuurder 00"), "{screen}");
    app.code(KeyCode::Home);
    assert!(app.screen().contains("▸ Bestuurder 00"));
}

#[test]
fn a_one_line_field_names_its_keys_and_enter_finishes_it() {
    let (mut app, _) = App::with_session();
    app.press('a').press('+');
    let screen = app.screen();
    // The hint is made from the one-line editor's bindings.
    assert!(screen.contains("Enter of Esc: klaar"), "{screen}");
    app.type_text("Bellen").code(KeyCode::Enter);
    let open = app.model.open.as_ref().expect("open");
    assert!(open.editor.is_none(), "Enter closes a one-line field");
    assert_eq!(open.session.actions[0].what, "Bellen");
}
