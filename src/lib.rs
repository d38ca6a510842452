//! Gardefou's core: a time tracker for freelancers that guards their boundaries.
//!
//! No Tauri, no window, no system clock here: time comes from a [`clock::Clock`],
//! data from [`store::Store`], and both front ends (the `gardefou` CLI and the
//! desktop app) call [`tracker::Tracker`].

pub mod backup;
pub mod calendar;
pub mod clock;
pub mod day;
pub mod decisions;
pub mod duration;
pub mod error;
pub mod export;
pub mod i18n;
pub mod ids;
pub mod import;
pub mod model;
pub mod money;
pub mod notify;
pub mod paths;
pub mod report;
pub mod rules;
pub mod settings;
pub mod store;
pub mod summary;
pub mod tracker;
pub mod watching;
pub mod when;
pub mod window;

pub use error::{Error, Result};
pub use tracker::Tracker;
