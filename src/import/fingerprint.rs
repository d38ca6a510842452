//! The identity of an imported entry: a hash of (source, start, end, client,
//! note). Imports before the compact storage (schema 8) stored it for every
//! entry; the store still looks it up, so that their entries are recognised.
//! FNV-1a (64 bits): stable across builds and platforms, unlike std's hasher.

use chrono::{DateTime, Utc};

use super::Format;

/// The fingerprint of an entry; `client_key` is the client's lowercased name.
pub fn fingerprint(
    format: Format,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    client_key: &str,
    note: &str,
) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        // Each field is preceded by its length, so fields cannot run into each other.
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(format.as_str().as_bytes());
    feed(&start.timestamp().to_le_bytes());
    feed(&end.timestamp().to_le_bytes());
    feed(client_key.as_bytes());
    feed(note.as_bytes());
    hash as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_counts_and_the_value_is_stable() {
        let t = |s| DateTime::from_timestamp(s, 0).unwrap();
        let base = fingerprint(Format::Toggl, t(100), t(200), "acme", "note");
        assert_eq!(
            base,
            fingerprint(Format::Toggl, t(100), t(200), "acme", "note")
        );
        assert_ne!(
            base,
            fingerprint(Format::Clockify, t(100), t(200), "acme", "note")
        );
        assert_ne!(
            base,
            fingerprint(Format::Toggl, t(101), t(200), "acme", "note")
        );
        assert_ne!(
            base,
            fingerprint(Format::Toggl, t(100), t(201), "acme", "note")
        );
        assert_ne!(
            base,
            fingerprint(Format::Toggl, t(100), t(200), "acm", "enote")
        );
        // Pinned: a stored fingerprint must match the same entry in a later release.
        assert_eq!(base, 8_621_322_796_840_357_703);
    }
}
