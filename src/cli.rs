//! The command line: Dutch help, the sessions folder, and the subcommands that need no
//! terminal UI (new, list, show).

use crate::content::Content;
use crate::scan;
use crate::session::{Mode, Session};
use crate::store::{self, ListEntry, StoreError};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

const AFTER_HELP: &str = "\
Sessies staan standaard in de gegevensmap van uw systeem (onder Linux
~/.local/share/kansrijk/sessies). Kies een andere map met --dir of met de
omgevingsvariabele KANSRIJK_DIR. Elke sessie is één .ron-bestand dat alleen
u kunt lezen; kansrijk gebruikt geen netwerk.
Verwijderen: kansrijk verwijder BESTAND verplaatst een sessie naar de submap
prullenbak van de sessiemap; kansrijk herstel zet haar terug. Voorgoed
verwijderen: verwijder het bestand uit die prullenbak.";

/// kansrijk — werkboek voor effectief samenwerken (Handreiking Effectief Samenwerken)
#[derive(Debug, Parser)]
#[command(
    name = "kansrijk",
    version,
    override_usage = "kansrijk [OPTIES] [OPDRACHT]",
    about = "kansrijk — werkboek voor bestuurders over effectief samenwerken in allianties en netwerken.\nZonder opdracht opent het startscherm.",
    help_template = TEMPLATE,
    after_help = AFTER_HELP,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Opdrachten",
    next_help_heading = "Opties"
)]
pub struct Cli {
    /// Map met sessies (anders KANSRIJK_DIR of de standaardmap)
    #[arg(long, global = true, env = "KANSRIJK_DIR", value_name = "MAP")]
    pub dir: Option<PathBuf>,

    /// Eigen inhoud (RON-bestanden) die de ingebouwde handreiking aanvult of vervangt
    #[arg(long, global = true, value_name = "MAP")]
    pub inhoud: Option<PathBuf>,

    /// Toon deze hulp
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Toon het versienummer
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open een sessiebestand in het werkboek
    #[command(help_template = TEMPLATE, next_help_heading = "Opties", override_usage = "kansrijk open BESTAND [OPTIES]")]
    Open {
        /// Het sessiebestand (.ron)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Maak een nieuwe sessie; de laatste regel van de uitvoer is het pad
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk new --bestuurder NAAM --samenwerking NAAM [OPTIES]"
    )]
    New {
        /// Naam van de bestuurder
        #[arg(long, value_name = "NAAM")]
        bestuurder: String,
        /// Naam van de samenwerking
        #[arg(long, value_name = "NAAM")]
        samenwerking: String,
        /// Organisatie van de bestuurder
        #[arg(long, value_name = "NAAM", default_value = "")]
        organisatie: String,
        /// Zelfreflectie of coachgesprek
        #[arg(
            long,
            value_enum,
            default_value = "zelfreflectie",
            value_name = "MODUS"
        )]
        modus: ModeArg,
    },
    /// Toon alle sessies in de map (ook onleesbare bestanden)
    #[command(help_template = TEMPLATE, next_help_heading = "Opties", override_usage = "kansrijk list [OPTIES]")]
    List,
    /// Toon de scores van een sessie
    #[command(help_template = TEMPLATE, next_help_heading = "Opties", override_usage = "kansrijk show BESTAND [--json] [OPTIES]")]
    Show {
        /// Het sessiebestand (.ron)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Uitvoer als JSON
        #[arg(long)]
        json: bool,
    },
    /// Maak een rapport van een sessie; de laatste regel van de uitvoer is het pad
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk export BESTAND [--formaat md|html|svg] [-o UIT] [--overschrijf] [--vorige BESTAND] [--met-notities] [--rvt [--met ONDERDELEN]]"
    )]
    Export {
        /// Het sessiebestand (.ron)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// md (Markdown), html (één los bestand, af te drukken op A4; standaard) of svg (alleen
        /// de radar)
        #[arg(
            long,
            value_enum,
            default_value = "html",
            value_name = "FORMAAT",
            hide_default_value = true,
            hide_possible_values = true
        )]
        formaat: FormatArg,
        /// Het rapportbestand (anders naast de sessie, met .md, .html of .svg)
        #[arg(short = 'o', long = "uitvoer", value_name = "UIT")]
        out: Option<PathBuf>,
        /// Een eerdere sessie: over de radar gelegd, met het verschil per conditie
        #[arg(long, value_name = "BESTAND")]
        vorige: Option<PathBuf>,
        /// Neem de privé-notities van de coach op (anders staan ze niet in het bestand)
        #[arg(long = "met-notities")]
        met_notities: bool,
        /// De versie voor de Raad van Toezicht: samenvatting, scores, aandachtspunten en
        /// afspraken, op hooguit twee A4'tjes
        #[arg(long)]
        rvt: bool,
        /// Voeg aan de RvT-versie toe: reflecties, dilemmas, instrumenten, antwoorden,
        /// notities (met komma's ertussen)
        #[arg(long, value_name = "ONDERDELEN", requires = "rvt")]
        met: Option<String>,
        /// Vervang een bestaand bestand UIT (anders weigert kansrijk)
        #[arg(long)]
        overschrijf: bool,
    },
    /// Vergelijk de quick scans van de respondenten van één samenwerking
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk compare BESTAND… [--json] [--export md|html|svg] [-o UIT] [--overschrijf] [--anoniem] [--alleen-groep]\n       kansrijk compare --samenwerking NAAM [OPTIES]"
    )]
    Compare {
        /// De sessiebestanden (.ron), één per respondent
        #[arg(value_name = "BESTAND", required_unless_present = "samenwerking")]
        files: Vec<PathBuf>,
        /// Neem alle sessies over deze samenwerking uit de sessiemap en haar groepsmap
        #[arg(long, value_name = "NAAM", conflicts_with = "files")]
        samenwerking: Option<String>,
        /// Uitvoer als JSON
        #[arg(long, conflicts_with = "export")]
        json: bool,
        /// Schrijf een groepsrapport: md, html of svg (alleen de radar)
        #[arg(long, value_enum, value_name = "FORMAAT", hide_possible_values = true)]
        export: Option<FormatArg>,
        /// Het rapportbestand (anders naast de eerste sessie: groep-<samenwerking>.<formaat>)
        #[arg(short = 'o', long = "uitvoer", value_name = "UIT", requires = "export")]
        out: Option<PathBuf>,
        /// Noem de respondenten R1…Rn in plaats van bij naam
        #[arg(long)]
        anoniem: bool,
        /// Alleen groepscijfers: geen rij, naam, nummer of datum per respondent
        #[arg(long = "alleen-groep")]
        alleen_groep: bool,
        /// Vervang een bestaand bestand UIT (anders weigert kansrijk)
        #[arg(long, requires = "export")]
        overschrijf: bool,
    },
    /// Neem sessiebestanden van partners op in de groepsmap van hun samenwerking
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk import BESTAND|MAP|PATROON… [--dir MAP]",
        after_help = "Een map importeert elk .ron-bestand erin; een patroon met * of ?\n\
                      (tussen aanhalingstekens) elk bestand dat erop past."
    )]
    Import {
        /// Sessiebestanden (.ron), mappen of patronen; de originelen blijven onaangeroerd
        #[arg(value_name = "BESTAND", required = true)]
        files: Vec<PathBuf>,
    },
    /// Werk met eigen inhoud: controleer een map met RON-bestanden
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk inhoud check MAP",
        subcommand_help_heading = "Opdrachten"
    )]
    Inhoud {
        #[command(subcommand)]
        action: InhoudCommand,
    },
    /// Verplaats een sessie naar de prullenbak (terug te zetten met herstel)
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk verwijder BESTAND [OPTIES]",
        after_help = "De sessie gaat naar de submap prullenbak van haar map. Voorgoed\n\
                      verwijderen: verwijder het bestand uit die prullenbak."
    )]
    Verwijder {
        /// Het sessiebestand (.ron)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Zet een sessie terug uit de prullenbak; zonder NAAM: toon wat erin staat
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk herstel [NAAM] [OPTIES]"
    )]
    Herstel {
        /// De naam van het bestand in de prullenbak (met of zonder .ron)
        #[arg(value_name = "NAAM")]
        name: Option<String>,
    },
}

/// `kansrijk inhoud …`
#[derive(Debug, Subcommand)]
pub enum InhoudCommand {
    /// Controleer een map met eigen inhoud zonder het werkboek te starten
    #[command(
        help_template = TEMPLATE,
        next_help_heading = "Opties",
        override_usage = "kansrijk inhoud check MAP"
    )]
    Check {
        /// De map met scan.ron, handreiking.ron en/of instruments.ron
        #[arg(value_name = "MAP")]
        dir: PathBuf,
    },
}

/// `kansrijk inhoud check DIR`: validates a folder of the coach's own content.
pub fn check_content(out: &mut impl Write, dir: &Path) -> anyhow::Result<()> {
    let content = Content::with_overrides(dir)?;
    let themes: usize = content
        .handreiking
        .perspectives
        .iter()
        .map(|p| p.themes.len())
        .sum();
    let dilemmas: usize = content
        .handreiking
        .tensions
        .iter()
        .map(|t| t.dilemmas.len())
        .sum();
    writeln!(
        out,
        "In orde: {} samen met de ingebouwde inhoud geeft {} thema's, {} dilemma's en {} instrumenten.",
        dir.display(),
        themes,
        dilemmas,
        content.instruments.len()
    )?;
    Ok(())
}

/// `--formaat` / `--export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Svg,
}

impl From<FormatArg> for crate::report::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Md => crate::report::Format::Markdown,
            FormatArg::Html => crate::report::Format::Html,
            FormatArg::Svg => crate::report::Format::Svg,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Zelfreflectie,
    Coachgesprek,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Zelfreflectie => Mode::Zelfreflectie,
            ModeArg::Coachgesprek => Mode::Coachgesprek,
        }
    }
}

/// The sessions folder: `--dir`, `KANSRIJK_DIR`, or the platform data dir.
pub fn sessions_dir(arg: Option<&Path>) -> PathBuf {
    if let Some(dir) = arg {
        return dir.to_path_buf();
    }
    directories::ProjectDirs::from("nl", "kansrijk", "kansrijk")
        .map(|p| p.data_dir().join("sessies"))
        .unwrap_or_else(|| PathBuf::from("kansrijk-sessies"))
}

/// A FILE argument: as given, or inside the sessions folder when only a name is given.
pub fn resolve_file(file: &Path, dir: &Path) -> PathBuf {
    if file.exists() || file.is_absolute() {
        file.to_path_buf()
    } else {
        let inside = dir.join(file);
        if inside.exists() {
            inside
        } else {
            file.to_path_buf()
        }
    }
}

/// `kansrijk new`: creates the session and prints its path last.
pub fn new(
    out: &mut impl Write,
    dir: &Path,
    bestuurder: &str,
    organisatie: &str,
    samenwerking: &str,
    mode: Mode,
) -> anyhow::Result<PathBuf> {
    if bestuurder.trim().is_empty() || samenwerking.trim().is_empty() {
        anyhow::bail!("--bestuurder en --samenwerking mogen niet leeg zijn");
    }
    let session = Session::new(
        bestuurder,
        organisatie,
        samenwerking,
        mode,
        jiff::Timestamp::now(),
    );
    let path = store::create(dir, &session)?;
    writeln!(
        out,
        "Nieuwe sessie aangemaakt voor {} over {}.",
        crate::text::safe(&session.bestuurder),
        crate::text::safe(&session.samenwerking)
    )?;
    writeln!(out, "{}", path.display())?;
    Ok(path)
}

/// `kansrijk list`: one line per session; unreadable files named with the reason.
pub fn list(out: &mut impl Write, content: &Content, dir: &Path) -> anyhow::Result<()> {
    // One write for the whole list, not one per line (stdout is line-buffered).
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    list_into(&mut out, content, dir)?;
    out.flush()?;
    Ok(())
}

fn list_into(out: &mut impl Write, content: &Content, dir: &Path) -> anyhow::Result<()> {
    let entries = store::list(dir)?;
    if entries.is_empty() {
        writeln!(out, "Geen sessies in {}.", dir.display())?;
        return Ok(());
    }
    for entry in entries {
        match entry {
            ListEntry::Session { path, header } => {
                let result = scan::score(&content.scan, &header.answers);
                let scores: Vec<String> = content
                    .scan
                    .conditions
                    .iter()
                    .zip(&result.conditions)
                    .map(|(c, cs)| format!("{} {}", c.short, crate::fmt_opt_score(cs.score)))
                    .collect();
                let date = crate::present::short_date(header.updated);
                writeln!(
                    out,
                    "{} · {} · {} · {}/{} · {} · {}",
                    crate::text::safe(&header.bestuurder),
                    crate::text::safe(&header.samenwerking),
                    date,
                    result.answered(),
                    result.total(),
                    scores.join(" "),
                    shown(&path)
                )?;
            }
            ListEntry::Unreadable { path, reason } => {
                writeln!(
                    out,
                    "ONLEESBAAR · {} · {}",
                    shown(&path),
                    crate::text::safe(&reason)
                )?;
            }
        }
    }
    Ok(())
}

/// `kansrijk show`: the five scores, as text or as JSON.
pub fn show(
    out: &mut impl Write,
    content: &Content,
    file: &Path,
    json: bool,
) -> Result<(), ShowError> {
    let session = store::load(file).map_err(ShowError::Store)?;
    let view = crate::present::SessionView::build(content, &session, None);
    if json {
        serde_json::to_writer(&mut *out, &view.to_json()).map_err(|e| ShowError::Io(e.into()))?;
        writeln!(out).map_err(ShowError::Io)?;
        return Ok(());
    }
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(ShowError::Io);
    w(
        out,
        format!(
            "{} · {} · {}",
            crate::text::safe(&view.bestuurder),
            crate::text::safe(&view.samenwerking),
            view.mode
        ),
    )?;
    for c in &view.conditions {
        let flag = if c.flagged { "  ! zwak" } else { "" };
        w(
            out,
            format!(
                "{:<20} {:>4}  ({}){flag}",
                c.name,
                crate::fmt_opt_score(c.score),
                crate::present::fmt_answered(c.answered, c.dont_know, c.total)
            ),
        )?;
    }
    w(
        out,
        format!(
            "Ingevuld: {}",
            crate::text::progress(view.answered, view.total)
        ),
    )?;
    show_advice(out, &view).map_err(ShowError::Io)?;
    Ok(())
}

/// The advice and the "hier is zicht nodig" of `show`, after the scores.
fn show_advice(out: &mut dyn Write, view: &crate::present::SessionView) -> std::io::Result<()> {
    use crate::text;
    if !view.advice.is_empty() {
        writeln!(out, "\n{}", text::ADVICE_TITLE)?;
        for a in &view.advice {
            writeln!(out, "{} {}", a.name, crate::fmt_score(a.score))?;
            for i in &a.items {
                writeln!(out, "  {}: {} — {}", i.kind.label(), i.title, i.why)?;
            }
            writeln!(out, "  {}: {}", text::ADVICE_PROMPT, a.prompt)?;
        }
    }
    for i in &view.insight {
        writeln!(
            out,
            "\n{}: {} ({} van {} {})",
            text::INSIGHT_TITLE,
            i.name,
            i.dont_know,
            i.total,
            text::DONT_KNOW_ANSWER
        )?;
        for (_, question) in &i.indicators {
            writeln!(out, "  - {question}")?;
        }
        writeln!(out, "  {}", i.prompt)?;
    }
    Ok(())
}

/// Why `show` failed.
#[derive(Debug, thiserror::Error)]
pub enum ShowError {
    #[error("{0}")]
    Store(StoreError),
    #[error("kan niet schrijven: {0}")]
    Io(std::io::Error),
}

/// Loads a session for a report; the error names the file, line and column.
fn load_for_report(file: &Path) -> anyhow::Result<Session> {
    store::load(file).map_err(anyhow::Error::from)
}

pub use crate::report::Output;

fn format_name(format: crate::report::Format) -> &'static str {
    match format {
        crate::report::Format::Markdown => "Markdown",
        crate::report::Format::Html => "HTML",
        crate::report::Format::Svg => "SVG (radar)",
    }
}

/// `kansrijk export`: writes a report of `file` and prints its path last.
pub fn export(
    out: &mut impl Write,
    content: &Content,
    file: &Path,
    format: crate::report::Format,
    target: Output<'_>,
    previous: Option<&Path>,
    version: crate::report::Version,
) -> anyhow::Result<PathBuf> {
    let previous_session = previous.map(load_for_report).transpose()?;
    let written = crate::report::export_version(
        content,
        file,
        format,
        target,
        previous.zip(previous_session.as_ref()),
        version,
    )?;
    let with_notes = crate::report::notes_included(&written.session, version);
    let own = written.session.mode == crate::session::Mode::Zelfreflectie;
    let notes = match format {
        crate::report::Format::Svg => String::new(),
        _ => format!(", {}", crate::text::notes_in_report(own, with_notes)),
    };
    writeln!(
        out,
        "{} ({}{notes}) van {} over {}:",
        if version.rvt {
            "RvT-versie van het rapport"
        } else {
            "Rapport"
        },
        format_name(format),
        crate::text::safe(&written.session.bestuurder),
        crate::text::safe(&written.session.samenwerking)
    )?;
    writeln!(out, "{}", written.path.display())?;
    Ok(written.path)
}

/// `kansrijk compare`: group statistics of several sessions, as a table, as JSON, or as a
/// group report. Who counts is decided by the one membership rule
/// ([`crate::group::membership`]), for given files as for `--samenwerking`.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    out: &mut impl Write,
    err: &mut impl Write,
    content: &Content,
    dir: &Path,
    files: &[PathBuf],
    samenwerking: Option<&str>,
    json: bool,
    export: Option<crate::report::Format>,
    target: Output<'_>,
    anonymous: bool,
    aggregate: bool,
) -> anyhow::Result<()> {
    let candidates: Vec<(PathBuf, Session)> = match samenwerking {
        Some(name) => {
            let found = crate::group::candidates(dir, name);
            if found.is_empty() {
                anyhow::bail!(
                    "geen leesbare sessies over ‘{}’ in {} of in haar groepsmap",
                    crate::text::safe(name),
                    dir.display()
                );
            }
            found
        }
        None => files
            .iter()
            .map(|f| load_for_report(f).map(|s| (f.clone(), s)))
            .collect::<anyhow::Result<_>>()?,
    };
    let borrowed: Vec<(&Path, &Session)> =
        candidates.iter().map(|(p, s)| (p.as_path(), s)).collect();
    if samenwerking.is_none() {
        for (copy, counted) in crate::group::membership(&borrowed).copies {
            writeln!(
                err,
                "Let op: {} is dezelfde sessie als {}; één keer meegeteld.",
                shown(&candidates[copy].0),
                shown(&candidates[counted].0)
            )?;
        }
    }
    let mut group = crate::present::Group::build(content, &borrowed, anonymous || aggregate);
    if aggregate {
        group = group.aggregate_only();
    }
    for left in &group.left_out {
        writeln!(
            err,
            "Let op: {}de sessie van {} telt niet mee; een latere sessie van dezelfde bestuurder ({}) wel.",
            left.file
                .as_deref()
                .map(|f| format!("{} — ", shown(f)))
                .unwrap_or_default(),
            left.date,
            left.instead
        )?;
    }
    if group.count < 2 {
        match samenwerking {
            Some(name) => anyhow::bail!(
                "over ‘{}’ telt maar één bestuurder mee; een groepsbeeld vraagt er minstens twee \
                 (importeer de sessies van partners met kansrijk import)",
                crate::text::safe(name)
            ),
            None => anyhow::bail!("geef minstens twee verschillende sessies om te vergelijken"),
        }
    }

    if json {
        serde_json::to_writer(&mut *out, &group.to_json())?;
        writeln!(out)?;
        return Ok(());
    }

    if let Some(format) = export {
        let inputs: Vec<&Path> = candidates.iter().map(|(p, _)| p.as_path()).collect();
        let output = crate::report::export_group(content, &group, &inputs, format, target)?;
        writeln!(
            out,
            "Groepsrapport ({}) van {} respondenten over {}{}:",
            format_name(format),
            group.count,
            crate::text::safe(&group.samenwerking),
            if aggregate {
                ", alleen groepscijfers"
            } else if anonymous {
                ", anoniem"
            } else {
                ""
            }
        )?;
        writeln!(out, "{}", output.display())?;
        return Ok(());
    }
    group_table(out, &group)?;
    Ok(())
}

/// The text of `kansrijk compare`: who, the conditions table, the gespreksonderwerpen and
/// every indicator by spread.
fn group_table(out: &mut impl Write, group: &crate::present::Group) -> std::io::Result<()> {
    use crate::fmt_opt_score as score;
    let safe = crate::text::safe;
    let n = group.count;
    writeln!(out, "{} — {n} respondenten", safe(&group.samenwerking))?;
    if group.mixed {
        writeln!(
            out,
            "Let op: niet alle sessies gaan over dezelfde samenwerking."
        )?;
    }
    if !group.anonymous {
        for r in &group.respondents {
            let file = r
                .file
                .as_deref()
                .and_then(Path::file_name)
                .map(|f| format!(", {}", shown(Path::new(f))))
                .unwrap_or_default();
            writeln!(
                out,
                "  {} = {} (sessie van {}{file})",
                r.number,
                safe(&r.label),
                r.date
            )?;
        }
    }
    writeln!(out)?;
    let width = group
        .conditions
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut header = format!(
        "{:<width$}  {:>5} {:>5} {:>5}",
        "Conditie", "gem.", "min", "max"
    );
    for r in &group.respondents {
        header.push_str(&format!(" {:>5}", r.number));
    }
    writeln!(out, "{header}")?;
    for (ci, c) in group.conditions.iter().enumerate() {
        let mut row = format!(
            "{:<width$}  {:>5} {:>5} {:>5}",
            c.name,
            score(c.mean),
            score(c.min),
            score(c.max)
        );
        for r in &group.respondents {
            row.push_str(&format!(
                " {:>5}",
                score(r.scores.get(ci).copied().flatten())
            ));
        }
        if c.weak {
            row.push_str("  ! zwak");
        }
        writeln!(out, "{row}")?;
    }
    let item_text = |i: &crate::present::GroupItem| format!("{} ({})", i.text, i.condition_short);
    writeln!(out, "\nGespreksonderwerpen")?;
    if group.disagreements.is_empty() {
        writeln!(
            out,
            "  Bij geen enkele indicator liggen de antwoorden {} of meer punten uiteen.",
            crate::group::DISAGREEMENT_MIN_SPREAD
        )?;
    } else {
        writeln!(out, "  Waar de antwoorden het verst uiteenlopen:")?;
        for (k, i) in group.disagreements.iter().enumerate() {
            writeln!(
                out,
                "  {}. {} — spreiding {}, gem. {}",
                k + 1,
                item_text(i),
                crate::present::fmt_opt_spread(i.spread),
                score(i.mean)
            )?;
        }
    }
    if group.weak.is_empty() {
        writeln!(out, "  Geen conditie heeft een gemiddelde onder 3,0.")?;
    } else {
        writeln!(out, "  Zwakke condities (gemiddelde onder 3,0):")?;
        for w in &group.weak {
            writeln!(
                out,
                "  - {} {}: {}",
                w.name,
                crate::fmt_score(w.score),
                w.risk
            )?;
        }
    }
    writeln!(out, "\nIndicatoren, grootste spreiding eerst")?;
    writeln!(out, "  {:>4} {:>5}  indicator", "spr.", "gem.")?;
    for i in &group.by_spread {
        writeln!(
            out,
            "  {:>4} {:>5}  {}",
            crate::present::fmt_opt_spread(i.spread),
            score(i.mean),
            item_text(i)
        )?;
    }
    Ok(())
}

/// `kansrijk import`: copies partner sessions into the group folders; prints what went
/// where. Fails (after importing the rest) when a file was refused.
pub fn import(
    out: &mut impl Write,
    err: &mut impl Write,
    dir: &Path,
    files: &[PathBuf],
) -> anyhow::Result<()> {
    let expansion = crate::group::expand_inputs(files);
    for nothing in &expansion.nothing {
        writeln!(
            err,
            "Niets gevonden bij {}: geen .ron-bestanden.",
            shown(nothing)
        )?;
    }
    let report = crate::group::import(dir, &expansion.files);
    for (from, to) in &report.imported {
        writeln!(out, "Geïmporteerd: {} → {}", from.display(), to.display())?;
    }
    for (from, to) in &report.already {
        writeln!(
            out,
            "Al aanwezig (niet opnieuw gekopieerd): {} = {}",
            from.display(),
            to.display()
        )?;
    }
    for (_, e) in &report.refused {
        writeln!(
            err,
            "Niet geïmporteerd: {}",
            crate::text::safe(&e.to_string())
        )?;
    }
    let n = report.imported.len();
    writeln!(
        out,
        "{} {} geïmporteerd in {}.",
        n,
        if n == 1 { "sessie" } else { "sessies" },
        dir.join(crate::group::GROUPS_DIR).display()
    )?;
    if report.refused.is_empty() && report.imported.is_empty() && report.already.is_empty() {
        anyhow::bail!("geen sessiebestanden gevonden om te importeren");
    }
    if !report.refused.is_empty() {
        anyhow::bail!(
            "{} {} niet geïmporteerd (zie hierboven)",
            report.refused.len(),
            if report.refused.len() == 1 {
                "bestand"
            } else {
                "bestanden"
            }
        );
    }
    Ok(())
}

/// A path as it may be printed: control characters (from a hostile file name) made
/// visible, like names and texts.
pub fn shown(path: &Path) -> String {
    crate::text::safe(&path.display().to_string())
}

/// `kansrijk verwijder FILE`: moves the session to the prullenbak and says how to undo it
/// and how to remove it for good.
pub fn verwijder(out: &mut impl Write, file: &Path) -> anyhow::Result<()> {
    let target = store::trash(file)?;
    let name = target
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bin = target.parent().unwrap_or(Path::new("."));
    writeln!(out, "Naar de prullenbak verplaatst: {}", shown(&target))?;
    writeln!(
        out,
        "Terugzetten: kansrijk herstel {}",
        crate::text::safe(&name)
    )?;
    writeln!(
        out,
        "Voorgoed verwijderen: verwijder het bestand uit {}",
        shown(bin)
    )?;
    Ok(())
}

/// `kansrijk herstel [NAAM]`: without a name, lists the prullenbak; with one, moves that
/// session back into the sessions folder and prints its path last.
pub fn herstel(out: &mut impl Write, dir: &Path, name: Option<&str>) -> anyhow::Result<()> {
    let safe = crate::text::safe;
    let bin = store::trash_dir(dir);
    let Some(name) = name else {
        let entries = store::list_trash(dir)?;
        if entries.is_empty() {
            writeln!(out, "De prullenbak is leeg ({}).", shown(&bin))?;
            return Ok(());
        }
        writeln!(out, "In de prullenbak ({}):", shown(&bin))?;
        for entry in &entries {
            let stem = entry
                .path()
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match entry {
                ListEntry::Session { header, .. } => writeln!(
                    out,
                    "  {} · {} · {}",
                    safe(&stem),
                    safe(&header.bestuurder),
                    safe(&header.samenwerking)
                )?,
                ListEntry::Unreadable { .. } => writeln!(out, "  {} · onleesbaar", safe(&stem))?,
            }
        }
        writeln!(
            out,
            "Terugzetten: kansrijk herstel NAAM. Voorgoed verwijderen: verwijder het bestand uit de prullenbak."
        )?;
        return Ok(());
    };
    let path = store::restore(dir, name)?;
    writeln!(out, "Teruggezet uit de prullenbak:")?;
    writeln!(out, "{}", shown(&path))?;
    Ok(())
}
