//! Hostile input at scale: the TIME, DATE and duration parsers, the
//! working-hours and rest-days parsers, every setting's value, and the CSV
//! writer's round trip. No panic, no hang (each input's time is measured),
//! clear errors, and what parses prints back to itself.
//!
//! Inputs come from a deterministic generator that mixes each parser's own
//! vocabulary (digits, units, day names, separators, offsets) with hostile
//! text (control characters, right-to-left marks, emoji, long runs): most
//! inputs are near-valid, which is where parsers break.
//!
//! CI: a few thousand inputs per target (debug build). By hand, e.g.:
//!   GARDEFOU_FUZZ_INPUTS=3000000 GARDEFOU_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! (the CSV target runs a tenth of that: each input is a database write and an export).

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::duration::{format_compact, format_hm, format_human, parse_duration};
use gardefou::export::{self, Dialect, ExportRequest, cells};
use gardefou::rules::{DaySet, WorkingHours};
use gardefou::settings::{Settings, keys};
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession};
use gardefou::when::{earliest_accepted, parse_date, parse_instant, parse_past_instant};

/// The slowest a single input may take before it counts as a hang (generous:
/// a loaded CI machine deschedules a test for a few hundred milliseconds).
const HANG: Duration = Duration::from_secs(2);

fn inputs(default: u64) -> u64 {
    std::env::var("GARDEFOU_FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("GARDEFOU_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x6a09_e667_f3bc_c908)
}

/// xorshift64*: fast, deterministic, good enough to pick fragments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Text anyone can type or paste, at its most unpleasant.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\0",
    "\u{7f}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "ß",
    "ﬁ",
    "İ",
    "١٢",
    "𝟘𝟙",
    "🦀",
    "\u{1f469}\u{200d}\u{1f4bb}",
    "\"",
    "'",
    ",",
    ";",
    ":",
    "-",
    "+",
    "=",
    "@",
    "#",
    "%",
    "/",
    "\\",
    ".",
    "..",
    "*",
    "?",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "|",
    "&",
    "$",
    "~",
    "`",
    "^",
    "_",
    "999999999999999999999",
    "-9223372036854775808",
    "18446744073709551616",
    "0",
    "00",
    "007",
    "1e9",
    "NaN",
    "inf",
    "null",
    "none",
    "NONE",
    "off",
    "on",
];

/// Builds one input: 1–12 fragments, sometimes a long run, sometimes mutated.
fn generate(rng: &mut Rng, vocabulary: &[&str]) -> String {
    let mut text = String::new();
    for _ in 0..1 + rng.below(12) {
        match rng.below(10) {
            0 => text.push_str(rng.pick(HOSTILE)),
            1 => text.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')),
            2 => text.push_str(&rng.below(100_000).to_string()),
            _ => text.push_str(rng.pick(vocabulary)),
        }
    }
    match rng.below(50) {
        0 => text = text.repeat(1 + rng.below(400)), // long: quadratic work shows as a hang
        1 if !text.is_empty() => {
            let cut = rng.below(text.len());
            if text.is_char_boundary(cut) {
                text.truncate(cut);
            }
        }
        2 => text = text.to_uppercase(),
        _ => {}
    }
    text
}

/// Runs `check` on `count` generated inputs; a panic or a hang fails with the input.
fn fuzz(name: &str, count: u64, vocabulary: &[&str], mut check: impl FnMut(&str, &mut Rng)) {
    let salt = name.bytes().fold(0u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut rng = Rng((seed() ^ salt) | 1);
    let started = Instant::now();
    let mut slowest = (Duration::ZERO, String::new());
    for _ in 0..count {
        let input = generate(&mut rng, vocabulary);
        let one = Instant::now();
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&input, &mut rng))) {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{name}: input {input:?} failed: {what}");
        }
        let took = one.elapsed();
        if took > slowest.0 {
            slowest = (took, input.chars().take(60).collect());
        }
    }
    assert!(
        slowest.0 < HANG,
        "{name}: {:?} on {:?}",
        slowest.0,
        slowest.1
    );
    eprintln!(
        "fuzz {name}: {count} inputs in {:.1} s, slowest {} µs ({:?}…), no panic",
        started.elapsed().as_secs_f64(),
        slowest.0.as_micros(),
        slowest.1
    );
}

/// An error is a sentence: not empty, and it says what was wrong.
fn clear(error: &gardefou::Error) {
    let text = error.to_string();
    assert!(text.trim().len() > 10, "unclear error: {text:?}");
}

const ZONES: &[Tz] = &[
    Tz::UTC,
    Tz::Europe__Paris,
    Tz::America__New_York,
    Tz::Australia__Lord_Howe, // 30-minute DST shift
    Tz::Asia__Kathmandu,      // +05:45
    Tz::Pacific__Apia,        // skipped a whole day in 2011
];

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T15:00:00Z")
        .unwrap()
        .to_utc()
}

#[test]
fn fuzz_time_and_date_parsers() {
    let vocabulary = [
        "2026",
        "-",
        "11",
        "27",
        "T",
        " ",
        ":",
        "09",
        "30",
        "00",
        "Z",
        "+01:00",
        "-05:00",
        "+05:45",
        "2026-03-29 02:30",
        "2026-10-25 02:30",
        "2026-11-27T09:00:00+01:00",
        "24:00",
        "23:59:60",
        "1970-01-01",
        "9999-12-31",
        "0000-00-00",
        "-10m",
        "-1h30m",
        "14:30",
        "02",
        "29",
        "31",
        ".123",
        ",5",
        "+14:00",
        "-12:00",
        "+99:99",
    ];
    fuzz("time", inputs(5000), &vocabulary, |input, rng| {
        let tz = ZONES[rng.below(ZONES.len())];
        match parse_instant(input, tz, now()) {
            Ok(at) => {
                // What parses is a whole second, and the past check agrees with the range.
                assert_eq!(at.timestamp_subsec_nanos(), 0);
                let past = parse_past_instant(input, tz, now());
                let in_range = at >= earliest_accepted() && at <= now();
                assert_eq!(past.is_ok(), in_range, "{at}");
            }
            Err(e) => clear(&e),
        }
        match parse_date(input) {
            Ok(date) => assert_eq!(
                parse_date(&date.format("%Y-%m-%d").to_string()).unwrap(),
                date
            ),
            Err(e) => clear(&e),
        }
    });
}

#[test]
fn fuzz_duration_parser() {
    let vocabulary = [
        "1",
        "9",
        "10",
        "90",
        "h",
        "m",
        "s",
        "H",
        "M",
        "1h30m",
        "45s",
        "0",
        "999999999",
        "9999999999",
        "h30",
        "m1",
        "1.5h",
        "-1h",
        " 1h",
        "1 h",
    ];
    fuzz(
        "duration",
        inputs(5000),
        &vocabulary,
        |input, _| match parse_duration(input) {
            Ok(seconds) => {
                assert!(seconds > 0);
                let compact = format_compact(seconds);
                assert_eq!(parse_duration(&compact).unwrap(), seconds, "{compact}");
                assert!(!format_human(seconds).is_empty() && !format_hm(seconds).is_empty());
            }
            Err(e) => clear(&e),
        },
    );
}

#[test]
fn fuzz_working_hours_and_rest_days_parsers() {
    let vocabulary = [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "-",
        " ",
        ",",
        ";",
        "off",
        "09:00",
        "18:00",
        "12:30",
        "13:30",
        "24:00",
        "00:00",
        "9",
        "18",
        "09:00-18:00",
        "mon-fri",
        "sun-mon",
        "none",
        "25:00",
        "09:60",
    ];
    fuzz("working_hours", inputs(5000), &vocabulary, |input, _| {
        match WorkingHours::parse(input) {
            Ok(hours) => {
                let text = hours.to_string();
                let again = WorkingHours::parse(&text).unwrap();
                assert_eq!(again, hours, "{text}");
                assert_eq!(again.to_string(), text);
            }
            Err(e) => clear(&e),
        }
        match DaySet::parse(input) {
            Ok(days) => assert_eq!(DaySet::parse(&days.to_string()).unwrap(), days),
            Err(e) => clear(&e),
        }
    });
}

#[test]
fn fuzz_settings_values() {
    let vocabulary = [
        "Europe/Paris",
        "UTC",
        "America/Argentina/Buenos_Aires",
        "Etc/GMT+5",
        "monday",
        "sunday",
        "EUR",
        "usd",
        "XXX",
        "15m:up",
        "6m:nearest",
        "none",
        "en",
        "fr",
        "40h",
        "80",
        "80%",
        "101",
        "mon-fri 09:00-18:00",
        "sat,sun",
        "15m",
        "2",
        "0",
        "30m",
        "on",
        "off",
        "meeting,rework",
        "#Calls",
    ];
    let mut keys: Vec<&str> = keys();
    keys.extend(["", "Timezone", "unknown", "timezone "]);
    fuzz("settings", inputs(5000), &vocabulary, |input, rng| {
        let key = keys[rng.below(keys.len())];
        let mut settings = Settings::defaults(Tz::UTC);
        match settings.set(key, input) {
            Ok(canonical) => {
                assert_eq!(settings.get(key).unwrap(), canonical);
                let mut again = Settings::defaults(Tz::UTC);
                assert_eq!(again.set(key, &canonical).unwrap(), canonical, "{key}");
                // A stored value reads back when the settings are loaded.
                let pairs = [(key.to_string(), canonical.clone())];
                assert_eq!(
                    Settings::from_pairs(&pairs, Tz::UTC)
                        .unwrap()
                        .get(key)
                        .unwrap(),
                    canonical
                );
            }
            Err(e) => clear(&e),
        }
    });
}

/// Notes, client names and tags go through the store and the CSV writer, and
/// a CSV reader gets back exactly what was stored (formulas neutralised).
#[test]
fn fuzz_csv_writer_round_trip() {
    let vocabulary = [
        "Acme",
        "Réunion",
        "\"quoted\"",
        "a,b",
        "a;b",
        "line\nbreak",
        "cr\rlf",
        "=SUM(A1:A9)",
        "+33 6",
        "-2h",
        "@home",
        "\t",
        " =1",
        "'",
        "€",
        "£",
        "x",
        "—",
        "call",
        "🦀",
    ];
    let count = (inputs(3000) / 10).max(200);
    let clock = Arc::new(FixedClock::new(now()));
    let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock, Tz::UTC);
    let mut slot = 0i64;
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    fuzz("csv", count, &vocabulary, |input, rng| {
        let name = format!(
            "{}{}",
            input.chars().take(40).collect::<String>(),
            rng.next() % 1000
        );
        let client = match tracker.add_client(NewClient {
            name,
            ..NewClient::default()
        }) {
            Ok(c) => c,
            Err(e) => return clear(&e),
        };
        let note = generate(rng, &vocabulary);
        let tag = generate(rng, &vocabulary);
        let day = first_day + chrono::Duration::days(slot);
        slot += 1;
        let start = day.and_hms_opt(9, 0, 0).unwrap().and_utc();
        let added = tracker.add_session(NewSession {
            client: client.name.clone(),
            start,
            end: start + chrono::Duration::seconds(1 + rng.below(36_000) as i64),
            note: note.clone(),
            tags: vec![tag],
            billable: rng.below(2) == 0,
            allow_long: false,
            source: gardefou::model::Source::Manual,
        });
        let session = match added {
            Ok(s) => s,
            Err(e) => return clear(&e),
        };
        let dialect = if rng.below(2) == 0 {
            Dialect::Standard
        } else {
            Dialect::Excel
        };
        let mut request = ExportRequest::new(day, day);
        request.clients = vec![client.name.clone()];
        request.dialect = dialect;
        let (bytes, summary) = export::export_csv(&mut tracker, &request, Vec::new()).unwrap();
        assert_eq!(summary.rows, 1);
        let text = String::from_utf8(bytes).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        assert_eq!(
            body.len() + usize::from(dialect == Dialect::Excel) * 3,
            text.len()
        );
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(dialect.delimiter())
            .from_reader(body.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(records.len(), 1, "{text:?}");
        let row = &records[0];
        assert_eq!(row.len(), 13);
        assert_eq!(&row[6], cells::text(&client.name).as_ref());
        assert_eq!(&row[7], cells::text(&session.note).as_ref());
        assert_eq!(&row[8], cells::text(&session.tags.join(", ")).as_ref());
        // No cell a spreadsheet would run as a formula.
        for cell in [&row[6], &row[7], &row[8]] {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{cell:?}"
            );
        }
    });
}
