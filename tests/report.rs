//! Reports: the SVG radar's geometry, a well-formed and self-contained HTML file, the
//! coach's notes only on request, escaping of anything a session may hold, the
//! `kansrijk export` command, and the HTML rendered in headless Chromium.

mod support;
use support::kansrijk;

use kansrijk::content::{Content, InstrumentKind};
use kansrijk::report::{self, Format, Options, svg};
use kansrijk::session::{
    Action, Answer, CellValue, DilemmaReflection, InstrumentAnswer, Mode, RowAnswer, Session,
};
use quick_xml::events::Event;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const COACH_SECRET: &str = "GEHEIM-COACH-7f3a: twijfel aan commitment van de RvT";

fn content() -> Content {
    Content::embedded().expect("embedded content")
}

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().expect("timestamp")
}

/// A session with something in every part, including hostile text.
fn full_session(content: &Content) -> Session {
    let mut s = Session::new(
        "Anne <Jansen> & \"Co\" 'x'",
        "Zorggroep Noord\u{1b}[31m",
        "Wijkzorg Noord",
        Mode::Coachgesprek,
        ts("2026-10-02T10:00:00Z"),
    );
    s.updated = ts("2026-10-02T11:30:00Z");
    let values = [4, 5, 3, 4, 2, 2, 1, 3, 4, 3, 2, 4, 2, 3, 3, 2, 4, 4, 3, 5];
    for ((_, item), v) in content.scan.items().zip(values) {
        s.answers.insert(item.id.clone(), Answer::Score(v));
    }
    s.answers
        .insert("relatie.groep".to_string(), Answer::DontKnow);
    s.notes.insert(
        "ambitie".to_string(),
        "Eerste regel\nTweede regel <script>alert('x')</script>\u{7}\u{0}".to_string(),
    );
    s.notes.insert(
        "belangen".to_string(),
        "# geen kop\n- punt één\n- punt twee".to_string(),
    );
    let theme = &content.handreiking.perspectives[1].themes[0];
    s.reflections.insert(
        theme.prompts[0].id.clone(),
        "Veel energie in de jeugdalliantie; weinig in het ouderennetwerk.".to_string(),
    );
    s.reflections
        .insert("onbekend.prompt".to_string(), "Blijft bewaard.".to_string());
    let dilemma = &content.handreiking.tensions[0].dilemmas[0];
    s.dilemmas.insert(
        dilemma.id.clone(),
        DilemmaReflection {
            position: Some(1),
            pull_left: "Eigen kwaliteit".to_string(),
            pull_right: "Minder dubbel werk".to_string(),
            strategies: vec![content.handreiking.paradox_strategies[0].id.clone()],
            next_step: "Met de partners de taken in kaart brengen.".to_string(),
            note: String::new(),
        },
    );
    for inst in &content.instruments {
        let mut a = InstrumentAnswer::default();
        match &inst.kind {
            InstrumentKind::Choice { options, .. } => a.choices.push(options[0].id.clone()),
            InstrumentKind::Table { rows, columns, .. } => {
                let mut row = match rows.first() {
                    Some(r) => RowAnswer {
                        id: r.id.clone(),
                        ..RowAnswer::default()
                    },
                    None => RowAnswer {
                        id: "eigen-1".to_string(),
                        label: "Wijkteam <Zuid>".to_string(),
                        ..RowAnswer::default()
                    },
                };
                for col in columns {
                    let v = match &col.kind {
                        kansrijk::content::ColumnKind::Scale { .. } => CellValue::Score(4),
                        kansrijk::content::ColumnKind::Choice { options } => {
                            CellValue::Choice(options[0].id.clone())
                        }
                    };
                    row.values.insert(col.id.clone(), v);
                }
                a.rows.push(row);
            }
            InstrumentKind::Sliders { pairs } => {
                a.sliders.insert(pairs[0].id.clone(), -2);
            }
        }
        a.note = format!("Toelichting bij {}", inst.id);
        s.instruments.insert(inst.id.clone(), a);
    }
    s.actions.push(Action {
        what: "Gesprek | over belangen".to_string(),
        who: "Anne".to_string(),
        when: "november".to_string(),
        link: "conditie:belangen".to_string(),
        done: false,
        carried: None,
    });
    s.actions.push(Action {
        what: "Kerngroep voorstellen".to_string(),
        who: "Bert".to_string(),
        when: "december".to_string(),
        link: String::new(),
        done: true,
        carried: None,
    });
    s.coach_notes
        .insert("scan".to_string(), COACH_SECRET.to_string());
    s
}

/// A session with only scan answers: `scores` per condition, every item the same value.
fn scan_session(content: &Content, name: &str, scores: [u8; 5]) -> Session {
    let mut s = Session::new(
        name,
        "",
        "Wijkzorg Noord",
        Mode::Zelfreflectie,
        ts("2026-07-01T09:00:00Z"),
    );
    for (ci, c) in content.scan.conditions.iter().enumerate() {
        for it in &c.items {
            s.answers.insert(it.id.clone(), Answer::Score(scores[ci]));
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// SVG

/// The `points` of the polygon of series `name` in an SVG text, as numbers.
fn polygon_points(svg_text: &str, series: &str) -> Vec<(f64, f64)> {
    let marker = format!("data-reeks=\"{series}\"");
    let start = svg_text
        .find(&marker)
        .unwrap_or_else(|| panic!("no series {series} in\n{svg_text}"));
    let rest = &svg_text[start..];
    let poly = rest.find("<polygon points=\"").expect("polygon") + "<polygon points=\"".len();
    let end = rest[poly..].find('"').expect("end of points");
    rest[poly..poly + end]
        .split(' ')
        .map(|pair| {
            let (x, y) = pair.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

#[test]
fn svg_polygon_points_follow_the_scores() {
    let c = content();
    let s = scan_session(&c, "A", [5, 4, 3, 2, 1]);
    let text = report::render(Format::Svg, &c, &s, &Options::default());
    let points = polygon_points(&text, "huidig");
    assert_eq!(points.len(), 5);
    for (i, (score, (x, y))) in [5.0, 4.0, 3.0, 2.0, 1.0].iter().zip(&points).enumerate() {
        // Axis 0 up, clockwise: angle 90° − i·72°; y grows downwards in SVG.
        let angle = std::f64::consts::FRAC_PI_2 - 2.0 * std::f64::consts::PI * i as f64 / 5.0;
        let r = svg::RADIUS * score / 5.0;
        let (ex, ey) = (svg::CX + r * angle.cos(), svg::CY - r * angle.sin());
        assert!(
            (x - ex).abs() < 0.01 && (y - ey).abs() < 0.01,
            "axis {i}: ({x}, {y}) expected ({ex:.2}, {ey:.2})"
        );
        // The same geometry as the terminal radar.
        let (ux, uy) = kansrijk::present::radar::vertex(i, 5, *score);
        assert!((svg::CX + svg::RADIUS * ux - x).abs() < 0.01);
        assert!((svg::CY - svg::RADIUS * uy - y).abs() < 0.01);
    }
    // Axis 0 at 5 is the top of the outer ring.
    assert_eq!(points[0], (svg::CX, svg::CY - svg::RADIUS));
    // Standalone: with the namespace, the numbers as text with a decimal comma.
    assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(text.contains(">5,0</text>") && text.contains(">1,0</text>"));
    assert!(text.contains(">Ambitie</text>"));
    assert_well_formed(&text);
}

#[test]
fn svg_previous_session_is_a_dashed_second_polygon_with_deltas() {
    let c = content();
    let now = scan_session(&c, "A", [4, 3, 3, 2, 5]);
    let before = scan_session(&c, "A", [3, 3, 4, 2, 5]);
    let text = report::render(
        Format::Svg,
        &c,
        &now,
        &Options {
            previous: Some(&before),
            ..Default::default()
        },
    );
    let prev = polygon_points(&text, "vorig");
    let expected: Vec<(f64, f64)> = [3.0, 3.0, 4.0, 2.0, 5.0]
        .iter()
        .enumerate()
        .map(|(i, s)| svg::point(i, 5, *s))
        .collect();
    for (p, e) in prev.iter().zip(&expected) {
        assert!((p.0 - e.0).abs() < 0.01 && (p.1 - e.1).abs() < 0.01);
    }
    let prev_group = &text[text.find("data-reeks=\"vorig\"").expect("vorig")..];
    assert!(prev_group[..prev_group.find("</g>").expect("end")].contains("stroke-dasharray"));
    assert!(text.contains("was 3,0 (+1,0)"), "{text}");
    assert!(text.contains("was 4,0 (-1,0)"));
    assert!(text.contains("was 2,0 (±0,0)"));
    assert!(text.contains("class=\"legenda\""));
    assert_well_formed(&text);
}

#[test]
fn svg_group_has_every_respondent_and_the_mean() {
    let c = content();
    let group = vec![
        scan_session(&c, "A", [4, 2, 3, 3, 3]),
        scan_session(&c, "B", [2, 2, 3, 5, 3]),
        scan_session(&c, "C", [3, 2, 3, 4, 3]),
    ];
    let text = report::render_group(
        Format::Svg,
        &c,
        &group,
        &Options {
            anonymous: true,
            ..Default::default()
        },
    );
    for i in 1..=3 {
        assert!(text.contains(&format!("data-reeks=\"respondent-{i}\"")));
    }
    let mean = polygon_points(&text, "gemiddelde");
    let expected = svg::point(3, 5, 4.0); // organisatie: (3 + 5 + 4) / 3
    assert!((mean[3].0 - expected.0).abs() < 0.01 && (mean[3].1 - expected.1).abs() < 0.01);
    assert!(text.contains(">R1</text>") && text.contains(">R3</text>"));
    assert!(!text.contains(">A</text>"), "anonymous: no names");
    assert!(text.contains("gem. 3,0"));
    assert_well_formed(&text);
}

#[test]
fn svg_missing_scores_draw_only_the_sides_between_scored_axes() {
    let c = content();
    let mut s = scan_session(&c, "A", [4, 4, 4, 4, 4]);
    s.answers.retain(|k, _| !k.starts_with("relatie."));
    let text = report::render(Format::Svg, &c, &s, &Options::default());
    let group = &text[text.find("data-reeks=\"huidig\"").expect("huidig")..];
    let group = &group[..group.find("</g>").expect("end")];
    assert!(!group.contains("<polygon"), "no closed polygon with a gap");
    assert_eq!(
        group.matches('M').count(),
        3,
        "three of five sides: {group}"
    );
    assert_eq!(group.matches("<circle").count(), 4);
    assert!(text.contains(">–</text>"), "the missing score as a dash");
}

// ---------------------------------------------------------------------------------------
// HTML and Markdown

/// Parses `text` as XML and checks that every element is closed in order.
fn assert_well_formed(text: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                stack.push(e.name().as_ref().to_string());
                elements += 1;
            }
            Ok(Event::End(e)) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(
                    stack.pop().as_deref(),
                    Some(name.as_str()),
                    "mismatched </{name}>"
                );
            }
            Ok(Event::Empty(_)) => elements += 1,
            Ok(Event::GeneralRef(r)) => {
                // Only references XML itself knows (no &nbsp; and friends).
                let name: &str = &r;
                assert!(
                    name.starts_with('#') || ["amp", "lt", "gt", "quot", "apos"].contains(&name),
                    "entity &{name}; is not XML"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at byte {}: {e}\n{}",
                reader.buffer_position(),
                &text[..(reader.buffer_position() as usize).min(text.len())]
                    .chars()
                    .rev()
                    .take(300)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            ),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert!(elements > 0);
}

fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "http",
        "<script",
        "src=",
        "@import",
        "url(",
        "<link",
        "href",
        "<iframe",
        "<object",
        "<embed",
        "<img",
        "javascript:",
        " on",
        "\u{1b}",
    ] {
        if bad == " on" {
            // No event handler attributes (onload=, onclick=, …).
            assert!(
                !lower.contains(" onload=")
                    && !lower.contains(" onclick=")
                    && !lower.contains(" onerror="),
                "event handler in the HTML"
            );
            continue;
        }
        assert!(!lower.contains(bad), "the HTML contains {bad:?}");
    }
    for c in html.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control character U+{:04X} in the output",
            c as u32
        );
    }
}

#[test]
fn html_is_well_formed_self_contained_and_complete() {
    let c = content();
    let s = full_session(&c);
    let html = report::render(Format::Html, &c, &s, &Options::default());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert_well_formed(&html);
    assert_self_contained(&html);
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("@media print"));
    // Who, what, when.
    assert!(html.contains("Anne &lt;Jansen&gt; &amp; &quot;Co&quot; &#39;x&#39;"));
    assert!(html.contains("Zorggroep Noord[31m"), "ESC dropped");
    assert!(html.contains("coachgesprek"));
    assert!(html.contains("2 oktober 2026"));
    // Scores, a flag with its risk text.
    assert!(html.contains("<svg class=\"radar\""));
    let belangen = &c.scan.conditions[1];
    assert!(
        html.contains(&belangen_score_cell()),
        "belangen 2,0 in the table"
    );
    assert!(html.contains(&kansrijk::report::escape(&belangen.neglect_risk)));
    // Notes, with user markup escaped and control characters dropped.
    assert!(html.contains("Tweede regel &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    // Reflections per perspective → theme → prompt.
    let p = &c.handreiking.perspectives[1];
    assert!(html.contains(&kansrijk::report::escape(&p.name)));
    assert!(html.contains(&kansrijk::report::escape(&p.themes[0].title)));
    assert!(html.contains(&kansrijk::report::escape(&p.themes[0].prompts[0].text)));
    assert!(html.contains("Veel energie in de jeugdalliantie"));
    assert!(
        html.contains("onbekend.prompt"),
        "unknown prompt ids are shown too"
    );
    // Dilemma: position, strategy, pulls, next step.
    let d = &c.handreiking.tensions[0].dilemmas[0];
    assert!(html.contains(&kansrijk::report::escape(&d.title)));
    assert!(html.contains("positie 5 van 7"));
    assert!(html.contains(&c.handreiking.paradox_strategies[0].label));
    assert!(html.contains("Minder dubbel werk"));
    assert!(html.contains("Met de partners de taken in kaart brengen."));
    // Instruments of every kind, with their notes.
    for inst in &c.instruments {
        assert!(
            html.contains(&kansrijk::report::escape(&inst.name)),
            "instrument {}",
            inst.id
        );
        assert!(html.contains(&format!("Toelichting bij {}", inst.id)));
    }
    assert!(html.contains("Wijkteam &lt;Zuid&gt;"));
    // Actions.
    assert!(html.contains("Gesprek | over belangen"));
    assert!(html.contains("Kerngroep voorstellen"));
    assert!(html.contains(">Belangen</td>") || html.contains("<td>Belangen</td>"));
    // Coach notes: not at all without the option.
    assert!(!html.contains("GEHEIM-COACH"));
    assert!(!html.contains("Notities van de coach"));
}

fn belangen_score_cell() -> String {
    // Items 5..8 of the fixture: 2, 2, 1, 3 → 2,0.
    "<td>Belangen</td><td class=\"getal score\">2,0</td>".to_string()
}

#[test]
fn coach_notes_only_with_the_option() {
    let c = content();
    let s = full_session(&c);
    for format in [Format::Html, Format::Markdown, Format::Svg] {
        let without = report::render(format, &c, &s, &Options::default());
        assert!(
            !without.contains("GEHEIM-COACH"),
            "{format:?} leaks coach notes"
        );
    }
    let with = Options {
        with_notes: true,
        ..Default::default()
    };
    let html = report::render(Format::Html, &c, &s, &with);
    assert!(html.contains(COACH_SECRET));
    assert!(html.contains("Notities van de coach"));
    assert!(html.contains("Quick scan"), "the note's screen is named");
    assert_well_formed(&html);
    let md = report::render(Format::Markdown, &c, &s, &with);
    assert!(md.contains(COACH_SECRET));
    assert!(!report::render(Format::Svg, &c, &s, &with).contains("GEHEIM-COACH"));
}

#[test]
fn markdown_has_every_part_and_escapes() {
    let c = content();
    let s = full_session(&c);
    let md = report::render(Format::Markdown, &c, &s, &Options::default());
    assert!(md.starts_with("# Wijkzorg Noord\n"));
    assert!(md.contains("- **Bestuurder:** Anne \\<Jansen> & \"Co\" 'x'"));
    assert!(md.contains("| Belangen | 2,0 | 4 van 4 | aandachtspunt |"));
    assert!(md.contains("## Aandachtspunten"));
    assert!(md.contains("Tweede regel \\<script>alert('x')\\</script>"));
    assert!(
        md.contains("\\# geen kop\n- punt één"),
        "a # in a note is no heading"
    );
    assert!(md.contains("## Reflecties"));
    assert!(md.contains("## Dilemma’s"));
    assert!(md.contains("positie 5 van 7"));
    assert!(md.contains("## Instrumenten"));
    assert!(md.contains("| Gesprek \\| over belangen | Anne | november | Belangen | nee |"));
    assert!(md.contains("```text\nAmbitie"));
    for ch in md.chars() {
        assert!(
            ch == '\n' || !ch.is_control(),
            "control character in Markdown"
        );
    }
    assert!(!md.contains("GEHEIM-COACH"));
}

#[test]
fn html_with_previous_and_group() {
    let c = content();
    let now = scan_session(&c, "A", [4, 3, 3, 2, 5]);
    let before = scan_session(&c, "A", [3, 3, 4, 2, 5]);
    let group = vec![
        now.clone(),
        scan_session(&c, "B", [2, 2, 3, 5, 3]),
        scan_session(&c, "C", [3, 2, 3, 4, 3]),
    ];
    let html = report::render(
        Format::Html,
        &c,
        &now,
        &Options {
            previous: Some(&before),
            group: Some(&group),
            ..Default::default()
        },
    );
    assert_well_formed(&html);
    assert_self_contained(&html);
    assert!(html.contains("<th class=\"getal\">Verschil</th>"));
    assert!(html.contains("<td class=\"getal\">+1,0</td>"));
    assert!(html.contains("data-reeks=\"vorig\""));
    assert!(html.contains("data-reeks=\"gemiddelde\""));
    assert!(
        html.contains("<td class=\"getal\">3,7</td>"),
        "organisatie mean (2+5+4)/3"
    );
}

#[test]
fn group_html_report() {
    let c = content();
    let group: Vec<Session> = (0..12u8)
        .map(|i| {
            scan_session(
                &c,
                &format!("Bestuurder {i}"),
                [1 + i % 5, 2, 3 + i % 2, 4, 5 - i % 3],
            )
        })
        .collect();
    for anonymous in [false, true] {
        let html = report::render_group(
            Format::Html,
            &c,
            &group,
            &Options {
                anonymous,
                ..Default::default()
            },
        );
        assert_well_formed(&html);
        assert_self_contained(&html);
        assert!(html.contains("Gespreksonderwerpen"));
        assert!(html.contains("data-reeks=\"respondent-12\""));
        // Belangen: everyone 2 → weak, with its risk text.
        assert!(html.contains(&report::escape(&c.scan.conditions[1].neglect_risk)));
        assert_eq!(html.contains("Bestuurder 11"), !anonymous);
        assert_eq!(html.contains(">R12<"), anonymous);
    }
    let md = report::render_group(Format::Markdown, &c, &group, &Options::default());
    assert!(md.contains("## Gespreksonderwerpen"));
    assert!(
        md.contains("| Gedeelde ambitie | 2,8 | 1,0 | 5,0 | 12 van 12 |"),
        "{md}"
    );
}

// ---------------------------------------------------------------------------------------
// Headless Chromium

fn find_in_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Runs `cmd` with a deadline; kills it when it takes too long.
fn run_with_deadline(cmd: &mut Command, secs: u64) -> Output {
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("chromium could not be started");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "chromium took longer than {secs} s\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// (width, height, RGBA pixels) of a PNG file.
fn decode_png(path: &Path) -> (u32, u32, Vec<[u8; 4]>) {
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("png file"));
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    let bytes = &buf[..info.buffer_size()];
    let pixels = match info.color_type {
        png::ColorType::Rgba => bytes
            .chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect(),
        png::ColorType::Rgb => bytes
            .chunks_exact(3)
            .map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::Grayscale => bytes.iter().map(|g| [*g, *g, *g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => bytes
            .chunks_exact(2)
            .map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, pixels)
}

#[test]
#[ignore = "needs chromium; run with --ignored (CI does)"]
fn html_renders_in_headless_chromium() {
    let Some(chromium) = find_in_path(&["chromium", "chromium-browser"]) else {
        panic!("chromium not found in PATH: install it (apt-get install chromium)");
    };
    let c = content();
    let s = full_session(&c);
    let before = scan_session(&c, "A", [3, 3, 4, 2, 5]);
    let html = report::render(
        Format::Html,
        &c,
        &s,
        &Options {
            previous: Some(&before),
            with_notes: true,
            ..Default::default()
        },
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("rapport.html");
    std::fs::write(&page, &html).expect("write html");
    let png_path = dir.path().join("rapport.png");
    let profile = dir.path().join("profiel");
    let out = run_with_deadline(
        Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--screenshot={}", png_path.display()))
            .arg("--window-size=1240,1754")
            .arg(format!("file://{}", page.display())),
        90,
    );
    assert!(
        png_path.is_file(),
        "chromium wrote no screenshot ({:?})\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // To look at the result: KANSRIJK_KEEP_SCREENSHOT=/tmp/rapport.png keeps the PNG (and
    // the HTML beside it).
    if let Ok(keep) = std::env::var("KANSRIJK_KEEP_SCREENSHOT") {
        let keep = PathBuf::from(keep);
        let _ = std::fs::copy(&png_path, &keep);
        let _ = std::fs::copy(&page, keep.with_extension("html"));
    }
    let (w, h, pixels) = decode_png(&png_path);
    assert_eq!((w, h), (1240, 1754));
    let total = pixels.len();
    // Text and lines: dark pixels.
    let dark = pixels
        .iter()
        .filter(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 110)
        .count();
    // The radar's polygon and the headings: the report's blue (#1f4e79).
    let blue = pixels
        .iter()
        .filter(|p| {
            (i32::from(p[0]) - 0x1f).abs() < 40
                && (i32::from(p[1]) - 0x4e).abs() < 40
                && (i32::from(p[2]) - 0x79).abs() < 40
        })
        .count();
    // The page itself: white.
    let white = pixels
        .iter()
        .filter(|p| p[0] > 250 && p[1] > 250 && p[2] > 250)
        .count();
    assert!(
        dark > total / 200,
        "too little text drawn: {dark} of {total} pixels"
    );
    assert!(
        blue > 1500,
        "the radar and headings are missing: {blue} blue pixels"
    );
    assert!(white > total / 4, "no white page: {white} of {total}");
    assert!(white < total * 98 / 100, "blank page");
}

// ---------------------------------------------------------------------------------------
// `kansrijk export`

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn last_line(out: &Output) -> PathBuf {
    PathBuf::from(stdout(out).lines().last().expect("no output").trim())
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "failed: {:?}\n{}\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

#[test]
fn cli_export_formats_paths_and_notes() {
    let c = content();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("anne.ron");
    kansrijk::store::save(&file, &full_session(&c)).expect("save");
    let before_file = dir.path().join("anne-juli.ron");
    kansrijk::store::save(&before_file, &scan_session(&c, "A", [3, 3, 4, 2, 5])).expect("save");
    let original = std::fs::read(&file).expect("read");

    // Default: HTML next to the session, without coach notes; the path on the last line.
    let out = kansrijk().arg("export").arg(&file).output().expect("run");
    assert_ok(&out);
    let html_path = last_line(&out);
    assert_eq!(html_path, dir.path().join("anne.html"));
    let html = std::fs::read_to_string(&html_path).expect("html");
    assert!(!html.contains("GEHEIM-COACH"));
    assert_self_contained(&html);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&html_path)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "reports are as private as sessions");
    }

    // Markdown with notes and a previous session, to -o.
    let md_path = dir.path().join("uit").join("rapport.md");
    std::fs::create_dir(dir.path().join("uit")).expect("mkdir");
    let out = kansrijk()
        .args(["export", "--formaat", "md", "--met-notities", "--vorige"])
        .arg(&before_file)
        .arg("-o")
        .arg(&md_path)
        .arg(&file)
        .output()
        .expect("run");
    assert_ok(&out);
    assert_eq!(last_line(&out), md_path);
    let md = std::fs::read_to_string(&md_path).expect("md");
    assert!(md.contains(COACH_SECRET));
    assert!(md.contains("| Vorige | Verschil |"));

    // SVG: the radar alone.
    let out = kansrijk()
        .args(["export", "--formaat", "svg"])
        .arg(&file)
        .output()
        .expect("run");
    assert_ok(&out);
    let svg_path = last_line(&out);
    assert_eq!(svg_path, dir.path().join("anne.svg"));
    let svg_text = std::fs::read_to_string(&svg_path).expect("svg");
    assert!(svg_text.starts_with("<svg xmlns="));
    assert_well_formed(&svg_text);

    // The session file is never touched, and never a target.
    let out = kansrijk()
        .args(["export", "-o"])
        .arg(&before_file)
        .arg(&file)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("sessiebestand"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).expect("read"), original);
}

#[test]
fn cli_export_of_a_corrupt_file_gives_the_dutch_parse_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kapot.ron");
    std::fs::write(
        &file,
        "(\n    schema: 1,\n    id: \"x\"\n    bestuurder: \"A\",\n)\n",
    )
    .expect("write");
    let out = kansrijk().arg("export").arg(&file).output().expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("kapot.ron"), "{err}");
    assert!(err.contains("regel 4, kolom"), "{err}");
    assert!(err.contains("komma"), "{err}");
    assert!(!dir.path().join("kapot.html").exists());
    assert!(stdout(&out).is_empty());
}
