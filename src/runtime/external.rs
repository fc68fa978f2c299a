//! The files of the user's own editor (Ctrl+E). The text goes to a private file beside
//! the session (`.kansrijk-bewerken-PID.txt`, 0600), with a note of which session and
//! which field it is for (`.kansrijk-bewerken-PID.json`). Both are removed only once
//! the text is in the session on disk. When kansrijk was killed while the editor was
//! open, the next kansrijk that opens the session puts the text back into its field.

use crate::app::TextTarget;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const PREFIX: &str = ".kansrijk-bewerken-";
/// A note is a file name and a field; anything larger is not ours.
const NOTE_MAX: u64 = 64 * 1024;

/// Which session and field a text in the user's editor belongs to.
#[derive(Debug, Serialize, Deserialize)]
struct Note {
    /// The session's file name (in the same folder).
    session: String,
    target: TextTarget,
}

/// The text file and its note for one kansrijk process.
#[derive(Debug, Clone, PartialEq)]
pub struct EditFiles {
    pub text: PathBuf,
    pub note: PathBuf,
}

impl EditFiles {
    /// The files of process `pid` beside the session at `session`.
    pub fn beside(session: &Path, pid: u32) -> Self {
        let dir = folder_of(session);
        Self {
            text: dir.join(format!("{PREFIX}{pid}.txt")),
            note: dir.join(format!("{PREFIX}{pid}.json")),
        }
    }

    /// Writes the note first, then the text: a text is never without its note.
    pub fn write(&self, session: &Path, target: &TextTarget, text: &str) -> Result<(), String> {
        let note = Note {
            session: file_name(session),
            target: target.clone(),
        };
        let json = serde_json::to_vec(&note).map_err(|e| e.to_string())?;
        crate::store::write_atomic(&self.note, &json).map_err(|e| e.to_string())?;
        crate::store::write_atomic(&self.text, text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Removes both; the text first, so that a note never points at half a pair.
    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.text);
        let _ = std::fs::remove_file(&self.note);
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A text left in the user's editor by a kansrijk that was stopped.
#[derive(Debug)]
pub struct Leftover {
    pub files: EditFiles,
    pub target: TextTarget,
    pub text: String,
}

/// The texts other (stopped) kansrijk processes left for the session at `session`. Only
/// the holder of the session's lock calls this, so no living process still edits them.
pub fn leftovers(session: &Path) -> Vec<Leftover> {
    let dir = folder_of(session);
    let wanted = file_name(session);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|n| n.strip_suffix(".json"))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let files = EditFiles::beside(session, pid);
        let note = match std::fs::symlink_metadata(&files.note) {
            Ok(meta) if meta.is_file() && meta.len() <= NOTE_MAX => std::fs::read(&files.note)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<Note>(&bytes).ok()),
            _ => None,
        };
        let Some(note) = note.filter(|n| n.session == wanted) else {
            continue;
        };
        match std::fs::symlink_metadata(&files.text) {
            Ok(meta) if meta.is_file() => {
                // A text that cannot be read stays where it is, for the user to find.
                if let Ok(text) = std::fs::read_to_string(&files.text) {
                    found.push(Leftover {
                        files,
                        target: note.target,
                        text,
                    });
                }
            }
            // The note without its text (killed between the two writes): nothing to keep.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let _ = std::fs::remove_file(&files.note);
            }
            _ => {}
        }
    }
    found.sort_by(|a, b| a.files.text.cmp(&b.files.text));
    found
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_left_text_is_found_for_its_own_session_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let anne = dir.path().join("anne.ron");
        let bert = dir.path().join("bert.ron");
        let target = TextTarget::ConditionNote("ambitie".into());
        let files = EditFiles::beside(&anne, u32::MAX - 7);
        files.write(&anne, &target, "tekst").expect("write");
        // Our own process's files are never taken (our editor may still be open).
        EditFiles::beside(&anne, std::process::id())
            .write(&anne, &target, "nog bezig")
            .expect("write");
        let found = leftovers(&anne);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, "tekst");
        assert_eq!(found[0].target, target);
        assert!(leftovers(&bert).is_empty());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files.text)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
