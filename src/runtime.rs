//! The runtime: carries out `update`'s effects (disk, locks, quitting) and feeds the
//! results back as messages. The terminal loop lives in `run`; `Runtime` itself needs no
//! terminal, so tests drive the real effects through it.

mod saver;
pub mod terminal;

pub use saver::Saver;

use crate::app::{Effect, Model, Msg, OpenedSession, update};
use crate::session::Session;
use crate::store::{self, SessionLock};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything outside the model: the folder, the locks held, the background saver.
pub struct Runtime {
    pub dir: PathBuf,
    locks: BTreeMap<PathBuf, SessionLock>,
    pub(crate) saver: Saver,
    pub quit: bool,
    /// A text waiting to be edited in the user's own editor (needs the terminal).
    pub external: Option<(crate::app::TextTarget, String)>,
}

impl Runtime {
    pub fn new(dir: PathBuf) -> Self {
        Self {
            dir,
            locks: BTreeMap::new(),
            saver: Saver::spawn(),
            quit: false,
            external: None,
        }
    }

    /// Feeds `msg` through `update` and carries out the effects until none are left.
    pub fn dispatch(&mut self, model: &mut Model, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(model, msg) {
                if let Some(reply) = self.perform(effect) {
                    queue.insert(0, reply);
                }
            }
        }
    }

    /// Results of background saves that arrived since the last call.
    pub fn poll_saves(&mut self, model: &mut Model) {
        for msg in self.saver.results() {
            self.dispatch(model, msg);
        }
    }

    /// Waits until every queued save is on disk and dispatches the results.
    pub fn flush(&mut self, model: &mut Model) {
        for msg in self.saver.flush() {
            self.dispatch(model, msg);
        }
    }

    /// Carries out one effect; returns the message that reports its result, if any.
    pub fn perform(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::ListSessions => Some(Msg::Listed(
                store::list(&self.dir).map_err(|e| e.to_string()),
            )),
            Effect::Open(path) => Some(Msg::Opened(self.open(&path))),
            Effect::Create {
                bestuurder,
                organisatie,
                samenwerking,
                mode,
            } => {
                let session = Session::new(
                    &bestuurder,
                    &organisatie,
                    &samenwerking,
                    mode,
                    jiff::Timestamp::now(),
                );
                let created = store::create(&self.dir, &session).map_err(|e| e.to_string());
                Some(Msg::Opened(created.and_then(|path| self.open(&path))))
            }
            Effect::Save {
                path,
                generation,
                mut session,
            } => {
                session.updated = jiff::Timestamp::now();
                match store::serialize(&session) {
                    Ok(text) => {
                        self.saver.save(path, generation, text);
                        None
                    }
                    Err(e) => Some(Msg::Saved {
                        path,
                        generation,
                        result: Err(e.to_string()),
                    }),
                }
            }
            Effect::Close(path) => {
                // Pending writes go first; then the lock is released.
                let _ = self.saver.flush();
                self.locks.remove(&path);
                None
            }
            Effect::FollowUp(path) => {
                let created = store::load(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|old| {
                        let session = Session::new(
                            &old.bestuurder,
                            &old.organisatie,
                            &old.samenwerking,
                            old.mode,
                            jiff::Timestamp::now(),
                        );
                        store::create(&self.dir, &session).map_err(|e| e.to_string())
                    });
                Some(Msg::Opened(created.and_then(|path| self.open(&path))))
            }
            Effect::ExternalEdit { target, text } => {
                self.external = Some((target, text));
                None
            }
            Effect::Quit => {
                self.quit = true;
                None
            }
        }
    }

    fn open(&mut self, path: &Path) -> Result<Box<OpenedSession>, String> {
        let opened = store::open(path).map_err(|e| e.to_string())?;
        if let Some(lock) = opened.lock {
            self.locks.insert(opened.path.clone(), lock);
        }
        let previous = previous_of(&opened.path, &opened.session);
        Ok(Box::new(OpenedSession {
            path: opened.path,
            session: opened.session,
            read_only: opened.read_only,
            previous,
        }))
    }
}

/// The latest earlier session of the same bestuurder and samenwerking in the same folder.
fn previous_of(path: &Path, session: &Session) -> Option<crate::app::Previous> {
    let dir = path.parent()?;
    let entries = store::list(dir).ok()?;
    entries
        .into_iter()
        .filter_map(|e| match e {
            store::ListEntry::Session { path: p, header } if p != path => Some(header),
            _ => None,
        })
        .filter(|h| {
            h.bestuurder == session.bestuurder
                && h.samenwerking == session.samenwerking
                && h.created < session.created
        })
        .max_by_key(|h| h.created)
        .map(|h| crate::app::Previous {
            label: h
                .created
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%d-%m-%Y")
                .to_string(),
            answers: h.answers,
        })
}
