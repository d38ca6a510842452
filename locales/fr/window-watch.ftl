# Les questions de la veille (views/watch.tsx) : la question elle-même vient
# du cœur (core.ftl, watch-*), ici les titres et les boutons.

watch-recovery-title = Le chrono a tourné sans surveillance
watch-recovery-last-seen = Arrêter à { $time }
watch-recovery-keep = Le laisser tourner
watch-recovery-now = Arrêter maintenant

watch-away-title-idle = Vous étiez absent
watch-away-title-sleep = L’ordinateur était en veille
watch-away-title-stale = Personne ne suivait le chrono
watch-away-keep = Garder ce temps
watch-away-non-billable = Le marquer non facturable
watch-away-discard-legend = Pas du travail : la séance s’arrête à { $from }
watch-away-restart = Relancer le chrono de { $client } à partir de votre retour
watch-away-discard = Écarter ce temps
watch-away-reassign-legend = Du travail pour un autre client
watch-away-reassign-client = Client
watch-away-reassign = L’attribuer à ce client

watch-still-title = Toujours au travail ?
watch-still-stop = Arrêter le chrono
watch-still-keep = Continuer

watch-idle-unavailable = Ici, Gardefou ne peut pas savoir quand vous vous éloignez du clavier : il ne posera pas de question sur les absences. Il en pose toujours après une mise en veille.
watch-dismiss = Fermer
