//! A seven-point slider between two poles, drawn as a bar: `links ─────●───── rechts`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The width the bar really takes for a given width: a whole number of slots.
pub fn used_width(width: usize) -> usize {
    (width / 7).max(1) * 7
}

/// The two poles spread over the bar's width: left pole left, right pole right.
pub fn poles(left: &str, right: &str, width: usize) -> String {
    let w = used_width(width);
    let gap = w
        .saturating_sub(left.chars().count() + right.chars().count())
        .max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// The bar for a position -3..=3 (None: not placed yet), `width` cells wide in total.
pub fn bar(position: Option<i8>, width: usize, marker: Style, track: Style) -> Line<'static> {
    let slots = 7usize;
    let cell = (width / slots).max(1);
    let mut spans = Vec::new();
    for i in 0..slots {
        let here = position.map(|p| (p + 3) as usize) == Some(i);
        let left = cell / 2;
        let right = cell - left - 1;
        spans.push(Span::styled("─".repeat(left), track));
        if here {
            spans.push(Span::styled("●", marker));
        } else if i == 3 {
            spans.push(Span::styled("┼", track));
        } else {
            spans.push(Span::styled("·", track));
        }
        spans.push(Span::styled("─".repeat(right), track));
    }
    Line::from(spans)
}
