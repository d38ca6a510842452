//! The tray icon: "Start ‹client›" per active client (most recent first),
//! "Stop ‹client› (1:23)" while a timer runs, "Settings", "Week summary",
//! "Open Gardefou", "Quit". Its icon shows where the user stands (idle,
//! running, over a boundary: the core decides), its label or tooltip the
//! running timer and the week against the cap. Clicks are handled off the
//! main thread: they touch the database.

use std::sync::Mutex;

use gardefou::model::Source;
use gardefou::tracker::StartRequest;
use tauri::image::Image;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::tray_labels::{self as labels, TrayFacts};
use crate::view::LaunchView;
use crate::view::{Refusal, Snapshot};
use crate::{AppState, START_REFUSED};
use gardefou::i18n::Locale;
use gardefou::tracker::Standing;

pub const TRAY_ID: &str = "gardefou";
const OPEN: &str = "open";
const SETTINGS: &str = "settings";
const SUMMARY: &str = "summary";
const QUIT: &str = "quit";
const STOP: &str = "stop";
/// Followed by the client's name.
const START_PREFIX: &str = "start:";

const IDLE_ICON: Image<'_> = tauri::include_image!("../icons/tray-idle.png");
const RUNNING_ICON: Image<'_> = tauri::include_image!("../icons/tray-running.png");
const OVER_ICON: Image<'_> = tauri::include_image!("../icons/tray-over.png");

/// The icon for where the user stands.
pub fn icon(standing: Standing) -> Image<'static> {
    match standing {
        Standing::Idle => IDLE_ICON,
        Standing::Running => RUNNING_ICON,
        Standing::OverBoundary => OVER_ICON,
    }
}

/// Which icon the tray shows now (setting it writes a file: only on change).
#[derive(Debug, Default)]
struct TrayShown {
    standing: Mutex<Option<Standing>>,
}

/// The user's language, from the settings (English if they cannot be read).
fn locale<R: Runtime>(app: &AppHandle<R>) -> Locale {
    app.try_state::<AppState>()
        .and_then(|state| state.with_tracker(|t| t.settings()).ok())
        .map_or(Locale::En, |s| s.locale)
}

/// Creates the tray with a minimal menu; the first publish fills it in.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let l = locale(app);
    let menu = Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, SUMMARY, labels::summary(l), true, None::<&str>)?,
            &MenuItem::with_id(app, OPEN, labels::open(l), true, None::<&str>)?,
            &MenuItem::with_id(app, QUIT, labels::quit(l), true, None::<&str>)?,
        ],
    )?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID);
    // Linux's tray writes the icon to a file: one folder per database, so two
    // apps (on two databases) never overwrite each other's icon.
    if let Some(dir) = icon_folder(app) {
        builder = builder.temp_dir_path(dir);
    }
    builder
        .icon(IDLE_ICON)
        .tooltip("Gardefou")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| on_menu_event(app, event))
        .build(app)?;
    app.manage(TrayShown::default());
    Ok(())
}

fn icon_folder<R: Runtime>(app: &AppHandle<R>) -> Option<std::path::PathBuf> {
    let state = app.try_state::<AppState>()?;
    let db = state
        .with_tracker(|t| Ok(t.db_path().map(std::path::Path::to_path_buf)))
        .ok()??;
    let base = app
        .path()
        .runtime_dir()
        .unwrap_or_else(|_| std::env::temp_dir());
    Some(
        base.join("gardefou-tray")
            .join(crate::single_instance::dbus_id(&db)),
    )
}

/// Rebuilds the menu and the tooltip from `snapshot`. No-op without a tray.
pub fn update<R: Runtime>(app: &AppHandle<R>, snapshot: &Snapshot) -> tauri::Result<()> {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return Ok(());
    };
    let l = locale(app);
    let menu = Menu::new(app)?;
    if let Some(running) = &snapshot.running {
        menu.append(&MenuItem::with_id(
            app,
            STOP,
            labels::stop(&running.client, running.duration_seconds, l),
            true,
            None::<&str>,
        )?)?;
        menu.append(&PredefinedMenuItem::separator(app)?)?;
    }
    // Items are addressed by client id: a rename never breaks the menu.
    let running_client = snapshot.running.as_ref().map(|r| r.client_id.as_str());
    for client in &snapshot.clients {
        if Some(client.id.as_str()) == running_client {
            continue;
        }
        let id = format!("{START_PREFIX}{}", client.id);
        menu.append(&MenuItem::with_id(
            app,
            id,
            labels::start(&client.name, l),
            true,
            None::<&str>,
        )?)?;
    }
    if !snapshot.clients.is_empty() {
        menu.append(&PredefinedMenuItem::separator(app)?)?;
    }
    menu.append(&MenuItem::with_id(
        app,
        SETTINGS,
        labels::settings(l),
        true,
        None::<&str>,
    )?)?;
    menu.append(&MenuItem::with_id(
        app,
        SUMMARY,
        labels::summary(l),
        true,
        None::<&str>,
    )?)?;
    menu.append(&MenuItem::with_id(
        app,
        OPEN,
        labels::open(l),
        true,
        None::<&str>,
    )?)?;
    menu.append(&MenuItem::with_id(
        app,
        QUIT,
        labels::quit(l),
        true,
        None::<&str>,
    )?)?;
    tray.set_menu(Some(menu))?;
    let facts = TrayFacts::of(snapshot);
    tray.set_tooltip(Some(labels::tooltip(&facts, l)))?;
    // AppIndicator (Linux) has no tooltip: its label, shown next to the icon,
    // carries the running timer and the week instead, and is empty when idle.
    #[cfg(target_os = "linux")]
    tray.set_title(Some(labels::panel(&facts, l)))?;

    let standing = snapshot.meters.standing;
    if let Some(shown) = app.try_state::<TrayShown>() {
        let mut shown = shown.standing.lock().unwrap_or_else(|e| e.into_inner());
        if *shown != Some(standing) {
            tray.set_icon(Some(icon(standing)))?;
            *shown = Some(standing);
        }
    }
    Ok(())
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref().to_string();
    match id.as_str() {
        OPEN => crate::show_main_window(app),
        SETTINGS => {
            crate::launch::open(app, Some(crate::launch::Launch::View(LaunchView::Settings)))
        }
        QUIT => app.exit(0),
        SUMMARY => {
            // Reads the database: not on the main thread.
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || {
                crate::launch::open(&app, Some(crate::launch::Launch::Summary(None)));
            });
        }
        _ => {
            // Start and Stop write to the database: not on the main thread.
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || act(&app, &id));
        }
    }
}

fn act<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let state = app.state::<AppState>();
    let result = if id == STOP {
        state.with_tracker(|t| t.stop(None)).map(|_| ())
    } else if let Some(client) = id.strip_prefix(START_PREFIX) {
        let mut request = StartRequest::new(client);
        request.source = Source::Tray;
        state
            .with_tracker(|t| t.start(request))
            .map(|_| ())
            .inspect_err(|error| {
                // Say why in the window instead of starting.
                crate::show_main_window(app);
                let refusal = Refusal {
                    client_id: client.to_string(),
                    error: error.clone(),
                };
                let _ = app.emit(START_REFUSED, &refusal);
            })
    } else {
        return;
    };
    if let Err(e) = result {
        log::info!("the tray's {id} did not happen: {e}");
    }
    if let Err(e) = crate::publish(app, &state) {
        log::warn!("cannot read the state: {e}");
    }
}
