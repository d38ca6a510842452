//! `gardefou backup FILE | backup --list | restore FILE [--force]`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::backup::{self, BackupError, BackupKind};
use gardefou::clock::Clock;
use gardefou::store::Contents;
use serde_json::json;

use super::output::table;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The new file to write the copy to (never replaces a file).
    #[arg(
        value_name = "FILE",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    pub file: Option<PathBuf>,
    /// List the automatic backups kept beside the database.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The backup to put back.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace a database that holds data (it is kept beside it).
    #[arg(long)]
    pub force: bool,
}

/// `backup FILE` or `backup --list`. Runs before the database is opened for
/// anything else: listing works even when the database is damaged.
pub fn backup(
    db: &Path,
    clock: Arc<dyn Clock>,
    json: bool,
    args: BackupArgs,
) -> anyhow::Result<()> {
    let Some(file) = args.file else {
        return list(db, json);
    };
    if !db.is_file() {
        return Err(BackupError::NoDatabase {
            path: db.to_path_buf(),
        }
        .into());
    }
    let mut tracker = Tracker::open(db, clock)?;
    let tz = tracker.settings()?.timezone;
    let contents = backup::snapshot(tracker.store_mut(), &file)?;
    if json {
        let mut value = contents_json(&contents, tz);
        value["path"] = json!(file);
        return super::print_json(&value);
    }
    println!(
        "Backed up to {}: {}.",
        file.display(),
        describe(&contents, tz)
    );
    Ok(())
}

fn list(db: &Path, json: bool) -> anyhow::Result<()> {
    let found = backup::list(db)?;
    if json {
        return super::print_json(&json!({
            "folder": backup::folder_for(db),
            "backups": found,
        }));
    }
    if found.is_empty() {
        println!(
            "No backups yet in {} (one is taken on the first change of each day).",
            backup::folder_for(db).display()
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|b| {
            let kind = match &b.kind {
                BackupKind::Daily { date } => format!("daily {date}"),
                BackupKind::BeforeMigration => "before a schema change".to_string(),
                BackupKind::Replaced => "replaced by a restore".to_string(),
                BackupKind::Other => "other".to_string(),
            };
            vec![
                kind,
                format!("{} kB", b.bytes.div_ceil(1024)),
                b.path.display().to_string(),
            ]
        })
        .collect();
    println!("{}", table(&["BACKUP", "SIZE", "FILE"], &rows, &[1]));
    println!("Put one back with: gardefou restore FILE");
    Ok(())
}

pub fn restore(
    db: &Path,
    clock: Arc<dyn Clock>,
    json: bool,
    args: RestoreArgs,
) -> anyhow::Result<()> {
    let restored = backup::restore(db, &args.file, args.force, clock.as_ref())?;
    // The restored settings say which zone to show the date in.
    let tz = Tracker::open(db, clock)?.settings()?.timezone;
    if json {
        let mut value = contents_json(&restored.contents, tz);
        value["restored_from"] = json!(args.file);
        value["replaced"] = json!(restored.replaced);
        return super::print_json(&value);
    }
    println!(
        "Restored {}: {}.",
        args.file.display(),
        describe(&restored.contents, tz)
    );
    if let Some(replaced) = restored.replaced {
        println!(
            "The database it replaced is kept in {}.",
            replaced.display()
        );
    }
    Ok(())
}

fn describe(c: &Contents, tz: Tz) -> String {
    let last = c.last_session_start.map_or_else(
        || "no session yet".to_string(),
        |at| {
            format!(
                "last session on {}",
                at.with_timezone(&tz).format("%Y-%m-%d")
            )
        },
    );
    format!("{} clients, {} sessions, {last}", c.clients, c.sessions)
}

fn contents_json(c: &Contents, tz: Tz) -> serde_json::Value {
    json!({
        "schema": c.schema,
        "clients": c.clients,
        "sessions": c.sessions,
        "last_session_start": c.last_session_start.map(|at| gardefou::when::rfc3339_in(at, tz)),
    })
}

/// The CLI's way out of an error about a database or a backup (the core's
/// message does not name commands or flags).
pub fn hint(error: &anyhow::Error) -> Option<&'static str> {
    match error.downcast_ref::<gardefou::Error>()? {
        gardefou::Error::Unusable(problem) if problem.restore_helps() => Some(
            "the automatic backups are listed by `gardefou backup --list`; put one back with `gardefou restore FILE --force`",
        ),
        gardefou::Error::Backup(e) if e.force_helps() => {
            Some("add --force to replace it; the replaced database is kept beside it")
        }
        _ => None,
    }
}
