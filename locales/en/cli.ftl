# What the `gardefou` command line prints. Commands and flags stay in English
# (they are what you type); the words around them are translated.

cli-replaced = Replaced the { $client } timer that started at the same second.
cli-stopped-at = Stopped { $client } at { $at } after { $duration }.
cli-started = Started { $client } at { $at }.
cli-long-session = warning: this session lasted { $duration }. If the timer was forgotten, fix the end with `gardefou edit { $number } --to TIME`.
cli-running-since = { $client } running since { $since } ({ $duration }).
cli-no-timer = No timer running.
cli-recovered-kept = { $client } keeps running; the time since { $since } ({ $duration }) is kept.
cli-recovered-nothing-left = { $client }'s timer was never seen after its start: the session is deleted (it can be restored).

# A session in a sentence: `running` is yes while its timer runs.
cli-session-stopped = { $running ->
    [yes] Stopped session { $number }: { $client }, running since { $since }.
   *[no] Stopped session { $number }: { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-added = { $running ->
    [yes] Added session { $number }: { $client }, running since { $since }.
   *[no] Added session { $number }: { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-updated = { $running ->
    [yes] Updated session { $number }: { $client }, running since { $since }.
   *[no] Updated session { $number }: { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-deleted = { $running ->
    [yes] Deleted session { $number }: { $client }, running since { $since }.
   *[no] Deleted session { $number }: { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-restored = { $running ->
    [yes] Restored session { $number }: { $client }, running since { $since }.
   *[no] Restored session { $number }: { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-restore-hint = (bring it back with `gardefou restore-session { $number }`; `gardefou log --deleted` lists the deleted sessions)
cli-no-sessions = No sessions in this range.
cli-no-deleted-sessions = No deleted sessions in this range.
cli-col-number = #
cli-col-date = DATE
cli-col-start = START
cli-col-end = END
cli-col-time = TIME
cli-col-client = CLIENT
cli-col-note = NOTE
cli-col-rate = RATE
cli-col-cap = CAP
cli-col-round = ROUND
cli-col-color = COLOR
cli-col-setting = SETTING
cli-col-value = VALUE
cli-col-about = ABOUT
cli-col-when = WHEN
cli-col-boundaries = BOUNDARIES
cli-col-reason = REASON
cli-end-running = running
cli-end-days-later = { $end } (+{ $days }d)
cli-non-billable = (non-billable)
cli-log-total = { $count ->
    [one] Total: { $duration } in 1 session.
   *[other] Total: { $duration } in { $count } sessions.
}
cli-log-deleted-total = { $count ->
    [one] 1 deleted session ({ $duration }). Bring it back with `gardefou restore-session NUMBER`.
   *[other] { $count } deleted sessions ({ $duration }). Bring one back with `gardefou restore-session NUMBER`.
}

cli-no-clients = No clients yet. Add one with `gardefou client add NAME --rate 45.50`.
cli-cap-per-week = { $duration }/week
cli-archived = archived
cli-client-added = { $has_cap ->
    [yes] Added client { $name } ({ $rate }/h, cap { $cap } a week).
   *[no] Added client { $name } ({ $rate }/h).
}
cli-client-updated = { $has_cap ->
    [yes] Updated client { $name } ({ $rate }/h, cap { $cap } a week).
   *[no] Updated client { $name } ({ $rate }/h).
}
cli-client-archived = { $has_cap ->
    [yes] Archived client { $name } ({ $rate }/h, cap { $cap } a week).
   *[no] Archived client { $name } ({ $rate }/h).
}
cli-client-unarchived = { $has_cap ->
    [yes] Unarchived client { $name } ({ $rate }/h, cap { $cap } a week).
   *[no] Unarchived client { $name } ({ $rate }/h).
}

cli-no-boundary-crossed = No boundary is crossed right now.
cli-no-new-alert = No new alert. Crossed right now:
cli-no-overrides = No boundary crossed on purpose in the week of { $date }.

cli-watch-start = Watching your boundaries (every 30 s). Press Ctrl+C to stop.
cli-watch-unavailable = gardefou: notifications cannot be shown: { $reason }. Alerts are still recorded (see `gardefou check`); watching on.
cli-watch-stopped = Stopped watching.

cli-export-written = { $rows ->
    [one] Wrote 1 row to { $path }: { $hours } rounded, { $amounts }.
   *[other] Wrote { $rows } rows to { $path }: { $hours } rounded, { $amounts }.
}

cli-bad-now = { $variable }='{ $value }' is not an RFC 3339 instant

# The command to type next, on its own line under an error.
cli-hint-override = gardefou start "{ $client }" --override "REASON"
cli-hint-unarchive = gardefou client unarchive "{ $name }"
cli-hint-add-client = gardefou client add "{ $name }"
cli-hint-drop = gardefou rm { $number }
cli-hint-restore = gardefou restore-session { $number }
cli-hint-allow-long = pass --allow-long if it is right
cli-hint-db = choose another file with --db PATH
cli-hint-recover = gardefou recover last-seen | keep | now

# backup, restore (#13)
cli-backup-done = Backed up to { $path }: { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }, last session on { $last }.
cli-backup-done-empty = Backed up to { $path }: { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }, no session yet.
cli-restore-done = Restored { $path }: { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }, last session on { $last }.
cli-restore-done-empty = Restored { $path }: { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }, no session yet.
cli-restore-replaced = The database it replaced is kept in { $path }.
cli-backup-none = No backups yet in { $folder } (one is taken before the first change of each day).
cli-backup-restore-with = Put one back with: gardefou restore FILE
cli-backup-col-backup = BACKUP
cli-backup-col-size = SIZE
cli-backup-col-file = FILE
cli-backup-kind-daily = daily { $date }
cli-backup-kind-before-migration = before a schema change
cli-backup-kind-replaced = replaced by a restore
cli-backup-kind-other = other
cli-backup-size = { $kb } kB
cli-hint-restore-backup = the automatic backups are listed by `gardefou backup --list`; put one back with `gardefou restore FILE --force`
cli-hint-force = add --force to replace it; the replaced database is kept beside it
cli-warning-backup = warning: today's automatic backup was not written: { $reason }
cli-hint-other-backup = choose another backup: `gardefou backup --list`
# gardefou import
cli-import-progress = importing
cli-import-done = { $sessions ->
    [one] Imported 1 session, { $from } – { $to }, { $hours }.
   *[other] Imported { $sessions } sessions, { $from } – { $to }, { $hours }.
}
cli-import-nothing = Nothing new to import.
cli-import-dry-run = { $sessions ->
    [one] Dry run, nothing was written: 1 session would be imported, { $from } – { $to }, { $hours }.
   *[other] Dry run, nothing was written: { $sessions } sessions would be imported, { $from } – { $to }, { $hours }.
}
cli-import-dry-run-nothing = Dry run, nothing was written: nothing new would be imported.
cli-import-client = { $sessions ->
    [one] { $name }: 1 session, { $hours }
   *[other] { $name }: { $sessions } sessions, { $hours }
}
cli-import-client-new = { $sessions ->
    [one] { $name } (new client): 1 session, { $hours }
   *[other] { $name } (new client): { $sessions } sessions, { $hours }
}
cli-import-client-new-rate = { $sessions ->
    [one] { $name } (new client, { $rate }/h): 1 session, { $hours }
   *[other] { $name } (new client, { $rate }/h): { $sessions } sessions, { $hours }
}
cli-import-already = { $count ->
    [one] 1 entry was already imported before: not added again.
   *[other] { $count } entries were already imported before: not added again.
}
cli-import-left-out = { $count ->
    [one] 1 entry left out:
   *[other] { $count } entries left out:
}
cli-import-skip-zero = { $file } line { $line }: { $client } { $start }, zero length
cli-import-skip-running = { $file } line { $line }: { $client } { $start }, still running; stop it there and export again
cli-import-skip-overlap-stored = { $file } line { $line }: { $client } { $start }, overlaps session { $number } ({ $other }, { $other_start })
cli-import-skip-overlap-imported = { $file } line { $line }: { $client } { $start }, overlaps the entry on line { $other_line }
cli-import-would-stop = With overlaps the import stops and writes nothing; add --on-overlap skip to import the rest.
cli-hint-import-skip = add --on-overlap skip to import the rest and list the overlaps
cli-rebuild-totals = Recounted the figures kept per client and week from the sessions ({ $rows } rows).
