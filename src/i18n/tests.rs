//! The catalogue's own checks: both languages hold the same messages with the
//! same variables, every file parses, every `tr!` call passes exactly the
//! variables its message uses, and every message of the core is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::catalogue::messages_of;
use super::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

type Messages = BTreeMap<String, BTreeSet<String>>;

/// Every `.ftl` file of a language folder: file name → messages.
fn language_files(lang: &str) -> BTreeMap<String, Messages> {
    let folder = root().join("locales").join(lang);
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&folder).expect("locales folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).expect("ftl file");
            if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
                panic!("{} does not parse: {errors:?}", path.display());
            }
            let messages = messages_of(&text)
                .into_iter()
                .map(|(id, vars)| (id, vars.into_iter().collect()))
                .collect();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            files.insert(name, messages);
        }
    }
    files
}

#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let en = language_files("en");
    let fr = language_files("fr");
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        fr.keys().collect::<Vec<_>>(),
        "locales/en and locales/fr must hold the same files"
    );
    let mut problems = Vec::new();
    for (file, en_messages) in &en {
        let fr_messages = &fr[file];
        for (id, vars) in en_messages {
            match fr_messages.get(id) {
                None => problems.push(format!("{file}: {id} is missing in French")),
                Some(fr_vars) if fr_vars != vars => problems.push(format!(
                    "{file}: {id} uses {vars:?} in English but {fr_vars:?} in French"
                )),
                Some(_) => {}
            }
        }
        for id in fr_messages.keys() {
            if !en_messages.contains_key(id) {
                problems.push(format!("{file}: {id} is missing in English"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_message_id_is_defined_twice() {
    for lang in ["en", "fr"] {
        let mut seen = BTreeMap::new();
        for (file, messages) in language_files(lang) {
            for id in messages.keys() {
                if let Some(other) = seen.insert(id.clone(), file.clone()) {
                    panic!("{lang}: {id} is in both {other} and {file}");
                }
            }
        }
    }
}

/// The Rust files that may call `tr!`.
fn rust_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    walk(&root().join("src-tauri").join("src"), &mut files);
    files
}

/// The text between the parenthesis at `open` and its match.
fn balanced(text: &str, open: usize) -> Option<&str> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in text[open..].char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open + 1..open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits macro arguments at top-level commas.
fn top_level_args(args: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    let mut current = String::new();
    for c in args.chars() {
        if in_string {
            current.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// A `tr!` call: its message id (or `$id` inside a macro) and its variable names.
fn tr_calls(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(found) = source[from..].find("tr!(") {
        let open = from + found + 3;
        from = open;
        // `macro_rules! tr` itself and doc comments are not calls.
        let line_start = source[..open].rfind('\n').map_or(0, |i| i + 1);
        if source[line_start..open].trim_start().starts_with("//") {
            continue;
        }
        let Some(inner) = balanced(source, open) else {
            continue;
        };
        let args = top_level_args(inner);
        if args.len() < 2 || args[1].starts_with("$id:") {
            continue;
        }
        let id = args[1].trim_matches('"').to_string();
        let names = args[2..]
            .iter()
            .filter_map(|a| a.split_once('=').map(|(name, _)| name.trim().to_string()))
            .collect();
        calls.push((id, names));
    }
    calls
}

/// `say!("id")`-style calls of a local macro that forwards `$id` to `tr!`.
fn forwarded_ids(source: &str, macro_name: &str) -> Vec<String> {
    let needle = format!("{macro_name}!(\"");
    source
        .match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &source[i + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn every_tr_call_passes_exactly_the_variables_of_its_message() {
    let catalogue: BTreeMap<String, BTreeSet<String>> = catalogue_messages(Locale::En)
        .into_iter()
        .map(|(id, vars)| (id, vars.into_iter().collect()))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in rust_files() {
        let source = std::fs::read_to_string(&file).expect("source");
        let shown = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let mut calls = tr_calls(&source);
        // A local `say!` macro forwards its id to one `tr!(l, $id, ...)`.
        if let Some(template) = calls.iter().find(|(id, _)| id == "$id").cloned() {
            for id in forwarded_ids(&source, "say") {
                calls.push((id, template.1.clone()));
            }
        }
        for (id, names) in calls.into_iter().filter(|(id, _)| id != "$id") {
            checked += 1;
            match catalogue.get(&id) {
                None => problems.push(format!("{shown}: no message {id}")),
                Some(vars) if *vars != names => problems.push(format!(
                    "{shown}: {id} uses {vars:?} but the call passes {names:?}"
                )),
                Some(_) => {}
            }
        }
    }
    assert!(checked > 100, "the scan found only {checked} calls");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_core_message_is_used_by_the_code() {
    let sources: String = rust_files()
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("source"))
        .collect();
    let unused: Vec<String> = catalogue_messages(Locale::En)
        .into_iter()
        .map(|(id, _)| id)
        // The help pages' ids are built from the command path; the CLI's
        // tests (src/cli/help.rs) check them against the command tree.
        .filter(|id| id != "cli-help" && !id.starts_with("cli-help-"))
        .filter(|id| !sources.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages nobody uses: {unused:?}");
}

#[test]
fn every_setting_has_a_help_line_without_variables() {
    for spec in crate::settings::SETTINGS {
        for locale in Locale::ALL {
            let messages = catalogue_messages(locale);
            let found = messages.iter().find(|(id, _)| id == spec.help);
            assert!(
                found.is_some_and(|(_, vars)| vars.is_empty()),
                "{}: {} ({locale})",
                spec.key,
                spec.help
            );
        }
    }
}

#[test]
fn the_system_language_follows_lc_all_then_lc_messages_then_lang() {
    let pick =
        |values: [Option<&str>; 3]| Locale::from_env_values(values.map(|v| v.map(str::to_string)));
    assert_eq!(pick([None, None, Some("fr_FR.UTF-8")]), Locale::Fr);
    assert_eq!(
        pick([Some("en_GB.UTF-8"), None, Some("fr_FR.UTF-8")]),
        Locale::En
    );
    assert_eq!(
        pick([Some(""), Some("fr_CA.UTF-8"), Some("en_US")]),
        Locale::Fr
    );
    assert_eq!(pick([None, None, Some("C.UTF-8")]), Locale::En);
    assert_eq!(pick([None, None, None]), Locale::En);
    assert_eq!(pick([Some("fr"), None, None]), Locale::Fr);
}

#[test]
fn a_message_reads_in_both_languages_with_plurals() {
    assert_eq!(
        crate::tr!(Locale::En, "cli-log-total", count = 1, duration = "1 h"),
        "Total: 1 h in 1 session."
    );
    assert_eq!(
        crate::tr!(Locale::En, "cli-log-total", count = 3, duration = "1 h"),
        "Total: 1 h in 3 sessions."
    );
    let fr = crate::tr!(Locale::Fr, "cli-log-total", count = 3, duration = "1 h");
    assert!(fr.contains("3 séances"), "{fr}");
    assert!(!fr.contains('\u{2068}'), "no isolation marks: {fr:?}");
}
