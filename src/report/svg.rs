//! The radar as SVG: five axes with the same geometry as the terminal radar
//! ([`crate::present::radar::vertex`]: axis 0 up, the others clockwise), rings for
//! 1–5, a label with the numbers at each axis, one polygon per series, and a legend when
//! there is more than one series.

use super::{RadarSeries, RadarSpec, SeriesKind, escape};
use crate::present::radar::{MAX, vertex};
use std::fmt::Write;

/// Width of the picture (user units; it scales to its box).
pub const WIDTH: f64 = 600.0;
/// The centre of the radar.
pub const CX: f64 = 300.0;
pub const CY: f64 = 250.0;
/// Radius of the outer ring (a score of 5).
pub const RADIUS: f64 = 180.0;
/// Height without the legend.
const BASE_HEIGHT: f64 = 470.0;
/// Line height of the numbers under a label.
const VALUE_LINE: f64 = 17.0;
const LEGEND_ROW: f64 = 24.0;

/// Colours of a group's respondents, in order (repeating after twelve).
pub const PALETTE: [&str; 12] = [
    "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#9c755f", "#76b7b2", "#d4a017",
    "#ff9da7", "#7570b3", "#1b9e77", "#8c8c8c",
];
const CURRENT: &str = "#1f4e79";
const PREVIOUS: &str = "#c0712a";
const MEAN: &str = "#111827";
const RING: &str = "#d1d5db";
const AXIS: &str = "#9ca3af";
const TEXT: &str = "#1f2937";
const MUTED: &str = "#6b7280";

/// The point for `score` on axis `i` of `n`, in the picture's coordinates (y down).
pub fn point(i: usize, n: usize, score: f64) -> (f64, f64) {
    let (x, y) = vertex(i, n, score);
    (CX + RADIUS * x, CY - RADIUS * y)
}

fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn xy(p: (f64, f64)) -> String {
    format!("{},{}", num(p.0), num(p.1))
}

/// The `points` of a closed polygon through `scores` (all present), as written in the SVG.
pub fn polygon_points(scores: &[f64]) -> String {
    let n = scores.len();
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| xy(point(i, n, *s)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name a series kind has in the SVG (`class` and `data-reeks`).
pub fn kind_name(kind: SeriesKind) -> String {
    match kind {
        SeriesKind::Current => "huidig".to_string(),
        SeriesKind::Previous => "vorig".to_string(),
        SeriesKind::Mean => "gemiddelde".to_string(),
        SeriesKind::Member(i) => format!("respondent-{}", i + 1),
    }
}

struct Style {
    stroke: &'static str,
    width: f64,
    dash: Option<&'static str>,
    fill_opacity: f64,
    dot: f64,
}

fn style(kind: SeriesKind) -> Style {
    match kind {
        SeriesKind::Current => Style {
            stroke: CURRENT,
            width: 3.0,
            dash: None,
            fill_opacity: 0.13,
            dot: 4.5,
        },
        SeriesKind::Previous => Style {
            stroke: PREVIOUS,
            width: 2.5,
            dash: Some("8 5"),
            fill_opacity: 0.0,
            dot: 3.5,
        },
        SeriesKind::Mean => Style {
            stroke: MEAN,
            width: 3.5,
            dash: Some("10 5"),
            fill_opacity: 0.05,
            dot: 4.0,
        },
        SeriesKind::Member(i) => Style {
            stroke: PALETTE[i % PALETTE.len()],
            width: 1.75,
            dash: None,
            fill_opacity: 0.0,
            dot: 2.75,
        },
    }
}

fn stroke_attrs(st: &Style) -> String {
    let mut a = format!(
        r#"stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
        st.stroke, st.width
    );
    if let Some(d) = st.dash {
        let _ = write!(a, r#" stroke-dasharray="{d}""#);
    }
    a
}

fn series_svg(out: &mut String, s: &RadarSeries, n: usize) {
    let st = style(s.kind);
    let name = kind_name(s.kind);
    let _ = writeln!(
        out,
        r#"<g class="reeks reeks-{name}" data-reeks="{name}"><title>{}</title>"#,
        escape(&s.name)
    );
    let scores: Vec<Option<f64>> = (0..n).map(|i| s.scores.get(i).copied().flatten()).collect();
    let fill = if st.fill_opacity > 0.0 {
        format!(r#"fill="{}" fill-opacity="{}""#, st.stroke, st.fill_opacity)
    } else {
        r#"fill="none""#.to_string()
    };
    if scores.iter().all(Option::is_some) {
        let all: Vec<f64> = scores.iter().flatten().copied().collect();
        let _ = writeln!(
            out,
            r#"<polygon points="{}" {fill} {}/>"#,
            polygon_points(&all),
            stroke_attrs(&st)
        );
    } else {
        // Only the sides between two scored axes, as the terminal radar does.
        let mut d = String::new();
        for i in 0..n {
            let j = (i + 1) % n;
            if let (Some(a), Some(b)) = (scores[i], scores[j]) {
                let _ = write!(
                    d,
                    "M{} L{} ",
                    xy(point(i, n, a)).replace(',', " "),
                    xy(point(j, n, b)).replace(',', " ")
                );
            }
        }
        if !d.is_empty() {
            let _ = writeln!(
                out,
                r#"<path d="{}" fill="none" {}/>"#,
                d.trim_end(),
                stroke_attrs(&st)
            );
        }
    }
    for (i, score) in scores.iter().enumerate() {
        if let Some(v) = score {
            let (x, y) = point(i, n, *v);
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{}"/>"#,
                num(x),
                num(y),
                st.dot,
                st.stroke
            );
        }
    }
    out.push_str("</g>\n");
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// The radar as one `<svg>` element. `standalone` adds the XML namespace (needed in an
/// `.svg` file; left out inline in HTML, where it is implied).
pub fn radar(spec: &RadarSpec, standalone: bool) -> String {
    let n = spec.labels.len().max(3);
    let legend_rows = if spec.series.len() > 1 {
        spec.series.len().div_ceil(2)
    } else {
        0
    };
    let height = BASE_HEIGHT
        + if legend_rows > 0 {
            legend_rows as f64 * LEGEND_ROW + 16.0
        } else {
            0.0
        };
    let mut out = String::new();
    let ns = if standalone {
        r#" xmlns="http://www.w3.org/2000/svg""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<svg{ns} class="radar" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="radar-titel" font-family="Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif">"#,
        w = num(WIDTH),
        h = num(height)
    );
    let _ = writeln!(
        out,
        r#"<title id="radar-titel">{}</title>"#,
        escape(&spec.title)
    );
    if standalone {
        let _ = writeln!(
            out,
            r##"<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>"##,
            num(WIDTH),
            num(height)
        );
    }
    // Rings 1..=5 and the axes.
    out.push_str("<g class=\"raster\">\n");
    for ring in 1..=(MAX as usize) {
        let pts: Vec<String> = (0..n).map(|i| xy(point(i, n, ring as f64))).collect();
        let _ = writeln!(
            out,
            r#"<polygon points="{}" fill="none" stroke="{RING}" stroke-width="{}"/>"#,
            pts.join(" "),
            if ring == MAX as usize { 1.5 } else { 1.0 }
        );
    }
    for i in 0..n {
        let (x, y) = point(i, n, MAX);
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{AXIS}" stroke-width="1"/>"#,
            num(CX),
            num(CY),
            num(x),
            num(y)
        );
    }
    for ring in 1..=(MAX as usize) {
        let (_, y) = point(0, n, ring as f64);
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="11" fill="{MUTED}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{ring}</text>"##,
            num(CX - 5.0),
            num(y + 4.0)
        );
    }
    out.push_str("</g>\n");

    for s in &spec.series {
        series_svg(&mut out, s, n);
    }

    // Labels with the numbers.
    out.push_str("<g class=\"labels\">\n");
    for i in 0..n {
        let label = spec.labels.get(i).map(String::as_str).unwrap_or("");
        let value = spec.values.get(i).map(String::as_str).unwrap_or("");
        let lines: Vec<&str> = value.split('\n').filter(|l| !l.is_empty()).collect();
        let (ux, uy) = vertex(i, n, MAX);
        let (px, py) = point(i, n, MAX);
        let block = lines.len() as f64 * VALUE_LINE;
        let (anchor, x, y_name) = if uy < -0.5 {
            ("middle", px, py + 24.0)
        } else if ux.abs() < 0.2 {
            ("middle", px, py - 14.0 - block)
        } else if ux > 0.0 {
            ("start", px + 12.0, py - 2.0)
        } else {
            ("end", px - 12.0, py - 2.0)
        };
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" font-size="16" font-weight="700" fill="{TEXT}">{}</text>"#,
            num(x),
            num(y_name),
            escape(label)
        );
        for (k, l) in lines.iter().enumerate() {
            let (size, weight, fill) = if k == 0 {
                (15, 700, CURRENT)
            } else {
                (12, 400, MUTED)
            };
            let _ = writeln!(
                out,
                r#"<text class="waarde" x="{}" y="{}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
                num(x),
                num(y_name + VALUE_LINE * (k as f64 + 1.0)),
                escape(l)
            );
        }
    }
    out.push_str("</g>\n");

    if legend_rows > 0 {
        out.push_str("<g class=\"legenda\">\n");
        let top = BASE_HEIGHT + 8.0;
        // Current first in the legend: it is what the reader looks for.
        let mut order: Vec<&RadarSeries> = spec.series.iter().collect();
        order.sort_by_key(|s| match s.kind {
            SeriesKind::Current => 0,
            SeriesKind::Previous => 1,
            SeriesKind::Mean => 2,
            SeriesKind::Member(i) => 3 + i,
        });
        for (k, s) in order.iter().enumerate() {
            let col = (k % 2) as f64;
            let row = (k / 2) as f64;
            let x = 40.0 + col * 300.0;
            let y = top + row * LEGEND_ROW;
            let st = style(s.kind);
            let _ = writeln!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {}/>"#,
                num(x),
                num(y + 8.0),
                num(x + 34.0),
                num(y + 8.0),
                stroke_attrs(&st)
            );
            let _ = writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="14" fill="{TEXT}">{}</text>"#,
                num(x + 44.0),
                num(y + 13.0),
                escape(&truncate(&s.name, 34))
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_follow_the_terminal_geometry() {
        // Axis 0 straight up, full score on the outer ring.
        assert_eq!(point(0, 5, 5.0), (CX, CY - RADIUS));
        // A score of 0 is the centre.
        let (x, y) = point(3, 5, 0.0);
        assert!((x - CX).abs() < 1e-9 && (y - CY).abs() < 1e-9);
        // Axis 1 lies to the right and a bit up (clockwise from the top).
        let (x, y) = point(1, 5, 5.0);
        assert!(x > CX && y < CY);
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(320.0), "320");
        assert_eq!(num(67.5), "67.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
    }
}
