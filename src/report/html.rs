//! The report as one self-contained HTML file: inline CSS (with an A4 print stylesheet)
//! and inline SVG; no scripts, no external resources, no links. Every element is closed
//! (XHTML style), so the file also parses as XML. All user text goes through [`escape`].

use super::{
    DilemmaBlock, Entry, Flag, GroupDoc, InstrumentBlock, InstrumentBody, SessionDoc, escape,
    position_words, svg,
};
use crate::{fmt_opt_score, fmt_score};
use std::fmt::Write;

const CSS: &str = r#"
:root {
  --ink: #1f2937; --muted: #5b6472; --accent: #1f4e79; --line: #e3e6ea;
  --soft: #f4f7fa; --warn: #9a3412; --warn-bg: #fff6ed; --warn-line: #f4b27c;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #e9ecef; color: var(--ink);
  font-family: "Source Sans 3", "Segoe UI", "Helvetica Neue", Helvetica, Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.45;
}
.rapport {
  max-width: 186mm; margin: 10mm auto; background: #fff; padding: 14mm 16mm 12mm;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15);
}
.bovenregel {
  margin: 0; font-size: 8pt; font-weight: 600; letter-spacing: 0.14em;
  text-transform: uppercase; color: var(--muted);
}
h1 {
  margin: 3pt 0 1pt; font-size: 23pt; line-height: 1.15; color: var(--accent);
  letter-spacing: -0.01em;
}
.ondertitel { margin: 0 0 8pt; font-size: 12pt; color: var(--muted); }
h2 {
  margin: 20pt 0 8pt; padding-bottom: 3pt; font-size: 14.5pt; color: var(--accent);
  border-bottom: 2px solid var(--accent); break-after: avoid; page-break-after: avoid;
}
h3 { margin: 12pt 0 3pt; font-size: 11.5pt; break-after: avoid; page-break-after: avoid; }
h4 {
  margin: 9pt 0 2pt; font-size: 10.5pt; color: var(--accent);
  break-after: avoid; page-break-after: avoid;
}
p { margin: 3pt 0 6pt; }
.gegevens {
  display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt 18pt;
  margin: 6pt 0 0; padding: 8pt 0; border-top: 1px solid var(--line);
  border-bottom: 1px solid var(--line);
}
.gegevens div { min-width: 0; }
.gegevens dt {
  font-size: 7.5pt; font-weight: 600; letter-spacing: 0.1em; text-transform: uppercase;
  color: var(--muted);
}
.gegevens dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
figure.radar-figuur { margin: 4pt auto 2pt; max-width: 152mm; break-inside: avoid; page-break-inside: avoid; }
figure.radar-figuur svg { display: block; width: 100%; height: auto; }
figcaption { text-align: center; font-size: 8.5pt; color: var(--muted); }
table {
  width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 9.5pt;
  break-inside: avoid; page-break-inside: avoid;
}
table.lang { break-inside: auto; page-break-inside: auto; }
table.indicatoren td:first-child { width: 62%; }
td.datum { white-space: nowrap; }
table.compact th { text-transform: none; letter-spacing: 0; font-size: 8pt; }
table.compact th, table.compact td { padding-left: 4pt; padding-right: 4pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th {
  padding: 4pt 6pt; text-align: left; vertical-align: bottom; font-size: 7.5pt;
  font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted);
  border-bottom: 1.5px solid var(--ink);
}
td { padding: 4.5pt 6pt; vertical-align: top; border-bottom: 1px solid var(--line); }
th.getal, td.getal { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.score { font-size: 11pt; font-weight: 700; }
tr.zwak td { background: var(--warn-bg); }
.label {
  display: inline-block; padding: 0 5pt; border: 1px solid var(--warn-line); border-radius: 3pt;
  background: #fff; color: var(--warn); font-size: 7.5pt; font-weight: 700;
  letter-spacing: 0.05em; text-transform: uppercase; white-space: nowrap;
}
.toelichting { font-size: 8.5pt; color: var(--muted); }
.signaal {
  margin: 6pt 0; padding: 6pt 10pt; border-left: 4px solid var(--warn); background: var(--warn-bg);
  break-inside: avoid; page-break-inside: avoid;
}
.signaal h3 { margin: 0 0 2pt; color: var(--warn); }
.signaal p { margin: 0; }
.tekst { white-space: pre-line; overflow-wrap: anywhere; }
.vraag { margin: 7pt 0 1pt; font-weight: 600; }
.kernvraag { margin: 0 0 3pt; font-style: italic; color: var(--muted); }
.blok {
  margin: 8pt 0; padding: 7pt 10pt; border: 1px solid var(--line); border-radius: 4pt;
  break-inside: avoid; page-break-inside: avoid;
}
.blok h3 { margin-top: 0; }
.bovenkop { margin: 0; font-size: 7.5pt; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.polen { display: flex; justify-content: space-between; gap: 12pt; font-size: 9pt; font-weight: 600; }
.polen span:last-child { text-align: right; }
.schaal { display: block; width: 100%; height: auto; margin: 1pt 0; }
.positie { margin: 0 0 4pt; font-size: 9pt; color: var(--muted); text-align: center; }
dl.velden { margin: 4pt 0 0; }
dl.velden dt { font-size: 8.5pt; font-weight: 700; color: var(--muted); }
dl.velden dd { margin: 0 0 4pt; }
ul.keuzes { margin: 3pt 0 6pt; padding-left: 14pt; }
ul.keuzes li { margin: 2pt 0; }
.uitleg { color: var(--muted); }
.kleur {
  display: inline-block; width: 9pt; height: 9pt; margin-right: 5pt; border-radius: 50%;
  vertical-align: -1pt;
}
.vertrouwelijk { background: #f6f3fb; border-left: 4px solid #5b3c88; padding: 6pt 10pt; }
.vertrouwelijk .bovenkop { color: #5b3c88; font-weight: 700; }
ol.onderwerpen { padding-left: 16pt; }
ol.onderwerpen li { margin: 4pt 0; break-inside: avoid; page-break-inside: avoid; }
.rvt .naast { display: flex; gap: 8pt; align-items: center; }
.rvt .naast figure.radar-figuur { flex: 0 0 72mm; max-width: 72mm; margin: 0; }
.rvt .naast table { flex: 1 1 auto; width: auto; }
.rvt h2 { margin-top: 10pt; margin-bottom: 5pt; font-size: 13pt; }
.rvt .signaal h3 { font-size: 10.5pt; }
.rvt .signaal p, .rvt td, .rvt p { font-size: 9pt; }
.rvt table { margin: 4pt 0 6pt; }
.rvt td { padding-top: 2.5pt; padding-bottom: 2.5pt; }
.rvt .signaal { margin: 4pt 0 2pt; padding: 4pt 8pt; }
.rvt ul.keuzes { margin: 1pt 0 2pt; }
.rvt ul.keuzes li { margin: 0; }
.rvt footer { margin-top: 10pt; }
.let-op { padding: 5pt 9pt; background: var(--warn-bg); border: 1px solid var(--warn-line); }
footer {
  margin-top: 22pt; padding-top: 6pt; border-top: 1px solid var(--line); font-size: 8pt;
  color: var(--muted);
}
@page { size: A4; margin: 16mm 15mm 16mm 15mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  .rapport { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { margin-top: 16pt; }
  figure.radar-figuur { max-width: 124mm; }
}
"#;

/// Opening of the document, up to and including `<body>`.
fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"kansrijk {}\"/>\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>\n<article class=\"rapport\">\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
}

fn foot(out: &mut String, source: &str, extra: &str) {
    let _ = write!(
        out,
        "<footer>Gemaakt met kansrijk {}, werkboek bij de Handreiking Effectief Samenwerken \
         (NVZD met Common Eye, 2024). Quick scan naar {}: per conditie het gemiddelde van de \
         antwoorden 1 (helemaal niet) tot 5 (volledig); ‘weet ik niet’ telt niet mee; onder \
         3,0 is een aandachtspunt.{}</footer>\n</article>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(source),
        escape(extra)
    );
}

fn meta(out: &mut String, fields: &[(&str, String)]) {
    out.push_str("<dl class=\"gegevens\">\n");
    for (label, value) in fields {
        let value = if value.is_empty() { "–" } else { value };
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(label),
            escape(value)
        );
    }
    out.push_str("</dl>\n");
}

fn text_p(out: &mut String, class: &str, text: &str) {
    let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(text));
}

fn flags(out: &mut String, flags: &[Flag]) {
    for f in flags {
        let _ = writeln!(
            out,
            "<div class=\"signaal\"><h3>{} · {}</h3><p>{}</p></div>",
            escape(&f.name),
            fmt_score(f.score),
            escape(&f.risk)
        );
    }
}

/// A seven-point scale with the chosen point filled (inline SVG, prints without
/// background colours).
fn scale(position: Option<i8>) -> String {
    let mut s = String::from(
        "<svg class=\"schaal\" viewBox=\"0 0 420 26\" width=\"420\" height=\"26\" role=\"img\" aria-hidden=\"true\">",
    );
    let _ = write!(
        s,
        "<line x1=\"15\" y1=\"13\" x2=\"405\" y2=\"13\" stroke=\"#c4c9d0\" stroke-width=\"2\"/>"
    );
    for i in 0..7i8 {
        let x = 15 + i32::from(i) * 65;
        if position.is_some_and(|p| p + 3 == i) {
            let _ = write!(s, "<circle cx=\"{x}\" cy=\"13\" r=\"9\" fill=\"#1f4e79\"/>");
        } else {
            let _ = write!(
                s,
                "<circle cx=\"{x}\" cy=\"13\" r=\"5\" fill=\"#ffffff\" stroke=\"#9aa2ad\" stroke-width=\"1.5\"/>"
            );
        }
    }
    s.push_str("</svg>");
    s
}

fn poles(out: &mut String, left: &str, right: &str, position: Option<i8>) {
    let _ = writeln!(
        out,
        "<div class=\"polen\"><span>{}</span><span>{}</span></div>\n{}",
        escape(left),
        escape(right),
        scale(position)
    );
    let words = match position {
        Some(p) => format!(
            "positie {} van 7: {}",
            p + 4,
            position_words(p, left, right)
        ),
        None => "nog niet geplaatst".to_string(),
    };
    text_p(out, "positie", &words);
}

fn fields(out: &mut String, fields: &[(&str, &str)]) {
    let present: Vec<&(&str, &str)> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
    if present.is_empty() {
        return;
    }
    out.push_str("<dl class=\"velden\">\n");
    for (label, value) in present {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd class=\"tekst\">{}</dd>",
            escape(label),
            escape(value)
        );
    }
    out.push_str("</dl>\n");
}

fn dilemma(out: &mut String, d: &DilemmaBlock) {
    out.push_str("<div class=\"blok dilemma\">\n");
    text_p(out, "bovenkop", &d.tension);
    let _ = writeln!(out, "<h3>{}</h3>", escape(&d.title));
    poles(out, &d.left, &d.right, d.position);
    fields(
        out,
        &[
            ("Strategie", d.strategy.as_deref().unwrap_or("")),
            (&format!("Wat trekt naar ‘{}’", d.left), &d.pull_left),
            (&format!("Wat trekt naar ‘{}’", d.right), &d.pull_right),
            ("Volgende stap", &d.next_step),
            ("Notitie", &d.note),
        ],
    );
    out.push_str("</div>\n");
}

fn table(out: &mut String, class: &str, header: &[String], numeric: &[bool], rows: &[Vec<String>]) {
    let _ = writeln!(out, "<table class=\"{class}\">\n<thead><tr>");
    for (i, h) in header.iter().enumerate() {
        let c = if numeric.get(i).copied().unwrap_or(false) {
            " class=\"getal\""
        } else {
            ""
        };
        let _ = write!(out, "<th{c}>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let c = if numeric.get(i).copied().unwrap_or(false) {
                " class=\"getal\""
            } else {
                ""
            };
            let _ = write!(out, "<td{c}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn instrument(out: &mut String, inst: &InstrumentBlock) {
    out.push_str("<div class=\"blok instrument\">\n");
    text_p(out, "bovenkop", &inst.source);
    let _ = writeln!(out, "<h3>{}</h3>", escape(&inst.name));
    match &inst.body {
        InstrumentBody::Choices(choices) if !choices.is_empty() => {
            out.push_str("<ul class=\"keuzes\">\n");
            for (label, text) in choices {
                let _ = write!(out, "<li><strong>{}</strong>", escape(label));
                if !text.is_empty() {
                    let _ = write!(out, " — <span class=\"uitleg\">{}</span>", escape(text));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        InstrumentBody::Table { header, rows } if !rows.is_empty() => {
            let numeric: Vec<bool> = (0..header.len()).map(|_| false).collect();
            table(out, "instrumenttabel", header, &numeric, rows);
        }
        InstrumentBody::Sliders(sliders) if !sliders.is_empty() => {
            for s in sliders {
                poles(out, &s.left, &s.right, Some(s.position));
            }
        }
        _ => {}
    }
    fields(out, &[("Toelichting", &inst.note)]);
    out.push_str("</div>\n");
}

fn entries(out: &mut String, heading: &str, items: &[Entry]) {
    for e in items {
        let _ = writeln!(out, "<{heading}>{}</{heading}>", escape(&e.title));
        text_p(out, "tekst", &e.text);
    }
}

/// The HTML report of one session.
pub fn session(doc: &SessionDoc) -> String {
    let mut out = String::with_capacity(32 * 1024);
    head(
        &mut out,
        &if doc.rvt {
            format!(
                "{} — {} — {} — kansrijk",
                doc.kind(),
                doc.samenwerking,
                doc.bestuurder
            )
        } else {
            format!("{} — {} — kansrijk", doc.samenwerking, doc.bestuurder)
        },
    );
    if doc.rvt {
        out.push_str("<div class=\"rvt\">\n");
    }
    out.push_str("<header class=\"kop\">\n");
    text_p(
        &mut out,
        "bovenregel",
        "kansrijk · Handreiking Effectief Samenwerken",
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.samenwerking));
    text_p(&mut out, "ondertitel", doc.kind());
    let mut m = vec![
        ("Bestuurder", doc.bestuurder.clone()),
        ("Organisatie", doc.organisatie.clone()),
        ("Samenwerking", doc.samenwerking.clone()),
        ("Modus", doc.mode.clone()),
        ("Datum", doc.date.clone()),
        (
            "Quick scan ingevuld",
            crate::text::progress(doc.answered, doc.total),
        ),
    ];
    if let Some(d) = &doc.previous_date {
        m.push(("Vergeleken met", format!("sessie van {d}")));
    }
    if let Some(n) = doc.group_size {
        m.push(("Groep", format!("{n} respondenten")));
    }
    meta(&mut out, &m);
    out.push_str("</header>\n");
    summary(&mut out, doc);

    // Scores and radar.
    out.push_str("<section class=\"condities\">\n<h2>De vijf condities</h2>\n");
    if doc.rvt {
        out.push_str("<div class=\"naast\">\n");
    }
    let _ = writeln!(
        out,
        "<figure class=\"radar-figuur\">\n{}<figcaption>Radar: 1 in het midden, 5 aan de rand.</figcaption>\n</figure>",
        svg::radar(&doc.radar, false)
    );
    let has_prev = doc.previous_date.is_some();
    let has_group = doc.group_size.is_some();
    out.push_str("<table class=\"scores\">\n<thead><tr><th>Conditie</th><th class=\"getal\">Score</th><th class=\"getal\">Ingevuld</th>");
    if has_prev {
        out.push_str("<th class=\"getal\">Vorige</th><th class=\"getal\">Verschil</th>");
    }
    if has_group {
        out.push_str("<th class=\"getal\">Groep gem.</th><th class=\"getal\">Groep min–max</th>");
    }
    out.push_str("<th>Signaal</th></tr></thead>\n<tbody>\n");
    for s in &doc.scores {
        let _ = write!(
            out,
            "<tr{}><td>{}</td><td class=\"getal score\">{}</td><td class=\"getal\">{}</td>",
            if s.flagged { " class=\"zwak\"" } else { "" },
            escape(&s.name),
            fmt_opt_score(s.score),
            escape(&s.filled())
        );
        if has_prev {
            let _ = write!(
                out,
                "<td class=\"getal\">{}</td><td class=\"getal\">{}</td>",
                fmt_opt_score(s.previous),
                crate::present::fmt_opt_delta(s.delta)
            );
        }
        if has_group {
            let (mean, min, max) = s.group.unwrap_or((None, None, None));
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{}–{}", fmt_score(a), fmt_score(b)),
                _ => "–".to_string(),
            };
            let _ = write!(
                out,
                "<td class=\"getal\">{}</td><td class=\"getal\">{range}</td>",
                fmt_opt_score(mean)
            );
        }
        let signal = if s.flagged {
            "<span class=\"label\">aandachtspunt</span>"
        } else {
            ""
        };
        let _ = writeln!(out, "<td>{signal}</td></tr>");
    }
    out.push_str("</tbody>\n</table>\n");
    if doc.rvt {
        out.push_str("</div>\n");
    }
    text_p(
        &mut out,
        "toelichting",
        "Score: het gemiddelde van de antwoorden 1–5 per conditie; ‘weet ik niet’ telt niet mee. Een score onder 3,0 is een aandachtspunt.",
    );
    out.push_str("</section>\n");

    advice(&mut out, doc);
    if doc.rvt {
        actions(&mut out, doc);
    }
    answers(&mut out, doc);

    if !doc.notes.is_empty() {
        out.push_str("<section class=\"notities\">\n<h2>Notities per conditie</h2>\n");
        entries(&mut out, "h3", &doc.notes);
        out.push_str("</section>\n");
    }

    if !doc.reflections.is_empty() || !doc.other_reflections.is_empty() {
        out.push_str("<section class=\"reflecties\">\n<h2>Reflecties</h2>\n");
        for p in &doc.reflections {
            let _ = writeln!(out, "<h3>{}</h3>", escape(&p.name));
            for t in &p.themes {
                let _ = writeln!(out, "<h4>{}</h4>", escape(&t.title));
                text_p(&mut out, "kernvraag", &t.question);
                for a in &t.answers {
                    text_p(&mut out, "vraag", &a.title);
                    text_p(&mut out, "tekst", &a.text);
                }
            }
        }
        if !doc.other_reflections.is_empty() {
            out.push_str("<h3>Overige reflecties</h3>\n");
            entries(&mut out, "h4", &doc.other_reflections);
        }
        out.push_str("</section>\n");
    }

    if !doc.dilemmas.is_empty() {
        out.push_str("<section class=\"dilemmas\">\n<h2>Dilemma’s</h2>\n");
        for d in &doc.dilemmas {
            dilemma(&mut out, d);
        }
        out.push_str("</section>\n");
    }

    if !doc.instruments.is_empty() {
        out.push_str("<section class=\"instrumenten\">\n<h2>Instrumenten</h2>\n");
        for inst in &doc.instruments {
            instrument(&mut out, inst);
        }
        out.push_str("</section>\n");
    }

    if !doc.rvt {
        actions(&mut out, doc);
    }

    if let Some(notes) = doc
        .coach_notes
        .as_ref()
        .filter(|n| !(doc.own_notes && n.is_empty()))
    {
        let words = crate::text::private_notes(doc.own_notes);
        out.push_str(&format!(
            "<section class=\"coachnotities\">\n<h2>{}</h2>\n<div class=\"vertrouwelijk\">\n",
            words.heading
        ));
        text_p(&mut out, "bovenkop", words.kicker);
        if notes.is_empty() {
            text_p(&mut out, "", words.none);
        }
        entries(&mut out, "h3", notes);
        out.push_str("</div>\n</section>\n");
    }

    if doc.rvt {
        out.push_str("</div>\n");
    }
    foot(&mut out, &doc.source, "");
    out
}

/// The "Samenvatting": the five scores, the weakest conditions, the open afspraken.
fn summary(out: &mut String, doc: &SessionDoc) {
    let t = &doc.summary;
    let _ = writeln!(
        out,
        "<section class=\"samenvatting\">\n<h2>{}</h2>\n<dl class=\"velden\">",
        crate::text::SUMMARY_TITLE
    );
    let scores = t
        .scores
        .iter()
        .map(|(name, score, filled)| {
            format!(
                "{} {} ({})",
                escape(name),
                fmt_opt_score(*score),
                escape(filled)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let _ = writeln!(out, "<dt>Scores (1–5)</dt><dd>{scores}</dd>");
    let weakest = if t.weakest.is_empty() {
        crate::text::ADVICE_NONE.to_string()
    } else {
        escape(&t.weakest.join(", "))
    };
    let _ = writeln!(
        out,
        "<dt>{}</dt><dd>{weakest}</dd>",
        crate::text::SUMMARY_WEAKEST
    );
    let open = if t.open.is_empty() {
        crate::text::SUMMARY_NO_OPEN.to_string()
    } else if doc.rvt {
        crate::text::SUMMARY_SEE_ACTIONS.to_string()
    } else {
        t.open
            .iter()
            .map(|a| escape(a))
            .collect::<Vec<_>>()
            .join("<br/>")
    };
    let _ = writeln!(
        out,
        "<dt>{} ({})</dt><dd>{open}</dd>",
        crate::text::SUMMARY_OPEN,
        t.open.len()
    );
    out.push_str("</dl>\n</section>\n");
}

/// The aandachtspunten: per condition below 3,0 (weakest first) what neglecting it
/// risks, what the handreiking offers and a question; then "hier is zicht nodig".
fn advice(out: &mut String, doc: &SessionDoc) {
    if doc.advice.is_empty() && doc.insight.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"aandachtspunten\">\n<h2>{}</h2>",
        crate::text::ADVICE_TITLE
    );
    if !doc.advice.is_empty() {
        text_p(out, "", crate::text::ADVICE_INTRO);
    }
    for a in &doc.advice {
        let risk = doc
            .flags
            .iter()
            .find(|f| f.name == a.name)
            .map(|f| f.risk.as_str())
            .unwrap_or("");
        let _ = writeln!(
            out,
            "<div class=\"signaal\"><h3>{} · {}</h3><p>{}</p></div>",
            escape(&a.name),
            fmt_score(a.score),
            escape(risk)
        );
        if doc.rvt {
            // Compact: where to look, on one line; the reasons and the question are for
            // the bestuurder's own report.
            if !a.items.is_empty() {
                let list = a
                    .items
                    .iter()
                    .map(|i| format!("{}: {}", i.kind.label(), escape(&i.title)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let _ = writeln!(
                    out,
                    "<p class=\"toelichting\">In de handreiking: {list}</p>"
                );
            }
            continue;
        }
        if !a.items.is_empty() {
            out.push_str("<ul class=\"keuzes\">\n");
            for i in &a.items {
                let _ = writeln!(
                    out,
                    "<li><strong>{}: {}</strong> — <span class=\"uitleg\">{}</span></li>",
                    i.kind.label(),
                    escape(&i.title),
                    escape(&i.why)
                );
            }
            out.push_str("</ul>\n");
        }
        let _ = writeln!(
            out,
            "<p class=\"kernvraag\">{}: {}</p>",
            crate::text::ADVICE_PROMPT,
            escape(&a.prompt)
        );
    }
    for i in doc.insight.iter().filter(|_| doc.rvt) {
        let _ = writeln!(
            out,
            "<p><strong>{}: {}</strong> — {} van de {} indicatoren beantwoord met ‘{}’.</p>",
            crate::text::INSIGHT_TITLE,
            escape(&i.name),
            i.dont_know,
            i.total,
            crate::text::DONT_KNOW_ANSWER
        );
    }
    for i in doc.insight.iter().filter(|_| !doc.rvt) {
        let _ = writeln!(
            out,
            "<div class=\"blok\"><h3>{}: {}</h3><p>{} van de {} indicatoren beantwoord met ‘{}’:</p><ul class=\"keuzes\">",
            crate::text::INSIGHT_TITLE,
            escape(&i.name),
            i.dont_know,
            i.total,
            crate::text::DONT_KNOW_ANSWER
        );
        for (_, q) in &i.indicators {
            let _ = writeln!(out, "<li>{}</li>", escape(q));
        }
        let _ = writeln!(
            out,
            "</ul><p class=\"kernvraag\">{}</p></div>",
            escape(&i.prompt)
        );
    }
    out.push_str("</section>\n");
}

/// Every indicator with its answer, per condition.
fn answers(out: &mut String, doc: &SessionDoc) {
    if doc.answers.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"antwoorden\">\n<h2>{}</h2>",
        crate::text::ANSWERS_TITLE
    );
    for b in &doc.answers {
        let _ = writeln!(
            out,
            "<h3>{} · {} <span class=\"uitleg\">({})</span></h3>",
            escape(&b.condition),
            fmt_opt_score(b.score),
            escape(&b.answered)
        );
        let header = vec!["Indicator".to_string(), "Antwoord".to_string()];
        let rows: Vec<Vec<String>> = b
            .rows
            .iter()
            .map(|(q, a)| vec![q.clone(), a.clone()])
            .collect();
        table(out, "indicatoren", &header, &[false, false], &rows);
    }
    out.push_str("</section>\n");
}

/// The afspraken table.
fn actions(out: &mut String, doc: &SessionDoc) {
    if !doc.actions.is_empty() {
        out.push_str("<section class=\"acties\">\n<h2>Acties en afspraken</h2>\n");
        let header: Vec<String> = ["Wat", "Wie", "Wanneer", "Over", "Gedaan"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let rows: Vec<Vec<String>> = doc
            .actions
            .iter()
            .map(|a| {
                vec![
                    a.what.clone(),
                    a.who.clone(),
                    a.when.clone(),
                    a.about.clone(),
                    if a.done { "ja" } else { "nee" }.to_string(),
                ]
            })
            .collect();
        table(out, "actietabel", &header, &[false; 5], &rows);
        out.push_str("</section>\n");
    }
}

/// The HTML group report.
pub fn group(doc: &GroupDoc) -> String {
    let g = doc.group;
    let mut out = String::with_capacity(32 * 1024);
    head(
        &mut out,
        &format!("{} — groepsrapport — kansrijk", doc.samenwerking),
    );
    out.push_str("<header class=\"kop\">\n");
    text_p(
        &mut out,
        "bovenregel",
        "kansrijk · Handreiking Effectief Samenwerken",
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.samenwerking));
    text_p(&mut out, "ondertitel", "Groepsrapport van de quick scan");
    meta(
        &mut out,
        &[
            ("Samenwerking", doc.samenwerking.clone()),
            ("Respondenten", g.count.to_string()),
            ("Namen", super::names_note(g).to_string()),
        ],
    );
    out.push_str("</header>\n");
    if g.mixed {
        text_p(
            &mut out,
            "let-op",
            "Let op: niet alle sessies gaan over dezelfde samenwerking.",
        );
    }

    out.push_str("<section class=\"condities\">\n<h2>De vijf condities in de groep</h2>\n");
    let _ = writeln!(
        out,
        "<figure class=\"radar-figuur\">\n{}<figcaption>Eén lijn per respondent; de dikke stippellijn is het gemiddelde. 1 in het midden, 5 aan de rand.</figcaption>\n</figure>",
        svg::radar(&doc.radar, false)
    );
    let header: Vec<String> = [
        "Conditie",
        "Gemiddelde",
        "Min",
        "Max",
        "Verschil max–min",
        "Met score",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = g
        .conditions
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                fmt_opt_score(c.mean),
                fmt_opt_score(c.min),
                fmt_opt_score(c.max),
                match (c.min, c.max) {
                    (Some(a), Some(b)) => fmt_score(b - a),
                    _ => "–".to_string(),
                },
                format!("{} van {}", c.n, g.count),
            ]
        })
        .collect();
    table(
        &mut out,
        "scores",
        &header,
        &[false, true, true, true, true, true],
        &rows,
    );
    out.push_str("</section>\n");

    // Per respondent.
    if !g.aggregate {
        out.push_str("<section class=\"respondenten\">\n<h2>Per respondent</h2>\n");
        out.push_str("<table class=\"lang compact\">\n<thead><tr><th>Respondent</th>");
        if !g.anonymous {
            out.push_str("<th>Organisatie</th>");
        }
        out.push_str("<th>Datum</th>");
        for c in &g.conditions {
            let _ = write!(out, "<th class=\"getal\">{}</th>", escape(&c.short));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (i, r) in g.respondents.iter().enumerate() {
            let colour = svg::PALETTE[i % svg::PALETTE.len()];
            let _ = write!(
                out,
                "<tr><td><span class=\"kleur\" style=\"background: {colour}\"></span>{}</td>",
                escape(&r.label)
            );
            if !g.anonymous {
                let org = r.organisatie.as_str();
                let _ = write!(
                    out,
                    "<td>{}</td>",
                    escape(if org.is_empty() { "–" } else { org })
                );
            }
            let _ = write!(out, "<td class=\"datum\">{}</td>", escape(&r.date));
            for score in &r.scores {
                let _ = write!(out, "<td class=\"getal\">{}</td>", fmt_opt_score(*score));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    // Topics.
    out.push_str("<section class=\"gespreksonderwerpen\">\n<h2>Gespreksonderwerpen</h2>\n");
    out.push_str("<h3>Waar de antwoorden het verst uiteenlopen</h3>\n");
    if g.disagreements.is_empty() {
        text_p(
            &mut out,
            "",
            &format!(
                "Bij geen enkele indicator liggen de antwoorden {} of meer punten uiteen.",
                crate::group::DISAGREEMENT_MIN_SPREAD
            ),
        );
    } else {
        out.push_str("<ol class=\"onderwerpen\">\n");
        for i in &g.disagreements {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong><br/><span class=\"uitleg\">{}</span></li>",
                escape(&i.text),
                escape(&super::topic_detail(i))
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h3>Zwakke condities (gemiddelde onder 3,0)</h3>\n");
    if g.weak.is_empty() {
        text_p(
            &mut out,
            "",
            "Geen conditie heeft een gemiddelde onder 3,0.",
        );
    } else {
        flags(&mut out, &g.weak);
    }
    out.push_str("</section>\n");

    // All items.
    out.push_str("<section class=\"indicatoren\">\n<h2>Alle indicatoren</h2>\n");
    let header: Vec<String> = ["Indicator", "Gem.", "Spreiding", "Sd", "Antw.", "Weet niet"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut rows = Vec::new();
    for i in &g.items {
        rows.push(vec![
            format!("{}: {}", i.condition, i.text),
            fmt_opt_score(i.mean),
            crate::present::fmt_opt_spread(i.spread),
            fmt_opt_score(i.sd),
            i.n.to_string(),
            i.dont_know.to_string(),
        ]);
    }
    table(
        &mut out,
        "lang indicatoren",
        &header,
        &[false, true, true, true, true, true],
        &rows,
    );
    text_p(
        &mut out,
        "toelichting",
        "Spreiding: het hoogste min het laagste antwoord (1–5). Sd: standaardafwijking. Antw.: antwoorden 1–5; ‘weet ik niet’ telt daar niet in mee.",
    );
    out.push_str("</section>\n");

    let _ = writeln!(
        out,
        "<section class=\"per-indicator\">\n<h2>{}</h2>",
        crate::text::DRILL_TITLE
    );
    let (header, numeric, rows) = super::drill_table(g);
    table(&mut out, "lang compact", &header, &numeric, &rows);
    text_p(&mut out, "toelichting", super::drill_note(g));
    out.push_str("</section>\n");
    if !g.dilemmas.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"dilemma-posities\">\n<h2>{}</h2>",
            crate::text::POSITIONS_TITLE
        );
        let (header, numeric, rows) = super::positions_table(g);
        table(&mut out, "lang compact", &header, &numeric, &rows);
        text_p(&mut out, "toelichting", super::POSITIONS_NOTE);
        out.push_str("</section>\n");
    }
    foot(&mut out, &g.source, "");
    out
}
