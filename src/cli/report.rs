//! `gardefou report week|totals`: the core computes, this file chooses JSON or text.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use gardefou::i18n::Locale;
use gardefou::report::{self, TotalsReport};
use gardefou::tr;

use super::Ctx;
use super::args;
use super::output::table;
use super::report_text::{amounts_text, render_week, seconds_cell};

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The week's summary: clients × days, caps, boundaries, client health.
    Week(WeekArgs),
    /// Per-client totals between two dates (the whole history by default).
    Totals(TotalsArgs),
}

#[derive(Debug, Args)]
pub struct WeekArgs {
    /// A date in the week (YYYY-MM-DD); default: today.
    #[arg(long, value_parser = args::date)]
    date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct TotalsArgs {
    #[arg(long, value_parser = args::date)]
    from: Option<NaiveDate>,
    #[arg(long, value_parser = args::date)]
    to: Option<NaiveDate>,
}

pub fn run(ctx: &mut Ctx, command: ReportCommand) -> anyhow::Result<()> {
    match command {
        ReportCommand::Week(args) => {
            let week = report::week_report(&mut ctx.tracker, args.date)?;
            if ctx.json {
                return ctx.print_json(&week);
            }
            print!("{}", render_week(&week, ctx.locale));
            Ok(())
        }
        ReportCommand::Totals(args) => {
            let totals = report::totals_report(&mut ctx.tracker, args.from, args.to)?;
            if ctx.json {
                return ctx.print_json(&totals);
            }
            print!("{}", render_totals(&totals, ctx.locale));
            Ok(())
        }
    }
}

fn render_totals(t: &TotalsReport, l: Locale) -> String {
    let period = match t.from {
        Some(from) => tr!(
            l,
            "report-totals-range",
            from = from.to_string(),
            to = t.to.to_string(),
            zone = &t.timezone
        ),
        None => tr!(
            l,
            "report-totals-until",
            to = t.to.to_string(),
            zone = &t.timezone
        ),
    };
    if t.clients.is_empty() {
        return format!("{period}\n\n{}\n", tr!(l, "report-no-time"));
    }
    let mut rows: Vec<Vec<String>> = t
        .clients
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.sessions.to_string(),
                seconds_cell(c.total_seconds, l),
                seconds_cell(c.billable_seconds, l),
                amounts_text(&c.amounts.list(), l),
            ]
        })
        .collect();
    rows.push(vec![
        tr!(l, "report-total-row"),
        t.clients
            .iter()
            .map(|c| c.sessions)
            .sum::<u64>()
            .to_string(),
        seconds_cell(t.total_seconds, l),
        seconds_cell(t.billable_seconds, l),
        amounts_text(&t.amounts.list(), l),
    ]);
    format!(
        "{period}\n\n{}\n",
        table(
            &[
                &tr!(l, "report-col-client"),
                &tr!(l, "report-col-sessions"),
                &tr!(l, "report-col-tracked"),
                &tr!(l, "report-col-billable"),
                &tr!(l, "report-col-amount"),
            ],
            &rows,
            &[1, 2, 3, 4]
        )
    )
}
