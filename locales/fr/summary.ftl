# La fenêtre du bilan de la semaine : les phrases que le cœur écrit pour elle
# (les libellés de la fenêtre sont dans window-summary.ftl).

# The window's title bar.
summary-window-title = Bilan de la semaine
summary-when = { $day } { $time }
summary-health-rate = { $client } vous a payé { $effective } pour tout le temps passé, pour { $rate } convenus.
summary-health-rate-under = { $client } vous a payé { $effective } pour tout le temps passé, en dessous des { $rate } convenus.
summary-health-rate-mixed = { $client } a été facturé dans plusieurs devises ; son tarif convenu est de { $rate }.
summary-reason-cap = { $tracked } cette semaine pour un plafond de { $cap }.
summary-reason-off-hours = { $percent } % de son temps sur 4 semaines était hors horaires.
summary-reason-tag = { $percent } % de son temps sur 4 semaines portait l’étiquette « { $tag } ».
summary-reason-under-rate = Sur 4 semaines, il vous a payé { $effective }, en dessous des { $rate } convenus.
summary-reason-overrides = { $count ->
        [one] Vous avez franchi une limite volontairement une fois pour lui cette semaine.
       *[other] Vous avez franchi une limite volontairement { $count } fois pour lui cette semaine.
    }
summary-frees = Mettre fin à la mission libère environ { $duration } par semaine (la moyenne des 4 dernières semaines).
