//! `update`: the only place the model changes. Pure: it returns effects for the runtime.

pub(in crate::app) mod complete;
mod screens;
pub mod start;

pub use super::screens::editor::clean_pasted;
pub(super) use super::screens::editor::{open_editor, save_effect};

pub(super) use screens::{change, current_row, refuse_read_only};

use super::keymap::{KeyMode, key_name};
use super::nav;
use super::screens::ScreenMsg;
use super::screens::actions::ActionsMsg;
use super::screens::instrument::InstrumentMsg;
use super::screens::start::StartMsg;
use super::screens::{editor, form, prompt, search};
use super::{Effect, Model, Msg, OpenSession, SaveState, Screen, Status, StatusKind};
use crate::store::ListEntry;
use crate::text as texts;

/// Applies one message to the model and returns what the runtime must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // Behind "te klein" nothing acts unseen: only quitting and what the runtime reports.
    if model.too_small() && msg.is_user_input() {
        return vec![];
    }
    if let Msg::Tick(now) = msg {
        model.clock = now;
        expire_status(model);
        return vec![];
    }
    let screen = model.screen;
    let status_seq = model.status_seq;
    let effects = handle(model, msg);
    // A message belongs to the screen it was given on.
    if model.screen != screen && model.status_seq == status_seq {
        model.status = None;
    }
    effects
}

/// Clears a status that has been on screen long enough, and the question it asked.
fn expire_status(model: &mut Model) {
    let expired = model
        .status
        .as_ref()
        .is_some_and(|s| model.clock.saturating_sub(s.since) >= s.lifetime());
    if expired {
        model.status = None;
        model.confirm_trash = None;
        model.confirm_quit = false;
        if let Some(open) = model.open.as_mut() {
            open.confirm_delete = None;
        }
    }
}

fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // In presentation mode the start screen's list is hidden: nothing acts on it unseen
    // (the start screen's own intents check this themselves).
    if model.presenting
        && model.screen == Screen::Start
        && model.prompt.is_none()
        && msg == Msg::StartSearch
    {
        set_info(
            model,
            texts::list_hidden_presenting(&key_name(KeyMode::Start, &Msg::TogglePresenting)),
        );
        return vec![];
    }
    // Any key other than a second delete cancels a pending delete.
    let delete = matches!(
        msg,
        Msg::Screen(
            ScreenMsg::Actions(ActionsMsg::Delete)
                | ScreenMsg::Instrument(InstrumentMsg::DeleteRow)
        )
    );
    let trash = msg == Msg::Screen(ScreenMsg::Start(StartMsg::Trash));
    if !(matches!(
        msg,
        Msg::Saved { .. } | Msg::SavedElsewhere { .. } | Msg::Resize(..)
    ) || delete)
        && let Some(open) = model.open.as_mut()
    {
        open.confirm_delete = None;
    }
    if !(matches!(
        msg,
        Msg::Saved { .. } | Msg::SavedElsewhere { .. } | Msg::Resize(..)
    ) || trash)
    {
        model.confirm_trash = None;
    }
    if !matches!(
        msg,
        Msg::Quit | Msg::Saved { .. } | Msg::SavedElsewhere { .. } | Msg::Resize(..)
    ) {
        model.confirm_quit = false;
    }
    match msg {
        Msg::Screen(m) => super::screens::update(model, m),
        Msg::Trashed(result) => {
            start::trashed(model, result);
            vec![Effect::ListSessions]
        }
        Msg::RowChanged(reason) => start::row_changed(model, reason),
        Msg::Resize(w, h) => {
            model.width = w;
            model.height = h;
            vec![]
        }
        // Handled in `update` before anything else.
        Msg::Tick(_) => vec![],
        Msg::ToggleHelp => {
            model.help = !model.help;
            vec![]
        }
        Msg::TogglePreviousTexts => {
            let shown = model.open.as_mut().and_then(|open| {
                open.previous.as_ref()?;
                open.show_previous_texts = !open.show_previous_texts;
                Some(open.show_previous_texts)
            });
            match shown {
                Some(shown) => set_info(model, texts::previous_texts_shown(shown)),
                None => set_info(model, texts::NO_PREVIOUS.to_string()),
            }
            vec![]
        }
        Msg::TogglePresenting => {
            model.presenting = !model.presenting;
            if model.presenting {
                search::presenting_started(model);
            }
            vec![]
        }
        Msg::Quit => {
            let unsaved = model
                .open
                .as_ref()
                .is_some_and(|o| matches!(o.save, SaveState::Failed(_)));
            if unsaved && !model.confirm_quit {
                model.confirm_quit = true;
                set_unsaved_error(
                    model,
                    texts::quit_unsaved(&key_name(KeyMode::Start, &Msg::Quit)),
                );
                vec![]
            } else {
                quit(model)
            }
        }
        Msg::QuitAnyway => quit(model),
        Msg::Back => back(model),
        Msg::AddAction => screens::add_action(model),
        Msg::Open(path) => vec![Effect::Open(path)],
        Msg::StartSearch
        | Msg::GroupLoaded(_)
        | Msg::Searched(_)
        | Msg::Imported(_)
        | Msg::Export
        | Msg::Exported(_) => start::handle(model, msg),
        Msg::EditCoachNote => {
            let condition = model.open.as_ref().map(|o| model.condition_of(o.focus));
            match nav::coach_key(&model.content, model.screen, condition) {
                Some(key) => editor::open_editor(model, super::TextTarget::CoachNote(key)),
                None => vec![],
            }
        }
        Msg::OpenScan => {
            goto(model, Screen::Scan);
            vec![]
        }
        Msg::GoOverview => {
            goto(model, Screen::Overview);
            vec![]
        }
        Msg::GoPerspectives => {
            let next = match model.screen {
                Screen::Perspective(p) => Screen::Perspective((p + 1) % 4),
                Screen::Theme(p, _) => Screen::Perspective(p),
                _ => Screen::Perspective(0),
            };
            goto(model, next);
            vec![]
        }
        Msg::GoTensions => {
            let n = model.content.handreiking.tensions.len().max(1);
            let next = match model.screen {
                Screen::Tension(t) => Screen::Tension((t + 1) % n),
                Screen::Dilemma(t, _) => Screen::Tension(t),
                _ => Screen::Tension(0),
            };
            goto(model, next);
            vec![]
        }
        Msg::GoActions => {
            goto(model, Screen::Actions);
            vec![]
        }
        Msg::NextStop | Msg::PrevStop => {
            guided(model, msg == Msg::NextStop);
            vec![]
        }
        Msg::PathCompleted { typed, completion } => {
            complete::completed(model, typed, completion);
            vec![]
        }
        Msg::Input(input) if model.prompt.is_some() => prompt::type_input(model, input),
        Msg::Input(input) if model.screen == Screen::NewSession => form::type_input(model, input),
        Msg::Input(input) => editor::type_input(model, input),
        Msg::Paste(text) if model.prompt.is_some() => {
            prompt::paste(model, &text);
            vec![]
        }
        Msg::Paste(text) if model.screen == Screen::NewSession => {
            form::paste(model, &text);
            vec![]
        }
        Msg::Paste(text) => editor::paste(model, &text),
        Msg::ExternalEdited { target, result } => editor::external_done(model, target, result),
        Msg::Listing => {
            model.list_loading = true;
            vec![]
        }
        Msg::Listed(Ok(mut entries)) => {
            model.list_loading = false;
            group_by_bestuurder(&mut entries);
            model.list_trend = trends(&model.content.scan, &entries);
            model.list_widths = super::model::ListWidths::of(&entries);
            model.list = entries;
            model.list_error = None;
            model.selected = model.selected.min(model.list.len().saturating_sub(1));
            vec![]
        }
        Msg::Listed(Err(reason)) => {
            model.list_loading = false;
            model.list.clear();
            model.list_trend.clear();
            model.list_widths = super::model::ListWidths::default();
            model.list_error = Some(reason);
            vec![]
        }
        Msg::Opened(Ok(opened)) => {
            model.status = None;
            if let Some(reason) = &opened.read_only {
                set_error(model, format!("{}: {reason}", texts::READ_ONLY));
            }
            if !opened.recovered.is_empty() {
                set_info(model, texts::recovered_from_editor(&opened.recovered));
            }
            let opened = *opened;
            let mut open = OpenSession::new(opened.path, opened.session, opened.read_only);
            open.previous = opened.previous;
            model.open = Some(open);
            model.screen = Screen::Overview;
            search::jump(model);
            vec![]
        }
        Msg::Opened(Err(reason)) => {
            set_error(model, reason);
            vec![]
        }
        Msg::Saved {
            path,
            generation,
            result,
        } => {
            saved(model, &path, generation, result);
            vec![]
        }
        Msg::SavedElsewhere {
            from,
            to,
            generation,
        } => {
            if let Some(open) = model.open.as_mut().filter(|o| o.path == from) {
                open.path = to.clone();
                if generation == open.generation {
                    open.save = SaveState::Saved;
                }
                set_error(model, texts::saved_elsewhere(&to));
            }
            vec![]
        }
    }
}

/// Per entry, the change of the mean score since the previous session (by creation) of
/// the same bestuurder about the same samenwerking, rounded to one decimal; `None` when
/// either has no score. One pass over the sorted entries: O(n log n), not O(n²).
fn trends(scan: &crate::content::ScanContent, entries: &[ListEntry]) -> Vec<Option<f64>> {
    let mean = |answers| {
        let scores: Vec<f64> = crate::scan::score(scan, answers)
            .scores()
            .into_iter()
            .flatten()
            .collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let key = |i: &usize| match &entries[*i] {
        ListEntry::Session { header, .. } => Some((
            header.bestuurder.as_str(),
            header.samenwerking.as_str(),
            header.created,
        )),
        ListEntry::Unreadable { .. } => None,
    };
    order.sort_by_key(|i| key(i));
    let mut out = vec![None; entries.len()];
    let mut previous: Option<(usize, Option<f64>)> = None;
    for i in order {
        let Some((bestuurder, samenwerking, created)) = key(&i) else {
            previous = None;
            continue;
        };
        let ListEntry::Session { header, .. } = &entries[i] else {
            continue;
        };
        let now = mean(&header.answers);
        if let Some((p, before)) = previous
            && let Some((pb, ps, pc)) = key(&p)
            && pb == bestuurder
            && ps == samenwerking
            && pc < created
            && let (Some(before), Some(now)) = (before, now)
        {
            out[i] = Some(((now - before) * 10.0).round() / 10.0);
        }
        previous = Some((i, now));
    }
    out
}

/// Orders the start screen ([`crate::store::display_order`]).
fn group_by_bestuurder(entries: &mut [ListEntry]) {
    crate::store::display_order(entries);
}

pub(in crate::app) fn set_error(model: &mut Model, text: String) {
    set_status(model, StatusKind::Error, text);
}

pub(in crate::app) fn set_info(model: &mut Model, text: String) {
    set_status(model, StatusKind::Info, text);
}

/// An error that warns the session is not saved; it goes when a save succeeds.
fn set_unsaved_error(model: &mut Model, text: String) {
    set_status(model, StatusKind::Error, text);
    if let Some(status) = model.status.as_mut() {
        status.unsaved = true;
    }
}

fn set_status(model: &mut Model, kind: StatusKind, text: String) {
    model.status_seq += 1;
    model.status = Some(Status {
        kind,
        text,
        unsaved: false,
        since: model.clock,
    });
}

fn saved(model: &mut Model, path: &std::path::Path, generation: u64, result: Result<(), String>) {
    let Some(open) = model.open.as_mut().filter(|o| o.path == path) else {
        return;
    };
    match result {
        Ok(()) => {
            if generation == open.generation {
                open.save = SaveState::Saved;
            }
            // The warnings about the failed save no longer hold.
            let still_failed = matches!(open.save, SaveState::Failed(_));
            if !still_failed && model.status.as_ref().is_some_and(|s| s.unsaved) {
                model.status = None;
            }
            if !still_failed {
                model.confirm_quit = false;
            }
        }
        Err(reason) => {
            open.save = SaveState::Failed(reason.clone());
            set_unsaved_error(model, format!("{}: {reason}", texts::NOT_SAVED));
        }
    }
}

/// Opens a session screen, remembering where we were for Esc.
pub(in crate::app) fn goto(model: &mut Model, screen: Screen) {
    let Some(open) = model.open.as_mut() else {
        return;
    };
    if model.screen == screen {
        return;
    }
    if matches!(model.screen, Screen::Start | Screen::NewSession) {
        open.back.clear();
    } else {
        open.back.push((model.screen, open.cursor));
        // Keep the way back short: a long guided walk should not need 80 Esc presses.
        if open.back.len() > 30 {
            open.back.remove(0);
        }
    }
    model.screen = screen;
    open.cursor = 0;
    open.col = 0;
    open.action_col = Default::default();
    open.scroll = 0;
}

fn quit(model: &mut Model) -> Vec<Effect> {
    model.quitting = true;
    let mut effects = Vec::new();
    if let Some(open) = model.open.as_mut() {
        if let Some(editor) = open.editor.take()
            && let Some(effect) = editor::store_text(open, &editor)
        {
            effects.push(effect);
        }
        effects.push(Effect::Close {
            path: open.path.clone(),
            generation: open.generation,
            session: Box::new(open.session.clone()),
        });
    }
    effects.push(Effect::Quit);
    effects
}

fn back(model: &mut Model) -> Vec<Effect> {
    if model.help {
        model.help = false;
        return vec![];
    }
    // A reading page opens from the help: Esc goes back to the help.
    if model.page.take().is_some() {
        model.page_scroll = 0;
        model.help = true;
        return vec![];
    }
    if model.prompt.take().is_some() || model.export.take().is_some() {
        return vec![];
    }
    if let Some(open) = model.open.as_mut()
        && let Some(editor) = open.editor.take()
    {
        return editor::close_editor(open, editor);
    }
    match model.screen {
        Screen::Start => vec![],
        Screen::NewSession | Screen::Group => {
            model.screen = Screen::Start;
            model.group = None;
            vec![]
        }
        Screen::Search if model.open.is_none() => {
            model.screen = Screen::Start;
            vec![]
        }
        Screen::Overview => {
            model.screen = Screen::Start;
            let mut effects = Vec::new();
            if let Some(open) = model.open.take() {
                effects.push(Effect::Close {
                    path: open.path,
                    generation: open.generation,
                    session: Box::new(open.session),
                });
            }
            model.status = None;
            effects.push(Effect::ListSessions);
            effects
        }
        _ => {
            let Some(open) = model.open.as_mut() else {
                model.screen = Screen::Start;
                return vec![];
            };
            let (screen, cursor) = open.back.pop().unwrap_or((Screen::Overview, 0));
            model.screen = screen;
            open.cursor = cursor;
            open.col = 0;
            open.action_col = Default::default();
            open.scroll = 0;
            vec![]
        }
    }
}

fn guided(model: &mut Model, forward: bool) {
    let stops = nav::stops(&model.content);
    let here = stops.iter().position(|s| *s == model.screen);
    let next = match (here, forward) {
        (Some(i), true) => stops.get(i + 1).copied(),
        (Some(i), false) => i.checked_sub(1).and_then(|i| stops.get(i).copied()),
        // Off the path: the nearest stop that contains this screen's place.
        (None, _) => match model.screen {
            Screen::Start | Screen::NewSession => None,
            _ => Some(Screen::Overview),
        },
    };
    if let Some(next) = next {
        goto(model, next);
    } else if forward && here.is_some() {
        set_info(
            model,
            texts::guided_end(
                &key_name(KeyMode::Actions, &Msg::Back),
                &key_name(KeyMode::Actions, &Msg::GoOverview),
            ),
        );
    }
}
