//! Clients: add, edit, archive, find.

use rusqlite::Connection;

use crate::error::{Error, Problem, Result};
use crate::model::{Client, Color, Rounding, normalize_client_name};
use crate::money::Currency;
use crate::store;

use super::{Tracker, load_settings};

/// A new client as the user describes it. Text fields are parsed here so that
/// every front end validates the same way.
#[derive(Debug, Clone, Default)]
pub struct NewClient {
    pub name: String,
    /// Decimal rate per hour (`45.50`); zero when absent.
    pub rate: Option<String>,
    /// ISO 4217; the `currency` setting when absent.
    pub currency: Option<String>,
    pub cap_seconds: Option<i64>,
    pub rounding: Option<Rounding>,
    pub color: Option<String>,
}

/// Changes to a client; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ClientChanges {
    pub rename: Option<String>,
    pub rate: Option<String>,
    pub currency: Option<String>,
    /// `Some(None)` removes the cap.
    pub cap_seconds: Option<Option<i64>>,
    /// `Some(None)` removes the client's own rule.
    pub rounding: Option<Option<Rounding>>,
    pub color: Option<String>,
}

impl Tracker {
    pub fn add_client(&mut self, new: NewClient) -> Result<Client> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, system)?;
            let (name, key) = normalize_client_name(&new.name)?;
            if let Some(existing) = store::client_by_key(conn, &key)? {
                return Err(Error::DuplicateClient {
                    name: existing.name,
                });
            }
            let currency = match &new.currency {
                Some(c) => Currency::parse(c)?,
                None => settings.currency,
            };
            let rate_minor = match &new.rate {
                Some(r) => currency.parse_amount(r)?,
                None => 0,
            };
            let color = match &new.color {
                Some(c) => Color::parse(c)?,
                None => Color::from_palette(store::count_clients(conn)? as usize),
            };
            let client = Client {
                id: crate::ids::new_id(now),
                name,
                rate_minor,
                currency,
                cap_seconds: check_cap(new.cap_seconds)?,
                rounding: new.rounding,
                color,
                archived: false,
                created_at: now,
                updated_at: now,
            };
            store::insert_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    pub fn edit_client(&mut self, name: &str, changes: ClientChanges) -> Result<Client> {
        let now = self.now();
        self.store.write(|conn| {
            let mut client = find_client(conn, name)?;
            let (_, mut key) = normalize_client_name(&client.name)?;
            if let Some(new_name) = &changes.rename {
                let (new_name, new_key) = normalize_client_name(new_name)?;
                if new_key != key
                    && let Some(other) = store::client_by_key(conn, &new_key)?
                {
                    return Err(Error::DuplicateClient { name: other.name });
                }
                client.name = new_name;
                key = new_key;
            }
            let old_rate_text = client.currency.format_minor(client.rate_minor);
            if let Some(currency) = &changes.currency {
                client.currency = Currency::parse(currency)?;
            }
            // A new currency keeps the rate's decimal value (45.50 EUR -> 45.50 CHF);
            // it must fit the new currency's decimals.
            let rate_text = changes.rate.as_deref().unwrap_or(&old_rate_text);
            client.rate_minor = client.currency.parse_amount(rate_text)?;
            if let Some(cap) = changes.cap_seconds {
                client.cap_seconds = check_cap(cap)?;
            }
            if let Some(rounding) = changes.rounding {
                client.rounding = rounding;
            }
            if let Some(color) = &changes.color {
                client.color = Color::parse(color)?;
            }
            client.updated_at = now;
            store::update_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    /// Archives or brings back a client. Archived clients keep their history
    /// and cannot be started.
    pub fn set_client_archived(&mut self, name: &str, archived: bool) -> Result<Client> {
        let now = self.now();
        self.store.write(|conn| {
            let mut client = find_client(conn, name)?;
            if archived
                && let Some(running) = store::running_session(conn)?
                && running.client_id == client.id
            {
                return Err(Error::ClientRunning {
                    client_id: client.id,
                    name: client.name,
                });
            }
            let (_, key) = normalize_client_name(&client.name)?;
            client.archived = archived;
            client.updated_at = now;
            store::update_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    /// Every client, archived ones included, by name.
    pub fn clients(&mut self) -> Result<Vec<Client>> {
        self.store.read(store::list_clients)
    }

    /// Active clients, most recently used first (the tray's order).
    pub fn clients_by_recent_use(&mut self) -> Result<Vec<Client>> {
        self.store.read(store::clients_by_recent_use)
    }

    pub fn client(&mut self, name: &str) -> Result<Client> {
        self.store.read(|conn| find_client(conn, name))
    }
}

/// Finds a client by name (any case), suggesting the closest name when unknown.
/// A client id (what the window and the tray send) is found as such, so a
/// rename never breaks a menu or a picker.
pub fn find_client(conn: &Connection, name: &str) -> Result<Client> {
    if let Ok(id) = uuid::Uuid::parse_str(name.trim())
        && let Some(client) = store::client_by_id(conn, id)?
    {
        return Ok(client);
    }
    let (_, key) = normalize_client_name(name)?;
    if let Some(client) = store::client_by_key(conn, &key)? {
        return Ok(client);
    }
    let clients = store::list_clients(conn)?;
    let closest = clients
        .iter()
        .map(|c| (strsim::jaro_winkler(&key, &c.name.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Err(Error::UnknownClient {
        name: name.trim().to_string(),
        suggestion: closest.map(|(_, c)| c.name.clone()),
        no_clients_yet: clients.is_empty(),
    })
}

fn check_cap(cap: Option<i64>) -> Result<Option<i64>> {
    match cap {
        Some(seconds) if seconds <= 0 || seconds > 7 * 24 * 3600 => Err(Error::invalid(
            "cap",
            crate::duration::format_compact(seconds),
            Problem::CapOutOfRange,
        )),
        other => Ok(other),
    }
}
