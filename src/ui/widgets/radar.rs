//! A radar (spider) chart on a Braille canvas: labelled axes, rings for 1–5, one polygon
//! per series with a marker at each scored vertex. Knows nothing about sessions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line};

/// The geometry lives in `present::radar`, shared with the SVG report.
pub use crate::present::radar::{MAX, vertex};

/// One polygon on the radar.
#[derive(Debug, Clone)]
pub struct Series {
    pub scores: Vec<Option<f64>>,
    pub color: Color,
    /// Drawn at each scored vertex, so the series reads without colour too.
    pub marker: &'static str,
}

/// The radar widget.
#[derive(Debug, Clone)]
pub struct Radar<'a> {
    pub labels: &'a [String],
    pub series: &'a [Series],
    pub ring_color: Color,
    pub label_style: Style,
}

/// Canvas bounds that keep the radar round (a cell is about twice as high as wide) and
/// as large as the labels allow: each side label must fit between its vertex and the
/// edge, the top label in the row above the top vertex.
/// Returns (x_half_range, y_half_range) in units where the outer ring has radius 1.
fn bounds(area: Rect, label_lens: &[usize]) -> (f64, f64) {
    let half_w = f64::from(area.width.max(1)) / 2.0;
    // Half the height in cell widths: a row is about two cell widths high.
    let half_h = f64::from(area.height.max(1));
    let n = label_lens.len();
    let mut r = (half_w - 1.0).min(half_h - 2.5);
    for (i, len) in label_lens.iter().enumerate() {
        let (x, y) = vertex(i, n, MAX);
        if x.abs() > 0.2 {
            r = r.min((half_w - 1.0 - *len as f64) / x.abs());
        }
        if y < 0.0 {
            r = r.min((half_h - 1.0) / y.abs());
        }
    }
    let r = r.max(1.0);
    (half_w / r, half_h / r)
}

impl Widget for Radar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = self.labels.len();
        if n < 3 || area.width < 10 || area.height < 5 {
            return;
        }
        let label_lens: Vec<usize> = self.labels.iter().map(|l| l.chars().count()).collect();
        let (xr, yr) = bounds(area, &label_lens);
        // Centre the figure vertically: it reaches 1 up but less far down (0,81 for five
        // axes), so move the middle of the canvas up by half the difference.
        let lowest = (0..n).map(|i| vertex(i, n, MAX).1).fold(0.0_f64, f64::min);
        let shift = (1.0 + lowest) / 2.0;
        let unit_per_cell_x = 2.0 * xr / f64::from(area.width);
        let unit_per_cell_y = 2.0 * yr / f64::from(area.height);
        let ring_color = self.ring_color;
        let label_style = self.label_style;
        let labels = self.labels;
        let series = self.series;
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([-xr, xr])
            .y_bounds([-yr + shift, yr + shift])
            .paint(move |ctx| {
                for ring in 1..=(MAX as usize) {
                    let v = ring as f64;
                    for i in 0..n {
                        let (x1, y1) = vertex(i, n, v);
                        let (x2, y2) = vertex((i + 1) % n, n, v);
                        ctx.draw(&Line {
                            x1,
                            y1,
                            x2,
                            y2,
                            color: ring_color,
                        });
                    }
                }
                for i in 0..n {
                    let (x2, y2) = vertex(i, n, MAX);
                    ctx.draw(&Line {
                        x1: 0.0,
                        y1: 0.0,
                        x2,
                        y2,
                        color: ring_color,
                    });
                }
                for s in series {
                    ctx.layer();
                    for i in 0..n {
                        let j = (i + 1) % n;
                        if let (Some(Some(a)), Some(Some(b))) = (s.scores.get(i), s.scores.get(j)) {
                            let (x1, y1) = vertex(i, n, *a);
                            let (x2, y2) = vertex(j, n, *b);
                            ctx.draw(&Line {
                                x1,
                                y1,
                                x2,
                                y2,
                                color: s.color,
                            });
                        }
                    }
                }
                for (i, label) in labels.iter().enumerate() {
                    let (x, y) = vertex(i, n, MAX);
                    let len = label.chars().count() as f64 * unit_per_cell_x;
                    let (lx, ly) = if x.abs() < 0.2 {
                        (
                            x - len / 2.0,
                            if y > 0.0 {
                                y + unit_per_cell_y
                            } else {
                                y - unit_per_cell_y
                            },
                        )
                    } else if x > 0.0 {
                        (x + unit_per_cell_x, y)
                    } else {
                        (x - len - unit_per_cell_x, y)
                    };
                    ctx.print(lx, ly, Span::styled(label.clone(), label_style));
                }
                ctx.layer();
                for s in series {
                    for (i, score) in s.scores.iter().enumerate().take(n) {
                        if let Some(v) = score {
                            let (x, y) = vertex(i, n, *v);
                            // print() puts the text's first cell at (x, y): centre it.
                            ctx.print(
                                x - unit_per_cell_x * 0.5,
                                y,
                                Span::styled(s.marker, Style::default().fg(s.color)),
                            );
                        }
                    }
                }
            })
            .render(area, buf);
    }
}
