//! How the CLI tells an error: the core's sentence in the user's language,
//! then, where there is one, the command to type next (the CLI's own way out;
//! the core never names a flag).

use gardefou::Error;
use gardefou::i18n::Locale;
use gardefou::tr;

/// An error with the command that gets past it (e.g. `--override` for a refusal).
#[derive(Debug)]
pub struct WithHint {
    pub error: Error,
    pub hint: String,
}

impl std::fmt::Display for WithHint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\n  {}", self.error, self.hint)
    }
}

impl std::error::Error for WithHint {}

/// The core error inside an `anyhow` error, hinted or not.
pub fn core_error(error: &anyhow::Error) -> Option<&Error> {
    error
        .downcast_ref::<WithHint>()
        .map(|h| &h.error)
        .or_else(|| error.downcast_ref::<Error>())
}

/// The whole text for stderr (without the `gardefou: ` prefix).
pub fn describe(error: &anyhow::Error, locale: Locale) -> String {
    if let Some(hinted) = error.downcast_ref::<WithHint>() {
        return format!("{}\n  {}", hinted.error.message(locale), hinted.hint);
    }
    match error.downcast_ref::<Error>() {
        Some(core) => match hint(core, locale) {
            Some(hint) => format!("{}\n  {hint}", core.message(locale)),
            None => core.message(locale),
        },
        None => format!("{error:#}"),
    }
}

/// The command that gets past `error`, when the CLI has one.
pub fn hint(error: &Error, locale: Locale) -> Option<String> {
    let l = locale;
    match error {
        Error::ArchivedClient { name, .. } => Some(tr!(l, "cli-hint-unarchive", name = name)),
        Error::UnknownClient {
            name,
            no_clients_yet: true,
            ..
        } => Some(tr!(l, "cli-hint-add-client", name = name)),
        Error::StopBeforeStart { number, .. } => Some(tr!(l, "cli-hint-drop", number = *number)),
        Error::SessionDeleted { number } => Some(tr!(l, "cli-hint-restore", number = *number)),
        Error::TooLong { .. } => Some(tr!(l, "cli-hint-allow-long")),
        Error::Import(import)
            if matches!(**import, gardefou::import::ImportError::Overlap { .. }) =>
        {
            Some(tr!(l, "cli-hint-import-skip"))
        }
        Error::Database(
            gardefou::error::DatabaseError::NoHomeFolder
            | gardefou::error::DatabaseError::MissingFolder { .. }
            | gardefou::error::DatabaseError::IsAFolder { .. },
        ) => Some(tr!(l, "cli-hint-db")),
        Error::Database(problem) if problem.restore_helps() => {
            Some(tr!(l, "cli-hint-restore-backup"))
        }
        Error::Backup(e) if e.force_helps() => Some(tr!(l, "cli-hint-force")),
        _ => None,
    }
}

/// A core error from a clap value parser: the sentence in the system's language
/// (the database, and its `locale` setting, is not open yet).
pub fn for_usage(error: Error) -> String {
    error.message(Locale::from_env())
}
