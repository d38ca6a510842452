# Errors and refusals of the core. Facts first, then what to change.
# The core never names a command-line flag: each front end adds its own way out.

error-unknown-client = no client named '{ $name }'
error-unknown-client-suggestion = no client named '{ $name }'; did you mean '{ $suggestion }'?
error-unknown-client-none-yet = no client named '{ $name }'; there are no clients yet
error-archived-client = { $name } is archived; bring it back first
error-duplicate-client = a client named '{ $name }' already exists
error-client-running = { $name }'s timer is running; stop it before archiving
error-overlap = this overlaps session { $number } ({ $client }, { $start }–{ $end }); change the times or edit that session
error-overlap-running-end = now (running)
error-nothing-running = no timer is running
error-already-running = another timer is already running; stop it first
error-another-timer-running = another timer is running; stop it before restoring this one
error-no-session-number = no session number { $number }
error-no-session-id = no session with id { $handle }
error-ambiguous-session = the id prefix { $handle } matches several sessions; give more characters or the number
error-session-deleted = session { $number } is deleted; bring it back first
error-session-already-deleted = session { $number } is already deleted
error-session-not-deleted = session { $number } is not deleted
error-stop-before-start = the timer started at { $start }; the stop time must come after it
error-end-before-start = the end ({ $end }) comes before the start ({ $start })
error-zero-length = a session cannot be zero-length: the end equals the start
error-too-long = this session would last { $duration }, more than 24 h; check the dates
error-too-early = { $at } is before 1971; check the date (a clock at zero reads 1970)
error-in-future = { $at } is in the future; Gardefou only records time already spent
error-local-time-gap = { $local } does not exist in { $zone }: the clocks jump forward then. Give the time with an explicit offset, e.g. { $suggestion }
error-local-time-ambiguous = { $local } happens twice in { $zone }: the clocks go back then. Give the time with an explicit offset: { $earlier } or { $later }
error-range-reversed = the first day ({ $from }) comes after the last ({ $to })
error-refused = The timer did not start. To start it anyway, give a reason for crossing this boundary:
error-output-is-a-folder = { $path } is a folder; give a file name
error-cannot-write = cannot write { $path }: { $reason }; nothing was written
error-sqlite = database error: { $reason }
error-io = { $reason }
error-nothing-to-recover = { $client }'s timer was watched until now; there is nothing to recover
error-away-outside-session = the away time { $from }–{ $to } is not inside session { $number }, or is not over yet
error-away-already-answered = the away time { $from }–{ $to } of session { $number } overlaps one already answered

invalid-empty = { $field } cannot be empty
invalid-name-empty = a client name cannot be empty
invalid-name-too-long = a client name has at most { $max } characters (this one has { $count })
invalid-note-too-long = a note has at most { $max } characters (this one has { $count }); keep the long text elsewhere
invalid-reason-too-long = an override reason has at most { $max } characters (this one has { $count })
invalid-too-long = { $field } has at most { $max } characters (this one has { $count })
invalid-name-control = a client name cannot contain control characters
invalid-time = '{ $value }' is not a time; use YYYY-MM-DD HH:MM, HH:MM (today), -10m (ago) or RFC 3339 with an offset
invalid-date = '{ $value }' is not a date; write it as YYYY-MM-DD
invalid-duration = '{ $value }' is not a duration; write it like 90m, 10h or 1h30m
invalid-rounding = '{ $value }' is not a rounding rule; write it like 15m:up, 6m:nearest or 30m:down (or none)
invalid-colour = '{ $value }' is not a colour; write it as #rrggbb
invalid-currency = '{ $value }' is not an ISO 4217 currency code (e.g. EUR, USD, GBP, CHF)
invalid-time-zone = '{ $value }' is not an IANA time zone (e.g. Europe/Paris, America/New_York)
invalid-amount = '{ $value }' is not an amount in { $currency }; write it like { $example }
invalid-rate-negative = a rate cannot be negative ('{ $value }')
invalid-too-many-decimals = { $digits ->
    [one] { $currency } has 1 decimal; '{ $value }' has more
   *[other] { $currency } has { $digits } decimals; '{ $value }' has more
}
invalid-tag = '{ $value }' is not a tag; a tag is one word (no spaces or commas), up to { $max } characters
invalid-too-many-tags = a session has at most { $max } tags
invalid-not-one-of = { $field } is { $choices }, not '{ $value }'
# Joins the last two items of a list of choices: "monday or sunday", "a, b or c".
list-or = { $first } or { $last }
invalid-not-in-range = { $field } is a number from { $min } to { $max }, not '{ $value }'
invalid-streak-limit = weekend_streak_limit is a number of weekends from { $min } to { $max }, not '{ $value }'
invalid-cap = a weekly cap is between 1 minute and 168 h (a whole week), not { $value }
invalid-percentage = { $field } is a percentage from 1 to 100 (like 80), not '{ $value }'
invalid-tag-list = { $field } is a comma-separated list of tags, like meeting,rework (or none), not '{ $value }'
invalid-unknown-setting = unknown setting '{ $value }'; known settings: { $known }
invalid-working-hours = '{ $value }' is not a working-hours schedule: { $why }. Write it like `mon-fri 09:00-12:30,13:30-18:00; sat off; sun off`
invalid-rest-day = '{ $value }' is not a day; write rest days like sat,sun or fri,sat (or none)
invalid-no-working-day = at least one day of the week must be a working day
invalid-reason-needed = an override needs a reason: say in a few words why you cross this boundary
invalid-session-handle = '{ $value }' is not a session number or id

schedule-empty = it is empty
schedule-no-hours = '{ $clause }' names no hours (or `off`)
schedule-not-a-day = '{ $day }' is not a day
schedule-not-a-block = '{ $block }' is not a block like 09:00-18:00
schedule-not-a-time = '{ $time }' is not a time like 09:00
schedule-reversed = the block '{ $block }' ends before it starts
schedule-overlapping = the blocks { $first } and { $second } overlap

database-no-home = cannot find a home folder for the database
database-cannot-create-folder = cannot create { $path }: { $reason }
database-missing-folder = the folder { $path } does not exist; create it first or choose another database path
database-is-a-folder = { $path } is a folder, not a database file
database-cannot-create = cannot create { $path }: { $reason }
database-not-sqlite = { $path } is not a Gardefou database (not SQLite); it was left untouched
database-not-gardefou = { $path } is a SQLite file but not a Gardefou database; it was left untouched
database-newer-schema = this database was written by a newer Gardefou (schema { $found }, this one knows { $known }); update Gardefou
database-cannot-open = cannot open { $path }: { $reason }
database-no-wal = could not switch the database to WAL mode ({ $mode })
database-in-memory-no-reader = a database in memory cannot be read on a second connection
database-stored-setting-invalid = the stored setting { $key } is invalid ('{ $value }')
database-unknown-alert-kind = the database holds an unknown alert kind '{ $value }'
database-unknown-session-source = the database holds an unknown session source '{ $value }'
database-unknown-away-value = the database holds an unknown away cause or answer '{ $value }'

# Watching over the user: questions about time that may not be work.

watch-recovery-question = The timer for { $client } was last seen on { $day } at { $time }, { $duration } ago: stop it at { $time }, keep it running, or stop it now?
watch-away-question = { $cause ->
    [sleep] The computer slept on { $day } from { $from } to { $to } ({ $duration }) while the timer for { $client } ran: keep that time, discard it, give it to another client or mark it non-billable?
    [stale] Nobody watched the timer for { $client } on { $day } from { $from } to { $to } ({ $duration }): keep that time, discard it, give it to another client or mark it non-billable?
   *[idle] You were away on { $day } from { $from } to { $to } ({ $duration }) while the timer for { $client } ran: keep that time, discard it, give it to another client or mark it non-billable?
}
watch-still-working = Still working for { $client }?
watch-still-working-stop = Stop
watch-still-working-keep = Keep going

# Files Gardefou could not write, damaged databases, backups (#13).
write-disk-full = the disk is full
write-read-only = the folder is read-only
write-denied = permission denied
database-damaged = { $path } is a Gardefou database but it is damaged ({ $detail }); it was left untouched. Restore a backup of it
database-cut-short = { $path } is a Gardefou database but it is damaged (it is cut short: { $bytes } bytes); it was left untouched. Restore a backup of it
backup-exists = { $path } already exists; a backup never replaces a file
backup-no-database = there is no database at { $path } to back up
backup-same-file = { $path } is the database itself, not a backup of it
backup-would-replace = { $path } holds { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    } and { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }; restoring would replace them (they would be kept in a copy beside it)
backup-current-unreadable = the current database cannot be read ({ $problem }); restoring would replace it (it would be kept beside it)
# Imports: each names the file and the line; nothing was written.
import-io = { $path } cannot be read: { $reason }
import-nothing-csv = { $path } holds no { $format } export (no .csv file in it)
import-nothing-watson = { $path } holds no Watson data (no file named frames in it)
import-nothing-timewarrior = { $path } holds no Timewarrior data (no data/YYYY-MM.data file in it)
import-missing-column = { $file }: the header has no column '{ $column }'; is this a { $format } export?
import-bad-date = { $file }, line { $line }: { $column } '{ $value }' is not a date
import-bad-time = { $file }, line { $line }: { $column } '{ $value }' is not a time of day
import-bad-duration = { $file }, line { $line }: { $column } '{ $value }' is not a duration
import-bad-amount = { $file }, line { $line }: { $column } '{ $value }' is not an amount
import-bad-timestamp = { $file }, line { $line }: { $column } '{ $value }' is not a timestamp
import-bad-local-time = { $file }, line { $line }: { $column } '{ $value }' does not exist in this time zone (the clocks jump forward then)
import-bad-currency = { $file }, line { $line }: { $column } '{ $value }' is not a currency code
import-bad-flag = { $file }, line { $line }: { $column } '{ $value }' is neither yes nor no
import-bad-syntax = { $file }, line { $line }: this line cannot be read
import-bad-encoding = { $file }, line { $line }: this line is not UTF-8 text
import-end-before-start = { $file }, line { $line }: the entry ends ({ $end }) before it starts ({ $start })
import-rejected = { $file }, line { $line }: { $reason }
import-overlap-stored = { $file }, line { $line }: the entry { $start } – { $end } overlaps session { $number } ({ $client }, started { $other }); nothing was imported
import-overlap-imported = { $file }, line { $line }: the entry { $start } – { $end } overlaps the entry on line { $other_line } of { $other_file }; nothing was imported
