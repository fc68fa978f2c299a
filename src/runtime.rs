//! The runtime: carries out `update`'s effects (disk, locks, quitting) and feeds the
//! results back as messages. The terminal loop lives in `run`; `Runtime` itself needs no
//! terminal, so tests drive the real effects through it.

pub mod external;
mod saver;
pub mod terminal;

pub use saver::Saver;

use crate::app::{Effect, Model, Msg, OpenedSession, RowAction, update};
use crate::session::Session;
use crate::store::{self, FileStore, SessionLock, SessionStore};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Everything outside the model: the sessions store, the locks held, the background saver.
pub struct Runtime {
    /// The sessions folder (the store's; group, import and reports read it directly).
    pub dir: PathBuf,
    /// Where sessions are listed, read and written: the folder, or memory in tests.
    pub store: Arc<dyn SessionStore>,
    /// The content, for reports and search.
    pub content: std::sync::Arc<crate::content::Content>,
    locks: BTreeMap<PathBuf, SessionLock>,
    pub(crate) saver: Saver,
    pub quit: bool,
    /// A text waiting to be edited in the user's own editor (needs the terminal).
    pub external: Option<(crate::app::TextTarget, String)>,
    /// Save results that arrived while closing, for the model.
    deferred: Vec<Msg>,
    /// A change of the open session waits to be handed to the saver.
    pending: bool,
    /// The generation handed to the saver whose result has not come back yet.
    awaiting: Option<u64>,
    /// Sessions saved beside a file another program changed: old path → new path.
    moved: BTreeMap<PathBuf, PathBuf>,
}

impl Runtime {
    /// A runtime with the embedded content (as the tests and benchmarks use it).
    pub fn new(dir: PathBuf) -> Self {
        let content = crate::content::Content::embedded().unwrap_or_else(|e| {
            // The embedded content is checked by the test suite; this cannot happen in a
            // released build, but a message beats a panic.
            eprintln!("kansrijk: de ingebouwde inhoud is ongeldig: {e}");
            std::process::exit(2)
        });
        Self::with_content(dir, std::sync::Arc::new(content))
    }

    /// A runtime on the folder `dir` for the given content (the coach's own content
    /// included).
    pub fn with_content(dir: PathBuf, content: std::sync::Arc<crate::content::Content>) -> Self {
        Self::with_store(Arc::new(FileStore::new(dir)), content)
    }

    /// A runtime on any store (a [`store::MemoryStore`] in UI tests).
    pub fn with_store(
        store: Arc<dyn SessionStore>,
        content: std::sync::Arc<crate::content::Content>,
    ) -> Self {
        Self {
            dir: store.dir().to_path_buf(),
            saver: Saver::spawn(Arc::clone(&store)),
            store,
            content,
            locks: BTreeMap::new(),
            quit: false,
            external: None,
            deferred: Vec::new(),
            pending: false,
            awaiting: None,
            moved: BTreeMap::new(),
        }
    }

    /// Feeds `msg` through `update` and carries out the effects until none are left.
    pub fn dispatch(&mut self, model: &mut Model, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(model, msg) {
                // What reads the session from disk must see its latest change.
                if matches!(effect, Effect::Export { .. } | Effect::Search(_)) {
                    self.send_pending(model, true);
                }
                if let Some(reply) = self.perform(effect) {
                    queue.insert(0, reply);
                }
            }
        }
        self.send_pending(model, false);
    }

    /// True while a change is not yet handed to the saver (it is busy with the one before).
    pub fn has_pending(&self) -> bool {
        self.pending
    }

    /// Hands a snapshot of the open session to the saver, when a change waits and the
    /// saver has finished the previous one (or always, with `force`). Of many changes
    /// made meanwhile only the newest state is copied and written; the generation tells
    /// the model which change is on disk.
    fn send_pending(&mut self, model: &Model, force: bool) {
        if !self.pending || (self.awaiting.is_some() && !force) {
            return;
        }
        // Without an open session the state travels with `Effect::Close`.
        let Some(open) = model.open.as_ref() else {
            return;
        };
        let mut session = Box::new(open.session.clone());
        session.updated = jiff::Timestamp::now();
        self.saver.save(open.path.clone(), open.generation, session);
        self.awaiting = Some(open.generation);
        self.pending = false;
    }

    /// Results of background saves that arrived since the last call; then the waiting
    /// change, if the saver is free now.
    pub fn poll_saves(&mut self, model: &mut Model) {
        let results = self.saver.results();
        self.deliver(model, results);
        self.send_pending(model, false);
    }

    /// Waits until every change is on disk and dispatches the results.
    pub fn flush(&mut self, model: &mut Model) {
        self.send_pending(model, true);
        let results = self.saver.flush();
        self.deliver(model, results);
    }

    fn deliver(&mut self, model: &mut Model, results: Vec<Msg>) {
        self.absorb(&results);
        let mut all = std::mem::take(&mut self.deferred);
        all.extend(results);
        for msg in all {
            self.dispatch(model, msg);
        }
    }

    /// What the runtime itself does with save results: a session that moved beside a
    /// file changed by another program takes its lock along.
    fn absorb(&mut self, results: &[Msg]) {
        for msg in results {
            if let Msg::Saved { generation, .. } | Msg::SavedElsewhere { generation, .. } = msg
                && self.awaiting.is_some_and(|a| *generation >= a)
            {
                self.awaiting = None;
            }
            if let Msg::SavedElsewhere { from, to, .. } = msg {
                self.moved.insert(from.clone(), to.clone());
                if let Some(old) = self.locks.remove(from) {
                    match SessionLock::acquire(to) {
                        Ok(lock) => {
                            self.locks.insert(to.clone(), lock);
                        }
                        // Nobody else can know the new name yet; keep the old lock
                        // rather than none.
                        Err(_) => {
                            self.locks.insert(from.clone(), old);
                        }
                    }
                }
            }
        }
    }

    /// Carries out one effect; returns the message that reports its result, if any.
    pub fn perform(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::ListSessions => Some(Msg::Listed(self.store.list().map_err(|e| e.to_string()))),
            Effect::Open(path) => Some(Msg::Opened(self.open(&path))),
            Effect::OnRow { path, row, action } => match self.store.check_row(&path, &|h| {
                h.id == row.id
                    && h.bestuurder == row.bestuurder
                    && h.samenwerking == row.samenwerking
            }) {
                Ok(()) => self.perform(match action {
                    RowAction::Open => Effect::Open(path),
                    RowAction::Trash => Effect::Trash(path),
                    RowAction::FollowUp => Effect::FollowUp(path),
                }),
                Err(reason) => Some(Msg::RowChanged(reason)),
            },
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
                let created = self.store.create(&session).map_err(|e| e.to_string());
                Some(Msg::Opened(created.and_then(|path| self.open(&path))))
            }
            Effect::Save { .. } => {
                // Taken from the model by `send_pending`, as soon as the saver is free.
                self.pending = true;
                None
            }
            Effect::Close {
                path,
                generation,
                mut session,
            } => {
                // A save still waiting goes with the final state; pending writes go first
                // (their results are kept for the model); then the lock is released.
                if std::mem::take(&mut self.pending) {
                    session.updated = jiff::Timestamp::now();
                    self.saver.save(path.clone(), generation, session);
                }
                let results = self.saver.flush();
                self.absorb(&results);
                self.deferred.extend(results);
                let path = self.moved.get(&path).cloned().unwrap_or(path);
                self.locks.remove(&path);
                None
            }
            Effect::Export { path, rvt, with } => {
                Some(Msg::Exported(self.export(&path, rvt, with)))
            }
            Effect::ExportGroup {
                samenwerking,
                anonymous,
            } => Some(Msg::Exported(self.export_group(&samenwerking, anonymous))),
            Effect::LoadGroup(samenwerking) => {
                // The one membership rule: the latest session of each respondent.
                let (paths, sessions) = crate::group::members(&self.dir, &samenwerking)
                    .into_iter()
                    .unzip();
                Some(Msg::GroupLoaded(Ok(Box::new(crate::app::GroupData {
                    samenwerking,
                    paths,
                    sessions,
                }))))
            }
            Effect::Trash(path) => {
                // `trash` refuses a session that is open in another window.
                Some(Msg::Trashed(
                    self.store.trash(&path).map_err(|e| e.to_string()),
                ))
            }
            Effect::Import(files) => Some(Msg::Imported(self.import(&files))),
            Effect::CompletePath(typed) => Some(Msg::PathCompleted {
                completion: crate::group::complete_path(&typed),
                typed,
            }),
            Effect::Search(query) => {
                let sessions: Vec<(std::path::PathBuf, Session)> = self
                    .store
                    .list()
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|e| match e {
                        store::ListEntry::Session { path, .. } => {
                            self.store.load(&path).ok().map(|s| (path, s))
                        }
                        _ => None,
                    })
                    .collect();
                Some(Msg::Searched(crate::search::search(
                    &self.content,
                    &sessions,
                    &query,
                )))
            }
            Effect::FollowUp(path) => {
                let created = self
                    .store
                    .load(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|old| {
                        // Same context, empty answers, last time's open afspraken to review.
                        let session = old.follow_up(jiff::Timestamp::now());
                        self.store.create(&session).map_err(|e| e.to_string())
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

    /// Writes the HTML report (the full one or the RvT version with the parts in `with`)
    /// next to the session, with the previous session overlaid.
    fn export(
        &mut self,
        path: &Path,
        rvt: bool,
        with: crate::present::Sections,
    ) -> Result<std::path::PathBuf, String> {
        // Everything typed must be in the report: wait for pending saves first.
        let _ = self.saver.flush();
        let session = self.store.load(path).map_err(|e| e.to_string())?;
        let previous = previous_of(self.store.as_ref(), path, &session)
            .and_then(|p| self.store.load(&p.path).ok().map(|s| (p.path, s)));
        crate::report::export_version(
            &self.content,
            path,
            crate::report::Format::Html,
            crate::report::Output::default(),
            previous.as_ref().map(|(p, s)| (p.as_path(), s)),
            crate::report::Version {
                with_notes: false,
                rvt,
                with,
            },
        )
        .map(|written| written.path)
        .map_err(|e| e.to_string())
    }

    /// Writes the HTML group report of the samenwerking's members (the one membership
    /// rule), as `compare --export html` does; anonymous: R1…Rn.
    fn export_group(
        &mut self,
        samenwerking: &str,
        anonymous: bool,
    ) -> Result<std::path::PathBuf, String> {
        let members = crate::group::members(&self.dir, samenwerking);
        let borrowed: Vec<(&Path, &Session)> =
            members.iter().map(|(p, s)| (p.as_path(), s)).collect();
        let group = crate::present::Group::build(&self.content, &borrowed, anonymous);
        let inputs: Vec<&Path> = members.iter().map(|(p, _)| p.as_path()).collect();
        crate::report::export_group(
            &self.content,
            &group,
            &inputs,
            crate::report::Format::Html,
            crate::report::Output::default(),
        )
        .map_err(|e| e.to_string())
    }

    /// Imports partner files; a Dutch summary of what happened.
    fn import(&mut self, inputs: &[std::path::PathBuf]) -> Result<String, String> {
        // Folders give their `*.ron` files, patterns the files they match.
        let expansion = crate::group::expand_inputs(inputs);
        let report = crate::group::import(&self.dir, &expansion.files);
        let mut parts = Vec::new();
        if !report.imported.is_empty() {
            parts.push(format!("{} geïmporteerd", report.imported.len()));
        }
        if !report.already.is_empty() {
            parts.push(format!("{} stond er al", report.already.len()));
        }
        for (file, err) in &report.refused {
            parts.push(format!(
                "{} geweigerd: {err}",
                file.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
        }
        for nothing in &expansion.nothing {
            parts.push(crate::text::import_nothing_at(&crate::text::safe(
                &nothing.display().to_string(),
            )));
        }
        let summary = format!("Import: {}. Groepsbeeld: g.", parts.join("; "));
        if report.imported.is_empty() && report.already.is_empty() {
            Err(summary)
        } else {
            Ok(summary)
        }
    }

    fn open(&mut self, path: &Path) -> Result<Box<OpenedSession>, String> {
        let mut opened = self.store.open(path).map_err(|e| e.to_string())?;
        let mut recovered = Vec::new();
        if let Some(lock) = opened.lock.take() {
            self.locks.insert(opened.path.clone(), lock);
            recovered = self.recover_external_texts(&opened.path, &mut opened.session);
            // A save compares the file with the version read here.
            self.saver.watch(opened.path.clone());
        }
        let mut previous = previous_of(self.store.as_ref(), &opened.path, &opened.session);
        if let Some(prev) = previous.as_mut()
            && let Ok(body) = self.store.load(&prev.path)
        {
            // Its texts, read-only beside the new ones; without them (a file that no
            // longer parses) the scan comparison still works.
            prev.reflections = body.reflections;
            prev.dilemmas = body.dilemmas;
        }
        Ok(Box::new(OpenedSession {
            path: opened.path,
            session: opened.session,
            read_only: opened.read_only,
            previous,
            recovered,
        }))
    }

    /// Puts back the texts a stopped kansrijk left in the user's own editor (Ctrl+E)
    /// for this session, saves, and only then removes their files. Returns the titles
    /// of the fields, for the status line.
    fn recover_external_texts(&self, path: &Path, session: &mut Session) -> Vec<String> {
        let leftovers = external::leftovers(path);
        if leftovers.is_empty() {
            return Vec::new();
        }
        let mut titles = Vec::new();
        let mut changed = false;
        for left in &leftovers {
            let text = crate::app::text::from_external_editor(&left.target, &left.text);
            changed |= crate::app::text::set(session, &left.target, &text);
            titles.push(crate::app::text::title(&self.content, &left.target));
        }
        if changed {
            session.updated = jiff::Timestamp::now();
            if self.store.save(path, session).is_err() {
                // The texts are in the open session and reach the file with the next
                // save; their files stay until then, so nothing can be lost.
                return titles;
            }
        }
        for left in leftovers {
            left.files.remove();
        }
        titles
    }
}

/// The latest earlier session of the same bestuurder and samenwerking in the same folder.
fn previous_of(
    store: &dyn SessionStore,
    path: &Path,
    session: &Session,
) -> Option<crate::app::Previous> {
    let entries = store.list_beside(path).ok()?;
    entries
        .into_iter()
        .filter_map(|e| match e {
            store::ListEntry::Session { path: p, header } if p != path => Some((p, header)),
            _ => None,
        })
        .filter(|(_, h)| {
            h.bestuurder == session.bestuurder
                && h.samenwerking == session.samenwerking
                && h.created < session.created
        })
        .max_by_key(|(_, h)| h.created)
        .map(|(p, h)| crate::app::Previous {
            path: p,
            label: crate::present::short_date(h.created),
            answers: h.answers,
            reflections: Default::default(),
            dilemmas: Default::default(),
        })
}
