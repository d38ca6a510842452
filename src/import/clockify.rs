//! Clockify's detailed CSV export:
//! `Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,
//! Start Time,End Date,End Time,Duration (h),Duration (decimal),
//! Billable Rate (USD),Billable Amount (USD)`. Dates and times are written in
//! the exporting user's formats (`03/04/2024`, `04.03.2024`; `09:05 PM`, `21:05:00`).

use super::csv_export::{Layout, Money};

pub static LAYOUT: Layout = Layout {
    format: "Clockify",
    client: &["Client"],
    project: &["Project"],
    description: &["Description"],
    billable: &["Billable"],
    tags: &["Tags"],
    start_date: &["Start Date"],
    start_time: &["Start Time"],
    end_date: &["End Date"],
    end_time: &["End Time"],
    duration: &["Duration (h)"],
    money: Money::Rate("Billable Rate"),
};
