//! The content says what the handbook says: the fixes of a line-by-line read against the
//! sources (issue 16), each checked where it lives.

use kansrijk::content::{Content, HANDREIKING_RON, INSTRUMENTS_RON, SCAN_RON};

fn content() -> Content {
    Content::embedded().expect("embedded content validates")
}

/// The words of a text, lower case, without punctuation.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn the_scan_addresses_the_user_as_u_never_je() {
    let scan = content().scan;
    for c in &scan.conditions {
        for text in [&c.explanation, &c.neglect_risk, &c.attention_gain] {
            let w = words(text);
            for informal in ["je", "jij", "jouw", "jullie"] {
                assert!(!w.iter().any(|x| x == informal), "{}: {text}", c.id);
            }
        }
        for item in &c.items {
            let w = words(&item.text);
            for informal in ["je", "jij", "we", "wij", "ons", "onze"] {
                assert!(!w.iter().any(|x| x == informal), "{}", item.id);
            }
        }
    }
    let mut more: Vec<&String> = scan.traits.items.iter().map(|t| &t.text).collect();
    more.extend(&scan.follow_up.steps);
    more.push(&scan.follow_up.intro);
    more.push(&scan.traits.intro);
    for text in more {
        let w = words(text);
        for informal in ["je", "jij", "jouw", "jullie"] {
            assert!(!w.iter().any(|x| x == informal), "{text}");
        }
    }
    // Hierarchy is "funest" for lasting collaboration (Kaats & Opheij), not merely worse.
    let relatie = &scan.conditions[2];
    assert!(relatie.explanation.contains("funest"));
}

#[test]
fn the_achterban_dilemma_keeps_the_handbooks_tension() {
    let c = content();
    let (_, d) = c.dilemma("org-sam.achterban").expect("dilemma");
    // Involving the achterban is how one gets room to act, so the poles are two ways of
    // involving it, not "involved" against "free".
    assert!(
        d.text
            .contains("Handelingsruimte aan tafel krijgt u door uw achterban")
    );
    assert_eq!(d.left, "Telkens afstemmen");
    assert_eq!(d.right, "Vooraf ruim mandaat");
    assert!(!HANDREIKING_RON.contains("Ruime handelingsvrijheid"));
}

#[test]
fn terms_and_sentences_follow_the_handbook() {
    let hr = HANDREIKING_RON;
    let ins = INSTRUMENTS_RON;
    let all = format!("{hr}{ins}{SCAN_RON}");
    // Smith's third strategy, named as in the handbook.
    let c = content();
    let labels: Vec<&str> = c
        .handreiking
        .paradox_strategies
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Accepteren", "Accommoderen", "Differentiatie of integratie"]
    );
    assert!(!all.contains("Differentiëren en integreren"));
    // WOZO is a programme; organise "het minimale"; ambiguity is "meerduidigheid".
    assert!(hr.contains("akkoorden en programma’s als IZA, WOZO en GALA"));
    assert!(hr.contains("organiseren we het minimale goed"));
    assert!(hr.contains("dilemma’s die uit overvloed voortkomen"));
    assert!(hr.contains("meerduidigheid") && !hr.contains("dubbelzinnigheid"));
    // The handbook leaves open which role of the RvT fits which phase.
    assert!(!hr.contains("In elke fase past een andere rol"));
    // Stili Novi's four connections: with the opgave and the team members.
    assert!(hr.contains("met de opgave en uw teamleden"));
    assert!(hr.contains("(Stili Novi, 2023)"));
    assert!(hr.contains("zich kwetsbaar durven opstellen"));
    assert!(hr.contains("bestuurskwaliteitsbureau (bkb)"));
    assert!(ins.contains("doen onderdelen samen of besteden ze uit."));
    // One word for one thing.
    for (wrong, right) in [
        ("heeft de lead", "voert de regie"),
        ("shared service", "gedeeld dienstencentrum"),
        ("toezichtsorgaan", "toezichtorgaan"),
        ("ego-perspectief", "egoperspectief"),
        (
            "Netwerkbureau (NAO)",
            "network administrative organization, NAO",
        ),
    ] {
        assert!(!all.contains(wrong), "{wrong}");
        assert!(all.contains(right), "{right}");
    }
    for broken in [
        "Bestuurlijke sensitiviteit van het bestuur",
        "koers te bepalen, te kiezen",
        "maatschappelijk verantwoordelijkheid",
        "buiten de samenwerking vallen merken",
        "één entiteit zijn vergt",
        "Hoe houdt u het licht",
        "Beweging en kansen omgeving\"",
        "in het ergste geval tot de samenwerking uiteenvalt",
    ] {
        assert!(!all.contains(broken), "{broken}");
    }
}

#[test]
fn sources_are_named_where_they_are_used() {
    let c = content();
    let hr = &c.handreiking;
    assert_eq!(hr.paradox_source, "Smith (2014)");
    for s in &hr.paradox_strategies {
        assert!(s.text.contains("(Smith, 2014)"), "{}", s.id);
    }
    let literature = |id: &str| c.theme(id).expect("theme").1.literature.join("\n");
    assert!(literature("opgaven.actoren").contains("De Jong (2016)"));
    assert!(literature("samenwerking.vertrouwen").contains("Krackhardt (2003)"));
    let tension = &hr.tensions[0];
    assert!(
        tension
            .considerations
            .iter()
            .any(|t| t.contains("Václav Havel; Mak, in NRC, 2001"))
    );
    assert!(tension.intro.contains("gesplitste loyaliteit"));
    assert!(tension.intro.contains("Kaats en Opheij (2023)"));
    let about = hr.about.paragraphs.join(" ");
    for name in [
        "governancecommissie van de NVZD",
        "Common Eye",
        "penvoerders",
        "Barbara Geurtsen",
        "Wilfrid Opheij",
    ] {
        assert!(about.contains(name), "{name}");
    }
    assert!(hr.about.invitation.contains("info@nvzd.nl"));
}

#[test]
fn leadership_roles_in_full_and_as_an_instrument() {
    let c = content();
    let l = &c.handreiking.leadership;
    assert_eq!(l.source, "De Caluwé & Kaats (2016)");
    let ids: Vec<&str> = l.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["strateeg", "ontwikkelaar", "verkenner", "procesmanager"]
    );
    let counts: Vec<[usize; 4]> = l
        .roles
        .iter()
        .map(|r| {
            [
                r.themes.len(),
                r.dilemmas.len(),
                r.conditions.len(),
                r.competencies.len(),
            ]
        })
        .collect();
    // As in the handbook's figure (003, "Leiderschapsrollen in een netwerk").
    assert_eq!(
        counts,
        [[4, 3, 2, 4], [5, 2, 3, 6], [4, 3, 4, 5], [3, 4, 4, 6]]
    );
    assert!(l.intro.contains("niet hetzelfde als gelijk verdeeld"));
    assert!(l.intro.contains("faciliterend én directief"));
    // The instrument asks both: which role do I take, which does the network need now.
    let inst = c.instrument("netwerkleiderschap").expect("instrument");
    let kansrijk::content::InstrumentKind::Table { rows, columns, .. } = &inst.kind else {
        panic!("a table");
    };
    let rows: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(rows, ids, "one row per role");
    let cols: Vec<&str> = columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(cols, ["herkenning", "nodig"]);
}

#[test]
fn kinds_of_collaboration_classification_and_the_ecosystem() {
    let c = content();
    let inst = c.instrument("soort-samenwerking").expect("instrument");
    let kansrijk::content::InstrumentKind::Table { columns, .. } = &inst.kind else {
        panic!("a table");
    };
    let options = |id: &str| -> Vec<String> {
        match &columns.iter().find(|c| c.id == id).expect("column").kind {
            kansrijk::content::ColumnKind::Choice { options } => {
                options.iter().map(|o| o.id.clone()).collect()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(
        options("soort"),
        [
            "horizontaal",
            "verticaal",
            "functioneel",
            "kennisnetwerk",
            "alliantie",
            "opgavenetwerk"
        ]
    );
    assert_eq!(
        options("belang"),
        ["strategisch", "complementair", "opportunistisch"]
    );
    let (_, veelheid) = c.theme("organisatie.veelheid").expect("theme");
    assert_eq!(veelheid.instruments, ["portfolio", "soort-samenwerking"]);
    let intensiteit = c.instrument("intensiteit").expect("instrument");
    assert!(
        intensiteit
            .considerations
            .iter()
            .any(|t| t.contains("Hoe positioneert u zich in het ecosysteem?"))
    );
}

#[test]
fn the_wegwijzer_lists_the_handbooks_examples_and_says_it_is_incomplete() {
    let c = content();
    let w = &c.handreiking.wegwijzer;
    let sizes: Vec<(&str, usize)> = w
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.examples.len()))
        .collect();
    assert_eq!(
        sizes,
        [
            ("regionaal", 7),
            ("domeinoverstijgend", 3),
            ("sectoraal", 6)
        ]
    );
    assert!(w.note.contains("niet compleet"));
    assert!(w.note.contains("info@nvzd.nl"));
    for g in &w.groups {
        for e in &g.examples {
            assert!(!e.line.trim().is_empty(), "{}", e.id);
        }
    }
}

#[test]
fn network_leadership_nuances_are_woven_in() {
    let c = content();
    let (_, netwerk) = c.theme("samenwerking.leiderschap").expect("theme");
    assert!(netwerk.explanation.contains("meer dan faciliteren"));
    assert!(
        netwerk
            .model
            .summary
            .contains("Gedeeld betekent niet gelijk verdeeld")
    );
    assert!(
        netwerk
            .model
            .summary
            .contains("ontmoeting of kennisuitwisseling")
    );
    let (_, persoonlijk) = c.theme("toezicht.leiderschap").expect("theme");
    assert!(
        persoonlijk
            .explanation
            .contains("Als bestuurder bent u vaak de sponsor")
    );
    assert!(
        persoonlijk
            .prompts
            .iter()
            .any(|p| p.id == "toezicht.leiderschap.sponsor")
    );
    let relatie = &c.scan.conditions[2];
    assert!(relatie.explanation.contains("faciliterend én directief"));
}

#[test]
fn the_scan_carries_the_five_traits_the_follow_up_and_advice_per_condition() {
    let c = content();
    let scan = &c.scan;
    let traits: Vec<&str> = scan.traits.items.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        traits,
        [
            "afhankelijkheid",
            "machtscentrum",
            "diversiteit",
            "loyaliteit",
            "werkelijkheid"
        ]
    );
    assert_eq!(scan.traits.source, "Kaats & Opheij (2023)");
    assert_eq!(scan.follow_up.steps.len(), 4);
    assert!(scan.follow_up.steps[0].starts_with("Doe het samen"));
    assert!(scan.follow_up.steps[1].contains("(Isaacs, 1999)"));
    // Advice for every condition, in scan order, each link resolving (checked at load).
    let conditions: Vec<&str> = scan.advice.iter().map(|a| a.condition.as_str()).collect();
    assert_eq!(conditions, kansrijk::content::CONDITION_IDS);
    for a in &scan.advice {
        assert!(a.links.len() >= 3, "{}", a.condition);
        for l in &a.links {
            assert!(l.why.ends_with('.') || l.why.ends_with('?'), "{}", l.why);
        }
    }
}

#[test]
fn advice_that_points_nowhere_is_refused_at_load() {
    let broken = SCAN_RON.replacen(
        "Theme(\"samenwerking.motieven\")",
        "Theme(\"samenwerking.bestaat-niet\")",
        1,
    );
    let err = Content::from_sources(&broken, "assets/scan.ron").expect_err("dangling");
    let text = err.to_string();
    assert!(
        text.contains(
            "advies bij 'belangen' verwijst naar onbekend thema 'samenwerking.bestaat-niet'"
        ),
        "{text}"
    );
    let twice = SCAN_RON.replacen("(condition: \"proces\"", "(condition: \"ambitie\"", 1);
    let text = Content::from_sources(&twice, "assets/scan.ron")
        .expect_err("twice")
        .to_string();
    assert!(text.contains("'ambitie' komt dubbel voor"), "{text}");
}
