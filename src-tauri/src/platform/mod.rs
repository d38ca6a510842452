//! What differs between Linux, Windows and macOS, one module per concern.
//! Each module gives the rest of the app one function or one small trait and
//! keeps its `cfg` branches inside; nothing outside `platform` names an OS.
//!
//! Linux is built, tested and run here; Windows is type-checked and linted in
//! CI (`x86_64-pc-windows-gnu`); the macOS branches are written to the
//! documented APIs but only compile where an Apple SDK exists.

pub mod ask;
pub mod idle;
pub mod sleep;
pub mod tray_host;
