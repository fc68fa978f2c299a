//! Another program changed the file: a sync tool, an editor. kansrijk remembers the stamp
//! of the version it last read or wrote; before a save it compares, and when the file
//! changed it keeps the outside version and saves the open session beside it, as
//! `NAME.conflict-YYYYMMDD-HHMMSS.ron`.

use super::{EXT, StoreError, atomic, io_reason};
use std::path::{Path, PathBuf};

/// What identifies one version of a file: device, inode, size, modification and change
/// time. An edit in place changes size or times (the change time cannot be set back,
/// not even with `touch -r`); a new file renamed over it changes the inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
}

impl FileStamp {
    /// The stamp of the file at `path` now; `None` when there is none.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Self {
                dev: meta.dev(),
                ino: meta.ino(),
                len: meta.len(),
                modified_ns: i128::from(meta.mtime()) * 1_000_000_000
                    + i128::from(meta.mtime_nsec()),
                changed_ns: i128::from(meta.ctime()) * 1_000_000_000
                    + i128::from(meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let modified_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_nanos() as i128)
                .unwrap_or(-1);
            Some(Self {
                dev: 0,
                ino: 0,
                len: meta.len(),
                modified_ns,
                changed_ns: modified_ns,
            })
        }
    }
}

/// The name for the open session beside `path` when `path` was changed by someone else:
/// `NAME.conflict-YYYYMMDD-HHMMSS.ron` (`-2`, `-3`, … when taken).
fn conflict_paths(path: &Path, now: &jiff::ZonedDateTime) -> impl Iterator<Item = PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".to_string());
    let base = format!("{stem}.conflict-{}", now.strftime("%Y%m%d-%H%M%S"));
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    std::iter::once(dir.join(format!("{base}.{EXT}")))
        .chain((2u32..).map(move |n| dir.join(format!("{base}-{n}.{EXT}"))))
}

/// Writes `text` as a new file beside `path` (0600, never over an existing file) and
/// returns its path.
pub fn save_beside(path: &Path, text: &[u8]) -> Result<PathBuf, StoreError> {
    let now = jiff::ZonedDateTime::now();
    let mut last = path.to_path_buf();
    for candidate in conflict_paths(path, &now).take(1_000) {
        match atomic::write(&candidate, text, atomic::Replace::Never) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = candidate,
            Err(e) => {
                return Err(StoreError::Write {
                    path: candidate,
                    reason: io_reason(&e),
                });
            }
        }
    }
    Err(StoreError::Write {
        path: last,
        reason: io_reason(&std::io::Error::from(std::io::ErrorKind::AlreadyExists)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_names_keep_the_session_name_and_the_extension() {
        let now = jiff::civil::date(2026, 5, 1)
            .at(9, 30, 5, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .expect("zoned");
        let names: Vec<PathBuf> = conflict_paths(Path::new("/m/anne.ron"), &now)
            .take(2)
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("/m/anne.conflict-20260501-093005.ron"),
                PathBuf::from("/m/anne.conflict-20260501-093005-2.ron")
            ]
        );
    }

    #[test]
    fn a_stamp_changes_with_an_edit_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        std::fs::write(&path, "een").expect("write");
        let before = FileStamp::of(&path);
        assert_eq!(before, FileStamp::of(&path));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "twee").expect("write");
        assert_ne!(before, FileStamp::of(&path));
        assert_eq!(FileStamp::of(&dir.path().join("niet")), None);
    }
}
