# Le texte de la fenêtre (français). Mêmes identifiants et variables que en/window.ftl.

app-title = Gardefou
nav-label = Vues
nav-timer = Chrono
nav-sessions = Séances
nav-clients = Clients
nav-settings = Réglages
quit = Quitter Gardefou
busy = En cours…
dismiss = Fermer

## Premier lancement
welcome-title = Bienvenue dans Gardefou
welcome-body = Gardefou compte vos heures par client et tient vos limites à votre place : un plafond par semaine, des horaires, des week-ends libres.
welcome-start = Configurer
welcome-skip = Passer la configuration
first-client-title = Votre premier client
first-client-body = Pour qui travaillez-vous ? Vous ajouterez les autres plus tard.
first-week-title = Votre semaine
first-week-body = Voici les réglages par défaut ; changez ce qui ne vous convient pas.
step-next = Continuer
step-skip = Passer cette étape
step-finish = Aller au chrono

## Chrono
timer-heading = Chrono
timer-idle = Aucun chrono en cours
timer-elapsed = Temps écoulé
timer-since = depuis { $time }
timer-since-day = depuis { $day } { $time }
timer-across-midnight = Ce chrono tourne depuis avant minuit.
timer-over-12h = Ce chrono tourne depuis plus de 12 heures.
timer-client = Client
timer-note = Note
timer-tags = Étiquettes
timer-tags-hint = Des mots séparés par des espaces, comme réunion reprise
timer-billable = Facturable
timer-planned = Durée prévue
timer-planned-hint = Facultatif, comme 30m ou 1h30m (un appel)
timer-start = Démarrer
timer-stop = Arrêter
timer-stop-client = Arrêter { $client }
timer-shortcut = Ctrl+Entrée démarre ou arrête le chrono.
timer-no-clients = Pas encore de client.
timer-add-client = Ajouter un client
today-heading = Aujourd’hui
today-total = Total du jour
today-empty = Rien de suivi aujourd’hui.
session-now = maintenant

## Limites en vue
meters-heading = Cette semaine
meter-week = Cette semaine : { $tracked }
meter-week-cap = Cette semaine : { $tracked } sur { $cap }
meter-client-cap = { $client } : { $tracked } sur { $cap }
meter-approaching = bientôt atteint
meter-crossed = dépassé
off-hours-now = Vous travaillez hors horaires.
projection-week = À ce rythme, vous atteignez votre plafond de la semaine à { $time }.
projection-client = À ce rythme, vous atteignez le plafond de { $client } à { $time }.
weekend-streak = { $count ->
    [one] Vous avez travaillé le week-end dernier.
   *[other] Vous avez travaillé { $count } week-ends d’affilée (votre limite est de { $limit }).
}

## Dialogue de dépassement
override-title = Démarrer quand même ?
override-intro = Démarrer maintenant dépasse ces limites :
override-reason = Raison de continuer quand même
override-start = Démarrer quand même
override-cancel = Pas maintenant
boundary-weekly_cap_warning = Plafond de la semaine bientôt atteint
boundary-weekly_cap_reached = Plafond de la semaine atteint
boundary-client_cap_warning = Plafond du client bientôt atteint
boundary-client_cap_reached = Plafond du client atteint
boundary-off_hours = Hors horaires
boundary-weekend_streak = Week-ends travaillés d’affilée
boundary-planned_exceeded = Durée prévue dépassée

## Sessions
sessions-heading = Séances
sessions-week = Semaine du { $date }
sessions-previous = Semaine précédente
sessions-next = Semaine suivante
sessions-this-week = Cette semaine
sessions-empty = Rien de suivi cette semaine.
sessions-add = Ajouter une séance passée
session-edit = Modifier
session-delete = Supprimer
session-deleted = Séance supprimée.
session-undo = Annuler
session-save = Enregistrer
session-cancel = Annuler
session-client = Client
session-start = Début
session-end = Fin
session-note = Note
session-tags = Étiquettes
session-billable = Facturable
session-running = en cours
session-overlap = Cette séance chevauche celle qui est surlignée.
session-non-billable = non facturable
dst-title = Quelle heure vouliez-vous dire ?
dst-gap = { $input } n’existe pas ce jour-là (on avance l’heure).
dst-ambiguous = { $input } arrive deux fois ce jour-là (on recule l’heure).
dst-earlier = La première ({ $time })
dst-later = La seconde ({ $time })
dst-after = Juste après le changement ({ $time })

## Clients
clients-heading = Clients
clients-show-archived = Afficher les clients archivés
clients-empty = Pas encore de client.
client-add = Ajouter un client
client-name = Nom
client-rate = Taux horaire
client-currency = Devise
client-cap = Plafond par semaine
client-cap-hint = Comme 10h, ou vide pour aucun
client-color = Couleur
client-rounding = Arrondi
client-rounding-hint = Comme 15m:up, ou vide pour aucun
client-week = Cette semaine
client-edit = Modifier
client-save = Enregistrer
client-cancel = Annuler
client-archive = Archiver
client-unarchive = Désarchiver
client-archived = archivé
client-no-cap = sans plafond
client-rate-value = { $rate }/h

## Réglages
settings-heading = Réglages
settings-saved = Enregistré.
settings-save = Enregistrer
label-timezone = Fuseau horaire
timezone-search = Chercher un fuseau horaire
label-week_start = La semaine commence le
label-currency = Devise par défaut
label-weekly_cap = Plafond par semaine
label-warn_at = Prévenir à (% d’un plafond)
label-working_hours = Horaires de travail
label-rest_days = Jours de repos
label-weekend_min = Temps qui fait d’un week-end un week-end travaillé
label-weekend_streak_limit = Week-ends travaillés d’affilée avant une alerte
label-nag_every = Rappeler toutes les (0 pour jamais)
label-rounding = Arrondi des exports
label-locale = Langue
label-notifications = Notifications
label-health_tags = Étiquettes comptées dans la santé d’un client
label-other = { $key }
label-autostart = Démarrer avec la session
label-summary_auto_open = Ouvrir le bilan de la semaine automatiquement
label-idle_after = Demander après ce temps d’inactivité (0 pour jamais)
label-backups = Sauvegardes automatiques
day-off = Jour chômé
block-add = Ajouter des horaires
block-remove = Retirer ces horaires
block-from = De
block-to = À
day-mon = Lundi
day-tue = Mardi
day-wed = Mercredi
day-thu = Jeudi
day-fri = Vendredi
day-sat = Samedi
day-sun = Dimanche
week-start-monday = Lundi
week-start-sunday = Dimanche
locale-en = English
locale-fr = Français
on = Activées
off = Désactivées

## Échec au démarrage
startup-failed = Gardefou ne peut pas ouvrir sa base de données.
startup-path = Base de données : { $path }
