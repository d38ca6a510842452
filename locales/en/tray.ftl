# The tray icon's menu and label.

tray-start = Start { $client }
tray-stop = Stop { $client } ({ $elapsed })
tray-summary = Week summary
tray-open = Open Gardefou
tray-quit = Quit
tray-panel = { $client } { $elapsed }
tray-settings = Settings
tray-tooltip-running-week = Gardefou: { $client } { $elapsed }, { $week } this week
tray-tooltip-running-capped = Gardefou: { $client } { $elapsed }, { $week } of { $cap } this week
tray-tooltip-idle-week = Gardefou: no timer running, { $week } this week
tray-tooltip-idle-capped = Gardefou: no timer running, { $week } of { $cap } this week
tray-panel-capped = { $client } { $elapsed } · { $week } / { $cap }
