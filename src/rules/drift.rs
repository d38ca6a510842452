//! The meeting that drifts: a session started with a planned length runs past it.

use chrono::{DateTime, Duration, Utc};

use crate::model::Session;

/// Seconds the running `session` is past its planned length at `now`
/// (strictly past: a 15-minute call is over plan from 15:01 on).
pub fn planned_overrun(session: &Session, now: DateTime<Utc>) -> Option<i64> {
    let planned = session.planned_seconds?;
    if !session.is_running() {
        return None;
    }
    let over = session.duration_seconds(now) - planned;
    (over > 0).then_some(over)
}

/// The first instant the running `session` is past its plan.
pub fn planned_exceeded_at(session: &Session) -> Option<DateTime<Utc>> {
    let planned = session.planned_seconds?;
    session
        .is_running()
        .then(|| session.start + Duration::seconds(planned + 1))
}
