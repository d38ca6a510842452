//! The tray icon: "Start ‹client›" per active client (most recent first),
//! "Stop ‹client› (1:23)" while a timer runs, "Week summary", "Open
//! Gardefou", "Quit".
//! Clicks are handled off the main thread: they touch the database.

use std::sync::Mutex;

use gardefou::model::Source;
use gardefou::tracker::StartRequest;
use tauri::image::Image;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::tray_labels as labels;
use crate::view::{Refusal, Snapshot};
use crate::{AppState, START_REFUSED};
use gardefou::i18n::Locale;

pub const TRAY_ID: &str = "gardefou";
const OPEN: &str = "open";
const SUMMARY: &str = "summary";
const QUIT: &str = "quit";
const STOP: &str = "stop";
/// Followed by the client's name.
const START_PREFIX: &str = "start:";

const IDLE_ICON: Image<'_> = tauri::include_image!("../icons/tray-idle.png");
const RUNNING_ICON: Image<'_> = tauri::include_image!("../icons/tray-running.png");

/// Which icon the tray shows now (setting it writes a file: only on change).
#[derive(Debug, Default)]
struct TrayShown {
    running: Mutex<Option<bool>>,
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
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(IDLE_ICON)
        .tooltip("Gardefou")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| on_menu_event(app, event))
        .build(app)?;
    app.manage(TrayShown::default());
    Ok(())
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
    let running = snapshot
        .running
        .as_ref()
        .map(|r| (r.client.as_str(), r.duration_seconds));
    tray.set_tooltip(Some(labels::tooltip(running, l)))?;
    // AppIndicator (Linux) has no tooltip: its label, shown next to the icon,
    // carries the running timer instead, and is empty when idle.
    #[cfg(target_os = "linux")]
    tray.set_title(Some(labels::panel(running, l)))?;

    let running = snapshot.running.is_some();
    if let Some(shown) = app.try_state::<TrayShown>() {
        let mut shown = shown.running.lock().unwrap_or_else(|e| e.into_inner());
        if *shown != Some(running) {
            tray.set_icon(Some(if running { RUNNING_ICON } else { IDLE_ICON }))?;
            *shown = Some(running);
        }
    }
    Ok(())
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref().to_string();
    match id.as_str() {
        OPEN => crate::show_main_window(app),
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
        eprintln!("gardefou-desktop: {e}");
    }
    if let Err(e) = crate::publish(app, &state) {
        eprintln!("gardefou-desktop: {e}");
    }
}
