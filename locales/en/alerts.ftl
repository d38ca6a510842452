# Alerts, reminders and refusals: calm, facts first, one suggestion.
# Each kind has a notification title, the alert, the reminder while the cause
# persists, and the reason a start is refused.

alert-weekly-cap-warning-title = Approaching your weekly cap
alert-weekly-cap-warning = You have tracked { $tracked } this week, { $percent } % of your { $cap } cap. Plan the rest of the week with what is left.

alert-weekly-cap-reached-title = Weekly cap reached
alert-weekly-cap-reached = You reached your { $cap } cap for the week — { $tracked } tracked. Stop here, or give a reason to go on.
alert-weekly-cap-reached-reminder = The timer is still running past your { $cap } cap for the week — { $tracked } tracked. Stopping now keeps the rest of the week yours.
alert-weekly-cap-reached-refusal = You reached your { $cap } cap for the week — { $tracked } tracked.

alert-client-cap-warning-title = Approaching a client's cap
alert-client-cap-warning = You have tracked { $tracked } for { $client } this week, { $percent } % of its { $cap } cap. Check what is left before you promise more.

alert-client-cap-reached-title = Client cap reached
alert-client-cap-reached = You reached { $client }'s { $cap } cap for the week — { $tracked } tracked. Stop here, or agree on more time with { $client }.
alert-client-cap-reached-reminder = The timer for { $client } is still running past its { $cap } cap for the week — { $tracked } tracked. Stop here, or agree on more time with { $client }.
alert-client-cap-reached-refusal = You reached { $client }'s { $cap } cap for the week — { $tracked } tracked.

alert-off-hours-title = Outside working hours
alert-off-hours = Your timer for { $client } is running outside your working hours ({ $time }). Stop it, or decide now when you will.
alert-off-hours-reminder = Your timer for { $client } is still running outside your working hours ({ $time }), { $elapsed } since it started. Stop it, or decide now when you will.
alert-off-hours-refusal = It is { $time }, outside your working hours.

alert-weekend-streak-title = Another worked weekend
alert-weekend-streak = You have worked { $weekends } weekends in a row — { $tracked } on this one. Keep the next one free.
alert-weekend-streak-reminder = You are still working this weekend: { $weekends } worked weekends in a row, { $tracked } on this one. Keep the next one free.

alert-planned-exceeded-title = Past the planned time
alert-planned-exceeded = Your { $planned } session with { $client } has been running for { $elapsed }. Wrap it up, or agree on a new end time.
alert-planned-exceeded-reminder = Your { $planned } session with { $client } is still running, { $elapsed } so far. Wrap it up, or agree on a new end time.

# A boundary's short name, in lists (overrides, the week report).
boundary-weekly-cap-warning = weekly_cap_warning
boundary-weekly-cap-reached = weekly_cap_reached
boundary-client-cap-warning = client_cap_warning
boundary-client-cap-reached = client_cap_reached
boundary-off-hours = off_hours
boundary-weekend-streak = weekend_streak
boundary-planned-exceeded = planned_exceeded
