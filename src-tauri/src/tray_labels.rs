//! The words of the tray, from the catalogue: whole labels with arguments
//! ("Stop ‹client› (1:23)"), in the user's language.

use gardefou::i18n::{Locale, format};
use gardefou::tr;

/// "Start ‹client›".
pub fn start(client: &str, l: Locale) -> String {
    tr!(l, "tray-start", client = client)
}

/// "Stop ‹client› (1:23)".
pub fn stop(client: &str, elapsed_seconds: i64, l: Locale) -> String {
    tr!(
        l,
        "tray-stop",
        client = client,
        elapsed = format::clock_duration(elapsed_seconds, l)
    )
}

pub fn summary(l: Locale) -> String {
    tr!(l, "tray-summary")
}

pub fn open(l: Locale) -> String {
    tr!(l, "tray-open")
}

pub fn quit(l: Locale) -> String {
    tr!(l, "tray-quit")
}

/// The tooltip: the running timer, or that none runs.
pub fn tooltip(running: Option<(&str, i64)>, l: Locale) -> String {
    match running {
        Some((client, seconds)) => tr!(
            l,
            "tray-tooltip-running",
            client = client,
            elapsed = format::clock_duration(seconds, l)
        ),
        None => tr!(l, "tray-tooltip-idle"),
    }
}

/// The text beside the icon where there is no tooltip (AppIndicator):
/// "Acme 1:23" while a timer runs, nothing when idle.
pub fn panel(running: Option<(&str, i64)>, l: Locale) -> String {
    running.map_or_else(String::new, |(client, seconds)| {
        tr!(
            l,
            "tray-panel",
            client = client,
            elapsed = format::clock_duration(seconds, l)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        let running = Some(("Globex", 83 * 60 + 5));
        assert_eq!(
            stop("Globex", 83 * 60 + 5, Locale::En),
            "Stop Globex (1:23)"
        );
        assert_eq!(
            stop("Globex", 83 * 60 + 5, Locale::Fr),
            "Arrêter Globex (1h23)"
        );
        assert_eq!(start("Acme", Locale::Fr), "Démarrer Acme");
        assert_eq!(tooltip(running, Locale::En), "Gardefou: Globex 1:23");
        assert_eq!(tooltip(None, Locale::En), "Gardefou: no timer running");
        assert_eq!(
            tooltip(None, Locale::Fr),
            "Gardefou\u{a0}: aucun chrono ne tourne"
        );
        assert_eq!(panel(running, Locale::En), "Globex 1:23");
        assert_eq!(panel(None, Locale::Fr), "");
        assert_eq!(quit(Locale::Fr), "Quitter");
        assert_eq!(open(Locale::En), "Open Gardefou");
    }
}
