//! The sessions folder: list (headers only), load, atomic save, lock.

mod lock;

pub use lock::{LockInfo, SessionLock};

use crate::session::{self, Header, LoadError, SCHEMA_VERSION, Session};
use std::fs;
use std::io::Write;
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
}

/// Dutch text for an I/O error, naming the common causes plainly.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "bestaat niet".to_string(),
        K::PermissionDenied => "geen toestemming (alleen-lezen?)".to_string(),
        K::StorageFull => "de schijf is vol".to_string(),
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
    })
}

/// True for the session files in a folder: `*.ron`, not hidden (temp files are hidden).
pub fn is_session_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == EXT) && path.is_file()
}

/// Lists the sessions in `dir`, newest first; unreadable files are listed with the reason.
/// A missing folder is an empty list.
pub fn list(dir: &Path) -> Result<Vec<ListEntry>, StoreError> {
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
    let mut entries: Vec<ListEntry> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_session_file(p))
        .map(|path| list_entry(&path))
        .collect();
    entries.sort_by(|a, b| match (a, b) {
        (ListEntry::Session { header: ha, .. }, ListEntry::Session { header: hb, .. }) => {
            hb.updated.cmp(&ha.updated)
        }
        (ListEntry::Session { .. }, ListEntry::Unreadable { .. }) => std::cmp::Ordering::Less,
        (ListEntry::Unreadable { .. }, ListEntry::Session { .. }) => std::cmp::Ordering::Greater,
        _ => a.path().cmp(b.path()),
    });
    Ok(entries)
}

fn list_entry(path: &Path) -> ListEntry {
    let text = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return ListEntry::Unreadable {
                path: path.to_path_buf(),
                reason: io_reason(&e),
            };
        }
    };
    let text = match String::from_utf8(text) {
        Ok(t) => t,
        Err(_) => {
            return ListEntry::Unreadable {
                path: path.to_path_buf(),
                reason: "geen geldige UTF-8-tekst".to_string(),
            };
        }
    };
    match session::header_from_ron(&text) {
        Ok(header) => ListEntry::Session {
            path: path.to_path_buf(),
            header,
        },
        Err(e) => ListEntry::Unreadable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
    }
}

/// Reads and parses one session file.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::Read {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::Read {
        path: path.to_path_buf(),
        reason: "geen geldige UTF-8-tekst".to_string(),
    })?;
    session::from_ron(&text).map_err(|source| StoreError::Load {
        path: path.to_path_buf(),
        source,
    })
}

/// Loads a session for work: takes the lock, or opens read-only and says why.
pub fn open(path: &Path) -> Result<Opened, StoreError> {
    let session = load(path)?;
    let mut read_only = None;
    if session.schema > SCHEMA_VERSION {
        read_only = Some(format!(
            "gemaakt met een nieuwere versie van kansrijk (schema {}); alleen-lezen",
            session.schema
        ));
    }
    let lock = match SessionLock::acquire(path) {
        Ok(lock) => Some(lock),
        Err(held) => {
            read_only.get_or_insert(held);
            None
        }
    };
    Ok(Opened {
        path: path.to_path_buf(),
        session,
        read_only,
        lock,
    })
}

/// Serializes a session for saving.
pub fn serialize(session: &Session) -> Result<String, StoreError> {
    session::to_ron(session).map_err(|e| StoreError::Serialize(e.to_string()))
}

/// Writes `text` to `path` atomically: a temp file in the same folder (0600 when new),
/// written, fsynced, renamed over the old file, and the folder fsynced. A failure at any
/// step leaves the previous file as it was.
pub fn write_atomic(path: &Path, text: &[u8]) -> Result<(), StoreError> {
    let fail = |e: std::io::Error| StoreError::Write {
        path: path.to_path_buf(),
        reason: io_reason(&e),
    };
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(text).map_err(fail)?;
    file.commit().map_err(fail)
}

/// Saves a session to `path` atomically.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = serialize(session)?;
    write_atomic(path, text.as_bytes())
}

/// A free path for a new session in `dir`: `<id>.ron`, or `<id>-2.ron`, … when taken.
pub fn new_path(dir: &Path, id: &str) -> PathBuf {
    let first = dir.join(format!("{id}.{EXT}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{id}-{n}.{EXT}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Creates a new session file in `dir` and returns its path.
pub fn create(dir: &Path, session: &Session) -> Result<PathBuf, StoreError> {
    ensure_dir(dir)?;
    let path = new_path(dir, &session.id);
    save(&path, session)?;
    Ok(path)
}
