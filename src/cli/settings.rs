//! `gardefou settings show|set`.

use clap::Subcommand;
use serde_json::{Map, Value, json};

use super::Ctx;
use super::output::table;

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show every setting.
    Show,
    /// Change one setting, e.g. `settings set timezone Europe/Paris`.
    Set { key: String, value: String },
}

pub fn run(ctx: &mut Ctx, command: SettingsCommand) -> anyhow::Result<()> {
    match command {
        SettingsCommand::Show => {
            let entries = ctx.tracker.settings()?.entries();
            if ctx.json {
                let map: Map<String, Value> = entries
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), Value::String(v)))
                    .collect();
                return ctx.print_json(&map);
            }
            let rows: Vec<Vec<String>> = entries
                .into_iter()
                .map(|(k, v)| vec![k.to_string(), v])
                .collect();
            println!("{}", table(&["SETTING", "VALUE"], &rows, &[]));
            Ok(())
        }
        SettingsCommand::Set { key, value } => {
            let canonical = ctx.tracker.set_setting(&key, &value)?;
            if ctx.json {
                return ctx.print_json(&json!({ "key": key, "value": canonical }));
            }
            println!("{key} = {canonical}");
            Ok(())
        }
    }
}
