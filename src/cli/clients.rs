//! `gardefou client add|list|edit|archive|unarchive`.

use clap::{Args, Subcommand};
use gardefou::duration::format_human;
use gardefou::model::{Client, Rounding};
use gardefou::tracker::{ClientChanges, NewClient};

use super::Ctx;
use super::args::{self, OrNone};
use super::output::{ClientView, table};

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Add a client.
    Add(AddClientArgs),
    /// List clients (archived ones too).
    List,
    /// Change a client.
    Edit(EditClientArgs),
    /// Archive a client: history kept, cannot be started.
    Archive { name: String },
    /// Bring an archived client back.
    Unarchive { name: String },
}

#[derive(Debug, Args)]
pub struct AddClientArgs {
    name: String,
    /// Hourly rate, e.g. 45.50.
    #[arg(long, allow_hyphen_values = true)]
    rate: Option<String>,
    /// ISO 4217 currency (default: the `currency` setting).
    #[arg(long)]
    currency: Option<String>,
    /// Weekly cap for this client, e.g. 10h.
    #[arg(long, value_parser = args::duration)]
    cap: Option<i64>,
    /// Rounding for exports, e.g. 15m:up (or none).
    #[arg(long, value_parser = args::rounding_or_none)]
    round: Option<OrNone<Rounding>>,
    /// Colour, #rrggbb.
    #[arg(long)]
    color: Option<String>,
}

#[derive(Debug, Args)]
pub struct EditClientArgs {
    name: String,
    #[arg(long)]
    rename: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    rate: Option<String>,
    #[arg(long)]
    currency: Option<String>,
    /// Weekly cap, or none.
    #[arg(long, value_parser = args::duration_or_none)]
    cap: Option<OrNone<i64>>,
    /// Rounding rule, or none.
    #[arg(long, value_parser = args::rounding_or_none)]
    round: Option<OrNone<Rounding>>,
    #[arg(long)]
    color: Option<String>,
}

pub fn run(ctx: &mut Ctx, command: ClientCommand) -> anyhow::Result<()> {
    match command {
        ClientCommand::Add(a) => {
            let client = ctx.tracker.add_client(NewClient {
                name: a.name,
                rate: a.rate,
                currency: a.currency,
                cap_seconds: a.cap,
                rounding: a.round.and_then(|r| r.0),
                color: a.color,
            })?;
            show_one(ctx, &client, "Added")
        }
        ClientCommand::List => {
            let clients = ctx.tracker.clients()?;
            if ctx.json {
                let views: Vec<ClientView> = clients.iter().map(ClientView::from).collect();
                return ctx.print_json(&views);
            }
            if clients.is_empty() {
                println!("No clients yet. Add one with `gardefou client add NAME --rate 45.50`.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = clients
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        format!("{} {}/h", c.currency.format_minor(c.rate_minor), c.currency),
                        c.cap_seconds
                            .map_or_else(|| "-".into(), |s| format!("{}/week", format_human(s))),
                        c.rounding.map_or_else(|| "-".into(), |r| r.to_string()),
                        c.color.as_str().to_string(),
                        if c.archived {
                            "archived".into()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            println!(
                "{}",
                table(
                    &["CLIENT", "RATE", "CAP", "ROUND", "COLOR", ""],
                    &rows,
                    &[1]
                )
            );
            Ok(())
        }
        ClientCommand::Edit(a) => {
            let client = ctx.tracker.edit_client(
                &a.name,
                ClientChanges {
                    rename: a.rename,
                    rate: a.rate,
                    currency: a.currency,
                    cap_seconds: a.cap.map(|c| c.0),
                    rounding: a.round.map(|r| r.0),
                    color: a.color,
                },
            )?;
            show_one(ctx, &client, "Updated")
        }
        ClientCommand::Archive { name } => {
            let client = ctx.tracker.set_client_archived(&name, true)?;
            show_one(ctx, &client, "Archived")
        }
        ClientCommand::Unarchive { name } => {
            let client = ctx.tracker.set_client_archived(&name, false)?;
            show_one(ctx, &client, "Unarchived")
        }
    }
}

fn show_one(ctx: &Ctx, client: &Client, verb: &str) -> anyhow::Result<()> {
    if ctx.json {
        return ctx.print_json(&ClientView::from(client));
    }
    let cap = client
        .cap_seconds
        .map_or_else(String::new, |s| format!(", cap {} a week", format_human(s)));
    println!(
        "{verb} client {} ({} {}/h{cap}).",
        client.name,
        client.currency.format_minor(client.rate_minor),
        client.currency
    );
    Ok(())
}
