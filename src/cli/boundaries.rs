//! `gardefou check` and `gardefou overrides`.

use chrono::NaiveDate;
use clap::Args;
use gardefou::tr;
use gardefou::when::rfc3339_in;
use serde_json::json;

use super::Ctx;
use super::args;
use super::output::{boundary_names, local_time, table};

#[derive(Debug, Args)]
pub struct OverridesArgs {
    /// A date in the week to show (default: this week).
    #[arg(long, value_parser = args::date)]
    week: Option<NaiveDate>,
}

pub fn check(ctx: &mut Ctx) -> anyhow::Result<()> {
    let outcome = ctx.tracker.check()?;
    let tz = outcome.timezone;
    if ctx.json {
        let alerts: Vec<_> = outcome
            .fired
            .iter()
            .map(|a| {
                json!({
                    "kind": a.kind,
                    "client": a.client_name,
                    "period": a.period,
                    "message": a.message(ctx.locale),
                    "fired_at": rfc3339_in(a.fired_at, tz),
                })
            })
            .collect();
        let active: Vec<_> = outcome
            .active
            .iter()
            .map(|c| {
                json!({
                    "kind": c.kind,
                    "client": c.client,
                    "period": c.period,
                    "message": c.message,
                })
            })
            .collect();
        return ctx.print_json(&json!({ "alerts": alerts, "active": active }));
    }
    let l = ctx.locale;
    for alert in &outcome.fired {
        println!("{}", alert.message(l));
    }
    if outcome.fired.is_empty() {
        if outcome.active.is_empty() {
            println!("{}", tr!(l, "cli-no-boundary-crossed"));
        } else {
            println!("{}", tr!(l, "cli-no-new-alert"));
            for crossing in &outcome.active {
                println!("- {}", crossing.message);
            }
        }
    }
    Ok(())
}

pub fn overrides(ctx: &mut Ctx, a: OverridesArgs) -> anyhow::Result<()> {
    let outcome = ctx.tracker.overrides(a.week)?;
    let (tz, now) = (outcome.timezone, ctx.tracker.now());
    if ctx.json {
        let rows: Vec<_> = outcome
            .overrides
            .iter()
            .map(|o| {
                json!({
                    "id": o.id.to_string(),
                    "at": rfc3339_in(o.at, tz),
                    "client": o.client_name,
                    "session": o.session_id.map(|s| s.to_string()),
                    "boundaries": o.boundaries,
                    "reason": o.reason,
                })
            })
            .collect();
        return ctx.print_json(&json!({
            "week": outcome.week_first_day.to_string(),
            "overrides": rows,
        }));
    }
    let l = ctx.locale;
    if outcome.overrides.is_empty() {
        println!(
            "{}",
            tr!(
                l,
                "cli-no-overrides",
                date = outcome.week_first_day.to_string()
            )
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = outcome
        .overrides
        .iter()
        .map(|o| {
            vec![
                local_time(o.at, tz, now),
                o.client_name.clone().unwrap_or_default(),
                boundary_names(&o.boundaries, l),
                o.reason.clone(),
            ]
        })
        .collect();
    println!(
        "{}",
        table(
            &[
                &tr!(l, "cli-col-when"),
                &tr!(l, "cli-col-client"),
                &tr!(l, "cli-col-boundaries"),
                &tr!(l, "cli-col-reason"),
            ],
            &rows,
            &[]
        )
    );
    Ok(())
}
