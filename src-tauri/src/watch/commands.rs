//! The watch's commands: the questions standing, and one answer each,
//! thin over the core (`Tracker::{recover, answer_away, stop}`). Each answer
//! pushes the new state and the remaining questions.

use chrono::{DateTime, Utc};
use gardefou::error::{Error, Problem};
use gardefou::tracker::{AwayChoice, AwayRequest};
use gardefou::watching::{AwayCause, RecoveryAnswer};
use serde::Deserialize;
use tauri::{AppHandle, Runtime, State};
use uuid::Uuid;

use super::{Watch, WatchView, evaluate};
use crate::AppState;
use crate::error::CommandError;
use crate::view::Snapshot;

/// The answer to the recovery question: `last-seen`, `keep` or `now`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecoveryArgs {
    pub answer: String,
}

/// The answer to an away question, with its stretch as it was sent.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AwayArgs {
    pub session_id: String,
    pub from: String,
    pub to: String,
    pub cause: String,
    /// `keep`, `discard`, `reassign` or `non_billable`.
    pub choice: String,
    /// With `discard`: the same timer goes on from the return.
    #[serde(default)]
    pub restart: bool,
    /// With `reassign`: the client the time goes to (id).
    #[serde(default)]
    pub client_id: Option<String>,
}

/// The answer to "Still working?" in the window: stop the timer, or go on.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StillWorkingArgs {
    pub key: String,
    pub stop: bool,
}

const RECOVERY_ANSWERS: &[&str] = &["last-seen", "keep", "now"];
const AWAY_CHOICES: &[&str] = &["keep", "discard", "reassign", "non_billable"];

fn recovery_answer(text: &str) -> gardefou::Result<RecoveryAnswer> {
    match text {
        "last-seen" => Ok(RecoveryAnswer::StopAtLastSeen),
        "keep" => Ok(RecoveryAnswer::KeepRunning),
        "now" => Ok(RecoveryAnswer::StopNow),
        other => Err(Error::invalid(
            "answer",
            other,
            Problem::NotOneOf {
                choices: RECOVERY_ANSWERS,
            },
        )),
    }
}

fn instant(field: &'static str, text: &str) -> gardefou::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .map_err(|_| Error::invalid(field, text, Problem::NotATime))
}

/// The request the core takes, from what the window sent.
pub(super) fn away_request(args: &AwayArgs) -> gardefou::Result<AwayRequest> {
    let session_id = Uuid::parse_str(&args.session_id).map_err(|_| Error::SessionNotFound {
        handle: args.session_id.clone(),
    })?;
    let choice = match args.choice.as_str() {
        "keep" => AwayChoice::Keep,
        "discard" => AwayChoice::Discard {
            restart: args.restart,
        },
        "reassign" => AwayChoice::Reassign {
            client: args.client_id.clone().unwrap_or_default(),
        },
        "non_billable" => AwayChoice::NonBillable,
        other => {
            return Err(Error::invalid(
                "choice",
                other,
                Problem::NotOneOf {
                    choices: AWAY_CHOICES,
                },
            ));
        }
    };
    Ok(AwayRequest {
        session_id,
        from: instant("from", &args.from)?,
        to: instant("to", &args.to)?,
        cause: AwayCause::parse(&args.cause)?,
        choice,
    })
}

/// The questions standing now (the window asks once it has loaded).
#[tauri::command]
pub async fn watch_questions<R: Runtime>(app: AppHandle<R>) -> Result<WatchView, CommandError> {
    Ok(evaluate(&app))
}

/// Answers the recovery question, like `gardefou recover`.
#[tauri::command]
pub async fn answer_recovery<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    args: RecoveryArgs,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.recover(recovery_answer(&args.answer)?))?;
    let snapshot = crate::publish(&app, &state)?;
    evaluate(&app);
    Ok(snapshot)
}

/// Answers an away question: keep, discard (optionally going on from the
/// return), give to another client, or mark non-billable.
#[tauri::command]
pub async fn answer_away<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    watch: State<'_, Watch>,
    args: AwayArgs,
) -> Result<Snapshot, CommandError> {
    let (from, to) = state.with_tracker(|t| {
        let request = away_request(&args)?;
        let session_id = request.session_id;
        let to = request.to;
        let outcome = t.answer_away(request)?;
        // A suspend also silences the heartbeat: the time it kept is
        // answered, so the recovery question for the same stretch is too.
        let still_running = outcome.session.as_ref().is_some_and(|s| s.is_running());
        if still_running
            && t.recovery()?
                .is_some_and(|r| r.session_id == session_id && r.last_seen <= to)
        {
            t.recover(RecoveryAnswer::KeepRunning)?;
        }
        Ok((outcome.period.from, outcome.period.to))
    })?;
    watch.forget(from, to);
    let snapshot = crate::publish(&app, &state)?;
    evaluate(&app);
    Ok(snapshot)
}

/// "Still working?" answered in the window.
#[tauri::command]
pub async fn answer_still_working<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    watch: State<'_, Watch>,
    args: StillWorkingArgs,
) -> Result<Snapshot, CommandError> {
    let asked = watch
        .lock()
        .still_in_window
        .take_if(|q| q.key() == args.key);
    if let Some(question) = asked
        && args.stop
    {
        state.with_tracker(|t| {
            let running = t.status()?.running.map(|s| s.id);
            if running == Some(question.session_id) {
                t.stop(None)?;
            }
            Ok(())
        })?;
    }
    let snapshot = crate::publish(&app, &state)?;
    evaluate(&app);
    Ok(snapshot)
}

/// The window showed "idle detection is unavailable here": not again.
#[tauri::command]
pub async fn dismiss_idle_notice<R: Runtime>(
    app: AppHandle<R>,
    watch: State<'_, Watch>,
) -> Result<WatchView, CommandError> {
    watch.dismiss_idle_notice();
    Ok(evaluate(&app))
}
