//! The terminal loop: set up the terminal, turn events into messages, draw, and always
//! restore the terminal and save first — on quit, on SIGTERM/SIGHUP/SIGINT, and on panic.

use super::Runtime;
use crate::app::{Model, Msg, keymap};
use crate::ui;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// What the panic hook needs: a way to wait for pending saves and the open session.
struct PanicState {
    flusher: super::saver::Flusher,
    open: Option<PathBuf>,
}

static PANIC_STATE: OnceLock<Mutex<PanicState>> = OnceLock::new();

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's hook (installed after this one) has already restored the terminal;
        // bracketed paste is ours to switch off.
        let _ = disable_extras();
        let mut where_ = None;
        let mut saved = true;
        if let Some(state) = PANIC_STATE.get()
            && let Ok(state) = state.lock()
        {
            // A change not yet handed to the saver (it was busy) is lost with the loop.
            saved = state.flusher.flush(Duration::from_secs(3)) && !UNSENT.load(Ordering::SeqCst);
            where_ = state.open.clone();
        }
        eprintln!("\nkansrijk is onverwacht gestopt door een fout in het programma.");
        match (where_, saved) {
            (Some(path), true) => eprintln!(
                "Uw laatste wijzigingen zijn bewaard in:\n  {}",
                crate::text::safe(&path.display().to_string())
            ),
            (Some(path), false) => eprintln!(
                "Let op: de laatste wijziging kon niet worden bewaard. De sessie staat in:\n  {}",
                crate::text::safe(&path.display().to_string())
            ),
            (None, _) => eprintln!("Er stond geen sessie open; er is niets verloren."),
        }
        // A panic's own message can quote a text (a slicing error shows the string), so
        // it is only shown to developers who ask for it.
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "onbekend".to_string());
        eprintln!(
            "Meld het probleem graag bij de makers en noem deze plek in het programma: {location}\n\
             (hierin staat geen tekst uit uw sessies)."
        );
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            previous(info);
        }
    }));
}

/// True while a change waits in the runtime for the saver (see `Runtime::has_pending`).
static UNSENT: AtomicBool = AtomicBool::new(false);

/// Held while a message is being handled, so that a signal never cuts a change in half.
static DISPATCH: Mutex<()> = Mutex::new(());

/// True while the user's own editor has the terminal (Ctrl+E): a Ctrl+C there reaches
/// kansrijk too (same process group) and must not end it.
pub(crate) static EXTERNAL_EDITOR: AtomicBool = AtomicBool::new(false);

/// SIGTERM, SIGHUP (terminal closed) and SIGINT: ask the loop to stop; if it does not
/// within half a second (e.g. it is blocked reading a terminal that is gone), save
/// everything queued, restore the terminal and exit from here.
fn spawn_signal_thread(
    flusher: super::saver::Flusher,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("kansrijk-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && EXTERNAL_EDITOR.load(Ordering::SeqCst) {
                    continue;
                }
                stop.store(true, Ordering::SeqCst);
                // The loop ends the user's editor and takes its text first (at most a
                // few seconds): exiting from here meanwhile would lose that text.
                for _ in 0..100 {
                    if !EXTERNAL_EDITOR.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                std::thread::sleep(Duration::from_millis(500));
                let _guard = DISPATCH.lock();
                let saved = flusher.flush(Duration::from_secs(5));
                let _ = disable_extras();
                ratatui::restore();
                if !saved {
                    eprintln!("Let op: de laatste wijziging kon niet worden bewaard.");
                    std::process::exit(1);
                }
                std::process::exit(0);
            }
        })?;
    Ok(())
}

/// Runs the TUI until the user quits. `first` is dispatched after the initial listing
/// (e.g. opening a file given on the command line). The exit code is 1 when the last
/// change could not be saved (however kansrijk was stopped: `q`, a signal), else 0.
pub fn run(
    mut model: Model,
    mut runtime: Runtime,
    first: Option<Msg>,
) -> anyhow::Result<std::process::ExitCode> {
    let _ = PANIC_STATE.set(Mutex::new(PanicState {
        flusher: runtime.saver.flusher(),
        open: None,
    }));
    install_panic_hook();

    let stop = Arc::new(AtomicBool::new(false));
    spawn_signal_thread(runtime.saver.flusher(), Arc::clone(&stop))?;

    let mut terminal = ratatui::init();
    let _ = enable_extras();
    let result = event_loop(&mut terminal, &mut model, &mut runtime, first, &stop);
    runtime.flush(&mut model);
    let all_saved = runtime.saver.flusher().flush(Duration::from_secs(5));
    let _ = disable_extras();
    ratatui::restore();
    drop(runtime);
    let failed = model.open.as_ref().and_then(|open| match &open.save {
        crate::app::SaveState::Failed(reason) => Some((open.path.clone(), reason.clone())),
        _ => None,
    });
    match (&failed, all_saved) {
        (Some((path, reason)), _) => eprintln!(
            "Let op: de laatste wijziging van {} is niet opgeslagen: {reason}",
            crate::text::safe(&path.display().to_string())
        ),
        (None, false) => eprintln!("Let op: de laatste wijziging kon niet worden bewaard."),
        (None, true) => {}
    }
    let code = if failed.is_none() && all_saved {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    };
    result.map(|()| code)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    model: &mut Model,
    runtime: &mut Runtime,
    first: Option<Msg>,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    runtime.dispatch(model, Msg::Resize(size.width, size.height));
    // The first screen shows the list as the folder's cache last saw it (put in the
    // model by `main`, read while the content was parsed); after the first frame the
    // folder is read in the background (every file's stamp checked, changed files
    // parsed) and the list replaced when it is read.
    let (list_tx, list_rx) = std::sync::mpsc::channel();
    let mut list_tx = Some(list_tx);
    if model.list.is_empty() {
        runtime.dispatch(model, Msg::Listing);
    }
    let mut listing = Some(list_rx);
    if let Some(msg) = first {
        runtime.dispatch(model, msg);
    }
    let exit_after_first_frame = test_hooks::exit_after_first_frame();
    #[cfg(feature = "test-hooks")]
    let panic_after = test_hooks::panic_after();
    #[cfg(feature = "test-hooks")]
    let mut inputs = 0u32;
    let started = std::time::Instant::now();
    loop {
        terminal.draw(|frame| ui::view(frame, model))?;
        if exit_after_first_frame {
            return Ok(());
        }
        if let Some(tx) = list_tx.take() {
            let store = std::sync::Arc::clone(&runtime.store);
            std::thread::Builder::new()
                .name("kansrijk-list".into())
                .spawn(move || {
                    let _ = tx.send(store.list().map_err(|e| e.to_string()));
                })?;
        }
        if let Some(state) = PANIC_STATE.get()
            && let Ok(mut state) = state.lock()
        {
            state.open = model.open.as_ref().map(|o| o.path.clone());
        }
        if stop.load(Ordering::SeqCst) {
            let _guard = DISPATCH.lock();
            runtime.dispatch(model, Msg::QuitAnyway);
        }
        if runtime.quit {
            return Ok(());
        }
        if let Some(rx) = &listing {
            match rx.try_recv() {
                Ok(result) => {
                    listing = None;
                    let _guard = DISPATCH.lock();
                    runtime.dispatch(model, Msg::Listed(result));
                    continue;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => listing = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        // Look again soon while the list is read or a change waits for the saver.
        let wait = if listing.is_some() || runtime.has_pending() {
            10
        } else {
            200
        };
        if event::poll(Duration::from_millis(wait))? {
            // Handle everything that is waiting before drawing again (fast typing, pastes).
            loop {
                let msg = match event::read()? {
                    Event::Key(key) => keymap::map_key(model, key),
                    Event::Paste(text) => Some(Msg::Paste(text)),
                    Event::Resize(w, h) => Some(Msg::Resize(w, h)),
                    _ => None,
                };
                if let Some(msg) = msg {
                    let _guard = DISPATCH.lock();
                    #[cfg(feature = "test-hooks")]
                    let quote: String = match &msg {
                        Msg::Paste(text) => text.chars().take(40).collect(),
                        _ => String::new(),
                    };
                    runtime.dispatch(model, msg);
                    UNSENT.store(runtime.has_pending(), Ordering::SeqCst);
                    #[cfg(feature = "test-hooks")]
                    {
                        inputs += 1;
                        if panic_after.is_some_and(|n| inputs >= n) {
                            // Quotes what was typed, as a careless panic might: the hook
                            // must not show it.
                            panic!("KANSRIJK_TEST_PANIC na {inputs} invoer(en): {quote:?}");
                        }
                    }
                }
                if runtime.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        runtime.poll_saves(model);
        {
            let _guard = DISPATCH.lock();
            runtime.dispatch(model, Msg::Tick(started.elapsed()));
        }
        UNSENT.store(runtime.has_pending(), Ordering::SeqCst);
        if let Some((target, text)) = runtime.external.take() {
            let session = model.open.as_ref().map(|o| o.path.clone());
            let session = session.unwrap_or_else(|| runtime.dir.join("sessie.ron"));
            let (result, files) = edit_externally(terminal, &session, &target, &text, stop);
            // Held until the text is in the session and on disk: a signal waits.
            let _guard = DISPATCH.lock();
            EXTERNAL_EDITOR.store(false, Ordering::SeqCst);
            let taken = result.is_ok();
            runtime.dispatch(model, Msg::ExternalEdited { target, result });
            if let Some(files) = files {
                runtime.flush(model);
                let on_disk = model
                    .open
                    .as_ref()
                    .is_some_and(|o| o.save == crate::app::SaveState::Saved);
                // Never remove a text that is in no session on disk; an editor that
                // failed (e.g. `:cq`) means: leave the text as it was.
                if on_disk || !taken {
                    files.remove();
                }
            }
        }
    }
}

/// Runs $VISUAL or $EDITOR on `text` in a private file beside the session (so
/// confidential text never lands in /tmp), with the terminal handed over meanwhile. The
/// file and its note (which session, which field) stay until the caller knows the text
/// is on disk. On SIGTERM/SIGHUP while the editor runs (`stop`), the editor is asked to
/// end and what it has written so far is the result: it goes into the field and is saved.
fn edit_externally(
    terminal: &mut ratatui::DefaultTerminal,
    session: &std::path::Path,
    target: &crate::app::TextTarget,
    text: &str,
    stop: &AtomicBool,
) -> (Result<String, String>, Option<super::external::EditFiles>) {
    let Some(editor) = editor_command(
        std::env::var("VISUAL").ok().as_deref(),
        std::env::var("EDITOR").ok().as_deref(),
    ) else {
        return (Err(crate::text::NO_EXTERNAL_EDITOR.to_string()), None);
    };
    let files = super::external::EditFiles::beside(session, std::process::id());
    if let Err(e) = files.write(session, target, text) {
        files.remove();
        return (Err(e), None);
    }
    let _ = disable_extras();
    ratatui::restore();
    EXTERNAL_EDITOR.store(true, Ordering::SeqCst);
    // The editor setting may carry arguments ("code --wait"): split on whitespace.
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi").to_string();
    let outcome = std::process::Command::new(&program)
        .args(parts)
        .arg(&files.text)
        .spawn()
        .and_then(|child| wait_for_editor(child, stop));
    // The terminal may be gone (SIGHUP when the window closed): the text still goes
    // into the session first; the next draw then ends the loop.
    if let Ok(fresh) = ratatui::try_init() {
        *terminal = fresh;
        let _ = enable_extras();
        let _ = terminal.clear();
    }
    let result = match outcome {
        // Stopped by a signal (kansrijk's or the editor's own): keep what was written.
        Ok(status) if status.success() || stop.load(Ordering::SeqCst) || killed(&status) => {
            std::fs::read_to_string(&files.text).map_err(|e| e.to_string())
        }
        Ok(status) => Err(format!("{program} stopte met {status}")),
        Err(e) => Err(format!("{program}: {e}")),
    };
    (result, Some(files))
}

#[cfg(unix)]
fn killed(status: &std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal().is_some()
}

#[cfg(not(unix))]
fn killed(_status: &std::process::ExitStatus) -> bool {
    false
}

/// Waits for the editor; when kansrijk is asked to stop, asks the editor to end
/// (SIGTERM), and after two seconds ends it.
fn wait_for_editor(
    mut child: std::process::Child,
    stop: &AtomicBool,
) -> std::io::Result<std::process::ExitStatus> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if stop.load(Ordering::SeqCst) {
            #[cfg(unix)]
            if let Ok(pid) = i32::try_from(child.id()) {
                let _ = nix::sys::signal::kill(
                    nix::unistd::Pid::from_raw(pid),
                    nix::sys::signal::Signal::SIGTERM,
                );
            }
            for _ in 0..40 {
                if let Some(status) = child.try_wait()? {
                    return Ok(status);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            return child.wait();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The user's editor: `VISUAL`, else `EDITOR`; an empty (or blank) value counts as unset,
/// so an empty `VISUAL` does not hide a set `EDITOR`.
pub fn editor_command(visual: Option<&str>, editor: Option<&str>) -> Option<String> {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|e| !e.is_empty())
        .map(str::to_string)
}

/// Bracketed paste (a paste arrives as one event) and the terminal's "alternate scroll"
/// mode: in the alternate screen the mouse wheel sends ↑/↓, so lists scroll with the
/// wheel while the mouse stays free for selecting and copying text.
fn enable_extras() -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    execute!(out, EnableBracketedPaste)?;
    out.write_all(b"\x1b[?1007h")?;
    out.flush()
}

fn disable_extras() -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(b"\x1b[?1007l")?;
    execute!(out, DisableBracketedPaste)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_visual_does_not_hide_editor() {
        assert_eq!(
            editor_command(Some(""), Some("nano")).as_deref(),
            Some("nano")
        );
        assert_eq!(
            editor_command(Some("  "), Some("vim")).as_deref(),
            Some("vim")
        );
        assert_eq!(
            editor_command(Some("code --wait"), Some("nano")).as_deref(),
            Some("code --wait")
        );
        assert_eq!(editor_command(None, Some("nano")).as_deref(), Some("nano"));
        assert_eq!(editor_command(Some(""), Some("")), None);
        assert_eq!(editor_command(None, None), None);
    }
}

/// Switches for the tests only, read from the environment. They exist only with the cargo
/// feature `test-hooks`, which the integration tests turn on (Cargo.toml's
/// dev-dependency on this crate); a release build has neither the switch nor its name.
mod test_hooks {
    /// `KANSRIJK_EXIT_AFTER_FIRST_FRAME`: draw the first frame and stop (startup timing).
    #[cfg(feature = "test-hooks")]
    pub fn exit_after_first_frame() -> bool {
        std::env::var_os("KANSRIJK_EXIT_AFTER_FIRST_FRAME").is_some()
    }

    #[cfg(not(feature = "test-hooks"))]
    pub fn exit_after_first_frame() -> bool {
        false
    }

    /// `KANSRIJK_TEST_PANIC=N`: panic after N keys and pastes (the crash tests).
    #[cfg(feature = "test-hooks")]
    pub fn panic_after() -> Option<u32> {
        std::env::var("KANSRIJK_TEST_PANIC")
            .ok()
            .and_then(|v| v.trim().parse().ok())
    }
}
