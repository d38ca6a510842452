//! Reports as plain data (serde): the end-of-week summary and per-client totals.
//! Nothing here prints; the CLI and the desktop app render these values.
//!
//! - [`week`]: the summary, from [`grid`], [`trend`], [`health`] and [`boundaries`];
//! - [`totals`]: per-client totals over any range, streamed;
//! - [`amounts`]: money per currency; [`clip`]: a session seen through a window.

pub mod amounts;
pub mod boundaries;
pub mod clip;
pub mod discarded;
pub mod grid;
pub mod health;
pub mod totals;
pub mod trend;
pub mod week;

use chrono::NaiveDate;

use crate::calendar::local_date;
use crate::error::Result;
use crate::store;
use crate::tracker::{ReadTx, Reads};
use crate::when::rfc3339_in;

pub use amounts::{Amount, Amounts};
pub use boundaries::{AlertLine, Boundaries, OverrideLine};
pub use grid::ClientWeek;
pub use health::{ClientHealth, Flag, TagShare};
pub use totals::{ClientTotals, TotalsReport, totals_report};
pub use trend::{ClientTrend, Trend};
pub use week::{WeekInput, WeekReport, WeekTotals, WeekWindows, compute_week, week_label};

/// `report week`: the summary of the local week containing `date` (default:
/// today), read in one transaction. Pass a [`crate::tracker::Reader`] to read
/// it on a connection of its own.
pub fn week_report(source: &mut impl Reads, date: Option<NaiveDate>) -> Result<WeekReport> {
    source.read(|tx| week_report_in(tx, date))
}

pub(crate) fn week_report_in(tx: &ReadTx<'_>, date: Option<NaiveDate>) -> Result<WeekReport> {
    let (settings, now, conn) = (&tx.settings, tx.now, tx.conn());
    let tz = settings.timezone;
    let date = date.unwrap_or_else(|| local_date(now, tz));
    let windows = WeekWindows::around(date, settings.week_start, tz);
    let policy = settings.policy();
    let from = windows
        .all
        .0
        .min(boundaries::streak_lookback(windows.week, now, &policy));
    let week = windows.week;
    let (clients, sessions, overrides, alerts) = (
        store::list_clients(conn)?,
        crate::tracker::sessions_with_rest_days(conn, windows.all, from, settings)?,
        store::overrides_in_range(conn, week.0, week.1)?,
        store::alerts_in_range(conn, week.0, week.1)?,
    );
    let mut facts = Boundaries::from_rules(&sessions, &policy, week, windows.health, now);
    facts.overrides = overrides
        .into_iter()
        .map(|o| OverrideLine {
            at: rfc3339_in(o.at, tz),
            client: o.client_name,
            boundaries: o.boundaries,
            reason: o.reason,
        })
        .collect();
    facts.alerts = alerts
        .into_iter()
        .map(|a| AlertLine {
            // Told now, in the reader's language, from the alert's facts.
            message: a.message(settings.locale),
            kind: a.kind,
            client: a.client_name,
            period: a.period,
            fired_at: rfc3339_in(a.fired_at, tz),
        })
        .collect();
    let input = WeekInput {
        windows: &windows,
        tz,
        now,
        clients: &clients,
        sessions: &sessions,
        health_tags: &settings.health_tags,
        warn_at: settings.warn_at,
        locale: settings.locale,
    };
    let mut report = compute_week(&input, facts);
    let (total, per_client) =
        discarded::discarded_seconds(&store::away_in_range(conn, week.0, week.1)?, week);
    report.discarded_seconds = total;
    for row in &mut report.clients {
        let id = clients.iter().find(|c| c.name == row.name).map(|c| c.id);
        row.discarded_seconds = id.and_then(|id| per_client.get(&id)).copied().unwrap_or(0);
    }
    Ok(report)
}
