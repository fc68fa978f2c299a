//! Crash-safe writes with temp names that only kansrijk makes.
//!
//! The order is the one `docs/DURABILITY.md` proves with strace: create the temp file
//! (`O_EXCL`, 0600, in the same folder) → write → fsync → rename over the file (or, for a
//! new file, hard-link it under a name that must not exist yet) → fsync the folder.
//!
//! The temp file is named `.NAME.kansrijk-tmp-XXXXXX`, so that cleaning up after a kill
//! can tell kansrijk's own leftovers from the user's hidden files (`.NAME.backup`, …):
//! only names with this marker are ever removed.

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, renameat};
use nix::sys::stat::{FileStat, Mode, SFlag, fstatat};
use nix::unistd::{Gid, Uid, UnlinkatFlags, fchown, linkat, unlinkat};
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// The marker in every temp name kansrijk writes.
const MARK: &str = ".kansrijk-tmp-";
/// Length of the random part after the marker.
const SUFFIX_LEN: usize = 6;

/// How the finished temp file takes the file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replace {
    /// Rename over whatever file has the name (a save).
    Overwrite,
    /// Only when the name is free; `AlreadyExists` otherwise (a new session).
    Never,
}

/// True for the temp names kansrijk's writes of `name` use: `.NAME.kansrijk-tmp-XXXXXX`.
pub fn is_temp_file_of(name: &str, candidate: &str) -> bool {
    candidate
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(MARK))
        .is_some_and(|suffix| {
            suffix.len() == SUFFIX_LEN && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

fn temp_name(name: &OsStr, suffix: &str) -> Vec<u8> {
    let mut buf = Vec::with_capacity(name.len() + MARK.len() + SUFFIX_LEN + 1);
    buf.push(b'.');
    buf.extend_from_slice(name.as_bytes());
    buf.extend_from_slice(MARK.as_bytes());
    buf.extend_from_slice(suffix.as_bytes());
    buf
}

/// Six letters and digits, different per call (std's randomly keyed hasher, the clock,
/// the process and a counter); uniqueness is guaranteed by `O_EXCL` anyway.
fn random_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    if let Ok(d) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(d.as_nanos());
    }
    let mut n = hasher.finish();
    (0..SUFFIX_LEN)
        .map(|_| {
            let c = ALPHABET[(n % ALPHABET.len() as u64) as usize];
            n /= ALPHABET.len() as u64;
            c as char
        })
        .collect()
}

fn io(e: Errno) -> io::Error {
    io::Error::from(e)
}

/// Writes `bytes` to `path` crash-safely; see the module documentation.
pub(crate) fn write(path: &Path, bytes: &[u8], replace: Replace) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
    let dir_path = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir: OwnedFd = nix::fcntl::open(
        dir_path,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(io)?;
    let (file, temp) = create_temp(&dir, name)?;
    let mut file = File::from(file);
    let written = (|| {
        if replace == Replace::Overwrite {
            keep_mode_and_owner(&dir, name, &file)?;
        }
        file.write_all(bytes)?;
        file.sync_all()
    })();
    drop(file);
    let placed = written.and_then(|()| match replace {
        Replace::Overwrite => renameat(&dir, temp.as_slice(), &dir, name).map_err(io),
        Replace::Never => {
            let linked = linkat(&dir, temp.as_slice(), &dir, name, AtFlags::empty()).map_err(io);
            // The temp name goes either way: the file lives on under `name`, or not at all.
            let _ = unlinkat(&dir, temp.as_slice(), UnlinkatFlags::NoRemoveDir);
            linked
        }
    });
    if let Err(e) = placed {
        // Nothing was replaced: the temp file must not stay behind.
        let _ = unlinkat(&dir, temp.as_slice(), UnlinkatFlags::NoRemoveDir);
        return Err(e);
    }
    File::from(dir).sync_all()
}

fn create_temp(dir: &OwnedFd, name: &OsStr) -> io::Result<(OwnedFd, Vec<u8>)> {
    let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_CLOEXEC;
    let mode = Mode::from_bits_truncate(0o600);
    loop {
        let temp = temp_name(name, &random_suffix());
        match openat(dir, temp.as_slice(), flags, mode) {
            Ok(fd) => return Ok((fd, temp)),
            Err(Errno::EEXIST) => continue,
            Err(e) => return Err(io(e)),
        }
    }
}

/// A file replaced keeps its permissions and owner (a file a user made 0640 stays so);
/// anything but a regular file (a link, nothing yet) leaves the temp file at 0600.
fn keep_mode_and_owner(dir: &OwnedFd, name: &OsStr, file: &File) -> io::Result<()> {
    let stat: FileStat = match fstatat(dir, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
        Ok(stat) => stat,
        Err(Errno::ENOENT) => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    if SFlag::from_bits_truncate(stat.st_mode) & SFlag::S_IFMT != SFlag::S_IFREG {
        return Ok(());
    }
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(stat.st_mode & 0o7777))?;
    let (uid, gid) = (Uid::from_raw(stat.st_uid), Gid::from_raw(stat.st_gid));
    if uid != Uid::effective() || gid != Gid::effective() {
        match fchown(file, Some(uid), Some(gid)) {
            // Only root may give a file away; anyone else keeps it as their own.
            Err(Errno::EPERM) if !Uid::effective().is_root() => {}
            other => other.map_err(io)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_carry_the_marker_and_are_recognised_exactly() {
        let temp = temp_name(OsStr::new("anne.ron"), &random_suffix());
        let temp = String::from_utf8(temp).expect("ascii");
        assert!(is_temp_file_of("anne.ron", &temp), "{temp}");
        assert_ne!(random_suffix(), random_suffix());
    }

    #[test]
    fn a_new_file_never_replaces_one_that_exists() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ron");
        write(&path, b"eerste", Replace::Never).expect("first");
        let err = write(&path, b"tweede", Replace::Never).expect_err("taken");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).expect("read"), b"eerste");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temp file stays: {names:?}");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
