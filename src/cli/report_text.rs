//! The week summary as text for a terminal: the clients × days grid with its
//! totals row and column, then the boundaries, the comparison and the flags.
//! Every line is a whole sentence or a table (translatable as such).

use gardefou::duration::{format_hm, format_human};
use gardefou::money::Currency;
use gardefou::report::{Amount, WeekReport};

use super::output::table;

/// A grid cell: `2:30`, or a quiet dot for nothing.
pub fn seconds_cell(seconds: i64) -> String {
    if seconds == 0 {
        "·".to_string()
    } else {
        format_hm(seconds)
    }
}

/// `270.00 EUR + 50.00 USD`, or `·`.
pub fn amounts_text(amounts: &[Amount]) -> String {
    if amounts.iter().all(|a| a.minor == 0) {
        return "·".to_string();
    }
    amounts
        .iter()
        .filter(|a| a.minor != 0)
        .map(Amount::display)
        .collect::<Vec<_>>()
        .join(" + ")
}

fn money(minor: i64, currency: Currency) -> String {
    Amount { currency, minor }.display()
}

pub fn render_week(w: &WeekReport) -> String {
    let mut out = format!(
        "Week {} · {} – {} · {}\n\n",
        w.week,
        w.start.format("%a %-d %b"),
        w.end.format("%a %-d %b %Y"),
        w.timezone
    );
    if w.clients.is_empty() {
        out.push_str("No time tracked this week.\n");
    } else {
        out.push_str(&grid(w));
        out.push('\n');
    }
    out.push('\n');
    for line in boundary_lines(w) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&comparison(w));
    out.push_str(&health(w));
    out
}

fn grid(w: &WeekReport) -> String {
    let mut headers: Vec<String> = vec!["CLIENT".to_string()];
    headers.extend(w.dates.iter().map(|d| d.format("%a %-d").to_string()));
    headers.extend(["TOTAL", "BILLABLE", "AMOUNT", "CAP"].map(String::from));
    let mut rows: Vec<Vec<String>> = w
        .clients
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone()];
            row.extend(c.days.iter().map(|s| seconds_cell(*s)));
            row.push(seconds_cell(c.total_seconds));
            row.push(seconds_cell(c.billable_seconds));
            row.push(amounts_text(&c.amounts.list()));
            row.push(match (c.cap_seconds, c.cap_used_percent) {
                (Some(cap), Some(pct)) => format!("{pct} % of {}", format_hm(cap)),
                _ => String::new(),
            });
            row
        })
        .collect();
    let mut total = vec!["Total".to_string()];
    total.extend(w.day_totals.iter().map(|s| seconds_cell(*s)));
    total.push(seconds_cell(w.total_seconds));
    total.push(seconds_cell(w.billable_seconds));
    total.push(amounts_text(&w.amounts.list()));
    total.push(match (w.weekly_cap_seconds, w.weekly_cap_used_percent) {
        (Some(cap), Some(pct)) => format!("{pct} % of {}", format_hm(cap)),
        _ => String::new(),
    });
    rows.push(total);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<usize> = (1..=10).collect();
    table(&headers, &rows, &numeric)
}

fn boundary_lines(w: &WeekReport) -> Vec<String> {
    let mut lines = Vec::new();
    if let (Some(cap), Some(pct)) = (w.weekly_cap_seconds, w.weekly_cap_used_percent) {
        lines.push(format!(
            "Weekly cap: {} tracked of {} ({pct} %).",
            format_human(w.total_seconds),
            format_human(cap)
        ));
    }
    lines.push(format!(
        "Outside working hours: {}.",
        human_or_none(w.off_hours_seconds)
    ));
    lines.push(format!(
        "On rest days: {}.",
        human_or_none(w.rest_day_seconds)
    ));
    lines.push(format!(
        "Worked weekends in a row at the end of the week: {}.",
        w.weekend_streak
    ));
    if w.overrides.is_empty() {
        lines.push("Overrides this week: none.".to_string());
    } else {
        lines.push(format!(
            "Overrides this week ({}), with your reasons:",
            w.overrides.len()
        ));
        for o in &w.overrides {
            lines.push(format!(
                "  {}  {}  {}  “{}”",
                short_instant(&o.at),
                o.client.as_deref().unwrap_or("—"),
                o.boundaries.join(", "),
                o.reason
            ));
        }
    }
    if w.alerts.is_empty() {
        lines.push("Alerts this week: none.".to_string());
    } else {
        lines.push(format!("Alerts this week ({}):", w.alerts.len()));
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

fn human_or_none(seconds: i64) -> String {
    if seconds == 0 {
        "none".to_string()
    } else {
        format_human(seconds)
    }
}

fn comparison(w: &WeekReport) -> String {
    let p = &w.previous_week;
    let mut out = format!(
        "\nPrevious week ({}): {} tracked, {} billable, {}.\n",
        p.week,
        human_or_none(p.total_seconds),
        human_or_none(p.billable_seconds),
        amounts_text(&p.amounts.list())
    );
    if w.trend.clients.is_empty() {
        return out;
    }
    out.push_str("\nLast 8 weeks, hours tracked:\n");
    let mut headers = vec!["CLIENT".to_string()];
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
            row.extend(c.seconds.iter().map(|s| seconds_cell(*s)));
            row
        })
        .collect();
    let mut total = vec!["Total".to_string()];
    total.extend(w.trend.totals.iter().map(|s| seconds_cell(*s)));
    rows.push(total);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let numeric: Vec<usize> = (1..headers.len()).collect();
    out.push_str(&table(&headers, &rows, &numeric));
    out.push('\n');
    out
}

fn health(w: &WeekReport) -> String {
    if w.health.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nClient health, last 4 weeks:\n");
    let mut headers = vec![
        "CLIENT".to_string(),
        "TRACKED".to_string(),
        "EFFECTIVE RATE".to_string(),
        "RATE".to_string(),
        "NON-BILLABLE".to_string(),
        "OFF-HOURS".to_string(),
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
                format_hm(h.tracked_seconds),
                h.effective_rate_minor.map_or_else(
                    || "—".to_string(),
                    |r| format!("{}/h", money(r, h.currency)),
                ),
                format!("{}/h", money(h.rate_minor, h.currency)),
                format!("{} %", h.non_billable_percent),
                format!("{} %", h.off_hours_percent),
            ];
            row.extend(h.tags.iter().map(|t| format!("{} %", t.percent)));
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
