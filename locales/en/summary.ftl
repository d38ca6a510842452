# The end-of-week summary window: the sentences the core writes for it
# (the window's own labels are in window-summary.ftl).

# The window's title bar.
summary-window-title = Week summary
# An instant of the week: $day like "Thu 26 Nov", $time like "19:05".
summary-when = { $day } { $time }
summary-health-rate = { $client } paid { $effective } for all the time it took, for { $rate } agreed.
summary-health-rate-under = { $client } paid { $effective } for all the time it took, under the { $rate } agreed.
summary-health-rate-mixed = { $client } was billed in more than one currency; its agreed rate is { $rate }.
# Why the week asks about a client.
summary-reason-cap = { $tracked } this week against its { $cap } cap.
summary-reason-off-hours = { $percent } % of its time over 4 weeks was outside your working hours.
summary-reason-tag = { $percent } % of its time over 4 weeks was tagged “{ $tag }”.
summary-reason-under-rate = Over 4 weeks it paid { $effective }, under the { $rate } agreed.
summary-reason-overrides = { $count ->
        [one] You crossed a boundary on purpose once for it this week.
       *[other] You crossed a boundary on purpose { $count } times for it this week.
    }
summary-frees = Ending it frees about { $duration } a week (the average of the last 4 weeks).
