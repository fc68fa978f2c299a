//! The sessions folder: list (headers only), load, atomic save, lock, backups of older
//! schemas, and the prullenbak. How saving stays crash-safe is written down, with the
//! system calls, in `docs/DURABILITY.md`.

mod atomic;
mod backend;
mod conflict;
pub mod fsio;
pub mod groups;
pub mod index;
mod lock;
mod migrate;
mod trash;

pub use atomic::is_temp_file_of;
pub use backend::{FileStore, MemoryStore, SessionStore};
pub use conflict::{FileStamp, save_beside};
pub use lock::{LockInfo, SessionLock, host_name, lock_path};
pub use migrate::backup_path;
pub use trash::{
    TRASH_DIR, is_own_report, is_own_report_file, list_trash, restore, trash, trash_dir,
};

use crate::session::{self, Header, LoadError, SCHEMA_VERSION, Session};
use std::fs;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Extension of session files.
pub const EXT: &str = "ron";

/// A problem with the sessions folder or a file in it, in Dutch with the cause.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Load {
        path: PathBuf,
        #[source]
        source: LoadError,
    },
    #[error("{path} kan niet worden gelezen: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("niet opgeslagen in {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("de map {path} kan niet worden gebruikt: {reason}")]
    Dir { path: PathBuf, reason: String },
    #[error("kan de sessie niet omzetten naar tekst: {0}")]
    Serialize(String),
    #[error("{path} kan niet worden verplaatst: {reason}")]
    Move { path: PathBuf, reason: String },
}

impl StoreError {
    /// The cause alone, without the path: for a status line that names the file elsewhere.
    pub fn reason(&self) -> String {
        match self {
            StoreError::Load { source, .. } => source.to_string(),
            StoreError::Read { reason, .. }
            | StoreError::Write { reason, .. }
            | StoreError::Dir { reason, .. }
            | StoreError::Move { reason, .. } => reason.clone(),
            StoreError::Serialize(reason) => reason.clone(),
        }
    }
}

/// One row of the start screen: a readable session header or an unreadable file.
#[derive(Debug, Clone, PartialEq)]
pub enum ListEntry {
    Session { path: PathBuf, header: Header },
    Unreadable { path: PathBuf, reason: String },
}

impl ListEntry {
    pub fn path(&self) -> &Path {
        match self {
            ListEntry::Session { path, .. } | ListEntry::Unreadable { path, .. } => path,
        }
    }
}

/// A session opened for work: read-only when another instance holds it, when it is of a
/// newer schema, or when it could not be locked.
#[derive(Debug)]
pub struct Opened {
    pub path: PathBuf,
    pub session: Session,
    pub read_only: Option<String>,
    pub lock: Option<SessionLock>,
    /// Written when the file was of an older schema: the file as it was, before the
    /// first save in the current schema.
    pub backup: Option<PathBuf>,
}

/// Dutch text for an I/O error, naming the common causes plainly.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "bestaat niet".to_string(),
        K::PermissionDenied => "geen toestemming (alleen-lezen?)".to_string(),
        K::StorageFull => "de schijf is vol".to_string(),
        K::QuotaExceeded => "uw schijfruimte (quotum) is op".to_string(),
        K::FileTooLarge => "het bestand wordt te groot voor deze schijf".to_string(),
        K::ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen".to_string(),
        K::NotADirectory => "is geen map".to_string(),
        K::IsADirectory => "is een map, geen bestand".to_string(),
        K::AlreadyExists => "bestaat al".to_string(),
        _ => e.to_string(),
    }
}

/// Makes sure `dir` exists as a folder (created 0700 when missing).
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        return Err(StoreError::Dir {
            path: dir.to_path_buf(),
            reason: "er staat een bestand waar een map hoort".to_string(),
        });
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| StoreError::Dir {
        path: dir.to_path_buf(),
        reason: io_reason(&e),
    })?;
    // The new folder's name must survive a power cut too.
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = sync_dir(parent);
    }
    Ok(())
}

/// Makes sure `dir`, a folder kansrijk keeps inside the sessions folder (`prullenbak`,
/// `groepen`, a group folder), exists and is a real folder: a symbolic link there would
/// send sessions out of the sessions folder, so it is refused.
pub fn ensure_subdir(dir: &Path) -> Result<(), StoreError> {
    if fsio::is_link(dir) {
        return Err(StoreError::Dir {
            path: dir.to_path_buf(),
            reason: "is een symbolische koppeling (symlink); kansrijk zet er niets in, \
                     zodat niets buiten de sessiemap belandt"
                .to_string(),
        });
    }
    ensure_dir(dir)
}

/// fsync of a folder, so that renames and new names in it are on disk.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// True for the session files in a folder: `*.ron`, not hidden (temp files are hidden),
/// not a folder. A FIFO, device or link named `*.ron` counts too: it is listed as
/// unreadable with the reason instead of silently left out.
pub fn is_session_file(path: &Path) -> bool {
    has_session_name(path) && !path.is_dir()
}

/// `*.ron` and not hidden, without looking at the file.
fn has_session_name(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == EXT)
}

/// Reads a session file's bytes: through a link (such a session opens read-only), but
/// never a FIFO or device, and at most [`fsio::MAX_SESSION_BYTES`].
fn read_session_bytes(path: &Path) -> Result<Vec<u8>, fsio::FileError> {
    fsio::read_capped(path, fsio::Links::Follow, fsio::MAX_SESSION_BYTES)
}

/// Lists the sessions in `dir`, newest first; unreadable files are listed with the reason.
/// A missing folder is an empty list.
pub fn list(dir: &Path) -> Result<Vec<ListEntry>, StoreError> {
    list_with(dir, true)
}

/// Lists without reading or writing the folder's cache (the prullenbak: rarely listed,
/// and nothing should be added to it).
pub fn list_uncached(dir: &Path) -> Result<Vec<ListEntry>, StoreError> {
    list_with(dir, false)
}

fn list_with(dir: &Path, cached: bool) -> Result<Vec<ListEntry>, StoreError> {
    let read = match fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Dir {
                path: dir.to_path_buf(),
                reason: io_reason(&e),
            });
        }
    };
    // The same rule as `is_session_file`, with the type from the directory entry (no
    // stat on most file systems): one stat per file in all, for the cache's stamp below.
    let paths: Vec<PathBuf> = read
        .filter_map(|e| e.ok())
        .filter(|e| has_session_name(&e.path()))
        .filter(|e| match e.file_type() {
            Ok(t) if t.is_symlink() => !e.path().is_dir(),
            Ok(t) => !t.is_dir(),
            Err(_) => true,
        })
        .map(|e| e.path())
        .collect();
    let mut index = if cached {
        index::Index::load(dir)
    } else {
        index::Index::default()
    };
    let mut entries: Vec<ListEntry> = paths
        .iter()
        .map(
            |path| match fs::metadata(path).map(|m| index::Stamp::of(&m)) {
                Ok(stamp) => match index.take(path, &stamp) {
                    Some(entry) => entry,
                    None => {
                        let entry = list_entry(path);
                        index.put(path, stamp, &entry);
                        entry
                    }
                },
                Err(_) => list_entry(path),
            },
        )
        .collect();
    if cached {
        index.finish(dir, &paths, &entries);
    }
    sort_newest_first(&mut entries);
    Ok(entries)
}

/// The first `rows` rows of the start screen as the folder's cache last saw them,
/// without reading the folder or decoding the whole cache: shown at once at start-up while
/// [`list`] checks every file in the background. `None` when there is no cache (a first
/// start, or a deleted cache).
pub fn list_head_from_cache(dir: &Path, rows: usize) -> Option<Vec<ListEntry>> {
    index::Index::head(dir, rows)
}

/// The start screen's order: per bestuurder (alphabetically, ignoring case), then per
/// samenwerking, newest first; unreadable files last, by name.
pub fn display_order(entries: &mut [ListEntry]) {
    entries.sort_by_cached_key(|e| match e {
        ListEntry::Session { header, .. } => (
            false,
            header.bestuurder.to_lowercase(),
            header.samenwerking.to_lowercase(),
            std::cmp::Reverse(header.created),
            PathBuf::new(),
        ),
        ListEntry::Unreadable { path, .. } => (
            true,
            String::new(),
            String::new(),
            std::cmp::Reverse(jiff::Timestamp::UNIX_EPOCH),
            path.clone(),
        ),
    });
}

/// Sessions newest first, unreadable files last by name.
fn sort_newest_first(entries: &mut [ListEntry]) {
    entries.sort_by(|a, b| match (a, b) {
        (ListEntry::Session { header: ha, .. }, ListEntry::Session { header: hb, .. }) => {
            hb.updated.cmp(&ha.updated)
        }
        (ListEntry::Session { .. }, ListEntry::Unreadable { .. }) => std::cmp::Ordering::Less,
        (ListEntry::Unreadable { .. }, ListEntry::Session { .. }) => std::cmp::Ordering::Greater,
        _ => a.path().cmp(b.path()),
    });
}

fn list_entry(path: &Path) -> ListEntry {
    let text = match read_session_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return ListEntry::Unreadable {
                path: path.to_path_buf(),
                reason: e.reason(),
            };
        }
    };
    let text = match session_text(&text) {
        Ok(t) => t,
        Err(reason) => {
            return ListEntry::Unreadable {
                path: path.to_path_buf(),
                reason,
            };
        }
    };
    match session::header_from_ron(&text) {
        Ok(header) => ListEntry::Session {
            path: path.to_path_buf(),
            header,
        },
        // Only for files that fail: say "newer version" rather than a position when
        // that is the cause.
        Err(e) => ListEntry::Unreadable {
            path: path.to_path_buf(),
            reason: match session::from_ron(&text) {
                Err(newer @ LoadError::Newer { .. }) => newer.to_string(),
                _ => e.to_string(),
            },
        },
    }
}

/// The text as kansrijk wrote it, undoing what other editors add: a byte-order mark
/// (Windows Notepad) and CRLF line ends. kansrijk itself never writes a raw CR (a text
/// with one is written escaped), so every CRLF in a file comes from another editor.
fn as_written(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Checks, before acting on a row of the listing, that the file's own header is what
/// the row showed (`matches`): the listing may come from the cache, which trusts a file's
/// size, inode and time. On a mismatch the cache forgets the file and the Dutch reason
/// says that nothing was done.
pub fn check_row(path: &Path, matches: impl Fn(&Header) -> bool) -> Result<(), String> {
    let header = read_session_bytes(path).ok().and_then(|bytes| {
        let text = std::str::from_utf8(&bytes).ok()?;
        session::header_from_ron(&as_written(text)).ok()
    });
    if header.as_ref().is_some_and(matches) {
        return Ok(());
    }
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        index::forget(dir, name);
    }
    Err(row_changed_reason(path))
}

/// Why a chosen row was not acted on: its file changed meanwhile.
fn row_changed_reason(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "{name} is buiten kansrijk veranderd en past niet meer bij de regel die u koos; \
         er is niets gedaan. De lijst is opnieuw gelezen: kies de sessie opnieuw"
    )
}

/// Why a session of a newer schema opens read-only.
fn newer_schema_reason(schema: u32) -> String {
    format!("gemaakt met een nieuwere versie van kansrijk (schema {schema}); alleen-lezen")
}

/// Reads and parses one session file.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_text(path).map(|(session, _)| session)
}

/// Reads and parses one session file; also returns the bytes as read.
/// A session file's bytes as the text kansrijk wrote, or why they are none: an empty
/// file, or no UTF-8.
fn session_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("het bestand is leeg".to_string());
    }
    std::str::from_utf8(bytes)
        .map(as_written)
        .map_err(|_| "geen geldige UTF-8-tekst".to_string())
}

fn load_text(path: &Path) -> Result<(Session, Vec<u8>), StoreError> {
    let bytes = read_session_bytes(path).map_err(|e| StoreError::Read {
        path: path.to_path_buf(),
        reason: e.reason(),
    })?;
    let text = session_text(&bytes).map_err(|reason| StoreError::Read {
        path: path.to_path_buf(),
        reason,
    })?;
    let session = session::from_ron(&text).map_err(|source| StoreError::Load {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((session, bytes))
}

/// Loads a session for work: takes the lock, or opens read-only and says why.
pub fn open(path: &Path) -> Result<Opened, StoreError> {
    open_for_schema(path, SCHEMA_VERSION)
}

/// [`open`] as a build that writes schema `current` would: newer files open read-only,
/// older ones get a backup (`NAME.ron.v<old>.bak`) before they are upgraded in memory,
/// so the first save can never destroy the only copy in the old format. A parameter so
/// that the upgrade path can be tested before there is an older schema.
pub fn open_for_schema(path: &Path, current: u32) -> Result<Opened, StoreError> {
    // Validate first: an unreadable file gets no lock file beside it.
    let (peek, _) = load_text(path)?;
    let mut read_only = None;
    let mut lock = None;
    if fsio::is_link(path) {
        // Saving renames a new file into place: over a link that would replace the link
        // and leave its target behind. So a linked session is for reading only.
        let target = fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        read_only = Some(format!(
            "is een symbolische koppeling naar {target}; open dat bestand zelf om erin te \
             schrijven; alleen-lezen"
        ));
    } else if peek.schema > current {
        read_only = Some(newer_schema_reason(peek.schema));
    } else {
        match SessionLock::acquire(path) {
            Ok(l) => lock = Some(l),
            Err(held) => read_only = Some(held),
        }
    }
    let (mut session, text) = match &lock {
        // Read again under the lock: the previous holder may have saved once more just
        // before it let go, and that save must not be overwritten with older text.
        Some(_) => match load_text(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                // Moved to the prullenbak (or broken) in between: leave no lock file.
                if !path.exists()
                    && let Some(l) = lock.take()
                {
                    l.release_and_remove();
                }
                return Err(e);
            }
        },
        None => (peek, Vec::new()),
    };
    let mut backup = None;
    if lock.is_some() {
        remove_stale_temp_files(path);
        if session.schema < current {
            match migrate::upgrade(path, &text, &mut session, current) {
                Ok(written) => backup = Some(written),
                Err(e) => {
                    read_only = Some(format!(
                        "kan geen reservekopie van de oude versie maken ({}); alleen-lezen",
                        e.reason()
                    ));
                    lock = None;
                }
            }
        }
    }
    Ok(Opened {
        path: path.to_path_buf(),
        session,
        read_only,
        lock,
        backup,
    })
}

/// Serializes a session for saving.
pub fn serialize(session: &Session) -> Result<String, StoreError> {
    session::to_ron(session).map_err(|e| StoreError::Serialize(e.to_string()))
}

/// Writes `text` to `path` atomically: a temp file in the same folder (0600 when new),
/// written, fsynced, renamed over the old file, and the folder fsynced. A failure at any
/// step leaves the previous file as it was, and no temp file.
pub fn write_atomic(path: &Path, text: &[u8]) -> Result<(), StoreError> {
    // Never over a link (it would become a file and its target stay old) or a FIFO.
    fsio::check_replaceable(path).map_err(|e| StoreError::Write {
        path: path.to_path_buf(),
        reason: e.reason(),
    })?;
    atomic::write(path, text, atomic::Replace::Overwrite).map_err(|e| StoreError::Write {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    })
}

/// Removes temp files a killed save of this session left behind: only names with
/// kansrijk's own marker ([`is_temp_file_of`]), never the user's own hidden files. Only
/// the lock holder calls this (no other process writes the session then); returns how
/// many were removed.
pub fn remove_stale_temp_files(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(read) = fs::read_dir(dir) else {
        return 0;
    };
    read.filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| is_temp_file_of(name, n))
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Saves a session to `path` atomically.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = serialize(session)?;
    write_atomic(path, text.as_bytes())
}

/// A file name stem made of `id` that is safe on every file system: ASCII letters, digits,
/// `-` and `_` only (so no `/`, `\`, `..`, `:`, `*`, `?`, no leading dot), at most 100
/// characters, never empty.
pub fn safe_stem(id: &str) -> String {
    let mapped: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut stem = String::new();
    for part in mapped.split('-').filter(|p| !p.is_empty()) {
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(part);
    }
    stem.truncate(100);
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "sessie".to_string()
    } else {
        stem.to_string()
    }
}

/// The candidate paths for a new session in `dir`: `<id>.ron`, then `<id>-2.ron`, …
/// The id is made safe first ([`safe_stem`]): the file always lands inside `dir`.
fn candidate_paths(dir: &Path, id: &str) -> impl Iterator<Item = PathBuf> {
    let id = safe_stem(id);
    let dir = dir.to_path_buf();
    std::iter::once(dir.join(format!("{id}.{EXT}")))
        .chain((2u32..).map(move |n| dir.join(format!("{id}-{n}.{EXT}"))))
}

/// A free path for a new session in `dir`: `<id>.ron`, or `<id>-2.ron`, … when taken.
/// Only a suggestion: [`create`] claims the name atomically.
pub fn new_path(dir: &Path, id: &str) -> PathBuf {
    let mut candidates = candidate_paths(dir, id);
    let first = candidates
        .next()
        .unwrap_or_else(|| dir.join(format!("sessie.{EXT}")));
    if !first.exists() {
        return first;
    }
    candidates.find(|p| !p.exists()).unwrap_or(first)
}

/// Creates a new session file in `dir` and returns its path. The name is claimed
/// atomically (the finished, fsynced file is hard-linked under a name that must not
/// exist yet), so two processes creating at once never get the same file: the second
/// takes the next free name.
pub fn create(dir: &Path, session: &Session) -> Result<PathBuf, StoreError> {
    ensure_dir(dir)?;
    let text = serialize(session)?;
    let mut last = None;
    for path in candidate_paths(dir, &session.id).take(10_000) {
        match atomic::write(&path, text.as_bytes(), atomic::Replace::Never) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(path),
            Err(e) => {
                return Err(StoreError::Write {
                    path,
                    reason: io_reason(&e),
                });
            }
        }
    }
    Err(StoreError::Write {
        path: last.unwrap_or_else(|| dir.to_path_buf()),
        reason: io_reason(&std::io::Error::from(std::io::ErrorKind::AlreadyExists)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_give_safe_file_names_inside_the_folder() {
        let dir = Path::new("/sessies");
        for (id, stem) in [
            ("../../etc", "etc"),
            ("a/b\\c:*?", "a-b-c"),
            (".verborgen", "verborgen"),
            ("", "sessie"),
            ("...", "sessie"),
            ("20260501-093000-anne-jansen", "20260501-093000-anne-jansen"),
            ("één\u{1b}[31m", "n-31m"),
        ] {
            assert_eq!(safe_stem(id), stem, "{id:?}");
            let path = new_path(dir, id);
            assert_eq!(path.parent(), Some(dir), "{id:?}");
            assert_eq!(path.file_name().map(|n| n.len() <= 104), Some(true));
        }
        assert_eq!(safe_stem(&"x".repeat(300)).len(), 100);
    }

    #[test]
    fn temp_file_names_are_recognised_exactly() {
        let name = "anne.ron";
        assert!(is_temp_file_of(name, ".anne.ron.kansrijk-tmp-aB3dE9"));
        assert!(!is_temp_file_of(name, ".anne.ron.lock"));
        assert!(!is_temp_file_of(name, ".anne.ron.kansrijk-tmp-aB3dE9x"));
        assert!(!is_temp_file_of(name, "anne.ron.kansrijk-tmp-aB3dE9"));
        assert!(!is_temp_file_of(name, ".anne.ron.v1.bak"));
        assert!(!is_temp_file_of(name, ".anne.ron.kansrijk-tmp-a-3dE9"));
        // The user's own hidden files, even with six characters after the name.
        for own in [
            ".anne.ron.backup",
            ".anne.ron.before",
            ".anne.ron.ORIG01",
            ".anne.ron.aB3dE9",
        ] {
            assert!(!is_temp_file_of(name, own), "{own}");
        }
    }

    #[test]
    fn io_reasons_are_dutch() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            io_reason(&Error::from(ErrorKind::StorageFull)),
            "de schijf is vol"
        );
        assert_eq!(
            io_reason(&Error::from_raw_os_error(28)),
            "de schijf is vol",
            "ENOSPC"
        );
        assert_eq!(
            io_reason(&Error::from_raw_os_error(30)),
            "het bestandssysteem is alleen-lezen",
            "EROFS"
        );
    }
}
