//! One writer per session: an advisory lock on a stable `.<session>.lock` file beside it.
//!
//! The lock is on a separate file because saving renames a new file over the session,
//! which would make a lock on the session file itself meaningless. The OS releases the
//! lock when the process dies (also on SIGKILL or a power cut), so a lock file left behind
//! by a crash is simply taken over by the next kansrijk that opens the session.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Shown when the computer's name cannot be read.
pub const UNKNOWN_HOST: &str = "onbekende computer";

/// Who holds a lock, as written into the lock file.
#[derive(Debug, Clone, PartialEq)]
pub struct LockInfo {
    pub pid: u32,
    /// The computer's name (sessions folders can be shared over a network).
    pub host: String,
    /// Local time, `YYYY-MM-DD HH:MM`.
    pub since: String,
}

impl LockInfo {
    /// The holder as a Dutch phrase: "proces 123 op laptop-anne, sinds 2026-05-01 09:30".
    pub fn describe(&self) -> String {
        format!("proces {} op {}, sinds {}", self.pid, self.host, self.since)
    }
}

/// A held lock; released on drop (and by the OS when the process ends).
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// The lock file belonging to a session file: `.NAME.ron.lock` in the same folder.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    let hidden = format!(".{}", name.to_string_lossy());
    session.with_file_name(hidden)
}

/// This computer's name: `/proc/sys/kernel/hostname` on Linux, else `HOSTNAME`/`COMPUTERNAME`,
/// else [`UNKNOWN_HOST`]. Control characters are dropped and the length is capped, since
/// the name ends up in a message on screen.
pub fn host_name() -> String {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_default();
    clean_host(&raw)
}

fn clean_host(raw: &str) -> String {
    let name: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(64)
        .collect();
    if name.is_empty() {
        UNKNOWN_HOST.to_string()
    } else {
        name
    }
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum NotLocked {
    /// Another process holds it (who, if its lock file says so).
    Held(Option<LockInfo>),
    /// The lock file could not be opened (read-only folder, a link, a FIFO, …).
    File(super::fsio::FileError),
}

impl SessionLock {
    /// Takes the lock, or returns a Dutch sentence saying who holds it (ending in
    /// "alleen-lezen": the caller opens the session read-only).
    pub fn acquire(session: &Path) -> Result<Self, String> {
        Self::try_acquire(session).map_err(|e| match e {
            NotLocked::Held(info) => held_message(info.as_ref()),
            NotLocked::File(e) => format!("kan niet vergrendelen ({e}); alleen-lezen"),
        })
    }

    /// Takes the lock without waiting.
    pub fn try_acquire(session: &Path) -> Result<Self, NotLocked> {
        let path = lock_path(session);
        // Never through a link (it would truncate the link's target), never a FIFO.
        let mut file = super::fsio::open_rw_create(&path).map_err(NotLocked::File)?;
        match file.try_lock() {
            Ok(()) => {
                let info = LockInfo {
                    pid: std::process::id(),
                    host: host_name(),
                    since: jiff::ZonedDateTime::now()
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string(),
                };
                let body = format!(
                    "pid={}\nhost={}\nsince={}\n",
                    info.pid, info.host, info.since
                );
                // Only informative: a failure to write it does not weaken the lock.
                let _ = file.set_len(0);
                let _ = file.seek(SeekFrom::Start(0));
                let _ = file.write_all(body.as_bytes());
                Ok(Self { file, path })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut body = String::new();
                let _ = (&mut file).take(4096).read_to_string(&mut body);
                Err(NotLocked::Held(parse_info(&body)))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(NotLocked::File(e.into())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the lock file and then releases the lock. For a session that leaves the
    /// folder (moved to the prullenbak): no lock file with its name stays behind.
    pub fn release_and_remove(self) {
        let _ = std::fs::remove_file(&self.path);
        drop(self);
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // The lock file itself stays: deleting it would let two processes lock two
        // different files under the same name.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// The read-only reason when someone else holds the lock.
pub fn held_message(info: Option<&LockInfo>) -> String {
    match info {
        Some(i) => format!(
            "al geopend in een ander kansrijk-venster ({}); alleen-lezen",
            i.describe()
        ),
        None => "al geopend in een ander kansrijk-venster; alleen-lezen".to_string(),
    }
}

/// Reads a lock file's body. `host` may be missing (lock files of older versions).
pub fn parse_info(body: &str) -> Option<LockInfo> {
    let mut pid = None;
    let mut since = None;
    let mut host = None;
    for line in body.lines() {
        if let Some(v) = line.strip_prefix("pid=") {
            pid = v.trim().parse().ok();
        } else if let Some(v) = line.strip_prefix("since=") {
            since = Some(v.trim().to_string());
        } else if let Some(v) = line.strip_prefix("host=") {
            host = Some(clean_host(v));
        }
    }
    Some(LockInfo {
        pid: pid?,
        host: host.unwrap_or_else(|| UNKNOWN_HOST.to_string()),
        since: since?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_info_round_trips_and_old_files_without_host_still_parse() {
        let info = parse_info("pid=42\nhost=laptop-anne\nsince=2026-05-01 09:30\n")
            .expect("complete info");
        assert_eq!(info.host, "laptop-anne");
        assert_eq!(
            held_message(Some(&info)),
            "al geopend in een ander kansrijk-venster (proces 42 op laptop-anne, \
             sinds 2026-05-01 09:30); alleen-lezen"
        );
        let old = parse_info("pid=7\nsince=2026-05-01 09:30\n").expect("old info");
        assert_eq!(old.host, UNKNOWN_HOST);
        assert_eq!(parse_info(""), None);
        assert_eq!(parse_info("pid=x\nsince=y"), None);
    }

    #[test]
    fn host_names_are_cleaned() {
        assert_eq!(clean_host("  vm\n"), "vm");
        assert_eq!(clean_host("\x1b[31mrood"), "[31mrood");
        assert_eq!(clean_host(""), UNKNOWN_HOST);
        assert_eq!(clean_host(&"x".repeat(500)).len(), 64);
        assert!(!host_name().is_empty());
    }
}
