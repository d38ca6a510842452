# La fenêtre en bon programme de bureau : bandeaux d’alerte, démarrage à l’ouverture de session.

banner-label = Alertes
banner-dismiss = Fermer
banner-dismiss-alert = Fermer l’alerte : { $summary }
notifications-unavailable = Les notifications du bureau ne sont pas disponibles sur ce système : les alertes s’affichent ici, dans la fenêtre.
notifications-unavailable-dismiss = Fermer le message sur les notifications
welcome-autostart = Lancer Gardefou à l’ouverture de ma session
welcome-autostart-hint = Il attend dans la barre des tâches : un chrono est à un clic. Vous pourrez changer cela dans les réglages.
backup-failed-title = La sauvegarde automatique du jour n’a pas été écrite
backup-failed-body = Vos modifications sont bien enregistrées dans la base. La copie de sauvegarde du jour n’a pas pu être faite : { $reason }
backup-failed-dismiss = Fermer le message sur la sauvegarde
