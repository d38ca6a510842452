//! The end-of-week summary window (label `summary`, its own capability):
//! opened from the main window, the tray, `gardefou-desktop summary
//! [--week DATE]`, and by itself once at the end of the working week (the
//! core's `summary_due`, checked at launch and each minute by
//! [`every_minute`]). The window reads the core's `WeekSummary`.

use std::sync::Mutex;

use chrono::NaiveDate;
use gardefou::i18n::Locale;
use tauri::{AppHandle, Emitter, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};

use crate::AppState;

/// The summary window's label (its capability names it).
pub const SUMMARY_WINDOW: &str = "summary";
/// Emitted to an open summary window with the week to show (`YYYY-MM-DD`), or null.
pub const SUMMARY_WEEK: &str = "summary-week";

/// The page of the summary window, with the week it opens on.
pub fn page(week: Option<NaiveDate>) -> String {
    match week {
        Some(week) => format!("summary.html?week={week}"),
        None => "summary.html".to_string(),
    }
}

/// Shows the summary of the week containing `week` (default: the week
/// under review): a new window, or the open one brought forward on that
/// week. A week whose summary is due counts as shown from then on.
pub fn open<R: Runtime>(app: &AppHandle<R>, week: Option<NaiveDate>) -> tauri::Result<()> {
    let state = app.state::<AppState>();
    mark_shown_if_due(&state, week);
    if let Some(window) = app.get_webview_window(SUMMARY_WINDOW) {
        let _ = window.emit_to(SUMMARY_WINDOW, SUMMARY_WEEK, week.map(|w| w.to_string()));
        let _ = window.unminimize();
        window.show()?;
        let _ = window.set_focus();
        return Ok(());
    }
    let locale = state
        .with_tracker(|t| t.settings())
        .map_or(Locale::En, |s| s.locale);
    WebviewWindowBuilder::new(app, SUMMARY_WINDOW, WebviewUrl::App(page(week).into()))
        .title(gardefou::tr!(locale, "summary-window-title"))
        .inner_size(1100.0, 800.0)
        .min_inner_size(420.0, 480.0)
        .resizable(true)
        .build()?;
    Ok(())
}

/// Records the week as shown when it is the one the core says is due, so
/// that a summary opened by hand is not opened again by itself.
fn mark_shown_if_due(state: &AppState, week: Option<NaiveDate>) {
    let result = state.with_tracker(|t| {
        let Some(due) = t.summary_due()? else {
            return Ok(());
        };
        let policy = t.settings()?.policy();
        let shown = week.map_or_else(
            || gardefou::decisions::review_week(&policy, t.now()),
            |d| gardefou::calendar::week_first_day(d, policy.week_start),
        );
        if shown == due {
            t.record_summary_shown(due)?;
        }
        Ok(())
    });
    if let Err(e) = result {
        log::warn!("{e}");
    }
}

/// The minute [`every_minute`] last ran in (it may be called more often).
#[derive(Debug, Default)]
struct LastMinute(Mutex<Option<i64>>);

/// The summary's work once a minute (and at launch): ends the engagements
/// whose notice period is over, and opens the week's summary when the core
/// says it is due (once per week) and no summary is open. Cheap when nothing
/// is due: two reads.
pub fn every_minute<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    if app.try_state::<LastMinute>().is_none() {
        app.manage(LastMinute::default());
    }
    let minute = state.clock.now().timestamp().div_euclid(60);
    if let Some(last) = app.try_state::<LastMinute>() {
        let mut last = last.0.lock().unwrap_or_else(|e| e.into_inner());
        if *last == Some(minute) {
            return;
        }
        *last = Some(minute);
    }
    match state.with_tracker(|t| t.end_due_engagements()) {
        Ok(ended) if !ended.is_empty() => {
            if let Err(e) = crate::publish(app, state) {
                log::warn!("{e}");
            }
        }
        Ok(_) => {}
        Err(e) => log::warn!("{e}"),
    }
    // A summary the user has open (another week, asked for) is left alone;
    // the due one opens once they close it.
    if app.get_webview_window(SUMMARY_WINDOW).is_some() {
        return;
    }
    match state.with_tracker(|t| t.summary_due()) {
        Ok(Some(week)) => {
            if let Err(e) = open(app, Some(week)) {
                log::warn!("cannot open the week summary: {e}");
            }
        }
        Ok(None) => {}
        Err(e) => log::warn!("{e}"),
    }
}
