//! kansrijk: parse the command line, pick the sessions folder, run the TUI or a subcommand.

use clap::Parser;
use kansrijk::app::{Model, Msg};
use kansrijk::cli::{self, Cli, Command};
use kansrijk::content::Content;
use kansrijk::runtime::{Runtime, terminal};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(Command::Inhoud {
        action: cli::InhoudCommand::Check { dir },
    }) = &args.command
    {
        return finish(cli::check_content(&mut std::io::stdout().lock(), dir));
    }
    let dir = cli::sessions_dir(args.dir.as_deref());
    // The start screen's first rows come from the folder's cache, read on the other core
    // while the content is parsed here: the list is in the first frame.
    let head = args.command.is_none().then(|| {
        let dir = dir.clone();
        std::thread::spawn(move || {
            // As many rows as the terminal can show (a list row per line at most).
            let rows = crossterm::terminal::size().map_or(120, |(_, h)| usize::from(h));
            kansrijk::store::list_head_from_cache(&dir, rows)
        })
    });
    let loaded = match &args.inhoud {
        Some(dir) => Content::with_overrides(dir),
        None => Content::embedded(),
    };
    let content = match loaded {
        Ok(c) => Arc::new(c),
        Err(e) => {
            match &args.inhoud {
                Some(dir) => eprintln!(
                    "kansrijk: de eigen inhoud in {} is ongeldig: {e}",
                    dir.display()
                ),
                None => eprintln!("kansrijk: de ingebouwde inhoud is ongeldig: {e}"),
            }
            return ExitCode::from(2);
        }
    };
    let result = match args.command {
        None => {
            let head = head.and_then(|h| h.join().ok()).flatten();
            return tui_exit(run_tui(content, dir, None, head));
        }
        Some(Command::Open { file }) => {
            let file = cli::resolve_file(&file, &dir);
            let dir = if args.dir.is_some() {
                dir
            } else {
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| p.to_path_buf())
                    .unwrap_or_else(|| std::path::PathBuf::from("."))
            };
            if let Err(e) = kansrijk::store::load(&file) {
                eprintln!("kansrijk: {}", shown(&e.to_string()));
                return ExitCode::FAILURE;
            }
            return tui_exit(run_tui(content, dir, Some(Msg::Open(file)), None));
        }
        Some(Command::New {
            bestuurder,
            samenwerking,
            organisatie,
            modus,
        }) => cli::new(
            &mut std::io::stdout().lock(),
            &dir,
            &bestuurder,
            &organisatie,
            &samenwerking,
            modus.into(),
        )
        .map(|_| ()),
        Some(Command::List) => cli::list(&mut std::io::stdout().lock(), &content, &dir),
        Some(Command::Show { file, json }) => {
            let file = cli::resolve_file(&file, &dir);
            cli::show(&mut std::io::stdout().lock(), &content, &file, json)
                .map_err(anyhow::Error::from)
        }
        Some(Command::Export {
            file,
            formaat,
            out,
            vorige,
            met_notities,
            rvt,
            met,
            overschrijf,
        }) => {
            let file = cli::resolve_file(&file, &dir);
            match met
                .as_deref()
                .map(kansrijk::report::Sections::parse)
                .transpose()
            {
                Err(e) => Err(anyhow::anyhow!(e)),
                Ok(with) => {
                    let vorige = vorige.map(|v| cli::resolve_file(&v, &dir));
                    cli::export(
                        &mut std::io::stdout().lock(),
                        &content,
                        &file,
                        formaat.into(),
                        cli::Output {
                            path: out.as_deref(),
                            overwrite: overschrijf,
                        },
                        vorige.as_deref(),
                        kansrijk::report::Version {
                            with_notes: met_notities,
                            rvt,
                            with: with.unwrap_or_default(),
                        },
                    )
                    .map(|_| ())
                }
            }
        }
        Some(Command::Compare {
            files,
            samenwerking,
            json,
            export,
            out,
            anoniem,
            alleen_groep,
            overschrijf,
        }) => {
            let files: Vec<_> = files.iter().map(|f| cli::resolve_file(f, &dir)).collect();
            cli::compare(
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
                &content,
                &dir,
                &files,
                samenwerking.as_deref(),
                json,
                export.map(Into::into),
                cli::Output {
                    path: out.as_deref(),
                    overwrite: overschrijf,
                },
                anoniem,
                alleen_groep,
            )
        }
        Some(Command::Inhoud {
            action: cli::InhoudCommand::Check { dir },
        }) => cli::check_content(&mut std::io::stdout().lock(), &dir),
        Some(Command::Import { files }) => cli::import(
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
            &dir,
            &files,
        ),
        Some(Command::Verwijder { file }) => cli::verwijder(
            &mut std::io::stdout().lock(),
            &cli::resolve_file(&file, &dir),
        ),
        Some(Command::Herstel { name }) => {
            cli::herstel(&mut std::io::stdout().lock(), &dir, name.as_deref())
        }
    };
    finish(result)
}

fn finish(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`kansrijk compare … | head`): end quietly, as Unix tools do.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kansrijk: {}", shown(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// True when the error is a write to a pipe whose reader has gone.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| {
            match cause.downcast_ref::<cli::ShowError>() {
                Some(cli::ShowError::Io(io)) => Some(io),
                _ => None,
            }
        });
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The TUI's own exit code (1 when the last change is not on disk), or an error.
fn tui_exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) => finish(Err(e)),
    }
}

/// An error as it may be printed: control characters from file names or contents made
/// visible, line by line.
fn shown(text: &str) -> String {
    text.lines()
        .map(kansrijk::text::safe)
        .collect::<Vec<_>>()
        .join("\n")
}

fn run_tui(
    content: Arc<Content>,
    dir: std::path::PathBuf,
    first: Option<Msg>,
    head: Option<Vec<kansrijk::store::ListEntry>>,
) -> anyhow::Result<ExitCode> {
    let mut model = Model::new(content, dir.clone());
    model.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let runtime = Runtime::with_content(dir, model.content.clone());
    if let Some(rows) = head {
        runtime_list_head(&mut model, rows);
    }
    terminal::run(model, runtime, first)
}

/// Puts the cached first rows on the start screen before the first frame (the runtime's
/// background listing replaces them once every file is checked).
fn runtime_list_head(model: &mut Model, rows: Vec<kansrijk::store::ListEntry>) {
    let _ = kansrijk::app::update(model, Msg::Listed(Ok(rows)));
}
