//! Group folders on disk: where a samenwerking's imported partner sessions live
//! (`groepen/<slug>/`), importing partner files into them, reading a samenwerking's
//! sessions from the folder and its group folder, and turning what a user typed (folders,
//! wildcards, a partly typed path) into session files. Who of them counts is decided by
//! the pure rule in `crate::group`.

use super::{self as store, StoreError};
use crate::session::{self, Session};
use std::path::{Path, PathBuf};

/// Name of the subfolder of the sessions folder that holds imported partner sessions,
/// one folder per samenwerking (`groepen/<slug>/`).
pub const GROUPS_DIR: &str = "groepen";

/// The folder for a samenwerking's imported sessions: `<dir>/groepen/<slug>`.
pub fn group_dir(dir: &Path, samenwerking: &str) -> PathBuf {
    let slug = session::slug(samenwerking);
    let slug = if slug.is_empty() {
        "zonder-naam".to_string()
    } else {
        slug
    };
    dir.join(GROUPS_DIR).join(slug)
}

/// What [`expand_inputs`] found: the session files to import, in order and each once,
/// and the folders and patterns that yielded nothing (to tell the user).
#[derive(Debug, Default, PartialEq)]
pub struct Expansion {
    pub files: Vec<PathBuf>,
    /// Folders without `*.ron` files and patterns that match no file, as given.
    pub nothing: Vec<PathBuf>,
}

/// Turns what a user typed (on the command line or in the workbook's import prompt) into
/// session files: a folder gives every `*.ron` file directly in it (not its subfolders,
/// not hidden files); a path with `*` (any run of characters) or `?` (one character) in
/// any part is matched against the folders and files that exist (a wildcard does not
/// match a leading `.`); anything else is taken as it is (a missing file is reported by
/// [`import`]). Results are sorted by name per argument; duplicates are dropped.
pub fn expand_inputs(inputs: &[PathBuf]) -> Expansion {
    let mut out = Expansion::default();
    let push = |files: &mut Vec<PathBuf>, p: PathBuf| {
        if !files.contains(&p) {
            files.push(p);
        }
    };
    for input in inputs {
        let text = input.to_string_lossy();
        let found: Vec<PathBuf> = if text.contains(['*', '?']) {
            let matched = glob_paths(input);
            let mut files = Vec::new();
            for m in matched {
                if m.is_dir() {
                    files.extend(ron_files(&m));
                } else {
                    files.push(m);
                }
            }
            files
        } else if input.is_dir() {
            ron_files(input)
        } else {
            vec![input.clone()]
        };
        if found.is_empty() {
            out.nothing.push(input.clone());
        }
        for f in found {
            push(&mut out.files, f);
        }
    }
    out
}

/// What Tab makes of a partly typed path: the last component completed as far as every
/// name that fits agrees, like a shell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completion {
    /// The path as typed, completed as far as the candidates agree (a folder ends in
    /// `/`); unchanged when nothing fits or they agree on nothing more.
    pub completed: String,
    /// The names that fit (a folder with a trailing `/`), sorted; exactly one when the
    /// path is complete.
    pub candidates: Vec<String>,
}

/// Completes the last component of `typed` from what is in its folder (the current
/// folder for a bare name; a leading `~/` is the home folder). Hidden names only when
/// the typed part starts with a dot. Reads only the folder's names, never a file.
pub fn complete_path(typed: &str) -> Completion {
    let (dir_part, prefix) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let lookup = if dir_part.is_empty() {
        PathBuf::from(".")
    } else {
        match (dir_part.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(dir_part),
        }
    };
    let mut candidates: Vec<String> = std::fs::read_dir(&lookup)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_str()?.to_string();
                    let fits = name.starts_with(prefix)
                        && (!name.starts_with('.') || prefix.starts_with('.'));
                    // A symlink to a folder counts as a folder.
                    let dir = std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir());
                    fits.then(|| if dir { format!("{name}/") } else { name })
                })
                .collect()
        })
        .unwrap_or_default();
    candidates.sort();
    let common = match candidates.split_first() {
        None => {
            return Completion {
                completed: typed.to_string(),
                candidates,
            };
        }
        Some((first, rest)) => rest.iter().fold(first.clone(), |common, c| {
            common
                .chars()
                .zip(c.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        }),
    };
    Completion {
        completed: format!(
            "{dir_part}{}",
            if common.len() >= prefix.len() {
                &common
            } else {
                prefix
            }
        ),
        candidates,
    }
}

/// The `*.ron` files directly in `dir` (no hidden ones), sorted by name.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.')
                && name.ends_with(&format!(".{}", store::EXT))
                && e.path().is_file()
        })
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

/// The existing paths matching `pattern`, whose parts may hold `*` and `?`; sorted.
fn glob_paths(pattern: &Path) -> Vec<PathBuf> {
    use std::path::Component;
    let mut current: Vec<PathBuf> = vec![PathBuf::new()];
    for component in pattern.components() {
        let part = component.as_os_str().to_string_lossy();
        let wild = matches!(component, Component::Normal(_)) && part.contains(['*', '?']);
        if !wild {
            for p in &mut current {
                p.push(component.as_os_str());
            }
            current.retain(|p| std::fs::symlink_metadata(p).is_ok());
            continue;
        }
        let mut next = Vec::new();
        for base in &current {
            let dir = if base.as_os_str().is_empty() {
                Path::new(".")
            } else {
                base.as_path()
            };
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| (!n.starts_with('.') || part.starts_with('.')) && wildcard(&part, n))
                .collect();
            names.sort();
            next.extend(names.into_iter().map(|n| base.join(n)));
        }
        current = next;
    }
    current.retain(|p| !p.as_os_str().is_empty());
    current
}

/// Whether `name` matches `pattern` (`*` any run of characters, `?` one character).
pub fn wildcard(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(c) if *c == '?' || *c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The result of [`import`]: what was copied where, what was already there, what was
/// refused and why.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// (original, copy)
    pub imported: Vec<(PathBuf, PathBuf)>,
    /// (original, the identical copy already in the group folder)
    pub already: Vec<(PathBuf, PathBuf)>,
    pub refused: Vec<(PathBuf, StoreError)>,
}

/// Copies partner session files into `<dir>/groepen/<slug of their samenwerking>/`
/// (folders 0700, copies 0600, written atomically). The originals are only read. A file
/// that does not parse is refused with the parse error; the others are still imported.
/// A name already taken gets `-2`, `-3`, … — unless that file has the same bytes, then
/// nothing is copied (a respondent must not count twice).
pub fn import(dir: &Path, files: &[PathBuf]) -> ImportReport {
    let mut report = ImportReport::default();
    for file in files {
        match import_one(dir, file) {
            Ok(Copied::New(to)) => report.imported.push((file.clone(), to)),
            Ok(Copied::Already(to)) => report.already.push((file.clone(), to)),
            Err(e) => report.refused.push((file.clone(), e)),
        }
    }
    report
}

enum Copied {
    New(PathBuf),
    Already(PathBuf),
}

fn import_one(dir: &Path, file: &Path) -> Result<Copied, StoreError> {
    // Validate with the same parser (and the same Dutch error) as everywhere else.
    let session = store::load(file)?;
    let bytes = store::fsio::read_capped(
        file,
        store::fsio::Links::Follow,
        store::fsio::MAX_SESSION_BYTES,
    )
    .map_err(|e| StoreError::Read {
        path: file.to_path_buf(),
        reason: e.reason(),
    })?;
    let target_dir = group_dir(dir, &session.samenwerking);
    // A `groepen` (or group folder) that is a link would put the copy elsewhere.
    store::ensure_subdir(&dir.join(GROUPS_DIR))?;
    store::ensure_subdir(&target_dir)?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.strip_suffix(&format!(".{}", store::EXT)).unwrap_or(n))
        .map(store::safe_stem)
        .unwrap_or_else(|| store::safe_stem(&session.id));
    let mut n = 1;
    let target = loop {
        let candidate = if n == 1 {
            target_dir.join(format!("{name}.{}", store::EXT))
        } else {
            target_dir.join(format!("{name}-{n}.{}", store::EXT))
        };
        if std::fs::symlink_metadata(&candidate).is_err() {
            break candidate;
        }
        let existing = store::fsio::read_capped(
            &candidate,
            store::fsio::Links::Refuse,
            store::fsio::MAX_SESSION_BYTES,
        );
        if existing.is_ok_and(|existing| existing == bytes) {
            return Ok(Copied::Already(candidate));
        }
        n += 1;
    };
    // Never write onto the original, even when it already lies in the group folder.
    if same_file(file, &target) {
        return Ok(Copied::Already(target));
    }
    store::write_atomic(&target, &bytes)?;
    Ok(Copied::New(target))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Every readable session of one samenwerking in `dir` and its group folder, before the
/// membership rule: top-level files first, each part in file-name order.
pub fn candidates(dir: &Path, samenwerking: &str) -> Vec<(PathBuf, Session)> {
    let wanted = session::slug(samenwerking);
    let top = store::list(dir).unwrap_or_default();
    let mut paths: Vec<PathBuf> = top
        .iter()
        .filter_map(|e| match e {
            store::ListEntry::Session { path, header }
                if session::slug(&header.samenwerking) == wanted =>
            {
                Some(path.clone())
            }
            _ => None,
        })
        .collect();
    paths.sort();
    let mut imported: Vec<PathBuf> = std::fs::read_dir(group_dir(dir, samenwerking))
        .map(|read| {
            read.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| store::is_session_file(p))
                .collect()
        })
        .unwrap_or_default();
    imported.sort();
    paths.extend(imported);
    paths
        .into_iter()
        .filter_map(|path| store::load(&path).ok().map(|s| (path, s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_completes_the_last_component_like_a_shell() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let base = tmp.path().display().to_string();
        std::fs::create_dir(tmp.path().join("partners")).expect("dir");
        std::fs::write(tmp.path().join("partner-a.ron"), "").expect("file");
        std::fs::write(tmp.path().join("partner-b.ron"), "").expect("file");
        std::fs::write(tmp.path().join(".verborgen.ron"), "").expect("file");
        // Ambiguous: as far as they agree, with every candidate.
        let c = complete_path(&format!("{base}/pa"));
        assert_eq!(c.completed, format!("{base}/partner"));
        assert_eq!(
            c.candidates,
            ["partner-a.ron", "partner-b.ron", "partners/"]
        );
        // One fits: complete, a folder with its slash.
        let c = complete_path(&format!("{base}/partners"));
        assert_eq!(c.candidates, ["partners/"]);
        assert_eq!(c.completed, format!("{base}/partners/"));
        let c = complete_path(&format!("{base}/partner-b"));
        assert_eq!(c.completed, format!("{base}/partner-b.ron"));
        // Nothing fits: unchanged. Hidden names only when asked for.
        let c = complete_path(&format!("{base}/x"));
        assert_eq!((c.completed, c.candidates.len()), (format!("{base}/x"), 0));
        assert_eq!(complete_path(&format!("{base}/")).candidates.len(), 3);
        assert_eq!(
            complete_path(&format!("{base}/.")).candidates,
            [".verborgen.ron"]
        );
    }

    #[test]
    fn wildcards() {
        assert!(wildcard("*.ron", "anne.ron"));
        assert!(wildcard("a?ne*", "anne.ron"));
        assert!(wildcard("*", ""));
        assert!(!wildcard("*.ron", "anne.md"));
        assert!(!wildcard("?", ""));
        assert!(wildcard("*a*b", "xaxxab"));
        assert!(!wildcard("*a*b", "xaxxa"));
    }

    #[test]
    fn group_dir_is_the_slug() {
        let d = Path::new("/x");
        assert_eq!(
            group_dir(d, "Wijkzorg Noord"),
            Path::new("/x/groepen/wijkzorg-noord")
        );
        assert_eq!(group_dir(d, "../.."), Path::new("/x/groepen/zonder-naam"));
    }
}
