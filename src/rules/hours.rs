//! Working hours: per weekday, zero or more half-open local-time blocks
//! (`09:00-18:00` makes 18:00:00 off-hours). Everything outside is off-hours.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::calendar::{day_start, local_date};
use crate::error::{Error, Problem, Result, ScheduleProblem};
use crate::window::interval_seconds;

use super::weekends::{DAY_NAMES, parse_weekday};

/// One block of a day, `[start, end)` in minutes after local midnight; `end` may be 1440 (`24:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start_minute: u16,
    pub end_minute: u16,
}

/// The working blocks of each weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingHours {
    days: [Vec<Block>; 7],
}

impl Default for WorkingHours {
    /// Monday to Friday, 09:00–18:00.
    fn default() -> Self {
        let day = vec![Block {
            start_minute: 9 * 60,
            end_minute: 18 * 60,
        }];
        Self {
            days: [
                day.clone(),
                day.clone(),
                day.clone(),
                day.clone(),
                day,
                Vec::new(),
                Vec::new(),
            ],
        }
    }
}

impl WorkingHours {
    /// Parses `mon-fri 09:00-12:30,13:30-18:00; sat off; sun off`. Days not
    /// named are off; a later clause replaces an earlier one for its days.
    pub fn parse(input: &str) -> Result<Self> {
        let bad = |why: ScheduleProblem| {
            Error::invalid(
                "working_hours",
                input.trim(),
                Problem::NotAWorkingSchedule(why),
            )
        };
        let mut days: [Vec<Block>; 7] = Default::default();
        let mut any = false;
        for clause in input.split(';').map(str::trim).filter(|c| !c.is_empty()) {
            any = true;
            let (day_spec, blocks_spec) =
                clause.split_once(char::is_whitespace).ok_or_else(|| {
                    bad(ScheduleProblem::NoHours {
                        clause: clause.to_string(),
                    })
                })?;
            let selected = parse_day_spec(day_spec).map_err(bad)?;
            let blocks_spec = blocks_spec.trim();
            let blocks = if blocks_spec.eq_ignore_ascii_case("off") {
                Vec::new()
            } else {
                parse_blocks(blocks_spec).map_err(bad)?
            };
            for (index, on) in selected.iter().enumerate() {
                if *on {
                    days[index] = blocks.clone();
                }
            }
        }
        if !any {
            return Err(bad(ScheduleProblem::Empty));
        }
        Ok(Self { days })
    }

    /// The blocks of a weekday (0 = Monday).
    pub fn blocks(&self, weekday_from_monday: usize) -> &[Block] {
        &self.days[weekday_from_monday % 7]
    }

    /// The working blocks of a local date as UTC instants, DST-correct. A block
    /// edge that falls in a DST gap moves to the first local time after it.
    pub fn blocks_on(&self, date: NaiveDate, tz: Tz) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let index = date.weekday().num_days_from_monday() as usize;
        self.days[index]
            .iter()
            .map(|b| {
                (
                    local_minute(date, b.start_minute, tz),
                    local_minute(date, b.end_minute, tz),
                )
            })
            .filter(|(s, e)| s < e)
            .collect()
    }

    /// Is `at` inside a working block?
    pub fn is_working_time(&self, at: DateTime<Utc>, tz: Tz) -> bool {
        let date = local_date(at, tz);
        self.blocks_on(date, tz)
            .iter()
            .any(|(s, e)| *s <= at && at < *e)
    }

    /// Seconds of `[start, end)` inside working blocks.
    pub fn working_seconds(&self, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> i64 {
        if end <= start {
            return 0;
        }
        let mut total = 0;
        let mut date = local_date(start, tz);
        let last = local_date(end, tz);
        while date <= last {
            for (s, e) in self.blocks_on(date, tz) {
                total += interval_seconds(start, end, (s, e));
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        total
    }

    /// Seconds of `[start, end)` outside working hours.
    pub fn off_hours_seconds(&self, start: DateTime<Utc>, end: DateTime<Utc>, tz: Tz) -> i64 {
        if end <= start {
            return 0;
        }
        (end - start).num_seconds() - self.working_seconds(start, end, tz)
    }

    /// The next instant after `at` where working time starts or stops (within
    /// eight days), for a watcher that wants to wake exactly then.
    pub fn next_edge(&self, at: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        let mut date = local_date(at, tz);
        for _ in 0..8 {
            let mut edges: Vec<DateTime<Utc>> = self
                .blocks_on(date, tz)
                .into_iter()
                .flat_map(|(s, e)| [s, e])
                .filter(|t| *t > at)
                .collect();
            edges.sort();
            if let Some(first) = edges.first() {
                return Some(*first);
            }
            date = date.succ_opt()?;
        }
        None
    }
}

impl fmt::Display for WorkingHours {
    /// The canonical form: runs of consecutive days with the same blocks,
    /// e.g. `mon-fri 09:00-18:00; sat-sun off`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut clauses = Vec::new();
        let mut first = 0;
        while first < 7 {
            let mut last = first;
            while last + 1 < 7 && self.days[last + 1] == self.days[first] {
                last += 1;
            }
            let days = if first == last {
                DAY_NAMES[first].to_string()
            } else {
                format!("{}-{}", DAY_NAMES[first], DAY_NAMES[last])
            };
            let blocks = if self.days[first].is_empty() {
                "off".to_string()
            } else {
                self.days[first]
                    .iter()
                    .map(|b| format!("{}-{}", hhmm(b.start_minute), hhmm(b.end_minute)))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            clauses.push(format!("{days} {blocks}"));
            first = last + 1;
        }
        write!(f, "{}", clauses.join("; "))
    }
}

fn hhmm(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// `mon-fri`, `sat`, `sat,sun`, `fri-mon` (wrapping) → which weekdays (Monday first).
fn parse_day_spec(spec: &str) -> std::result::Result<[bool; 7], ScheduleProblem> {
    let mut selected = [false; 7];
    for part in spec.split(',') {
        let part = part.trim();
        if let Some((from, to)) = part.split_once('-') {
            let (from, to) = (
                parse_weekday(from).ok_or_else(|| not_a_day(from))?,
                parse_weekday(to).ok_or_else(|| not_a_day(to))?,
            );
            let mut day = from;
            loop {
                selected[day] = true;
                if day == to {
                    break;
                }
                day = (day + 1) % 7;
            }
        } else {
            let day = parse_weekday(part).ok_or_else(|| not_a_day(part))?;
            selected[day] = true;
        }
    }
    Ok(selected)
}

fn not_a_day(day: &str) -> ScheduleProblem {
    ScheduleProblem::NotADay {
        day: day.to_string(),
    }
}

/// `09:00-12:30,13:30-18:00` → sorted, non-overlapping blocks.
fn parse_blocks(spec: &str) -> std::result::Result<Vec<Block>, ScheduleProblem> {
    let mut blocks = Vec::new();
    for part in spec.split(',').map(str::trim) {
        let (from, to) = part
            .split_once('-')
            .ok_or_else(|| ScheduleProblem::NotABlock {
                block: part.to_string(),
            })?;
        let start_minute = parse_minute(from)?;
        let end_minute = parse_minute(to)?;
        if start_minute >= end_minute {
            return Err(ScheduleProblem::Reversed {
                block: part.to_string(),
            });
        }
        blocks.push(Block {
            start_minute,
            end_minute,
        });
    }
    blocks.sort_by_key(|b| b.start_minute);
    for pair in blocks.windows(2) {
        if pair[1].start_minute < pair[0].end_minute {
            return Err(ScheduleProblem::Overlapping {
                first: format!(
                    "{}-{}",
                    hhmm(pair[0].start_minute),
                    hhmm(pair[0].end_minute)
                ),
                second: format!(
                    "{}-{}",
                    hhmm(pair[1].start_minute),
                    hhmm(pair[1].end_minute)
                ),
            });
        }
    }
    Ok(blocks)
}

/// `HH:MM` from `00:00` to `24:00`.
fn parse_minute(text: &str) -> std::result::Result<u16, ScheduleProblem> {
    let text = text.trim();
    let bad = || ScheduleProblem::NotATime {
        time: text.to_string(),
    };
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u16 = h.parse().map_err(|_| bad())?;
    let m: u16 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// The instant of local `date` + `minute` minutes (1440 = the next midnight).
/// In a DST gap, the first local time after it; when a time happens twice, the first.
fn local_minute(date: NaiveDate, minute: u16, tz: Tz) -> DateTime<Utc> {
    if minute >= 24 * 60 {
        return day_start(date.succ_opt().unwrap_or(date), tz);
    }
    let mut time = NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
        .unwrap_or(NaiveTime::MIN);
    for _ in 0..(4 * 24) {
        match tz.from_local_datetime(&date.and_time(time)) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(earliest, _) => return earliest.with_timezone(&Utc),
            LocalResult::None => {
                let (next, wrapped) = time.overflowing_add_signed(Duration::minutes(15));
                if wrapped != 0 {
                    break;
                }
                time = next;
            }
        }
    }
    day_start(date.succ_opt().unwrap_or(date), tz)
}
