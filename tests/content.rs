//! The embedded content is complete and valid; bad content is reported with file, line
//! and column.

use kansrijk::content::{CONDITION_IDS, Content, ContentError, SCAN_RON};

#[test]
fn embedded_scan_has_five_conditions_of_four_items_in_order() {
    let content = Content::embedded().expect("embedded content validates");
    let scan = &content.scan;
    let ids: Vec<&str> = scan.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CONDITION_IDS);
    assert_eq!(
        ids,
        ["ambitie", "belangen", "relatie", "organisatie", "proces"]
    );
    for c in &scan.conditions {
        assert_eq!(c.items.len(), 4, "{}", c.id);
        for item in &c.items {
            assert!(item.id.starts_with(&format!("{}.", c.id)), "{}", item.id);
            assert!(item.text.starts_with("In hoeverre"), "{}", item.id);
            assert!(item.text.ends_with('?'), "{}", item.id);
        }
        assert!(!c.neglect_risk.is_empty() && !c.attention_gain.is_empty());
        assert!(c.short.chars().count() <= 12, "{}", c.short);
    }
    assert_eq!(scan.item_count(), 20);
    assert_eq!(
        scan.items().next().map(|(_, i)| i.id.as_str()),
        Some("ambitie.gedeeld")
    );
    let labels: Vec<u8> = scan.scale.iter().map(|s| s.value).collect();
    assert_eq!(labels, [1, 2, 3, 4, 5]);
    assert_eq!(scan.dont_know, "weet ik niet");
    assert!(scan.source.contains("Kaats & Opheij"));
}

#[test]
fn item_ids_are_unique() {
    let content = Content::embedded().expect("content");
    let mut ids: Vec<&str> = content.scan.items().map(|(_, i)| i.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len());
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let broken = SCAN_RON.replacen("conditions: [", "conditions: [ ,,", 1);
    let err = Content::from_sources(&broken, "assets/scan.ron").expect_err("must fail");
    let ContentError::Parse {
        file, line, col, ..
    } = &err
    else {
        panic!("expected a parse error, got {err:?}");
    };
    assert_eq!(file, "assets/scan.ron");
    let expected_line = SCAN_RON
        .lines()
        .position(|l| l.contains("conditions: ["))
        .expect("line")
        + 1;
    assert_eq!(*line, expected_line);
    assert!(*col > 1);
    let text = err.to_string();
    assert!(text.contains("regel") && text.contains("kolom"), "{text}");
}

#[test]
fn a_structural_error_is_explained_in_dutch() {
    let wrong = SCAN_RON.replacen("id: \"belangen\"", "id: \"belang\"", 1);
    let err = Content::from_sources(&wrong, "x.ron").expect_err("must fail");
    assert!(err.to_string().contains("de condities moeten"), "{err}");
    let dup = SCAN_RON.replacen("\"ambitie.waardevol\"", "\"ambitie.gedeeld\"", 1);
    let err = Content::from_sources(&dup, "x.ron").expect_err("must fail");
    assert!(err.to_string().contains("dubbel"), "{err}");
}
