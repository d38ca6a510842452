# The end-of-week summary window (its own window; the figures and the
# sentences about them come from the core, already written).

review-open = Week summary
review-heading = Week { $week }
review-dates = { $start } – { $end }
review-nav = Weeks
review-previous = Previous week
review-next = Next week
review-pick = Go to the week of
review-pick-go = Show
review-date-placeholder = YYYY-MM-DD
review-export = Export…
review-loading = Reading the week…
review-empty = No time tracked this week.

review-totals = This week
review-tracked = Tracked
review-billable = Billable
review-amount = Amount
review-no-amount = nothing billable
review-weekly-cap = Weekly cap
review-no-weekly-cap = No weekly cap set.
review-cap-of = { $tracked } of { $cap } ({ $percent } %)
review-approaching = approaching
review-crossed = crossed

review-grid = Clients × days
review-col-client = Client
review-col-total = Total
review-col-billable = Billable
review-col-amount = Amount
review-col-cap = Cap
review-total-row = Total
review-cap-cell = { $percent } % of { $cap }
review-nothing = nothing

review-chart = Each day
review-chart-title = Hours per day, by client
review-chart-guide = Guide: the weekly cap shared over the working days, { $guide } a day.
review-chart-day = { $day }: { $total }
review-chart-day-empty = { $day }: nothing
review-chart-segment = { $client } { $time }

review-boundaries = Boundaries
review-col-off-hours = Outside working hours
review-col-rest-days = On rest days
review-col-discarded = Discarded as not work
review-off-hours-total = Outside working hours this week: { $duration }.
review-rest-days-total = On rest days this week: { $duration }.
review-discarded-total = Discarded as not work (away time you answered): { $duration }, not counted in any total.
review-streak = { $count ->
        [0] No worked weekend at the end of this week.
        [one] 1 worked weekend in a row at the end of this week (your limit: { $limit }).
       *[other] { $count } worked weekends in a row at the end of this week (your limit: { $limit }).
    }
review-overrides = Boundaries crossed on purpose
review-overrides-none = No boundary crossed on purpose this week.
review-override-reason = “{ $reason }”
review-alerts = Alerts
review-alerts-none = No alert this week.
review-calls = Calls past their planned length
review-calls-none = No call ran past its planned length.
review-call = { $client }, { $when }: { $actual } for { $planned } planned ({ $over } over).
review-no-client = no client

review-health = Client health, last 4 weeks
review-health-none = Not enough time tracked over 4 weeks to say anything.
review-share-off_hours = Outside working hours
review-share-non_billable = Not billable
review-share-tag = Tagged “{ $tag }”
review-share-value = { $percent } %
review-tracked-4w = { $duration } over 4 weeks
review-trend = Last 8 weeks
review-trend-title = { $client }: hours per week, last 8 weeks
review-trend-week = { $week }: { $time }
review-trend-week-empty = { $week }: nothing

review-decisions = Decisions
review-decisions-none = Nothing this week asks for a decision.
review-question = What do you want to do about { $client }?
review-choice-keep = Keep as is
review-choice-renegotiate = Renegotiate (scope, hours or calls)
review-choice-raise_rate = Raise the rate
review-choice-end_engagement = End the engagement
review-new-rate = New hourly rate ({ $currency })
review-new-rate-hint = Today { $rate }. Sessions tracked from now on use the new rate; past sessions keep theirs.
review-end-when = When
review-end-now = Now (the client is archived, its history stays)
review-end-notice = After a notice period
review-notice-until = Last day of the notice period
review-notice-hint = { $date } at the earliest, written YYYY-MM-DD.
review-note = Note (optional)
review-record = Record the decision
review-skip = Skip this week
review-answered = { $choice ->
        [keep] You chose to keep { $client } as is for this week.
        [renegotiate] You chose to renegotiate with { $client } for this week.
        [raise_rate] You chose to raise { $client }'s rate for this week.
        [end_engagement] You chose to end the engagement with { $client }.
       *[skip] You skipped { $client } for this week; you will not be asked again.
    }
review-recent = Recent decisions
review-recent-none = No recent decision.
