//! The words of the tray, from the catalogue: whole labels with arguments
//! ("Stop ‹client› (1:23)"), in the user's language.

use gardefou::i18n::{Locale, format};
use gardefou::tr;

use crate::view::Snapshot;

/// What the tray's text tells: the running timer, and the week against its cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayFacts<'a> {
    /// The running client and its elapsed seconds.
    pub running: Option<(&'a str, i64)>,
    /// Tracked this week: against the weekly cap (or, without one, the
    /// running client's own week against its cap).
    pub week_seconds: i64,
    pub cap_seconds: Option<i64>,
}

impl<'a> TrayFacts<'a> {
    pub fn of(snapshot: &'a Snapshot) -> Self {
        let running = snapshot
            .running
            .as_ref()
            .map(|r| (r.client.as_str(), r.duration_seconds));
        let meters = &snapshot.meters;
        match meters.weekly_cap.as_ref().or(meters.client_cap.as_ref()) {
            Some(cap) => Self {
                running,
                week_seconds: cap.tracked_seconds,
                cap_seconds: Some(cap.cap_seconds),
            },
            None => Self {
                running,
                week_seconds: meters.week_tracked_seconds,
                cap_seconds: None,
            },
        }
    }
}

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

pub fn settings(l: Locale) -> String {
    tr!(l, "tray-settings")
}

pub fn quit(l: Locale) -> String {
    tr!(l, "tray-quit")
}

/// The tooltip (Windows, macOS): the running timer or that none runs, and
/// the week against the cap.
pub fn tooltip(facts: &TrayFacts<'_>, l: Locale) -> String {
    let week = format::duration(facts.week_seconds, l);
    match (facts.running, facts.cap_seconds) {
        (Some((client, seconds)), Some(cap)) => tr!(
            l,
            "tray-tooltip-running-capped",
            client = client,
            elapsed = format::clock_duration(seconds, l),
            week = week,
            cap = format::duration(cap, l)
        ),
        (Some((client, seconds)), None) => tr!(
            l,
            "tray-tooltip-running-week",
            client = client,
            elapsed = format::clock_duration(seconds, l),
            week = week
        ),
        (None, Some(cap)) => tr!(
            l,
            "tray-tooltip-idle-capped",
            week = week,
            cap = format::duration(cap, l)
        ),
        (None, None) => tr!(l, "tray-tooltip-idle-week", week = week),
    }
}

/// The text beside the icon where there is no tooltip (AppIndicator):
/// "Acme 1:23", with "· 32:10 / 40:00" when a cap is set; nothing when idle.
pub fn panel(facts: &TrayFacts<'_>, l: Locale) -> String {
    let Some((client, seconds)) = facts.running else {
        return String::new();
    };
    let elapsed = format::clock_duration(seconds, l);
    match facts.cap_seconds {
        Some(cap) => tr!(
            l,
            "tray-panel-capped",
            client = client,
            elapsed = elapsed,
            week = format::clock_duration(facts.week_seconds, l),
            cap = format::clock_duration(cap, l)
        ),
        None => tr!(l, "tray-panel", client = client, elapsed = elapsed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        let running = TrayFacts {
            running: Some(("Globex", 83 * 60 + 5)),
            week_seconds: 5 * 3600 + 600,
            cap_seconds: None,
        };
        let idle = TrayFacts {
            running: None,
            ..running.clone()
        };
        assert_eq!(
            stop("Globex", 83 * 60 + 5, Locale::En),
            "Stop Globex (1:23)"
        );
        assert_eq!(
            stop("Globex", 83 * 60 + 5, Locale::Fr),
            "Arrêter Globex (1h23)"
        );
        assert_eq!(start("Acme", Locale::Fr), "Démarrer Acme");
        assert_eq!(
            tooltip(&running, Locale::En),
            "Gardefou: Globex 1:23, 5 h 10 min this week"
        );
        assert_eq!(
            tooltip(&idle, Locale::En),
            "Gardefou: no timer running, 5 h 10 min this week"
        );
        assert_eq!(
            tooltip(&idle, Locale::Fr),
            "Gardefou\u{a0}: aucun chrono ne tourne, 5\u{202f}h\u{202f}10 cette semaine"
        );
        assert_eq!(panel(&running, Locale::En), "Globex 1:23");
        assert_eq!(panel(&idle, Locale::Fr), "");
        assert_eq!(quit(Locale::Fr), "Quitter");
        assert_eq!(open(Locale::En), "Open Gardefou");
        assert_eq!(settings(Locale::Fr), "Réglages");
    }

    #[test]
    fn the_week_against_the_cap() {
        let capped = TrayFacts {
            running: Some(("Acme", 65 * 60)),
            week_seconds: 32 * 3600 + 600,
            cap_seconds: Some(40 * 3600),
        };
        assert_eq!(
            tooltip(&capped, Locale::En),
            "Gardefou: Acme 1:05, 32 h 10 min of 40 h this week"
        );
        assert_eq!(
            tooltip(&capped, Locale::Fr),
            "Gardefou\u{a0}: Acme 1h05, 32\u{202f}h\u{202f}10 sur 40\u{202f}h cette semaine"
        );
        assert_eq!(panel(&capped, Locale::En), "Acme 1:05 · 32:10 / 40:00");
        assert_eq!(panel(&capped, Locale::Fr), "Acme 1h05 · 32h10 / 40h00");
        let idle = TrayFacts {
            running: None,
            ..capped
        };
        assert_eq!(
            tooltip(&idle, Locale::En),
            "Gardefou: no timer running, 32 h 10 min of 40 h this week"
        );
    }
}
