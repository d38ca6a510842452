# The `gardefou --help` pages: one message per command, argument and value,
# named after its path (src/cli/help.rs). Commands and flags stay as typed.

## What every page shares

cli-help-heading-usage = Usage:
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
cli-help-heading-commands = Commands
cli-help-flag-help = Print help
cli-help-flag-help-short = Print help (see more with '--help')
cli-help-flag-help-long = Print help (see a summary with '-h')
cli-help-flag-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)
cli-help-default = [default: { $value }]
cli-help-possible-values = [possible values: { $values }]
cli-help-possible-values-heading = Possible values:

## Placeholders (`--from <FROM>`)

cli-help-value-answer = ANSWER
cli-help-value-at = AT
cli-help-value-by = BY
cli-help-value-cap = CAP
cli-help-value-choice = CHOICE
cli-help-value-client = CLIENT
cli-help-value-color = COLOR
cli-help-value-command = COMMAND
cli-help-value-currency = CURRENCY
cli-help-value-date = DATE
cli-help-value-file = FILE
cli-help-value-file-or-dir = FILE_OR_DIR
cli-help-value-format = FORMAT
cli-help-value-from = FROM
cli-help-value-id = ID
cli-help-value-key = KEY
cli-help-value-name = NAME
cli-help-value-note = NOTE
cli-help-value-path = PATH
cli-help-value-planned = PLANNED
cli-help-value-prefix = PREFIX
cli-help-value-rate = RATE
cli-help-value-reason = REASON
cli-help-value-rename = RENAME
cli-help-value-round = ROUND
cli-help-value-rule = RULE
cli-help-value-tags = TAGS
cli-help-value-text = TEXT
cli-help-value-to = TO
cli-help-value-tz = TZ
cli-help-value-value = VALUE
cli-help-value-week = WEEK

## gardefou

cli-help = Time tracker for freelancers that guards their boundaries
cli-help--db = Database file (default: the platform data folder; also GARDEFOU_DB)
cli-help--json = Print machine-readable JSON on stdout (seconds and minor units)

## gardefou client

cli-help-client = Add, list, edit or archive clients
cli-help-client-add = Add a client
cli-help-client-add--name = The client's name (unique, any case)
cli-help-client-add--rate = Hourly rate, e.g. 45.50
cli-help-client-add--currency = ISO 4217 currency (default: the `currency` setting)
cli-help-client-add--cap = Weekly cap for this client, e.g. 10h
cli-help-client-add--round = Rounding for exports, e.g. 15m:up (or none)
cli-help-client-add--color = Colour, #rrggbb
cli-help-client-list = List clients (archived ones too)
cli-help-client-edit = Change a client
cli-help-client-edit--name = The client to change (any case)
cli-help-client-edit--rename = New name
cli-help-client-edit--rate = New hourly rate, e.g. 45.50
cli-help-client-edit--currency = New ISO 4217 currency
cli-help-client-edit--cap = Weekly cap, or none
cli-help-client-edit--round = Rounding rule, or none
cli-help-client-edit--color = New colour, #rrggbb
cli-help-client-archive = Archive a client: history kept, cannot be started
cli-help-client-archive--name = The client to archive (any case)
cli-help-client-unarchive = Bring an archived client back
cli-help-client-unarchive--name = The client to bring back (any case)

## gardefou start, stop, status, recover

cli-help-start = Start a timer for a client (stops the running one)
cli-help-start--client = The client's name (any case)
cli-help-start--note = Free text; may start with a dash (`--note "-2h pairing"`)
cli-help-start--tags = A tag (repeatable), e.g. --tag meeting
cli-help-start--non-billable = Not billed to the client (still counts toward your caps)
cli-help-start--planned = Planned length (a call), e.g. 15m
cli-help-start--at = When the work began (default: now)
cli-help-start--override-reason = Cross a boundary on purpose, saying why
cli-help-stop = Stop the running timer
cli-help-stop--at = When the work ended (default: now)
cli-help-status = Show the running timer
cli-help-recover = Answer the question about a timer nobody watched (a crash, a power cut)
cli-help-recover--answer = Stop at the last-seen time, keep it running, or stop it now

## gardefou add, log, edit, rm, restore-session

cli-help-add = Record a past session
cli-help-add--client = The client's name (any case)
cli-help-add--from = Start: YYYY-MM-DD HH:MM, HH:MM (today), -2h (ago) or RFC 3339
cli-help-add--to = End, in the same forms
cli-help-add--note = Free text; may start with a dash (`--note "-2h pairing"`)
cli-help-add--tags = A tag (repeatable), e.g. --tag meeting
cli-help-add--non-billable = Not billed to the client (still counts toward your caps)
cli-help-add--allow-long = Accept a session longer than 24 h
cli-help-log = List sessions (default: this week)
cli-help-log--from = First day (YYYY-MM-DD), included; default: this week
cli-help-log--to = Last day (YYYY-MM-DD), included
cli-help-log--client = Only this client
cli-help-edit = Change a session (by number or id)
cli-help-edit--id = Session number (as `log` shows it) or id prefix
cli-help-edit--client = Move the session to this client (it takes the client's current rate)
cli-help-edit--from = New start (TIME)
cli-help-edit--to = New end (TIME)
cli-help-edit--note = Free text; may start with a dash (`--note "-2h pairing"`)
cli-help-edit--tags = Replaces the tags (repeatable)
cli-help-edit--non-billable = Mark it not billed
cli-help-edit--billable = Mark it billed
cli-help-edit--allow-long = Accept a session longer than 24 h
cli-help-rm = Delete a session (it can be restored)
cli-help-rm--id = Session number (as `log` shows it) or id prefix
cli-help-restore-session = Bring back a deleted session
cli-help-restore-session--id = Session number (as `log` shows it) or id prefix

## gardefou settings

cli-help-settings = Show or change settings
cli-help-settings-show = Show every setting
cli-help-settings-set = Change one setting, e.g. `settings set timezone Europe/Paris`
cli-help-settings-set--key = The setting to change (listed below)
cli-help-settings-set--value = Its new value

## gardefou check, watch, overrides

cli-help-check = Evaluate the boundaries now; print newly fired alerts
cli-help-watch = Keep checking the boundaries and send native notifications
cli-help-overrides = Boundaries crossed on purpose, with the reasons
cli-help-overrides--week = A date in the week to show (default: this week)

## gardefou report, export

cli-help-report = The week's summary, or totals per client
cli-help-report-week = The week's summary: clients × days, caps, boundaries, client health
cli-help-report-week--date = A date in the week (YYYY-MM-DD); default: today
cli-help-report-totals = Per-client totals between two dates (the whole history by default)
cli-help-report-totals--from = First day (YYYY-MM-DD), included; default: the whole history
cli-help-report-totals--to = Last day (YYYY-MM-DD), included; default: today
cli-help-export = Export sessions for invoicing
cli-help-export-csv = Sessions as CSV for invoicing (RFC 4180, UTF-8), one row per session
cli-help-export-csv--from = First date (YYYY-MM-DD), included
cli-help-export-csv--to = Last date (YYYY-MM-DD), included
cli-help-export-csv--clients = Only these clients (repeatable)
cli-help-export-csv--round = Rounding per session: 6m:up, 15m:nearest, 30m:down or none (default: the client's rule, else the `rounding` setting)
cli-help-export-csv--excel = For European spreadsheets: UTF-8 BOM, `;` separator, decimal comma
cli-help-export-csv--by = One line per client (invoice lines) instead of one per session
cli-help-export-csv--by--client = One invoice line per client and rate
cli-help-export-csv--out = Write to FILE (atomically) instead of stdout

## gardefou decisions, decide

cli-help-decisions = What the weekly review decided, per client
cli-help-decisions--client = Only this client's decisions
cli-help-decide = Answer the week's question about a client: keep, renegotiate, raise the rate or end
cli-help-decide--client = The client decided about
cli-help-decide--choice = keep, renegotiate, raise-rate, end or skip
cli-help-decide--choice--keep = Keep working as is
cli-help-decide--choice--renegotiate = Renegotiate scope, hours or calls
cli-help-decide--choice--raise-rate = Raise the rate (needs --rate)
cli-help-decide--choice--end = End the engagement, now or after --notice-until
cli-help-decide--choice--skip = Do not decide; the question is not asked again for that week
cli-help-decide--week = A date in the week decided about (default: the week just worked)
cli-help-decide--note = Free text kept with the decision
cli-help-decide--rate = raise-rate: the new hourly rate, e.g. 55.00
cli-help-decide--notice-until = end: the last day of the notice period (until then the client can still be started)

## gardefou backup, restore, import, rebuild-totals

cli-help-backup = Write a consistent copy of the database to FILE, or list the automatic backups
cli-help-backup--file = The new file to write the copy to (never replaces a file)
cli-help-backup--list = List the automatic backups kept beside the database
cli-help-restore = Put a backup back (checked first; the replaced database is kept)
cli-help-restore--file = The backup to put back
cli-help-restore--force = Replace a database that holds data (it is kept beside it)
cli-help-import = Import history from Toggl, Clockify, Watson or Timewarrior
cli-help-import--format = Which tracker the data comes from
cli-help-import--format--toggl = Toggl Track's detailed CSV export
cli-help-import--format--clockify = Clockify's detailed CSV export
cli-help-import--format--watson = Watson's `frames` file (or its data folder)
cli-help-import--format--timewarrior = A Timewarrior data folder (`data/YYYY-MM.data`)
cli-help-import--path = The export file, or a folder of them (a Timewarrior or Watson data folder)
cli-help-import--dry-run = Show what would be imported; write nothing
cli-help-import--timezone = Zone of times written without an offset (default: the `timezone` setting)
cli-help-import--client-from = Which column names the client in CSV exports
cli-help-import--client-from--client = The Client column (the project where it is empty)
cli-help-import--client-from--project = The Project column (the client where it is empty)
cli-help-import--client-tag = Timewarrior: the tag starting with this prefix names the client (`--client-tag client:` reads `client:Acme`); default: the first tag
cli-help-import--on-overlap = What to do with entries that overlap a session
cli-help-import--on-overlap--skip = Leave overlapping entries out and list them
cli-help-import--on-overlap--stop = Import nothing (the default)
cli-help-rebuild-totals = Recount the per-day figures kept for reports from the sessions (they are kept automatically; for a database edited by hand)

## Usage errors (exit 2): what clap found wrong with the command line

cli-usage-more = For more information, try '{ $flag }'.
cli-usage-unreadable = the command line could not be read
cli-usage-repeated = the argument '{ $arg }' cannot be used multiple times
cli-usage-conflict = the argument '{ $arg }' cannot be used with '{ $others }'
cli-usage-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-usage-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-usage-missing-value = a value is required for '{ $arg }' but none was supplied
cli-usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-usage-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-usage-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-usage-missing-arguments = the following required arguments were not provided:
cli-usage-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-usage-subcommands = [subcommands: { $values }]
cli-usage-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-usage-number-of-values = { $expected } values required for '{ $arg }' but { $count ->
    [one] 1 was provided
   *[other] { $count } were provided
}
cli-usage-unknown-argument = unexpected argument '{ $arg }' found
cli-usage-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-usage-similar-subcommand = { $count ->
    [one] tip: a similar subcommand exists: '{ $names }'
   *[other] tip: some similar subcommands exist: '{ $names }'
}
cli-usage-similar-argument = { $count ->
    [one] tip: a similar argument exists: '{ $names }'
   *[other] tip: some similar arguments exist: '{ $names }'
}
cli-usage-similar-value = { $count ->
    [one] tip: a similar value exists: '{ $names }'
   *[other] tip: some similar values exist: '{ $names }'
}
cli-usage-tip-double-dash = tip: to pass '{ $arg }' as a value, use '{ $command }'
cli-usage-tip-remove-dashes = tip: subcommand '{ $name }' exists; to use it, remove the '--' before it
cli-usage-tip-exists = tip: '{ $command }' exists

cli-help-log--deleted = Only the deleted sessions (to bring one back with `restore-session`)
