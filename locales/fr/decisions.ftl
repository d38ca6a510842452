## Le bilan de la semaine : les décisions sur les clients (cœur et ligne de commande).

# Une décision récente à côté des chiffres de la semaine. $choice : keep,
# renegotiate, raise_rate ou end_engagement ; $date comme « ven. 27 nov. ».
decision-recent-cap = Le { $date }, vous avez choisi { $choice ->
        [keep] de garder { $client } tel quel
        [renegotiate] de renégocier avec { $client }
        [raise_rate] d’augmenter le tarif de { $client }
       *[end_engagement] de mettre fin à la mission avec { $client }
    } : { $tracked } cette semaine pour un plafond de { $cap }.
decision-recent = Le { $date }, vous avez choisi { $choice ->
        [keep] de garder { $client } tel quel
        [renegotiate] de renégocier avec { $client }
        [raise_rate] d’augmenter le tarif de { $client }
       *[end_engagement] de mettre fin à la mission avec { $client }
    } : { $tracked } cette semaine.
decision-notice-days-left = { $days ->
        [0] Dernier jour avec { $client } : la mission se termine ce soir ({ $until }).
        [one] Vous pouvez encore démarrer { $client } pendant 1 jour ; la mission se termine le { $until }.
       *[other] Vous pouvez encore démarrer { $client } pendant { $days } jours ; la mission se termine le { $until }.
    }

## Refus.
error-decision-exists = Vous avez déjà répondu pour { $client } pour la semaine du { $week } ({ $choice ->
        [keep] garder tel quel
        [renegotiate] renégocier
        [raise_rate] augmenter le tarif
        [end_engagement] mettre fin à la mission
       *[skip] question passée
    }) ; une seule décision par client et par semaine
invalid-rate-needed = pour augmenter le tarif, indiquez le nouveau tarif
invalid-not-for-choice = { $field } ne va pas avec { $choice ->
        [keep] « garder tel quel »
        [renegotiate] « renégocier »
        [raise_rate] « augmenter le tarif »
        [end_engagement] « mettre fin à la mission »
       *[skip] une question passée
    }
invalid-notice-not-after-today = un préavis se termine après aujourd’hui, pas le { $value } ; pour mettre fin à la mission aujourd’hui, ne donnez pas de date de préavis

## La ligne de commande : `gardefou decisions` et `gardefou decide`.
cli-col-week = SEMAINE
cli-col-decision = DÉCISION
cli-col-details = DÉTAILS
cli-no-decisions = Aucune décision enregistrée pour l’instant.
cli-no-decisions-for = Aucune décision enregistrée pour { $client } pour l’instant.
cli-decision-choice = { $choice ->
        [keep] garder tel quel
        [renegotiate] renégocier
        [raise_rate] augmenter le tarif
        [end_engagement] mettre fin à la mission
       *[skip] question passée
    }
cli-decision-new-rate = nouveau tarif { $rate }
cli-decision-notice = préavis jusqu’au { $until }
cli-decided = Semaine du { $week } : vous avez choisi { $choice ->
        [keep] de garder { $client } tel quel
       *[renegotiate] de renégocier avec { $client }
    }.
cli-decided-rate = Semaine du { $week } : le tarif horaire passe à { $rate } pour { $client }. Les séances suivies à partir de maintenant l’utilisent ; les séances passées gardent le leur.
cli-decided-end-now = Semaine du { $week } : la mission avec { $client } se termine maintenant ; { $client } est archivé et son historique reste.
cli-decided-end-notice = Semaine du { $week } : la mission avec { $client } se termine le { $until } ; d’ici là, vous pouvez encore démarrer { $client } ({ $days ->
        [one] encore 1 jour
       *[other] encore { $days } jours
    }).
cli-decided-skip = Semaine du { $week } : question passée ; elle ne vous sera plus posée pour { $client } cette semaine-là.
cli-decided-frees = Cela libère environ { $duration } par semaine (la moyenne des 4 dernières semaines).
