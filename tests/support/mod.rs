//! Shared helpers for the black-box CLI tests: a temporary database, a pinned
//! "now" and a fixed zone (Europe/Paris unless a test says otherwise).
#![allow(dead_code)] // each test binary uses a different subset

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub const ZONE: &str = "Europe/Paris";

pub struct TestDb {
    _dir: TempDir,
    pub path: PathBuf,
    pub now: String,
}

impl TestDb {
    /// A fresh database whose zone is Europe/Paris, with "now" pinned.
    pub fn new(now: &str) -> Self {
        Self::in_zone(now, ZONE)
    }

    pub fn in_zone(now: &str, zone: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Self {
            path: dir.path().join("gardefou.sqlite3"),
            _dir: dir,
            now: now.to_string(),
        };
        db.ok(&["settings", "set", "timezone", zone]);
        db
    }

    /// The CLI on this database at this database's "now".
    pub fn cmd(&self) -> Command {
        self.cmd_at(&self.now)
    }

    /// The CLI at another "now".
    pub fn cmd_at(&self, now: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gardefou"));
        cmd.env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", now)
            .env("NO_COLOR", "1")
            // English unless a test sets the `locale` setting (or the language).
            .env("LC_ALL", "C")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .arg("--db")
            .arg(&self.path);
        cmd
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("utf-8 stdout")
    }

    /// Runs a command with `--json` that must succeed; returns the document.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().arg("--json").args(args).assert().success();
        serde_json::from_slice(&out.get_output().stdout).expect("one JSON document on stdout")
    }

    /// Runs a command that must fail with `code`; returns stderr. Checks that
    /// nothing was printed on stdout.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().code(code);
        let output = out.get_output();
        assert!(
            output.stdout.is_empty(),
            "stdout on error: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
    }

    /// Everything the user can see: clients, every live session, settings.
    pub fn state(&self) -> Value {
        serde_json::json!({
            "clients": self.json(&["client", "list"]),
            "sessions": self.json(&["log", "--from", "1971-01-01", "--to", "2100-01-01"]),
            "status": self.json(&["status"]),
            "settings": self.json(&["settings", "show"]),
        })
    }
}

/// A file's bytes and modification time: "left untouched" means both are equal.
pub fn fingerprint(path: &std::path::Path) -> (Vec<u8>, std::time::SystemTime) {
    let bytes = std::fs::read(path).expect("read the file");
    let mtime = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime");
    (bytes, mtime)
}

/// The permission bits of a file (Unix).
#[cfg(unix)]
pub fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Compares `actual` with `tests/golden/NAME`; `GARDEFOU_BLESS=1` rewrites the file instead.
pub fn golden(name: &str, actual: &[u8]) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("GARDEFOU_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with GARDEFOU_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from the golden file; if the change is intended, rerun with GARDEFOU_BLESS=1.\n--- expected\n{}\n--- actual\n{}",
        String::from_utf8_lossy(&expected),
        String::from_utf8_lossy(actual)
    );
}
