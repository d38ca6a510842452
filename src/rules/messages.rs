//! The sentences of alerts, reminders and refusals: calm, facts first, one
//! suggestion. Each is a whole sentence with named placeholders, so a
//! translation can reorder them (no sentence is assembled from fragments).

use crate::duration::format_human;
use crate::settings::Locale;

use super::AlertKind;

/// The facts a message may mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Facts {
    pub client: String,
    pub tracked_seconds: i64,
    pub cap_seconds: i64,
    pub percent: i64,
    pub elapsed_seconds: i64,
    pub planned_seconds: i64,
    pub weekends: usize,
    pub local_time: String,
}

/// Which sentence: the alert itself, a reminder while the cause persists, or
/// the reason a start is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Alert,
    Reminder,
    Refusal,
}

/// The notification title of a kind.
pub fn summary(kind: AlertKind, locale: Locale) -> &'static str {
    use AlertKind::*;
    match (locale, kind) {
        (Locale::En, WeeklyCapWarning) => "Approaching your weekly cap",
        (Locale::En, WeeklyCapReached) => "Weekly cap reached",
        (Locale::En, ClientCapWarning) => "Approaching a client's cap",
        (Locale::En, ClientCapReached) => "Client cap reached",
        (Locale::En, OffHours) => "Outside working hours",
        (Locale::En, WeekendStreak) => "Another worked weekend",
        (Locale::En, PlannedExceeded) => "Past the planned time",
        (Locale::Fr, WeeklyCapWarning) => "Plafond de la semaine bientôt atteint",
        (Locale::Fr, WeeklyCapReached) => "Plafond de la semaine atteint",
        (Locale::Fr, ClientCapWarning) => "Plafond d’un client bientôt atteint",
        (Locale::Fr, ClientCapReached) => "Plafond d’un client atteint",
        (Locale::Fr, OffHours) => "Hors des heures de travail",
        (Locale::Fr, WeekendStreak) => "Encore un week-end travaillé",
        (Locale::Fr, PlannedExceeded) => "Durée prévue dépassée",
    }
}

/// The sentence for `kind` in `form`, with the facts filled in.
pub fn message(kind: AlertKind, form: Form, locale: Locale, f: &Facts) -> String {
    let template = template(kind, form, locale);
    template
        .replace("{client}", &f.client)
        .replace("{tracked}", &format_human(f.tracked_seconds))
        .replace("{cap}", &format_human(f.cap_seconds))
        .replace("{percent}", &f.percent.to_string())
        .replace("{elapsed}", &format_human(f.elapsed_seconds))
        .replace("{planned}", &format_human(f.planned_seconds))
        .replace("{weekends}", &f.weekends.to_string())
        .replace("{time}", &f.local_time)
}

fn template(kind: AlertKind, form: Form, locale: Locale) -> &'static str {
    use AlertKind::*;
    use Form::*;
    match (locale, kind, form) {
        // ---- English ----
        (Locale::En, WeeklyCapWarning, _) => {
            "You have tracked {tracked} this week, {percent} % of your {cap} cap. Plan the rest of the week with what is left."
        }
        (Locale::En, WeeklyCapReached, Alert) => {
            "You reached your {cap} cap for the week — {tracked} tracked. Stop here, or give a reason to go on."
        }
        (Locale::En, WeeklyCapReached, Reminder) => {
            "The timer is still running past your {cap} cap for the week — {tracked} tracked. Stopping now keeps the rest of the week yours."
        }
        (Locale::En, WeeklyCapReached, Refusal) => {
            "You reached your {cap} cap for the week — {tracked} tracked."
        }
        (Locale::En, ClientCapWarning, _) => {
            "You have tracked {tracked} for {client} this week, {percent} % of its {cap} cap. Check what is left before you promise more."
        }
        (Locale::En, ClientCapReached, Alert) => {
            "You reached {client}'s {cap} cap for the week — {tracked} tracked. Stop here, or agree on more time with {client}."
        }
        (Locale::En, ClientCapReached, Reminder) => {
            "The timer for {client} is still running past its {cap} cap for the week — {tracked} tracked. Stop here, or agree on more time with {client}."
        }
        (Locale::En, ClientCapReached, Refusal) => {
            "You reached {client}'s {cap} cap for the week — {tracked} tracked."
        }
        (Locale::En, OffHours, Alert) => {
            "Your timer for {client} is running outside your working hours ({time}). Stop it, or decide now when you will."
        }
        (Locale::En, OffHours, Reminder) => {
            "Your timer for {client} is still running outside your working hours ({time}), {elapsed} since it started. Stop it, or decide now when you will."
        }
        (Locale::En, OffHours, Refusal) => "It is {time}, outside your working hours.",
        (Locale::En, WeekendStreak, Alert | Refusal) => {
            "You have worked {weekends} weekends in a row — {tracked} on this one. Keep the next one free."
        }
        (Locale::En, WeekendStreak, Reminder) => {
            "You are still working this weekend: {weekends} worked weekends in a row, {tracked} on this one. Keep the next one free."
        }
        (Locale::En, PlannedExceeded, Alert | Refusal) => {
            "Your {planned} session with {client} has been running for {elapsed}. Wrap it up, or agree on a new end time."
        }
        (Locale::En, PlannedExceeded, Reminder) => {
            "Your {planned} session with {client} is still running, {elapsed} so far. Wrap it up, or agree on a new end time."
        }
        // ---- Français ----
        (Locale::Fr, WeeklyCapWarning, _) => {
            "Vous avez suivi {tracked} cette semaine, soit {percent} % de votre plafond de {cap}. Organisez la fin de semaine avec ce qui reste."
        }
        (Locale::Fr, WeeklyCapReached, Alert) => {
            "Vous avez atteint votre plafond de {cap} pour la semaine — {tracked} suivies. Arrêtez-vous ici, ou donnez une raison pour continuer."
        }
        (Locale::Fr, WeeklyCapReached, Reminder) => {
            "Le chrono tourne encore au-delà de votre plafond de {cap} pour la semaine — {tracked} suivies. Arrêter maintenant vous rend la fin de semaine."
        }
        (Locale::Fr, WeeklyCapReached, Refusal) => {
            "Vous avez atteint votre plafond de {cap} pour la semaine — {tracked} suivies."
        }
        (Locale::Fr, ClientCapWarning, _) => {
            "Vous avez suivi {tracked} pour {client} cette semaine, soit {percent} % de son plafond de {cap}. Vérifiez ce qui reste avant de promettre plus."
        }
        (Locale::Fr, ClientCapReached, Alert) => {
            "Vous avez atteint le plafond de {cap} de {client} pour la semaine — {tracked} suivies. Arrêtez-vous ici, ou convenez de plus de temps avec {client}."
        }
        (Locale::Fr, ClientCapReached, Reminder) => {
            "Le chrono de {client} tourne encore au-delà de son plafond de {cap} — {tracked} suivies. Arrêtez-vous ici, ou convenez de plus de temps avec {client}."
        }
        (Locale::Fr, ClientCapReached, Refusal) => {
            "Vous avez atteint le plafond de {cap} de {client} pour la semaine — {tracked} suivies."
        }
        (Locale::Fr, OffHours, Alert) => {
            "Votre chrono pour {client} tourne en dehors de vos heures de travail ({time}). Arrêtez-le, ou décidez maintenant quand vous le ferez."
        }
        (Locale::Fr, OffHours, Reminder) => {
            "Votre chrono pour {client} tourne toujours en dehors de vos heures de travail ({time}), depuis {elapsed}. Arrêtez-le, ou décidez maintenant quand vous le ferez."
        }
        (Locale::Fr, OffHours, Refusal) => "Il est {time}, en dehors de vos heures de travail.",
        (Locale::Fr, WeekendStreak, Alert | Refusal) => {
            "Vous avez travaillé {weekends} week-ends d’affilée — {tracked} sur celui-ci. Gardez le prochain libre."
        }
        (Locale::Fr, WeekendStreak, Reminder) => {
            "Vous travaillez encore ce week-end : {weekends} week-ends travaillés d’affilée, {tracked} sur celui-ci. Gardez le prochain libre."
        }
        (Locale::Fr, PlannedExceeded, Alert | Refusal) => {
            "Votre séance de {planned} avec {client} dure depuis {elapsed}. Concluez, ou convenez d’une nouvelle heure de fin."
        }
        (Locale::Fr, PlannedExceeded, Reminder) => {
            "Votre séance de {planned} avec {client} continue, {elapsed} jusqu’ici. Concluez, ou convenez d’une nouvelle heure de fin."
        }
    }
}
