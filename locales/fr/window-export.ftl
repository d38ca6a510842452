# La fenêtre d'export (ui/src/views/export_dialog.tsx). Mêmes identifiants et variables que en/window-export.ftl.

sessions-export = Exporter pour facturer…
export-heading = Exporter pour facturer
export-range = Période
export-range-this_week = Cette semaine
export-range-last_week = La semaine dernière
export-range-this_month = Ce mois-ci
export-range-last_month = Le mois dernier
export-range-custom = Dates de votre choix
export-from = Du
export-to = Au (inclus)
export-date-placeholder = AAAA-MM-JJ
export-dates-hint = Dates au format année-mois-jour (2026-11-30) ; les deux jours sont inclus.
export-clients = Clients
export-clients-hint = Aucun coché : tous les clients.
export-client-archived = { $name } (archivé)
export-rounding = Arrondi
export-rounding-default = La règle de chaque client (sinon { $rule })
export-rounding-none = Sans arrondi
export-rounding-6m-up = Aux 6 minutes supérieures
export-rounding-15m-up = Au quart d’heure supérieur
export-rounding-30m-up = À la demi-heure supérieure
export-rounding-15m-nearest = Au quart d’heure le plus proche
export-rounding-15m-down = Au quart d’heure inférieur
export-layout = Lignes
export-layout-session = Une ligne par séance
export-layout-client = Une ligne par client (lignes de facture)
export-excel = Pour Excel (points-virgules, virgule décimale)
export-save = Enregistrer sous…
export-close = Fermer
export-done-where = Enregistré dans { $path }
export-done-what = { $rows ->
    [one] 1 ligne, { $hours }.
   *[other] { $rows } lignes, { $hours }.
}
export-done-amounts = Montant : { $amounts }
export-done-no-amount = Aucun montant facturable sur cette période.
