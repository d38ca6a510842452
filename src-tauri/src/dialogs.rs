//! The native save and open dialogs (`tauri-plugin-dialog`), opened from
//! Rust by the commands, never from the window: the window gets no dialog
//! permission at all, only the path a person picked.
//!
//! For tests a debug build honours `GARDEFOU_E2E_DIALOG=FILE`: instead of a
//! dialog, each pick reads FILE and answers with its content (empty:
//! cancelled; ending in `/`: that folder, with the suggested file name). The
//! file is read at each pick, so a test changes its answer between picks.

use std::path::{Path, PathBuf};

use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandError;

/// The environment variable that stands in for the dialogs (debug builds only).
pub const STUB_ENV: &str = "GARDEFOU_E2E_DIALOG";

/// The stub's answer file named by the environment, in a debug build.
pub fn stub_from_env() -> Option<PathBuf> {
    if cfg!(debug_assertions) {
        std::env::var_os(STUB_ENV).map(PathBuf::from)
    } else {
        None
    }
}

/// What a pick asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// Where to save, suggesting this file name.
    Save {
        file_name: String,
    },
    /// A file to read, of these extensions (none: any file).
    File {
        extensions: &'static [&'static str],
    },
    Folder,
}

/// The stub's answer to `pick`: `None` when cancelled.
pub fn stubbed(answers: &Path, pick: &Pick) -> Result<Option<PathBuf>, CommandError> {
    let answer = std::fs::read_to_string(answers)
        .map_err(|e| CommandError::app(format!("{}: {e}", answers.display())))?;
    let answer = answer.trim();
    if answer.is_empty() {
        return Ok(None);
    }
    Ok(Some(match pick {
        Pick::Save { file_name } if answer.ends_with('/') => Path::new(answer).join(file_name),
        _ => PathBuf::from(answer),
    }))
}

/// Opens the native dialog for `pick` over `window`; blocks until the person
/// answers, so call it off the main thread. `None` when cancelled.
pub fn native<R: Runtime>(
    window: &WebviewWindow<R>,
    pick: Pick,
    filter_name: &str,
) -> Result<Option<PathBuf>, CommandError> {
    let mut dialog = window.dialog().file().set_parent(window);
    let chosen = match pick {
        Pick::Save { file_name } => dialog
            .set_file_name(&file_name)
            .add_filter(filter_name, &["csv"])
            .blocking_save_file(),
        Pick::File { extensions } => {
            if !extensions.is_empty() {
                dialog = dialog.add_filter(filter_name, extensions);
            }
            dialog.blocking_pick_file()
        }
        Pick::Folder => dialog.blocking_pick_folder(),
    };
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|e| CommandError::app(e.to_string()))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stub_answers_with_its_file_read_at_each_pick() {
        let dir = tempfile::tempdir().expect("tempdir");
        let answers = dir.path().join("answer");
        std::fs::write(&answers, "/tmp/out/\n").expect("write");
        let save = &Pick::Save {
            file_name: "gardefou-2026-11-acme.csv".into(),
        };
        assert_eq!(
            stubbed(&answers, save).expect("save"),
            Some(PathBuf::from("/tmp/out/gardefou-2026-11-acme.csv"))
        );
        std::fs::write(&answers, "/tmp/mine.csv").expect("write");
        assert_eq!(
            stubbed(&answers, save).expect("save"),
            Some(PathBuf::from("/tmp/mine.csv"))
        );
        assert_eq!(
            stubbed(&answers, &Pick::Folder).expect("folder"),
            Some(PathBuf::from("/tmp/mine.csv"))
        );
        std::fs::write(&answers, "").expect("write");
        assert_eq!(stubbed(&answers, &Pick::Folder).expect("cancelled"), None);
        std::fs::remove_file(&answers).expect("rm");
        assert!(stubbed(&answers, &Pick::Folder).is_err());
    }
}
