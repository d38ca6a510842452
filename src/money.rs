//! Money as integer minor units with an ISO 4217 currency. No floats.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::error::{Error, Problem, Result};

/// Active ISO 4217 codes (2-decimal unless listed in the tables below).
const CODES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB \
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB \
EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY \
KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR \
MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF \
SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS \
UAH UGX USD UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";
const ZERO_DECIMALS: &str = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const THREE_DECIMALS: &str = "BHD IQD JOD KWD LYD OMR TND";
const FOUR_DECIMALS: &str = "CLF UYW";

/// A validated ISO 4217 currency code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");

    /// Accepts a known ISO 4217 code, in any case.
    pub fn parse(input: &str) -> Result<Self> {
        let code = input.trim().to_ascii_uppercase();
        if code.len() == 3 && CODES.split_whitespace().any(|c| c == code) {
            let bytes = code.as_bytes();
            Ok(Currency([bytes[0], bytes[1], bytes[2]]))
        } else {
            Err(Error::invalid(
                "currency",
                input.trim(),
                Problem::NotACurrency,
            ))
        }
    }

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// Digits after the decimal point in this currency.
    pub fn minor_digits(&self) -> u32 {
        let code = self.code();
        let listed = |table: &str| table.split_whitespace().any(|c| c == code);
        if listed(ZERO_DECIMALS) {
            0
        } else if listed(THREE_DECIMALS) {
            3
        } else if listed(FOUR_DECIMALS) {
            4
        } else {
            2
        }
    }

    /// Parses a decimal amount (`45.50`, `45,50`, `45`) into minor units, refusing
    /// negatives and more decimals than the currency has.
    pub fn parse_amount(&self, input: &str) -> Result<i64> {
        let text = input.trim().replace(',', ".");
        let bad = || {
            Error::invalid(
                "rate",
                input.trim(),
                Problem::NotAnAmount { currency: *self },
            )
        };
        if text.starts_with('-') {
            return Err(Error::invalid("rate", input.trim(), Problem::Negative));
        }
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
            || (text.contains('.') && fraction.is_empty())
        {
            return Err(bad());
        }
        let digits = self.minor_digits();
        if fraction.len() > digits as usize {
            return Err(Error::invalid(
                "rate",
                input.trim(),
                Problem::TooManyDecimals { currency: *self },
            ));
        }
        let scale = 10_i64.pow(digits);
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| bad())?
        };
        let padded = format!("{fraction:0<width$}", width = digits as usize);
        let fraction: i64 = if padded.is_empty() {
            0
        } else {
            padded.parse().map_err(|_| bad())?
        };
        whole
            .checked_mul(scale)
            .and_then(|w| w.checked_add(fraction))
            .filter(|v| *v <= 1_000_000_000_000)
            .ok_or_else(bad)
    }

    /// `45.50` for 4550 EUR minor units (no currency sign, `.` separator).
    pub fn format_minor(&self, minor: i64) -> String {
        let digits = self.minor_digits();
        let sign = if minor < 0 { "-" } else { "" };
        let minor = minor.unsigned_abs();
        if digits == 0 {
            return format!("{sign}{minor}");
        }
        let scale = 10_u64.pow(digits);
        format!(
            "{sign}{}.{:0width$}",
            minor / scale,
            minor % scale,
            width = digits as usize
        )
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// What `seconds` of work earn at `rate_minor` per hour: rounded half-up to the minor unit.
pub fn amount_for(seconds: i64, rate_minor: i64) -> i64 {
    let product = i128::from(seconds.max(0)) * i128::from(rate_minor.max(0));
    ((product + 1800) / 3600) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rates_in_minor_units() {
        let eur = Currency::parse("eur").unwrap();
        assert_eq!(eur.parse_amount("45.50").unwrap(), 4550);
        assert_eq!(eur.parse_amount("45,5").unwrap(), 4550);
        assert_eq!(eur.parse_amount("45").unwrap(), 4500);
        assert_eq!(eur.parse_amount("0").unwrap(), 0);
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(jpy.parse_amount("5000").unwrap(), 5000);
        assert!(jpy.parse_amount("50.5").is_err());
        let kwd = Currency::parse("KWD").unwrap();
        assert_eq!(kwd.parse_amount("1.234").unwrap(), 1234);
    }

    #[test]
    fn refuses_bad_rates() {
        let eur = Currency::EUR;
        for bad in [
            "-5",
            "abc",
            "1.234",
            "",
            ".",
            "1.",
            "1e3",
            "4 5",
            "99999999999999",
        ] {
            assert!(eur.parse_amount(bad).is_err(), "{bad:?}");
        }
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("XYZ").is_err());
    }

    #[test]
    fn amounts_round_half_up() {
        // 1 s at 18.00/h = 0.5 minor unit -> 1
        assert_eq!(amount_for(1, 1800), 1);
        assert_eq!(amount_for(3600, 4550), 4550);
        assert_eq!(amount_for(5400, 4550), 6825);
        assert_eq!(Currency::EUR.format_minor(6825), "68.25");
        assert_eq!(Currency::parse("JPY").unwrap().format_minor(500), "500");
    }
}
