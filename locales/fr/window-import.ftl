# L'assistant d'import (ui/src/views/import_wizard.tsx). Mêmes identifiants et variables que en/window-import.ftl.

welcome-import = Vous venez de Toggl, Clockify, Watson ou Timewarrior ? Vous pourrez importer votre historique depuis les réglages.
settings-import = Importer depuis un autre outil…
settings-import-hint = Reprenez votre historique de Toggl, Clockify, Watson ou Timewarrior.
import-heading = Importer depuis un autre outil
import-intro = D’abord un aperçu de ce qui serait importé ; rien n’est écrit avant votre confirmation. Importer de nouveau le même fichier n’ajoute rien.
import-format = Outil
import-format-toggl = Toggl Track (export CSV détaillé)
import-format-clockify = Clockify (export CSV détaillé)
import-format-watson = Watson (son fichier frames)
import-format-timewarrior = Timewarrior (son dossier de données)
import-file = Fichier
import-folder = Dossier
import-choose = Choisir…
import-path-hint-toggl = Le fichier CSV de Reports › Detailed › Export.
import-path-hint-clockify = Le fichier CSV de Reports › Detailed › Export.
import-path-hint-watson = Le fichier nommé frames, dans le dossier de Watson (souvent ~/.config/watson).
import-path-hint-timewarrior = Le dossier de Timewarrior (souvent ~/.timewarrior), qui contient data.
import-client-from = Client d’après
import-client-from-client = La colonne Client (sinon le projet)
import-client-from-project = La colonne Project (sinon le client)
import-client-tag = Étiquette du client
import-client-tag-hint = L’étiquette qui commence ainsi nomme le client (client:Acme) ; vide : la première étiquette.
import-timezone = Fuseau horaire des heures
import-timezone-hint = Vide : votre fuseau. Sert seulement aux heures écrites sans décalage.
import-on-overlap = Si une entrée chevauche une séance
import-on-overlap-stop = Ne rien importer
import-on-overlap-skip = La laisser de côté et importer le reste
import-preview = Aperçu
import-close = Fermer
import-back = Retour
import-preview-heading = Ce qui serait importé
import-preview-total = { $sessions ->
    [one] 1 séance du { $from } au { $to }, { $hours } en tout.
   *[other] { $sessions } séances du { $from } au { $to }, { $hours } en tout.
}
import-preview-nothing = Rien de nouveau à importer dans ce fichier.
import-done-total = { $sessions ->
    [one] 1 séance importée, du { $from } au { $to }, { $hours } en tout.
   *[other] { $sessions } séances importées, du { $from } au { $to }, { $hours } en tout.
}
import-done-nothing = Rien n’a été importé : tout ce fichier était déjà là.
import-clients-preview = { $created ->
    [0] Clients (tous existent déjà)
    [one] Clients (1 à créer)
   *[other] Clients ({ $created } à créer)
}
import-clients-done = { $created ->
    [0] Clients
    [one] Clients (1 créé)
   *[other] Clients ({ $created } créés)
}
import-col-client = Client
import-col-sessions = Séances
import-col-hours = Heures
import-col-rate = Taux
import-client-new = nouveau
import-already = { $count ->
    [one] 1 entrée avait déjà été importée : elle n’est pas ajoutée de nouveau.
   *[other] { $count } entrées avaient déjà été importées : elles ne sont pas ajoutées de nouveau.
}
import-overlaps = { $count ->
    [one] 1 entrée chevauche une séance.
   *[other] { $count } entrées chevauchent une séance.
}
import-would-stop = Avec « Ne rien importer », ces chevauchements arrêtent l’import. Revenez en arrière pour les laisser de côté, ou corrigez-les d’abord.
import-skipped = { $count ->
    [one] 1 entrée laissée de côté
   *[other] { $count } entrées laissées de côté
}
import-skipped-zero = { $file }, ligne { $line } : { $client } à { $start } ne dure rien.
import-skipped-running = { $file }, ligne { $line } : { $client } à { $start } tourne encore là-bas ; arrêtez-le et exportez de nouveau.
import-skipped-overlap-stored = { $file }, ligne { $line } : { $client } à { $start } chevauche la séance { $number } ({ $other }, { $other_start }).
import-skipped-overlap-imported = { $file }, ligne { $line } : { $client } à { $start } chevauche la ligne { $other_line } du même import.
import-run = { $sessions ->
    [one] Importer 1 séance
   *[other] Importer { $sessions } séances
}
import-progress = Import en cours…
import-finish = Terminé
import-nothing-written = Rien n’a été importé : vos données sont telles qu’elles étaient.
