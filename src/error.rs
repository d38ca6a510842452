//! The core's one error type. Front ends map it once: the CLI to an exit code,
//! the desktop app to `{kind, message}`.

use thiserror::Error;

/// Everything the core can refuse or fail with. Messages are whole sentences
/// meant for the user.
#[derive(Debug, Error)]
pub enum Error {
    /// The request is malformed or breaks a rule of the data (empty name,
    /// negative rate, zero-length session, date out of range, ...).
    #[error("{0}")]
    Invalid(String),
    /// The named thing does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request collides with what is stored (overlap, duplicate name,
    /// nothing running).
    #[error("{0}")]
    Conflict(String),
    /// A boundary (cap, off-hours) refuses the start; an override reason lifts it.
    #[error("{message}")]
    Refused {
        message: String,
        boundaries: Vec<String>,
    },
    /// The database file is unusable (not SQLite, missing folder, newer schema).
    #[error("{0}")]
    Database(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// An import stopped; it names the file, the line and what is wrong.
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
}

impl Error {
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Invalid(message.into())
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound(message.into())
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }

    /// A short stable name for the kind of error (used by the desktop bridge).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid",
            Self::NotFound(_) => "not_found",
            Self::Conflict(_) => "conflict",
            Self::Refused { .. } => "refused",
            Self::Database(_) | Self::Sqlite(_) => "database",
            Self::Io(_) => "io",
            Self::Import(_) => "import",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
