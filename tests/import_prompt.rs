//! `i` on the start screen as a user uses it: a folder or a pattern instead of every
//! file, and Tab to complete the path like a shell.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{App, create_session};

/// A folder outside the sessions folder with two partners' sessions in `sub`.
fn partners(sub: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let outside = tempfile::tempdir().expect("tempdir");
    let folder = outside.path().join(sub);
    std::fs::create_dir(&folder).expect("folder");
    create_session(&folder, "Fatima El Amrani", "Wijkzorg Noord");
    create_session(&folder, "Henk Verbeek", "Wijkzorg Noord");
    std::fs::write(folder.join("lees-mij.txt"), "geen sessie").expect("file");
    (outside, folder)
}

fn imported(app: &App) -> usize {
    let group = app.model.dir.join("groepen").join("wijkzorg-noord");
    std::fs::read_dir(group)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .count()
        })
        .unwrap_or(0)
}

fn prompt(app: &App) -> String {
    app.model
        .prompt
        .as_ref()
        .map(|p| p.textarea.lines().join(""))
        .unwrap_or_default()
}

fn status(app: &App) -> String {
    app.model
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_folder_imports_every_session_in_it() {
    let (_outside, folder) = partners("partners");
    let mut app = App::start();
    app.press('i')
        .type_text(&folder.display().to_string())
        .code(KeyCode::Enter);
    assert!(status(&app).contains("2 geïmporteerd"), "{}", status(&app));
    assert_eq!(imported(&app), 2);
}

#[test]
fn a_pattern_imports_the_files_it_matches() {
    let (_outside, folder) = partners("partners");
    let mut app = App::start();
    app.press('i')
        .type_text(&format!("{}/*fatima*.ron", folder.display()))
        .code(KeyCode::Enter);
    assert!(status(&app).contains("1 geïmporteerd"), "{}", status(&app));
    assert_eq!(imported(&app), 1);
    // A pattern that matches nothing is named.
    app.press('i')
        .type_text(&format!("{}/*.xyz", folder.display()))
        .code(KeyCode::Enter);
    assert!(
        status(&app).contains("niets gevonden bij"),
        "{}",
        status(&app)
    );
}

#[test]
fn tab_completes_the_path_and_shows_the_candidates_when_ambiguous() {
    let (outside, folder) = partners("partners");
    std::fs::create_dir(outside.path().join("partnerdossier")).expect("folder");
    let base = outside.path().display().to_string();
    let mut app = App::start();
    app.press('i').type_text(&format!("{base}/par"));
    assert!(app.screen().contains("Tab: aanvullen"));
    // Two folders fit: completed as far as they agree, both named.
    app.code(KeyCode::Tab);
    assert_eq!(prompt(&app), format!("{base}/partner"));
    assert!(
        status(&app).contains("partnerdossier/  partners/"),
        "{}",
        status(&app)
    );
    assert!(app.screen().contains("partners/"));
    // One fits: completed with its slash, and on into the folder.
    app.press('s').code(KeyCode::Tab);
    assert_eq!(prompt(&app), format!("{}/", folder.display()));
    let file = std::fs::read_dir(&folder)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("henk"))
        .expect("Henk's file");
    // Both sessions begin with the same date: completed up to where they differ.
    let stamp = &file[..file.find("henk").expect("name")];
    app.press('2').code(KeyCode::Tab);
    assert_eq!(prompt(&app), format!("{}/{stamp}", folder.display()));
    assert!(status(&app).starts_with("Mogelijk: "), "{}", status(&app));
    app.press('h').code(KeyCode::Tab);
    assert_eq!(prompt(&app), format!("{}/{file} ", folder.display()));
    app.code(KeyCode::Enter);
    assert_eq!(imported(&app), 1);
}

#[test]
fn tab_quotes_a_name_with_a_space_and_says_when_nothing_fits() {
    let (outside, _folder) = partners("Mijn partners");
    let base = outside.path().display().to_string();
    let mut app = App::start();
    app.press('i')
        .type_text(&format!("{base}/Mi"))
        .code(KeyCode::Tab);
    assert_eq!(prompt(&app), format!("\"{base}/Mijn partners/"));
    app.code(KeyCode::Enter);
    assert_eq!(imported(&app), 2, "{}", status(&app));
    app.press('i')
        .type_text(&format!("{base}/bestaat-niet"))
        .code(KeyCode::Tab);
    assert!(
        status(&app).contains("Geen bestand of map past"),
        "{}",
        status(&app)
    );
    assert_eq!(prompt(&app), format!("{base}/bestaat-niet"));
}
