//! Declares the app's commands so that each needs an explicit permission
//! (granted in `capabilities/`).

fn main() {
    let commands: &[&str] = include!("src/command_names.rs");
    let manifest = tauri_build::AppManifest::new().commands(commands);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
