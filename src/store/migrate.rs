//! Sessions of an older schema: a backup of the file exactly as it was, written (and
//! fsynced) before the session is upgraded in memory, so that the first save in the new
//! schema can never destroy the only copy in the old one.
//!
//! The upgrade of the data itself belongs to `session` (a `migrate(session, from)` there
//! once an older schema exists); this module owns the order: backup first, then upgrade.

use super::{StoreError, write_atomic};
use crate::session::Session;
use std::path::{Path, PathBuf};

/// Where the backup of `path` in schema `from` goes: `NAME.ron.v<from>.bak` beside it,
/// or `NAME.ron.v<from>-2.bak`, … when that name holds a different file.
/// The names do not end in `.ron`, so the sessions list never shows them.
pub fn backup_path(path: &Path, from: u32) -> PathBuf {
    backup_candidate(path, from, 1)
}

fn backup_candidate(path: &Path, from: u32, n: u32) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    if n == 1 {
        name.push(format!(".v{from}.bak"));
    } else {
        name.push(format!(".v{from}-{n}.bak"));
    }
    path.with_file_name(name)
}

/// Writes the backup of `original` (the file's bytes as read) and upgrades `session` to
/// `current`. An existing backup with the same bytes is reused; one with other bytes is
/// never overwritten. Returns the backup's path.
pub(super) fn upgrade(
    path: &Path,
    original: &[u8],
    session: &mut Session,
    current: u32,
) -> Result<PathBuf, StoreError> {
    let from = session.schema;
    let mut target = None;
    for n in 1..1000 {
        let candidate = backup_candidate(path, from, n);
        use super::fsio::{self, FileError, Links};
        match fsio::read_capped(&candidate, Links::Refuse, fsio::MAX_SESSION_BYTES) {
            Ok(existing) if existing == original => return finish(candidate, session, current),
            Ok(_) => continue,
            Err(e) if e.is_not_found() => {
                target = Some(candidate);
                break;
            }
            // A link, FIFO or huge file under the name: not ours, take the next name.
            Err(FileError::Link | FileError::NotRegular(_) | FileError::TooLarge { .. }) => {
                continue;
            }
            Err(e) => {
                return Err(StoreError::Write {
                    path: candidate,
                    reason: e.reason(),
                });
            }
        }
    }
    let target = target.ok_or_else(|| StoreError::Write {
        path: backup_path(path, from),
        reason: "te veel reservekopieën".to_string(),
    })?;
    write_atomic(&target, original)?;
    finish(target, session, current)
}

fn finish(backup: PathBuf, session: &mut Session, current: u32) -> Result<PathBuf, StoreError> {
    migrate(session, current);
    Ok(backup)
}

/// The data upgrade. There is no older schema yet, so only the version moves; when one
/// comes, call `session::migrate(session, from)` here.
fn migrate(session: &mut Session, current: u32) {
    session.schema = current;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Mode, SCHEMA_VERSION};
    use crate::store;

    fn session() -> Session {
        let mut s = Session::new(
            "Anne Jansen",
            "Zorggroep Oost",
            "Wijkzorg Noord",
            Mode::Zelfreflectie,
            jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
        );
        s.notes
            .insert("ambitie".into(), "vertrouwelijke gedachte".into());
        s
    }

    #[test]
    fn backup_names_sit_beside_the_session_and_are_not_sessions() {
        let p = Path::new("/x/sessies/anne.ron");
        assert_eq!(backup_path(p, 1), Path::new("/x/sessies/anne.ron.v1.bak"));
        assert_eq!(
            backup_candidate(p, 1, 3),
            Path::new("/x/sessies/anne.ron.v1-3.bak")
        );
        assert!(!store::is_session_file(&backup_path(p, 1)));
    }

    /// Fakes a newer build (schema current + 1) opening today's file: the backup holds
    /// the old bytes, 0600, before anything is saved; the session is upgraded in memory;
    /// the first save leaves the backup alone; a second open makes no second backup.
    #[test]
    fn an_older_schema_gets_a_backup_before_the_first_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = store::create(dir.path(), &session()).expect("create");
        let original = std::fs::read(&path).expect("read");
        let next = SCHEMA_VERSION + 1;

        let opened = store::open_for_schema(&path, next).expect("open");
        assert!(opened.read_only.is_none(), "{:?}", opened.read_only);
        let backup = opened.backup.clone().expect("a backup");
        assert_eq!(backup, backup_path(&path, SCHEMA_VERSION));
        assert_eq!(std::fs::read(&backup).expect("backup"), original);
        assert_eq!(opened.session.schema, next);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&backup)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }

        store::save(&path, &opened.session).expect("save");
        drop(opened);
        assert_eq!(std::fs::read(&backup).expect("backup"), original);
        assert_eq!(store::load(&path).expect("load").schema, next);

        // Now in the new schema: no further backups.
        let again = store::open_for_schema(&path, next).expect("open again");
        assert!(again.backup.is_none());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".bak"))
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn an_existing_different_backup_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = store::create(dir.path(), &session()).expect("create");
        let first = backup_path(&path, SCHEMA_VERSION);
        std::fs::write(&first, b"een eerdere reservekopie").expect("write");
        let opened = store::open_for_schema(&path, SCHEMA_VERSION + 1).expect("open");
        let backup = opened.backup.expect("a backup");
        assert_ne!(backup, first);
        assert_eq!(
            std::fs::read(&first).expect("read"),
            b"een eerdere reservekopie"
        );
        assert_eq!(
            std::fs::read(&backup).expect("read"),
            std::fs::read(&path).expect("read")
        );
    }

    #[test]
    fn the_current_schema_needs_no_backup_and_a_newer_one_is_read_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = store::create(dir.path(), &session()).expect("create");
        let opened = store::open(&path).expect("open");
        assert!(opened.backup.is_none());
        assert!(opened.lock.is_some());
        drop(opened);
        let older_build = store::open_for_schema(&path, SCHEMA_VERSION - 1).expect("open");
        assert!(older_build.lock.is_none());
        let reason = older_build.read_only.expect("read-only");
        assert!(reason.contains("nieuwere versie"), "{reason}");
    }
}
