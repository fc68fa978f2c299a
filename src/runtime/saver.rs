//! A background thread that writes sessions, so typing never waits for the disk: the
//! session is serialized here too, from the snapshot `update` handed over, so that even a
//! session of many megabytes costs the input loop only the hand-over. Jobs for the same
//! file are coalesced: of everything queued only the newest state is serialized and
//! written, and the app shows "✓ bewaard" only when the result for its latest change
//! (by generation) comes back.
//!
//! A failed write (disk full, folder read-only, fsync error) is reported at once as
//! `Msg::Saved` with the Dutch reason, and the text is kept and tried again every
//! [`RETRY`] and with every later batch, until a write succeeds or a newer text for the
//! same file replaces it. So a moment without disk space costs nothing once space is back.
//!
//! Before each write the file's stamp is compared with the one kansrijk last read
//! ([`Saver::watch`]) or wrote. When another program changed the file meanwhile, its
//! version stays and the session is written beside it (`store::save_beside`); the saver
//! reports `Msg::SavedElsewhere` and from then on writes that file instead.

use crate::app::Msg;
use crate::session::Session;
use crate::store::{FileStamp, SessionStore};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

/// How long to wait before trying a failed write again when nothing else happens.
pub const RETRY: Duration = Duration::from_secs(2);

/// What to write: a session (serialized on the saver thread) or a finished text.
enum Payload {
    Session(Box<Session>),
    Text(String),
}

impl Payload {
    fn into_text(self) -> Result<String, String> {
        match self {
            Payload::Text(text) => Ok(text),
            Payload::Session(session) => {
                crate::store::serialize(&session).map_err(|e| e.to_string())
            }
        }
    }
}

enum Job {
    Save {
        path: PathBuf,
        generation: u64,
        payload: Payload,
    },
    /// The file as kansrijk read it (at open): a save compares the file with this.
    Watch {
        path: PathBuf,
        stamp: Option<FileStamp>,
    },
    /// Answered with `true` when everything queued so far is on disk.
    Flush(Sender<bool>),
}

/// Handle to the saver thread.
pub struct Saver {
    jobs: Sender<Job>,
    results: Receiver<Msg>,
    store: Arc<dyn SessionStore>,
}

impl Saver {
    /// Starts the saver thread, writing into `store`.
    pub fn spawn(store: Arc<dyn SessionStore>) -> Self {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel::<Msg>();
        let files = Files {
            store: Arc::clone(&store),
            stamps: BTreeMap::new(),
            moved: BTreeMap::new(),
        };
        thread::Builder::new()
            .name("kansrijk-saver".into())
            .spawn(move || run(files, job_rx, result_tx))
            .ok();
        Self {
            jobs,
            results,
            store,
        }
    }

    /// Queues a save of `session` to `path` (serialized and written on the saver thread).
    pub fn save(&self, path: PathBuf, generation: u64, session: Box<Session>) {
        self.send(path, generation, Payload::Session(session));
    }

    /// Queues a write of a finished `text` to `path`.
    pub fn save_text(&self, path: PathBuf, generation: u64, text: String) {
        self.send(path, generation, Payload::Text(text));
    }

    fn send(&self, path: PathBuf, generation: u64, payload: Payload) {
        let job = Job::Save {
            path,
            generation,
            payload,
        };
        if let Err(mpsc::SendError(Job::Save { path, payload, .. })) = self.jobs.send(job) {
            // The thread is gone (it never should be): write here rather than lose it.
            if let Ok(text) = payload.into_text() {
                let _ = self.store.write_text(&path, &text);
            }
        }
    }

    /// Remembers the stamp of `path` as it was read, so that the first save notices a
    /// change made by another program after that.
    pub fn watch(&self, path: PathBuf) {
        let stamp = self.store.stamp(&path);
        let _ = self.jobs.send(Job::Watch { path, stamp });
    }

    /// Results that have arrived, without waiting.
    pub fn results(&self) -> Vec<Msg> {
        self.results.try_iter().collect()
    }

    /// Waits for every queued write (failed ones are tried once more), then returns all
    /// results.
    pub fn flush(&self) -> Vec<Msg> {
        let (tx, rx) = mpsc::channel();
        if self.jobs.send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv();
        }
        self.results()
    }

    /// A cloneable handle to wait for pending writes from elsewhere (the panic hook).
    pub fn flusher(&self) -> Flusher {
        Flusher {
            jobs: self.jobs.clone(),
        }
    }
}

/// Lets another thread wait until the saver has written everything queued.
#[derive(Clone)]
pub struct Flusher {
    jobs: Sender<Job>,
}

impl Flusher {
    /// Waits at most `timeout`; true when everything queued is on disk.
    pub fn flush(&self, timeout: Duration) -> bool {
        let (tx, rx) = mpsc::channel();
        if self.jobs.send(Job::Flush(tx)).is_ok() {
            rx.recv_timeout(timeout).unwrap_or(false)
        } else {
            false
        }
    }
}

/// The saver thread's memory: what it knows about each file.
struct Files {
    /// Where the sessions are written.
    store: Arc<dyn SessionStore>,
    /// The stamp of the version kansrijk last read or wrote, per file.
    stamps: BTreeMap<PathBuf, Option<FileStamp>>,
    /// Sessions that moved beside a file another program changed: old path → new path.
    moved: BTreeMap<PathBuf, PathBuf>,
}

impl Files {
    /// Where a save meant for `path` goes now.
    fn resolve(&self, mut path: PathBuf) -> PathBuf {
        // A chain of moves is short; the bound guards against a cycle.
        for _ in 0..100 {
            match self.moved.get(&path) {
                Some(next) => path = next.clone(),
                None => break,
            }
        }
        path
    }

    /// Writes `text` for the session at `path`; `Ok(Some(new))` when it went beside a
    /// file changed by another program.
    fn write(&mut self, path: &PathBuf, text: &str) -> Result<Option<PathBuf>, String> {
        let now = self.store.stamp(path);
        let changed = match (self.stamps.get(path), now) {
            // Known, and still there but different: someone else wrote it.
            (Some(known), Some(now)) => *known != Some(now),
            // Never read by us (a new file), or gone: nothing to keep.
            _ => false,
        };
        if changed {
            let beside = self.store.save_beside(path, text).map_err(|e| e.reason())?;
            self.stamps
                .insert(beside.clone(), self.store.stamp(&beside));
            self.moved.insert(path.clone(), beside.clone());
            return Ok(Some(beside));
        }
        self.store.write_text(path, text).map_err(|e| e.reason())?;
        self.stamps.insert(path.clone(), self.store.stamp(path));
        Ok(None)
    }
}

fn run(mut files: Files, jobs: Receiver<Job>, results: Sender<Msg>) {
    // Texts whose last write failed, kept to be tried again.
    let mut failed: BTreeMap<PathBuf, (u64, String)> = BTreeMap::new();
    loop {
        let first = if failed.is_empty() {
            match jobs.recv() {
                Ok(job) => Some(job),
                Err(_) => return,
            }
        } else {
            match jobs.recv_timeout(RETRY) {
                Ok(job) => Some(job),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        };
        // Take everything queued now; keep only the newest state per file.
        let mut batch: Vec<Job> = first.into_iter().collect();
        batch.extend(jobs.try_iter());
        let mut latest: BTreeMap<PathBuf, (u64, Payload)> = std::mem::take(&mut failed)
            .into_iter()
            .map(|(path, (generation, text))| (path, (generation, Payload::Text(text))))
            .collect();
        let mut waiters = Vec::new();
        for job in batch {
            match job {
                Job::Save {
                    path,
                    generation,
                    payload,
                } => {
                    latest.insert(files.resolve(path), (generation, payload));
                }
                Job::Watch { path, stamp } => {
                    files.stamps.insert(path, stamp);
                }
                Job::Flush(done) => waiters.push(done),
            }
        }
        for (path, (generation, payload)) in latest {
            let text = match payload.into_text() {
                Ok(text) => text,
                Err(reason) => {
                    let _ = results.send(Msg::Saved {
                        path,
                        generation,
                        result: Err(reason),
                    });
                    continue;
                }
            };
            let msg = match files.write(&path, &text) {
                Ok(None) => Msg::Saved {
                    path,
                    generation,
                    result: Ok(()),
                },
                Ok(Some(beside)) => Msg::SavedElsewhere {
                    from: path,
                    to: beside,
                    generation,
                },
                Err(reason) => {
                    failed.insert(path.clone(), (generation, text));
                    Msg::Saved {
                        path,
                        generation,
                        result: Err(reason),
                    }
                }
            };
            let _ = results.send(msg);
        }
        for done in waiters {
            let _ = done.send(failed.is_empty());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(msgs: &[Msg]) -> Vec<Result<(), String>> {
        msgs.iter()
            .filter_map(|m| match m {
                Msg::Saved { result, .. } => Some(result.clone()),
                _ => None,
            })
            .collect()
    }

    /// A write into a folder that is not there fails with a Dutch reason and no text;
    /// once the folder exists, the kept text is written without a new change.
    #[test]
    fn a_failed_save_is_reported_kept_and_retried() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("later");
        let path = dir.join("sessie.ron");
        let saver = Saver::spawn(Arc::new(crate::store::FileStore::new(dir.clone())));
        saver.save_text(path.clone(), 7, "geheime gedachte".to_string());
        // One result, or two when the flush came in a batch of its own (it retries).
        let results = saved(&saver.flush());
        assert!(!results.is_empty(), "no result");
        for result in results {
            let reason = result.expect_err("the folder is missing");
            assert!(reason.contains("bestaat niet"), "{reason}");
            assert!(!reason.contains("geheime"), "{reason}");
        }
        assert!(!saver.flusher().flush(Duration::from_secs(5)));

        std::fs::create_dir(&dir).expect("mkdir");
        let deadline = std::time::Instant::now() + RETRY * 3;
        let mut ok = false;
        while std::time::Instant::now() < deadline && !ok {
            std::thread::sleep(Duration::from_millis(50));
            ok = saved(&saver.results()).iter().any(|r| r.is_ok());
        }
        assert!(
            ok,
            "the kept text was not written after the folder appeared"
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("written"),
            "geheime gedachte"
        );
        assert!(saver.flusher().flush(Duration::from_secs(5)));
    }
}
