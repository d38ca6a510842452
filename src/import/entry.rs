//! What every reader produces: one entry per line of the source, in the
//! source's own words (a client name, instants, a note, raw tags).

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::model::{MAX_TAG_CHARS, MAX_TAGS};
use crate::money::Currency;

/// Where an entry sits in its source, for error messages and the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Arc<Path>,
    /// 1-based line of the entry's first character.
    pub line: u64,
}

/// An hourly rate found in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub minor: i64,
    pub currency: Currency,
}

/// One entry of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub origin: Origin,
    pub client: String,
    pub start: DateTime<Utc>,
    /// `None`: still running in the other tracker.
    pub end: Option<DateTime<Utc>>,
    pub note: String,
    /// As the source wrote them; [`gardefou_tags`] turns them into Gardefou tags.
    pub tags: Vec<String>,
    pub billable: Option<bool>,
    pub rate: Option<Rate>,
    /// Bytes of the source read so far (all files), for the progress bar.
    pub progress: u64,
}

/// Which column names the client in exports that have both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientFrom {
    #[default]
    Client,
    Project,
}

/// The name given to entries whose source names no client at all.
pub const NO_CLIENT: &str = "No client";

/// Picks the client's name from a client and a project cell: the chosen one,
/// else the other, else [`NO_CLIENT`].
pub fn pick_client(client: &str, project: &str, from: ClientFrom) -> String {
    let (first, second) = match from {
        ClientFrom::Client => (client.trim(), project.trim()),
        ClientFrom::Project => (project.trim(), client.trim()),
    };
    [first, second]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or(NO_CLIENT)
        .to_string()
}

/// The note of a CSV entry: the description, after the project when the
/// project is not the client (so it is not lost).
pub fn note_with_project(client: &str, project: &str, description: &str) -> String {
    let (project, description) = (project.trim(), description.trim());
    if project.is_empty() || project.eq_ignore_ascii_case(client.trim()) {
        description.to_string()
    } else if description.is_empty() {
        project.to_string()
    } else {
        format!("{project}: {description}")
    }
}

/// Turns a source's tags into Gardefou tags (lowercased words): spaces and
/// commas become dashes, over-long tags are cut, at most [`MAX_TAGS`] are kept.
pub fn gardefou_tags<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in tags {
        let word: String = raw
            .as_ref()
            .trim()
            .trim_start_matches('#')
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == ',' || c.is_control())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-")
            .chars()
            .take(MAX_TAG_CHARS)
            .collect();
        if !word.is_empty() && !out.contains(&word) && out.len() < MAX_TAGS {
            out.push(word);
        }
    }
    out
}

/// Splits a CSV tags cell (`design, Client call`).
pub fn split_tag_cell(cell: &str) -> Vec<String> {
    cell.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_falls_back_to_the_project_then_to_no_client() {
        assert_eq!(pick_client("Acme", "Site", ClientFrom::Client), "Acme");
        assert_eq!(pick_client("  ", "Site", ClientFrom::Client), "Site");
        assert_eq!(pick_client("Acme", "Site", ClientFrom::Project), "Site");
        assert_eq!(pick_client("Acme", "", ClientFrom::Project), "Acme");
        assert_eq!(pick_client("", "", ClientFrom::Project), NO_CLIENT);
    }

    #[test]
    fn tags_become_words() {
        assert_eq!(
            gardefou_tags(&["Client call", "design", "Design", "a,b", "  "]),
            vec!["client-call", "design", "a-b"]
        );
        let many: Vec<String> = (0..30).map(|i| format!("t{i}")).collect();
        assert_eq!(gardefou_tags(&many).len(), MAX_TAGS);
        assert_eq!(
            gardefou_tags(&["x".repeat(100)])[0].chars().count(),
            MAX_TAG_CHARS
        );
    }

    #[test]
    fn the_project_stays_in_the_note() {
        assert_eq!(note_with_project("Acme", "Site", "Header"), "Site: Header");
        assert_eq!(note_with_project("Acme", "acme", "Header"), "Header");
        assert_eq!(note_with_project("Acme", "Site", ""), "Site");
        assert_eq!(note_with_project("Acme", "", "Header"), "Header");
    }
}
