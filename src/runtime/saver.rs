//! A background thread that writes sessions, so typing never waits for the disk.
//! Jobs for the same file are coalesced: only the newest text is written.
//!
//! A failed write (disk full, folder read-only, fsync error) is reported at once as
//! `Msg::Saved` with the Dutch reason, and the text is kept and tried again every
//! [`RETRY`] and with every later batch, until a write succeeds or a newer text for the
//! same file replaces it. So a moment without disk space costs nothing once space is back.

use crate::app::Msg;
use crate::store;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

/// How long to wait before trying a failed write again when nothing else happens.
pub const RETRY: Duration = Duration::from_secs(2);

enum Job {
    Save {
        path: PathBuf,
        generation: u64,
        text: String,
    },
    /// Answered with `true` when everything queued so far is on disk.
    Flush(Sender<bool>),
}

/// Handle to the saver thread.
pub struct Saver {
    jobs: Sender<Job>,
    results: Receiver<Msg>,
}

impl Saver {
    pub fn spawn() -> Self {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (result_tx, results) = mpsc::channel::<Msg>();
        thread::Builder::new()
            .name("kansrijk-saver".into())
            .spawn(move || run(job_rx, result_tx))
            .ok();
        Self { jobs, results }
    }

    /// Queues a write of `text` to `path`.
    pub fn save(&self, path: PathBuf, generation: u64, text: String) {
        let job = Job::Save {
            path,
            generation,
            text,
        };
        if let Err(mpsc::SendError(Job::Save { path, text, .. })) = self.jobs.send(job) {
            // The thread is gone (it never should be): write here rather than lose it.
            let _ = store::write_atomic(&path, text.as_bytes());
        }
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

/// The Dutch reason of a failed save, without the path (the screen names the session).
fn failure_text(e: &store::StoreError) -> String {
    e.reason()
}

fn run(jobs: Receiver<Job>, results: Sender<Msg>) {
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
        // Take everything queued now; keep only the newest text per file.
        let mut batch: Vec<Job> = first.into_iter().collect();
        batch.extend(jobs.try_iter());
        let mut latest = std::mem::take(&mut failed);
        let mut waiters = Vec::new();
        for job in batch {
            match job {
                Job::Save {
                    path,
                    generation,
                    text,
                } => {
                    latest.insert(path, (generation, text));
                }
                Job::Flush(done) => waiters.push(done),
            }
        }
        for (path, (generation, text)) in latest {
            let result = store::write_atomic(&path, text.as_bytes());
            let result = match result {
                Ok(()) => Ok(()),
                Err(e) => {
                    failed.insert(path.clone(), (generation, text));
                    Err(failure_text(&e))
                }
            };
            let _ = results.send(Msg::Saved {
                path,
                generation,
                result,
            });
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
        let saver = Saver::spawn();
        saver.save(path.clone(), 7, "geheime gedachte".to_string());
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
