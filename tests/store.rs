//! The sessions folder: round trips, unknown data kept, broken files left alone, atomic
//! saves without leftovers, private permissions, one writer per session.

mod support;
use support::sample;

use kansrijk::session::{self, Answer, Mode, Session};
use kansrijk::store::{self, ListEntry};
use proptest::prelude::*;
use std::fs;

#[test]
fn save_and_load_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = sample();
    let path = store::create(dir.path(), &s).expect("create");
    let loaded = store::load(&path).expect("load");
    assert_eq!(loaded, s);
    // Multi-line notes stay readable in the file.
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains("Eerste regel.\nTweede regel"), "{text}");
    assert!(text.starts_with("(\n    schema: 1,"), "{text}");
}

#[test]
fn unknown_fields_and_ids_survive_a_load_save_cycle() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = store::create(dir.path(), &sample()).expect("create");
    let text = fs::read_to_string(&path).expect("read");
    let text = text.replacen(
        "    answers: {",
        "    later_field: (kind: \"nieuw\", values: [1, 2, 3]),\n    answers: {\n        \"toekomst.item\": Score(2),",
        1,
    );
    let text = text.replacen(
        "    notes: {",
        "    notes: {\n        \"toekomst\": \"bewaar mij\",",
        1,
    );
    fs::write(&path, text).expect("write");

    let mut loaded = store::load(&path).expect("load with unknown data");
    assert!(loaded.extra.contains_key("later_field"));
    loaded
        .answers
        .insert("proces.regie".into(), Answer::Score(3));
    store::save(&path, &loaded).expect("save");

    let again = store::load(&path).expect("reload");
    assert_eq!(again.answers.get("toekomst.item"), Some(&Answer::Score(2)));
    assert_eq!(
        again.notes.get("toekomst").map(String::as_str),
        Some("bewaar mij")
    );
    assert_eq!(again.answers.get("proces.regie"), Some(&Answer::Score(3)));
    assert_eq!(
        again.extra.get("later_field"),
        loaded.extra.get("later_field")
    );
    let text = fs::read_to_string(&path).expect("read");
    assert!(text.contains("later_field"), "{text}");
    assert!(text.contains("nieuw"), "{text}");
}

#[test]
fn corrupt_file_is_listed_with_position_and_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    store::create(dir.path(), &sample()).expect("create");
    let bad = dir.path().join("kapot.ron");
    let bytes: &[u8] = b"(\n    schema: 1,\n    id: \"x\"\n    created: \"2026\",\n";
    fs::write(&bad, bytes).expect("write");
    let list = store::list(dir.path()).expect("list");
    assert_eq!(list.len(), 2);
    assert!(matches!(&list[0], ListEntry::Session { .. }));
    let ListEntry::Unreadable { path, reason } = &list[1] else {
        panic!("expected unreadable entry: {list:?}");
    };
    assert_eq!(path, &bad);
    assert!(reason.contains("regel 4, kolom 5"), "{reason}");
    let err = store::open(&bad).expect_err("must not open");
    assert!(err.to_string().contains("regel 4"), "{err}");
    assert_eq!(fs::read(&bad).expect("read"), bytes);
}

#[test]
fn binary_garbage_and_empty_files_are_unreadable_not_fatal() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("leeg.ron"), b"").expect("write");
    fs::write(dir.path().join("bin.ron"), [0xff, 0x00, 0x12, 0x80]).expect("write");
    let list = store::list(dir.path()).expect("list");
    assert_eq!(list.len(), 2);
    assert!(
        list.iter()
            .all(|e| matches!(e, ListEntry::Unreadable { .. }))
    );
    // The empty file says so, not a parse position.
    let empty = list
        .iter()
        .find(|e| e.path().ends_with("leeg.ron"))
        .expect("listed");
    let ListEntry::Unreadable { reason, .. } = empty else {
        panic!("unreadable");
    };
    assert_eq!(reason, "het bestand is leeg");
    let err = store::load(&dir.path().join("leeg.ron")).expect_err("empty");
    assert!(err.to_string().contains("het bestand is leeg"), "{err}");
}

#[test]
fn saves_leave_no_temp_files_and_are_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("nieuw").join("sessies");
    let mut s = sample();
    let path = store::create(&sub, &s).expect("create in a missing folder");
    for i in 0..50 {
        s.notes.insert("proces".into(), format!("versie {i}"));
        store::save(&path, &s).expect("save");
    }
    let names: Vec<String> = fs::read_dir(&sub)
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dmode = fs::metadata(&sub).expect("meta").permissions().mode() & 0o777;
        assert_eq!(dmode, 0o700);
    }
    assert_eq!(
        store::load(&path).expect("load").notes["proces"],
        "versie 49"
    );
}

#[test]
fn escape_sequences_are_stored_intact_but_never_raw_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = sample();
    s.notes.insert(
        "relatie".into(),
        "kleur \x1b[31mrood\x1b[0m en \x00 nul".into(),
    );
    let path = store::create(dir.path(), &s).expect("create");
    let bytes = fs::read(&path).expect("read");
    assert!(!bytes.contains(&0x1b), "no raw ESC in the file");
    assert!(!bytes.contains(&0x00), "no raw NUL in the file");
    assert_eq!(store::load(&path).expect("load"), s);
}

#[test]
fn a_newer_schema_opens_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = store::create(dir.path(), &sample()).expect("create");
    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, text.replacen("schema: 1,", "schema: 99,", 1)).expect("write");
    let opened = store::open(&path).expect("open");
    let reason = opened.read_only.expect("read-only");
    assert!(reason.contains("nieuwere versie"), "{reason}");
}

#[test]
fn second_open_is_read_only_and_says_who_holds_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = store::create(dir.path(), &sample()).expect("create");
    let first = store::open(&path).expect("open");
    assert!(first.read_only.is_none());
    let second = store::open(&path).expect("open again");
    let reason = second.read_only.expect("read-only");
    assert!(
        reason.contains(&format!("proces {}", std::process::id())),
        "{reason}"
    );
    drop(first);
    let third = store::open(&path).expect("open after release");
    assert!(third.read_only.is_none());
}

#[test]
fn listing_a_missing_folder_is_empty_and_a_file_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        store::list(&dir.path().join("bestaat-niet"))
            .expect("list")
            .is_empty()
    );
    let file = dir.path().join("bestand");
    fs::write(&file, "x").expect("write");
    let err = store::ensure_dir(&file).expect_err("file where a folder should be");
    assert!(
        err.to_string().contains("bestand waar een map hoort"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_session_survives_serialize_and_parse(
        bestuurder in "\\PC{0,40}",
        samenwerking in ".{0,40}",
        note in any::<String>(),
        scores in proptest::collection::btree_map("[a-z]{1,8}\\.[a-z]{1,8}", 0u8..=6, 0..20),
    ) {
        let mut s = Session::new(&bestuurder, "", &samenwerking, Mode::Zelfreflectie,
            jiff::Timestamp::from_second(1_790_000_000).expect("ts"));
        // Session::new trims; compare with what it stores.
        for (k, v) in scores {
            s.answers.insert(k, if v == 0 { Answer::DontKnow } else { Answer::Score(v) });
        }
        s.notes.insert("ambitie".into(), note);
        let text = session::to_ron(&s).expect("serialize");
        let back = session::from_ron(&text).expect("parse");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = session::from_ron(&text);
        let _ = session::header_from_ron(&text);
    }
}

#[test]
fn the_listing_cache_follows_every_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = sample();
    let path = store::create(dir.path(), &s).expect("create");
    assert_eq!(store::list(dir.path()).expect("list").len(), 1);
    assert!(
        dir.path().join(kansrijk::store::index::INDEX_FILE).exists(),
        "cache written"
    );
    // A save: the next listing shows the new answers, not the cached ones.
    s.answers.insert("proces.regie".into(), Answer::Score(1));
    store::save(&path, &s).expect("save");
    let ListEntry::Session { header, .. } = &store::list(dir.path()).expect("list")[0] else {
        panic!("readable");
    };
    assert_eq!(header.answers.get("proces.regie"), Some(&Answer::Score(1)));
    // Broken by hand (same size even): listed as unreadable.
    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, text.replacen("schema: 1,", "schema: 1;", 1)).expect("write");
    assert!(matches!(
        store::list(dir.path()).expect("list")[0],
        ListEntry::Unreadable { .. }
    ));
    // A garbage cache is ignored and rebuilt.
    fs::write(
        dir.path().join(kansrijk::store::index::INDEX_FILE),
        b"{kapot",
    )
    .expect("write");
    assert_eq!(store::list(dir.path()).expect("list").len(), 1);
    // Deleted files leave the cache.
    fs::remove_file(&path).expect("remove");
    assert!(store::list(dir.path()).expect("list").is_empty());
}

/// The start screen's first frame comes from the head of the cache: the first rows in the
/// start screen's own order, as many as asked, without reading the folder; the old JSON
/// cache (with names and scores) goes once the new one is written.
#[test]
fn the_cache_head_holds_the_first_rows_in_the_start_screens_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        store::list_head_from_cache(dir.path(), 40).is_none(),
        "no cache yet"
    );
    fs::write(
        dir.path().join(kansrijk::store::index::OLD_INDEX_FILE),
        b"{}",
    )
    .expect("old");
    for (name, samenwerking) in [
        ("Bram Visser", "Jeugdnet"),
        ("anne Jansen", "Wijkzorg Noord"),
        ("Anne Jansen", "Acute zorg"),
        ("Carla de Wit", "GGZ Oost"),
    ] {
        let s = Session::new(
            name,
            "Org",
            samenwerking,
            Mode::Zelfreflectie,
            jiff::Timestamp::now(),
        );
        store::create(dir.path(), &s).expect("create");
    }
    let mut full = store::list(dir.path()).expect("list");
    store::display_order(&mut full);
    let names = |rows: &[ListEntry]| -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                ListEntry::Session { header, .. } => {
                    format!("{} · {}", header.bestuurder, header.samenwerking)
                }
                ListEntry::Unreadable { path, .. } => path.display().to_string(),
            })
            .collect()
    };
    let head = store::list_head_from_cache(dir.path(), 3).expect("head");
    assert_eq!(names(&head), names(&full)[..3].to_vec());
    assert_eq!(
        names(&head)[0],
        "Anne Jansen · Acute zorg",
        "grouped per bestuurder ignoring case, then per samenwerking"
    );
    assert_eq!(
        store::list_head_from_cache(dir.path(), 40)
            .expect("head")
            .len(),
        4
    );
    assert!(
        !dir.path()
            .join(kansrijk::store::index::OLD_INDEX_FILE)
            .exists(),
        "the old cache with names and scores is gone"
    );
}
