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
omgevingsvariabele KANSRIJK_DIR. Elke sessie is één .ron-bestand; wie een
sessie voorgoed wil verwijderen, verwijdert dat bestand.";

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
        session.bestuurder, session.samenwerking
    )?;
    writeln!(out, "{}", path.display())?;
    Ok(path)
}

/// `kansrijk list`: one line per session; unreadable files named with the reason.
pub fn list(out: &mut impl Write, content: &Content, dir: &Path) -> anyhow::Result<()> {
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
                let date = header
                    .updated
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%d-%m-%Y");
                writeln!(
                    out,
                    "{} · {} · {} · {}/{} · {} · {}",
                    crate::ui::texts::safe(&header.bestuurder),
                    crate::ui::texts::safe(&header.samenwerking),
                    date,
                    result.answered(),
                    result.total(),
                    scores.join(" "),
                    path.display()
                )?;
            }
            ListEntry::Unreadable { path, reason } => {
                writeln!(
                    out,
                    "ONLEESBAAR · {} · {}",
                    path.display(),
                    crate::ui::texts::safe(&reason)
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
    let result = scan::score(&content.scan, &session.answers);
    if json {
        let mut conditions = serde_json::Map::new();
        for cs in &result.conditions {
            conditions.insert(
                cs.id.clone(),
                serde_json::json!({"score": cs.score, "answered": cs.answered, "total": cs.total}),
            );
        }
        let value = serde_json::json!({ "conditions": conditions });
        writeln!(out, "{value}").map_err(ShowError::Io)?;
        return Ok(());
    }
    let w = |out: &mut dyn Write, s: String| writeln!(out, "{s}").map_err(ShowError::Io);
    w(
        out,
        format!(
            "{} · {} · {}",
            crate::ui::texts::safe(&session.bestuurder),
            crate::ui::texts::safe(&session.samenwerking),
            session.mode.label()
        ),
    )?;
    for (cond, cs) in content.scan.conditions.iter().zip(&result.conditions) {
        let flag = if cs.flagged() { "  ! zwak" } else { "" };
        w(
            out,
            format!(
                "{:<20} {:>4}  ({}/{}){flag}",
                cond.name,
                crate::fmt_opt_score(cs.score),
                cs.answered,
                cs.total
            ),
        )?;
    }
    w(
        out,
        format!(
            "Ingevuld: {}",
            crate::ui::texts::progress(result.answered(), result.total())
        ),
    )?;
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
