//! The embedded catalogue: the `.ftl` files of each language, parsed once.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::{Arg, Locale};

/// The core's and the CLI's files; the window's own file (`window.ftl`) is
/// loaded by the web UI.
macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/core.ftl")),
            include_str!(concat!("../../locales/", $lang, "/alerts.ftl")),
            include_str!(concat!("../../locales/", $lang, "/report.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../../locales/", $lang, "/settings.ftl")),
            include_str!(concat!("../../locales/", $lang, "/tray.ftl")),
            include_str!(concat!("../../locales/", $lang, "/decisions.ftl")),
            include_str!(concat!("../../locales/", $lang, "/summary.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cli-help.ftl")),
        ]
    };
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(locale: Locale) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static FR: OnceLock<Bundle> = OnceLock::new();
    match locale {
        Locale::En => EN.get_or_init(|| build(locale, &sources!("en"))),
        Locale::Fr => FR.get_or_init(|| build(locale, &sources!("fr"))),
    }
}

fn build(locale: Locale, sources: &[&str]) -> Bundle {
    let lang = locale
        .as_str()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks: the text goes to terminals, CSV and notifications.
    bundle.set_use_isolating(false);
    for source in sources {
        // The files are part of the build; the catalogue tests parse them strictly.
        let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

pub(super) fn format(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "message {id} is missing from the {locale} catalogue");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_ref()),
            Arg::Count(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "message {id} ({locale}) could not be formatted: {errors:?}"
    );
    text.into_owned()
}

pub(super) fn messages(locale: Locale) -> Vec<(String, Vec<String>)> {
    let sources: &[&str] = match locale {
        Locale::En => &sources!("en"),
        Locale::Fr => &sources!("fr"),
    };
    sources
        .iter()
        .flat_map(|source| messages_of(source))
        .collect()
}

/// The messages of one `.ftl` text with the variables each one uses, sorted.
pub fn messages_of(source: &str) -> Vec<(String, Vec<String>)> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut variables = Vec::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                for attribute in &message.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                variables.sort();
                variables.dedup();
                Some((message.id.name.to_string(), variables))
            }
            _ => None,
        })
        .collect()
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        _ => {}
    }
}
