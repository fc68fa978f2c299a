//! The whole handreiking in the workbook: the content matches the handbook's structure,
//! and every theme, dilemma and instrument can be reached, answered and found back in
//! the session file by id.

mod support;

use kansrijk::app::nav::{self, OVERVIEW, OverviewItem};
use kansrijk::app::{Msg, Screen};
use kansrijk::content::{Content, InstrumentKind, PERSPECTIVE_IDS, TENSION_IDS};
use kansrijk::session::CellValue;
use kansrijk::store;
use ratatui::crossterm::event::KeyCode;
use support::App;

fn content() -> Content {
    Content::embedded().expect("content")
}

#[test]
fn four_perspectives_with_the_handbooks_themes() {
    let c = content();
    let hr = &c.handreiking;
    let ids: Vec<&str> = hr.perspectives.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, PERSPECTIVE_IDS);
    let names: Vec<&str> = hr.perspectives.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Maatschappelijke opgaven",
            "Onze organisatie",
            "Onze samenwerking(en)",
            "Bestuur en toezicht"
        ]
    );
    let counts: Vec<usize> = hr.perspectives.iter().map(|p| p.themes.len()).collect();
    // The praatplaat's key questions: 2 + 4 + 6 + 3, plus "proces van samenwerken",
    // which the handbook treats as its own page under bestuur en toezicht.
    assert_eq!(counts, [2, 4, 6, 4]);
    let organisatie: Vec<&str> = hr.perspectives[1]
        .themes
        .iter()
        .map(|t| t.question.as_str())
        .collect();
    assert!(
        organisatie
            .iter()
            .any(|q| q.contains("veelheid aan samenwerkingen"))
    );
    assert!(organisatie.iter().any(|q| q.contains("netwerkorganisatie")));
    assert!(organisatie.iter().any(|q| q.contains("intern te regelen")));
    assert!(
        organisatie
            .iter()
            .any(|q| q.contains("ondersteunende processen"))
    );
    for p in &hr.perspectives {
        for t in &p.themes {
            assert!(t.id.starts_with(&format!("{}.", p.id)), "{}", t.id);
            assert!(
                !t.prompts.is_empty() && !t.explanation.is_empty(),
                "{}",
                t.id
            );
            assert!(
                !t.model.name.is_empty() && !t.model.source.is_empty(),
                "{}",
                t.id
            );
            for q in &t.prompts {
                assert!(q.id.starts_with(&format!("{}.", t.id)), "{}", q.id);
            }
        }
    }
}

#[test]
fn three_tensions_with_six_four_and_four_dilemmas() {
    let c = content();
    let hr = &c.handreiking;
    let ids: Vec<&str> = hr.tensions.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, TENSION_IDS);
    let counts: Vec<usize> = hr.tensions.iter().map(|t| t.dilemmas.len()).collect();
    assert_eq!(counts, [6, 4, 4]);
    for t in &hr.tensions {
        assert!(!t.considerations.is_empty(), "{}", t.id);
        assert!(!t.pointers.is_empty(), "{}", t.id);
        for p in &t.pointers {
            assert!(c.theme(&p.theme).is_some(), "{} → {}", t.id, p.theme);
        }
        for d in &t.dilemmas {
            assert!(!d.left.is_empty() && !d.right.is_empty(), "{}", d.id);
        }
    }
    let strategies: Vec<&str> = hr
        .paradox_strategies
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        strategies,
        ["accepteren", "accommoderen", "differentieren-integreren"]
    );
    assert!(!hr.balancing.steps.is_empty());
}

#[test]
fn the_handbooks_instruments_are_there_and_linked_from_themes() {
    let c = content();
    let ids: Vec<&str> = c.instruments.iter().map(|i| i.id.as_str()).collect();
    for id in [
        "positionering",
        "portfolio",
        "intensiteit",
        "netwerkorganisatie",
        "motieven",
        "vorm",
        "netwerkleiderschap",
        "governance",
        "toezicht-perspectief",
        "procesfase",
        "rol-rvt",
        "toezicht-balans",
    ] {
        assert!(ids.contains(&id), "{id} missing");
        let linked = c
            .handreiking
            .perspectives
            .iter()
            .flat_map(|p| &p.themes)
            .any(|t| t.instruments.iter().any(|i| i == id));
        assert!(linked, "{id} is not reachable from a theme");
    }
    let traits = c.instrument("netwerkorganisatie").expect("traits");
    let InstrumentKind::Table { rows, radar, .. } = &traits.kind else {
        panic!("table expected");
    };
    assert_eq!(rows.len(), 10);
    assert!(radar);
    let lead = c.instrument("netwerkleiderschap").expect("leadership");
    let InstrumentKind::Table { rows, .. } = &lead.kind else {
        panic!("table expected");
    };
    let names: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        names,
        ["strateeg", "ontwikkelaar", "verkenner", "procesmanager"]
    );
    let InstrumentKind::Sliders { pairs } = &c.instrument("toezicht-balans").expect("balans").kind
    else {
        panic!("sliders expected");
    };
    assert_eq!(pairs.len(), 6);
    let InstrumentKind::Table { columns, .. } = &c.instrument("intensiteit").expect("x").kind
    else {
        panic!("table expected");
    };
    let kansrijk::content::ColumnKind::Choice { options } = &columns[0].kind else {
        panic!("choice expected");
    };
    let levels: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        levels,
        [
            "zelfstandig",
            "uitwisselen",
            "transactioneel",
            "functioneel",
            "ondernemend",
            "integratie"
        ]
    );
}

/// Opens the overview element of the given kind with the arrow keys and Enter.
fn open_from_overview(app: &mut App, target: OverviewItem) {
    app.press('o');
    let index = OVERVIEW
        .iter()
        .position(|(item, ..)| *item == target)
        .expect("on the overview");
    // Walk there with the arrow keys, as a user would.
    for _ in 0..10 {
        let here = app.model.open.as_ref().expect("open").overview_focus;
        if here == index {
            break;
        }
        let (_, r, c) = OVERVIEW[here];
        let (_, tr, tc) = OVERVIEW[index];
        let key = if tr > r {
            KeyCode::Down
        } else if tr < r {
            KeyCode::Up
        } else if tc > c {
            KeyCode::Right
        } else {
            KeyCode::Left
        };
        app.code(key);
    }
    assert_eq!(app.model.open.as_ref().expect("open").overview_focus, index);
    app.code(KeyCode::Enter);
}

#[test]
fn every_theme_and_dilemma_is_reachable_from_the_overview_and_answers_are_stored_by_id() {
    let (mut app, path) = App::with_session();
    let c = content();
    for (p, persp) in c.handreiking.perspectives.iter().enumerate() {
        for (t, theme) in persp.themes.iter().enumerate() {
            open_from_overview(&mut app, OverviewItem::Perspective(p));
            assert_eq!(app.model.screen, Screen::Perspective(p));
            for _ in 0..t {
                app.code(KeyCode::Down);
            }
            app.code(KeyCode::Enter);
            assert_eq!(app.model.screen, Screen::Theme(p, t));
            let screen = app.screen();
            assert!(screen.contains(theme.title.as_str()), "{screen}");
            // Answer the first reflection question.
            app.code(KeyCode::Enter)
                .type_text(&format!("antwoord {}", theme.id))
                .code(KeyCode::Esc);
        }
    }
    for (ti, tension) in c.handreiking.tensions.iter().enumerate() {
        for di in 0..tension.dilemmas.len() {
            open_from_overview(&mut app, OverviewItem::Tension(ti));
            for _ in 0..di {
                app.code(KeyCode::Down);
            }
            app.code(KeyCode::Enter);
            assert_eq!(app.model.screen, Screen::Dilemma(ti, di));
            app.code(KeyCode::Right); // place the slider one step right of the middle
        }
    }
    app.flush();
    let saved = store::load(&path).expect("saved");
    for persp in &c.handreiking.perspectives {
        for theme in &persp.themes {
            let first = &theme.prompts[0].id;
            assert_eq!(
                saved.reflections.get(first).map(String::as_str),
                Some(format!("antwoord {}", theme.id).as_str()),
                "{first}"
            );
        }
    }
    for tension in &c.handreiking.tensions {
        for d in &tension.dilemmas {
            assert_eq!(
                saved.dilemmas.get(&d.id).and_then(|r| r.position),
                Some(1),
                "{}",
                d.id
            );
        }
    }
    // The overview shows the progress.
    app.press('o');
    let screen = app.screen();
    assert!(screen.contains("dilemma's 6/6"), "{screen}");
    assert!(screen.contains('✎'), "{screen}");
}

#[test]
fn dilemma_slider_keys_strategy_and_texts() {
    let (mut app, path) = App::with_session();
    app.msg(Msg::GoTensions);
    app.code(KeyCode::Enter); // first dilemma
    let screen = app.screen();
    assert!(screen.contains("nog niet geplaatst"), "{screen}");
    app.code(KeyCode::Left)
        .code(KeyCode::Left)
        .code(KeyCode::Left)
        .code(KeyCode::Left);
    assert!(
        app.screen().contains("positie 1 van 7"),
        "clamped at the left pole"
    );
    app.press('7');
    assert!(app.screen().contains("positie 7 van 7"));
    app.code(KeyCode::Left);
    assert!(app.screen().contains("positie 6 van 7"));
    // What pulls me left: the editor, then back.
    app.code(KeyCode::Down)
        .code(KeyCode::Enter)
        .type_text("zekerheid voor cliënten")
        .code(KeyCode::Esc);
    app.code(KeyCode::Down).code(KeyCode::Down); // the strategies
    app.press(' ');
    assert!(
        app.screen().contains("[x] 1 Accepteren"),
        "{}",
        app.screen()
    );
    app.press(' '); // off again
    app.press('3');
    app.code(KeyCode::Down)
        .code(KeyCode::Enter)
        .type_text("Gesprek plannen")
        .code(KeyCode::Esc);
    app.flush();
    let c = content();
    let id = &c.handreiking.tensions[0].dilemmas[0].id;
    let r = store::load(&path).expect("saved").dilemmas[id].clone();
    assert_eq!(r.position, Some(2));
    assert_eq!(r.pull_left, "zekerheid voor cliënten");
    assert_eq!(r.strategies, ["differentieren-integreren"]);
    assert_eq!(r.next_step, "Gesprek plannen");
    app.press('0').code(KeyCode::Home).press('0');
    app.flush();
    let r = store::load(&path).expect("saved").dilemmas[id].clone();
    assert_eq!(r.position, None, "0 clears the position");
}

#[test]
fn a_tension_pointer_leads_to_its_theme() {
    let (mut app, _) = App::with_session();
    let c = content();
    let tension = &c.handreiking.tensions[0];
    app.msg(Msg::GoTensions);
    for _ in 0..tension.dilemmas.len() {
        app.code(KeyCode::Down);
    }
    app.code(KeyCode::Enter);
    let (p, _) = c.theme(&tension.pointers[0].theme).expect("theme");
    let Screen::Theme(sp, st) = app.model.screen else {
        panic!("not on a theme: {:?}", app.model.screen);
    };
    assert_eq!(sp, p);
    assert_eq!(
        c.handreiking.perspectives[sp].themes[st].id,
        tension.pointers[0].theme
    );
    app.code(KeyCode::Esc);
    assert_eq!(
        app.model.screen,
        Screen::Tension(0),
        "Esc goes back along the link"
    );
}

/// Opens an instrument by id through its theme, as a user would.
fn open_instrument(app: &mut App, id: &str) {
    let c = content();
    let (p, t) = c
        .handreiking
        .perspectives
        .iter()
        .enumerate()
        .find_map(|(p, persp)| {
            persp
                .themes
                .iter()
                .position(|t| t.instruments.iter().any(|i| i == id))
                .map(|t| (p, t))
        })
        .expect("linked");
    open_from_overview(app, OverviewItem::Perspective(p));
    for _ in 0..t {
        app.code(KeyCode::Down);
    }
    app.code(KeyCode::Enter);
    let theme = &c.handreiking.perspectives[p].themes[t];
    let position = theme.prompts.len()
        + theme
            .instruments
            .iter()
            .position(|i| i == id)
            .expect("in theme");
    for _ in 0..position {
        app.code(KeyCode::Down);
    }
    app.code(KeyCode::Enter);
    let index = c
        .instruments
        .iter()
        .position(|i| i.id == id)
        .expect("exists");
    assert_eq!(app.model.screen, Screen::Instrument(index), "{id}");
}

#[test]
fn choice_instruments_single_and_multi() {
    let (mut app, path) = App::with_session();
    open_instrument(&mut app, "vorm");
    app.press(' '); // transactioneel
    app.code(KeyCode::Down).press(' '); // functioneel replaces it
    open_instrument(&mut app, "motieven");
    app.press('1').press('3'); // instrumenteel and moreel
    app.press('3'); // moreel off again
    app.press('2');
    app.flush();
    let s = store::load(&path).expect("saved");
    assert_eq!(s.instruments["vorm"].choices, ["functioneel"]);
    assert_eq!(
        s.instruments["motieven"].choices,
        ["instrumenteel", "affectief"]
    );
    let screen = app.screen();
    assert!(screen.contains("[x] 1. Instrumenteel"), "{screen}");
}

#[test]
fn table_instruments_scores_choices_and_rows_of_ones_own() {
    let (mut app, path) = App::with_session();
    app.resize(120, 40);
    open_instrument(&mut app, "portfolio");
    app.press('+')
        .type_text("Wijkteam Noord")
        .code(KeyCode::Enter);
    app.press('4').code(KeyCode::Right).press('2');
    app.code(KeyCode::Down).code(KeyCode::Enter); // "+ eigen regel toevoegen"
    app.type_text("Regionaal zorgnetwerk").code(KeyCode::Enter);
    app.code(KeyCode::Left)
        .press('5')
        .code(KeyCode::Right)
        .press('5');
    let screen = app.screen();
    assert!(screen.contains("Wijkteam Noord"), "{screen}");
    assert!(screen.contains("Beeld"), "the 2×2 plot is drawn: {screen}");
    // A row added and left without a name disappears again.
    app.press('+').code(KeyCode::Esc);
    open_instrument(&mut app, "intensiteit");
    app.press('3'); // first fixed row: transactioneel
    app.code(KeyCode::Down).press(' ').press(' '); // second row: cycle to uitwisselen
    app.flush();
    let s = store::load(&path).expect("saved");
    let portfolio = &s.instruments["portfolio"];
    assert_eq!(portfolio.rows.len(), 2, "{portfolio:?}");
    assert_eq!(portfolio.rows[0].label, "Wijkteam Noord");
    assert_eq!(portfolio.rows[0].values["belang"], CellValue::Score(4));
    assert_eq!(portfolio.rows[0].values["noodzaak"], CellValue::Score(2));
    assert_eq!(portfolio.rows[1].values["belang"], CellValue::Score(5));
    let intensity = &s.instruments["intensiteit"];
    assert_eq!(
        intensity.rows[0].values["niveau"],
        CellValue::Choice("transactioneel".into())
    );
    assert_eq!(
        intensity.rows[1].values["niveau"],
        CellValue::Choice("uitwisselen".into())
    );
    // Delete asks first.
    open_instrument(&mut app, "portfolio");
    app.press('d');
    assert!(app.screen().contains("Druk nog eens op d"));
    app.press('d');
    app.flush();
    assert_eq!(
        store::load(&path).expect("saved").instruments["portfolio"]
            .rows
            .len(),
        1
    );
}

#[test]
fn radar_instruments_draw_their_own_radar() {
    let (mut app, path) = App::with_session();
    app.resize(120, 40);
    open_instrument(&mut app, "netwerkleiderschap");
    for d in ['5', '2', '4', '3'] {
        app.press(d).code(KeyCode::Down);
    }
    let screen = app.screen();
    assert!(screen.contains("Strateeg"), "{screen}");
    assert!(screen.contains('●'), "radar markers: {screen}");
    app.flush();
    let s = store::load(&path).expect("saved");
    assert_eq!(
        s.instruments["netwerkleiderschap"]
            .row("verkenner")
            .expect("row")
            .values["herkenning"],
        CellValue::Score(4)
    );
}

/// Issue 13 item 8: what the network needs beside what I bring, and the gap per
/// orientation, on the instrument screen and in the report.
#[test]
fn network_leadership_asks_both_sides_and_shows_the_gap() {
    let (mut app, path) = App::with_session();
    open_instrument(&mut app, "netwerkleiderschap");
    let screen = app.screen();
    assert!(screen.contains("Wat breng ik in?"), "{screen}");
    assert!(screen.contains("Wat heeft het netwerk"), "{screen}");
    // Strateeg: I bring 2, the network needs 5.
    app.press('2').code(KeyCode::Right).press('5');
    let screen = app.screen();
    assert!(
        screen.contains("verschil +3: het netwerk vraagt"),
        "{screen}"
    );
    // Ontwikkelaar: I bring 4, the network needs 4.
    app.code(KeyCode::Down).press('4');
    app.code(KeyCode::Left).press('4');
    assert!(
        app.screen().contains("verschil 0: in evenwicht"),
        "{}",
        app.screen()
    );
    // Both on the picture, with a legend.
    app.resize(120, 40);
    let screen = app.screen();
    assert!(screen.contains("● inbreng  ○ nodig"), "{screen}");
    app.flush();
    let s = store::load(&path).expect("saved");
    let row = s.instruments["netwerkleiderschap"]
        .row("strateeg")
        .expect("row")
        .clone();
    assert_eq!(row.values["herkenning"], CellValue::Score(2));
    assert_eq!(row.values["nodig"], CellValue::Score(5));
    let md = kansrijk::report::render(
        kansrijk::report::Format::Markdown,
        &content(),
        &s,
        &kansrijk::report::Options::default(),
    );
    assert!(md.contains("Verschil (nodig − inbreng)"), "{md}");
    let strateeg = md
        .lines()
        .find(|l| l.contains("Strateeg"))
        .expect("a row for Strateeg");
    assert!(strateeg.contains("+3"), "{strateeg}");
}

/// Issue 13 item 7: explanations where the choice is made — the six intensity levels,
/// the ten kenmerken and the scale's anchors on the instrument screen.
#[test]
fn instruments_explain_their_levels_rows_and_scale() {
    let (mut app, _) = App::with_session();
    app.resize(120, 40);
    open_instrument(&mut app, "intensiteit");
    let screen = app.screen();
    assert!(
        screen.contains("Intensiteit: wat de niveaus betekenen"),
        "{screen}"
    );
    for level in [
        "Zelfstandig:",
        "Uitwisselen:",
        "Transactioneel:",
        "Functioneel:",
        "Ondernemend:",
        "Integratie: We werken toe naar één organisatie.",
    ] {
        assert!(screen.contains(level), "{level}: {screen}");
    }
    open_instrument(&mut app, "netwerkorganisatie");
    let screen = app.screen();
    assert!(
        screen.contains("Invullen · 1 = nauwelijks … 5 = volledig"),
        "anchors beside the scores: {screen}"
    );
    assert!(
        screen.contains("Per kenmerk: wat wordt bedoeld"),
        "{screen}"
    );
    let mut seen = screen;
    for _ in 0..6 {
        app.code(KeyCode::PageDown);
        seen.push_str(&app.screen());
    }
    let c = content();
    let InstrumentKind::Table { rows, .. } = &c.instrument("netwerkorganisatie").expect("x").kind
    else {
        panic!("a table");
    };
    assert_eq!(rows.len(), 10);
    for (i, r) in rows.iter().enumerate() {
        let start = format!("{}. {}:", i + 1, r.label);
        let first_words: String = start.chars().take(30).collect();
        assert!(seen.contains(&first_words), "{first_words}: {seen}");
    }
}

#[test]
fn slider_instrument_for_the_balance_of_supervision() {
    let (mut app, path) = App::with_session();
    open_instrument(&mut app, "toezicht-balans");
    app.code(KeyCode::Right).code(KeyCode::Right);
    app.code(KeyCode::Down).press('1');
    app.flush();
    let s = store::load(&path).expect("saved");
    let c = content();
    let InstrumentKind::Sliders { pairs } = &c.instrument("toezicht-balans").expect("x").kind
    else {
        panic!("sliders");
    };
    assert_eq!(s.instruments["toezicht-balans"].sliders[&pairs[0].id], 2);
    assert_eq!(s.instruments["toezicht-balans"].sliders[&pairs[1].id], -3);
}

#[test]
fn actions_are_added_linked_edited_ticked_and_shown_on_the_overview() {
    let (mut app, path) = App::with_session();
    app.press('s').press('2');
    app.press('A')
        .type_text("Belangen bespreken")
        .code(KeyCode::Esc);
    app.press('a');
    let screen = app.screen();
    assert!(screen.contains("Belangen bespreken"), "{screen}");
    assert!(
        screen.contains("Gedeelde ambitie"),
        "linked to the condition in focus: {screen}"
    );
    app.code(KeyCode::Right)
        .code(KeyCode::Enter)
        .type_text("Anne")
        .code(KeyCode::Enter);
    app.code(KeyCode::Right)
        .code(KeyCode::Enter)
        .type_text("voor 1 maart")
        .code(KeyCode::Enter);
    app.code(KeyCode::Right).code(KeyCode::Right).press(' ');
    app.press('+')
        .type_text("Evaluatie plannen")
        .code(KeyCode::Esc);
    app.flush();
    let s = store::load(&path).expect("saved");
    assert_eq!(s.actions.len(), 2);
    assert_eq!(s.actions[0].what, "Belangen bespreken");
    assert_eq!(s.actions[0].who, "Anne");
    assert_eq!(s.actions[0].when, "voor 1 maart");
    assert!(s.actions[0].done);
    assert_eq!(s.actions[0].link, "conditie:ambitie");
    app.press('o');
    assert!(app.screen().contains("2 afspraken, 1 open"));
}

#[test]
fn the_guided_path_walks_every_stop_in_order() {
    let (mut app, _) = App::with_session();
    let stops = nav::stops(&content());
    assert_eq!(app.model.screen, Screen::Overview);
    for expected in stops.iter().skip(1) {
        app.code(KeyCode::Tab);
        assert_eq!(app.model.screen, *expected);
    }
    app.press(']');
    assert!(app.screen().contains("laatste stap"));
    app.press('[');
    assert_eq!(app.model.screen, stops[stops.len() - 2]);
}

#[test]
fn every_session_screen_draws_at_80_by_24_and_at_240_by_70() {
    let (mut app, _) = App::with_session();
    let stops = nav::stops(&content());
    for size in [(80, 24), (240, 70)] {
        app.resize(size.0, size.1);
        app.press('o');
        for _ in 0..stops.len() {
            let screen = app.screen();
            assert!(!screen.contains("te klein"), "{screen}");
            app.code(KeyCode::Tab);
        }
    }
}

#[test]
fn read_only_sessions_cannot_change_from_any_screen() {
    let (mut first, path) = App::with_session();
    let dir2 = tempfile::tempdir().expect("tempdir");
    let mut second = App::start_in(dir2, 80, 24);
    second.msg(Msg::Open(path.clone()));
    second
        .msg(Msg::GoTensions)
        .code(KeyCode::Enter)
        .code(KeyCode::Right);
    second.press('A');
    assert!(second.model.open.as_ref().expect("open").editor.is_none());
    assert!(second.screen().contains("Alleen-lezen"));
    second.flush();
    let s = store::load(&path).expect("load");
    assert!(s.dilemmas.is_empty() && s.actions.is_empty());
    first.press('q');
}

#[test]
fn the_dilemma_screen_names_smith_where_the_strategies_are_chosen() {
    let (mut app, _) = App::with_session();
    open_from_overview(&mut app, OverviewItem::Tension(0));
    app.code(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::Dilemma(0, 0)));
    let mut seen = app.screen();
    for _ in 0..12 {
        app.code(KeyCode::PageDown);
        seen.push_str(&app.screen());
    }
    assert!(
        seen.contains("Strategie voor deze paradox — Smith (2014)"),
        "{seen}"
    );
}
