//! Issue 13, closing the loop: a follow-up starts from last time (its open afspraken to
//! review, its reflections and dilemma positions on demand) and Smith's strategies
//! combine. Driven as a user does: keys through the keymap into a `TestBackend`.

mod support;

use kansrijk::app::Msg;
use kansrijk::content::Content;
use kansrijk::session::{Action, DilemmaReflection, Mode, Review, Session};
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use support::App;

fn content() -> Content {
    Content::embedded().expect("embedded content")
}

/// Last time: two afspraken (one done, one open), a reflection on the first question
/// of the first theme, and a position with a strategy on the first dilemma.
fn last_time(dir: &std::path::Path) -> std::path::PathBuf {
    let c = content();
    let mut s = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    s.actions.push(Action {
        what: "Wijkteams samen plannen".into(),
        who: "Anne".into(),
        when: "oktober".into(),
        ..Action::default()
    });
    s.actions.push(Action {
        what: "Al gedaan".into(),
        done: true,
        ..Action::default()
    });
    let prompt = &c.handreiking.perspectives[0].themes[0].prompts[0].id;
    s.reflections
        .insert(prompt.clone(), "Wij trekken te weinig samen op.".into());
    s.dilemmas.insert(
        c.handreiking.tensions[0].dilemmas[0].id.clone(),
        DilemmaReflection {
            position: Some(-2),
            strategies: vec!["accepteren".into()],
            next_step: "Gesprek met de wethouder".into(),
            ..DilemmaReflection::default()
        },
    );
    store::create(dir, &s).expect("create")
}

/// The start screen with last time's session, and `v` on it: the follow-up, opened.
fn follow_up() -> (App, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = last_time(dir.path());
    let mut app = App::start_in(dir, 80, 24);
    app.press('v');
    let second = app.model.open.as_ref().expect("opened").path.clone();
    assert_ne!(first, second, "a new session");
    (app, first, second)
}

#[test]
fn a_follow_up_carries_last_times_open_afspraken_to_review() {
    let (mut app, _, second) = follow_up();
    let saved = store::load(&second).expect("saved");
    assert!(saved.answers.is_empty() && saved.reflections.is_empty());
    assert_eq!(saved.actions.len(), 1, "only the open afspraak comes along");
    let carried = saved.actions[0]
        .carried
        .as_ref()
        .expect("marked as carried");
    assert_eq!(carried.review, None);
    assert_eq!(
        carried.agreed,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp")
    );

    app.msg(Msg::GoActions);
    let date = kansrijk::present::short_date(carried.agreed);
    let screen = app.screen();
    assert!(screen.contains("Wijkteams samen plannen"), "{screen}");
    assert!(
        screen.contains(&format!("van {date}")),
        "origin and date: {screen}"
    );
    assert!(screen.contains("te beoordelen"), "{screen}");
    assert!(screen.contains("Van vorige keer: 1 afspraak"), "{screen}");

    // On "Gedaan": space reviews it in turn, `e` writes the note.
    for _ in 0..4 {
        app.code(KeyCode::Right);
    }
    app.press(' ');
    assert!(app.screen().contains("· gedaan"), "{}", app.screen());
    app.press(' ');
    let screen = app.screen();
    assert!(screen.contains("· loopt door"), "{screen}");
    assert!(screen.contains('→'), "{screen}");
    app.press('e')
        .type_text("Na de zomer verder")
        .code(KeyCode::Esc);
    let screen = app.screen();
    assert!(screen.contains("loopt door:"), "{screen}");
    assert!(
        screen.contains("loopt door: Na de") && screen.contains("zomer verder"),
        "the note beside the review: {screen}"
    );
    app.flush();
    let saved = store::load(&second).expect("saved");
    let carried = saved.actions[0].carried.as_ref().expect("carried");
    assert_eq!(carried.review, Some(Review::LooptDoor));
    assert_eq!(carried.note, "Na de zomer verder");
    assert!(saved.actions[0].is_open(), "loopt door stays open");
    // The report says where it comes from and how it was reviewed.
    let md = kansrijk::report::render(
        kansrijk::report::Format::Markdown,
        &content(),
        &saved,
        &kansrijk::report::Options::default(),
    );
    assert!(
        md.contains(&format!(
            "Wijkteams samen plannen (van {date} · loopt door: Na de zomer verder)"
        )),
        "{md}"
    );

    // Vervallen: no longer open, and not carried into the next follow-up.
    app.press(' ');
    app.flush();
    let saved = store::load(&second).expect("saved");
    assert_eq!(
        saved.actions[0].carried.as_ref().and_then(|c| c.review),
        Some(Review::Vervallen)
    );
    assert!(!saved.actions[0].is_open());
    assert!(saved.follow_up(jiff::Timestamp::now()).actions.is_empty());
}

#[test]
fn last_times_reflections_and_positions_show_on_demand() {
    let (mut app, _, _) = follow_up();
    // The first theme's questions: last time's answer only after `v`.
    app.msg(Msg::GoPerspectives).code(KeyCode::Enter);
    let screen = app.screen();
    assert!(!screen.contains("Wij trekken"), "hidden at first: {screen}");
    app.press('v');
    let screen = app.screen();
    assert!(
        screen.contains("vorige keer: Wij trekken te weinig"),
        "{screen}"
    );
    // The first dilemma: last time's position, strategy and next step beside the new.
    app.msg(Msg::GoTensions).code(KeyCode::Enter);
    let screen = app.screen();
    assert!(screen.contains("vorige keer: positie 2 van 7"), "{screen}");
    for _ in 0..4 {
        app.code(KeyCode::Down); // to "Mijn volgende stap"
    }
    let screen = app.screen();
    assert!(screen.contains("vorige keer: Accepteren"), "{screen}");
    assert!(screen.contains("vorige keer: Gesprek met"), "{screen}");
    app.press('v');
    let screen = app.screen();
    assert!(!screen.contains("vorige keer: positie"), "hidden: {screen}");
    assert!(screen.contains("v: vorige keer"), "the hint: {screen}");
}

#[test]
fn without_a_previous_session_v_says_so() {
    let (mut app, _) = App::with_session();
    app.msg(Msg::GoTensions).code(KeyCode::Enter);
    app.press('v');
    assert!(
        app.screen().contains("geen eerdere sessie"),
        "{}",
        app.screen()
    );
}

#[test]
fn smiths_strategies_combine_and_name_their_source() {
    let (mut app, path) = App::with_session();
    app.msg(Msg::GoTensions).code(KeyCode::Enter);
    for _ in 0..3 {
        app.code(KeyCode::Down); // slider, pulls, then the strategies
    }
    let screen = app.screen();
    assert!(screen.contains("Strategieën van Smith (2014)"), "{screen}");
    // One line each, where they are chosen.
    assert!(screen.contains("leren leven met de"), "{screen}");
    assert!(screen.contains("Accommoderen"), "{screen}");
    assert!(
        screen.contains("←/→ kiezen · spatie of 1–3: aan/uit"),
        "{screen}"
    );
    app.press('1').press('3');
    app.code(KeyCode::Left).press(' '); // the focus on 2, on as well
    app.flush();
    let c = content();
    let id = &c.handreiking.tensions[0].dilemmas[0].id;
    let r = store::load(&path).expect("saved").dilemmas[id].clone();
    assert_eq!(
        r.strategies,
        ["accepteren", "accommoderen", "differentieren-integreren"]
    );
    app.press('1');
    app.flush();
    let r = store::load(&path).expect("saved").dilemmas[id].clone();
    assert_eq!(r.strategies, ["accommoderen", "differentieren-integreren"]);
    let screen = app.screen();
    assert!(screen.contains("[x] 2"), "{screen}");
    assert!(screen.contains("[ ] 1"), "{screen}");
    app.press('0');
    app.flush();
    assert!(!store::load(&path).expect("saved").dilemmas.contains_key(id));
}

#[test]
fn a_single_stored_strategy_still_loads() {
    let c = content();
    let id = &c.handreiking.tensions[0].dilemmas[0].id;
    let mut s = Session::new(
        "Anne Jansen",
        "",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    s.dilemmas.insert(
        id.clone(),
        DilemmaReflection {
            position: Some(1),
            ..DilemmaReflection::default()
        },
    );
    let text = kansrijk::session::to_ron(&s).expect("ron");
    // The shape written before strategies combined: one `strategy`.
    let old = text.replace("strategies: [],", "strategy: Some(\"accommoderen\"),");
    assert_ne!(old, text, "the old shape was written");
    let loaded = kansrijk::session::from_ron(&old).expect("the old shape loads");
    assert_eq!(loaded.dilemmas[id].strategies, ["accommoderen"]);
    assert_eq!(loaded.dilemmas[id].position, Some(1));
    // And a session without any of the new fields keeps them empty.
    let again = kansrijk::session::to_ron(&loaded).expect("ron");
    assert!(again.contains("strategies: [\"accommoderen\"]") || again.contains("\"accommoderen\""));
    assert!(!again.contains("carried"), "own afspraken write no origin");
}
