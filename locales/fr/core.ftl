# Erreurs et refus du cœur. Les faits d’abord, puis ce qu’il faut changer.
# Le cœur ne nomme jamais une option de la ligne de commande : chaque interface ajoute sa propre issue.

error-unknown-client = aucun client nommé « { $name } »
error-unknown-client-suggestion = aucun client nommé « { $name } » ; vouliez-vous dire « { $suggestion } » ?
error-unknown-client-none-yet = aucun client nommé « { $name } » ; vous n’avez encore aucun client
error-archived-client = { $name } est archivé ; désarchivez-le d’abord
error-duplicate-client = un client nommé « { $name } » existe déjà
error-client-running = le chrono de { $name } tourne ; arrêtez-le avant d’archiver ce client
error-overlap = cette séance chevauche la séance { $number } ({ $client }, { $start }–{ $end }) ; changez les heures ou modifiez cette séance
error-overlap-running-end = maintenant (en cours)
error-nothing-running = aucun chrono ne tourne
error-already-running = un autre chrono tourne déjà ; arrêtez-le d’abord
error-another-timer-running = un autre chrono tourne ; arrêtez-le avant de restaurer celui-ci
error-no-session-number = aucune séance numéro { $number }
error-no-session-id = aucune séance avec l’identifiant { $handle }
error-ambiguous-session = le début d’identifiant { $handle } correspond à plusieurs séances ; donnez plus de caractères ou le numéro
error-session-deleted = la séance { $number } est supprimée ; restaurez-la d’abord
error-session-already-deleted = la séance { $number } est déjà supprimée
error-session-not-deleted = la séance { $number } n’est pas supprimée
error-stop-before-start = le chrono a démarré le { $start } ; l’heure d’arrêt doit venir après
error-end-before-start = la fin ({ $end }) précède le début ({ $start })
error-zero-length = une séance ne peut pas durer zéro seconde : la fin est égale au début
error-too-long = cette séance durerait { $duration }, plus de 24 h ; vérifiez les dates
error-too-early = { $at } est antérieur à 1971 ; vérifiez la date (une horloge remise à zéro affiche 1970)
error-in-future = { $at } est dans le futur ; Gardefou n’enregistre que le temps déjà passé
error-local-time-gap = { $local } n’existe pas dans le fuseau { $zone } : on avance l’heure à ce moment-là. Donnez l’heure avec un décalage explicite, par exemple { $suggestion }
error-local-time-ambiguous = { $local } arrive deux fois dans le fuseau { $zone } : on recule l’heure à ce moment-là. Donnez l’heure avec un décalage explicite : { $earlier } ou { $later }
error-range-reversed = le premier jour ({ $from }) vient après le dernier ({ $to })
error-refused = Le chrono n’a pas démarré. Pour le démarrer quand même, donnez la raison de ce dépassement :
error-output-is-a-folder = { $path } est un dossier ; donnez un nom de fichier
error-cannot-write = impossible d’écrire { $path } : { $reason } ; rien n’a été écrit
error-sqlite = erreur de base de données : { $reason }
error-io = { $reason }
error-nothing-to-recover = le chrono de { $client } a été suivi jusqu’à maintenant : il n’y a rien à récupérer
error-away-outside-session = l’absence { $from }–{ $to } n’est pas comprise dans la séance { $number }, ou n’est pas terminée
error-away-already-answered = l’absence { $from }–{ $to } de la séance { $number } chevauche une absence déjà traitée

invalid-empty = { $field } ne peut pas être vide
invalid-name-empty = le nom d’un client ne peut pas être vide
invalid-name-too-long = le nom d’un client compte au plus { $max } caractères (celui-ci en a { $count })
invalid-note-too-long = une note compte au plus { $max } caractères (celle-ci en a { $count }) ; gardez les longs textes ailleurs
invalid-reason-too-long = la raison d’un dépassement compte au plus { $max } caractères (celle-ci en a { $count })
invalid-too-long = { $field } compte au plus { $max } caractères (celui-ci en a { $count })
invalid-name-control = le nom d’un client ne peut pas contenir de caractères de contrôle
invalid-time = « { $value } » n’est pas une heure ; écrivez AAAA-MM-JJ HH:MM, HH:MM (aujourd’hui), -10m (il y a 10 minutes) ou RFC 3339 avec un décalage
invalid-date = « { $value } » n’est pas une date ; écrivez-la AAAA-MM-JJ
invalid-duration = « { $value } » n’est pas une durée ; écrivez par exemple 90m, 10h ou 1h30m
invalid-rounding = « { $value } » n’est pas une règle d’arrondi ; écrivez par exemple 15m:up, 6m:nearest ou 30m:down (ou none)
invalid-colour = « { $value } » n’est pas une couleur ; écrivez-la #rrggbb
invalid-currency = « { $value } » n’est pas un code de devise ISO 4217 (par exemple EUR, USD, GBP, CHF)
invalid-time-zone = « { $value } » n’est pas un fuseau horaire IANA (par exemple Europe/Paris, America/New_York)
invalid-amount = « { $value } » n’est pas un montant en { $currency } ; écrivez par exemple { $example }
invalid-rate-negative = un tarif ne peut pas être négatif (« { $value } »)
invalid-too-many-decimals = { $digits ->
    [one] { $currency } a 1 décimale ; « { $value } » en a plus
   *[other] { $currency } a { $digits } décimales ; « { $value } » en a plus
}
invalid-tag = « { $value } » n’est pas une étiquette ; une étiquette est un seul mot (sans espace ni virgule), de { $max } caractères au plus
invalid-too-many-tags = une séance a au plus { $max } étiquettes
invalid-not-one-of = { $field } vaut { $choices }, pas « { $value } »
# Relie les deux derniers éléments d’une liste de choix : « monday ou sunday », « a, b ou c ».
list-or = { $first } ou { $last }
invalid-not-in-range = { $field } est un nombre de { $min } à { $max }, pas « { $value } »
invalid-streak-limit = weekend_streak_limit est un nombre de week-ends de { $min } à { $max }, pas « { $value } »
invalid-cap = un plafond hebdomadaire est compris entre 1 minute et 168 h (une semaine entière), pas { $value }
invalid-percentage = { $field } est un pourcentage de 1 à 100 (par exemple 80), pas « { $value } »
invalid-tag-list = { $field } est une liste d’étiquettes séparées par des virgules, comme meeting,rework (ou none), pas « { $value } »
invalid-unknown-setting = réglage inconnu « { $value } » ; réglages connus : { $known }
invalid-working-hours = « { $value } » n’est pas un horaire de travail : { $why }. Écrivez-le par exemple `mon-fri 09:00-12:30,13:30-18:00; sat off; sun off`
invalid-rest-day = « { $value } » n’est pas un jour ; écrivez les jours de repos comme sat,sun ou fri,sat (ou none)
invalid-no-working-day = au moins un jour de la semaine doit être travaillé
invalid-reason-needed = un dépassement demande une raison : dites en quelques mots pourquoi vous franchissez cette limite
invalid-session-handle = « { $value } » n’est ni un numéro ni un identifiant de séance

schedule-empty = il est vide
schedule-no-hours = « { $clause } » ne donne aucune heure (ni `off`)
schedule-not-a-day = « { $day } » n’est pas un jour
schedule-not-a-block = « { $block } » n’est pas une plage comme 09:00-18:00
schedule-not-a-time = « { $time } » n’est pas une heure comme 09:00
schedule-reversed = la plage « { $block } » se termine avant de commencer
schedule-overlapping = les plages { $first } et { $second } se chevauchent

database-no-home = impossible de trouver un dossier personnel pour la base de données
database-cannot-create-folder = impossible de créer { $path } : { $reason }
database-missing-folder = le dossier { $path } n’existe pas ; créez-le d’abord ou choisissez un autre emplacement pour la base
database-is-a-folder = { $path } est un dossier, pas un fichier de base de données
database-cannot-create = impossible de créer { $path } : { $reason }
database-not-sqlite = { $path } n’est pas une base Gardefou (ce n’est pas un fichier SQLite) ; il n’a pas été modifié
database-not-gardefou = { $path } est un fichier SQLite mais pas une base Gardefou ; il n’a pas été modifié
database-newer-schema = cette base a été écrite par une version plus récente de Gardefou (schéma { $found }, celle-ci connaît le { $known }) ; mettez Gardefou à jour
database-cannot-open = impossible d’ouvrir { $path } : { $reason }
database-no-wal = impossible de passer la base en mode WAL ({ $mode })
database-in-memory-no-reader = une base en mémoire ne peut pas être lue par une seconde connexion
database-stored-setting-invalid = le réglage enregistré { $key } n’est pas valable (« { $value } »)
database-unknown-alert-kind = la base contient un type d’alerte inconnu : « { $value } »
database-unknown-session-source = la base contient une origine de séance inconnue : « { $value } »
database-unknown-away-value = la base contient une cause ou une réponse d’absence inconnue : « { $value } »

# Veiller sur l’utilisateur : les questions sur un temps qui n’est peut-être pas du travail.

watch-recovery-question = Le chrono de { $client } a été vu pour la dernière fois le { $day } à { $time }, il y a { $duration } : l’arrêter à { $time }, le laisser tourner ou l’arrêter maintenant ?
watch-away-question = { $cause ->
    [sleep] L’ordinateur était en veille le { $day } de { $from } à { $to } ({ $duration }) pendant que le chrono de { $client } tournait : garder ce temps, l’écarter, l’attribuer à un autre client ou le marquer non facturable ?
    [stale] Personne ne suivait le chrono de { $client } le { $day } de { $from } à { $to } ({ $duration }) : garder ce temps, l’écarter, l’attribuer à un autre client ou le marquer non facturable ?
   *[idle] Vous étiez absent le { $day } de { $from } à { $to } ({ $duration }) pendant que le chrono de { $client } tournait : garder ce temps, l’écarter, l’attribuer à un autre client ou le marquer non facturable ?
}
watch-still-working = Vous travaillez toujours pour { $client } ?
watch-still-working-stop = Arrêter
watch-still-working-keep = Continuer

# Files Gardefou could not write, damaged databases, backups (#13).
write-disk-full = le disque est plein
write-read-only = le dossier est en lecture seule
write-denied = permission refusée
database-damaged = { $path } est une base Gardefou, mais elle est endommagée ({ $detail }) ; elle n’a pas été modifiée. Restaurez-en une sauvegarde
database-cut-short = { $path } est une base Gardefou, mais elle est endommagée (elle est tronquée : { $bytes } octets) ; elle n’a pas été modifiée. Restaurez-en une sauvegarde
backup-exists = { $path } existe déjà ; une sauvegarde ne remplace jamais un fichier
backup-no-database = il n’y a pas de base à sauvegarder à l’emplacement { $path }
backup-same-file = { $path } est la base elle-même, pas une sauvegarde
backup-would-replace = { $path } contient { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    } et { $sessions ->
        [one] 1 séance
       *[other] { $sessions } séances
    } ; la restauration les remplacerait (une copie serait gardée à côté)
backup-current-unreadable = la base actuelle est illisible ({ $problem }) ; la restauration la remplacerait (elle serait gardée à côté)
# Imports : chaque message nomme le fichier et la ligne ; rien n’a été écrit.
import-io = impossible de lire { $path } : { $reason }
import-nothing-csv = { $path } ne contient aucun export { $format } (aucun fichier .csv)
import-nothing-watson = { $path } ne contient aucune donnée Watson (aucun fichier nommé frames)
import-nothing-timewarrior = { $path } ne contient aucune donnée Timewarrior (aucun fichier data/AAAA-MM.data)
import-missing-column = { $file } : l’en-tête n’a pas de colonne « { $column } » ; s’agit-il bien d’un export { $format } ?
import-bad-date = { $file }, ligne { $line } : { $column } « { $value } » n’est pas une date
import-bad-time = { $file }, ligne { $line } : { $column } « { $value } » n’est pas une heure
import-bad-duration = { $file }, ligne { $line } : { $column } « { $value } » n’est pas une durée
import-bad-amount = { $file }, ligne { $line } : { $column } « { $value } » n’est pas un montant
import-bad-timestamp = { $file }, ligne { $line } : { $column } « { $value } » n’est pas un horodatage
import-bad-local-time = { $file }, ligne { $line } : { $column } « { $value } » n’existe pas dans ce fuseau (on avance l’heure à ce moment-là)
import-bad-currency = { $file }, ligne { $line } : { $column } « { $value } » n’est pas un code de devise
import-bad-flag = { $file }, ligne { $line } : { $column } « { $value } » n’est ni oui ni non
import-bad-syntax = { $file }, ligne { $line } : cette ligne est illisible
import-bad-encoding = { $file }, ligne { $line } : cette ligne n’est pas du texte UTF-8
import-end-before-start = { $file }, ligne { $line } : l’entrée se termine ({ $end }) avant de commencer ({ $start })
import-rejected = { $file }, ligne { $line } : { $reason }
import-overlap-stored = { $file }, ligne { $line } : l’entrée { $start } – { $end } chevauche la séance { $number } ({ $client }, commencée { $other }) ; rien n’a été importé
import-overlap-imported = { $file }, ligne { $line } : l’entrée { $start } – { $end } chevauche l’entrée de la ligne { $other_line } de { $other_file } ; rien n’a été importé
