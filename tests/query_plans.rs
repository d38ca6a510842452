//! Every hot query reads through its index, never the whole sessions table
//! (the plans BENCHMARKS.md shows come from the same function).

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use gardefou::store::{Store, hot_query_plans};

#[test]
fn hot_queries_use_their_index() {
    let mut store = Store::open_in_memory().unwrap();
    let plans = store.read(hot_query_plans).unwrap();
    let plan = |name: &str| {
        plans
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no query {name}"))
            .plan
            .join("\n")
    };
    let expect = [
        (
            "running session",
            "SEARCH s USING INDEX sessions_one_running",
        ),
        (
            "finished sessions in a window",
            "SEARCH s USING INDEX sessions_by_start (start_at>? AND start_at<?)",
        ),
        (
            "finished sessions starting in a range",
            "SEARCH s USING INDEX sessions_by_start (start_at>? AND start_at<?)",
        ),
        ("figures per client and week", "session_buckets"),
        (
            "longest session",
            "SEARCH session_bounds USING INTEGER PRIMARY KEY",
        ),
        (
            "entry imported before",
            "SEARCH s USING INDEX sessions_by_start (start_at=?)",
        ),
        (
            "entry imported before",
            "SEARCH import_edits USING PRIMARY KEY (start_at=? AND end_at=? AND note=?)",
        ),
        (
            "entry imported before",
            "SEARCH import_fingerprints USING INTEGER PRIMARY KEY",
        ),
        (
            "session by id prefix",
            "SEARCH s USING INDEX sqlite_autoindex_sessions_1 (id>? AND id<?)",
        ),
        (
            "clients by recent use",
            "SEARCH f USING INDEX sessions_by_start (start_at>? AND start_at<?)",
        ),
    ];
    for (name, wanted) in expect {
        let text = plan(name);
        assert!(text.contains(wanted), "{name}:\n{text}");
        // No query walks the sessions table or its start index from the beginning.
        for line in text.lines() {
            let line = line.trim();
            assert!(
                !(line.starts_with("SCAN s ")
                    || line == "SCAN s"
                    || line.starts_with("SCAN f")
                    || line.starts_with("SCAN r")),
                "{name} scans the sessions:\n{text}"
            );
        }
    }
    assert_eq!(plans.len(), expect.len() - 2);
}
