//! The one place where core errors become what the window sees.

use serde::Serialize;

/// An error as the web UI receives it: `{kind, message, boundaries}`.
/// `kind` is one of the core's stable names (`invalid`, `not_found`,
/// `conflict`, `refused`, `database`, `io`) or `app` for the shell's own.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    pub kind: String,
    pub message: String,
    /// For `refused`: the boundaries the start would cross.
    pub boundaries: Vec<String>,
}

impl CommandError {
    pub fn app(message: impl Into<String>) -> Self {
        Self {
            kind: "app".into(),
            message: message.into(),
            boundaries: Vec::new(),
        }
    }
}

impl From<gardefou::Error> for CommandError {
    fn from(error: gardefou::Error) -> Self {
        let boundaries = match &error {
            gardefou::Error::Refused { boundaries, .. } => boundaries.clone(),
            _ => Vec::new(),
        };
        Self {
            kind: error.kind().into(),
            message: error.to_string(),
            boundaries,
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.kind)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_keep_their_boundaries() {
        let error = CommandError::from(gardefou::Error::Refused {
            message: "your weekly cap is reached".into(),
            boundaries: vec!["weekly_cap_reached".into()],
        });
        assert_eq!(error.kind, "refused");
        assert_eq!(error.message, "your weekly cap is reached");
        assert_eq!(error.boundaries, ["weekly_cap_reached"]);
    }

    #[test]
    fn other_errors_keep_kind_and_message() {
        let error = CommandError::from(gardefou::Error::conflict("no timer is running"));
        assert_eq!(
            (error.kind.as_str(), error.message.as_str()),
            ("conflict", "no timer is running")
        );
        assert!(error.boundaries.is_empty());
    }
}
