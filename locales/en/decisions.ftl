## The weekly review: decisions about clients (core and CLI).

# A recent decision beside the reported week's figures. $choice: keep,
# renegotiate, raise_rate or end_engagement; $date like "Fri 27 Nov".
decision-recent-cap = On { $date } you chose { $choice ->
        [keep] to keep { $client } as is
        [renegotiate] to renegotiate with { $client }
        [raise_rate] to raise { $client }'s rate
       *[end_engagement] to end the engagement with { $client }
    }: { $tracked } this week against its { $cap } cap.
decision-recent = On { $date } you chose { $choice ->
        [keep] to keep { $client } as is
        [renegotiate] to renegotiate with { $client }
        [raise_rate] to raise { $client }'s rate
       *[end_engagement] to end the engagement with { $client }
    }: { $tracked } this week.
decision-notice-days-left = { $days ->
        [0] Last day with { $client }: the engagement ends tonight ({ $until }).
        [one] { $client } can still be started for 1 more day; the engagement ends on { $until }.
       *[other] { $client } can still be started for { $days } more days; the engagement ends on { $until }.
    }

## Refusals.
error-decision-exists = You already answered for { $client } for the week of { $week } ({ $choice ->
        [keep] keep as is
        [renegotiate] renegotiate
        [raise_rate] raise the rate
        [end_engagement] end the engagement
       *[skip] skipped
    }); there is one decision per client per week
invalid-rate-needed = raising the rate needs the new rate
invalid-not-for-choice = { $field } does not go with { $choice ->
        [keep] keeping as is
        [renegotiate] renegotiating
        [raise_rate] raising the rate
        [end_engagement] ending the engagement
       *[skip] a skip
    }
invalid-notice-not-after-today = a notice period ends after today, not on { $value }; to end the engagement today, give no notice date

## The command line: `gardefou decisions` and `gardefou decide`.
cli-col-week = WEEK
cli-col-decision = DECISION
cli-col-details = DETAILS
cli-no-decisions = No decision recorded yet.
cli-no-decisions-for = No decision recorded for { $client } yet.
cli-decision-choice = { $choice ->
        [keep] keep as is
        [renegotiate] renegotiate
        [raise_rate] raise the rate
        [end_engagement] end the engagement
       *[skip] skipped
    }
cli-decision-new-rate = new rate { $rate }
cli-decision-notice = notice until { $until }
cli-decided = Week of { $week }: you chose { $choice ->
        [keep] to keep { $client } as is
       *[renegotiate] to renegotiate with { $client }
    }.
cli-decided-rate = Week of { $week }: { $client }'s rate is now { $rate }. Sessions tracked from now on use it; past sessions keep theirs.
cli-decided-end-now = Week of { $week }: the engagement with { $client } ends now; { $client } is archived and its history stays.
cli-decided-end-notice = Week of { $week }: the engagement with { $client } ends on { $until }; until then you can still start { $client } ({ $days ->
        [one] 1 day left
       *[other] { $days } days left
    }).
cli-decided-skip = Week of { $week }: skipped; you will not be asked about { $client } again for that week.
cli-decided-frees = That frees about { $duration } a week (the average of the last 4 weeks).
