//! "Wat neem ik mee?": the weakest conditions with what the handreiking offers, the
//! "weet ik niet" answers and the next steps on dilemmas, each to go to or to make an
//! afspraak of (`app::screens::closing`).

use super::takeaways;
use super::theme::Theme;
use crate::app::Model;
use crate::app::keymap::{KeyMode, key_name};
use crate::app::screens::closing::{self, ClosingMsg, Scope};
use crate::text as texts;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: Theme) {
    let Some(open) = &model.open else {
        return;
    };
    let entries = closing::lines(&model.content, &open.session, Scope::All);
    let intro = texts::takeaway_intro(
        &key_name(KeyMode::Closing, &closing::msg(ClosingMsg::GoThere)),
        &key_name(KeyMode::Closing, &closing::msg(ClosingMsg::MakeAction)),
    );
    let count = closing::takeaways(&entries).len();
    takeaways::draw(
        frame,
        area,
        &takeaways::List {
            title: texts::TAKEAWAY_TITLE,
            intro: Some(intro),
            entries: &entries,
            selected: (count > 0).then(|| open.cursor.min(count - 1)),
            session: &open.session,
        },
        theme,
    );
}
