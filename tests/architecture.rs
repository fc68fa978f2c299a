//! The one direction of dependencies (docs/ARCHITECTURE.md): lower layers never use higher
//! ones. This test reads the source files under `src/` and fails, naming file and line, when
//! a module uses a module it must not (`crate::ui`, `crate::app`, ...), whether as
//! `crate::ui::…` or inside `crate::{…}`.
//!
//! Layers, from the bottom: content, session, store, scan, group, text → present → report,
//! cli, search → app → ui → runtime → main.

use std::fs;
use std::path::{Path, PathBuf};

/// Which top-level modules a part of the crate must not use.
struct Rule {
    /// A file (`cli.rs`) or a folder (`store/`) under `src/`.
    part: &'static str,
    forbidden: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        part: "content/",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "session/",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "store/",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "scan.rs",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "group.rs",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "place.rs",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search", "present"],
    },
    Rule {
        part: "text/",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search"],
    },
    Rule {
        part: "present/",
        forbidden: &["ui", "app", "runtime", "report", "cli", "search"],
    },
    Rule {
        part: "report/",
        forbidden: &["ui", "app", "runtime", "cli", "search"],
    },
    Rule {
        part: "cli.rs",
        forbidden: &["ui", "app", "runtime"],
    },
    Rule {
        part: "search.rs",
        forbidden: &["ui", "app", "runtime", "cli", "report"],
    },
    Rule {
        part: "app/",
        forbidden: &["ui", "runtime", "cli", "report"],
    },
    Rule {
        part: "ui/",
        forbidden: &["runtime", "cli", "report"],
    },
];

/// Known violations, each to be removed when the code that causes it moves. The test also
/// fails when an exception no longer occurs, so the list cannot go stale.
/// (file under `src/`, forbidden module)
const KNOWN_EXCEPTIONS: &[(&str, &str)] = &[];

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments (line comments and `//!`/`///` docs), so a doc that
/// mentions `crate::ui` is no dependency. Line numbers are kept.
fn code_of(source: &str) -> Vec<String> {
    source
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                String::new()
            } else if let Some(at) = line.find(" // ") {
                line[..at].to_string()
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// Every top-level module this file names after `crate::`, with its line number (1-based):
/// `crate::ui::x`, `crate::{app, ui::y}` (groups may span lines).
fn uses(lines: &[String]) -> Vec<(usize, String)> {
    let text = lines.join("\n");
    let mut found = Vec::new();
    let mut rest = text.as_str();
    let mut offset = 0;
    while let Some(at) = rest.find("crate::") {
        let start = offset + at;
        let preceded_by_ident = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
        let after = &text[start + "crate::".len()..];
        let line = text[..start].matches('\n').count() + 1;
        if !preceded_by_ident {
            if let Some(group) = after.strip_prefix('{') {
                // The first segment of each item in the group, split at top-level commas.
                let mut depth = 0;
                let mut items = vec![String::new()];
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => items.push(String::new()),
                        _ => {}
                    }
                    if let Some(item) = items.last_mut() {
                        item.push(c);
                    }
                }
                for item in items {
                    let name: String = item
                        .trim_start_matches([',', ' ', '\n'])
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.push((line, name));
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((line, name));
            }
        }
        offset = start + "crate::".len();
        rest = &text[offset..];
    }
    found
}

#[test]
fn dependencies_point_down_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());

    let mut violations = Vec::new();
    let mut seen_exceptions = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&src)
            .expect("below src")
            .to_string_lossy()
            .replace('\\', "/");
        let Some(rule) = RULES.iter().find(|r| {
            if r.part.ends_with('/') {
                rel.starts_with(r.part)
            } else {
                rel == r.part
            }
        }) else {
            continue;
        };
        let source = fs::read_to_string(file).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (line, module) in uses(&code_of(&source)) {
            if !rule.forbidden.contains(&module.as_str()) {
                continue;
            }
            if KNOWN_EXCEPTIONS.contains(&(rel.as_str(), module.as_str())) {
                seen_exceptions.push((rel.clone(), module));
                continue;
            }
            violations.push(format!(
                "src/{rel}:{line} uses crate::{module}, but {} must not depend on {}",
                rule.part,
                rule.forbidden.join(", ")
            ));
        }
    }
    assert!(
        violations.is_empty(),
        "dependencies must point down only (docs/ARCHITECTURE.md):\n{}",
        violations.join("\n")
    );
    for (file, module) in KNOWN_EXCEPTIONS {
        assert!(
            seen_exceptions
                .iter()
                .any(|(f, m)| f == file && m == module),
            "src/{file} no longer uses crate::{module}: remove it from KNOWN_EXCEPTIONS in \
             tests/architecture.rs"
        );
    }
}

/// The checker itself: a forbidden use in each shape is found, a comment is not.
#[test]
fn the_checker_finds_each_shape_of_use() {
    let source = "//! see crate::ui::widgets\n\
                  use crate::ui::widgets::radar;\n\
                  use crate::{\n    content::Content,\n    app::Model,\n};\n\
                  let x = crate::runtime::run(); // crate::cli here is a comment\n\
                  let y = kansrijk::ui::view;\n";
    let found = uses(&code_of(source));
    let names: Vec<(usize, &str)> = found.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        names,
        vec![(2, "ui"), (3, "content"), (3, "app"), (7, "runtime")]
    );
}
