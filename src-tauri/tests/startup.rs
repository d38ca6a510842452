//! The app binary, without a display: what it does before any window.

use std::process::Command;

#[test]
fn an_unusable_database_is_reported_and_the_app_exits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("not-a-database.sqlite3");
    std::fs::write(
        &db,
        "this is not SQLite, and it is long enough to have a header",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_gardefou-desktop"))
        .env("GARDEFOU_DB", &db)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run the app");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("gardefou-desktop: "), "{stderr}");
}
