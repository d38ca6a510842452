# Ce qu’affiche la commande `gardefou`. Les commandes et options restent en anglais
# (c’est ce que l’on tape) ; les mots autour sont traduits.

cli-replaced = Le chrono de { $client } démarré à la même seconde a été remplacé.
cli-stopped-at = { $client } arrêté à { $at } après { $duration }.
cli-started = { $client } démarré à { $at }.
cli-long-session = attention : cette séance a duré { $duration }. Si le chrono a été oublié, corrigez la fin avec `gardefou edit { $number } --to HEURE`.
cli-running-since = { $client } en cours depuis { $since } ({ $duration }).
cli-no-timer = Aucun chrono ne tourne.
cli-recovered-kept = Le chrono de { $client } continue ; le temps depuis { $since } ({ $duration }) est conservé.
cli-recovered-nothing-left = Le chrono de { $client } n’a jamais été vu après son démarrage : la séance est supprimée (elle peut être restaurée).

cli-session-stopped = { $running ->
    [yes] Séance { $number } arrêtée : { $client }, en cours depuis { $since }.
   *[no] Séance { $number } arrêtée : { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-added = { $running ->
    [yes] Séance { $number } ajoutée : { $client }, en cours depuis { $since }.
   *[no] Séance { $number } ajoutée : { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-updated = { $running ->
    [yes] Séance { $number } modifiée : { $client }, en cours depuis { $since }.
   *[no] Séance { $number } modifiée : { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-deleted = { $running ->
    [yes] Séance { $number } supprimée : { $client }, en cours depuis { $since }.
   *[no] Séance { $number } supprimée : { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-session-restored = { $running ->
    [yes] Séance { $number } restaurée : { $client }, en cours depuis { $since }.
   *[no] Séance { $number } restaurée : { $client }, { $date } { $start }–{ $end } ({ $duration }).
}
cli-restore-hint = (pour la restaurer : `gardefou restore-session { $number }` ; `gardefou log --deleted` liste les séances supprimées)
cli-no-sessions = Aucune séance sur cette période.
cli-no-deleted-sessions = Aucune séance supprimée sur cette période.
cli-col-number = N°
cli-col-date = DATE
cli-col-start = DÉBUT
cli-col-end = FIN
cli-col-time = DURÉE
cli-col-client = CLIENT
cli-col-note = NOTE
cli-col-rate = TARIF
cli-col-cap = PLAFOND
cli-col-round = ARRONDI
cli-col-color = COULEUR
cli-col-setting = RÉGLAGE
cli-col-value = VALEUR
cli-col-about = À QUOI IL SERT
cli-col-when = QUAND
cli-col-boundaries = LIMITES
cli-col-reason = RAISON
cli-end-running = en cours
cli-end-days-later = { $end } (+{ $days } j)
cli-non-billable = (non facturable)
cli-log-total = { $count ->
    [one] Total : { $duration } en 1 séance.
   *[other] Total : { $duration } en { $count } séances.
}
cli-log-deleted-total = { $count ->
    [one] 1 séance supprimée ({ $duration }). Pour la restaurer : `gardefou restore-session NUMÉRO`.
   *[other] { $count } séances supprimées ({ $duration }). Pour en restaurer une : `gardefou restore-session NUMÉRO`.
}

cli-no-clients = Aucun client pour l’instant. Ajoutez-en un avec `gardefou client add NOM --rate 45.50`.
cli-cap-per-week = { $duration }/semaine
cli-archived = archivé
cli-client-added = { $has_cap ->
    [yes] Client { $name } ajouté ({ $rate }/h, plafond de { $cap } par semaine).
   *[no] Client { $name } ajouté ({ $rate }/h).
}
cli-client-updated = { $has_cap ->
    [yes] Client { $name } modifié ({ $rate }/h, plafond de { $cap } par semaine).
   *[no] Client { $name } modifié ({ $rate }/h).
}
cli-client-archived = { $has_cap ->
    [yes] Client { $name } archivé ({ $rate }/h, plafond de { $cap } par semaine).
   *[no] Client { $name } archivé ({ $rate }/h).
}
cli-client-unarchived = { $has_cap ->
    [yes] Client { $name } désarchivé ({ $rate }/h, plafond de { $cap } par semaine).
   *[no] Client { $name } désarchivé ({ $rate }/h).
}

cli-no-boundary-crossed = Aucune limite n’est franchie en ce moment.
cli-no-new-alert = Pas de nouvelle alerte. Franchi en ce moment :
cli-no-overrides = Aucune limite franchie volontairement la semaine du { $date }.

cli-watch-start = Gardefou veille sur vos limites (toutes les 30 s). Ctrl+C pour arrêter.
cli-watch-unavailable = gardefou : les notifications ne peuvent pas s’afficher : { $reason }. Les alertes restent enregistrées (voir `gardefou check`) ; la veille continue.
cli-watch-stopped = Veille arrêtée.

cli-export-written = { $rows ->
    [one] 1 ligne écrite dans { $path } : { $hours } arrondies, { $amounts }.
   *[other] { $rows } lignes écrites dans { $path } : { $hours } arrondies, { $amounts }.
}

cli-bad-now = { $variable }=« { $value } » n’est pas un instant RFC 3339

cli-hint-override = gardefou start "{ $client }" --override "RAISON"
cli-hint-unarchive = gardefou client unarchive "{ $name }"
cli-hint-add-client = gardefou client add "{ $name }"
cli-hint-drop = gardefou rm { $number }
cli-hint-restore = gardefou restore-session { $number }
cli-hint-allow-long = ajoutez --allow-long si c’est juste
cli-hint-db = choisissez un autre fichier avec --db CHEMIN
cli-hint-recover = gardefou recover last-seen | keep | now

# backup, restore (#13)
cli-backup-done = Sauvegardé dans { $path } : { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 séance
       *[other] { $sessions } séances
    }, dernière séance le { $last }.
cli-backup-done-empty = Sauvegardé dans { $path } : { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 séance
       *[other] { $sessions } séances
    }, aucune séance encore.
cli-restore-done = { $path } restauré : { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 séance
       *[other] { $sessions } séances
    }, dernière séance le { $last }.
cli-restore-done-empty = { $path } restauré : { $clients ->
        [one] 1 client
       *[other] { $clients } clients
    }, { $sessions ->
        [one] 1 séance
       *[other] { $sessions } séances
    }, aucune séance encore.
cli-restore-replaced = La base remplacée est gardée dans { $path }.
cli-backup-none = Aucune sauvegarde encore dans { $folder } (une est faite avant la première modification de chaque jour).
cli-backup-restore-with = Pour en remettre une : gardefou restore FICHIER
cli-backup-col-backup = SAUVEGARDE
cli-backup-col-size = TAILLE
cli-backup-col-file = FICHIER
cli-backup-kind-daily = du { $date }
cli-backup-kind-before-migration = avant un changement de schéma
cli-backup-kind-replaced = remplacée par une restauration
cli-backup-kind-other = autre
cli-backup-size = { $kb } ko
cli-hint-restore-backup = les sauvegardes automatiques sont listées par `gardefou backup --list` ; remettez-en une avec `gardefou restore FICHIER --force`
cli-hint-force = ajoutez --force pour la remplacer ; la base remplacée est gardée à côté
cli-warning-backup = attention : la sauvegarde automatique du jour n’a pas été écrite : { $reason }
cli-hint-other-backup = choisissez une autre sauvegarde : `gardefou backup --list`
# gardefou import
cli-import-progress = import
cli-import-done = { $sessions ->
    [one] 1 séance importée, du { $from } au { $to }, { $hours }.
   *[other] { $sessions } séances importées, du { $from } au { $to }, { $hours }.
}
cli-import-nothing = Rien de nouveau à importer.
cli-import-dry-run = { $sessions ->
    [one] Simulation, rien n’a été écrit : 1 séance serait importée, du { $from } au { $to }, { $hours }.
   *[other] Simulation, rien n’a été écrit : { $sessions } séances seraient importées, du { $from } au { $to }, { $hours }.
}
cli-import-dry-run-nothing = Simulation, rien n’a été écrit : rien de nouveau ne serait importé.
cli-import-client = { $sessions ->
    [one] { $name } : 1 séance, { $hours }
   *[other] { $name } : { $sessions } séances, { $hours }
}
cli-import-client-new = { $sessions ->
    [one] { $name } (nouveau client) : 1 séance, { $hours }
   *[other] { $name } (nouveau client) : { $sessions } séances, { $hours }
}
cli-import-client-new-rate = { $sessions ->
    [one] { $name } (nouveau client, { $rate }/h) : 1 séance, { $hours }
   *[other] { $name } (nouveau client, { $rate }/h) : { $sessions } séances, { $hours }
}
cli-import-already = { $count ->
    [one] 1 entrée avait déjà été importée : elle n’est pas ajoutée une seconde fois.
   *[other] { $count } entrées avaient déjà été importées : elles ne sont pas ajoutées une seconde fois.
}
cli-import-left-out = { $count ->
    [one] 1 entrée laissée de côté :
   *[other] { $count } entrées laissées de côté :
}
cli-import-skip-zero = { $file }, ligne { $line } : { $client } { $start }, durée nulle
cli-import-skip-running = { $file }, ligne { $line } : { $client } { $start }, toujours en cours ; arrêtez-la là-bas puis exportez de nouveau
cli-import-skip-overlap-stored = { $file }, ligne { $line } : { $client } { $start }, chevauche la séance { $number } ({ $other }, { $other_start })
cli-import-skip-overlap-imported = { $file }, ligne { $line } : { $client } { $start }, chevauche l’entrée de la ligne { $other_line }
cli-import-would-stop = Avec des chevauchements, l’import s’arrête sans rien écrire ; ajoutez --on-overlap skip pour importer le reste.
cli-hint-import-skip = ajoutez --on-overlap skip pour importer le reste et lister les chevauchements
cli-rebuild-totals = Chiffres par client et par semaine recalculés à partir des séances ({ $rows } lignes).
