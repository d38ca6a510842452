//! `gardefou settings show|set`.

use clap::Subcommand;
use serde_json::{Map, Value, json};

use gardefou::i18n::Locale;
use gardefou::settings::{SETTINGS, spec};
use gardefou::tr;

use super::Ctx;
use super::output::table;

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show every setting.
    Show,
    /// Change one setting, e.g. `settings set timezone Europe/Paris`.
    #[command(after_help = keys_help())]
    Set { key: String, value: String },
}

pub fn run(ctx: &mut Ctx, command: SettingsCommand) -> anyhow::Result<()> {
    match command {
        SettingsCommand::Show => {
            let entries = ctx.tracker.settings()?.entries();
            let l = ctx.locale;
            if ctx.json {
                let map: Map<String, Value> = entries
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), Value::String(v)))
                    .collect();
                return ctx.print_json(&map);
            }
            let rows: Vec<Vec<String>> = entries
                .into_iter()
                .map(|(k, v)| {
                    let about = spec(k).map(|s| s.help_text(l)).unwrap_or_default();
                    vec![k.to_string(), v, about]
                })
                .collect();
            let headers = [
                tr!(l, "cli-col-setting"),
                tr!(l, "cli-col-value"),
                tr!(l, "cli-col-about"),
            ];
            let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            println!("{}", table(&headers, &rows, &[]));
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

/// Every key with its default and help, for `settings set --help`.
fn keys_help() -> String {
    let l = Locale::from_env();
    SETTINGS
        .iter()
        .map(|s| format!("  {:<22} {}", s.key, s.help_text(l)))
        .collect::<Vec<_>>()
        .join("\n")
}
