//! `gardefou backup FILE | backup --list | restore FILE [--force]`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::backup::{self, BackupError, BackupKind};
use gardefou::clock::Clock;
use gardefou::i18n::Locale;
use gardefou::store::Contents;
use gardefou::tr;
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
    locale: &mut Locale,
    args: BackupArgs,
) -> anyhow::Result<()> {
    let Some(file) = args.file else {
        return list(db, json, *locale);
    };
    if !db.is_file() {
        return Err(gardefou::Error::from(BackupError::NoDatabase {
            path: db.to_path_buf(),
        })
        .into());
    }
    let mut tracker = Tracker::open(db, clock)?;
    let settings = tracker.settings()?;
    *locale = settings.locale;
    let contents = tracker.backup_to(&file)?;
    if json {
        let mut value = contents_json(&contents, settings.timezone);
        value["path"] = json!(file);
        return super::print_json(&value);
    }
    let path = file.display().to_string();
    let (l, clients, sessions) = (*locale, contents.clients, contents.sessions);
    println!(
        "{}",
        match last_date(&contents, settings.timezone) {
            Some(last) => tr!(
                l,
                "cli-backup-done",
                path = path,
                clients = clients,
                sessions = sessions,
                last = last
            ),
            None => tr!(
                l,
                "cli-backup-done-empty",
                path = path,
                clients = clients,
                sessions = sessions
            ),
        }
    );
    Ok(())
}

fn list(db: &Path, json: bool, l: Locale) -> anyhow::Result<()> {
    let found = backup::list(db)?;
    let folder = backup::folder_for(db);
    if json {
        return super::print_json(&json!({ "folder": folder, "backups": found }));
    }
    if found.is_empty() {
        let folder = folder.display().to_string();
        println!("{}", tr!(l, "cli-backup-none", folder = folder));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|b| {
            let kind = match &b.kind {
                BackupKind::Daily { date } => {
                    tr!(l, "cli-backup-kind-daily", date = date.to_string())
                }
                BackupKind::BeforeMigration => tr!(l, "cli-backup-kind-before-migration"),
                BackupKind::Replaced => tr!(l, "cli-backup-kind-replaced"),
                BackupKind::Other => tr!(l, "cli-backup-kind-other"),
            };
            let kb = i64::try_from(b.bytes.div_ceil(1024)).unwrap_or(i64::MAX);
            vec![
                kind,
                tr!(l, "cli-backup-size", kb = kb),
                b.path.display().to_string(),
            ]
        })
        .collect();
    let headers = [
        tr!(l, "cli-backup-col-backup"),
        tr!(l, "cli-backup-col-size"),
        tr!(l, "cli-backup-col-file"),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    println!("{}", table(&headers, &rows, &[1]));
    println!("{}", tr!(l, "cli-backup-restore-with"));
    Ok(())
}

pub fn restore(
    db: &Path,
    clock: Arc<dyn Clock>,
    json: bool,
    locale: &mut Locale,
    args: RestoreArgs,
) -> anyhow::Result<()> {
    // A refusal speaks the language of the database it protects, when it reads.
    if db.is_file()
        && let Ok(settings) = Tracker::open(db, clock.clone()).and_then(|mut t| t.settings())
    {
        *locale = settings.locale;
    }
    let restored = match backup::restore(db, &args.file, args.force, clock.as_ref()) {
        Ok(restored) => restored,
        // A damaged backup: the way out is another backup, not this one again.
        Err(error)
            if matches!(&error, gardefou::Error::Database(p) if p.restore_helps())
                && !db_is_damaged(db) =>
        {
            let hint = tr!(*locale, "cli-hint-other-backup");
            return Err(super::errors::WithHint { error, hint }.into());
        }
        Err(error) => return Err(error.into()),
    };
    // The restored settings say which zone and language to use.
    let settings = Tracker::open(db, clock)?.settings()?;
    *locale = settings.locale;
    let tz = settings.timezone;
    if json {
        let mut value = contents_json(&restored.contents, tz);
        value["restored_from"] = json!(args.file);
        value["replaced"] = json!(restored.replaced);
        return super::print_json(&value);
    }
    let l = *locale;
    let path = args.file.display().to_string();
    let (clients, sessions) = (restored.contents.clients, restored.contents.sessions);
    println!(
        "{}",
        match last_date(&restored.contents, tz) {
            Some(last) => tr!(
                l,
                "cli-restore-done",
                path = path,
                clients = clients,
                sessions = sessions,
                last = last
            ),
            None => tr!(
                l,
                "cli-restore-done-empty",
                path = path,
                clients = clients,
                sessions = sessions
            ),
        }
    );
    if let Some(replaced) = restored.replaced {
        let path = replaced.display().to_string();
        println!("{}", tr!(l, "cli-restore-replaced", path = path));
    }
    Ok(())
}

/// Whether the live database itself is the damaged one.
fn db_is_damaged(db: &Path) -> bool {
    matches!(
        gardefou::store::check_signature(db),
        Err(e) if e.restore_helps()
    ) || matches!(
        gardefou::store::Store::open(db),
        Err(gardefou::Error::Database(e)) if e.restore_helps()
    )
}

fn last_date(c: &Contents, tz: Tz) -> Option<String> {
    c.last_session_start
        .map(|at| at.with_timezone(&tz).format("%Y-%m-%d").to_string())
}

fn contents_json(c: &Contents, tz: Tz) -> serde_json::Value {
    json!({
        "schema": c.schema,
        "clients": c.clients,
        "sessions": c.sessions,
        "last_session_start": c.last_session_start.map(|at| gardefou::when::rfc3339_in(at, tz)),
    })
}
