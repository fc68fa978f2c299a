//! The report as Markdown: readable as plain text, and rendered well by any Markdown
//! viewer. The radar becomes a bar per condition in a text block. User text keeps its
//! own line breaks and lists; `<` is escaped so that no viewer takes it for HTML.

use super::{Entry, Flag, GroupDoc, InstrumentBody, SessionDoc, clean, clean_line, position_words};
use crate::{fmt_opt_score, fmt_score};
use std::fmt::Write;

/// User text for a Markdown body: cleaned, `<` and a leading `#` escaped.
fn text(t: &str) -> String {
    clean(t)
        .split('\n')
        .map(|line| {
            let escaped = line.replace('\\', "\\\\").replace('<', "\\<");
            if escaped.trim_start().starts_with('#') {
                format!("\\{}", escaped.trim_start())
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text for one line (a heading, a list label).
fn line(t: &str) -> String {
    clean_line(t).replace('\\', "\\\\").replace('<', "\\<")
}

/// Text for a table cell.
fn cell(t: &str) -> String {
    line(t).replace('|', "\\|")
}

/// A list item whose text may span several lines: continuation lines indented.
fn item(out: &mut String, label: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    let body = text(value.trim());
    let mut lines = body.split('\n');
    let first = lines.next().unwrap_or("");
    let _ = writeln!(out, "- **{}:** {first}", line(label));
    for l in lines {
        if l.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {l}");
        }
    }
}

fn paragraph(out: &mut String, t: &str) {
    let _ = writeln!(out, "{}\n", text(t.trim()));
}

fn table(out: &mut String, header: &[&str], right: &[bool], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(
        out,
        "|{}|",
        (0..header.len())
            .map(|i| if right.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            })
            .collect::<Vec<_>>()
            .join("|")
    );
    for row in rows {
        let _ = writeln!(
            out,
            "| {} |",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

/// A bar of 20 cells for a 0–5 score.
fn bar(score: Option<f64>) -> String {
    let filled = score
        .map(|s| ((s / 5.0).clamp(0.0, 1.0) * 20.0).round() as usize)
        .unwrap_or(0);
    format!("{}{}", "█".repeat(filled), "░".repeat(20 - filled))
}

/// Seven points with the chosen one filled: `○──○──●──○…`.
fn scale(position: Option<i8>) -> String {
    (0..7i8)
        .map(|i| {
            if position.is_some_and(|p| p + 3 == i) {
                "●"
            } else {
                "○"
            }
        })
        .collect::<Vec<_>>()
        .join("──")
}

fn poles(out: &mut String, left: &str, right: &str, position: Option<i8>) {
    let words = match position {
        Some(p) => format!(
            "positie {} van 7, {}",
            p + 4,
            position_words(p, left, right)
        ),
        None => "nog niet geplaatst".to_string(),
    };
    let _ = writeln!(
        out,
        "{} `{}` {} — {}\n",
        line(left),
        scale(position),
        line(right),
        line(&words)
    );
}

fn flags(out: &mut String, flags: &[Flag]) {
    for f in flags {
        let _ = writeln!(
            out,
            "> **{} · {}** — {}\n",
            line(&f.name),
            fmt_score(f.score),
            line(&f.risk)
        );
    }
}

fn entries(out: &mut String, level: &str, items: &[Entry]) {
    for e in items {
        let _ = writeln!(out, "{level} {}\n", line(&e.title));
        paragraph(out, &e.text);
    }
}

fn footer(out: &mut String, source: &str) {
    let _ = writeln!(
        out,
        "---\n\n*Gemaakt met kansrijk {}, werkboek bij de Handreiking Effectief Samenwerken \
         (NVZD met Common Eye, 2024). Quick scan naar {}: per conditie het gemiddelde van de \
         antwoorden 1 (helemaal niet) tot 5 (volledig); ‘weet ik niet’ telt niet mee; onder \
         3,0 is een aandachtspunt.*",
        env!("CARGO_PKG_VERSION"),
        line(source)
    );
}

/// The Markdown report of one session.
pub fn session(doc: &SessionDoc) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", line(&doc.samenwerking));
    let _ = writeln!(out, "*{} — kansrijk*\n", doc.kind());
    let dash = |s: &str| {
        if s.is_empty() {
            "–".to_string()
        } else {
            line(s)
        }
    };
    let _ = writeln!(out, "- **Bestuurder:** {}", dash(&doc.bestuurder));
    let _ = writeln!(out, "- **Organisatie:** {}", dash(&doc.organisatie));
    let _ = writeln!(out, "- **Samenwerking:** {}", dash(&doc.samenwerking));
    let _ = writeln!(out, "- **Modus:** {}", doc.mode);
    let _ = writeln!(out, "- **Datum:** {}", doc.date);
    let _ = writeln!(
        out,
        "- **Quick scan ingevuld:** {}",
        crate::text::progress(doc.answered, doc.total)
    );
    if let Some(d) = &doc.previous_date {
        let _ = writeln!(out, "- **Vergeleken met:** sessie van {d}");
    }
    if let Some(n) = doc.group_size {
        let _ = writeln!(out, "- **Groep:** {n} respondenten");
    }
    out.push('\n');
    summary(&mut out, doc);
    out.push_str("## De vijf condities\n\n");
    let has_prev = doc.previous_date.is_some();
    let has_group = doc.group_size.is_some();
    let mut header = vec!["Conditie", "Score", "Ingevuld"];
    let mut right = vec![false, true, true];
    if has_prev {
        header.extend(["Vorige", "Verschil"]);
        right.extend([true, true]);
    }
    if has_group {
        header.extend(["Groep gem.", "Groep min–max"]);
        right.extend([true, true]);
    }
    header.push("Signaal");
    right.push(false);
    let rows: Vec<Vec<String>> = doc
        .scores
        .iter()
        .map(|s| {
            let mut row = vec![s.name.clone(), fmt_opt_score(s.score), s.filled()];
            if has_prev {
                row.push(fmt_opt_score(s.previous));
                row.push(crate::present::fmt_opt_delta(s.delta));
            }
            if has_group {
                let (mean, min, max) = s.group.unwrap_or((None, None, None));
                row.push(fmt_opt_score(mean));
                row.push(match (min, max) {
                    (Some(a), Some(b)) => format!("{}–{}", fmt_score(a), fmt_score(b)),
                    _ => "–".to_string(),
                });
            }
            row.push(if s.flagged { "aandachtspunt" } else { "" }.to_string());
            row
        })
        .collect();
    table(&mut out, &header, &right, &rows);
    out.push_str("```text\n");
    let width = doc
        .scores
        .iter()
        .map(|s| s.short.chars().count())
        .max()
        .unwrap_or(0);
    for s in &doc.scores {
        let _ = write!(
            out,
            "{:<width$}  {}  {:>3}",
            s.short,
            bar(s.score),
            fmt_opt_score(s.score)
        );
        if has_prev {
            let _ = write!(
                out,
                "  (vorige {}, {})",
                fmt_opt_score(s.previous),
                crate::present::fmt_opt_delta(s.delta)
            );
        }
        if let Some((Some(mean), _, _)) = s.group {
            let _ = write!(out, "  (groep {})", fmt_score(mean));
        }
        out.push('\n');
    }
    out.push_str("```\n\n");
    out.push_str(
        "Score: het gemiddelde van de antwoorden 1–5 per conditie; ‘weet ik niet’ telt niet mee. \
         Een score onder 3,0 is een aandachtspunt.\n\n",
    );

    advice(&mut out, doc);
    if doc.rvt {
        actions(&mut out, doc);
    }
    answers(&mut out, doc);
    if !doc.notes.is_empty() {
        out.push_str("## Notities per conditie\n\n");
        entries(&mut out, "###", &doc.notes);
    }
    if !doc.reflections.is_empty() || !doc.other_reflections.is_empty() {
        out.push_str("## Reflecties\n\n");
        for p in &doc.reflections {
            let _ = writeln!(out, "### {}\n", line(&p.name));
            for t in &p.themes {
                let _ = writeln!(out, "#### {}\n", line(&t.title));
                let _ = writeln!(out, "*{}*\n", line(&t.question));
                for a in &t.answers {
                    let _ = writeln!(out, "**{}**\n", line(&a.title));
                    paragraph(&mut out, &a.text);
                }
            }
        }
        if !doc.other_reflections.is_empty() {
            out.push_str("### Overige reflecties\n\n");
            entries(&mut out, "####", &doc.other_reflections);
        }
    }
    if !doc.dilemmas.is_empty() {
        out.push_str("## Dilemma’s\n\n");
        for d in &doc.dilemmas {
            let _ = writeln!(out, "### {}\n", line(&d.title));
            let _ = writeln!(out, "*Spanning: {}*\n", line(&d.tension));
            poles(&mut out, &d.left, &d.right, d.position);
            item(&mut out, "Strategie", d.strategy.as_deref().unwrap_or(""));
            item(
                &mut out,
                &format!("Wat trekt naar ‘{}’", d.left),
                &d.pull_left,
            );
            item(
                &mut out,
                &format!("Wat trekt naar ‘{}’", d.right),
                &d.pull_right,
            );
            item(&mut out, "Volgende stap", &d.next_step);
            item(&mut out, "Notitie", &d.note);
            out.push('\n');
        }
    }
    if !doc.instruments.is_empty() {
        out.push_str("## Instrumenten\n\n");
        for inst in &doc.instruments {
            let _ = writeln!(out, "### {}\n", line(&inst.name));
            let _ = writeln!(out, "*{}*\n", line(&inst.source));
            match &inst.body {
                InstrumentBody::Choices(choices) if !choices.is_empty() => {
                    for (label, t) in choices {
                        if t.is_empty() {
                            let _ = writeln!(out, "- **{}**", line(label));
                        } else {
                            let _ = writeln!(out, "- **{}** — {}", line(label), line(t));
                        }
                    }
                    out.push('\n');
                }
                InstrumentBody::Table { header, rows } if !rows.is_empty() => {
                    let h: Vec<&str> = header.iter().map(String::as_str).collect();
                    table(&mut out, &h, &[], rows);
                }
                InstrumentBody::Sliders(sliders) => {
                    for s in sliders {
                        out.push_str("- ");
                        poles(&mut out, &s.left, &s.right, Some(s.position));
                    }
                }
                _ => {}
            }
            item(&mut out, "Toelichting", &inst.note);
            out.push('\n');
        }
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
        out.push_str(&format!("## {}\n\n*{}.*\n\n", words.heading, words.kicker));
        if notes.is_empty() {
            out.push_str(&format!("{}\n\n", words.none));
        }
        entries(&mut out, "###", notes);
    }
    footer(&mut out, &doc.source);
    out
}

/// The "Samenvatting": the five scores, the weakest conditions, the open afspraken.
fn summary(out: &mut String, doc: &SessionDoc) {
    let t = &doc.summary;
    let _ = writeln!(out, "## {}\n", crate::text::SUMMARY_TITLE);
    let scores = t
        .scores
        .iter()
        .map(|(name, score, filled)| format!("{} {} ({filled})", line(name), fmt_opt_score(*score)))
        .collect::<Vec<_>>()
        .join(" · ");
    let _ = writeln!(out, "- **Scores (1–5):** {scores}");
    let weakest = if t.weakest.is_empty() {
        crate::text::ADVICE_NONE.to_string()
    } else {
        line(&t.weakest.join(", "))
    };
    let _ = writeln!(out, "- **{}:** {weakest}", crate::text::SUMMARY_WEAKEST);
    if t.open.is_empty() {
        let _ = writeln!(
            out,
            "- **{} (0):** {}",
            crate::text::SUMMARY_OPEN,
            crate::text::SUMMARY_NO_OPEN
        );
    } else {
        let _ = writeln!(
            out,
            "- **{} ({}):**",
            crate::text::SUMMARY_OPEN,
            t.open.len()
        );
        for a in &t.open {
            let _ = writeln!(out, "  - {}", line(a));
        }
    }
    out.push('\n');
}

/// The aandachtspunten with what the handreiking offers, then "hier is zicht nodig".
fn advice(out: &mut String, doc: &SessionDoc) {
    if doc.advice.is_empty() && doc.insight.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", crate::text::ADVICE_TITLE);
    if !doc.advice.is_empty() {
        let _ = writeln!(out, "{}\n", crate::text::ADVICE_INTRO);
    }
    for a in &doc.advice {
        let _ = writeln!(out, "### {} · {}\n", line(&a.name), fmt_score(a.score));
        if let Some(f) = doc.flags.iter().find(|f| f.name == a.name) {
            let _ = writeln!(out, "{}\n", line(&f.risk));
        }
        if doc.rvt {
            if !a.items.is_empty() {
                let list = a
                    .items
                    .iter()
                    .map(|i| format!("{}: {}", i.kind.label(), line(&i.title)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let _ = writeln!(out, "*In de handreiking:* {list}\n");
            }
            continue;
        }
        for i in &a.items {
            let _ = writeln!(
                out,
                "- **{}: {}** — {}",
                i.kind.label(),
                line(&i.title),
                line(&i.why)
            );
        }
        let _ = writeln!(
            out,
            "\n*{}: {}*\n",
            crate::text::ADVICE_PROMPT,
            line(&a.prompt)
        );
    }
    for i in &doc.insight {
        let _ = writeln!(
            out,
            "### {}: {}\n\n{} van de {} indicatoren beantwoord met ‘{}’:\n",
            crate::text::INSIGHT_TITLE,
            line(&i.name),
            i.dont_know,
            i.total,
            crate::text::DONT_KNOW_ANSWER
        );
        for (_, q) in &i.indicators {
            let _ = writeln!(out, "- {}", line(q));
        }
        let _ = writeln!(out, "\n*{}*\n", line(&i.prompt));
    }
}

/// Every indicator with its answer, per condition.
fn answers(out: &mut String, doc: &SessionDoc) {
    if doc.answers.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", crate::text::ANSWERS_TITLE);
    for b in &doc.answers {
        let _ = writeln!(
            out,
            "### {} · {} ({})\n",
            line(&b.condition),
            fmt_opt_score(b.score),
            b.answered
        );
        let rows: Vec<Vec<String>> = b
            .rows
            .iter()
            .map(|(q, a)| vec![q.clone(), a.clone()])
            .collect();
        table(out, &["Indicator", "Antwoord"], &[], &rows);
    }
}

/// The afspraken table.
fn actions(out: &mut String, doc: &SessionDoc) {
    if !doc.actions.is_empty() {
        out.push_str("## Acties en afspraken\n\n");
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
        table(
            out,
            &["Wat", "Wie", "Wanneer", "Over", "Gedaan"],
            &[],
            &rows,
        );
    }
}

/// The Markdown group report.
pub fn group(doc: &GroupDoc) -> String {
    let g = doc.group;
    let n = g.count;
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", line(&doc.samenwerking));
    out.push_str("*Groepsrapport van de quick scan — kansrijk*\n\n");
    let _ = writeln!(out, "- **Respondenten:** {n}");
    let _ = writeln!(out, "- **Namen:** {}\n", super::names_note(g));
    if g.mixed {
        out.push_str("> **Let op:** niet alle sessies gaan over dezelfde samenwerking.\n\n");
    }
    out.push_str("## De vijf condities in de groep\n\n");
    let rows: Vec<Vec<String>> = g
        .conditions
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                fmt_opt_score(c.mean),
                fmt_opt_score(c.min),
                fmt_opt_score(c.max),
                format!("{} van {n}", c.n),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Conditie", "Gemiddelde", "Min", "Max", "Met score"],
        &[false, true, true, true, true],
        &rows,
    );
    out.push_str("```text\n");
    let width = g
        .conditions
        .iter()
        .map(|c| c.short.chars().count())
        .max()
        .unwrap_or(0);
    for c in &g.conditions {
        let _ = writeln!(
            out,
            "{:<width$}  {}  gem. {:>3}  ({}–{})",
            c.short,
            bar(c.mean),
            fmt_opt_score(c.mean),
            fmt_opt_score(c.min),
            fmt_opt_score(c.max)
        );
    }
    out.push_str("```\n\n");
    if !g.aggregate {
        out.push_str("## Per respondent\n\n");
        let mut header: Vec<&str> = vec!["Respondent"];
        if !g.anonymous {
            header.push("Organisatie");
        }
        header.push("Datum");
        header.extend(g.conditions.iter().map(|c| c.short.as_str()));
        let mut right = vec![false; if g.anonymous { 2 } else { 3 }];
        right.extend(g.conditions.iter().map(|_| true));
        let rows: Vec<Vec<String>> = g
            .respondents
            .iter()
            .map(|r| {
                let mut row = vec![clean_line(&r.label)];
                if !g.anonymous {
                    row.push(if r.organisatie.is_empty() {
                        "–".to_string()
                    } else {
                        clean_line(&r.organisatie)
                    });
                }
                row.push(r.date.clone());
                row.extend(r.scores.iter().map(|s| fmt_opt_score(*s)));
                row
            })
            .collect();
        table(&mut out, &header, &right, &rows);
    }

    out.push_str("## Gespreksonderwerpen\n\n### Waar de antwoorden het verst uiteenlopen\n\n");
    if g.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "Bij geen enkele indicator liggen de antwoorden {} of meer punten uiteen.\n",
            crate::group::DISAGREEMENT_MIN_SPREAD
        );
    } else {
        for (k, i) in g.disagreements.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. **{}**  \n   {}",
                k + 1,
                line(&i.text),
                line(&super::topic_detail(i))
            );
        }
        out.push('\n');
    }
    out.push_str("### Zwakke condities (gemiddelde onder 3,0)\n\n");
    if g.weak.is_empty() {
        out.push_str("Geen conditie heeft een gemiddelde onder 3,0.\n\n");
    } else {
        flags(&mut out, &g.weak);
    }
    out.push_str("## Alle indicatoren\n\n");
    let rows: Vec<Vec<String>> = g
        .items
        .iter()
        .map(|i| {
            vec![
                format!("{}: {}", i.condition, i.text),
                fmt_opt_score(i.mean),
                crate::present::fmt_opt_spread(i.spread),
                fmt_opt_score(i.sd),
                i.n.to_string(),
                i.dont_know.to_string(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Indicator",
            "Gem.",
            "Spreiding",
            "Sd",
            "Antwoorden",
            "Weet niet",
        ],
        &[false, true, true, true, true, true],
        &rows,
    );
    out.push_str(
        "Spreiding: het hoogste min het laagste antwoord (1–5). Sd: standaardafwijking. \
         ‘Weet ik niet’ telt niet mee.\n\n",
    );
    let _ = writeln!(out, "## {}\n", crate::text::DRILL_TITLE);
    let (header, right, rows) = super::drill_table(g);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(&mut out, &header, &right, &rows);
    let _ = writeln!(out, "{}\n", super::drill_note(g));
    if !g.dilemmas.is_empty() {
        let _ = writeln!(out, "## {}\n", crate::text::POSITIONS_TITLE);
        let (header, right, rows) = super::positions_table(g);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        table(&mut out, &header, &right, &rows);
        let _ = writeln!(out, "{}\n", super::POSITIONS_NOTE);
    }
    footer(&mut out, &g.source);
    out
}
