//! `gardefou add|log|edit|rm|restore-session`.

use chrono::NaiveDate;
use clap::Args;
use gardefou::duration::{format_hm, format_human};
use gardefou::model::Source;
use gardefou::tracker::{NewSession, SessionChanges};

use super::Ctx;
use super::args;
use super::output::{SessionView, describe, table};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The client's name (any case).
    client: String,
    /// Start: YYYY-MM-DD HH:MM, HH:MM (today), -2h (ago) or RFC 3339.
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    from: String,
    /// End, in the same forms.
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    to: String,
    #[command(flatten)]
    details: args::Details,
    /// Accept a session longer than 24 h.
    #[arg(long)]
    allow_long: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// First day (YYYY-MM-DD), included; default: this week.
    #[arg(long, value_parser = args::date)]
    from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD), included.
    #[arg(long, value_parser = args::date)]
    to: Option<NaiveDate>,
    /// Only this client.
    #[arg(long)]
    client: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// Session number (as `log` shows it) or id prefix.
    id: String,
    /// Move the session to this client (it takes the client's current rate).
    #[arg(long)]
    client: Option<String>,
    /// New start (TIME).
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    from: Option<String>,
    /// New end (TIME).
    #[arg(long, value_parser = args::time, allow_hyphen_values = true)]
    to: Option<String>,
    /// Free text; may start with a dash (`--note "-2h pairing"`).
    #[arg(long, allow_hyphen_values = true)]
    note: Option<String>,
    /// Replaces the tags (repeatable).
    #[arg(long = "tag", value_parser = args::tag)]
    tags: Vec<String>,
    /// Mark it not billed.
    #[arg(long, conflicts_with = "billable")]
    non_billable: bool,
    /// Mark it billed.
    #[arg(long)]
    billable: bool,
    /// Accept a session longer than 24 h.
    #[arg(long)]
    allow_long: bool,
}

#[derive(Debug, Args)]
pub struct HandleArgs {
    /// Session number (as `log` shows it) or id prefix.
    id: String,
}

pub fn add(ctx: &mut Ctx, a: AddArgs) -> anyhow::Result<()> {
    let start = ctx.tracker.parse_time(&a.from)?;
    let end = ctx.tracker.parse_time(&a.to)?;
    let session = ctx.tracker.add_session(NewSession {
        client: a.client,
        start,
        end,
        note: a.details.note.unwrap_or_default(),
        tags: a.details.tags,
        billable: !a.details.non_billable,
        allow_long: a.allow_long,
        source: Source::Manual,
    })?;
    print_session(ctx, &session, "Added")
}

pub fn edit(ctx: &mut Ctx, a: EditArgs) -> anyhow::Result<()> {
    let start = a.from.map(|t| ctx.tracker.parse_time(&t)).transpose()?;
    let end = a.to.map(|t| ctx.tracker.parse_time(&t)).transpose()?;
    let billable = match (a.billable, a.non_billable) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let session = ctx.tracker.edit_session(
        &a.id,
        SessionChanges {
            client: a.client,
            start,
            end,
            note: a.note,
            tags: (!a.tags.is_empty()).then_some(a.tags),
            billable,
            allow_long: a.allow_long,
        },
    )?;
    print_session(ctx, &session, "Updated")
}

pub fn remove(ctx: &mut Ctx, a: HandleArgs) -> anyhow::Result<()> {
    let session = ctx.tracker.remove_session(&a.id)?;
    if !ctx.json {
        println!(
            "(bring it back with `gardefou restore-session {}`)",
            session.number
        );
    }
    print_session(ctx, &session, "Deleted")
}

pub fn restore(ctx: &mut Ctx, a: HandleArgs) -> anyhow::Result<()> {
    let session = ctx.tracker.restore_session(&a.id)?;
    print_session(ctx, &session, "Restored")
}

pub fn log(ctx: &mut Ctx, a: LogArgs) -> anyhow::Result<()> {
    let sessions = ctx.tracker.log(a.from, a.to, a.client.as_deref())?;
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        let views: Vec<SessionView> = sessions
            .iter()
            .map(|s| SessionView::new(s, tz, now))
            .collect();
        return ctx.print_json(&views);
    }
    if sessions.is_empty() {
        println!("No sessions in this range.");
        return Ok(());
    }
    let mut total = 0;
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            let seconds = s.duration_seconds(now);
            total += seconds;
            let start = s.start.with_timezone(&tz);
            let end = match s.end {
                Some(end) => {
                    let end = end.with_timezone(&tz);
                    let days = (end.date_naive() - start.date_naive()).num_days();
                    if days == 0 {
                        end.format("%H:%M").to_string()
                    } else {
                        format!("{} (+{days}d)", end.format("%H:%M"))
                    }
                }
                None => "running".to_string(),
            };
            let mut what = s.note.replace(['\n', '\r'], " ");
            if !s.tags.is_empty() {
                let tags: Vec<String> = s.tags.iter().map(|t| format!("#{t}")).collect();
                what = format!("{what} {}", tags.join(" ")).trim().to_string();
            }
            if !s.billable {
                what = format!("{what} (non-billable)").trim().to_string();
            }
            vec![
                s.number.to_string(),
                start.format("%a %Y-%m-%d").to_string(),
                start.format("%H:%M").to_string(),
                end,
                format_hm(seconds),
                s.client_name.clone(),
                what,
            ]
        })
        .collect();
    println!(
        "{}",
        table(
            &["#", "DATE", "START", "END", "TIME", "CLIENT", "NOTE"],
            &rows,
            &[0, 4]
        )
    );
    println!(
        "Total: {} in {} session{}.",
        format_human(total),
        sessions.len(),
        if sessions.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

fn print_session(
    ctx: &mut Ctx,
    session: &gardefou::model::Session,
    verb: &str,
) -> anyhow::Result<()> {
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        return ctx.print_json(&SessionView::new(session, tz, now));
    }
    println!("{verb} {}.", describe(session, tz, now));
    Ok(())
}
