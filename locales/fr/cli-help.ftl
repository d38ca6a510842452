# Les pages `gardefou --help` : un message par commande, argument et valeur,
# nommé d’après son chemin (src/cli/help.rs). Commandes et options restent en
# anglais (c’est ce que l’on tape) ; les mots entre chevrons sont traduits.

## Ce que toutes les pages partagent

cli-help-heading-usage = Utilisation :
cli-help-heading-arguments = Arguments{"\u00A0"}
cli-help-heading-options = Options{"\u00A0"}
cli-help-heading-commands = Commandes{"\u00A0"}
cli-help-flag-help = Afficher l’aide
cli-help-flag-help-short = Afficher l’aide (plus de détails avec « --help »)
cli-help-flag-help-long = Afficher l’aide (un résumé avec « -h »)
cli-help-flag-version = Afficher la version
cli-help-help-command = Afficher ce message, ou l’aide des sous-commandes indiquées
cli-help-default = [par défaut : { $value }]
cli-help-possible-values = [valeurs possibles : { $values }]
cli-help-possible-values-heading = Valeurs possibles :

## Les mots entre chevrons (`--from <DÉBUT>`)

cli-help-value-answer = RÉPONSE
cli-help-value-at = HEURE
cli-help-value-by = PAR
cli-help-value-cap = PLAFOND
cli-help-value-choice = CHOIX
cli-help-value-client = CLIENT
cli-help-value-color = COULEUR
cli-help-value-command = COMMANDE
cli-help-value-currency = DEVISE
cli-help-value-date = DATE
cli-help-value-file = FICHIER
cli-help-value-file-or-dir = FICHIER_OU_DOSSIER
cli-help-value-format = FORMAT
cli-help-value-from = DÉBUT
cli-help-value-id = SÉANCE
cli-help-value-key = RÉGLAGE
cli-help-value-name = NOM
cli-help-value-note = NOTE
cli-help-value-path = CHEMIN
cli-help-value-planned = DURÉE
cli-help-value-prefix = PRÉFIXE
cli-help-value-rate = TAUX
cli-help-value-reason = RAISON
cli-help-value-rename = NOM
cli-help-value-round = ARRONDI
cli-help-value-rule = RÈGLE
cli-help-value-tags = ÉTIQUETTE
cli-help-value-text = TEXTE
cli-help-value-to = FIN
cli-help-value-tz = FUSEAU
cli-help-value-value = VALEUR
cli-help-value-week = SEMAINE

## gardefou

cli-help = Le suivi du temps des indépendants qui protège leurs limites
cli-help--db = Fichier de la base (par défaut : le dossier de données du système ; aussi GARDEFOU_DB)
cli-help--json = Écrire du JSON pour les programmes sur la sortie standard (secondes et centimes)

## gardefou client

cli-help-client = Ajouter, lister, modifier ou archiver des clients
cli-help-client-add = Ajouter un client
cli-help-client-add--name = Le nom du client (unique, majuscules ou minuscules indifférentes)
cli-help-client-add--rate = Taux horaire, par exemple 45.50
cli-help-client-add--currency = Devise ISO 4217 (par défaut : le réglage `currency`)
cli-help-client-add--cap = Plafond hebdomadaire pour ce client, par exemple 10h
cli-help-client-add--round = Arrondi dans les exports, par exemple 15m:up (ou none)
cli-help-client-add--color = Couleur, #rrggbb
cli-help-client-list = Lister les clients (archivés compris)
cli-help-client-edit = Modifier un client
cli-help-client-edit--name = Le client à modifier (majuscules ou minuscules indifférentes)
cli-help-client-edit--rename = Nouveau nom
cli-help-client-edit--rate = Nouveau taux horaire, par exemple 45.50
cli-help-client-edit--currency = Nouvelle devise ISO 4217
cli-help-client-edit--cap = Plafond hebdomadaire, ou none
cli-help-client-edit--round = Règle d’arrondi, ou none
cli-help-client-edit--color = Nouvelle couleur, #rrggbb
cli-help-client-archive = Archiver un client : son historique est gardé, il ne peut plus être démarré
cli-help-client-archive--name = Le client à archiver (majuscules ou minuscules indifférentes)
cli-help-client-unarchive = Ramener un client archivé
cli-help-client-unarchive--name = Le client à ramener (majuscules ou minuscules indifférentes)

## gardefou start, stop, status, recover

cli-help-start = Démarrer un chrono pour un client (arrête celui qui tourne)
cli-help-start--client = Le nom du client (majuscules ou minuscules indifférentes)
cli-help-start--note = Texte libre ; il peut commencer par un tiret (`--note "-2h binôme"`)
cli-help-start--tags = Une étiquette (répétable), par exemple --tag meeting
cli-help-start--non-billable = Non facturé au client (compte quand même dans vos plafonds)
cli-help-start--planned = Durée prévue (un appel), par exemple 15m
cli-help-start--at = L’heure où le travail a commencé (par défaut : maintenant)
cli-help-start--override-reason = Franchir une limite volontairement, en disant pourquoi
cli-help-stop = Arrêter le chrono qui tourne
cli-help-stop--at = L’heure où le travail s’est terminé (par défaut : maintenant)
cli-help-status = Afficher le chrono qui tourne
cli-help-recover = Répondre à la question d’un chrono que personne n’a surveillé (un plantage, une coupure de courant)
cli-help-recover--answer = Arrêter à la dernière heure vue, le laisser tourner, ou l’arrêter maintenant

## gardefou add, log, edit, rm, restore-session

cli-help-add = Enregistrer une séance passée
cli-help-add--client = Le nom du client (majuscules ou minuscules indifférentes)
cli-help-add--from = Début : AAAA-MM-JJ HH:MM, HH:MM (aujourd’hui), -2h (il y a 2 h) ou RFC 3339
cli-help-add--to = Fin, sous les mêmes formes
cli-help-add--note = Texte libre ; il peut commencer par un tiret (`--note "-2h binôme"`)
cli-help-add--tags = Une étiquette (répétable), par exemple --tag meeting
cli-help-add--non-billable = Non facturé au client (compte quand même dans vos plafonds)
cli-help-add--allow-long = Accepter une séance de plus de 24 h
cli-help-log = Lister les séances (par défaut : cette semaine)
cli-help-log--from = Premier jour (AAAA-MM-JJ), inclus ; par défaut : cette semaine
cli-help-log--to = Dernier jour (AAAA-MM-JJ), inclus
cli-help-log--client = Seulement ce client
cli-help-edit = Modifier une séance (par son numéro ou son identifiant)
cli-help-edit--id = Numéro de la séance (tel que `log` l’affiche) ou début de son identifiant
cli-help-edit--client = Passer la séance à ce client (elle prend son taux actuel)
cli-help-edit--from = Nouveau début (HEURE)
cli-help-edit--to = Nouvelle fin (HEURE)
cli-help-edit--note = Texte libre ; il peut commencer par un tiret (`--note "-2h binôme"`)
cli-help-edit--tags = Remplace les étiquettes (répétable)
cli-help-edit--non-billable = La marquer non facturée
cli-help-edit--billable = La marquer facturée
cli-help-edit--allow-long = Accepter une séance de plus de 24 h
cli-help-rm = Supprimer une séance (elle peut être restaurée)
cli-help-rm--id = Numéro de la séance (tel que `log` l’affiche) ou début de son identifiant
cli-help-restore-session = Restaurer une séance supprimée
cli-help-restore-session--id = Numéro de la séance (tel que `log` l’affiche) ou début de son identifiant

## gardefou settings

cli-help-settings = Afficher ou modifier les réglages
cli-help-settings-show = Afficher tous les réglages
cli-help-settings-set = Modifier un réglage, par exemple `settings set timezone Europe/Paris`
cli-help-settings-set--key = Le réglage à modifier (voir la liste ci-dessous)
cli-help-settings-set--value = Sa nouvelle valeur

## gardefou check, watch, overrides

cli-help-check = Vérifier les limites maintenant ; afficher les nouvelles alertes
cli-help-watch = Surveiller les limites en continu et envoyer des notifications du bureau
cli-help-overrides = Les limites franchies volontairement, avec leurs raisons
cli-help-overrides--week = Une date de la semaine à afficher (par défaut : cette semaine)

## gardefou report, export

cli-help-report = Le bilan de la semaine, ou les totaux par client
cli-help-report-week = Le bilan de la semaine : clients × jours, plafonds, limites, santé des clients
cli-help-report-week--date = Une date de la semaine (AAAA-MM-JJ) ; par défaut : aujourd’hui
cli-help-report-totals = Les totaux par client entre deux dates (tout l’historique par défaut)
cli-help-report-totals--from = Premier jour (AAAA-MM-JJ), inclus ; par défaut : tout l’historique
cli-help-report-totals--to = Dernier jour (AAAA-MM-JJ), inclus ; par défaut : aujourd’hui
cli-help-export = Exporter les séances pour facturer
cli-help-export-csv = Les séances en CSV pour facturer (RFC 4180, UTF-8), une ligne par séance
cli-help-export-csv--from = Première date (AAAA-MM-JJ), incluse
cli-help-export-csv--to = Dernière date (AAAA-MM-JJ), incluse
cli-help-export-csv--clients = Seulement ces clients (répétable)
cli-help-export-csv--round = Arrondi de chaque séance : 6m:up, 15m:nearest, 30m:down ou none (par défaut : la règle du client, sinon le réglage `rounding`)
cli-help-export-csv--excel = Pour les tableurs européens : BOM UTF-8, séparateur `;`, virgule décimale
cli-help-export-csv--by = Une ligne par client (lignes de facture) au lieu d’une par séance
cli-help-export-csv--by--client = Une ligne de facture par client et par taux
cli-help-export-csv--out = Écrire dans FICHIER (d’un seul coup) plutôt que sur la sortie standard

## gardefou decisions, decide

cli-help-decisions = Ce que le bilan de la semaine a décidé, par client
cli-help-decisions--client = Seulement les décisions de ce client
cli-help-decide = Répondre à la question de la semaine sur un client : continuer, renégocier, augmenter le taux ou arrêter
cli-help-decide--client = Le client concerné
cli-help-decide--choice = keep, renegotiate, raise-rate, end ou skip
cli-help-decide--choice--keep = Continuer comme aujourd’hui
cli-help-decide--choice--renegotiate = Renégocier le périmètre, les heures ou les appels
cli-help-decide--choice--raise-rate = Augmenter le taux (avec --rate)
cli-help-decide--choice--end = Arrêter la collaboration, maintenant ou après --notice-until
cli-help-decide--choice--skip = Ne pas décider ; la question n’est plus posée pour cette semaine
cli-help-decide--week = Une date de la semaine concernée (par défaut : la semaine qui vient de se terminer)
cli-help-decide--note = Texte libre gardé avec la décision
cli-help-decide--rate = raise-rate : le nouveau taux horaire, par exemple 55.00
cli-help-decide--notice-until = end : le dernier jour du préavis (jusque-là, le client peut encore être démarré)

## gardefou backup, restore, import, rebuild-totals

cli-help-backup = Écrire une copie cohérente de la base dans FICHIER, ou lister les sauvegardes automatiques
cli-help-backup--file = Le nouveau fichier où écrire la copie (ne remplace jamais un fichier)
cli-help-backup--list = Lister les sauvegardes automatiques gardées à côté de la base
cli-help-restore = Remettre une sauvegarde en place (vérifiée d’abord ; la base remplacée est gardée)
cli-help-restore--file = La sauvegarde à remettre en place
cli-help-restore--force = Remplacer une base qui contient des données (elle est gardée à côté)
cli-help-import = Importer l’historique de Toggl, Clockify, Watson ou Timewarrior
cli-help-import--format = L’outil d’où viennent les données
cli-help-import--format--toggl = L’export CSV détaillé de Toggl Track
cli-help-import--format--clockify = L’export CSV détaillé de Clockify
cli-help-import--format--watson = Le fichier `frames` de Watson (ou son dossier de données)
cli-help-import--format--timewarrior = Un dossier de données Timewarrior (`data/YYYY-MM.data`)
cli-help-import--path = Le fichier exporté, ou un dossier qui en contient (un dossier de données Timewarrior ou Watson)
cli-help-import--dry-run = Montrer ce qui serait importé, sans rien écrire
cli-help-import--timezone = Le fuseau des heures écrites sans décalage (par défaut : le réglage `timezone`)
cli-help-import--client-from = La colonne qui nomme le client dans les exports CSV
cli-help-import--client-from--client = La colonne Client (le projet quand elle est vide)
cli-help-import--client-from--project = La colonne Project (le client quand elle est vide)
cli-help-import--client-tag = Timewarrior : l’étiquette qui commence par ce préfixe nomme le client (`--client-tag client:` lit `client:Acme`) ; par défaut : la première étiquette
cli-help-import--on-overlap = Que faire des entrées qui chevauchent une séance
cli-help-import--on-overlap--skip = Laisser de côté les entrées qui chevauchent, et les lister
cli-help-import--on-overlap--stop = Ne rien importer (par défaut)
cli-help-rebuild-totals = Recompter à partir des séances les chiffres par jour gardés pour les rapports (ils sont tenus à jour tout seuls ; pour une base modifiée à la main)

## Erreurs d’utilisation (code 2) : ce que clap a trouvé d’anormal dans la ligne de commande

cli-usage-more = Pour en savoir plus, essayez « { $flag } ».
cli-usage-unreadable = la ligne de commande n’a pas pu être lue
cli-usage-repeated = l’argument « { $arg } » ne peut être donné qu’une fois
cli-usage-conflict = l’argument « { $arg } » ne peut pas être utilisé avec « { $others } »
cli-usage-conflict-any = l’argument « { $arg } » ne peut pas être utilisé avec un ou plusieurs des autres arguments donnés
cli-usage-no-equals = un signe égal est nécessaire pour donner une valeur à « { $arg } »
cli-usage-missing-value = « { $arg } » attend une valeur, et aucune n’a été donnée
cli-usage-invalid-value = valeur « { $value } » invalide pour « { $arg } »
cli-usage-value-validation = valeur « { $value } » invalide pour « { $arg } » : { $reason }
cli-usage-unknown-subcommand = sous-commande « { $name } » inconnue
cli-usage-missing-arguments = ces arguments obligatoires manquent :
cli-usage-missing-subcommand = « { $name } » attend une sous-commande, et aucune n’a été donnée
cli-usage-subcommands = [sous-commandes : { $values }]
cli-usage-too-many-values = valeur « { $value } » inattendue pour « { $arg } » ; il n’en fallait pas plus
cli-usage-number-of-values = « { $arg } » attend { $expected } valeurs, mais { $count ->
    [one] 1 seule a été donnée
   *[other] { $count } ont été données
}
cli-usage-unknown-argument = argument « { $arg } » inattendu
cli-usage-invalid-utf8 = un ou plusieurs arguments ne sont pas en UTF-8 valide
cli-usage-similar-subcommand = { $count ->
    [one] astuce : une sous-commande proche existe : « { $names } »
   *[other] astuce : des sous-commandes proches existent : « { $names } »
}
cli-usage-similar-argument = { $count ->
    [one] astuce : un argument proche existe : « { $names } »
   *[other] astuce : des arguments proches existent : « { $names } »
}
cli-usage-similar-value = { $count ->
    [one] astuce : une valeur proche existe : « { $names } »
   *[other] astuce : des valeurs proches existent : « { $names } »
}
cli-usage-tip-double-dash = astuce : pour passer « { $arg } » comme valeur, écrivez « { $command } »
cli-usage-tip-remove-dashes = astuce : la sous-commande « { $name } » existe ; pour l’utiliser, retirez le « -- » qui la précède
cli-usage-tip-exists = astuce : « { $command } » existe

cli-help-log--deleted = Seulement les séances supprimées (pour en restaurer une avec `restore-session`)
