# The desktop window's text (English). Same ids and variables as fr/window.ftl.

app-title = Gardefou
nav-label = Views
nav-timer = Timer
nav-sessions = Sessions
nav-clients = Clients
nav-settings = Settings
quit = Quit Gardefou
busy = Working…
dismiss = Dismiss

## First run
welcome-title = Welcome to Gardefou
welcome-body = Gardefou tracks your hours per client and keeps your limits for you: a weekly cap, working hours, free weekends.
welcome-start = Set up
welcome-skip = Skip setup
first-client-title = Your first client
first-client-body = Who do you work for? You can add the others later.
first-week-title = Your week
first-week-body = These are the defaults; change what does not fit you.
step-next = Continue
step-skip = Skip this step
step-finish = Go to the timer

## Timer
timer-heading = Timer
timer-idle = No timer running
timer-elapsed = Elapsed time
timer-since = since { $time }
timer-since-day = since { $day } { $time }
timer-across-midnight = This timer has been running since before midnight.
timer-over-12h = This timer has been running for more than 12 hours.
timer-client = Client
timer-note = Note
timer-tags = Tags
timer-tags-hint = Words separated by spaces, like meeting rework
timer-billable = Billable
timer-planned = Planned length
timer-planned-hint = Optional, like 30m or 1h30m (a call)
timer-start = Start
timer-stop = Stop
timer-stop-client = Stop { $client }
timer-shortcut = Ctrl+Enter starts or stops the timer.
timer-no-clients = No clients yet.
timer-add-client = Add a client
today-heading = Today
today-total = Total today
today-empty = Nothing tracked today.
session-now = now

## Boundaries in view
meters-heading = This week
meter-week = This week: { $tracked }
meter-week-cap = This week: { $tracked } of { $cap }
meter-client-cap = { $client }: { $tracked } of { $cap }
meter-approaching = approaching
meter-crossed = crossed
off-hours-now = You are working outside your working hours.
projection-week = At this pace you reach your weekly cap at { $time }.
projection-client = At this pace you reach { $client }'s cap at { $time }.
weekend-streak = { $count ->
    [one] You worked last weekend.
   *[other] You have worked { $count } weekends in a row (your limit is { $limit }).
}

## Override dialog
override-title = Start anyway?
override-intro = Starting now crosses these boundaries:
override-reason = Reason to go on anyway
override-start = Start anyway
override-cancel = Not now
boundary-weekly_cap_warning = Weekly cap approaching
boundary-weekly_cap_reached = Weekly cap reached
boundary-client_cap_warning = Client cap approaching
boundary-client_cap_reached = Client cap reached
boundary-off_hours = Outside working hours
boundary-weekend_streak = Weekend streak
boundary-planned_exceeded = Planned length exceeded

## Sessions
sessions-heading = Sessions
sessions-week = Week of { $date }
sessions-previous = Previous week
sessions-next = Next week
sessions-this-week = This week
sessions-empty = Nothing tracked this week.
sessions-add = Add a past session
session-edit = Edit
session-delete = Delete
session-deleted = Session deleted.
session-undo = Undo
session-save = Save
session-cancel = Cancel
session-client = Client
session-start = Start
session-end = End
session-note = Note
session-tags = Tags
session-billable = Billable
session-running = running
session-overlap = This session overlaps the highlighted one.
session-non-billable = non-billable
dst-title = Which time did you mean?
dst-gap = { $input } does not exist on that day (the clocks move forward).
dst-ambiguous = { $input } happens twice on that day (the clocks move back).
dst-earlier = The first one ({ $time })
dst-later = The second one ({ $time })
dst-after = Just after the change ({ $time })

## Clients
clients-heading = Clients
clients-show-archived = Show archived clients
clients-empty = No clients yet.
client-add = Add a client
client-name = Name
client-rate = Hourly rate
client-currency = Currency
client-cap = Weekly cap
client-cap-hint = Like 10h, or empty for none
client-color = Colour
client-rounding = Rounding
client-rounding-hint = Like 15m:up, or empty for none
client-week = This week
client-edit = Edit
client-save = Save
client-cancel = Cancel
client-archive = Archive
client-unarchive = Unarchive
client-archived = archived
client-no-cap = no cap
client-rate-value = { $rate }/h

## Settings
settings-heading = Settings
settings-saved = Saved.
settings-save = Save
label-timezone = Time zone
timezone-search = Search time zones
label-week_start = Week starts on
label-currency = Default currency
label-weekly_cap = Weekly cap
label-warn_at = Warn at (% of a cap)
label-working_hours = Working hours
label-rest_days = Rest days
label-weekend_min = Time that makes a weekend worked
label-weekend_streak_limit = Worked weekends in a row before an alert
label-nag_every = Remind every (0 for never)
label-rounding = Rounding for exports
label-locale = Language
label-notifications = Notifications
label-health_tags = Tags counted in the client health
label-other = { $key }
label-autostart = Start with the session
label-summary_auto_open = Open the week's summary by itself
label-idle_after = Ask after this much idle time (0 for never)
label-backups = Automatic backups
day-off = Day off
block-add = Add hours
block-remove = Remove these hours
block-from = From
block-to = To
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
week-start-monday = Monday
week-start-sunday = Sunday
locale-en = English
locale-fr = Français
on = On
off = Off

## Startup failure
startup-failed = Gardefou cannot open its database.
startup-path = Database: { $path }
