//! A test harness that drives kansrijk as a user does: keys go through the keymap and
//! `update`, effects through the real runtime (on a temporary folder), and the screen
//! is drawn by `view` into a `TestBackend`.
#![allow(dead_code)]

pub mod demo;

use kansrijk::app::{Model, Msg, keymap};
use kansrijk::content::Content;
use kansrijk::runtime::Runtime;
use kansrijk::session::{Mode, Session};
use kansrijk::store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct App {
    pub model: Model,
    pub runtime: Runtime,
    pub terminal: Terminal<TestBackend>,
    pub dir: tempfile::TempDir,
}

impl App {
    /// A fresh app on an empty temporary sessions folder, at 80×24.
    pub fn start() -> Self {
        Self::start_in(tempfile::tempdir().expect("tempdir"), 80, 24)
    }

    pub fn start_in(dir: tempfile::TempDir, w: u16, h: u16) -> Self {
        let content = Content::embedded().expect("embedded content is valid");
        Self::start_with(content, dir, w, h)
    }

    /// An app with the given content (e.g. with a coach's own folder merged in).
    pub fn start_with(content: Content, dir: tempfile::TempDir, w: u16, h: u16) -> Self {
        let content = Arc::new(content);
        let model = Model::new(content, dir.path().to_path_buf());
        let runtime = Runtime::new(dir.path().to_path_buf());
        Self::assemble(model, runtime, dir, w, h)
    }

    /// The app around `model` and `runtime`, sized and listed as at start-up.
    fn assemble(model: Model, runtime: Runtime, dir: tempfile::TempDir, w: u16, h: u16) -> Self {
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let mut app = Self {
            model,
            runtime,
            terminal,
            dir,
        };
        app.msg(Msg::Resize(w, h));
        app.effect_list();
        app
    }

    /// An app on a [`store::MemoryStore`]: nothing is read from or written to disk. The
    /// store's folder is `dir/in-geheugen`, which is never created, so a test can check
    /// that the temporary folder stays empty.
    pub fn in_memory(w: u16, h: u16) -> (Self, Arc<store::MemoryStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("in-geheugen");
        let memory = Arc::new(store::MemoryStore::new(folder.clone()));
        let content = Arc::new(Content::embedded().expect("embedded content is valid"));
        let model = Model::new(Arc::clone(&content), folder);
        let shared: Arc<dyn store::SessionStore> = memory.clone();
        let runtime = Runtime::with_store(shared, content);
        (Self::assemble(model, runtime, dir, w, h), memory)
    }

    /// An app with one session already in the folder, opened (overview screen).
    pub fn with_session() -> (Self, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = create_session(dir.path(), "Anne Jansen", "Wijkzorg Noord");
        let mut app = Self::start_in(dir, 80, 24);
        app.msg(Msg::Open(path.clone()));
        (app, path)
    }

    pub fn effect_list(&mut self) {
        if let Some(reply) = self.runtime.perform(kansrijk::app::Effect::ListSessions) {
            self.runtime.dispatch(&mut self.model, reply);
        }
    }

    pub fn msg(&mut self, msg: Msg) -> &mut Self {
        self.runtime.dispatch(&mut self.model, msg);
        self
    }

    pub fn key_event(&mut self, ev: KeyEvent) -> &mut Self {
        if let Some(msg) = keymap::map_key(&self.model, ev) {
            self.msg(msg);
        }
        self
    }

    /// Presses a character key.
    pub fn press(&mut self, c: char) -> &mut Self {
        self.key_event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.key_event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    pub fn code(&mut self, code: KeyCode) -> &mut Self {
        self.key_event(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// Types text key by key.
    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            if c == '\n' {
                self.code(KeyCode::Enter);
            } else {
                self.press(c);
            }
        }
        self
    }

    pub fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.terminal.backend_mut().resize(w, h);
        self.msg(Msg::Resize(w, h))
    }

    /// Waits for pending saves.
    pub fn flush(&mut self) -> &mut Self {
        self.runtime.flush(&mut self.model);
        self
    }

    /// Draws and returns the screen as lines of text.
    pub fn screen(&mut self) -> String {
        let model = &self.model;
        self.terminal
            .draw(|f| kansrijk::ui::view(f, model))
            .expect("draw");
        buffer_text(self.terminal.backend().buffer())
    }

    pub fn buffer(&mut self) -> ratatui::buffer::Buffer {
        self.screen();
        self.terminal.backend().buffer().clone()
    }
}

/// The buffer as text, one line per row, trailing spaces removed.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Writes a new session file into `dir` and returns its path.
pub fn create_session(dir: &Path, bestuurder: &str, samenwerking: &str) -> PathBuf {
    let session = Session::new(
        bestuurder,
        "Stichting Voorbeeld",
        samenwerking,
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    store::create(dir, &session).expect("create session")
}

// ---------------------------------------------------------------------------------------
// Fixtures shared by the test files.

/// The binary, with a clean environment for the sessions folder and no colour.
pub fn kansrijk() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kansrijk"));
    cmd.env_remove("KANSRIJK_DIR").env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` to the end.
pub fn run(cmd: &mut std::process::Command) -> std::process::Output {
    cmd.output().expect("kansrijk could not be started")
}

/// Anne Jansen's coaching session with one score, one "weet niet" and a note of two lines
/// with quotes, accents and a tab: the text a save must keep byte for byte.
pub fn sample() -> Session {
    let mut s = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Coachgesprek,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    s.answers.insert(
        "ambitie.gedeeld".into(),
        kansrijk::session::Answer::Score(4),
    );
    s.answers.insert(
        "belangen.waarde".into(),
        kansrijk::session::Answer::DontKnow,
    );
    s.notes.insert(
        "ambitie".into(),
        "Eerste regel.\nTweede regel met \"aanhalingstekens\", één accent en een tab\t.".into(),
    );
    s
}

/// An empty self-reflection of Anne Jansen, written into `dir`; returns its path.
pub fn sample_session(dir: &Path) -> PathBuf {
    let s = Session::new(
        "Anne Jansen",
        "Zorggroep Oost",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        jiff::Timestamp::from_second(1_790_000_000).expect("timestamp"),
    );
    store::create(dir, &s).expect("create the session")
}
