//! The help pages in the user's language. clap derive still parses; before it
//! does, every line a person reads on a help page (descriptions, headings,
//! placeholders, clap's own `--help`/`--version` lines) is replaced by the
//! catalogue's (`locales/*/cli-help.ftl`).
//!
//! Ids follow the command path, so none is written by hand in the code:
//! `cli-help-edit` (a command), `cli-help-edit--note` (its argument),
//! `cli-help-decide--choice--keep` (one of an argument's values),
//! `cli-help-value-file` (a placeholder). The tests walk the whole tree: a
//! command or an argument added without its two sentences fails them.

use clap::builder::StyledStr;
use clap::{Arg, ArgAction, Command, CommandFactory};
use gardefou::i18n::{self, Arg as MsgArg, Locale};

use super::Cli;

/// Looks a message up: the catalogue in the program, a recorder in the tests.
type Say<'a> = dyn FnMut(&str, &[(&str, MsgArg<'_>)]) -> String + 'a;

/// The command tree, built and spoken in `locale`.
pub fn command(locale: Locale) -> Command {
    let mut say = |id: &str, args: &[(&str, MsgArg<'_>)]| i18n::text(locale, id, args);
    localized(&mut say)
}

fn localized(say: &mut Say<'_>) -> Command {
    let mut cmd = Cli::command();
    // Builds the derived subcommands (deferred by clap) and adds clap's own
    // `help`/`version` flags and `help` subcommands, so that they are spoken too.
    cmd.build();
    let texts = Fixed::new(&cmd, say);
    walk(cmd, &[], &texts, say)
}

/// The sentences every page shares.
struct Fixed {
    template: StyledStr,
    arguments: String,
    options: String,
    commands: String,
    command_placeholder: String,
}

impl Fixed {
    fn new(cmd: &Command, say: &mut Say<'_>) -> Self {
        let style = cmd.get_styles().get_usage();
        let usage = say("cli-help-heading-usage", &[]);
        Self {
            // clap's default template with its "Usage:" heading in the catalogue's words.
            template: StyledStr::from(format!(
                "{{before-help}}{{about-with-newline}}\n{style}{usage}{style:#} {{usage}}\n\n{{all-args}}{{after-help}}"
            )),
            arguments: say("cli-help-heading-arguments", &[]),
            options: say("cli-help-heading-options", &[]),
            commands: say("cli-help-heading-commands", &[]),
            command_placeholder: say("cli-help-value-command", &[]),
        }
    }
}

/// The id of a command's description: its path, without the `help`
/// subcommands clap adds (their children mirror the real commands).
fn command_id(path: &[&str]) -> String {
    if path.last() == Some(&"help") {
        return "cli-help-help-command".to_string();
    }
    let mut id = String::from("cli-help");
    for part in path.iter().filter(|p| **p != "help") {
        id.push('-');
        id.push_str(part);
    }
    id
}

fn walk(mut cmd: Command, path: &[&str], texts: &Fixed, say: &mut Say<'_>) -> Command {
    let id = command_id(path);
    cmd = cmd
        .about(say(&id, &[]))
        .long_about(None)
        .help_template(texts.template.clone())
        .subcommand_help_heading(texts.commands.clone())
        .subcommand_value_name(texts.command_placeholder.clone());
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for arg in args {
        cmd = cmd.mut_arg(&arg, |a| speak_arg(a, &id, texts, say));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let mut child: Vec<&str> = path.to_vec();
        child.push(&name);
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &child, texts, say));
    }
    cmd
}

fn speak_arg(arg: Arg, command: &str, texts: &Fixed, say: &mut Say<'_>) -> Arg {
    let name = arg.get_id().as_str().replace('_', "-");
    // Each argument gets a heading so that clap's "Arguments"/"Options" are
    // not printed; under one, clap sorts by display order, so positionals keep
    // their place by being given their index.
    let arg = match arg.get_index() {
        Some(index) if arg.is_positional() => arg
            .help_heading(texts.arguments.clone())
            .display_order(index),
        _ => arg.help_heading(texts.options.clone()),
    };
    match arg.get_action() {
        ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
            // clap words the flag after whether a longer page exists; so do we.
            if arg.get_long_help().is_some() {
                let short = say("cli-help-flag-help-short", &[]);
                let long = say("cli-help-flag-help-long", &[]);
                return arg.help(short).long_help(long);
            }
            let text = say("cli-help-flag-help", &[]);
            return arg.help(text);
        }
        ArgAction::Version => {
            let text = say("cli-help-flag-version", &[]);
            return arg.help(text);
        }
        _ => {}
    }
    // Global options (`--db`, `--json`) are copied into every subcommand: one text.
    let id = if arg.is_global_set() {
        format!("cli-help--{name}")
    } else {
        format!("{command}--{name}")
    };
    let help = say(&id, &[]);
    let arg = placeholders(arg, say);

    // clap's "[default: …]" and "[possible values: …]", in the catalogue's
    // words and laid out as clap does: after the sentence on `-h`, and on
    // `--help` the values' own sentences in a list, then the default.
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // clap shows no default for a flag (`false`), only for a value.
    let default = (!defaults.is_empty()
        && !arg.is_hide_default_value_set()
        && arg.get_action().takes_values())
    .then(|| {
        let value = MsgArg::from(defaults.join(", "));
        say("cli-help-default", &[("value", value)])
    });
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let shows_values = !values.is_empty() && !arg.is_hide_possible_values_set();
    let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
    let list = shows_values.then(|| {
        let values = MsgArg::from(names.join(", "));
        say("cli-help-possible-values", &[("values", values)])
    });
    let long_list = (shows_values && values.iter().any(|v| v.get_help().is_some())).then(|| {
        let mut long = say("cli-help-possible-values-heading", &[]);
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 1;
        for value in &values {
            let text = say(&format!("{id}--{}", value.get_name()), &[]);
            let label = format!("{}:", value.get_name());
            long.push_str(&format!("\n- {label:<width$} {text}"));
        }
        long
    });

    let short = [Some(help.clone()), default.clone(), list]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(short);
    match long_list {
        Some(long_list) => {
            let mut long = format!("{help}\n\n{long_list}");
            if let Some(default) = default {
                long.push_str(&format!("\n\n{default}"));
            }
            arg.long_help(long)
        }
        None => arg,
    }
}

/// `<FILE>`, `<NAME>`...: the words between brackets, from the catalogue.
/// A placeholder that lists the literal values (`client|project`) stays.
fn placeholders(arg: Arg, say: &mut Say<'_>) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.to_string()).collect(),
        None => vec![arg.get_id().as_str().to_ascii_uppercase()],
    };
    if names.iter().any(|n| n.contains('|')) {
        return arg;
    }
    let spoken: Vec<String> = names
        .iter()
        .map(|n| {
            let id = format!(
                "cli-help-value-{}",
                n.to_ascii_lowercase().replace('_', "-")
            );
            say(&id, &[])
        })
        .collect();
    arg.value_names(spoken)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// Every id the tree asks for, with the variables it passes.
    fn asked() -> BTreeMap<String, BTreeSet<String>> {
        let mut asked = BTreeMap::new();
        let mut say = |id: &str, args: &[(&str, MsgArg<'_>)]| {
            let names = args.iter().map(|(n, _)| n.to_string()).collect();
            asked.insert(id.to_string(), names);
            id.to_string()
        };
        localized(&mut say);
        asked
    }

    fn catalogue(locale: Locale) -> BTreeMap<String, BTreeSet<String>> {
        i18n::catalogue_messages(locale)
            .into_iter()
            .map(|(id, vars)| (id, vars.into_iter().collect()))
            .collect()
    }

    #[test]
    fn every_command_argument_and_value_has_its_help_in_both_languages() {
        let asked = asked();
        assert!(asked.len() > 150, "the walk asked only {} ids", asked.len());
        for needed in [
            "cli-help",
            "cli-help-edit",
            "cli-help-edit--note",
            "cli-help--db",
        ] {
            assert!(asked.contains_key(needed), "{needed} was not asked");
        }
        let mut problems = Vec::new();
        for locale in Locale::ALL {
            let messages = catalogue(locale);
            for (id, vars) in &asked {
                match messages.get(id) {
                    None => problems.push(format!("{locale}: no message {id}")),
                    Some(declared) if declared != vars => problems.push(format!(
                        "{locale}: {id} uses {declared:?} but the help passes {vars:?}"
                    )),
                    Some(_) => {}
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_help_message_belongs_to_the_tree() {
        let asked = asked();
        let orphans: Vec<String> = catalogue(Locale::En)
            .into_keys()
            .filter(|id| id == "cli-help" || id.starts_with("cli-help-"))
            .filter(|id| !asked.contains_key(id))
            .collect();
        assert!(orphans.is_empty(), "help for nothing: {orphans:?}");
    }

    #[test]
    fn the_french_help_is_typeset_as_french() {
        for id in asked().keys() {
            let text = i18n::text(
                Locale::Fr,
                id,
                &[("value", "x".into()), ("values", "x".into())],
            );
            assert!(
                !text.contains('\''),
                "{id}: a typographic apostrophe (’): {text}"
            );
            for mark in [" :", " ;", " ?", " !"] {
                assert!(
                    !text.contains(mark),
                    "{id}: a no-break space before {mark}: {text}"
                );
            }
        }
    }

    /// Every text clap shows on a help page, for the English check below.
    fn page_texts(cmd: &Command, out: &mut Vec<String>) {
        out.extend(cmd.get_about().map(|s| s.to_string()));
        for arg in cmd.get_arguments() {
            out.extend(arg.get_help().map(|s| s.to_string()));
            out.extend(arg.get_long_help().map(|s| s.to_string()));
            out.extend(arg.get_help_heading().map(str::to_string));
        }
        out.extend(cmd.get_subcommand_help_heading().map(str::to_string));
        for sub in cmd.get_subcommands() {
            page_texts(sub, out);
        }
    }

    #[test]
    fn nothing_on_a_french_page_is_left_from_clap_or_the_doc_comments() {
        let mut english = Cli::command();
        english.build();
        let mut before = Vec::new();
        page_texts(&english, &mut before);
        let mut after = Vec::new();
        page_texts(&command(Locale::Fr), &mut after);
        // Texts of one word ("Options") may be the same in both languages.
        let before: BTreeSet<String> = before.into_iter().filter(|t| t.contains(' ')).collect();
        let left: Vec<&String> = after.iter().filter(|t| before.contains(*t)).collect();
        assert!(left.is_empty(), "still English: {left:?}");
        assert!(after.iter().any(|t| t.contains("plafond")), "{after:?}");
    }

    #[test]
    fn clap_accepts_the_spoken_tree() {
        for locale in Locale::ALL {
            command(locale).debug_assert();
        }
    }
}
