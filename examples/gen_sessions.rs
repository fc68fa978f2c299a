//! Writes a folder of generated sessions for start-up and listing measurements:
//! `cargo run --release --example gen_sessions -- DIR [COUNT] [NOTES] [NOTE_CHARS]`
//! (defaults: 1,000 sessions of 30 notes of 2,000 characters, about 60 KB each).
//! Sessions are deterministic and written with `kansrijk::store::save`; DIR must be empty
//! or new.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen_sessions DIR [COUNT] [NOTES] [NOTE_CHARS]");
        return ExitCode::from(2);
    };
    let mut number = |default: usize| -> Option<usize> {
        match args.next() {
            None => Some(default),
            Some(v) => v.parse().ok(),
        }
    };
    let (Some(count), Some(notes), Some(chars)) = (
        number(1_000),
        number(common::FOLDER_NOTES),
        number(common::NOTE_CHARS),
    ) else {
        eprintln!("gen_sessions: COUNT, NOTES and NOTE_CHARS must be whole numbers");
        return ExitCode::from(2);
    };
    let occupied = std::fs::read_dir(&dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied {
        // Never write into a folder that may hold real sessions.
        eprintln!("gen_sessions: {} is not empty", dir.display());
        return ExitCode::from(2);
    }
    match common::write_folder(&dir, count, notes, chars) {
        Ok(paths) => {
            let bytes: u64 = paths
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "{} sessions in {} ({} KB on average)",
                paths.len(),
                dir.display(),
                bytes / 1024 / paths.len().max(1) as u64
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_sessions: {e}");
            ExitCode::FAILURE
        }
    }
}
