//! What a launch asks for, read from its arguments in ONE place: the first
//! launch's (`gardefou-desktop sessions`) and a later launch's, which the
//! single-instance plugin hands to the running app. A new way to be launched
//! (`summary --week DATE`) is one more arm here and one more [`LaunchView`].

use crate::view::LaunchView;

/// The argument the login entry starts the app with (see `autostart`).
pub const AT_LOGIN: &str = "--autostart";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// The view to open, if the launch named one.
    pub view: Option<LaunchView>,
    /// Started by the session at login: stay in the tray, if there is one.
    pub at_login: bool,
}

impl Launch {
    /// Reads the arguments after the program's name. Unknown words are
    /// ignored: a launcher's stray `%U` must not stop the app.
    pub fn parse<I, S>(args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut launch = Self::default();
        for arg in args {
            match arg.as_ref() {
                AT_LOGIN => launch.at_login = true,
                word => {
                    if launch.view.is_none() {
                        launch.view = LaunchView::parse(word);
                    }
                }
            }
        }
        launch
    }

    /// This process's own arguments.
    pub fn from_env() -> Self {
        Self::parse(std::env::args().skip(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_a_login_start_or_nothing() {
        assert_eq!(Launch::parse(Vec::<String>::new()), Launch::default());
        assert_eq!(Launch::parse(["sessions"]).view, Some(LaunchView::Sessions));
        let login = Launch::parse([AT_LOGIN]);
        assert!(login.at_login);
        assert_eq!(login.view, None);
        assert_eq!(
            Launch::parse(["%U", "settings", "clients"]).view,
            Some(LaunchView::Settings),
            "the first view named wins; unknown words are ignored"
        );
    }
}
