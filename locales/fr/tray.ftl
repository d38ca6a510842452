# Le menu et l’étiquette de l’icône de la barre des tâches.

tray-start = Démarrer { $client }
tray-stop = Arrêter { $client } ({ $elapsed })
tray-summary = Bilan de la semaine
tray-open = Ouvrir Gardefou
tray-quit = Quitter
tray-panel = { $client } { $elapsed }
tray-settings = Réglages
tray-tooltip-running-week = Gardefou : { $client } { $elapsed }, { $week } cette semaine
tray-tooltip-running-capped = Gardefou : { $client } { $elapsed }, { $week } sur { $cap } cette semaine
tray-tooltip-idle-week = Gardefou : aucun chrono ne tourne, { $week } cette semaine
tray-tooltip-idle-capped = Gardefou : aucun chrono ne tourne, { $week } sur { $cap } cette semaine
tray-panel-capped = { $client } { $elapsed } · { $week } / { $cap }
