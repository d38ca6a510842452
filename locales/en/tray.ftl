# The tray icon's menu and label.

tray-start = Start { $client }
tray-stop = Stop { $client } ({ $elapsed })
tray-summary = Week summary
tray-open = Open Gardefou
tray-quit = Quit
tray-tooltip-running = Gardefou: { $client } { $elapsed }
tray-tooltip-idle = Gardefou: no timer running
tray-panel = { $client } { $elapsed }
