# The import wizard (ui/src/views/import_wizard.tsx). Same ids and variables as fr/window-import.ftl.

welcome-import = Coming from Toggl, Clockify, Watson or Timewarrior? You can bring your history in from the settings.
settings-import = Import from another tracker…
settings-import-hint = Bring your history in from Toggl, Clockify, Watson or Timewarrior.
import-heading = Import from another tracker
import-intro = First a preview of what would be imported; nothing is written until you confirm. Importing the same file again adds nothing.
import-format = Tracker
import-format-toggl = Toggl Track (detailed CSV export)
import-format-clockify = Clockify (detailed CSV export)
import-format-watson = Watson (its frames file)
import-format-timewarrior = Timewarrior (its data folder)
import-file = File
import-folder = Folder
import-choose = Choose…
import-path-hint-toggl = The CSV file of Reports › Detailed › Export.
import-path-hint-clockify = The CSV file of Reports › Detailed › Export.
import-path-hint-watson = The file named frames, in Watson's folder (often ~/.config/watson).
import-path-hint-timewarrior = Timewarrior's folder (often ~/.timewarrior), which holds data.
import-client-from = Client from
import-client-from-client = The Client column (else the project)
import-client-from-project = The Project column (else the client)
import-client-tag = Client tag
import-client-tag-hint = The tag that starts with this names the client (client:Acme); empty: the first tag.
import-timezone = Time zone of the times
import-timezone-hint = Empty: your time zone. Used only for times written without an offset.
import-on-overlap = If an entry overlaps a session
import-on-overlap-stop = Import nothing
import-on-overlap-skip = Leave it out and import the rest
import-preview = Preview
import-close = Close
import-back = Back
import-preview-heading = What would be imported
import-preview-total = { $sessions ->
    [one] 1 session from { $from } to { $to }, { $hours } in all.
   *[other] { $sessions } sessions from { $from } to { $to }, { $hours } in all.
}
import-preview-nothing = Nothing new to import in this file.
import-done-total = { $sessions ->
    [one] Imported 1 session from { $from } to { $to }, { $hours } in all.
   *[other] Imported { $sessions } sessions from { $from } to { $to }, { $hours } in all.
}
import-done-nothing = Nothing was imported: everything in this file was already there.
import-clients-preview = { $created ->
    [0] Clients (all already exist)
    [one] Clients (1 to create)
   *[other] Clients ({ $created } to create)
}
import-clients-done = { $created ->
    [0] Clients
    [one] Clients (1 created)
   *[other] Clients ({ $created } created)
}
import-col-client = Client
import-col-sessions = Sessions
import-col-hours = Hours
import-col-rate = Rate
import-client-new = new
import-already = { $count ->
    [one] 1 entry was already imported before: it is not added again.
   *[other] { $count } entries were already imported before: they are not added again.
}
import-overlaps = { $count ->
    [one] 1 entry overlaps a session.
   *[other] { $count } entries overlap a session.
}
import-would-stop = With "Import nothing" chosen, these overlaps stop the import. Go back and choose to leave them out, or fix them first.
import-skipped = { $count ->
    [one] 1 entry left out
   *[other] { $count } entries left out
}
import-skipped-zero = { $file }, line { $line }: { $client } at { $start } lasts no time.
import-skipped-running = { $file }, line { $line }: { $client } at { $start } is still running there; stop it and export again.
import-skipped-overlap-stored = { $file }, line { $line }: { $client } at { $start } overlaps session { $number } ({ $other }, { $other_start }).
import-skipped-overlap-imported = { $file }, line { $line }: { $client } at { $start } overlaps line { $other_line } of the same import.
import-run = { $sessions ->
    [one] Import 1 session
   *[other] Import { $sessions } sessions
}
import-progress = Importing…
import-finish = Done
import-nothing-written = Nothing was imported: your data is as it was.
