//! A Timewarrior data directory: `data/YYYY-MM.data`, one interval a line,
//! `inc 20240304T080000Z - 20240304T093000Z # acme "client call" # "the annotation"`
//! (instants in UTC; tags and the annotation quoted by timew when they hold
//! spaces or quotes, with `\"` inside). An interval without an end is running.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::entry::{Entry, NO_CLIENT, Origin};
use super::error::{ImportError, Unreadable};

/// Reads one `.data` file.
#[derive(Debug)]
pub struct TimewarriorReader {
    file: Arc<Path>,
    lines: BufReader<File>,
    line: u64,
    bytes: u64,
    base: u64,
    client_tag: Option<String>,
    buffer: String,
}

impl TimewarriorReader {
    pub fn open(path: &Path, base: u64, client_tag: Option<String>) -> Result<Self, ImportError> {
        let handle = File::open(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            error: source,
        })?;
        Ok(Self {
            file: path.into(),
            lines: BufReader::with_capacity(1 << 16, handle),
            line: 0,
            bytes: 0,
            base,
            client_tag,
            buffer: String::new(),
        })
    }

    fn bad(&self, column: &str, value: &str, reason: Unreadable) -> ImportError {
        ImportError::BadValue {
            file: self.file.to_path_buf(),
            line: self.line,
            column: column.to_string(),
            value: value.to_string(),
            reason,
        }
    }

    fn read_line(&self, text: &str) -> Result<Entry, ImportError> {
        let interval = parse_interval(text).map_err(|(column, value)| {
            let reason = if column == "line" {
                Unreadable::Syntax
            } else {
                Unreadable::Timestamp
            };
            self.bad(column, &value, reason)
        })?;
        let (client, tags) = client_and_tags(interval.tags, self.client_tag.as_deref());
        Ok(Entry {
            origin: Origin {
                file: self.file.clone(),
                line: self.line,
            },
            client,
            start: interval.start,
            end: interval.end,
            note: interval.annotation,
            tags,
            billable: None,
            rate: None,
            progress: self.base + self.bytes,
        })
    }
}

impl Iterator for TimewarriorReader {
    type Item = Result<Entry, ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buffer.clear();
            let read = match self.lines.read_line(&mut self.buffer) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                    self.line += 1;
                    return Some(Err(self.bad("line", "", Unreadable::Encoding)));
                }
                Err(source) => {
                    return Some(Err(ImportError::Io {
                        path: self.file.to_path_buf(),
                        error: source,
                    }));
                }
            };
            self.line += 1;
            self.bytes += read as u64;
            let text = self.buffer.trim();
            if text.is_empty() {
                continue;
            }
            return Some(self.read_line(text));
        }
    }
}

/// One `inc` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub tags: Vec<String>,
    pub annotation: String,
}

/// Parses an `inc` line; `Err((column, value))` names what is wrong.
pub fn parse_interval(text: &str) -> Result<Interval, (&'static str, String)> {
    let syntax = || ("line", text.chars().take(80).collect::<String>());
    let tokens = tokenize(text).ok_or_else(syntax)?;
    let mut tokens = tokens.into_iter().peekable();
    if tokens.next().is_none_or(|t| t.quoted || t.text != "inc") {
        return Err(syntax());
    }
    let start_token = tokens.next().ok_or_else(syntax)?;
    let start = timestamp(&start_token.text).ok_or(("start", start_token.text.clone()))?;
    let mut end = None;
    if tokens.peek().is_some_and(|t| !t.quoted && t.text == "-") {
        tokens.next();
        let end_token = tokens.next().ok_or_else(syntax)?;
        end = Some(timestamp(&end_token.text).ok_or(("end", end_token.text.clone()))?);
    }
    let mut tags = Vec::new();
    let mut annotation = Vec::new();
    match tokens.next() {
        None => {}
        Some(t) if !t.quoted && t.text == "#" => {
            let mut in_annotation = false;
            for token in tokens {
                if !token.quoted && token.text == "#" && !in_annotation {
                    in_annotation = true;
                } else if in_annotation {
                    annotation.push(token.text);
                } else {
                    tags.push(token.text);
                }
            }
        }
        Some(_) => return Err(syntax()),
    }
    Ok(Interval {
        start,
        end,
        tags,
        annotation: annotation.join(" "),
    })
}

#[derive(Debug)]
struct Token {
    text: String,
    quoted: bool,
}

/// Splits on spaces; `"…"` is one token with `\"` and `\\` unescaped.
fn tokenize(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' {
            chars.next();
            let mut out = String::new();
            loop {
                match chars.next()? {
                    '\\' => match chars.next()? {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        other => {
                            out.push('\\');
                            out.push(other);
                        }
                    },
                    '"' => break,
                    other => out.push(other),
                }
            }
            tokens.push(Token {
                text: out,
                quoted: true,
            });
        } else {
            let mut out = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                out.push(c);
                chars.next();
            }
            tokens.push(Token {
                text: out,
                quoted: false,
            });
        }
    }
    Some(tokens)
}

/// `20240304T080000Z`.
fn timestamp(text: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|t| t.and_utc())
}

/// The client is the tag that starts with `prefix` (the prefix removed), or
/// the first tag without a prefix; the other tags stay tags.
pub fn client_and_tags(mut tags: Vec<String>, prefix: Option<&str>) -> (String, Vec<String>) {
    let position = match prefix {
        Some(prefix) => tags.iter().position(|t| {
            t.len() > prefix.len()
                && t.get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        }),
        None => (!tags.is_empty()).then_some(0),
    };
    let Some(position) = position else {
        return (NO_CLIENT.to_string(), tags);
    };
    let tag = tags.remove(position);
    let client = match prefix {
        Some(prefix) => tag[prefix.len()..].to_string(),
        None => tag,
    };
    let client = if client.trim().is_empty() {
        NO_CLIENT.to_string()
    } else {
        client
    };
    (client, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_timew_writes_them() {
        let i = parse_interval(
            r#"inc 20240304T080000Z - 20240304T093000Z # acme "client call" "say \"hi\"" # "Réunion, notes \"v2\"""#,
        )
        .unwrap();
        assert_eq!(i.start.to_rfc3339(), "2024-03-04T08:00:00+00:00");
        assert_eq!(i.end.unwrap().to_rfc3339(), "2024-03-04T09:30:00+00:00");
        assert_eq!(i.tags, vec!["acme", "client call", "say \"hi\""]);
        assert_eq!(i.annotation, "Réunion, notes \"v2\"");
        let open = parse_interval("inc 20240304T080000Z # acme").unwrap();
        assert_eq!(open.end, None);
        let annotated =
            parse_interval(r#"inc 20240304T080000Z - 20240304T090000Z # # "only a note""#).unwrap();
        assert!(annotated.tags.is_empty());
        assert_eq!(annotated.annotation, "only a note");
        let bare = parse_interval("inc 20240304T080000Z - 20240304T090000Z").unwrap();
        assert!(bare.tags.is_empty());
        assert_eq!(parse_interval("inc 2024-03-04 - x").unwrap_err().0, "start");
        assert_eq!(parse_interval("exc monday").unwrap_err().0, "line");
        assert_eq!(
            parse_interval(r#"inc 20240304T080000Z # "open"#)
                .unwrap_err()
                .0,
            "line"
        );
    }

    #[test]
    fn the_client_tag() {
        let tags = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            client_and_tags(tags(&["acme", "design"]), None),
            ("acme".into(), tags(&["design"]))
        );
        assert_eq!(
            client_and_tags(tags(&["design", "client:Acme"]), Some("client:")),
            ("Acme".into(), tags(&["design"]))
        );
        assert_eq!(
            client_and_tags(tags(&["design"]), Some("client:")),
            (NO_CLIENT.into(), tags(&["design"]))
        );
        assert_eq!(client_and_tags(vec![], None).0, NO_CLIENT);
    }
}
