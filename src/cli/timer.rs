//! `gardefou start|stop|status`.

use clap::Args;
use gardefou::i18n::format;
use gardefou::model::{LONG_SESSION_SECONDS, Source};
use gardefou::tr;
use gardefou::tracker::StartRequest;
use gardefou::when::rfc3339_in;
use serde_json::json;

use super::Ctx;
use super::args;
use super::errors::WithHint;
use super::output::{Done, SessionView, local_time, session_sentence};

#[derive(Debug, Args)]
pub struct StartArgs {
    /// The client's name (any case).
    client: String,
    #[command(flatten)]
    details: args::Details,
    /// Planned length (a call), e.g. 15m.
    #[arg(long, value_parser = args::duration)]
    planned: Option<i64>,
    /// When the work began (default: now).
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    at: Option<String>,
    /// Cross a boundary on purpose, saying why.
    #[arg(long = "override", value_name = "REASON")]
    override_reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct StopArgs {
    /// When the work ended (default: now).
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    at: Option<String>,
}

pub fn start(ctx: &mut Ctx, a: StartArgs) -> anyhow::Result<()> {
    let at = a.at.map(|t| ctx.tracker.parse_past_time(&t)).transpose()?;
    let client = a.client.clone();
    let outcome = ctx.tracker.start(StartRequest {
        client: a.client,
        at,
        note: a.details.note.unwrap_or_default(),
        tags: a.details.tags,
        billable: !a.details.non_billable,
        planned_seconds: a.planned,
        source: Source::Timer,
        override_reason: a.override_reason,
    });
    // A boundary refusal (exit 3) says how to go on from the command line.
    let l = ctx.locale;
    let outcome = outcome.map_err(|error| -> anyhow::Error {
        match error {
            refused @ gardefou::Error::Refused { .. } => WithHint {
                error: refused,
                hint: tr!(l, "cli-hint-override", client = &client),
            }
            .into(),
            other => other.into(),
        }
    })?;
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        return ctx.print_json(&json!({
            "started": SessionView::new(&outcome.started, tz, now),
            "stopped": outcome.stopped.as_ref().filter(|_| !outcome.replaced).map(|s| SessionView::new(s, tz, now)),
            "replaced": outcome.replaced,
        }));
    }
    match &outcome.stopped {
        Some(old) if outcome.replaced => {
            println!("{}", tr!(l, "cli-replaced", client = &old.client_name))
        }
        Some(old) => println!(
            "{}",
            tr!(
                l,
                "cli-stopped-at",
                client = &old.client_name,
                at = local_time(outcome.started.start, tz, now),
                duration = format::duration(old.duration_seconds(now), l)
            )
        ),
        None => {}
    }
    println!(
        "{}",
        tr!(
            l,
            "cli-started",
            client = &outcome.started.client_name,
            at = local_time(outcome.started.start, tz, now)
        )
    );
    Ok(())
}

pub fn stop(ctx: &mut Ctx, a: StopArgs) -> anyhow::Result<()> {
    let at = a.at.map(|t| ctx.tracker.parse_past_time(&t)).transpose()?;
    let session = ctx.tracker.stop(at)?;
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    let seconds = session.duration_seconds(now);
    let l = ctx.locale;
    if seconds > LONG_SESSION_SECONDS {
        eprintln!(
            "{}",
            tr!(
                l,
                "cli-long-session",
                duration = format::duration(seconds, l),
                number = session.number
            )
        );
    }
    if ctx.json {
        return ctx.print_json(&SessionView::new(&session, tz, now));
    }
    println!("{}", session_sentence(Done::Stopped, &session, tz, now, l));
    Ok(())
}

pub fn status(ctx: &mut Ctx) -> anyhow::Result<()> {
    let status = ctx.tracker.status()?;
    let (tz, now) = (status.timezone, status.now);
    // Asked, never answered here: nothing changes until `gardefou recover`.
    let recovery = ctx.tracker.recovery()?;
    if ctx.json {
        let projection = ctx.tracker.projection()?;
        let running = status.running.as_ref();
        return ctx.print_json(&json!({
            "running": running.is_some(),
            "client": running.map(|s| s.client_name.clone()),
            "session": running.map(|s| s.id.to_string()),
            "number": running.map(|s| s.number),
            "started_at": running.map(|s| rfc3339_in(s.start, tz)),
            "elapsed_seconds": status.elapsed_seconds(),
            "note": running.map(|s| s.note.clone()),
            "tags": running.map(|s| s.tags.clone()),
            "billable": running.map(|s| s.billable),
            "planned_seconds": running.and_then(|s| s.planned_seconds),
            "now": rfc3339_in(now, tz),
            "weekly_cap_reached_at": projection.weekly_cap_reached_at.map(|t| rfc3339_in(t, tz)),
            "client_cap_reached_at": projection.client_cap_reached_at.map(|t| rfc3339_in(t, tz)),
            "recovery": super::recover::recovery_json(recovery.as_ref(), ctx, tz),
        }));
    }
    let l = ctx.locale;
    match &status.running {
        Some(s) => println!(
            "{}",
            tr!(
                l,
                "cli-running-since",
                client = &s.client_name,
                since = local_time(s.start, tz, now),
                duration = format::duration(s.duration_seconds(now), l)
            )
        ),
        None => println!("{}", tr!(l, "cli-no-timer")),
    }
    if let Some(question) = &recovery {
        println!("{}", question.message(tz, l));
        println!("{}", tr!(l, "cli-hint-recover"));
    }
    Ok(())
}
