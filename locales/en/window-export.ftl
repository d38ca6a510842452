# The Export dialog (ui/src/views/export_dialog.tsx). Same ids and variables as fr/window-export.ftl.

sessions-export = Export for invoicing…
export-heading = Export for invoicing
export-range = Range
export-range-this_week = This week
export-range-last_week = Last week
export-range-this_month = This month
export-range-last_month = Last month
export-range-custom = Dates of your choice
export-from = From
export-to = To (included)
export-date-placeholder = YYYY-MM-DD
export-dates-hint = Dates as year-month-day (2026-11-30); both days are included.
export-clients = Clients
export-clients-hint = None ticked: every client.
export-client-archived = { $name } (archived)
export-rounding = Rounding
export-rounding-default = Each client's own rule (else { $rule })
export-rounding-none = No rounding
export-rounding-6m-up = Up to the next 6 minutes
export-rounding-15m-up = Up to the next quarter hour
export-rounding-30m-up = Up to the next half hour
export-rounding-15m-nearest = To the nearest quarter hour
export-rounding-15m-down = Down to the quarter hour
export-layout = Lines
export-layout-session = One line per session
export-layout-client = One line per client (invoice lines)
export-excel = For Excel (semicolons, decimal comma)
export-save = Save as…
export-close = Close
export-done-where = Saved to { $path }
export-done-what = { $rows ->
    [one] 1 row, { $hours }.
   *[other] { $rows } rows, { $hours }.
}
export-done-amounts = Amount: { $amounts }
export-done-no-amount = No billable amount in this range.
