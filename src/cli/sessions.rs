//! `gardefou add|log|edit|rm|restore-session`.

use chrono::NaiveDate;
use clap::Args;
use gardefou::i18n::format;
use gardefou::model::Source;
use gardefou::tr;
use gardefou::tracker::{NewSession, SessionChanges};

use super::Ctx;
use super::args;
use super::output::{Done, SessionView, session_sentence, table};

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
    /// Only the deleted sessions (to bring one back with `restore-session`).
    #[arg(long)]
    deleted: bool,
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
    print_session(ctx, &session, Done::Added)
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
    print_session(ctx, &session, Done::Updated)
}

pub fn remove(ctx: &mut Ctx, a: HandleArgs) -> anyhow::Result<()> {
    let session = ctx.tracker.remove_session(&a.id)?;
    // What was done first, then the way back.
    print_session(ctx, &session, Done::Deleted)?;
    if !ctx.json {
        println!(
            "{}",
            tr!(ctx.locale, "cli-restore-hint", number = session.number)
        );
    }
    Ok(())
}

pub fn restore(ctx: &mut Ctx, a: HandleArgs) -> anyhow::Result<()> {
    let session = ctx.tracker.restore_session(&a.id)?;
    print_session(ctx, &session, Done::Restored)
}

pub fn log(ctx: &mut Ctx, a: LogArgs) -> anyhow::Result<()> {
    let sessions = if a.deleted {
        ctx.tracker.deleted_log(a.from, a.to, a.client.as_deref())?
    } else {
        ctx.tracker.log(a.from, a.to, a.client.as_deref())?
    };
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        let views: Vec<SessionView> = sessions
            .iter()
            .map(|s| SessionView::new(s, tz, now))
            .collect();
        return ctx.print_json(&views);
    }
    let l = ctx.locale;
    if sessions.is_empty() {
        if a.deleted {
            println!("{}", tr!(l, "cli-no-deleted-sessions"));
        } else {
            println!("{}", tr!(l, "cli-no-sessions"));
        }
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
                        tr!(
                            l,
                            "cli-end-days-later",
                            end = end.format("%H:%M").to_string(),
                            days = days
                        )
                    }
                }
                None => tr!(l, "cli-end-running"),
            };
            let mut what = s.note.replace(['\n', '\r'], " ");
            if !s.tags.is_empty() {
                let tags: Vec<String> = s.tags.iter().map(|t| format!("#{t}")).collect();
                what = format!("{what} {}", tags.join(" ")).trim().to_string();
            }
            if !s.billable {
                what = format!("{what} {}", tr!(l, "cli-non-billable"))
                    .trim()
                    .to_string();
            }
            vec![
                s.number.to_string(),
                format!(
                    "{} {}",
                    format::weekday(start.date_naive(), l),
                    start.format("%Y-%m-%d")
                ),
                start.format("%H:%M").to_string(),
                end,
                format::clock_duration(seconds, l),
                s.client_name.clone(),
                what,
            ]
        })
        .collect();
    println!(
        "{}",
        table(
            &[
                &tr!(l, "cli-col-number"),
                &tr!(l, "cli-col-date"),
                &tr!(l, "cli-col-start"),
                &tr!(l, "cli-col-end"),
                &tr!(l, "cli-col-time"),
                &tr!(l, "cli-col-client"),
                &tr!(l, "cli-col-note"),
            ],
            &rows,
            &[0, 4]
        )
    );
    let (count, duration) = (sessions.len(), format::duration(total, l));
    if a.deleted {
        println!(
            "{}",
            tr!(
                l,
                "cli-log-deleted-total",
                count = count,
                duration = duration
            )
        );
    } else {
        println!(
            "{}",
            tr!(l, "cli-log-total", count = count, duration = duration)
        );
    }
    Ok(())
}

fn print_session(
    ctx: &mut Ctx,
    session: &gardefou::model::Session,
    done: Done,
) -> anyhow::Result<()> {
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        return ctx.print_json(&SessionView::new(session, tz, now));
    }
    println!("{}", session_sentence(done, session, tz, now, ctx.locale));
    Ok(())
}
