//! One session, clipped to the exported range, as the numbers an invoice needs.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::model::{Rounding, Session};
use crate::money::{Currency, amount_for};
use crate::window::clip;

/// Which rounding rule applies to an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoundingChoice {
    /// The client's own rule, else the `rounding` setting.
    #[default]
    Default,
    /// The same rule for every row (`--round`); `None` is `--round none`.
    Forced(Option<Rounding>),
}

impl RoundingChoice {
    /// Parses a `--round` value: `15m:up`, `6m:nearest`, `none`.
    pub fn parse(input: &str) -> crate::Result<Self> {
        Rounding::parse_optional(input).map(Self::Forced)
    }

    /// The rule for one session's row.
    pub fn rule_for(
        self,
        client_rule: Option<Rounding>,
        default: Option<Rounding>,
    ) -> Option<Rounding> {
        match self {
            Self::Forced(rule) => rule,
            Self::Default => client_rule.or(default),
        }
    }
}

/// One exported row, in plain numbers. Rounding never touches the stored
/// session: it is applied here, to the clipped duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub date: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Raw seconds inside the range.
    pub seconds: i64,
    /// `seconds` after the rounding rule.
    pub rounded_seconds: i64,
    pub client: String,
    pub note: String,
    pub tags: Vec<String>,
    pub billable: bool,
    pub rate_minor: i64,
    pub currency: Currency,
    /// `rounded_seconds × rate`, half-up to the minor unit; 0 when not billable.
    pub amount_minor: i64,
}

impl ExportRow {
    /// The row for `session` clipped to `[from, to)`, or `None` when nothing of it
    /// falls inside. A running session counts up to `now`.
    pub fn new(
        session: &Session,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
        tz: Tz,
        rounding: Option<Rounding>,
    ) -> Option<Self> {
        let (start, end) = clip(session, (from, to), now)?;
        let seconds = (end - start).num_seconds();
        let rounded_seconds = rounding.map_or(seconds, |r| r.apply(seconds));
        let amount_minor = if session.billable {
            amount_for(rounded_seconds, session.rate_minor)
        } else {
            0
        };
        Some(Self {
            date: start.with_timezone(&tz).date_naive(),
            start,
            end,
            seconds,
            rounded_seconds,
            client: session.client_name.clone(),
            note: session.note.clone(),
            tags: session.tags.clone(),
            billable: session.billable,
            rate_minor: session.rate_minor,
            currency: session.currency,
            amount_minor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;
    use uuid::Uuid;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Paris
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    pub(crate) fn session(start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> Session {
        Session {
            id: Uuid::nil(),
            number: 1,
            client_id: Uuid::nil(),
            client_name: "Acme".into(),
            start,
            end,
            billable: true,
            note: String::new(),
            tags: vec![],
            source: Source::Manual,
            rate_minor: 4500,
            currency: Currency::EUR,
            zone: "Europe/Paris".into(),
            planned_seconds: None,
            deleted: false,
            created_at: start,
            updated_at: start,
        }
    }

    #[test]
    fn a_session_crossing_the_range_edges_is_clipped() {
        let range = (at(2026, 11, 1, 0, 0), at(2026, 12, 1, 0, 0));
        let now = at(2026, 12, 5, 0, 0);
        // 31 Oct 23:00 → 1 Nov 01:30: only 1 h 30 min is in November.
        let s = session(at(2026, 10, 31, 23, 0), Some(at(2026, 11, 1, 1, 30)));
        let row = ExportRow::new(&s, range, now, Paris, None).unwrap();
        assert_eq!(row.seconds, 5400);
        assert_eq!(row.date.to_string(), "2026-11-01");
        assert_eq!(row.start, range.0);
        assert_eq!(row.amount_minor, 6750);
        // 30 Nov 23:00 → 1 Dec 02:00: one hour.
        let s = session(at(2026, 11, 30, 23, 0), Some(at(2026, 12, 1, 2, 0)));
        let row = ExportRow::new(&s, range, now, Paris, None).unwrap();
        assert_eq!((row.seconds, row.end), (3600, range.1));
        // Entirely outside.
        let s = session(at(2026, 12, 2, 9, 0), Some(at(2026, 12, 2, 10, 0)));
        assert!(ExportRow::new(&s, range, now, Paris, None).is_none());
    }

    #[test]
    fn rounding_applies_to_the_clipped_time_and_non_billable_rows_are_free() {
        let range = (at(2026, 11, 1, 0, 0), at(2026, 12, 1, 0, 0));
        let now = at(2026, 12, 5, 0, 0);
        let mut s = session(at(2026, 11, 2, 9, 0), Some(at(2026, 11, 2, 9, 7)));
        let up = Rounding::parse("15m:up").ok();
        let row = ExportRow::new(&s, range, now, Paris, up).unwrap();
        assert_eq!((row.seconds, row.rounded_seconds), (420, 900));
        assert_eq!(row.amount_minor, 1125);
        s.billable = false;
        let row = ExportRow::new(&s, range, now, Paris, up).unwrap();
        assert_eq!((row.rounded_seconds, row.amount_minor), (900, 0));
    }

    #[test]
    fn a_running_session_counts_up_to_now() {
        let range = (at(2026, 11, 1, 0, 0), at(2026, 12, 1, 0, 0));
        let s = session(at(2026, 11, 2, 9, 0), None);
        let row = ExportRow::new(&s, range, at(2026, 11, 2, 10, 0), Paris, None).unwrap();
        assert_eq!(row.seconds, 3600);
    }

    #[test]
    fn forced_rules_win_over_client_and_default() {
        let client = Rounding::parse("6m:up").ok();
        let default = Rounding::parse("30m:down").ok();
        assert_eq!(RoundingChoice::Default.rule_for(client, default), client);
        assert_eq!(RoundingChoice::Default.rule_for(None, default), default);
        assert_eq!(
            RoundingChoice::parse("none")
                .unwrap()
                .rule_for(client, default),
            None
        );
        let forced = RoundingChoice::parse("15m:nearest").unwrap();
        assert_eq!(
            forced.rule_for(client, default),
            Rounding::parse("15m:nearest").ok()
        );
    }
}
