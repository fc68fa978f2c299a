//! One writer per session: an advisory lock on a stable `<session>.lock` file beside it.
//!
//! The lock is on a separate file because saving renames a new file over the session,
//! which would make a lock on the session file itself meaningless. The OS releases the
//! lock when the process dies, so a stale lock file is simply taken over.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, as written into the lock file.
#[derive(Debug, Clone, PartialEq)]
pub struct LockInfo {
    pub pid: u32,
    pub since: String,
}

/// A held lock; released on drop (and by the OS when the process ends).
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// The lock file belonging to a session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    let hidden = format!(".{}", name.to_string_lossy());
    session.with_file_name(hidden)
}

impl SessionLock {
    /// Takes the lock, or returns a Dutch sentence saying who holds it.
    pub fn acquire(session: &Path) -> Result<Self, String> {
        let path = lock_path(session);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(|e| {
            format!(
                "kan niet vergrendelen ({}); alleen-lezen",
                super::io_reason(&e)
            )
        })?;
        match file.try_lock() {
            Ok(()) => {
                let since = jiff::ZonedDateTime::now()
                    .strftime("%Y-%m-%d %H:%M")
                    .to_string();
                let body = format!("pid={}\nsince={since}\n", std::process::id());
                let _ = file.set_len(0);
                let _ = file.seek(SeekFrom::Start(0));
                let _ = file.write_all(body.as_bytes());
                Ok(Self { file, path })
            }
            Err(_) => {
                let mut body = String::new();
                let _ = file.read_to_string(&mut body);
                let info = parse_info(&body);
                Err(match info {
                    Some(i) => format!(
                        "al geopend door een ander kansrijk-venster (proces {}, sinds {}); alleen-lezen",
                        i.pid, i.since
                    ),
                    None => "al geopend door een ander kansrijk-venster; alleen-lezen".to_string(),
                })
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
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

fn parse_info(body: &str) -> Option<LockInfo> {
    let mut pid = None;
    let mut since = None;
    for line in body.lines() {
        if let Some(v) = line.strip_prefix("pid=") {
            pid = v.trim().parse().ok();
        } else if let Some(v) = line.strip_prefix("since=") {
            since = Some(v.trim().to_string());
        }
    }
    Some(LockInfo {
        pid: pid?,
        since: since?,
    })
}
