//! Money summed per currency: amounts in different currencies are never added.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::money::Currency;

/// An amount in minor units with its currency (`{"currency": "EUR", "minor": 157500}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Amount {
    pub currency: Currency,
    pub minor: i64,
}

impl Amount {
    /// `1575.00 EUR`.
    pub fn display(&self) -> String {
        format!(
            "{} {}",
            self.currency.format_minor(self.minor),
            self.currency
        )
    }
}

/// A running total per currency; serialises as a list of [`Amount`] by currency code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Amounts(BTreeMap<Currency, i64>);

impl Amounts {
    pub fn add(&mut self, currency: Currency, minor: i64) {
        *self.0.entry(currency).or_default() += minor;
    }

    pub fn add_all(&mut self, other: &Amounts) {
        for (currency, minor) in &other.0 {
            self.add(*currency, *minor);
        }
    }

    /// The total in one currency (0 when absent).
    pub fn get(&self, currency: Currency) -> i64 {
        self.0.get(&currency).copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many currencies appear.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn list(&self) -> Vec<Amount> {
        self.0
            .iter()
            .map(|(currency, minor)| Amount {
                currency: *currency,
                minor: *minor,
            })
            .collect()
    }
}

impl Serialize for Amounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.list())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_are_kept_apart() {
        let usd = Currency::parse("USD").unwrap();
        let mut a = Amounts::default();
        a.add(Currency::EUR, 100);
        a.add(usd, 5);
        a.add(Currency::EUR, 50);
        assert_eq!(a.get(Currency::EUR), 150);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"[{"currency":"EUR","minor":150},{"currency":"USD","minor":5}]"#
        );
        assert_eq!(a.list()[0].display(), "1.50 EUR");
    }
}
