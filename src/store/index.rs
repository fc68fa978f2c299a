//! A rebuildable cache of the start screen's data: per session file its size, inode and
//! modification time with the header (or the reason it is unreadable). Listing 1,000
//! sessions then reads one small file and stats the rest instead of parsing every
//! session; a file whose size, inode or time changed is parsed again. Every save renames
//! a new file into place (a new inode), so a saved session is never taken from the cache.
//! The cache is a hidden file in the sessions folder (0600); deleting it is always safe.
//! It is only trusted for showing: an in-place edit that keeps all three, or a forged
//! entry, is caught before anything is done with a row (`store::check_row`).

use super::{ListEntry, write_atomic};
use crate::session::Header;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// The cache's file name inside the sessions folder: compact binary (postcard), read
/// before the first frame.
pub const INDEX_FILE: &str = ".kansrijk-index";
/// The cache of kansrijk before 2026-11-30 (JSON); removed when the new one is written, as
/// it holds names and scores.
pub const OLD_INDEX_FILE: &str = ".kansrijk-index.json";
/// Bumped when the cache's layout changes; an old cache is simply rebuilt.
const VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    inode: u64,
    modified_ns: i128,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Self {
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            meta.ino()
        };
        #[cfg(not(unix))]
        let inode = 0;
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i128)
            .unwrap_or(-1);
        Self {
            size: meta.len(),
            inode,
            modified_ns,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Cached {
    Session(Header),
    Unreadable(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    cached: Cached,
}

impl Entry {
    fn into_list_entry(self, path: PathBuf) -> ListEntry {
        match self.cached {
            Cached::Session(header) => ListEntry::Session { path, header },
            Cached::Unreadable(reason) => ListEntry::Unreadable { path, reason },
        }
    }
}

/// The cache file's bytes: not through a link, not a FIFO or device, not without end.
fn read_bytes(dir: &Path) -> Option<Vec<u8>> {
    super::fsio::read_capped(
        &dir.join(INDEX_FILE),
        super::fsio::Links::Refuse,
        super::fsio::MAX_SMALL_FILE_BYTES,
    )
    .ok()
}

// The file: three postcard values one after the other, so that the start screen can
// read its first rows without decoding the rest: the version, the head (the first
// [`HEAD_ROWS`] rows in the start screen's order, as name and entry), then every file.

/// How many rows of the start screen the head holds: more than any terminal shows.
pub const HEAD_ROWS: usize = 120;

/// The cache of one folder, as read at the start of a listing.
#[derive(Debug, Default)]
pub struct Index {
    files: BTreeMap<String, Entry>,
    /// Entries handed out by [`Index::take`] (moved, not cloned), with their stamps: put
    /// back from the listing only when the cache must be written.
    taken: Vec<(String, Stamp)>,
    changed: bool,
}

impl Index {
    /// Reads the folder's cache; a missing, unreadable or old cache is an empty one.
    pub fn load(dir: &Path) -> Self {
        let files = read_bytes(dir)
            .and_then(|bytes| {
                let (version, rest) = postcard::take_from_bytes::<u32>(&bytes).ok()?;
                (version == VERSION).then_some(())?;
                let (_head, rest) = postcard::take_from_bytes::<Vec<(String, Entry)>>(rest).ok()?;
                postcard::from_bytes::<BTreeMap<String, Entry>>(rest).ok()
            })
            .unwrap_or_default();
        Self {
            files,
            taken: Vec::new(),
            changed: false,
        }
    }

    /// The first `rows` rows of the start screen as the cache last saw them, decoding
    /// only those: what the first frame shows. `None` without a usable cache.
    pub fn head(dir: &Path, rows: usize) -> Option<Vec<ListEntry>> {
        let bytes = read_bytes(dir)?;
        let (version, rest) = postcard::take_from_bytes::<u32>(&bytes).ok()?;
        (version == VERSION).then_some(())?;
        // A sequence is its length (a varint, as a u32 is) and then its elements.
        let (len, mut rest) = postcard::take_from_bytes::<u32>(rest).ok()?;
        let mut out = Vec::new();
        for _ in 0..rows.min(len as usize) {
            let ((name, entry), after) = postcard::take_from_bytes::<(String, Entry)>(rest).ok()?;
            out.push(entry.into_list_entry(dir.join(name)));
            rest = after;
        }
        (!out.is_empty()).then_some(out)
    }

    /// The cached entry for `path`, if its stamp still matches, moved out of the cache
    /// (a listing of 1,000 sessions clones no header).
    pub fn take(&mut self, path: &Path, stamp: &Stamp) -> Option<ListEntry> {
        let name = path.file_name()?.to_str()?;
        if self.files.get(name).is_none_or(|e| &e.stamp != stamp) {
            return None;
        }
        let (name, entry) = self.files.remove_entry(name)?;
        self.taken.push((name, entry.stamp.clone()));
        Some(entry.into_list_entry(path.to_path_buf()))
    }

    /// Remembers a freshly read entry.
    pub fn put(&mut self, path: &Path, stamp: Stamp, entry: &ListEntry) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        let cached = match entry {
            ListEntry::Session { header, .. } => Cached::Session(header.clone()),
            ListEntry::Unreadable { reason, .. } => Cached::Unreadable(reason.clone()),
        };
        self.files.insert(name.to_string(), Entry { stamp, cached });
        self.changed = true;
    }

    /// Forgets files that are gone; writes the cache when anything changed. Failing to
    /// write it (a read-only folder) only costs speed next time.
    pub fn finish(mut self, dir: &Path, present: &[PathBuf], listed: &[ListEntry]) {
        let names: std::collections::BTreeSet<&str> = present
            .iter()
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()))
            .collect();
        let before = self.files.len();
        self.files.retain(|name, _| names.contains(name.as_str()));
        if !self.changed && self.files.len() == before {
            return;
        }
        // Written: the entries handed out go back in, from the listing.
        let by_name: BTreeMap<&str, &ListEntry> = listed
            .iter()
            .filter_map(|e| Some((e.path().file_name()?.to_str()?, e)))
            .collect();
        let taken = std::mem::take(&mut self.taken);
        for (name, stamp) in taken {
            let cached = match by_name.get(name.as_str()).copied() {
                Some(ListEntry::Session { header, .. }) => Cached::Session(header.clone()),
                Some(ListEntry::Unreadable { reason, .. }) => Cached::Unreadable(reason.clone()),
                None => continue,
            };
            self.files.insert(name, Entry { stamp, cached });
        }
        let _ = self.write(dir);
    }

    fn write(self, dir: &Path) -> Result<(), ()> {
        let mut rows: Vec<ListEntry> = self
            .files
            .iter()
            .map(|(name, e)| e.clone().into_list_entry(dir.join(name)))
            .collect();
        super::display_order(&mut rows);
        let head: Vec<(String, Entry)> = rows
            .iter()
            .take(HEAD_ROWS)
            .filter_map(|row| {
                let name = row.path().file_name()?.to_str()?.to_string();
                let entry = self.files.get(&name)?.clone();
                Some((name, entry))
            })
            .collect();
        let mut bytes = postcard::to_allocvec(&VERSION).map_err(|_| ())?;
        bytes.extend(postcard::to_allocvec(&head).map_err(|_| ())?);
        bytes.extend(postcard::to_allocvec(&self.files).map_err(|_| ())?);
        write_atomic(&dir.join(INDEX_FILE), &bytes).map_err(|_| ())?;
        // The old JSON cache holds names and scores too: it goes once the new one is there.
        let old = dir.join(OLD_INDEX_FILE);
        if super::fsio::check_replaceable(&old).is_ok() {
            let _ = std::fs::remove_file(old);
        }
        Ok(())
    }
}

/// Drops what the cache of `dir` holds about the file `name` (moved to the prullenbak, or
/// found to differ from its row), so that nothing of it is shown or kept from the cache.
/// When the cache cannot be rewritten it is removed: it is only a cache.
pub fn forget(dir: &Path, name: &str) {
    let mut index = Index::load(dir);
    if index.files.remove(name).is_some() && index.write(dir).is_err() {
        let path = dir.join(INDEX_FILE);
        if super::fsio::check_replaceable(&path).is_ok() {
            let _ = std::fs::remove_file(path);
        }
    }
}
