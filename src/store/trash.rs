//! The prullenbak: deleting a session moves it (with its backups) into the subfolder
//! `prullenbak` of the sessions folder, from where it can be put back. Removing it for
//! good is deleting the file from that folder; kansrijk never does that by itself.
//!
//! Reports kansrijk wrote of the session (`NAME.html`, `.md`, `.svg`) go along, and its
//! entry in the listing cache is dropped: nothing with its name stays in the folder.
//!
//! Moves never overwrite: a free name is taken (`NAME-2.ron`, …), the file is linked
//! under the new name and only then unlinked under the old one, so a crash in between
//! leaves two names for the same file, never none.

use super::lock::{NotLocked, SessionLock, held_message};
use super::{EXT, ListEntry, StoreError, ensure_dir, ensure_subdir, io_reason, sync_dir};
use std::fs;
use std::path::{Path, PathBuf};

/// The name of the prullenbak folder inside the sessions folder.
pub const TRASH_DIR: &str = "prullenbak";

/// The prullenbak of the sessions folder `dir`.
pub fn trash_dir(dir: &Path) -> PathBuf {
    dir.join(TRASH_DIR)
}

/// The sessions in the prullenbak of `dir`, as [`list`] gives them (an empty list when
/// there is no prullenbak).
pub fn list_trash(dir: &Path) -> Result<Vec<ListEntry>, StoreError> {
    let bin = trash_dir(dir);
    if super::fsio::is_link(&bin) {
        return Err(link_bin(&bin));
    }
    super::list_uncached(&bin)
}

fn link_bin(bin: &Path) -> StoreError {
    StoreError::Dir {
        path: bin.to_path_buf(),
        reason: "is een symbolische koppeling (symlink); kansrijk gebruikt alleen een \
                 prullenbak die echt in de sessiemap staat"
            .to_string(),
    }
}

/// The report formats kansrijk writes next to a session (`NAME.html`, …).
const REPORT_EXTENSIONS: [&str; 3] = ["html", "md", "svg"];

/// True when `bytes` are a report kansrijk wrote: the marker each format carries
/// (`src/report/`: the HTML's generator meta tag, the Markdown's closing line, the SVG
/// radar's opening tag). Only such files are moved with a session, or replaced by a
/// new report without asking.
pub fn is_own_report(extension: &str, bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    match extension {
        "html" => text.contains("<meta name=\"generator\" content=\"kansrijk "),
        "md" => text.contains("*Gemaakt met kansrijk "),
        "svg" => text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\""),
        _ => false,
    }
}

/// True when the file at `path` is a regular file holding a report kansrijk wrote.
pub fn is_own_report_file(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return false;
    };
    super::fsio::read_capped(
        path,
        super::fsio::Links::Refuse,
        super::fsio::MAX_SMALL_FILE_BYTES,
    )
    .is_ok_and(|bytes| is_own_report(ext, &bytes))
}

/// Moves the reports kansrijk wrote of session `name` (`NAME.html`, `.md`, `.svg` beside
/// it) from `from` to `to`, named for the session's new name. Files of the same name
/// that kansrijk did not write stay where they are.
fn move_reports(from: &Path, name: &str, to: &Path, new_name: &str) -> Result<(), StoreError> {
    let stem = name.strip_suffix(&format!(".{EXT}")).unwrap_or(name);
    let new_stem = new_name
        .strip_suffix(&format!(".{EXT}"))
        .unwrap_or(new_name);
    for ext in REPORT_EXTENSIONS {
        let source = from.join(format!("{stem}.{ext}"));
        if !is_own_report_file(&source) {
            continue;
        }
        let mut moved = false;
        for n in 1..1000 {
            let candidate = if n == 1 {
                to.join(format!("{new_stem}.{ext}"))
            } else {
                to.join(format!("{new_stem}~{n}.{ext}"))
            };
            match move_file(&source, &candidate) {
                Ok(()) => {
                    moved = true;
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(move_error(&source, io_reason(&e))),
            }
        }
        if !moved {
            return Err(move_error(&source, "geen vrije naam gevonden"));
        }
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn move_error(path: &Path, reason: impl Into<String>) -> StoreError {
    StoreError::Move {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Moves the session file `path` (a readable one or not) and its backups
/// (`NAME.ron.v*.bak`) to the prullenbak beside it; returns the new path.
///
/// Refuses while another kansrijk has the session open (its next save would bring the
/// file back). The caller's own lock on it must be released first (`Effect::Close`).
pub fn trash(path: &Path) -> Result<PathBuf, StoreError> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.starts_with('.') && n.ends_with(&format!(".{EXT}")))
        .ok_or_else(|| move_error(path, "is geen sessiebestand (.ron)"))?
        .to_string();
    let dir = folder_of(path);
    if dir.file_name().is_some_and(|n| n == TRASH_DIR) {
        return Err(move_error(path, "staat al in de prullenbak"));
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(move_error(path, "is geen gewoon bestand")),
        Err(e) => return Err(move_error(path, io_reason(&e))),
    }
    // A prullenbak that is a link would move the session out of the folder: refused
    // before anything (also a lock file) is made.
    let bin = trash_dir(dir);
    ensure_subdir(&bin)?;
    let lock = SessionLock::try_acquire(path).map_err(|e| match e {
        NotLocked::Held(info) => move_error(
            path,
            held_message(info.as_ref()).replace("; alleen-lezen", "; sluit de sessie daar eerst"),
        ),
        NotLocked::File(e) => move_error(path, format!("kan niet vergrendelen ({e})")),
    })?;
    let target = move_no_clobber(path, &bin, &name)?;
    move_backups(dir, &name, &bin, target_name(&target))?;
    move_reports(dir, &name, &bin, target_name(&target))?;
    // Temp files of a killed save hold the session's text too.
    super::remove_stale_temp_files(path);
    // Nor its names and answers in the listing cache.
    super::index::forget(dir, &name);
    // No lock file with the session's name stays behind in the sessions folder.
    lock.release_and_remove();
    let _ = sync_dir(dir);
    let _ = sync_dir(&bin);
    Ok(target)
}

/// Moves `name` (`NAME.ron` or `NAME`) from the prullenbak of `dir` back into `dir`,
/// with its backups; returns the path it got (`NAME-2.ron`, … when the name is taken).
pub fn restore(dir: &Path, name: &str) -> Result<PathBuf, StoreError> {
    let bin = trash_dir(dir);
    let file_name = if name.ends_with(&format!(".{EXT}")) {
        name.to_string()
    } else {
        format!("{name}.{EXT}")
    };
    let plain = Path::new(&file_name)
        .file_name()
        .is_some_and(|n| n == file_name.as_str());
    if !plain || file_name.starts_with('.') {
        return Err(move_error(
            Path::new(name),
            "geef alleen de naam van een bestand in de prullenbak",
        ));
    }
    if super::fsio::is_link(&bin) {
        return Err(link_bin(&bin));
    }
    let source = bin.join(&file_name);
    if !source.is_file() {
        return Err(move_error(
            &source,
            format!("staat niet in de prullenbak ({})", bin.display()),
        ));
    }
    ensure_dir(dir)?;
    let target = move_no_clobber(&source, dir, &file_name)?;
    move_backups(&bin, &file_name, dir, target_name(&target))?;
    move_reports(&bin, &file_name, dir, target_name(&target))?;
    let _ = sync_dir(dir);
    let _ = sync_dir(&bin);
    Ok(target)
}

fn target_name(target: &Path) -> &str {
    target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// Moves `source` into `to_dir` as `name`, or as `STEM-2.ron`, … when that is taken.
fn move_no_clobber(source: &Path, to_dir: &Path, name: &str) -> Result<PathBuf, StoreError> {
    let stem = name.strip_suffix(&format!(".{EXT}")).unwrap_or(name);
    for n in 1..10_000 {
        let candidate = if n == 1 {
            to_dir.join(name)
        } else {
            to_dir.join(format!("{stem}-{n}.{EXT}"))
        };
        match move_file(source, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(move_error(source, io_reason(&e))),
        }
    }
    Err(move_error(source, "geen vrije naam gevonden"))
}

/// Moves one file without ever replacing another: a hard link under the new name, then
/// the old name removed. Where hard links are not possible, a rename after a check.
fn move_file(source: &Path, target: &Path) -> std::io::Result<()> {
    match fs::hard_link(source, target) {
        Ok(()) => fs::remove_file(source),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if fs::symlink_metadata(target).is_ok() {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(source, target)
        }
    }
}

/// Moves the backups of session `name` in `from` (`NAME.ron.v*.bak`) to `to`, renamed
/// for the session's new name.
fn move_backups(from: &Path, name: &str, to: &Path, new_name: &str) -> Result<(), StoreError> {
    let Ok(read) = fs::read_dir(from) else {
        return Ok(());
    };
    let prefix = format!("{name}.v");
    for entry in read.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(old) = file_name.to_str() else {
            continue;
        };
        let Some(rest) = old.strip_prefix(&prefix) else {
            continue;
        };
        if !rest.ends_with(".bak") {
            continue;
        }
        let base = format!("{new_name}.v{}", rest.trim_end_matches(".bak"));
        let mut moved = false;
        for n in 1..1000 {
            let candidate = if n == 1 {
                to.join(format!("{base}.bak"))
            } else {
                to.join(format!("{base}~{n}.bak"))
            };
            match move_file(&entry.path(), &candidate) {
                Ok(()) => {
                    moved = true;
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(move_error(&entry.path(), io_reason(&e))),
            }
        }
        if !moved {
            return Err(move_error(&entry.path(), "geen vrije naam gevonden"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Mode, Session};
    use crate::store;

    fn create(dir: &Path, who: &str) -> PathBuf {
        let s = Session::new(
            who,
            "",
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
        );
        store::create(dir, &s).expect("create")
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("read_dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn trash_and_restore_round_trip_with_backups_and_no_leftovers() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        let path = create(dir, "Anne Jansen");
        let original = fs::read(&path).expect("read");
        fs::write(store::backup_path(&path, 0), b"oud").expect("backup");
        // A session that was opened (lock file) and a save that was killed (temp file).
        drop(store::open(&path).expect("open"));
        let temp = dir.join(format!(
            ".{}.kansrijk-tmp-Ab12Cd",
            path.file_name().expect("name").to_string_lossy()
        ));
        fs::write(&temp, b"half").expect("temp");

        let trashed = store::trash(&path).expect("trash");
        assert_eq!(trashed.parent(), Some(trash_dir(dir).as_path()));
        assert_eq!(
            names(dir),
            vec![TRASH_DIR.to_string()],
            "nothing left beside it"
        );
        assert_eq!(fs::read(&trashed).expect("read"), original);
        assert!(store::list(dir).expect("list").is_empty());
        assert_eq!(store::list_trash(dir).expect("list trash").len(), 1);

        let name = trashed
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let back = store::restore(dir, name.trim_end_matches(".ron")).expect("restore");
        assert_eq!(back, path);
        assert_eq!(fs::read(&back).expect("read"), original);
        assert_eq!(
            fs::read(store::backup_path(&back, 0)).expect("backup"),
            b"oud"
        );
        assert!(names(&trash_dir(dir)).is_empty());
        assert_eq!(store::list(dir).expect("list").len(), 1);
    }

    #[test]
    fn moves_never_overwrite() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        let first = create(dir, "Anne Jansen");
        let trashed = store::trash(&first).expect("trash");
        let second = create(dir, "Anne Jansen");
        assert_eq!(second, first, "the same name is free again");
        let trashed2 = store::trash(&second).expect("trash again");
        assert_ne!(trashed, trashed2);
        assert!(
            trashed2.to_string_lossy().ends_with("-2.ron"),
            "{trashed2:?}"
        );
        // A new session under the name; restoring takes a free name beside it.
        let third = create(dir, "Anne Jansen");
        let name = trashed
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let back = store::restore(dir, &name).expect("restore");
        assert_ne!(back, third);
        assert!(third.is_file() && back.is_file());
        assert_eq!(store::list(dir).expect("list").len(), 2);
    }

    #[test]
    fn trash_refuses_what_it_must_not_move() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        let path = create(dir, "Anne Jansen");
        let held = store::open(&path).expect("open");
        let err = store::trash(&path).expect_err("held by another window");
        let text = err.to_string();
        assert!(text.contains("sluit de sessie daar eerst"), "{text}");
        assert!(
            text.contains(&format!("proces {}", std::process::id())),
            "{text}"
        );
        drop(held);
        assert!(path.is_file());

        let other = dir.join("notitie.txt");
        fs::write(&other, "x").expect("write");
        assert!(store::trash(&other).is_err());
        assert!(store::trash(&dir.join("bestaat-niet.ron")).is_err());
        let trashed = store::trash(&path).expect("trash");
        let err = store::trash(&trashed).expect_err("already in the prullenbak");
        assert!(err.to_string().contains("al in de prullenbak"), "{err}");
        for bad in ["../x", "a/b", "..", ".verborgen", "bestaat-niet"] {
            assert!(store::restore(dir, bad).is_err(), "{bad}");
        }
    }
}
