//! Watching over the user: the pure decisions behind "is this tracked time
//! real work?". A stale heartbeat (crash, power cut), idle input, a suspend,
//! a timer still running after the working day or for more than 12 h. Each
//! function takes exactly its inputs (sessions, instants, a few settings) and
//! returns facts; the tracker stores the answers, the shells ask the questions.

mod away;
mod idle;
mod recovery;
mod still;

pub use away::{
    AwayAnswer, AwayCause, AwayOffer, AwayPeriod, AwaySpan, MIN_SLEEP_SECONDS, Split, SplitAs,
    away_offers, split,
};
pub use idle::IdleWatch;
pub use recovery::{Recovery, RecoveryAnswer, STALE_AFTER_SECONDS, recovery};
pub use still::{LONG_TIMER_SECONDS, StillWorking, StillWorkingReason, still_working};

#[cfg(test)]
mod tests;
