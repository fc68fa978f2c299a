//! `update`: the only place the model changes. Pure: it returns effects for the runtime.

mod edit;
mod screens;
pub mod start;

pub use edit::clean_pasted;
pub(super) use edit::{open_editor, save_effect};

pub(super) use screens::{change, current_row, delete_row, new_action, refuse_read_only};

use super::keymap::{KeyMode, key_name};
use super::nav::{self, Dir, OverviewItem};
use super::screens::ScreenMsg;
use super::screens::actions::{self, ActionsMsg};
use super::screens::instrument::InstrumentMsg;
use super::{
    Effect, Model, Msg, NewForm, OpenSession, RowAction, RowIdentity, SaveState, Screen, Status,
    StatusKind,
};
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
    // A reading page (help's i, w, r, n) on top takes its own keys.
    if let Some(effects) = super::page::update(model, &msg) {
        return effects;
    }
    // In presentation mode the start screen's list is hidden: nothing acts on it unseen.
    if model.presenting
        && model.screen == Screen::Start
        && model.prompt.is_none()
        && matches!(
            msg,
            Msg::Previous
                | Msg::Next
                | Msg::PreviousPage
                | Msg::NextPage
                | Msg::First
                | Msg::Last
                | Msg::Select
                | Msg::FollowUp
                | Msg::DeleteRow
                | Msg::OpenGroup
                | Msg::StartSearch
        )
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
    if !(matches!(
        msg,
        Msg::DeleteRow | Msg::Saved { .. } | Msg::SavedElsewhere { .. } | Msg::Resize(..)
    ) || delete)
        && let Some(open) = model.open.as_mut()
    {
        open.confirm_delete = None;
    }
    if !matches!(
        msg,
        Msg::DeleteRow | Msg::Saved { .. } | Msg::SavedElsewhere { .. } | Msg::Resize(..)
    ) {
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
        Msg::DeleteRow if model.screen == Screen::Start => start::trash(model),
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
        // Handled by `page::update` above.
        Msg::OpenPage(_) => vec![],
        Msg::TogglePresenting => {
            model.presenting = !model.presenting;
            if model.presenting {
                start::presenting_started(model);
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
        Msg::Previous | Msg::Next | Msg::PreviousPage | Msg::NextPage | Msg::First | Msg::Last => {
            navigate(model, &msg);
            vec![]
        }
        Msg::Select => select(model),
        Msg::Edit if model.screen == Screen::Actions => actions::edit_selected(model),
        Msg::Edit => screens::edit(model),
        Msg::DeleteRow => screens::delete_row(model),
        Msg::AddAction => screens::add_action(model),
        Msg::Open(path) => vec![Effect::Open(path)],
        Msg::StartImport
        | Msg::StartSearch
        | Msg::PromptSubmit
        | Msg::OpenGroup
        | Msg::GroupLoaded(_)
        | Msg::Searched(_)
        | Msg::Imported(_)
        | Msg::Export
        | Msg::Exported(_) => start::handle(model, msg),
        Msg::FollowUp => match model.list.get(model.selected) {
            Some(ListEntry::Session { path, header }) if model.screen == Screen::Start => {
                vec![Effect::OnRow {
                    path: path.clone(),
                    row: RowIdentity::of(header),
                    action: RowAction::FollowUp,
                }]
            }
            _ => vec![],
        },
        Msg::EditCoachNote => {
            let condition = model.open.as_ref().map(|o| model.condition_of(o.focus));
            match nav::coach_key(&model.content, model.screen, condition) {
                Some(key) => edit::open_editor(model, super::TextTarget::CoachNote(key)),
                None => vec![],
            }
        }
        Msg::NewSession => {
            model.form = NewForm::default();
            model.screen = Screen::NewSession;
            vec![]
        }
        Msg::FormNext => {
            model.form.focus = (model.form.focus + 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        Msg::FormPrev => {
            model.form.focus = (model.form.focus + NewForm::FIELD_COUNT - 1) % NewForm::FIELD_COUNT;
            vec![]
        }
        Msg::FormToggleMode => {
            model.form.mode = model.form.mode.toggled();
            vec![]
        }
        Msg::FormSubmit => submit_form(model),
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
        Msg::ScrollUp if model.screen == Screen::Group => {
            model.group_scroll = model.group_scroll.saturating_sub(5);
            vec![]
        }
        Msg::ScrollDown if model.screen == Screen::Group => {
            model.group_scroll = model.group_scroll.saturating_add(5).min(500);
            vec![]
        }
        Msg::ScrollUp => {
            if let Some(open) = model.open.as_mut() {
                open.scroll = open.scroll.saturating_sub(5);
            }
            vec![]
        }
        Msg::ScrollDown => {
            if let Some(open) = model.open.as_mut() {
                open.scroll = open.scroll.saturating_add(5).min(500);
            }
            vec![]
        }
        Msg::Input(input) if model.prompt.is_some() => start::prompt_input(model, input),
        Msg::Input(input) => edit::type_input(model, input),
        Msg::Paste(text) if model.prompt.is_some() => {
            start::prompt_paste(model, &text);
            vec![]
        }
        Msg::Paste(text) => edit::paste(model, &text),
        Msg::ExternalEdit => edit::external(model),
        Msg::ExternalEdited { target, result } => edit::external_done(model, target, result),
        Msg::Listing => {
            model.list_loading = true;
            vec![]
        }
        Msg::Listed(Ok(mut entries)) => {
            model.list_loading = false;
            group_by_bestuurder(&mut entries);
            model.list_trend = trends(&model.content.scan, &entries);
            model.list = entries;
            model.list_error = None;
            model.selected = model.selected.min(model.list.len().saturating_sub(1));
            vec![]
        }
        Msg::Listed(Err(reason)) => {
            model.list_loading = false;
            model.list.clear();
            model.list_trend.clear();
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
            start::jump(model);
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

pub(super) fn set_error(model: &mut Model, text: String) {
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
pub(super) fn goto(model: &mut Model, screen: Screen) {
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
            && let Some(effect) = edit::store_text(open, &editor)
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
    if model.prompt.take().is_some() {
        return vec![];
    }
    if let Some(open) = model.open.as_mut()
        && let Some(editor) = open.editor.take()
    {
        return edit::close_editor(open, editor);
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

fn navigate(model: &mut Model, msg: &Msg) {
    match model.screen {
        Screen::Start => {
            let n = model.list.len();
            if n == 0 {
                return;
            }
            model.selected = step(model.selected, n, msg, 10);
        }
        // Its own intents move in the scan (`screens::scan`).
        Screen::Scan => {}
        Screen::Overview => {
            let Some(open) = model.open.as_mut() else {
                return;
            };
            open.overview_focus = match msg {
                Msg::Previous => nav::overview_move(open.overview_focus, Dir::Up),
                Msg::Next => nav::overview_move(open.overview_focus, Dir::Down),
                Msg::First => 0,
                Msg::Last => nav::OVERVIEW.len() - 1,
                _ => open.overview_focus,
            };
        }
        Screen::NewSession | Screen::Group => {}
        Screen::Search => {
            let n = model.hits.len();
            if n > 0 {
                model.hit_selected = step(model.hit_selected, n, msg, 10);
            }
        }
        screen => {
            let Some(open) = model.open.as_mut() else {
                return;
            };
            let n = nav::rows(&model.content, &open.session, screen).len();
            if n == 0 {
                return;
            }
            open.cursor = step(open.cursor.min(n - 1), n, msg, 5);
        }
    }
}

/// Moves a selection among `n` rows.
fn step(current: usize, n: usize, msg: &Msg, page: usize) -> usize {
    match msg {
        Msg::Previous => current.saturating_sub(1),
        Msg::Next => (current + 1).min(n - 1),
        Msg::PreviousPage => current.saturating_sub(page),
        Msg::NextPage => (current + page).min(n - 1),
        Msg::First => 0,
        Msg::Last => n - 1,
        _ => current,
    }
}

fn select(model: &mut Model) -> Vec<Effect> {
    match model.screen {
        Screen::Start => match model.list.get(model.selected) {
            Some(ListEntry::Session { path, header }) => vec![Effect::OnRow {
                path: path.clone(),
                row: RowIdentity::of(header),
                action: RowAction::Open,
            }],
            Some(ListEntry::Unreadable { path, reason }) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                set_error(
                    model,
                    format!("{} {name}: {reason}", texts::UNREADABLE_CANNOT_OPEN),
                );
                vec![]
            }
            None => vec![],
        },
        Screen::Search => start::open_hit(model),
        Screen::Actions => actions::open_selected(model),
        Screen::Overview => {
            let Some(focus) = model.open.as_ref().map(|o| o.overview_focus) else {
                return vec![];
            };
            let target = match nav::OVERVIEW.get(focus).map(|o| o.0) {
                Some(OverviewItem::Perspective(p)) => Screen::Perspective(p),
                Some(OverviewItem::Tension(t)) => Screen::Tension(t),
                Some(OverviewItem::Scan) => Screen::Scan,
                Some(OverviewItem::Closing) => Screen::Closing,
                Some(OverviewItem::Actions) | None => Screen::Actions,
            };
            goto(model, target);
            vec![]
        }
        _ => screens::select(model),
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

fn submit_form(model: &mut Model) -> Vec<Effect> {
    let bestuurder = model.form.value(0);
    let organisatie = model.form.value(1);
    let samenwerking = model.form.value(2);
    if bestuurder.is_empty() {
        model.form.error = Some(texts::FORM_NEED_BESTUURDER.to_string());
        model.form.focus = 0;
        return vec![];
    }
    if samenwerking.is_empty() {
        model.form.error = Some(texts::FORM_NEED_SAMENWERKING.to_string());
        model.form.focus = 2;
        return vec![];
    }
    model.form.error = None;
    vec![Effect::Create {
        bestuurder,
        organisatie,
        samenwerking,
        mode: model.form.mode,
    }]
}
