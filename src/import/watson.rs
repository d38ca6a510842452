//! Watson's `frames` file (its data directory): a JSON array of frames
//! `[start, stop, project, id, tags, updated_at]`, instants as Unix seconds.
//! Watson has projects, not clients: the project names the client.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::entry::{Entry, Origin};
use super::error::{ImportError, Unreadable};

/// The frames of one file, each with the line it starts on.
#[derive(Debug)]
pub struct WatsonReader {
    file: Arc<Path>,
    text: String,
    frames: std::vec::IntoIter<Frame>,
    base: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Frame {
    line: u64,
    from: usize,
    to: usize,
}

impl WatsonReader {
    pub fn open(path: &Path, base: u64) -> Result<Self, ImportError> {
        let file = Arc::<Path>::from(path);
        let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            error: source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            ImportError::BadValue {
                file: path.to_path_buf(),
                line: 1 + valid.iter().filter(|b| **b == b'\n').count() as u64,
                column: "frames".into(),
                value: String::new(),
                reason: Unreadable::Encoding,
            }
        })?;
        let frames = split_frames(&text).map_err(|line| ImportError::BadValue {
            file: path.to_path_buf(),
            line,
            column: "frames".into(),
            value: String::new(),
            reason: Unreadable::Syntax,
        })?;
        Ok(Self {
            file,
            text,
            frames: frames.into_iter(),
            base,
        })
    }

    fn read(&self, frame: Frame) -> Result<Entry, ImportError> {
        let slice = &self.text[frame.from..frame.to];
        let bad = |column: &str, value: String, reason| ImportError::BadValue {
            file: self.file.to_path_buf(),
            line: frame.line,
            column: column.to_string(),
            value,
            reason,
        };
        let value: Value = serde_json::from_str(slice)
            .map_err(|_| bad("frame", String::new(), Unreadable::Syntax))?;
        let items = value.as_array().map(Vec::as_slice).unwrap_or_default();
        let start = instant(items.first())
            .ok_or_else(|| bad("start", show(items.first()), Unreadable::Timestamp))?;
        let end = instant(items.get(1))
            .ok_or_else(|| bad("stop", show(items.get(1)), Unreadable::Timestamp))?;
        let project = match items.get(2) {
            Some(Value::String(p)) => p.clone(),
            other => return Err(bad("project", show(other), Unreadable::Syntax)),
        };
        let tags = match items.get(4) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(tags)) => tags
                .iter()
                .map(|t| t.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| bad("tags", show(items.get(4)), Unreadable::Syntax))?,
            other => return Err(bad("tags", show(other), Unreadable::Syntax)),
        };
        let note = items
            .get(6)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        Ok(Entry {
            origin: Origin {
                file: self.file.clone(),
                line: frame.line,
            },
            client: if project.trim().is_empty() {
                super::entry::NO_CLIENT.to_string()
            } else {
                project
            },
            start,
            end: Some(end),
            note,
            tags,
            billable: None,
            rate: None,
            progress: self.base + frame.to as u64,
        })
    }
}

impl Iterator for WatsonReader {
    type Item = Result<Entry, ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        let frame = self.frames.next()?;
        Some(self.read(frame))
    }
}

fn show(value: Option<&Value>) -> String {
    value.map_or_else(String::new, Value::to_string)
}

/// Unix seconds (integer or float), or an RFC 3339 string (older files).
fn instant(value: Option<&Value>) -> Option<DateTime<Utc>> {
    match value? {
        Value::Number(n) => {
            let seconds = n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.is_finite() && f.abs() < 1e15)
                    .map(|f| f.floor() as i64)
            })?;
            DateTime::from_timestamp(seconds, 0)
        }
        Value::String(s) => DateTime::parse_from_rfc3339(s).ok().map(|t| t.to_utc()),
        _ => None,
    }
}

/// Finds the byte ranges of the top-level array's elements, each with its
/// line; `Err(line)` where the text is not a JSON array of arrays.
fn split_frames(text: &str) -> Result<Vec<Frame>, u64> {
    let mut frames = Vec::new();
    let (mut depth, mut line) = (0usize, 1u64);
    let (mut in_string, mut escaped) = (false, false);
    let mut current: Option<(u64, usize)> = None;
    let mut seen_outer = false;
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' if depth >= 2 => in_string = true,
            b'[' => {
                if depth == 0 {
                    if seen_outer {
                        return Err(line);
                    }
                    seen_outer = true;
                } else if depth == 1 {
                    current = Some((line, index));
                }
                depth += 1;
            }
            b']' => {
                if depth == 0 {
                    return Err(line);
                }
                depth -= 1;
                if depth == 1
                    && let Some((start_line, from)) = current.take()
                {
                    frames.push(Frame {
                        line: start_line,
                        from,
                        to: index + 1,
                    });
                }
            }
            b'{' | b'}' if depth >= 2 => {}
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b',' if depth == 1 => {}
            _ if depth >= 2 => {}
            _ => return Err(line),
        }
    }
    if depth != 0 || !seen_outer || in_string {
        return Err(line);
    }
    Ok(frames)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_found_with_their_lines() {
        let text = "[\n [1, 2, \"a]\", \"x\", [\"t\"], 3],\n [4, 5, \"b\", \"y\", [], 6]\n]";
        let frames = split_frames(text).unwrap();
        assert_eq!(frames.len(), 2);
        assert_eq!((frames[0].line, frames[1].line), (2, 3));
        assert_eq!(
            &text[frames[0].from..frames[0].to],
            "[1, 2, \"a]\", \"x\", [\"t\"], 3]"
        );
        assert_eq!(split_frames("[]").unwrap().len(), 0);
        assert_eq!(split_frames("{}"), Err(1));
        assert_eq!(split_frames("[\n[1,2]"), Err(2));
        assert_eq!(split_frames("[1]"), Err(1));
        assert_eq!(split_frames(""), Err(1));
    }
}
