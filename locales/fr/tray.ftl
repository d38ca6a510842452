# Le menu et l’étiquette de l’icône de la barre des tâches.

tray-start = Démarrer { $client }
tray-stop = Arrêter { $client } ({ $elapsed })
tray-summary = Bilan de la semaine
tray-open = Ouvrir Gardefou
tray-quit = Quitter
tray-tooltip-running = Gardefou : { $client } { $elapsed }
tray-tooltip-idle = Gardefou : aucun chrono ne tourne
tray-panel = { $client } { $elapsed }
