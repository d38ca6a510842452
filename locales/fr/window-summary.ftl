# La fenêtre du bilan de la semaine (une fenêtre à part ; les chiffres et
# les phrases qui les disent viennent du cœur, déjà écrits).

review-open = Bilan de la semaine
review-heading = Semaine { $week }
review-dates = { $start } – { $end }
review-nav = Semaines
review-previous = Semaine précédente
review-next = Semaine suivante
review-pick = Aller à la semaine du
review-pick-go = Afficher
review-date-placeholder = AAAA-MM-JJ
review-export = Exporter…
review-loading = Lecture de la semaine…
review-empty = Aucun temps suivi cette semaine.

review-totals = Cette semaine
review-tracked = Suivi
review-billable = Facturable
review-amount = Montant
review-no-amount = rien de facturable
review-weekly-cap = Plafond de la semaine
review-no-weekly-cap = Aucun plafond de semaine défini.
review-cap-of = { $tracked } sur { $cap } ({ $percent } %)
review-approaching = bientôt atteint
review-crossed = dépassé

review-grid = Clients × jours
review-col-client = Client
review-col-total = Total
review-col-billable = Facturable
review-col-amount = Montant
review-col-cap = Plafond
review-total-row = Total
review-cap-cell = { $percent } % de { $cap }
review-nothing = rien

review-chart = Jour par jour
review-chart-title = Heures par jour, par client
review-chart-guide = Repère : le plafond de la semaine réparti sur les jours travaillés, { $guide } par jour.
review-chart-day = { $day } : { $total }
review-chart-day-empty = { $day } : rien
review-chart-segment = { $client } { $time }

review-boundaries = Limites
review-col-off-hours = Hors horaires
review-col-rest-days = Jours de repos
review-col-discarded = Écarté (pas du travail)
review-off-hours-total = Hors horaires cette semaine : { $duration }.
review-rest-days-total = Les jours de repos cette semaine : { $duration }.
review-discarded-total = Écarté comme n’étant pas du travail (absences auxquelles vous avez répondu) : { $duration }, compté dans aucun total.
review-streak = { $count ->
        [0] Aucun week-end travaillé à la fin de cette semaine.
        [one] 1 week-end travaillé d’affilée à la fin de cette semaine (votre limite : { $limit }).
       *[other] { $count } week-ends travaillés d’affilée à la fin de cette semaine (votre limite : { $limit }).
    }
review-overrides = Limites franchies volontairement
review-overrides-none = Aucune limite franchie volontairement cette semaine.
review-override-reason = « { $reason } »
review-alerts = Alertes
review-alerts-none = Aucune alerte cette semaine.
review-calls = Appels plus longs que prévu
review-calls-none = Aucun appel n’a dépassé sa durée prévue.
review-call = { $client }, { $when } : { $actual } pour { $planned } prévues ({ $over } de plus).
review-no-client = aucun client

review-health = Santé des clients, 4 dernières semaines
review-health-none = Pas assez de temps suivi sur 4 semaines pour en dire quelque chose.
review-share-off_hours = Hors horaires
review-share-non_billable = Non facturable
review-share-tag = Étiqueté « { $tag } »
review-share-value = { $percent } %
review-tracked-4w = { $duration } sur 4 semaines
review-trend = 8 dernières semaines
review-trend-title = { $client } : heures par semaine, 8 dernières semaines
review-trend-week = { $week } : { $time }
review-trend-week-empty = { $week } : rien

review-decisions = Décisions
review-decisions-none = Rien cette semaine ne demande de décision.
review-question = Que voulez-vous faire avec { $client } ?
review-choice-keep = Continuer ainsi
review-choice-renegotiate = Renégocier (périmètre, heures ou appels)
review-choice-raise_rate = Augmenter le tarif
review-choice-end_engagement = Mettre fin à la mission
review-new-rate = Nouveau tarif horaire ({ $currency })
review-new-rate-hint = Aujourd’hui { $rate }. Les séances suivies à partir de maintenant utilisent le nouveau tarif ; les séances passées gardent le leur.
review-end-when = Quand
review-end-now = Maintenant (le client est archivé, son historique reste)
review-end-notice = Après un préavis
review-notice-until = Dernier jour du préavis
review-notice-hint = Le { $date } au plus tôt, au format AAAA-MM-JJ.
review-note = Note (facultative)
review-record = Enregistrer la décision
review-skip = Passer cette semaine
review-answered = { $choice ->
        [keep] Vous avez choisi de continuer ainsi avec { $client } pour cette semaine.
        [renegotiate] Vous avez choisi de renégocier avec { $client } pour cette semaine.
        [raise_rate] Vous avez choisi d’augmenter le tarif pour { $client } cette semaine.
        [end_engagement] Vous avez choisi de mettre fin à la mission avec { $client }.
       *[skip] Vous avez passé { $client } pour cette semaine ; la question ne reviendra pas.
    }
review-recent = Décisions récentes
review-recent-none = Aucune décision récente.
