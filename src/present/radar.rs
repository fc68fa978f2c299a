//! The geometry of a radar (spider) chart, shared by the TUI widget
//! (`ui::widgets::radar`) and the SVG report (`report::svg`): the scale and where a score
//! lands on an axis. Pure arithmetic, no drawing.

use std::f64::consts::PI;

/// The scale: rings at 1..=MAX, a score of MAX reaches the outer ring.
pub const MAX: f64 = 5.0;

/// The point for `score` on axis `i` of `n`, in unit coordinates (outer ring at radius 1).
/// Axis 0 points up; the others follow clockwise.
pub fn vertex(i: usize, n: usize, score: f64) -> (f64, f64) {
    let angle = PI / 2.0 - 2.0 * PI * i as f64 / n.max(1) as f64;
    let r = (score / MAX).clamp(0.0, 1.0);
    (r * angle.cos(), r * angle.sin())
}
