//! One voice in two languages: every sentence a person reads comes from the
//! Fluent catalogue in `locales/<lang>/*.ftl` (shared with the web UI), in
//! French or English.
//!
//! Numbers, durations, amounts and dates are formatted here from the integers
//! ([`mod@format`]) and passed to messages as text: `fluent-bundle`'s `NUMBER()`
//! is not locale-aware. Plurals use Fluent's selectors on [`Arg::Count`].
//!
//! Messages are looked up with [`tr!`](crate::tr): `tr!(locale, "cli-started", client = name)`.
//! The catalogue tests check that both languages hold the same messages with
//! the same variables, and that every `tr!` call passes exactly those variables.

mod catalogue;
pub mod format;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The languages Gardefou speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Self; 2] = [Self::En, Self::Fr];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    /// The system's language, from `LC_ALL`, then `LC_MESSAGES`, then `LANG`
    /// (the first that is set and not empty): `fr*` is French, anything else English.
    pub fn from_env() -> Self {
        Self::from_env_values(
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .map(|key| std::env::var(key).ok()),
        )
    }

    /// [`Locale::from_env`] over given values (tests).
    pub fn from_env_values(values: impl IntoIterator<Item = Option<String>>) -> Self {
        let chosen = values
            .into_iter()
            .flatten()
            .find(|value| !value.trim().is_empty());
        match chosen {
            Some(value) if value.trim().to_ascii_lowercase().starts_with("fr") => Self::Fr,
            _ => Self::En,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Self::En),
            "fr" => Ok(Self::Fr),
            _ => Err(()),
        }
    }
}

/// A value passed to a message: text (already formatted for the locale), or a
/// count that plural selectors can choose on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Self::Text(Cow::Borrowed(value))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Self::Text(Cow::Borrowed(value.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Self::Text(Cow::Owned(value))
    }
}

macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(value: $t) -> Self {
                Self::Count(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_arg!(i64, i32, u8, u32, u64, usize);

/// The message `id` in `locale`, with its variables filled in.
///
/// A missing message or variable is a bug: debug builds (and every test)
/// panic; release builds show the message id rather than nothing.
pub fn text(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    catalogue::format(locale, id, args)
}

/// `tr!(locale, "message-id", name = value, ...)`: one whole sentence from the
/// catalogue. Values are `&str`, `String` or integers (counts for plurals).
#[macro_export]
macro_rules! tr {
    ($locale:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $locale,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// Every message id of a language with its variables (tests, tools).
pub fn catalogue_messages(locale: Locale) -> Vec<(String, Vec<String>)> {
    catalogue::messages(locale)
}

#[cfg(test)]
mod tests;
