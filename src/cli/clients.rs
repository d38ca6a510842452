//! `gardefou client add|list|edit|archive|unarchive`.

use clap::{Args, Subcommand};
use gardefou::i18n::format;
use gardefou::model::{Client, Rounding};
use gardefou::tr;
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
            show_one(ctx, &client, Shown::Added)
        }
        ClientCommand::List => {
            let clients = ctx.tracker.clients()?;
            if ctx.json {
                let views: Vec<ClientView> = clients.iter().map(ClientView::from).collect();
                return ctx.print_json(&views);
            }
            let l = ctx.locale;
            if clients.is_empty() {
                println!("{}", tr!(l, "cli-no-clients"));
                return Ok(());
            }
            let rows: Vec<Vec<String>> = clients
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        tr!(
                            l,
                            "rate-per-hour",
                            amount = format::amount(c.rate_minor, c.currency, l)
                        ),
                        c.cap_seconds.map_or_else(
                            || "-".into(),
                            |s| tr!(l, "cli-cap-per-week", duration = format::duration(s, l)),
                        ),
                        c.rounding.map_or_else(|| "-".into(), |r| r.to_string()),
                        c.color.as_str().to_string(),
                        if c.archived {
                            tr!(l, "cli-archived")
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            println!(
                "{}",
                table(
                    &[
                        &tr!(l, "cli-col-client"),
                        &tr!(l, "cli-col-rate"),
                        &tr!(l, "cli-col-cap"),
                        &tr!(l, "cli-col-round"),
                        &tr!(l, "cli-col-color"),
                        "",
                    ],
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
            show_one(ctx, &client, Shown::Updated)
        }
        ClientCommand::Archive { name } => {
            let client = ctx.tracker.set_client_archived(&name, true)?;
            show_one(ctx, &client, Shown::Archived)
        }
        ClientCommand::Unarchive { name } => {
            let client = ctx.tracker.set_client_archived(&name, false)?;
            show_one(ctx, &client, Shown::Unarchived)
        }
    }
}

/// What was just done to a client, for its sentence.
#[derive(Debug, Clone, Copy)]
enum Shown {
    Added,
    Updated,
    Archived,
    Unarchived,
}

fn show_one(ctx: &Ctx, client: &Client, shown: Shown) -> anyhow::Result<()> {
    if ctx.json {
        return ctx.print_json(&ClientView::from(client));
    }
    let l = ctx.locale;
    let name = client.name.as_str();
    let rate = format::amount(client.rate_minor, client.currency, l);
    let has_cap = if client.cap_seconds.is_some() {
        "yes"
    } else {
        "no"
    };
    let cap = format::duration(client.cap_seconds.unwrap_or_default(), l);
    macro_rules! say {
        ($id:literal) => {
            tr!(
                l,
                $id,
                has_cap = has_cap,
                name = name,
                rate = rate,
                cap = cap
            )
        };
    }
    let text = match shown {
        Shown::Added => say!("cli-client-added"),
        Shown::Updated => say!("cli-client-updated"),
        Shown::Archived => say!("cli-client-archived"),
        Shown::Unarchived => say!("cli-client-unarchived"),
    };
    println!("{text}");
    Ok(())
}
