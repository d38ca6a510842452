# Le bilan de la semaine et les totaux, tels que la ligne de commande les affiche.

report-week-title = Semaine { $week } · { $start } – { $end } · { $zone }
report-no-time-week = Aucun temps suivi cette semaine.
report-col-client = CLIENT
report-col-total = TOTAL
report-col-billable = FACTURABLE
report-col-amount = MONTANT
report-col-cap = PLAFOND
report-col-sessions = SÉANCES
report-col-tracked = SUIVI
report-col-effective-rate = TAUX RÉEL
report-col-rate = TARIF
report-col-non-billable = NON FACTURABLE
report-col-off-hours = HORS HORAIRES
report-total-row = Total
report-cap-used = { $percent } % de { $cap }
report-weekly-cap = Plafond de la semaine : { $tracked } suivies sur { $cap } ({ $percent } %).
report-off-hours = Hors horaires : { $duration }.
report-off-hours-none = Hors horaires : rien.
report-rest-days = Jours de repos : { $duration }.
report-rest-days-none = Jours de repos : rien.
report-weekend-streak = Week-ends travaillés d’affilée à la fin de la semaine : { $count }.
report-discarded = Écarté comme hors travail (absences que vous avez traitées) : { $duration }, non compté ci-dessus ({ $clients }).
report-overrides-none = Dépassements cette semaine : aucun.
report-overrides = { $count ->
    [one] Dépassement cette semaine (1), avec votre raison :
   *[other] Dépassements cette semaine ({ $count }), avec vos raisons :
}
report-alerts-none = Alertes cette semaine : aucune.
report-alerts = Alertes cette semaine ({ $count }) :
report-previous-week = Semaine précédente ({ $week }) : { $tracked } suivies, { $billable } facturables, { $amount }.
report-previous-week-empty = Semaine précédente ({ $week }) : aucun temps suivi.
report-trend-title = Les 8 dernières semaines, heures suivies :
report-health-title = Santé des clients, 4 dernières semaines :
report-percent = { $percent } %
rate-per-hour = { $amount }/h
report-totals-range = Du { $from } au { $to } ({ $zone })
report-totals-until = Jusqu’au { $to } ({ $zone })
report-no-time = Aucun temps suivi.

health-off-hours = { $percent } % de votre temps pour { $client } était hors de vos horaires de travail.
health-non-billable = { $percent } % de votre temps pour { $client } n’était pas facturable.
health-tag = { $percent } % de votre temps pour { $client } portait l’étiquette « { $tag } ».
