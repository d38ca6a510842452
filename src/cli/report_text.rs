//! The week summary as text for a terminal: the clients × days grid with its
//! totals row and column, then the boundaries, the comparison and the flags.
//! Every line is a whole sentence from the catalogue, or a table.

use gardefou::i18n::{Locale, format};
use gardefou::money::Currency;
use gardefou::report::{Amount, WeekReport};
use gardefou::tr;

use super::output::{boundary_names, table};

/// A grid cell: `2:30`, or a quiet dot for nothing.
pub fn seconds_cell(seconds: i64, l: Locale) -> String {
    if seconds == 0 {
        "·".to_string()
    } else {
        format::clock_duration(seconds, l)
    }
}

/// `270.00 EUR + 50.00 USD`, or `·`.
pub fn amounts_text(amounts: &[Amount], l: Locale) -> String {
    if amounts.iter().all(|a| a.minor == 0) {
        return "·".to_string();
    }
    amounts
        .iter()
        .filter(|a| a.minor != 0)
        .map(|a| format::amount(a.minor, a.currency, l))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn rate(minor: i64, currency: Currency, l: Locale) -> String {
    tr!(
        l,
        "rate-per-hour",
        amount = format::amount(minor, currency, l)
    )
}

fn percent(value: i64, l: Locale) -> String {
    tr!(l, "report-percent", percent = format::integer(value, l))
}

pub fn render_week(w: &WeekReport, l: Locale) -> String {
    let mut out = tr!(
        l,
        "report-week-title",
        week = &w.week,
        start = format::day(w.start, l),
        end = format::day_with_year(w.end, l),
        zone = &w.timezone
    );
    out.push_str("\n\n");
    if w.clients.is_empty() {
        out.push_str(&tr!(l, "report-no-time-week"));
        out.push('\n');
    } else {
        out.push_str(&grid(w, l));
        out.push('\n');
    }
    out.push('\n');
    for line in boundary_lines(w, l) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&comparison(w, l));
    out.push_str(&health(w, l));
    out
}

fn cap_cell(cap: Option<i64>, used: Option<i64>, l: Locale) -> String {
    match (cap, used) {
        (Some(cap), Some(pct)) => tr!(
            l,
            "report-cap-used",
            percent = format::integer(pct, l),
            cap = format::clock_duration(cap, l)
        ),
        _ => String::new(),
    }
}

fn grid(w: &WeekReport, l: Locale) -> String {
    let mut headers: Vec<String> = vec![tr!(l, "report-col-client")];
    headers.extend(w.dates.iter().map(|d| format::weekday_and_day(*d, l)));
    headers.extend([
        tr!(l, "report-col-total"),
        tr!(l, "report-col-billable"),
        tr!(l, "report-col-amount"),
        tr!(l, "report-col-cap"),
    ]);
    let mut rows: Vec<Vec<String>> = w
        .clients
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone()];
            row.extend(c.days.iter().map(|s| seconds_cell(*s, l)));
            row.push(seconds_cell(c.total_seconds, l));
            row.push(seconds_cell(c.billable_seconds, l));
            row.push(amounts_text(&c.amounts.list(), l));
            row.push(cap_cell(c.cap_seconds, c.cap_used_percent, l));
            row
        })
        .collect();
    let mut total = vec![tr!(l, "report-total-row")];
    total.extend(w.day_totals.iter().map(|s| seconds_cell(*s, l)));
    total.push(seconds_cell(w.total_seconds, l));
    total.push(seconds_cell(w.billable_seconds, l));
    total.push(amounts_text(&w.amounts.list(), l));
    total.push(cap_cell(w.weekly_cap_seconds, w.weekly_cap_used_percent, l));
    rows.push(total);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<usize> = (1..=10).collect();
    table(&headers, &rows, &numeric)
}

fn boundary_lines(w: &WeekReport, l: Locale) -> Vec<String> {
    let d = |seconds| format::duration(seconds, l);
    let mut lines = Vec::new();
    if let (Some(cap), Some(pct)) = (w.weekly_cap_seconds, w.weekly_cap_used_percent) {
        lines.push(tr!(
            l,
            "report-weekly-cap",
            tracked = d(w.total_seconds),
            cap = d(cap),
            percent = format::integer(pct, l)
        ));
    }
    lines.push(if w.off_hours_seconds == 0 {
        tr!(l, "report-off-hours-none")
    } else {
        tr!(l, "report-off-hours", duration = d(w.off_hours_seconds))
    });
    lines.push(if w.rest_day_seconds == 0 {
        tr!(l, "report-rest-days-none")
    } else {
        tr!(l, "report-rest-days", duration = d(w.rest_day_seconds))
    });
    lines.push(tr!(l, "report-weekend-streak", count = w.weekend_streak));
    // Only when something was discarded: most weeks have nothing to say here.
    if w.discarded_seconds > 0 {
        let by_client: Vec<String> = w
            .clients
            .iter()
            .filter(|c| c.discarded_seconds > 0)
            .map(|c| format!("{} {}", c.name, d(c.discarded_seconds)))
            .collect();
        lines.push(tr!(
            l,
            "report-discarded",
            duration = d(w.discarded_seconds),
            clients = by_client.join(", ")
        ));
    }
    if w.overrides.is_empty() {
        lines.push(tr!(l, "report-overrides-none"));
    } else {
        lines.push(tr!(l, "report-overrides", count = w.overrides.len()));
        for o in &w.overrides {
            lines.push(format!(
                "  {}  {}  {}  “{}”",
                short_instant(&o.at),
                o.client.as_deref().unwrap_or("—"),
                boundary_names(&o.boundaries, l),
                o.reason
            ));
        }
    }
    if w.alerts.is_empty() {
        lines.push(tr!(l, "report-alerts-none"));
    } else {
        lines.push(tr!(l, "report-alerts", count = w.alerts.len()));
        for a in &w.alerts {
            lines.push(format!("  {}  {}", short_instant(&a.fired_at), a.message));
        }
    }
    lines
}

/// `2026-11-26T19:05:00+01:00` → `2026-11-26 19:05`.
fn short_instant(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ")
}

fn comparison(w: &WeekReport, l: Locale) -> String {
    let p = &w.previous_week;
    let sentence = if p.total_seconds == 0 {
        tr!(l, "report-previous-week-empty", week = &p.week)
    } else {
        tr!(
            l,
            "report-previous-week",
            week = &p.week,
            tracked = format::duration(p.total_seconds, l),
            billable = format::duration(p.billable_seconds, l),
            amount = amounts_text(&p.amounts.list(), l)
        )
    };
    let mut out = format!("\n{sentence}\n");
    if w.trend.clients.is_empty() {
        return out;
    }
    out.push('\n');
    out.push_str(&tr!(l, "report-trend-title"));
    out.push('\n');
    let mut headers = vec![tr!(l, "report-col-client")];
    headers.extend(
        w.trend
            .weeks
            .iter()
            .map(|label| label.rsplit('-').next().unwrap_or(label).to_string()),
    );
    let mut rows: Vec<Vec<String>> = w
        .trend
        .clients
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone()];
            row.extend(c.seconds.iter().map(|s| seconds_cell(*s, l)));
            row
        })
        .collect();
    let mut total = vec![tr!(l, "report-total-row")];
    total.extend(w.trend.totals.iter().map(|s| seconds_cell(*s, l)));
    rows.push(total);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<usize> = (1..headers.len()).collect();
    out.push_str(&table(&headers, &rows, &numeric));
    out.push('\n');
    out
}

fn health(w: &WeekReport, l: Locale) -> String {
    if w.health.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", tr!(l, "report-health-title"));
    let mut headers = vec![
        tr!(l, "report-col-client"),
        tr!(l, "report-col-tracked"),
        tr!(l, "report-col-effective-rate"),
        tr!(l, "report-col-rate"),
        tr!(l, "report-col-non-billable"),
        tr!(l, "report-col-off-hours"),
    ];
    let tags: Vec<String> = w
        .health
        .first()
        .map(|h| h.tags.iter().map(|t| t.tag.to_uppercase()).collect())
        .unwrap_or_default();
    headers.extend(tags);
    let rows: Vec<Vec<String>> = w
        .health
        .iter()
        .map(|h| {
            let mut row = vec![
                h.name.clone(),
                format::clock_duration(h.tracked_seconds, l),
                h.effective_rate_minor
                    .map_or_else(|| "—".to_string(), |r| rate(r, h.currency, l)),
                rate(h.rate_minor, h.currency, l),
                percent(h.non_billable_percent, l),
                percent(h.off_hours_percent, l),
            ];
            row.extend(h.tags.iter().map(|t| percent(t.percent, l)));
            row
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<usize> = (1..headers.len()).collect();
    out.push_str(&table(&headers, &rows, &numeric));
    out.push('\n');
    let flags: Vec<&str> = w
        .health
        .iter()
        .flat_map(|h| h.flags.iter().map(|f| f.message.as_str()))
        .collect();
    if !flags.is_empty() {
        out.push('\n');
        for message in flags {
            out.push_str("• ");
            out.push_str(message);
            out.push('\n');
        }
    }
    out
}
