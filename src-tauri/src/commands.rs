//! The window's commands. Each one: parse its argument struct, lock the
//! tracker, call one core function, map the error. They are `async` so that
//! the database (which may wait on the CLI's lock) is never touched on the
//! main thread. The list of commands is `command_names.rs`; each takes at most
//! one argument, `args`, whose struct is exported to TypeScript.

use gardefou::decisions::{Choice, NewDecision};
use gardefou::duration::parse_duration;
use gardefou::import::Format;
use gardefou::model::{Rounding, Source};
use gardefou::summary::WeekSummary;
use gardefou::tracker::{ClientChanges, NewClient, NewSession, SessionChanges, StartRequest};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, Runtime, State, WebviewWindow};

use crate::dialogs::Pick;
use crate::error::CommandError;
use crate::notices::Banners;
pub use crate::transfer::{
    ExportArgs, ExportDone, ExportFileArgs, ExportOptions, ImportArgs, ImportProgress,
    ImportSourceArgs, ImportView,
};
use crate::transfer::{export_done, export_options_view, import_format, import_view};
use crate::view::{
    ClientRow, LaunchView, SettingsView, Snapshot, WeekView, client_rows, settings_view, week_view,
};
use crate::{AppState, IMPORT_PROGRESS};
// The watch's questions and answers live with the watch.
pub use crate::watch::commands::*;

macro_rules! names {
    ($($name:ident ( $($args:ty)? ) -> $ret:ty $(, windows [$($window:literal),*])?;)*) => {
        &[$(stringify!($name)),*]
    };
}

/// The names declared in `build.rs` and granted in `capabilities/`.
pub const NAMES: &[&str] = gardefou_commands!(names);

macro_rules! grants {
    ($($name:ident ( $($args:ty)? ) -> $ret:ty $(, windows [$($window:literal),*])?;)*) => {
        &[$((stringify!($name), {
            #[allow(unused_variables)]
            let windows: &[&str] = &[crate::MAIN_WINDOW];
            $(let windows: &[&str] = &[$($window),*];)?
            windows
        })),*]
    };
}

/// Each command with the window labels its capability grants it to.
pub const GRANTS: &[(&str, &[&str])] = gardefou_commands!(grants);

/// What the Start form sends.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StartTimerArgs {
    pub client_id: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default = "yes")]
    pub billable: bool,
    /// A duration like `30m`, empty for none.
    #[serde(default)]
    pub planned: String,
    /// Crosses a boundary on purpose (stored with the override).
    #[serde(default)]
    pub override_reason: Option<String>,
}

fn yes() -> bool {
    true
}

/// A client's fields as the form sends them (text, parsed by the core).
/// Empty `cap` and `rounding` mean none; an empty `color` keeps the palette's.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClientForm {
    pub name: String,
    #[serde(default)]
    pub rate: String,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub cap: String,
    #[serde(default)]
    pub color: String,
    #[serde(default)]
    pub rounding: String,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EditClientArgs {
    pub id: String,
    pub form: ClientForm,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ArchiveClientArgs {
    pub id: String,
    pub archived: bool,
}

/// The week containing `date` (`YYYY-MM-DD`; none: this week).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WeekArgs {
    #[serde(default)]
    pub date: Option<String>,
}

/// A session's fields; `start`/`end` are `YYYY-MM-DD HH:MM` in the configured
/// zone or RFC 3339 (the instant picked when a local time is ambiguous).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SessionForm {
    pub client_id: String,
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default = "yes")]
    pub billable: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EditSessionArgs {
    pub id: String,
    pub form: SessionForm,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SessionIdArgs {
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SetSettingArgs {
    pub key: String,
    pub value: String,
}

/// The whole state the window shows.
#[tauri::command]
pub async fn get_state(state: State<'_, AppState>) -> Result<Snapshot, CommandError> {
    state.snapshot()
}

/// The view named on the command line (`gardefou-desktop sessions`), once.
#[tauri::command]
pub async fn take_launch_view(
    state: State<'_, AppState>,
) -> Result<Option<LaunchView>, CommandError> {
    Ok(state.take_launch_view())
}

/// The alerts' latest banners and whether desktop notifications failed, for
/// a window that opens after they were sent (later ones come as events), in
/// the user's language now.
#[tauri::command]
pub async fn get_banners(state: State<'_, AppState>) -> Result<Banners, CommandError> {
    let locale = state.with_tracker(|t| Ok(t.settings()?.locale))?;
    Ok(state.banners.current(locale))
}

/// Starts a timer (stopping the running one), like `gardefou start`.
#[tauri::command]
pub async fn start_timer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: StartTimerArgs,
) -> Result<Snapshot, CommandError> {
    // Parsed inside the tracker's lock so a refusal speaks the user's language.
    let planned = args.planned.trim();
    let planned_seconds = if planned.is_empty() {
        None
    } else {
        Some(
            state
                .with_tracker(|_| parse_duration(planned))
                .map_err(|mut e| {
                    // The form's field, not the parser's.
                    e.details.field = Some("planned".into());
                    e
                })?,
        )
    };
    state.with_tracker(|t| {
        let request = StartRequest {
            note: args.note,
            tags: args.tags,
            billable: args.billable,
            planned_seconds,
            source: Source::Timer,
            override_reason: args.override_reason.filter(|r| !r.trim().is_empty()),
            ..StartRequest::new(args.client_id)
        };
        t.start(request)
    })?;
    crate::publish(&app, &state)
}

/// Stops the running timer, like `gardefou stop`.
#[tauri::command]
pub async fn stop_timer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.stop(None))?;
    crate::publish(&app, &state)
}

/// Every client, archived ones too, with this week's hours.
#[tauri::command]
pub async fn list_clients(state: State<'_, AppState>) -> Result<Vec<ClientRow>, CommandError> {
    let (rows, locale) =
        state.with_tracker(|t| Ok((t.clients_this_week()?, t.settings()?.locale)))?;
    Ok(client_rows(&rows, locale))
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn cap(text: &str) -> gardefou::Result<Option<i64>> {
    optional(text)
        .filter(|c| !c.eq_ignore_ascii_case("none"))
        .map(|c| parse_duration(&c))
        .transpose()
}

fn rounding(text: &str) -> gardefou::Result<Option<Rounding>> {
    Rounding::parse_optional(optional(text).as_deref().unwrap_or("none"))
}

/// Adds a client, like `gardefou client add`.
#[tauri::command]
pub async fn add_client<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: ClientForm,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| {
        let new = NewClient {
            name: args.name,
            rate: optional(&args.rate),
            currency: optional(&args.currency),
            cap_seconds: cap(&args.cap)?,
            rounding: rounding(&args.rounding)?,
            color: optional(&args.color),
        };
        t.add_client(new)
    })?;
    crate::publish(&app, &state)
}

/// Edits a client found by id (a rename included), like `gardefou client edit`.
#[tauri::command]
pub async fn edit_client<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: EditClientArgs,
) -> Result<Snapshot, CommandError> {
    let form = args.form;
    state.with_tracker(|t| {
        let changes = ClientChanges {
            rename: optional(&form.name),
            rate: optional(&form.rate),
            currency: optional(&form.currency),
            cap_seconds: Some(cap(&form.cap)?),
            rounding: Some(rounding(&form.rounding)?),
            color: optional(&form.color),
        };
        t.edit_client(&args.id, changes)
    })?;
    crate::publish(&app, &state)
}

/// Archives or unarchives a client (its history is kept).
#[tauri::command]
pub async fn set_client_archived<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: ArchiveClientArgs,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.set_client_archived(&args.id, args.archived))?;
    crate::publish(&app, &state)
}

/// The week containing `date` (default: this week).
#[tauri::command]
pub async fn week_sessions(
    state: State<'_, AppState>,
    args: WeekArgs,
) -> Result<WeekView, CommandError> {
    let week = state.with_tracker(|t| {
        let date = args
            .date
            .as_deref()
            .map(gardefou::when::parse_date)
            .transpose()?;
        t.week_log(date)
    })?;
    Ok(week_view(&week))
}

/// A session's instant, parsed in the configured zone; an error names the
/// field (`start`, `end`) so the window asks about the right one (DST).
fn instant(
    state: &AppState,
    field: &str,
    input: &str,
) -> Result<chrono::DateTime<chrono::Utc>, CommandError> {
    state
        .with_tracker(|t| t.parse_past_time(input))
        .map_err(|mut e| {
            e.details.field.get_or_insert_with(|| field.to_string());
            e
        })
}

/// Adds a past session, like `gardefou add`.
#[tauri::command]
pub async fn add_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: SessionForm,
) -> Result<Snapshot, CommandError> {
    let (start, end) = (
        instant(&state, "start", &args.start)?,
        instant(&state, "end", &args.end)?,
    );
    state.with_tracker(|t| {
        let new = NewSession {
            start,
            end,
            client: args.client_id,
            note: args.note,
            tags: args.tags,
            billable: args.billable,
            allow_long: false,
            source: Source::Manual,
        };
        t.add_session(new)
    })?;
    crate::publish(&app, &state)
}

/// Edits a session found by id, like `gardefou edit`.
#[tauri::command]
pub async fn edit_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: EditSessionArgs,
) -> Result<Snapshot, CommandError> {
    let form = args.form;
    let start = instant(&state, "start", &form.start)?;
    let end = optional(&form.end)
        .map(|end| instant(&state, "end", &end))
        .transpose()?;
    state.with_tracker(|t| {
        let changes = SessionChanges {
            client: Some(form.client_id),
            start: Some(start),
            end,
            note: Some(form.note),
            tags: Some(form.tags),
            billable: Some(form.billable),
            allow_long: false,
        };
        t.edit_session(&args.id, changes)
    })?;
    crate::publish(&app, &state)
}

/// Deletes a session (soft: `restore_session` brings it back).
#[tauri::command]
pub async fn delete_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: SessionIdArgs,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.remove_session(&args.id))?;
    crate::publish(&app, &state)
}

/// Brings a deleted session back (the window's Undo).
#[tauri::command]
pub async fn restore_session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: SessionIdArgs,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.restore_session(&args.id))?;
    crate::publish(&app, &state)
}

/// Every setting, as `gardefou settings show` prints it.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<SettingsView, CommandError> {
    Ok(settings_view(&state.with_tracker(|t| t.settings())?))
}

/// Sets one key, like `gardefou settings set KEY VALUE`.
#[tauri::command]
pub async fn set_setting<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: SetSettingArgs,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.set_setting(&args.key, &args.value))?;
    crate::publish(&app, &state)
}

/// What the export dialog offers: the ranges (this week, last month, ...) as
/// of now in the configured zone, every client, the default rounding.
#[tauri::command]
pub async fn export_options(state: State<'_, AppState>) -> Result<ExportOptions, CommandError> {
    state.with_tracker(|t| {
        let settings = t.settings()?;
        let today = gardefou::calendar::local_date(t.now(), settings.timezone);
        let presets = gardefou::export::plan::presets(today, settings.week_start);
        Ok(export_options_view(presets, &t.clients()?, &settings))
    })
}

/// The native save dialog, on the file name the core suggests for this
/// export (`gardefou-2026-11-acme.csv`); `None` when cancelled.
#[tauri::command]
pub async fn choose_export_file<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    args: ExportArgs,
) -> Result<Option<String>, CommandError> {
    let file_name = state.with_tracker(|t| {
        let request = args.request()?;
        gardefou::export::plan::suggested_file_name(t, &request)
    })?;
    let chosen = state
        .pick(window, Pick::Save { file_name }, "CSV".into())
        .await?;
    Ok(chosen.map(|p| p.display().to_string()))
}

/// Writes the export to `path` atomically (the core's exporter, the same as
/// `gardefou export csv --out`), reading on a connection of its own.
#[tauri::command]
pub async fn export_csv(
    state: State<'_, AppState>,
    args: ExportFileArgs,
) -> Result<ExportDone, CommandError> {
    let (request, mut reader, locale) =
        state.with_tracker(|t| Ok((args.export.request()?, t.reader()?, t.settings()?.locale)))?;
    let path = std::path::PathBuf::from(args.path.trim());
    tauri::async_runtime::spawn_blocking(move || {
        gardefou::export::export_csv_to_file(&mut reader, &request, &path)
            .map(|summary| export_done(&summary, &path, locale))
            .map_err(|e| CommandError::new(&e, locale))
    })
    .await
    .map_err(|e| CommandError::app(e.to_string()))?
}

/// The native open dialog for an import's source: a CSV file (Toggl,
/// Clockify), Watson's `frames` file, a Timewarrior folder.
#[tauri::command]
pub async fn choose_import_source<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    args: ImportSourceArgs,
) -> Result<Option<String>, CommandError> {
    let format = state.with_tracker(|_| import_format(&args.format))?;
    let pick = match format {
        Format::Toggl | Format::Clockify => Pick::File {
            extensions: &["csv"],
        },
        Format::Watson => Pick::File { extensions: &[] },
        Format::Timewarrior => Pick::Folder,
    };
    let chosen = state.pick(window, pick, "CSV".into()).await?;
    Ok(chosen.map(|p| p.display().to_string()))
}

/// Runs an import (or its dry run) on a tracker of its own, on a worker
/// thread: the app's tracker stays free meanwhile. Progress goes out as
/// `import-progress` events.
async fn import<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    args: ImportArgs,
    dry_run: bool,
) -> Result<ImportView, CommandError> {
    let (request, mut worker, locale) =
        state.with_tracker(|t| Ok((args.request(dry_run)?, t.sibling()?, t.settings()?.locale)))?;
    let events = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut progress = |done, total| {
            let _ = events.emit(IMPORT_PROGRESS, ImportProgress { done, total });
        };
        worker
            .import(&request, &mut progress)
            .map(|summary| import_view(&summary, locale))
            .map_err(|e| CommandError::new(&e, locale))
    })
    .await
    .map_err(|e| CommandError::app(e.to_string()))?
}

/// What an import would do (`gardefou import ... --dry-run`): nothing is written.
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: ImportArgs,
) -> Result<ImportView, CommandError> {
    import(&app, &state, args, true).await
}

/// Imports, in one transaction (an error writes nothing), like `gardefou import`.
#[tauri::command]
pub async fn run_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: ImportArgs,
) -> Result<ImportView, CommandError> {
    let view = import(&app, &state, args, false).await?;
    crate::publish(&app, &state)?;
    Ok(view)
}

/// Quits the app; a running timer stays recorded in the database.
#[tauri::command]
pub fn quit<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

// ---- the week summary window -------------------------------------------

/// The week containing `date` (`YYYY-MM-DD`; none: the week under review).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SummaryArgs {
    #[serde(default)]
    pub date: Option<String>,
}

/// The answer to the week's question about a client.
#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ChoiceArg {
    Keep,
    Renegotiate,
    RaiseRate,
    EndEngagement,
    Skip,
}

impl From<ChoiceArg> for Choice {
    fn from(c: ChoiceArg) -> Self {
        match c {
            ChoiceArg::Keep => Self::Keep,
            ChoiceArg::Renegotiate => Self::Renegotiate,
            ChoiceArg::RaiseRate => Self::RaiseRate,
            ChoiceArg::EndEngagement => Self::EndEngagement,
            ChoiceArg::Skip => Self::Skip,
        }
    }
}

/// One decision, like `gardefou decide`: `rate` for raise_rate (decimal,
/// `55.00`), `notice_until` (`YYYY-MM-DD`) for an engagement ending after a
/// notice period; empty texts are none.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DecisionArgs {
    pub client_id: String,
    /// A day of the week decided about (`YYYY-MM-DD`).
    pub week: String,
    pub choice: ChoiceArg,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub rate: String,
    #[serde(default)]
    pub notice_until: String,
}

fn summary_date(date: Option<&str>) -> gardefou::Result<Option<chrono::NaiveDate>> {
    date.and_then(optional)
        .map(|d| gardefou::when::parse_date(&d))
        .transpose()
}

/// Opens the summary window on the week containing `date` (the main
/// window's button).
#[tauri::command]
pub async fn open_summary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: SummaryArgs,
) -> Result<(), CommandError> {
    let week = state.with_tracker(|_| summary_date(args.date.as_deref()))?;
    crate::summary::open(&app, week).map_err(|e| CommandError::app(e.to_string()))
}

/// The summary of the week containing `date`, as the summary window shows it.
#[tauri::command]
pub async fn week_summary(
    state: State<'_, AppState>,
    args: SummaryArgs,
) -> Result<WeekSummary, CommandError> {
    state.with_tracker(|t| {
        let date = summary_date(args.date.as_deref())?;
        WeekSummary::read(t, date)
    })
}

/// Records the week's decision about a client (like `gardefou decide`)
/// and returns that week's summary again.
#[tauri::command]
pub async fn record_decision<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: DecisionArgs,
) -> Result<WeekSummary, CommandError> {
    let summary = state.with_tracker(|t| {
        let week = gardefou::when::parse_date(&args.week)?;
        let notice_until = optional(&args.notice_until)
            .map(|d| {
                gardefou::when::parse_date(&d).map_err(|_| {
                    gardefou::Error::invalid("notice_until", d, gardefou::error::Problem::NotADate)
                })
            })
            .transpose()?;
        t.record_decision(NewDecision {
            client: args.client_id,
            week: Some(week),
            choice: args.choice.into(),
            note: optional(&args.note),
            notice_until,
            rate: optional(&args.rate),
        })?;
        WeekSummary::read(t, Some(week))
    })?;
    // A raised rate or an archived client changes what the main window shows.
    crate::publish(&app, &state)?;
    Ok(summary)
}
