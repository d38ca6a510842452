//! No input makes an importer panic: arbitrary bytes, and near-valid files
//! built from the real headers with random cells, go through the whole import
//! (readers and the write path, rehearsed and for real). Zone: Europe/Paris.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::import::{ClientFrom, Format, ImportRequest, OnOverlap};
use gardefou::store::Store;
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T16:00:00+01:00")
        .unwrap()
        .to_utc()
}

fn tracker() -> Tracker {
    let zone = "Europe/Paris".parse().unwrap();
    Tracker::with_store(
        Store::open_in_memory().unwrap(),
        Arc::new(FixedClock::new(now())),
        zone,
    )
}

/// Imports `bytes` as `format` twice (dry run, then for real with skip):
/// whatever happens must be a value, not a panic; a refused import writes nothing.
fn import_bytes(format: Format, name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut tracker = tracker();
    for (dry_run, on_overlap) in [(true, OnOverlap::Stop), (false, OnOverlap::Skip)] {
        let request = ImportRequest {
            format,
            path: path.clone(),
            timezone: None,
            client_from: ClientFrom::Client,
            client_tag: Some("client:".into()),
            on_overlap,
            dry_run,
        };
        let before = tracker.log(None, Some("2026-11-27".parse().unwrap()), None);
        let outcome = tracker.import(&request, &mut |_, _| {});
        let after = tracker.log(None, Some("2026-11-27".parse().unwrap()), None);
        if dry_run || outcome.is_err() {
            assert_eq!(before.unwrap(), after.unwrap());
        }
    }
}

const TOGGL_HEADER: &str = "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)";
const CLOCKIFY_HEADER: &str = "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)";

/// Cells that are nearly right: the parsers' edge cases.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2024-03-04".to_string()),
        Just("03/04/2024".to_string()),
        Just("31.12.1969".to_string()),
        Just("2025-13-45".to_string()),
        Just("9999-12-31".to_string()),
        Just("09:00".to_string()),
        Just("12:00 AM".to_string()),
        Just("11:59:59 pm".to_string()),
        Just("02:30".to_string()),
        Just("23:59:60".to_string()),
        Just("10:00+14:00".to_string()),
        Just("99999999:00:00".to_string()),
        Just("45.50".to_string()),
        Just("1,234.567".to_string()),
        Just("Yes".to_string()),
        Just("\"quoted, \"\"comma\"\"\"".to_string()),
        Just("é\u{0}\u{feff}".to_string()),
        "[0-9:./ APMapm+-]{0,12}",
        ".{0,20}",
    ]
}

fn csv_rows(header: &'static str) -> impl Strategy<Value = String> {
    let columns = header.split(',').count();
    prop::collection::vec(prop::collection::vec(cell(), 0..columns + 2), 0..6).prop_map(
        move |rows| {
            let mut text = format!("{header}\n");
            for row in rows {
                text.push_str(&row.join(","));
                text.push('\n');
            }
            text
        },
    )
}

fn watson_frame() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        Just("1709539200".to_string()),
        Just("1709542800".to_string()),
        Just("-1".to_string()),
        Just("1e300".to_string()),
        Just("99999999999999999999".to_string()),
        Just("\"2024-03-04T09:00:00+01:00\"".to_string()),
        Just("null".to_string()),
        "-?[0-9]{1,12}",
    ];
    (
        number.clone(),
        number,
        ".{0,8}",
        prop::collection::vec(".{0,6}", 0..3),
    )
        .prop_map(|(a, b, project, tags)| {
            let tags: Vec<String> = tags.iter().map(|t| format!("{t:?}")).collect();
            format!("[{a}, {b}, {project:?}, \"id\", [{}], 0]", tags.join(", "))
        })
}

fn timew_line() -> impl Strategy<Value = String> {
    let stamp = prop_oneof![
        Just("20240304T080000Z".to_string()),
        Just("20240304T090000Z".to_string()),
        Just("19000101T000000Z".to_string()),
        Just("20241332T250000Z".to_string()),
        "[0-9TZ]{0,17}",
    ];
    (stamp.clone(), stamp, ".{0,20}").prop_map(|(a, b, rest)| format!("inc {a} - {b} # {rest}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        import_bytes(Format::Toggl, "a.csv", &bytes);
        import_bytes(Format::Clockify, "a.csv", &bytes);
        import_bytes(Format::Watson, "frames", &bytes);
        import_bytes(Format::Timewarrior, "2024-03.data", &bytes);
    }

    #[test]
    fn near_valid_csv_never_panics(toggl in csv_rows(TOGGL_HEADER), clockify in csv_rows(CLOCKIFY_HEADER)) {
        import_bytes(Format::Toggl, "t.csv", toggl.as_bytes());
        import_bytes(Format::Clockify, "c.csv", clockify.as_bytes());
    }

    #[test]
    fn near_valid_watson_and_timewarrior_never_panic(
        frames in prop::collection::vec(watson_frame(), 0..5),
        lines in prop::collection::vec(timew_line(), 0..5),
    ) {
        import_bytes(Format::Watson, "frames", format!("[{}]", frames.join(",\n")).as_bytes());
        import_bytes(Format::Timewarrior, "2024-03.data", lines.join("\n").as_bytes());
    }
}
