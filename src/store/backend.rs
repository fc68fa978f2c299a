//! The sessions folder behind one trait, [`SessionStore`]: what the runtime needs of it
//! (list, load, open with a lock, create, save, trash, the checks before acting on a row,
//! and the background saver's write). Two implementations:
//!
//! - [`FileStore`]: the real folder, through this module's functions (atomic save, locks,
//!   fsio checks, the list cache) — the production path, unchanged.
//! - [`MemoryStore`]: sessions as RON text in memory, for UI tests that need no disk
//!   (as tui-journal's `DataProvider` with its `MockDataProvider`).
//!
//! Group membership, import and the exported report still read and write the folder
//! itself (`group`, `report`); a runtime on a [`MemoryStore`] gives them an empty
//! folder path.

use super::{FileStamp, ListEntry, Opened, StoreError};
use crate::session::{self, Header, Session};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where sessions live. Shared between the input loop and the saver thread.
pub trait SessionStore: Send + Sync {
    /// The folder the sessions are in (new sessions, group, import and reports use it).
    fn dir(&self) -> &Path;
    /// Every session and unreadable file, newest change first.
    fn list(&self) -> Result<Vec<ListEntry>, StoreError>;
    /// [`SessionStore::list`] for the folder `path` is in (a session opened from
    /// elsewhere finds its previous session beside it).
    fn list_beside(&self, path: &Path) -> Result<Vec<ListEntry>, StoreError>;
    /// Reads one session.
    fn load(&self, path: &Path) -> Result<Session, StoreError>;
    /// Reads a session for work: with its lock, or read-only and why.
    fn open(&self, path: &Path) -> Result<Opened, StoreError>;
    /// Stores a new session under a free name; returns where.
    fn create(&self, session: &Session) -> Result<PathBuf, StoreError>;
    /// Replaces a session (atomically, in the file store).
    fn save(&self, path: &Path, session: &Session) -> Result<(), StoreError>;
    /// Moves a session to the prullenbak; returns its new place.
    fn trash(&self, path: &Path) -> Result<PathBuf, StoreError>;
    /// `Ok` when the session at `path` still is the one the user chose (`matches` its
    /// header); else the Dutch reason.
    fn check_row(&self, path: &Path, matches: &dyn Fn(&Header) -> bool) -> Result<(), String>;
    /// Writes an already serialized session (the background saver).
    fn write_text(&self, path: &Path, text: &str) -> Result<(), StoreError>;
    /// Writes `text` beside `path`, whose content another program changed.
    fn save_beside(&self, path: &Path, text: &str) -> Result<PathBuf, StoreError>;
    /// What `path` is now, to notice a change by another program (`None`: never).
    fn stamp(&self, path: &Path) -> Option<FileStamp>;
}

/// The sessions folder on disk.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }
}

impl SessionStore for FileStore {
    fn dir(&self) -> &Path {
        &self.dir
    }

    fn list(&self) -> Result<Vec<ListEntry>, StoreError> {
        super::list(&self.dir)
    }

    fn list_beside(&self, path: &Path) -> Result<Vec<ListEntry>, StoreError> {
        match path.parent() {
            Some(dir) => super::list(dir),
            None => Ok(Vec::new()),
        }
    }

    fn load(&self, path: &Path) -> Result<Session, StoreError> {
        super::load(path)
    }

    fn open(&self, path: &Path) -> Result<Opened, StoreError> {
        super::open(path)
    }

    fn create(&self, session: &Session) -> Result<PathBuf, StoreError> {
        super::create(&self.dir, session)
    }

    fn save(&self, path: &Path, session: &Session) -> Result<(), StoreError> {
        super::save(path, session)
    }

    fn trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        super::trash(path)
    }

    fn check_row(&self, path: &Path, matches: &dyn Fn(&Header) -> bool) -> Result<(), String> {
        super::check_row(path, matches)
    }

    fn write_text(&self, path: &Path, text: &str) -> Result<(), StoreError> {
        super::write_atomic(path, text.as_bytes())
    }

    fn save_beside(&self, path: &Path, text: &str) -> Result<PathBuf, StoreError> {
        super::save_beside(path, text.as_bytes())
    }

    fn stamp(&self, path: &Path) -> Option<FileStamp> {
        FileStamp::of(path)
    }
}

/// Sessions in memory, as the RON text a file would hold (so loading parses as from
/// disk). Nothing touches the disk; there are no locks and no other programs.
#[derive(Debug, Default)]
pub struct MemoryStore {
    dir: PathBuf,
    files: Mutex<BTreeMap<PathBuf, String>>,
    trashed: Mutex<BTreeMap<PathBuf, String>>,
}

impl MemoryStore {
    /// An empty store; paths are made under `dir`, which need not exist.
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            ..Self::default()
        }
    }

    /// The stored text of `path`, as a file would hold it.
    pub fn text(&self, path: &Path) -> Option<String> {
        self.files().get(path).cloned()
    }

    /// Puts `text` at `path` as another program would (also text that does not parse).
    pub fn put_text(&self, path: PathBuf, text: String) {
        self.files().insert(path, text);
    }

    /// The paths in the prullenbak.
    pub fn trashed(&self) -> Vec<PathBuf> {
        self.trashed
            .lock()
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn files(&self) -> std::sync::MutexGuard<'_, BTreeMap<PathBuf, String>> {
        // A panic while holding the lock leaves consistent data (single inserts).
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn missing(path: &Path) -> StoreError {
        StoreError::Read {
            path: path.to_path_buf(),
            reason: "het bestand bestaat niet".to_string(),
        }
    }
}

impl SessionStore for MemoryStore {
    fn dir(&self) -> &Path {
        &self.dir
    }

    fn list(&self) -> Result<Vec<ListEntry>, StoreError> {
        let mut entries: Vec<ListEntry> = self
            .files()
            .iter()
            .map(|(path, text)| match session::header_from_ron(text) {
                Ok(header) => ListEntry::Session {
                    path: path.clone(),
                    header,
                },
                Err(e) => ListEntry::Unreadable {
                    path: path.clone(),
                    reason: e.to_string(),
                },
            })
            .collect();
        // The file store's order: sessions newest change first, then unreadable files.
        entries.sort_by(|a, b| match (a, b) {
            (ListEntry::Session { header: ha, .. }, ListEntry::Session { header: hb, .. }) => {
                hb.updated.cmp(&ha.updated)
            }
            (ListEntry::Session { .. }, ListEntry::Unreadable { .. }) => std::cmp::Ordering::Less,
            (ListEntry::Unreadable { .. }, ListEntry::Session { .. }) => {
                std::cmp::Ordering::Greater
            }
            _ => a.path().cmp(b.path()),
        });
        Ok(entries)
    }

    fn list_beside(&self, path: &Path) -> Result<Vec<ListEntry>, StoreError> {
        let mut entries = self.list()?;
        entries.retain(|e| e.path().parent() == path.parent());
        Ok(entries)
    }

    fn load(&self, path: &Path) -> Result<Session, StoreError> {
        let text = self.text(path).ok_or_else(|| Self::missing(path))?;
        session::from_ron(&text).map_err(|source| StoreError::Load {
            path: path.to_path_buf(),
            source,
        })
    }

    fn open(&self, path: &Path) -> Result<Opened, StoreError> {
        let session = self.load(path)?;
        let read_only = (session.schema > session::SCHEMA_VERSION)
            .then(|| super::newer_schema_reason(session.schema));
        Ok(Opened {
            path: path.to_path_buf(),
            session,
            read_only,
            lock: None,
            backup: None,
        })
    }

    fn create(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let text = super::serialize(session)?;
        let stem = super::safe_stem(&session.id);
        let mut files = self.files();
        let path = std::iter::once(self.dir.join(format!("{stem}.{}", super::EXT)))
            .chain((2u32..).map(|n| self.dir.join(format!("{stem}-{n}.{}", super::EXT))))
            .find(|p| !files.contains_key(p))
            .ok_or_else(|| Self::missing(&self.dir))?;
        files.insert(path.clone(), text);
        Ok(path)
    }

    fn save(&self, path: &Path, session: &Session) -> Result<(), StoreError> {
        let text = super::serialize(session)?;
        self.write_text(path, &text)
    }

    fn trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let text = self
            .files()
            .remove(path)
            .ok_or_else(|| Self::missing(path))?;
        let name = path.file_name().map(PathBuf::from).unwrap_or_default();
        let to = super::trash_dir(&self.dir).join(name);
        self.trashed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(to.clone(), text);
        Ok(to)
    }

    fn check_row(&self, path: &Path, matches: &dyn Fn(&Header) -> bool) -> Result<(), String> {
        let header = self
            .text(path)
            .and_then(|t| session::header_from_ron(&t).ok());
        if header.as_ref().is_some_and(matches) {
            Ok(())
        } else {
            Err(super::row_changed_reason(path))
        }
    }

    fn write_text(&self, path: &Path, text: &str) -> Result<(), StoreError> {
        self.files().insert(path.to_path_buf(), text.to_string());
        Ok(())
    }

    fn save_beside(&self, path: &Path, text: &str) -> Result<PathBuf, StoreError> {
        // Nothing else changes a session in memory; kept for the trait's sake.
        self.write_text(path, text)?;
        Ok(path.to_path_buf())
    }

    fn stamp(&self, _path: &Path) -> Option<FileStamp> {
        None
    }
}
