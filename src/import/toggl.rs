//! Toggl Track's detailed CSV export:
//! `User,Email,Client,Project,Task,Description,Billable,Start date,Start time,
//! End date,End time,Duration,Tags,Amount (EUR)`. Times are in the exporting
//! user's zone, without an offset; the rate is derived from the amount.

use super::csv_export::{Layout, Money};

pub static LAYOUT: Layout = Layout {
    format: "Toggl",
    client: &["Client"],
    project: &["Project"],
    description: &["Description"],
    billable: &["Billable"],
    tags: &["Tags"],
    start_date: &["Start date"],
    start_time: &["Start time"],
    end_date: &["End date"],
    end_time: &["End time"],
    duration: &["Duration"],
    money: Money::Amount("Amount"),
};
