//! Builds the summary window's model from the week report and the review:
//! pure (no store, no clock), every text written here in the user's language.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::*;
use crate::decisions::{Reason, Review};
use crate::i18n::{Locale, format};
use crate::model::{Client, Session};
use crate::report::{Amount, WeekReport};
use crate::rules::{Policy, cap_usage};
use crate::tr;

/// What the summary is composed from.
#[derive(Debug)]
pub struct Input<'a> {
    pub report: &'a WeekReport,
    pub review: &'a Review,
    /// Every client, archived ones included.
    pub clients: &'a [Client],
    /// The week's sessions (the calls are found among them).
    pub sessions: &'a [Session],
    pub policy: &'a Policy,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub locale: Locale,
}

const UNKNOWN_COLOR: &str = "#888888";

pub fn compose(input: &Input<'_>) -> WeekSummary {
    let (r, l) = (input.report, input.locale);
    let color = |name: &str| {
        input
            .clients
            .iter()
            .find(|c| c.name == name)
            .map_or(UNKNOWN_COLOR, |c| c.color.as_str())
            .to_string()
    };
    let d = |seconds: i64| format::duration(seconds, l);
    let days: Vec<SummaryDay> = r
        .dates
        .iter()
        .enumerate()
        .map(|(i, date)| SummaryDay {
            date: date.to_string(),
            label: format::weekday_and_day(*date, l),
            total_seconds: r.day_totals.get(i).copied().unwrap_or(0),
            total_text: cell(r.day_totals.get(i).copied().unwrap_or(0), l).text,
            rest_day: input.policy.rest_days.contains(*date),
            segments: r
                .clients
                .iter()
                .filter_map(|c| {
                    let seconds = c.days.get(i).copied().unwrap_or(0);
                    (seconds > 0).then(|| Segment {
                        client: c.name.clone(),
                        color: c.color.clone(),
                        seconds,
                        text: format::clock_duration(seconds, l),
                    })
                })
                .collect(),
        })
        .collect();
    let weekly_cap = r.weekly_cap_seconds.map(|cap| {
        cap_line(
            r.total_seconds,
            cap,
            r.weekly_cap_used_percent,
            r.weekly_cap_level,
            input,
        )
    });
    let working_days = r
        .dates
        .iter()
        .filter(|date| {
            !input
                .policy
                .working_hours
                .blocks_on(**date, input.policy.timezone)
                .is_empty()
        })
        .count() as i64;
    let daily_guide_seconds = r
        .weekly_cap_seconds
        .map(|cap| cap / if working_days > 0 { working_days } else { 7 });
    let chart_max_seconds = r
        .day_totals
        .iter()
        .copied()
        .chain(daily_guide_seconds)
        .max()
        .unwrap_or(0);
    let clients = r
        .clients
        .iter()
        .map(|c| SummaryClient {
            id: input
                .clients
                .iter()
                .find(|k| k.name == c.name)
                .map(|k| k.id.to_string())
                .unwrap_or_default(),
            name: c.name.clone(),
            color: c.color.clone(),
            days: c.days.iter().map(|s| cell(*s, l)).collect(),
            total_seconds: c.total_seconds,
            total_text: format::clock_duration(c.total_seconds, l),
            billable_seconds: c.billable_seconds,
            billable_text: cell(c.billable_seconds, l).text,
            amounts: amounts(&c.amounts.list(), l),
            cap: c
                .cap_seconds
                .map(|cap| cap_line(c.total_seconds, cap, c.cap_used_percent, c.cap_level, input)),
            off_hours_seconds: c.off_hours_seconds,
            off_hours_text: d(c.off_hours_seconds),
            rest_day_seconds: c.rest_day_seconds,
            rest_day_text: d(c.rest_day_seconds),
            discarded_seconds: c.discarded_seconds,
            discarded_text: d(c.discarded_seconds),
        })
        .collect();
    let tomorrow = input.today + Duration::days(1);
    let next = r.start + Duration::weeks(1);
    WeekSummary {
        locale: l.as_str().to_string(),
        week: r.week.clone(),
        first_day: r.start.to_string(),
        last_day: r.end.to_string(),
        start_text: format::day(r.start, l),
        end_text: format::day_with_year(r.end, l),
        timezone: r.timezone.clone(),
        previous: (r.start - Duration::weeks(1)).to_string(),
        next: (next <= input.today).then(|| next.to_string()),
        today: input.today.to_string(),
        tomorrow: tomorrow.to_string(),
        days,
        clients,
        total_seconds: r.total_seconds,
        total_text: d(r.total_seconds),
        billable_seconds: r.billable_seconds,
        billable_text: d(r.billable_seconds),
        total_cell: cell(r.total_seconds, l).text,
        billable_cell: cell(r.billable_seconds, l).text,
        amounts: amounts(&r.amounts.list(), l),
        weekly_cap,
        daily_guide_seconds,
        daily_guide_text: daily_guide_seconds.map(d),
        chart_max_seconds,
        off_hours_seconds: r.off_hours_seconds,
        off_hours_text: d(r.off_hours_seconds),
        rest_day_seconds: r.rest_day_seconds,
        rest_day_text: d(r.rest_day_seconds),
        weekend_streak: r.weekend_streak,
        weekend_streak_limit: input.policy.weekend_streak_limit,
        discarded_seconds: r.discarded_seconds,
        discarded_text: d(r.discarded_seconds),
        overrides: r
            .overrides
            .iter()
            .map(|o| OverrideView {
                when: when_text(&o.at, l),
                client: o.client.clone(),
                boundaries: o.boundaries.clone(),
                reason: o.reason.clone(),
            })
            .collect(),
        alerts: r
            .alerts
            .iter()
            .map(|a| AlertView {
                when: when_text(&a.fired_at, l),
                kind: a.kind.clone(),
                client: a.client.clone(),
                message: a.message.clone(),
            })
            .collect(),
        calls: calls(input, &color),
        health: health(input, &color),
        trend: trend(input, &color),
        questions: questions(input, &color),
        recent: input
            .review
            .recent
            .iter()
            .map(|rd| RecentView {
                client: rd.decision.client.clone(),
                choice: rd.decision.choice.as_str().to_string(),
                message: rd.message.clone(),
                notice_message: rd.notice_message.clone(),
            })
            .collect(),
    }
}

/// A grid cell: `2:30` / `2h30`, empty for nothing.
fn cell(seconds: i64, l: Locale) -> Cell {
    Cell {
        seconds,
        text: if seconds == 0 {
            String::new()
        } else {
            format::clock_duration(seconds, l)
        },
    }
}

fn amounts(list: &[Amount], l: Locale) -> Vec<String> {
    list.iter()
        .filter(|a| a.minor != 0)
        .map(|a| format::amount(a.minor, a.currency, l))
        .collect()
}

fn cap_line(
    tracked: i64,
    cap: i64,
    percent: Option<i64>,
    level: Option<CapLevel>,
    input: &Input<'_>,
) -> CapLine {
    let l = input.locale;
    let usage = cap_usage(tracked, cap, input.policy.warn_at);
    let percent = percent.unwrap_or(usage.percent);
    CapLine {
        tracked_seconds: tracked,
        cap_seconds: cap,
        percent,
        level: level.unwrap_or(usage.level),
        tracked_text: format::duration(tracked, l),
        cap_text: format::duration(cap, l),
        percent_text: format::integer(percent, l),
    }
}

/// `2026-11-26T19:05:00+01:00` (the report's instants, in the user's zone)
/// as "Thu 26 Nov 19:05".
fn when_text(rfc3339: &str, l: Locale) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(at) => tr!(
            l,
            "summary-when",
            day = format::day(at.date_naive(), l),
            time = at.format("%H:%M").to_string()
        ),
        Err(_) => rfc3339.to_string(),
    }
}

fn calls(input: &Input<'_>, color: &dyn Fn(&str) -> String) -> Vec<CallView> {
    let (l, tz) = (input.locale, input.policy.timezone);
    let week = input.report;
    input
        .sessions
        .iter()
        .filter(|s| !s.deleted)
        .filter_map(|s| {
            let planned = s.planned_seconds?;
            let actual = s.duration_seconds(input.now);
            let local = s.start.with_timezone(&tz);
            let day = local.date_naive();
            (actual > planned && day >= week.start && day <= week.end).then(|| CallView {
                client: s.client_name.clone(),
                color: color(&s.client_name),
                when: tr!(
                    l,
                    "summary-when",
                    day = format::day(day, l),
                    time = local.format("%H:%M").to_string()
                ),
                planned_text: format::duration(planned, l),
                actual_text: format::duration(actual, l),
                over_seconds: actual - planned,
                over_text: format::duration(actual - planned, l),
            })
        })
        .collect()
}

fn rate_text(minor: i64, currency: crate::money::Currency, l: Locale) -> String {
    tr!(
        l,
        "rate-per-hour",
        amount = format::amount(minor, currency, l)
    )
}

fn health(input: &Input<'_>, color: &dyn Fn(&str) -> String) -> Vec<HealthView> {
    let l = input.locale;
    input
        .report
        .health
        .iter()
        .map(|h| {
            let rate = rate_text(h.rate_minor, h.currency, l);
            let under_rate = h.effective_rate_minor.is_some_and(|e| e < h.rate_minor);
            let rate_sentence = match h.effective_rate_minor {
                Some(effective) => {
                    let effective = rate_text(effective, h.currency, l);
                    if under_rate {
                        tr!(
                            l,
                            "summary-health-rate-under",
                            client = &h.name,
                            effective = effective,
                            rate = rate
                        )
                    } else {
                        tr!(
                            l,
                            "summary-health-rate",
                            client = &h.name,
                            effective = effective,
                            rate = rate
                        )
                    }
                }
                None => tr!(
                    l,
                    "summary-health-rate-mixed",
                    client = &h.name,
                    rate = rate
                ),
            };
            let flagged = |kind: &str, tag: Option<&str>| {
                h.flags
                    .iter()
                    .any(|f| f.kind == kind && f.tag.as_deref() == tag)
            };
            let mut shares = vec![
                Share {
                    kind: "off_hours".into(),
                    tag: None,
                    percent: h.off_hours_percent,
                    percent_text: format::integer(h.off_hours_percent, l),
                    flagged: flagged("off_hours", None),
                },
                Share {
                    kind: "non_billable".into(),
                    tag: None,
                    percent: h.non_billable_percent,
                    percent_text: format::integer(h.non_billable_percent, l),
                    flagged: flagged("non_billable", None),
                },
            ];
            shares.extend(h.tags.iter().map(|t| Share {
                kind: "tag".into(),
                tag: Some(t.tag.clone()),
                percent: t.percent,
                percent_text: format::integer(t.percent, l),
                flagged: flagged("tag", Some(&t.tag)),
            }));
            HealthView {
                client: h.name.clone(),
                color: color(&h.name),
                tracked_text: format::duration(h.tracked_seconds, l),
                rate_sentence,
                under_rate,
                shares,
                flags: h.flags.iter().map(|f| f.message.clone()).collect(),
            }
        })
        .collect()
}

fn trend(input: &Input<'_>, color: &dyn Fn(&str) -> String) -> TrendView {
    let (t, l) = (&input.report.trend, input.locale);
    TrendView {
        weeks: t
            .weeks
            .iter()
            .map(|w| w.rsplit('-').next().unwrap_or(w).to_string())
            .collect(),
        clients: t
            .clients
            .iter()
            .map(|c| TrendClient {
                client: c.name.clone(),
                color: color(&c.name),
                weeks: c.seconds.iter().map(|s| cell(*s, l)).collect(),
                max_seconds: c.seconds.iter().copied().max().unwrap_or(0),
            })
            .collect(),
    }
}

fn reason_text(reason: &Reason, l: Locale) -> String {
    match reason {
        Reason::CapReached {
            total_seconds,
            cap_seconds,
        } => tr!(
            l,
            "summary-reason-cap",
            tracked = format::duration(*total_seconds, l),
            cap = format::duration(*cap_seconds, l)
        ),
        Reason::OffHours { percent } => tr!(
            l,
            "summary-reason-off-hours",
            percent = format::integer(*percent, l)
        ),
        Reason::Tag { tag, percent } => tr!(
            l,
            "summary-reason-tag",
            percent = format::integer(*percent, l),
            tag = tag
        ),
        Reason::UnderRate {
            effective_rate_minor,
            rate_minor,
            currency,
        } => tr!(
            l,
            "summary-reason-under-rate",
            effective = rate_text(*effective_rate_minor, *currency, l),
            rate = rate_text(*rate_minor, *currency, l)
        ),
        Reason::Overrides { count } => tr!(l, "summary-reason-overrides", count = *count),
    }
}

fn questions(input: &Input<'_>, color: &dyn Fn(&str) -> String) -> Vec<QuestionView> {
    let l = input.locale;
    input
        .review
        .questions
        .iter()
        .map(|q| {
            let client = input.clients.iter().find(|c| c.id == q.client_id);
            let (rate, rate_text, currency) = client.map_or_else(Default::default, |c| {
                (
                    c.currency.format_minor(c.rate_minor),
                    format::amount(c.rate_minor, c.currency, l),
                    c.currency.code().to_string(),
                )
            });
            let frees = q.flagged.frees_seconds_per_week;
            QuestionView {
                client_id: q.client_id.to_string(),
                client: q.flagged.client.clone(),
                color: color(&q.flagged.client),
                reasons: q
                    .flagged
                    .reasons
                    .iter()
                    .map(|r| reason_text(r, l))
                    .collect(),
                answered: q.answered.map(|c| c.as_str().to_string()),
                rate,
                rate_text,
                currency,
                frees_text: tr!(l, "summary-frees", duration = format::duration(frees, l)),
                frees_seconds_per_week: frees,
            }
        })
        .collect()
}
