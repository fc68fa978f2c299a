//! Issue 13 in the TUI: the scan gives advice for its weak conditions, "weet ik niet"
//! stays visible, the guided path ends in "Wat neem ik mee?", and in zelfreflectie the
//! private note is the user's own. Driven by keys through the keymap, `update` and `view`.

mod support;

use kansrijk::app::Screen;
use kansrijk::place::Place;
use kansrijk::session::{Answer, DilemmaReflection, Mode, Session};
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use support::App;

/// A session of the given mode, written into a fresh folder and opened (overview).
fn open_with(mode: Mode, edit: impl FnOnce(&mut Session), w: u16, h: u16) -> App {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        mode,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    edit(&mut s);
    let path = store::create(dir.path(), &s).expect("create the session");
    let mut app = App::start_in(dir, w, h);
    app.msg(kansrijk::app::Msg::Open(path));
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Overview, "{}", app.screen());
    app
}

/// Open the scan, go to Belangen and answer 1, 1, 2 and "weet ik niet": 1,3.
fn belangen_weak(app: &mut App) {
    app.press('s').code(KeyCode::PageDown);
    app.press('1').press('1').press('2').press('0');
}

fn saved(app: &mut App) -> Session {
    app.flush();
    let path = app.model.open.as_ref().expect("open").path.clone();
    store::load(&path).expect("the saved session")
}

fn title_of_theme(app: &App, id: &str) -> String {
    app.model.content.theme(id).expect("theme").1.title.clone()
}

fn title_of_dilemma(app: &App, id: &str) -> String {
    app.model
        .content
        .dilemma(id)
        .expect("dilemma")
        .1
        .title
        .clone()
}

#[test]
fn a_weak_condition_with_one_dont_know_shows_its_advice_in_the_scan() {
    let mut app = open_with(Mode::Zelfreflectie, |_| {}, 120, 40);
    belangen_weak(&mut app);
    let screen = app.screen();
    // "Weet ik niet" stays visible: in the list and in the scores.
    assert!(
        screen.contains("Belangen  1,3  3 + 1 weet niet  ! zwak"),
        "{screen}"
    );
    assert!(screen.contains("1,3 3 + 1 weet niet ! zwak"), "{screen}");
    assert!(!screen.contains("4/4"), "{screen}");
    // The key for the advice is in the footer.
    assert!(screen.contains("! advies"), "{screen}");

    app.press('!');
    let screen = app.screen();
    assert!(
        screen.contains("Advies bij de zwakke condities"),
        "{screen}"
    );
    assert!(screen.contains("Belangen 1,3"), "{screen}");
    let theme = title_of_theme(&app, "samenwerking.motieven");
    let dilemma = title_of_dilemma(&app, "org-sam.belang");
    assert!(screen.contains(&format!("Thema · {theme}")), "{screen}");
    assert!(screen.contains(&format!("Dilemma · {dilemma}")), "{screen}");
    assert!(
        screen.contains("Motieven en belangen op tafel brengen"),
        "the one-line reason: {screen}"
    );
    assert!(
        screen.contains("Om over na te denken: Welk belang"),
        "the reflection prompt: {screen}"
    );
    // The footer says how to go there and back.
    assert!(screen.contains("Enter erheen"), "{screen}");
    assert!(screen.contains("!/Esc terug naar de vragen"), "{screen}");

    // Enter on the first item opens that theme; Esc comes back to the scan's questions.
    app.code(KeyCode::Enter);
    let theme_screen = app.model.screen;
    assert!(
        matches!(theme_screen, Screen::Theme(..)),
        "{theme_screen:?}"
    );
    assert!(app.screen().contains(&theme), "{}", app.screen());
    app.code(KeyCode::Esc);
    assert_eq!(app.model.screen, Screen::Scan);
    assert!(app.screen().contains("Indicatoren"), "{}", app.screen());

    // Down to the dilemma (third item) and Enter: that dilemma.
    app.press('!').code(KeyCode::Down).code(KeyCode::Down);
    app.code(KeyCode::Enter);
    let screen = app.model.screen;
    assert_eq!(
        Some(screen),
        kansrijk::app::nav::screen_of(&app.model.content, &Place::Dilemma("org-sam.belang".into()))
    );
}

#[test]
fn the_advice_panel_at_80x24_is_readable_and_makes_an_afspraak() {
    let mut app = open_with(Mode::Zelfreflectie, |_| {}, 80, 24);
    belangen_weak(&mut app);
    let screen = app.screen();
    // In the scores beside the radar "zwak" gives way to the counts at this width.
    assert!(
        screen.contains("│Belangen     1,3 3 + 1 weet niet !│"),
        "{screen}"
    );
    // The list's frame names the key of the advice (the footer has no room for it).
    assert!(screen.contains("!: advies"), "{screen}");
    app.code(KeyCode::PageUp);
    let screen = app.screen();
    assert!(
        screen.contains("│Belangen  1,3  3 + 1 weet niet  ! zwak"),
        "{screen}"
    );
    app.press('!');
    let screen = app.screen();
    assert!(screen.contains("Belangen 1,3"), "{screen}");
    assert!(screen.contains("▸ Thema ·"), "{screen}");
    // '+' makes the chosen item an afspraak, linked to its place; a second '+' does not
    // add it twice.
    app.press('+');
    assert!(app.screen().contains("✓ afspraak"), "{}", app.screen());
    app.press('+');
    let s = saved(&mut app);
    assert_eq!(s.actions.len(), 1, "{:?}", s.actions);
    assert_eq!(s.actions[0].link, "thema:samenwerking.motieven");
    assert!(s.actions[0].what.contains("Motieven"), "{:?}", s.actions[0]);
    assert_eq!(
        s.answers.get("belangen.interesse"),
        Some(&Answer::Score(1)),
        "the answers are saved"
    );
}

#[test]
fn several_dont_know_become_advice_of_their_own() {
    let mut app = open_with(Mode::Zelfreflectie, |_| {}, 120, 40);
    // Relatie: 4, weet niet, weet niet, 4.
    app.press('s')
        .code(KeyCode::PageDown)
        .code(KeyCode::PageDown);
    app.press('4').press('0').press('0').press('4');
    let screen = app.screen();
    assert!(screen.contains("Relatie  4,0  2 + 2 weet niet"), "{screen}");
    app.press('!');
    let screen = app.screen();
    assert!(
        screen.contains("Hier is zicht nodig: Relatie (2 × weet ik niet)"),
        "{screen}"
    );
    assert!(screen.contains("Wie zou dit wel weten"), "{screen}");
    assert!(
        screen.contains("Geen conditie scoort onder 3,0."),
        "{screen}"
    );
    // Enter on the first unknown indicator goes back to that question in the scan.
    app.code(KeyCode::Enter);
    let open = app.model.open.as_ref().expect("open");
    assert_eq!(app.model.screen, Screen::Scan);
    assert!(open.advice.is_none());
    let focused = app
        .model
        .content
        .scan
        .items()
        .nth(open.focus)
        .map(|(_, i)| i.id.clone());
    assert_eq!(focused.as_deref(), Some("relatie.groep"));
}

#[test]
fn the_overview_tile_shows_dont_know() {
    let mut app = open_with(
        Mode::Zelfreflectie,
        |s| {
            s.answers.insert("belangen.waarde".into(), Answer::DontKnow);
            s.answers
                .insert("belangen.interesse".into(), Answer::Score(2));
        },
        80,
        24,
    );
    let screen = app.screen();
    assert!(screen.contains("┌ Scan 2/20, 1 weet niet ─┐"), "{screen}");
}

#[test]
fn the_guided_path_ends_in_wat_neem_ik_mee() {
    let mut app = open_with(
        Mode::Zelfreflectie,
        |s| {
            for (id, a) in [
                ("belangen.interesse", Answer::Score(1)),
                ("belangen.waarde", Answer::Score(1)),
                ("belangen.onderhandeling", Answer::Score(2)),
                ("belangen.dialoog", Answer::DontKnow),
            ] {
                s.answers.insert(id.into(), a);
            }
            s.dilemmas.insert(
                "org-sam.belang".into(),
                DilemmaReflection {
                    next_step: "Met de wethouder het netwerkbelang bespreken".into(),
                    ..Default::default()
                },
            );
        },
        80,
        24,
    );
    app.press('a').code(KeyCode::Tab);
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Closing, "{}", app.screen());
    let screen = app.screen();
    assert!(screen.contains("Wat neem ik mee?"), "{screen}");
    assert!(screen.contains("Zwakste condities"), "{screen}");
    assert!(screen.contains("Belangen 1,3"), "{screen}");
    // The footer names the closing keys.
    assert!(screen.contains("Enter erheen"), "{screen}");
    assert!(screen.contains("+ afspraak van maken"), "{screen}");
    // The last stop: one more step says so.
    app.code(KeyCode::Tab);
    assert_eq!(app.model.screen, Screen::Closing);
    assert!(app.screen().contains("laatste stap"), "{}", app.screen());

    // End goes to the last takeaway: the next step on the dilemma; '+' makes it an
    // afspraak linked to the dilemma.
    app.code(KeyCode::End);
    let screen = app.screen();
    assert!(screen.contains("Beantwoord met ‘weet ik niet’"), "{screen}");
    assert!(
        screen.contains("Met de wethouder het netwerkbelang bespreken"),
        "{screen}"
    );
    app.press('+');
    // Up: the "weet ik niet" answer; '+' makes "Navragen: …" linked to its condition.
    app.code(KeyCode::Up).press('+');
    let s = saved(&mut app);
    let actions: Vec<(&str, &str)> = s
        .actions
        .iter()
        .map(|a| (a.what.as_str(), a.link.as_str()))
        .collect();
    assert_eq!(actions.len(), 2, "{actions:?}");
    assert_eq!(
        actions[0],
        (
            "Met de wethouder het netwerkbelang bespreken",
            "dilemma:org-sam.belang"
        )
    );
    assert!(actions[1].0.starts_with("Navragen: "), "{actions:?}");
    assert_eq!(actions[1].1, "conditie:belangen");
    // Enter goes to the place: the scan, at the question not known.
    app.code(KeyCode::Enter);
    assert_eq!(app.model.screen, Screen::Scan);
    let focus = app.model.open.as_ref().expect("open").focus;
    let id = app
        .model
        .content
        .scan
        .items()
        .nth(focus)
        .map(|(_, i)| i.id.clone());
    assert_eq!(id.as_deref(), Some("belangen.dialoog"));
}

#[test]
fn wat_neem_ik_mee_is_a_tile_of_the_overview() {
    let mut app = open_with(Mode::Zelfreflectie, |_| {}, 80, 24);
    let screen = app.screen();
    assert!(screen.contains("Wat neem ik mee?"), "{screen}");
    // From the scan tile one step right.
    for _ in 0..4 {
        app.code(KeyCode::Down);
    }
    app.code(KeyCode::Enter);
    let screen = app.model.screen;
    assert_eq!(screen, Screen::Closing, "{}", app.screen());
    let screen = app.screen();
    assert!(
        screen.contains("Geen conditie scoort onder 3,0."),
        "{screen}"
    );
    assert!(
        screen.contains("Geen vraag beantwoord met ‘weet ik niet’."),
        "{screen}"
    );
}

// ---------------------------------------------------------------------------------------
// Item 6: in zelfreflectie the private note is "Mijn notitie", and it is in one's report.

#[test]
fn in_zelfreflectie_the_private_note_is_mijn_notitie_and_in_the_own_report() {
    let mut app = open_with(Mode::Zelfreflectie, |_| {}, 120, 40);
    app.press('s').press('?');
    let help = app.screen();
    assert!(help.contains("c  mijn notitie (privé)"), "{help}");
    assert!(!help.contains("coach"), "{help}");
    app.code(KeyCode::Esc);
    app.press('c');
    let screen = app.screen();
    assert!(
        screen.contains("Mijn notitie (privé)"),
        "the editor's title: {screen}"
    );
    assert!(!screen.contains("coach"), "{screen}");
    app.type_text("EIGEN-NOTITIE over ambitie")
        .code(KeyCode::Esc);
    let screen = app.screen();
    assert!(
        screen.contains("Mijn notitie (privé) — c"),
        "the panel: {screen}"
    );
    assert!(!screen.contains("Coachnotitie"), "{screen}");
    let s = saved(&mut app);
    assert_eq!(
        s.coach_notes.get("conditie:ambitie").map(String::as_str),
        Some("EIGEN-NOTITIE over ambitie")
    );
    // The report of the workbook (x, then Enter for the full report) holds it, under
    // "Mijn notities".
    app.press('x').code(KeyCode::Enter);
    let path = app.model.open.as_ref().expect("open").path.clone();
    let html = std::fs::read_to_string(path.with_extension("html")).expect("report");
    assert!(
        html.contains("EIGEN-NOTITIE over ambitie"),
        "own note in the report"
    );
    assert!(html.contains("<h2>Mijn notities</h2>"));
    assert!(!html.contains("Notities van de coach"));
}

#[test]
fn in_a_coachgesprek_the_note_is_the_coachs_and_stays_out_of_the_report() {
    let mut app = open_with(Mode::Coachgesprek, |_| {}, 120, 40);
    app.press('s').press('?');
    assert!(app.screen().contains("c  notitie van de coach (privé)"));
    app.code(KeyCode::Esc);
    app.press('c');
    assert!(app.screen().contains("Notitie van de coach (privé)"));
    app.type_text("GEHEIM-COACH").code(KeyCode::Esc);
    assert!(app.screen().contains("Coachnotitie (privé) — c"));
    app.flush().press('x').code(KeyCode::Enter);
    let path = app.model.open.as_ref().expect("open").path.clone();
    let html = std::fs::read_to_string(path.with_extension("html")).expect("report");
    assert!(!html.contains("GEHEIM-COACH"));
    assert!(!html.contains("Mijn notities"));
}

#[test]
fn cli_export_takes_the_own_note_by_default_but_not_the_coachs_nor_into_the_rvt_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut own = support::sample();
    own.mode = Mode::Zelfreflectie;
    own.coach_notes
        .insert("overzicht".into(), "EIGEN-NOTITIE".into());
    let own_file = dir.path().join("eigen.ron");
    store::save(&own_file, &own).expect("save");
    let mut coach = support::sample();
    coach
        .coach_notes
        .insert("overzicht".into(), "GEHEIM-COACH".into());
    let coach_file = dir.path().join("coach.ron");
    store::save(&coach_file, &coach).expect("save");

    let export = |args: &[&str], file: &std::path::Path| {
        let out = support::run(support::kansrijk().arg("export").args(args).arg(file));
        assert!(out.status.success(), "{out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let path = stdout.lines().last().expect("path").to_string();
        (stdout, std::fs::read_to_string(path).expect("report"))
    };
    let (said, md) = export(&["--formaat", "md"], &own_file);
    assert!(said.contains("met uw eigen notities"), "{said}");
    assert!(
        md.contains("## Mijn notities") && md.contains("EIGEN-NOTITIE"),
        "{md}"
    );
    let (said, md) = export(&["--formaat", "md", "--rvt"], &own_file);
    assert!(said.contains("zonder uw eigen notities"), "{said}");
    assert!(!md.contains("EIGEN-NOTITIE"), "{md}");
    let (said, md) = export(&["--formaat", "md"], &coach_file);
    assert!(said.contains("zonder de notities van de coach"), "{said}");
    assert!(!md.contains("GEHEIM-COACH"), "{md}");
    let (said, md) = export(
        &["--formaat", "md", "--met-notities", "--overschrijf"],
        &coach_file,
    );
    assert!(said.contains("met de notities van de coach"), "{said}");
    assert!(md.contains("## Notities van de coach") && md.contains("GEHEIM-COACH"));
}

#[test]
fn at_80x24_a_weak_condition_with_an_open_question_and_a_dont_know_is_not_cut() {
    let mut app = open_with(
        Mode::Zelfreflectie,
        |s| {
            s.answers
                .insert("organisatie.structuur".into(), Answer::Score(2));
            s.answers
                .insert("organisatie.draagvlak".into(), Answer::Score(2));
            s.answers
                .insert("organisatie.daadkracht".into(), Answer::DontKnow);
        },
        80,
        24,
    );
    app.press('s').code(KeyCode::PageDown);
    app.code(KeyCode::PageDown).code(KeyCode::PageDown);
    let screen = app.screen();
    assert!(
        screen.contains("│Organisatie 2,0 2 + 1 weet niet van 4 !"),
        "{screen}"
    );
    assert!(
        screen.contains("│Organisatie    2,0 2+1 weet niet !│"),
        "the scores beside the radar: {screen}"
    );
}

/// `A` on a perspective or tension screen links the afspraak to it (it saved `link: ""`).
#[test]
fn an_afspraak_made_on_a_tension_links_to_it() {
    let mut app = open_with(Mode::Coachgesprek, |_| {}, 120, 40);
    app.press('t')
        .press('A')
        .type_text("Spanning bespreken")
        .code(KeyCode::Esc);
    let s = saved(&mut app);
    let action = s.actions.last().expect("an afspraak");
    assert_eq!(action.what, "Spanning bespreken");
    assert!(
        action.link.starts_with("spanning:"),
        "link: {:?}",
        action.link
    );
}
