//! Declares the app's commands so that each needs an explicit permission
//! (granted in `capabilities/`). The names come from the one list in
//! `src/command_names.rs`.

include!("src/command_names.rs");

macro_rules! names {
    ($($name:ident ( $($args:ty)? ) -> $ret:ty $(, windows [$($window:literal),*])?;)*) => {
        &[$(stringify!($name)),*]
    };
}

fn main() {
    let commands: &[&str] = gardefou_commands!(names);
    let manifest = tauri_build::AppManifest::new().commands(commands);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed");
}
