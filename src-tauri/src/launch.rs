//! What a launch asks to open: `gardefou-desktop [timer|sessions|clients|
//! settings]` names a view of the main window, `gardefou-desktop summary
//! [--week DATE]` the summary of the week containing DATE. Parsed from the
//! arguments of the first launch and of each later one (handed over to the
//! running instance), then opened by [`open`].

use chrono::NaiveDate;
use tauri::{AppHandle, Emitter, Runtime};

use crate::view::LaunchView;

/// The argument the login entry starts the app with (see `autostart`): the
/// window then waits in the tray. It comes on top of any other argument.
pub const AT_LOGIN: &str = "--autostart";

/// Whether this launch comes from the login entry.
pub fn at_login<S: AsRef<str>>(args: &[S]) -> bool {
    args.iter().any(|a| a.as_ref() == AT_LOGIN)
}

/// The arguments without [`AT_LOGIN`], for [`Launch::parse`].
pub fn without_login<S: AsRef<str>>(args: &[S]) -> Vec<&str> {
    args.iter()
        .map(AsRef::as_ref)
        .filter(|a| *a != AT_LOGIN)
        .collect()
}

/// One launch's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launch {
    /// A view of the main window.
    View(LaunchView),
    /// The week summary; `None`: the week under review.
    Summary(Option<NaiveDate>),
}

/// Arguments that name nothing Gardefou knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLaunch(pub String);

impl std::fmt::Display for BadLaunch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Launch {
    /// The arguments after the program's name. No argument: nothing in
    /// particular (`Ok(None)`).
    pub fn parse<S: AsRef<str>>(args: &[S]) -> Result<Option<Self>, BadLaunch> {
        let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
        let bad = |what: &str| Err(BadLaunch(what.to_string()));
        match args.as_slice() {
            [] => Ok(None),
            ["summary", rest @ ..] => {
                let week = match rest {
                    [] => None,
                    ["--week", date] => Some(date_arg(date)?),
                    [one] if one.starts_with("--week=") => Some(date_arg(&one[7..])?),
                    _ => return bad("usage: gardefou-desktop summary [--week YYYY-MM-DD]"),
                };
                Ok(Some(Self::Summary(week)))
            }
            [view] => match LaunchView::parse(view) {
                Some(view) => Ok(Some(Self::View(view))),
                None => bad(&format!(
                    "unknown view {view:?}: timer, sessions, clients, settings or summary [--week YYYY-MM-DD]"
                )),
            },
            _ => bad(
                "usage: gardefou-desktop [timer|sessions|clients|settings|summary [--week YYYY-MM-DD]]",
            ),
        }
    }

    /// The main window's view, if this launch names one.
    pub fn view(self) -> Option<LaunchView> {
        match self {
            Self::View(view) => Some(view),
            Self::Summary(_) => None,
        }
    }

    /// The arguments that [`Launch::parse`] reads back (a second launch
    /// hands them to the first).
    pub fn args(self) -> Vec<String> {
        match self {
            Self::View(view) => vec![view.name().to_string()],
            Self::Summary(None) => vec!["summary".into()],
            Self::Summary(Some(week)) => vec!["summary".into(), "--week".into(), week.to_string()],
        }
    }
}

fn date_arg(text: &str) -> Result<NaiveDate, BadLaunch> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| BadLaunch(format!("--week takes a date, YYYY-MM-DD: {text:?}")))
}

/// Opens what a later launch asked for in the running instance: the main
/// window (on its view), or the summary window. No request: the main window.
pub fn open<R: Runtime>(app: &AppHandle<R>, launch: Option<Launch>) {
    match launch {
        Some(Launch::Summary(week)) => {
            if let Err(e) = crate::summary::open(app, week) {
                log::warn!("cannot open the week summary: {e}");
            }
        }
        other => {
            crate::show_main_window(app);
            let _ = app.emit(crate::OPEN_VIEW, other.and_then(Launch::view));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn views_and_the_summary_with_or_without_a_week() {
        let parse = |args: &[&str]| Launch::parse(args);
        assert_eq!(parse(&[]), Ok(None));
        assert_eq!(
            parse(&["sessions"]),
            Ok(Some(Launch::View(LaunchView::Sessions)))
        );
        assert_eq!(parse(&["summary"]), Ok(Some(Launch::Summary(None))));
        assert_eq!(
            parse(&["summary", "--week", "2026-11-25"]),
            Ok(Some(Launch::Summary(Some(date("2026-11-25")))))
        );
        assert_eq!(
            parse(&["summary", "--week=2026-11-25"]),
            Ok(Some(Launch::Summary(Some(date("2026-11-25")))))
        );
    }

    #[test]
    fn bad_arguments_are_refused_with_a_reason() {
        for args in [
            &["summary", "--week"][..],
            &["summary", "--week", "2026-13-45"],
            &["summary", "--week", "tomorrow"],
            &["summary", "--month", "2026-11"],
            &["summary", "--week", "2026-11-25", "extra"],
            &["reports"],
            &["timer", "sessions"],
        ] {
            let refused = Launch::parse(args).expect_err(&format!("{args:?}"));
            assert!(!refused.0.is_empty());
        }
        assert!(
            Launch::parse(&["summary", "--week", "2026-13-45"])
                .expect_err("bad date")
                .0
                .contains("2026-13-45")
        );
    }

    #[test]
    fn the_login_entry_s_argument_comes_on_top() {
        let args = ["--autostart", "sessions"];
        assert!(at_login(&args));
        assert_eq!(
            Launch::parse(&without_login(&args)),
            Ok(Some(Launch::View(LaunchView::Sessions)))
        );
        assert!(!at_login(&["summary"]));
        assert_eq!(Launch::parse(&without_login(&["--autostart"])), Ok(None));
    }

    #[test]
    fn a_launch_reads_back_from_its_own_arguments() {
        for launch in [
            Launch::View(LaunchView::Timer),
            Launch::View(LaunchView::Settings),
            Launch::Summary(None),
            Launch::Summary(Some(date("2026-11-23"))),
        ] {
            assert_eq!(Launch::parse(&launch.args()), Ok(Some(launch)));
        }
        assert_eq!(Launch::Summary(None).view(), None);
        assert_eq!(
            Launch::View(LaunchView::Clients).view(),
            Some(LaunchView::Clients)
        );
    }
}
