//! `gardefou decisions` (what the weekly review decided) and `gardefou decide`
//! (answer the week's question about a client from the command line).

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use gardefou::decisions::{Choice, Decision, NewDecision, weekly_seconds_freed};
use gardefou::i18n::{Locale, format};
use gardefou::tr;
use serde_json::{Value, json};

use super::Ctx;
use super::args;
use super::output::table;

#[derive(Debug, Args)]
pub struct DecisionsArgs {
    /// Only this client's decisions.
    #[arg(long, value_name = "NAME")]
    client: Option<String>,
}

/// What to do about the client.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ChoiceArg {
    /// Keep working as is.
    Keep,
    /// Renegotiate scope, hours or calls.
    Renegotiate,
    /// Raise the rate (needs --rate).
    RaiseRate,
    /// End the engagement, now or after --notice-until.
    End,
    /// Do not decide; the question is not asked again for that week.
    Skip,
}

impl From<ChoiceArg> for Choice {
    fn from(c: ChoiceArg) -> Self {
        match c {
            ChoiceArg::Keep => Self::Keep,
            ChoiceArg::Renegotiate => Self::Renegotiate,
            ChoiceArg::RaiseRate => Self::RaiseRate,
            ChoiceArg::End => Self::EndEngagement,
            ChoiceArg::Skip => Self::Skip,
        }
    }
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The client decided about.
    client: String,
    /// keep, renegotiate, raise-rate, end or skip.
    #[arg(value_enum)]
    choice: ChoiceArg,
    /// A date in the week decided about (default: the week just worked).
    #[arg(long, value_parser = args::date, value_name = "DATE")]
    week: Option<NaiveDate>,
    /// Free text kept with the decision.
    #[arg(long, allow_hyphen_values = true, value_name = "TEXT")]
    note: Option<String>,
    /// raise-rate: the new hourly rate, e.g. 55.00.
    #[arg(long, value_name = "RATE")]
    rate: Option<String>,
    /// end: the last day of the notice period (until then the client can still be started).
    #[arg(long, value_parser = args::date, value_name = "DATE")]
    notice_until: Option<NaiveDate>,
}

pub fn list(ctx: &mut Ctx, a: DecisionsArgs) -> anyhow::Result<()> {
    let decisions = ctx.tracker.decisions(a.client.as_deref())?;
    if ctx.json {
        let rows: Vec<Value> = decisions.iter().map(decision_json).collect();
        return ctx.print_json(&json!({ "decisions": rows }));
    }
    let l = ctx.locale;
    if decisions.is_empty() {
        let text = match &a.client {
            Some(name) => {
                let name = ctx.tracker.client(name)?.name;
                tr!(l, "cli-no-decisions-for", client = name)
            }
            None => tr!(l, "cli-no-decisions"),
        };
        println!("{text}");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = decisions
        .iter()
        .map(|d| {
            vec![
                d.week.to_string(),
                d.client.clone(),
                tr!(l, "cli-decision-choice", choice = d.choice.as_str()),
                details(d, l),
                d.note.clone(),
            ]
        })
        .collect();
    println!(
        "{}",
        table(
            &[
                &tr!(l, "cli-col-week"),
                &tr!(l, "cli-col-client"),
                &tr!(l, "cli-col-decision"),
                &tr!(l, "cli-col-details"),
                &tr!(l, "cli-col-note"),
            ],
            &rows,
            &[]
        )
    );
    Ok(())
}

pub fn decide(ctx: &mut Ctx, a: DecideArgs) -> anyhow::Result<()> {
    let decision = ctx.tracker.record_decision(NewDecision {
        client: a.client,
        week: a.week,
        choice: a.choice.into(),
        note: a.note,
        notice_until: a.notice_until,
        rate: a.rate,
    })?;
    let freed = match decision.choice {
        Choice::EndEngagement => Some(weekly_seconds_freed(
            &mut ctx.tracker,
            decision.client_id,
            decision.week,
        )?),
        _ => None,
    };
    let today = gardefou::calendar::local_date(ctx.tracker.now(), ctx.tracker.settings()?.timezone);
    let days_left = decision
        .notice_until
        .map(|until| (until - today).num_days());
    if ctx.json {
        let mut value = decision_json(&decision);
        value["frees_seconds_per_week"] = json!(freed);
        value["days_left"] = json!(days_left);
        return ctx.print_json(&value);
    }
    let l = ctx.locale;
    let (client, week) = (&decision.client, format::day_with_year(decision.week, l));
    let sentence = match decision.choice {
        Choice::Keep | Choice::Renegotiate => tr!(
            l,
            "cli-decided",
            week = week,
            choice = decision.choice.as_str(),
            client = client
        ),
        Choice::RaiseRate => tr!(
            l,
            "cli-decided-rate",
            week = week,
            client = client,
            rate = rate_text(&decision, l)
        ),
        Choice::EndEngagement => match (decision.notice_until, days_left) {
            (Some(until), Some(days)) => tr!(
                l,
                "cli-decided-end-notice",
                week = week,
                client = client,
                until = format::day_with_year(until, l),
                days = days
            ),
            _ => tr!(l, "cli-decided-end-now", week = week, client = client),
        },
        Choice::Skip => tr!(l, "cli-decided-skip", week = week, client = client),
    };
    println!("{sentence}");
    if let Some(seconds) = freed {
        println!(
            "{}",
            tr!(
                l,
                "cli-decided-frees",
                duration = format::duration(seconds, l)
            )
        );
    }
    Ok(())
}

fn rate_text(d: &Decision, l: Locale) -> String {
    match (d.new_rate_minor, d.currency) {
        (Some(rate), Some(currency)) => format::amount(rate, currency, l),
        _ => String::new(),
    }
}

/// The choice's own detail: the new rate, or the notice's last day.
fn details(d: &Decision, l: Locale) -> String {
    if d.new_rate_minor.is_some() {
        return tr!(l, "cli-decision-new-rate", rate = rate_text(d, l));
    }
    match d.notice_until {
        Some(until) => tr!(l, "cli-decision-notice", until = until.to_string()),
        None => String::new(),
    }
}

/// One decision in `--json` (dates `YYYY-MM-DD`, the rate in minor units).
fn decision_json(d: &Decision) -> Value {
    json!({
        "id": d.id.to_string(),
        "client_id": d.client_id.to_string(),
        "client": d.client,
        "week": d.week.to_string(),
        "choice": d.choice.as_str(),
        "note": d.note,
        "notice_until": d.notice_until.map(|n| n.to_string()),
        "new_rate_minor": d.new_rate_minor,
        "currency": d.currency.map(|c| c.code().to_string()),
        "ended": d.ended_at.is_some(),
    })
}
