//! Usage errors (exit 2) in the user's language: clap finds what is wrong
//! with the command line; the sentence is the catalogue's, built from the
//! error's kind and context rather than clap's English text.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use gardefou::i18n::Locale;
use gardefou::tr;

/// The whole text for stderr (without the `gardefou: ` prefix).
pub fn describe(error: &clap::Error, locale: Locale) -> String {
    let l = locale;
    let mut text = problem(error, l);
    let mut tips = Vec::new();
    if let Some(names) = strings(error.get(ContextKind::SuggestedSubcommand)) {
        let count = names.len();
        let names = names.join(", ");
        tips.push(tr!(
            l,
            "cli-usage-similar-subcommand",
            count = count,
            names = names
        ));
    }
    if let Some(names) = strings(error.get(ContextKind::SuggestedArg)) {
        let count = names.len();
        let names = names.join(", ");
        tips.push(tr!(
            l,
            "cli-usage-similar-argument",
            count = count,
            names = names
        ));
    }
    if let Some(names) = strings(error.get(ContextKind::SuggestedValue)) {
        let count = names.len();
        let names = names.join(", ");
        tips.push(tr!(
            l,
            "cli-usage-similar-value",
            count = count,
            names = names
        ));
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().filter_map(|s| tip(&s.to_string(), l)));
    }
    if !tips.is_empty() {
        text.push('\n');
        for tip in tips {
            text.push_str("\n  ");
            text.push_str(&tip);
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        // clap's usage line starts with its own heading; ours replaces it.
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        let heading = tr!(l, "cli-help-heading-usage");
        text.push_str(&format!("\n\n{heading} {line}"));
    }
    text.push_str("\n\n");
    text.push_str(&tr!(l, "cli-usage-more", flag = "--help"));
    text
}

/// The first sentence: what is wrong.
fn problem(error: &clap::Error, l: Locale) -> String {
    let arg = string(error.get(ContextKind::InvalidArg));
    let value = string(error.get(ContextKind::InvalidValue));
    let subcommand = string(error.get(ContextKind::InvalidSubcommand));
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => i64::try_from(*n).ok(),
        _ => None,
    };
    match (error.kind(), arg, value) {
        (ErrorKind::ArgumentConflict, arg, _) => {
            let Some(arg) = arg.or(subcommand) else {
                return tr!(l, "cli-usage-unreadable");
            };
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => {
                    tr!(l, "cli-usage-repeated", arg = arg)
                }
                Some(ContextValue::String(prior)) => {
                    tr!(l, "cli-usage-conflict", arg = arg, others = prior)
                }
                Some(ContextValue::Strings(prior)) => {
                    let others = prior.join(", ");
                    tr!(l, "cli-usage-conflict", arg = arg, others = others)
                }
                _ => tr!(l, "cli-usage-conflict-any", arg = arg),
            }
        }
        (ErrorKind::NoEquals, Some(arg), _) => tr!(l, "cli-usage-no-equals", arg = arg),
        (ErrorKind::InvalidValue, Some(arg), Some(value)) => {
            let mut text = if value.is_empty() {
                tr!(l, "cli-usage-missing-value", arg = arg)
            } else {
                tr!(l, "cli-usage-invalid-value", arg = arg, value = value)
            };
            if let Some(values) = strings(error.get(ContextKind::ValidValue)) {
                let values = values.join(", ");
                text.push_str("\n  ");
                text.push_str(&tr!(l, "cli-help-possible-values", values = values));
            }
            text
        }
        (ErrorKind::ValueValidation, Some(arg), Some(value)) => {
            // The reason is the core's sentence, already in the user's language.
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            tr!(
                l,
                "cli-usage-value-validation",
                arg = arg,
                value = value,
                reason = reason
            )
        }
        (ErrorKind::InvalidSubcommand, ..) => match subcommand {
            Some(name) => tr!(l, "cli-usage-unknown-subcommand", name = name),
            None => tr!(l, "cli-usage-unreadable"),
        },
        (ErrorKind::MissingRequiredArgument, ..) => {
            let mut text = tr!(l, "cli-usage-missing-arguments");
            for name in strings(error.get(ContextKind::InvalidArg)).unwrap_or_default() {
                text.push_str("\n  ");
                text.push_str(&name);
            }
            text
        }
        (ErrorKind::MissingSubcommand, ..) => {
            let name = subcommand.unwrap_or_default();
            let mut text = tr!(l, "cli-usage-missing-subcommand", name = name);
            if let Some(values) = strings(error.get(ContextKind::ValidSubcommand)) {
                let values = values.join(", ");
                text.push_str("\n  ");
                text.push_str(&tr!(l, "cli-usage-subcommands", values = values));
            }
            text
        }
        (ErrorKind::TooManyValues, Some(arg), Some(value)) => {
            tr!(l, "cli-usage-too-many-values", arg = arg, value = value)
        }
        (ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues, Some(arg), _) => {
            let expected = number(ContextKind::MinValues)
                .or(number(ContextKind::ExpectedNumValues))
                .unwrap_or(0);
            let count = number(ContextKind::ActualNumValues).unwrap_or(0);
            tr!(
                l,
                "cli-usage-number-of-values",
                arg = arg,
                expected = expected,
                count = count
            )
        }
        (ErrorKind::UnknownArgument, Some(arg), _) => {
            tr!(l, "cli-usage-unknown-argument", arg = arg)
        }
        (ErrorKind::InvalidUtf8, ..) => tr!(l, "cli-usage-invalid-utf8"),
        _ => tr!(l, "cli-usage-unreadable"),
    }
}

/// clap's own tips come as English text; the three it writes are recognised
/// by their shape and said again, and any other is left out.
fn tip(text: &str, l: Locale) -> Option<String> {
    // The quoted parts: 'a' ... 'b' ... 'c'.
    let quoted: Vec<&str> = text.split('\'').skip(1).step_by(2).collect();
    if text.starts_with("to pass ") {
        let [arg, command] = quoted[..] else {
            return None;
        };
        Some(tr!(
            l,
            "cli-usage-tip-double-dash",
            arg = arg,
            command = command
        ))
    } else if text.starts_with("subcommand ") {
        let name = quoted.first()?;
        Some(tr!(l, "cli-usage-tip-remove-dashes", name = *name))
    } else if text.ends_with(" exists") {
        let [command] = quoted[..] else {
            return None;
        };
        Some(tr!(l, "cli-usage-tip-exists", command = command))
    } else {
        None
    }
}

fn string(value: Option<&ContextValue>) -> Option<String> {
    match value {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn strings(value: Option<&ContextValue>) -> Option<Vec<String>> {
    match value {
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error clap gives for `args` on the spoken tree.
    fn error(locale: Locale, args: &[&str]) -> clap::Error {
        let mut argv = vec!["gardefou"];
        argv.extend_from_slice(args);
        super::super::help::command(locale)
            .try_get_matches_from(argv)
            .expect_err("a usage error")
    }

    #[test]
    fn clap_s_tips_are_recognised_and_said_in_french() {
        let said = describe(&error(Locale::Fr, &["edit", "1", "--bogus"]), Locale::Fr);
        assert!(said.contains("«\u{a0}-- --bogus\u{a0}»"), "{said}");
        let said = describe(&error(Locale::Fr, &["start", "Acme", "--not"]), Locale::Fr);
        assert!(said.contains("«\u{a0}--note\u{a0}»"), "{said}");
        let said = describe(&error(Locale::Fr, &["--", "status"]), Locale::Fr);
        assert!(said.contains("«\u{a0}status\u{a0}»"), "{said}");
    }

    #[test]
    fn every_kind_clap_can_give_has_a_sentence() {
        for (args, english) in [
            (&["--bogus"][..], "unexpected argument '--bogus' found"),
            (&["clinet"], "unrecognized subcommand 'clinet'"),
            (
                &["start"],
                "the following required arguments were not provided:\n  <CLIENT>",
            ),
            (
                &["decide", "Acme", "maybe"],
                "invalid value 'maybe' for '<CHOICE>'",
            ),
            (
                &["edit", "1", "--billable", "--non-billable"],
                "cannot be used with",
            ),
            (
                &["status", "--json", "--json"],
                "cannot be used multiple times",
            ),
            (
                &["start", "Acme", "--note"],
                "a value is required for '--note <NOTE>'",
            ),
            (&["stop", "now"], "unexpected argument 'now' found"),
        ] {
            let said = describe(&error(Locale::En, args), Locale::En);
            assert!(said.contains(english), "{args:?}: {said}");
            assert!(
                said.ends_with("For more information, try '--help'."),
                "{said}"
            );
            let dit = describe(&error(Locale::Fr, args), Locale::Fr);
            assert!(!dit.contains(english), "{args:?} is still English: {dit}");
            assert!(!dit.contains("Usage"), "{dit}");
        }
    }
}
