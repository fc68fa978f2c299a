//! Reading pages opened from the help overlay ("Over deze handreiking", the wegwijzer of
//! practice examples): which page is open and its text as wrapped lines. The text comes
//! from the content; `ui::page` only draws these lines; `app::screens::page` scrolls.

use super::Model;
use crate::content::Content;
use crate::text as texts;

/// A page of text over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// How the handreiking came about, and the invitation to contribute.
    About,
    /// The wegwijzer of practice examples, by kind.
    Wegwijzer,
    /// Leiderschapsrollen in een netwerk, each role in full.
    Roles,
    /// After the scan: how to follow it up together, and the five characteristics of a
    /// collaboration question (Kaats & Opheij).
    FollowUp,
}

/// How a line of a page is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Heading,
    Text,
    /// Secondary text: sources, addresses, notes.
    Quiet,
}

/// One line of a page, already wrapped to the page's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    pub kind: LineKind,
    pub text: String,
}

/// The title of a page, from the content.
pub fn title(content: &Content, page: Page) -> &str {
    match page {
        Page::About => &content.handreiking.about.title,
        Page::Wegwijzer => &content.handreiking.wegwijzer.title,
        Page::Roles => &content.handreiking.leadership.title,
        Page::FollowUp => &content.scan.follow_up.title,
    }
}

/// The lines of `page`, wrapped to `width` columns.
pub fn lines(content: &Content, page: Page, width: usize) -> Vec<PageLine> {
    let mut out = Vec::new();
    match page {
        Page::About => {
            let about = &content.handreiking.about;
            for p in &about.paragraphs {
                push(&mut out, LineKind::Text, p, width);
                blank(&mut out);
            }
            push(&mut out, LineKind::Heading, &about.invitation, width);
            if !about.links.is_empty() {
                blank(&mut out);
                for l in &about.links {
                    push(&mut out, LineKind::Quiet, l, width);
                }
            }
        }
        Page::Wegwijzer => {
            let w = &content.handreiking.wegwijzer;
            push(&mut out, LineKind::Text, &w.intro, width);
            push(&mut out, LineKind::Quiet, &w.note, width);
            for g in &w.groups {
                blank(&mut out);
                push(&mut out, LineKind::Heading, &g.kind, width);
                for e in &g.examples {
                    let text = if e.site.is_empty() {
                        format!("• {}: {}", e.name, e.line)
                    } else {
                        format!("• {} ({}): {}", e.name, e.site, e.line)
                    };
                    push(&mut out, LineKind::Text, &text, width);
                }
            }
        }
        Page::Roles => {
            let l = &content.handreiking.leadership;
            push(&mut out, LineKind::Text, &l.intro, width);
            let source = format!("{} {}", texts::PAGE_SOURCE, l.source);
            push(&mut out, LineKind::Quiet, &source, width);
            for r in &l.roles {
                blank(&mut out);
                let heading = format!("{} ({})", r.name, r.focus);
                push(&mut out, LineKind::Heading, &heading, width);
                let question = format!("{} {}", texts::ROLE_QUESTION, r.question);
                push(&mut out, LineKind::Text, &question, width);
                for (label, list) in [
                    (texts::ROLE_THEMES, &r.themes),
                    (texts::ROLE_DILEMMAS, &r.dilemmas),
                    (texts::ROLE_CONDITIONS, &r.conditions),
                    (texts::ROLE_COMPETENCIES, &r.competencies),
                ] {
                    let text = format!("{label} {}", list.join("; "));
                    push(&mut out, LineKind::Text, &text, width);
                }
            }
        }
        Page::FollowUp => {
            let f = &content.scan.follow_up;
            push(&mut out, LineKind::Text, &f.intro, width);
            for (i, step) in f.steps.iter().enumerate() {
                push(
                    &mut out,
                    LineKind::Text,
                    &format!("{}. {step}", i + 1),
                    width,
                );
            }
            let source = format!("{} {}", texts::PAGE_SOURCE, f.source);
            push(&mut out, LineKind::Quiet, &source, width);
            let t = &content.scan.traits;
            if !t.items.is_empty() {
                blank(&mut out);
                push(&mut out, LineKind::Heading, &t.title, width);
                push(&mut out, LineKind::Text, &t.intro, width);
                for item in &t.items {
                    blank(&mut out);
                    push(&mut out, LineKind::Heading, &item.label, width);
                    push(&mut out, LineKind::Text, &item.text, width);
                }
                let source = format!("{} {}", texts::PAGE_SOURCE, t.source);
                push(&mut out, LineKind::Quiet, &source, width);
            }
        }
    }
    out
}

/// The page's text area: the body without the page's border and margins.
pub fn text_size(model: &Model) -> (usize, usize) {
    // Title, status and footer rows; the page's border; one column of margin each side.
    let width = usize::from(model.width).saturating_sub(4);
    let height = usize::from(model.height).saturating_sub(3 + 2);
    (width, height)
}

/// How far the open page can scroll at the model's size.
pub fn max_scroll(model: &Model) -> u16 {
    let Some(page) = model.page else {
        return 0;
    };
    let (width, height) = text_size(model);
    let n = lines(&model.content, page, width).len();
    u16::try_from(n.saturating_sub(height)).unwrap_or(u16::MAX)
}

fn blank(out: &mut Vec<PageLine>) {
    out.push(PageLine {
        kind: LineKind::Text,
        text: String::new(),
    });
}

fn push(out: &mut Vec<PageLine>, kind: LineKind, text: &str, width: usize) {
    for line in wrap(text, width) {
        out.push(PageLine { kind, text: line });
    }
}

/// Word-wraps `text` to lines of at most `width` characters; longer words are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_words_whole_and_lines_within_width() {
        let lines = wrap("een twee drie vier vijf zes", 10);
        assert_eq!(lines, ["een twee", "drie vier", "vijf zes"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 10));
        assert_eq!(wrap("", 10), [""]);
    }
}
