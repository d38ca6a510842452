//! Row identities: UUIDv7 made at the injected clock's instant, so that an
//! id tells the second its row was created (the store then leaves
//! `created_at` empty) and tests that pin the clock get ids of that instant.

use chrono::{DateTime, Utc};
use uuid::{NoContext, Timestamp, Uuid};

/// A new id for a row created at `at`: its time, then 74 random bits (ids
/// made in the same millisecond are distinct, in no particular order).
pub fn new_id(at: DateTime<Utc>) -> Uuid {
    match u64::try_from(at.timestamp()) {
        Ok(seconds) => Uuid::new_v7(Timestamp::from_unix(
            NoContext,
            seconds,
            at.timestamp_subsec_nanos(),
        )),
        // Before 1970: a UUIDv7 cannot say so.
        Err(_) => Uuid::now_v7(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    #[test]
    fn an_id_tells_the_second_it_was_made_at() {
        for seconds in [31_536_000, 1_795_000_000, 1_795_000_001] {
            let id = new_id(at(seconds));
            assert_eq!(id.get_version_num(), 7);
            assert_eq!(id.get_timestamp().unwrap().to_unix().0 as i64, seconds);
        }
    }

    #[test]
    fn ids_made_at_one_instant_are_distinct() {
        let ids: HashSet<Uuid> = (0..10_000).map(|_| new_id(at(1_795_000_000))).collect();
        assert_eq!(ids.len(), 10_000);
    }
}
