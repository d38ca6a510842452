# Alertes, rappels et refus : calmes, les faits d’abord, une suggestion.

alert-weekly-cap-warning-title = Plafond de la semaine bientôt atteint
alert-weekly-cap-warning = Vous avez suivi { $tracked } cette semaine, soit { $percent } % de votre plafond de { $cap }. Organisez la fin de semaine avec ce qui reste.

alert-weekly-cap-reached-title = Plafond de la semaine atteint
alert-weekly-cap-reached = Vous avez atteint votre plafond de { $cap } pour la semaine — { $tracked } suivies. Arrêtez-vous ici, ou donnez une raison pour continuer.
alert-weekly-cap-reached-reminder = Le chrono tourne encore au-delà de votre plafond de { $cap } pour la semaine — { $tracked } suivies. Arrêter maintenant vous rend la fin de semaine.
alert-weekly-cap-reached-refusal = Vous avez atteint votre plafond de { $cap } pour la semaine — { $tracked } suivies.

alert-client-cap-warning-title = Plafond d’un client bientôt atteint
alert-client-cap-warning = Vous avez suivi { $tracked } pour { $client } cette semaine, soit { $percent } % de son plafond de { $cap }. Vérifiez ce qui reste avant de promettre plus.

alert-client-cap-reached-title = Plafond d’un client atteint
alert-client-cap-reached = Vous avez atteint le plafond de { $cap } de { $client } pour la semaine — { $tracked } suivies. Arrêtez-vous ici, ou convenez de plus de temps avec { $client }.
alert-client-cap-reached-reminder = Le chrono de { $client } tourne encore au-delà de son plafond de { $cap } pour la semaine — { $tracked } suivies. Arrêtez-vous ici, ou convenez de plus de temps avec { $client }.
alert-client-cap-reached-refusal = Vous avez atteint le plafond de { $cap } de { $client } pour la semaine — { $tracked } suivies.

alert-off-hours-title = Hors horaires
alert-off-hours = Votre chrono pour { $client } tourne hors de vos horaires de travail ({ $time }). Arrêtez-le, ou décidez maintenant quand vous le ferez.
alert-off-hours-reminder = Votre chrono pour { $client } tourne toujours hors de vos horaires de travail ({ $time }), depuis { $elapsed }. Arrêtez-le, ou décidez maintenant quand vous le ferez.
alert-off-hours-refusal = Il est { $time }, hors de vos horaires de travail.

alert-weekend-streak-title = Encore un week-end travaillé
alert-weekend-streak = Vous avez travaillé { $weekends } week-ends d’affilée — { $tracked } sur celui-ci. Gardez le prochain libre.
alert-weekend-streak-reminder = Vous travaillez encore ce week-end : { $weekends } week-ends travaillés d’affilée, { $tracked } sur celui-ci. Gardez le prochain libre.

alert-planned-exceeded-title = Durée prévue dépassée
alert-planned-exceeded = Votre séance de { $planned } avec { $client } dure depuis { $elapsed }. Concluez, ou convenez d’une nouvelle heure de fin.
alert-planned-exceeded-reminder = Votre séance de { $planned } avec { $client } continue, { $elapsed } jusqu’ici. Concluez, ou convenez d’une nouvelle heure de fin.

# Le nom court d’une limite, dans les listes (dépassements, bilan de la semaine).
boundary-weekly-cap-warning = plafond de la semaine bientôt atteint
boundary-weekly-cap-reached = plafond de la semaine
boundary-client-cap-warning = plafond du client bientôt atteint
boundary-client-cap-reached = plafond du client
boundary-off-hours = hors horaires
boundary-weekend-streak = week-ends d’affilée
boundary-planned-exceeded = durée prévue dépassée
