//! A background thread that writes sessions, so typing never waits for the disk.
//! Jobs for the same file are coalesced: only the newest text is written.

use crate::app::Msg;
use crate::store;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

enum Job {
    Save {
        path: PathBuf,
        generation: u64,
        text: String,
    },
    Flush(Sender<()>),
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

    /// Waits for every queued write, then returns all results.
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
    pub fn flush(&self, timeout: std::time::Duration) {
        let (tx, rx) = mpsc::channel();
        if self.jobs.send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(timeout);
        }
    }
}

fn run(jobs: Receiver<Job>, results: Sender<Msg>) {
    while let Ok(first) = jobs.recv() {
        // Take everything queued now; keep only the newest text per file.
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        let mut latest: BTreeMap<PathBuf, (u64, String)> = BTreeMap::new();
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
            let result = store::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string());
            let _ = results.send(Msg::Saved {
                path,
                generation,
                result,
            });
        }
        for done in waiters {
            let _ = done.send(());
        }
    }
}
