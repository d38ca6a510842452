//! Gardefou's desktop shell: a tray and one window on the core.
//!
//! Thin by design: commands call the core and map errors (`commands`), the
//! tray mirrors the state (`tray`), a background thread follows changes made
//! by the CLI (`ticker`), another shows the boundaries' alerts as native
//! notifications and window banners (`notices`), and the window's vocabulary
//! lives in `view`. A desktop citizen: one instance per database
//! (`single_instance`), start at login (`autostart`), a log file (`logging`).

// The one list of commands (`gardefou_commands!`), shared with build.rs.
include!("command_names.rs");

pub mod autostart;
pub mod commands;
pub mod dialogs;
pub mod error;
pub mod launch;
pub mod logging;
pub mod notices;
pub mod platform;
pub mod single_instance;
pub mod summary;
pub mod ticker;
pub mod transfer;
pub mod tray;
pub mod tray_labels;
pub mod view;
pub mod watch;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use gardefou::Tracker;
use gardefou::clock::{Clock, SystemClock};
use gardefou::i18n::Locale;
use tauri::{AppHandle, Builder, Emitter, Manager, Runtime, WebviewWindow, WindowEvent};

use crate::error::CommandError;
use crate::launch::Launch;
use crate::notices::BannerLog;
use crate::view::{LaunchView, Snapshot};

/// The label of the one window.
pub const MAIN_WINDOW: &str = "main";
/// Emitted with a [`Snapshot`] whenever the state changes (here, in the tray or in the CLI).
pub const STATE_CHANGED: &str = "state-changed";
/// Emitted with a [`view::Refusal`] when a start from the tray is refused.
pub const START_REFUSED: &str = "start-refused";
/// Emitted with the view a later launch named (`gardefou-desktop clients`), or null.
pub const OPEN_VIEW: &str = "open-view";
/// Emitted with a [`transfer::ImportProgress`] while an import reads its source.
pub const IMPORT_PROGRESS: &str = "import-progress";

/// The app's managed state: the core behind a lock, and what the tray needs.
pub struct AppState {
    tracker: Mutex<Tracker>,
    clock: Arc<dyn Clock>,
    /// Whether a StatusNotifierWatcher owns its name on the session bus.
    tray_host: Arc<AtomicBool>,
    /// The running timer's start as last published (the ticker refreshes the
    /// tray when its minute changes).
    published: Mutex<Published>,
    /// The view named on the command line, until the window asks for it.
    launch_view: Mutex<Option<LaunchView>>,
    /// The alerts' banners so far, for a window that opens late.
    pub banners: BannerLog,
    /// Answers the file dialogs instead of showing them (tests; see `dialogs`).
    dialog_stub: Option<PathBuf>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Published {
    running_start: Option<DateTime<Utc>>,
    minutes: i64,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("tracker", &self.tracker)
            .field("tray_host", &self.tray_host)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(tracker: Tracker) -> Self {
        let clock = tracker.clock().clone();
        Self {
            tracker: Mutex::new(tracker),
            clock,
            tray_host: Arc::new(AtomicBool::new(false)),
            published: Mutex::new(Published::default()),
            launch_view: Mutex::new(None),
            banners: BannerLog::default(),
            dialog_stub: None,
        }
    }

    /// Answers the file dialogs from the file at `answers` (see `dialogs`).
    pub fn with_dialog_stub(mut self, answers: Option<PathBuf>) -> Self {
        self.dialog_stub = answers;
        self
    }

    /// Asks where to save or what to read: the native dialog over `window`,
    /// or the stub's answer. `None` when the person cancelled.
    pub async fn pick<R: Runtime>(
        &self,
        window: WebviewWindow<R>,
        pick: dialogs::Pick,
        filter_name: String,
    ) -> Result<Option<PathBuf>, CommandError> {
        if let Some(answers) = &self.dialog_stub {
            return dialogs::stubbed(answers, &pick);
        }
        // The dialog waits for the person: on the blocking pool, not a command worker.
        tauri::async_runtime::spawn_blocking(move || dialogs::native(&window, pick, &filter_name))
            .await
            .map_err(|e| CommandError::app(e.to_string()))?
    }

    /// Opens the window on `view` (`gardefou-desktop sessions`).
    pub fn with_launch_view(self, view: Option<LaunchView>) -> Self {
        *self.launch_view.lock().unwrap_or_else(|e| e.into_inner()) = view;
        self
    }

    pub fn take_launch_view(&self) -> Option<LaunchView> {
        self.launch_view
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// Opens the CLI's database (`GARDEFOU_DB`, else the platform data folder).
    pub fn open_default() -> gardefou::Result<Self> {
        let path = gardefou::paths::resolve_db_path(None)?;
        Ok(Self::new(Tracker::open(&path, Arc::new(SystemClock))?))
    }

    /// Runs `f` with the tracker locked, mapping the core's error once.
    pub fn with_tracker<T>(
        &self,
        f: impl FnOnce(&mut Tracker) -> gardefou::Result<T>,
    ) -> Result<T, CommandError> {
        let mut tracker = self.tracker.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut tracker).map_err(|error| {
            // The sentence in the user's language (English if even that fails).
            let locale = tracker.settings().map_or(Locale::En, |s| s.locale);
            CommandError::new(&error, locale)
        })
    }

    pub fn snapshot(&self) -> Result<Snapshot, CommandError> {
        self.with_tracker(Snapshot::read)
    }

    pub fn has_tray_host(&self) -> bool {
        self.tray_host.load(Ordering::Relaxed)
    }

    /// The running timer's start as last published.
    pub fn published_running_start(&self) -> Option<DateTime<Utc>> {
        self.published
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .running_start
    }

    /// True when the running timer's minute has moved since the last publish.
    fn minute_changed(&self) -> bool {
        let published = *self.published.lock().unwrap_or_else(|e| e.into_inner());
        match published.running_start {
            Some(start) => (self.clock.now() - start).num_minutes() != published.minutes,
            None => false,
        }
    }

    fn remember(&self, snapshot: &Snapshot) {
        let mut published = self.published.lock().unwrap_or_else(|e| e.into_inner());
        *published = Published {
            running_start: snapshot.running_start(),
            minutes: snapshot
                .running
                .as_ref()
                .map_or(0, |r| r.duration_seconds / 60),
        };
    }
}

/// Reads the state once and shows it everywhere: the tray (menu, tooltip,
/// icon) and the window (`state-changed`); applies the settings the system
/// keeps (start at login). Never call it on the main thread.
pub fn publish<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Result<Snapshot, CommandError> {
    let snapshot = state.snapshot()?;
    state.remember(&snapshot);
    if let Err(e) = tray::update(app, &snapshot) {
        log::warn!("cannot update the tray: {e}");
    }
    if let Err(e) = app.emit(STATE_CHANGED, &snapshot) {
        log::warn!("cannot notify the window: {e}");
    }
    notices::announce_backup_failure(app, state);
    match state.with_tracker(|t| t.settings()) {
        Ok(settings) => autostart::apply(app, settings.autostart),
        Err(e) => log::warn!("cannot read the settings: {e}"),
    }
    Ok(snapshot)
}

/// Shows, unminimizes and focuses the main window.
pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Registers every command of the one list.
macro_rules! handler {
    ($($name:ident ( $($args:ty)? ) -> $ret:ty $(, windows [$($window:literal),*])?;)*) => {
        tauri::generate_handler![$(commands::$name),*]
    };
}

/// The parts of the app that tests drive through the mock runtime: state and commands.
pub fn with_commands<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    let watch = watch::Watch::new(state.clock.clone());
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(watch)
        .invoke_handler(gardefou_commands!(handler))
}

/// The desktop app: one instance per database, then the log, start at
/// login, commands, the tray, the tray-host watch, the ticker and the notices.
pub fn run() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let at_login = launch::at_login(&args);
    let launch = match Launch::parse(&launch::without_login(&args)) {
        Ok(launch) => launch,
        Err(e) => {
            logging::before_tauri(&e.to_string());
            std::process::exit(2);
        }
    };
    let db = gardefou::paths::resolve_db_path(None).ok();
    let state = match AppState::open_default() {
        Ok(state) => state
            .with_launch_view(launch.and_then(Launch::view))
            .with_dialog_stub(dialogs::stub_from_env()),
        Err(e) => {
            logging::before_tauri(&e.message(Locale::from_env()));
            show_startup_failure(&e);
        }
    };
    // The single-instance plugin first: a second launch hands its arguments
    // to the running app and exits 0 before anything else starts.
    let builder = Builder::default()
        .plugin(single_instance::plugin(db.as_deref()))
        .plugin(logging::plugin())
        .plugin(autostart::plugin());
    let result = with_commands(builder, state)
        .setup(move |app| {
            let handle = app.handle();
            app.manage(autostart::Applied::default());
            let tray_host = app.state::<AppState>().tray_host.clone();
            platform::tray_host::watch(tray_host.clone());
            if at_login {
                stay_in_the_tray(handle, tray_host);
            }
            tray::create(handle)?;
            if let Some(Launch::Summary(week)) = launch {
                summary::open(handle, week)?;
            }
            notices::spawn(handle.clone())?;
            // The ticker runs the per-minute hook at once (a summary due opens).
            ticker::spawn(handle.clone())?;
            watch::start(handle);
            log::info!(
                "started on {}",
                db.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            );
            Ok(())
        })
        .on_window_event(|window, event| {
            // With a tray to come back from, closing only hides the main
            // window; without one (stock GNOME), closing quits. The summary
            // window simply closes.
            if let WindowEvent::CloseRequested { api, .. } = event
                && window.label() == MAIN_WINDOW
                && window.state::<AppState>().has_tray_host()
            {
                api.prevent_close();
                let _ = window.hide();
            }
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        logging::before_tauri(&e.to_string());
        std::process::exit(1);
    }
}

/// Started at login: the window waits in the tray. Where no tray host shows
/// up (stock GNOME), the window comes back, or the app would be unreachable.
fn stay_in_the_tray<R: Runtime>(app: &AppHandle<R>, tray_host: Arc<AtomicBool>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.hide();
    }
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("gardefou-login".into())
        .spawn(move || {
            // The tray host's name is watched asynchronously: give it a moment.
            std::thread::sleep(std::time::Duration::from_secs(3));
            if !tray_host.load(Ordering::Relaxed) {
                log::info!("no tray host: showing the window");
                show_main_window(&app);
            }
        });
    if let Err(e) = spawned {
        log::warn!("cannot wait for the tray host: {e}");
    }
}

/// A database that cannot be opened still gets a window: the reason and the
/// path, read by the page from its address (no command runs without a tracker).
fn show_startup_failure(error: &gardefou::Error) -> ! {
    // Without a display (a headless Linux start) the line on stderr is all there is.
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        std::process::exit(1);
    }
    let path = gardefou::paths::resolve_db_path(None)
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    // No settings can be read: the system's language says it.
    let locale = Locale::from_env();
    let reason = error.message(locale);
    let result = Builder::default()
        .plugin(logging::plugin())
        .setup(move |app| {
            log::error!("{reason}");
            if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
                let mut url = window.url()?;
                url.query_pairs_mut()
                    .append_pair("startup-failed", &reason)
                    .append_pair("path", &path)
                    .append_pair("locale", locale.as_str());
                window.navigate(url)?;
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        logging::before_tauri(&e.to_string());
    }
    std::process::exit(1);
}

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_dialogs;
