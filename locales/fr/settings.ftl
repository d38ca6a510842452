# Une ligne d’aide par réglage (`settings show`, l’éditeur de réglages de l’application).

setting-timezone = Votre fuseau horaire (nom IANA, par exemple Europe/Paris) ; jours, semaines et horaires y sont comptés.
setting-week-start = Le premier jour de votre semaine : monday (lundi) ou sunday (dimanche).
setting-currency = La devise des nouveaux clients (code ISO 4217, par exemple EUR).
setting-rounding = L’arrondi de chaque séance dans les exports, par exemple 15m:up (ou none).
setting-locale = La langue de Gardefou : fr ou en.
setting-weekly-cap = Le maximum que vous voulez travailler par semaine, par exemple 40h (ou none).
setting-warn-at = La part d’un plafond à laquelle vous êtes prévenu, en pourcentage.
setting-working-hours = Vos horaires de travail par jour, par exemple mon-fri 09:00-12:30,13:30-18:00; sat-sun off.
setting-rest-days = Votre week-end : les jours où vous ne travaillez pas, par exemple sat,sun.
setting-weekend-min = En dessous de cette durée, un week-end compte encore comme libre.
setting-weekend-streak-limit = Le nombre de week-ends travaillés d’affilée avant une alerte.
setting-nag-every = La fréquence des rappels quand un chrono tourne au-delà d’une limite (0 les désactive).
setting-notifications = Les notifications du bureau : on ou off.
setting-health-tags = Les étiquettes dont le bilan surveille la part dans le temps d’un client, par exemple meeting,rework.
setting-idle-after = Quand un chrono tourne, vous demander quoi faire du temps passé sans clavier ni souris au-delà de cette durée, par exemple 10m (0 désactive).
setting-autostart = Lancer Gardefou à l’ouverture de session : on ou off.
setting-backups = Une copie de la base chaque jour avant sa première modification, gardée à côté (7 jours, puis une par semaine pendant 8 semaines) : on ou off.
setting-summary-auto-open = Ouvrir le bilan de la semaine tout seul à la fin de la semaine de travail : on ou off.
