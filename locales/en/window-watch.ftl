# The watch's questions (views/watch.tsx): the question itself comes from the
# core (core.ftl, watch-*), these are the titles and the buttons.

watch-recovery-title = The timer ran with nobody watching
watch-recovery-last-seen = Stop at { $time }
watch-recovery-keep = Keep it running
watch-recovery-now = Stop now

watch-away-title-idle = You were away
watch-away-title-sleep = The computer slept
watch-away-title-stale = Nobody watched the timer
watch-away-keep = Keep this time
watch-away-non-billable = Mark it non-billable
watch-away-discard-legend = Not work: the session ends at { $from }
watch-away-restart = Start the timer for { $client } again from your return
watch-away-discard = Discard this time
watch-away-reassign-legend = Work for another client
watch-away-reassign-client = Client
watch-away-reassign = Give it to this client

watch-still-title = Still working?
watch-still-stop = Stop the timer
watch-still-keep = Keep going

watch-idle-unavailable = Gardefou cannot tell here when you step away from the keyboard, so it will not ask about idle time. It still asks after the computer sleeps.
watch-dismiss = Dismiss
