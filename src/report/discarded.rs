//! The time the user discarded as not work (answered away periods), clipped
//! to the week: kept out of every total, shown apart.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::watching::{AwayAnswer, AwayPeriod};

/// Discarded seconds inside `window`: the total and per client id.
pub fn discarded_seconds(
    away: &[AwayPeriod],
    window: (DateTime<Utc>, DateTime<Utc>),
) -> (i64, HashMap<Uuid, i64>) {
    let mut total = 0;
    let mut per_client: HashMap<Uuid, i64> = HashMap::new();
    for period in away.iter().filter(|a| a.answer == AwayAnswer::Discard) {
        let from = period.from.max(window.0);
        let to = period.to.min(window.1);
        if from < to {
            let seconds = (to - from).num_seconds();
            total += seconds;
            *per_client.entry(period.client_id).or_default() += seconds;
        }
    }
    (total, per_client)
}
