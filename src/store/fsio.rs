//! Safe file primitives for a folder the user (or anyone) can put anything in: every name
//! may be a symlink, a FIFO or a device. Reads never block (`O_NONBLOCK`), never follow a
//! link where that is asked (`O_NOFOLLOW`), refuse what is not a regular file (`fstat`)
//! and stop at a named limit; writes never go through or over a link. The reasons are
//! Dutch, for the status line and the command line.

use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::Path;

/// The largest session file kansrijk reads (64 MiB; a session of a year of weekly
/// conversations is well under 1 MiB).
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;
/// The largest listing cache or report kansrijk reads.
pub const MAX_SMALL_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Whether a link as the last part of the path may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Follow it (the target is still checked: a regular file, not too large).
    Follow,
    /// Refuse it (`O_NOFOLLOW`).
    Refuse,
}

/// Why a file was not read or written, in Dutch.
#[derive(Debug)]
pub enum FileError {
    /// The name is a symbolic link and links are refused here.
    Link,
    /// Not a regular file: what it is instead (`een FIFO (named pipe)`, `een apparaat`, …).
    NotRegular(&'static str),
    /// Larger than `limit` bytes.
    TooLarge {
        limit: u64,
    },
    Io(std::io::Error),
}

impl FileError {
    pub fn reason(&self) -> String {
        match self {
            FileError::Link => LINK_REASON.to_string(),
            FileError::NotRegular(what) => {
                format!("is geen gewoon bestand maar {what}; kansrijk leest of schrijft het niet")
            }
            FileError::TooLarge { limit } => format!(
                "is groter dan {}, de grens voor dit soort bestand; kansrijk leest het niet",
                human_size(*limit)
            ),
            FileError::Io(e) => super::io_reason(e),
        }
    }

    /// True when the name does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, FileError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason())
    }
}

impl From<std::io::Error> for FileError {
    fn from(e: std::io::Error) -> Self {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return FileError::Link;
        }
        FileError::Io(e)
    }
}

/// Why kansrijk does not write through a symbolic link.
pub const LINK_REASON: &str =
    "is een symbolische koppeling (symlink); kansrijk schrijft niet via of over een koppeling";

/// `64 MiB`, `512 KiB`, `100 bytes`.
pub fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What a non-regular file is, in Dutch.
pub fn kind_of(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "een FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "een apparaat";
        }
        if t.is_socket() {
            return "een socket";
        }
    }
    if meta.is_dir() {
        "een map"
    } else if meta.file_type().is_symlink() {
        "een symbolische koppeling"
    } else {
        "iets anders"
    }
}

fn flags(links: Links) -> i32 {
    #[cfg(unix)]
    {
        let nofollow = if links == Links::Refuse {
            libc::O_NOFOLLOW
        } else {
            0
        };
        libc::O_NONBLOCK | libc::O_CLOEXEC | nofollow
    }
    #[cfg(not(unix))]
    {
        let _ = links;
        0
    }
}

/// Refuses a file that is not a regular file.
fn check_regular(file: &File) -> Result<Metadata, FileError> {
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(FileError::NotRegular(kind_of(&meta)))
    }
}

/// Opens an existing regular file for reading without blocking (a FIFO or a device is
/// refused, not waited on).
pub fn open_read(path: &Path, links: Links) -> Result<File, FileError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(flags(links));
    }
    let file = options.open(path)?;
    check_regular(&file)?;
    Ok(file)
}

/// Reads a whole regular file of at most `limit` bytes.
pub fn read_capped(path: &Path, links: Links, limit: u64) -> Result<Vec<u8>, FileError> {
    let file = open_read(path, links)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limit {
        return Err(FileError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(len.min(limit) as usize);
    // One byte more than allowed tells a file that grew while reading.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Opens (or creates, `0600`) a small bookkeeping file for reading and writing, such as
/// a lock file: never through a link, never a FIFO or device.
pub fn open_rw_create(path: &Path) -> Result<File, FileError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(flags(Links::Refuse));
    }
    let file = options.open(path)?;
    check_regular(&file)?;
    Ok(file)
}

/// Checks that `path` may be replaced by a new file: it does not exist, or it is a
/// regular file (not a link, FIFO, device or folder).
pub fn check_replaceable(path: &Path) -> Result<(), FileError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(FileError::Link),
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(FileError::NotRegular(kind_of(&meta))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(FileError::Io(e)),
    }
}

/// True when `path` itself is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn fifos_devices_links_and_large_files_are_refused_without_blocking() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let fifo = tmp.path().join("pijp.ron");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("cstr");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = read_capped(&fifo, Links::Follow, 10).expect_err("fifo");
        assert!(err.reason().contains("FIFO"), "{err}");
        let err = open_rw_create(&fifo).expect_err("fifo lock");
        assert!(err.reason().contains("FIFO"), "{err}");

        let zero = tmp.path().join("nul.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let err = read_capped(&zero, Links::Follow, 10).expect_err("device");
        assert!(err.reason().contains("apparaat"), "{err}");
        let err = read_capped(&zero, Links::Refuse, 10).expect_err("link");
        assert!(err.reason().contains("symbolische koppeling"), "{err}");
        assert!(matches!(check_replaceable(&zero), Err(FileError::Link)));

        let big = tmp.path().join("groot.ron");
        std::fs::write(&big, vec![b'x'; 11]).expect("write");
        let err = read_capped(&big, Links::Follow, 10).expect_err("too large");
        assert_eq!(
            err.reason(),
            "is groter dan 10 bytes, de grens voor dit soort bestand; kansrijk leest het niet"
        );
        assert_eq!(
            read_capped(&big, Links::Refuse, 11).expect("fits").len(),
            11
        );
        assert_eq!(human_size(MAX_SESSION_BYTES), "64 MiB");
    }
}
