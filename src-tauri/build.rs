//! Declares the app's commands so that each needs an explicit permission
//! (granted in `capabilities/`).

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(gardefou_commands());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}

/// Keep in sync with `src/commands.rs` (a test checks it).
fn gardefou_commands() -> &'static [&'static str] {
    &["get_state", "start_timer", "stop_timer", "quit"]
}
