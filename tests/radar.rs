//! The radar widget: a score of 5 reaches the outer ring, 1 the inner ring; labels show.

use kansrijk::ui::widgets::radar::{Radar, Series, vertex};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

fn labels() -> Vec<String> {
    ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Renders a radar with one series and returns the buffer.
fn render(scores: Vec<Option<f64>>, w: u16, h: u16) -> Buffer {
    let labels = labels();
    let series = [Series {
        scores,
        color: Color::Magenta,
        marker: "●",
    }];
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    Radar {
        labels: &labels,
        series: &series,
        ring_color: Color::DarkGray,
        label_style: Style::default(),
    }
    .render(area, &mut buf);
    buf
}

fn find(buf: &Buffer, symbol: &str) -> Vec<(u16, u16)> {
    let mut hits = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol() == symbol {
                hits.push((x, y));
            }
        }
    }
    hits
}

/// Rows that contain any Braille dot (the rings and lines).
fn braille_rows(buf: &Buffer) -> Vec<u16> {
    (0..buf.area.height)
        .filter(|&y| {
            (0..buf.area.width).any(|x| {
                buf[(x, y)]
                    .symbol()
                    .chars()
                    .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
            })
        })
        .collect()
}

#[test]
fn vertices_follow_the_scale() {
    let (x, y) = vertex(0, 5, 5.0);
    assert!(
        x.abs() < 1e-9 && (y - 1.0).abs() < 1e-9,
        "5 on the first axis is the top"
    );
    let (x, y) = vertex(0, 5, 1.0);
    assert!(
        x.abs() < 1e-9 && (y - 0.2).abs() < 1e-9,
        "1 is the inner ring"
    );
    let (x, _) = vertex(1, 5, 5.0);
    assert!(x > 0.9, "the second axis points right (clockwise)");
}

#[test]
fn five_reaches_the_outer_ring_and_one_the_inner() {
    let (w, h) = (60, 24);
    let outer = render(vec![Some(5.0), None, None, None, None], w, h);
    let inner = render(vec![Some(1.0), None, None, None, None], w, h);
    let top_ring_row = *braille_rows(&outer).first().expect("rings drawn");
    let hits5 = find(&outer, "●");
    assert!(!hits5.is_empty(), "{}", dump(&outer));
    let (_, y5) = hits5[0];
    let hits = find(&inner, "●");
    assert!(!hits.is_empty(), "{}", dump(&inner));
    let (_, y1) = hits[0];
    // The centre of the radar is where the five axes meet.
    let centre_row = {
        let (_, y) = vertex(0, 5, 0.0);
        assert_eq!(y, 0.0);
        // The top vertex at 5 and the centre are radius apart; 1 is a fifth of that.
        y5 + ((y1 - y5) as f64 * 5.0 / 4.0).round() as u16
    };
    assert!(
        y5 <= top_ring_row + 1,
        "5 sits on the outer ring: {y5} vs ring {top_ring_row}"
    );
    assert!(y1 > y5 + 3, "1 is much closer to the centre: {y1} vs {y5}");
    assert!(centre_row.abs_diff(h / 2) <= 3, "centre row {centre_row}");
}

#[test]
fn labels_are_drawn_and_nothing_is_drawn_without_scores() {
    let buf = render(vec![None; 5], 60, 24);
    let text: String = (0..24)
        .map(|y| {
            (0..60)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    for l in labels() {
        assert!(text.contains(&l), "{l} missing:\n{text}");
    }
    assert!(find(&buf, "●").is_empty());
}

#[test]
fn a_too_small_area_draws_nothing_and_does_not_panic() {
    let buf = render(vec![Some(3.0); 5], 6, 3);
    assert!(find(&buf, "●").is_empty());
    for (w, h) in [(10, 5), (11, 6), (200, 70), (300, 5)] {
        let _ = render(vec![Some(5.0); 5], w, h);
    }
}

fn dump(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect()
}
