//! Watching over the user, the desktop side. The app observes (input idle
//! for `idle_after`, a suspend, a heartbeat gone stale while it was not
//! running, a timer still running after the working day) and the core
//! decides what to ask (`Tracker::{recovery, away_offers, still_working}`);
//! this module keeps the observations, turns the core's offers into the
//! window's questions ([`WatchView`], pushed as `watch-changed`), and asks
//! "Still working?" as a notification with Stop where the server can.
//! Nothing changes until the user answers (`commands`).
//!
//! [`minute`] is the per-minute work (the ticker calls it while a timer
//! runs); logind's resume calls [`evaluate`] at once. In debug builds only,
//! `GARDEFOU_DEBUG_WATCH_SECONDS=N` also runs [`minute`] every N seconds, so
//! the E2E tests need not wait for the minute.

pub mod commands;
pub mod view;

use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use gardefou::clock::Clock;
use gardefou::i18n::Locale;
use gardefou::watching::{AwayCause, AwaySpan, IdleWatch, StillWorking};
use gardefou::{Tracker, tr};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::AppState;
use crate::platform::ask::{self, CannotAsk, Question, Reply};
use crate::platform::idle::{self, IdleSource};
use crate::platform::sleep::{self, GapSleepSource, SleepSource};

pub use view::WatchView;

/// Emitted with a [`WatchView`] whenever the questions change.
pub const WATCH_CHANGED: &str = "watch-changed";

/// How long a notification server may take to show the question.
const ASK_TIMEOUT: Duration = Duration::from_secs(5);

/// Finds an idle backend (the platform's, or a test's).
pub type OpenIdle = Box<dyn FnMut() -> Option<Box<dyn IdleSource>> + Send>;
/// Asks "still working?" outside the window (a notification with Stop).
pub type Asker =
    Arc<dyn Fn(Question, Box<dyn FnOnce(Reply) + Send>) -> Result<(), CannotAsk> + Send + Sync>;

/// The observations and the questions standing, behind one lock. Lock
/// order: this one first, then the tracker's, never the other way.
pub struct Watch {
    clock: Arc<dyn Clock>,
    inner: Mutex<Inner>,
    asker: Mutex<Asker>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch").finish_non_exhaustive()
    }
}

struct Inner {
    /// The idle backend in use; `None` until one answers.
    idle: Option<Box<dyn IdleSource>>,
    open_idle: OpenIdle,
    idle_watch: IdleWatch,
    /// No backend answers: the window says so (once: until dismissed).
    idle_unavailable: bool,
    idle_notice_dismissed: bool,
    gap: Box<dyn SleepSource>,
    /// logind said the machine is going to sleep, at this instant.
    sleeping_since: Option<DateTime<Utc>>,
    /// Finished away stretches not yet answered (the core subtracts answers).
    spans: Vec<AwaySpan>,
    /// "Still working?" keys already asked (once each).
    still_asked: HashSet<String>,
    /// The notification could not ask: the window does.
    still_in_window: Option<StillWorking>,
    /// The last view pushed.
    shown: WatchView,
}

impl Watch {
    /// The platform's idle backends, sleep source and notifications; none
    /// is opened before the first reading.
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        let gap = Box::new(GapSleepSource::new(clock.clone()));
        let asker: Asker = Arc::new(|question, on_reply| ask::ask(question, ASK_TIMEOUT, on_reply));
        Self::with_sources(clock, Box::new(idle::system), gap, asker)
    }

    /// The watch on the given sources (tests give fake ones).
    pub fn with_sources(
        clock: Arc<dyn Clock>,
        open_idle: OpenIdle,
        gap: Box<dyn SleepSource>,
        asker: Asker,
    ) -> Self {
        Self {
            clock,
            asker: Mutex::new(asker),
            inner: Mutex::new(Inner {
                idle: None,
                open_idle,
                idle_watch: IdleWatch::default(),
                idle_unavailable: false,
                idle_notice_dismissed: false,
                gap,
                sleeping_since: None,
                spans: Vec::new(),
                still_asked: HashSet::new(),
                still_in_window: None,
                shown: WatchView::default(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the sources (the mock-runtime tests: `with_commands` made this one).
    #[cfg(test)]
    pub fn set_sources(&self, open_idle: OpenIdle, gap: Box<dyn SleepSource>, asker: Asker) {
        let mut inner = self.lock();
        inner.open_idle = open_idle;
        inner.idle = None;
        inner.gap = gap;
        *self.asker.lock().unwrap_or_else(|e| e.into_inner()) = asker;
    }

    /// Now, to the second: the core stores whole seconds, and the window
    /// sends the instants back as they were shown.
    fn now(&self) -> DateTime<Utc> {
        self.clock.now().trunc_subsecs(0)
    }

    /// An answered stretch is not asked about again, whatever sessions it
    /// now lies in (the part given to another client is a new session the
    /// core has no answer for).
    pub fn forget(&self, from: DateTime<Utc>, to: DateTime<Utc>) {
        let mut inner = self.lock();
        inner.spans = std::mem::take(&mut inner.spans)
            .into_iter()
            .flat_map(|s| {
                let before = (s.from < from).then_some(AwaySpan {
                    to: s.to.min(from),
                    ..s
                });
                let after = (s.to > to).then_some(AwaySpan {
                    from: s.from.max(to),
                    ..s
                });
                before.into_iter().chain(after)
            })
            .collect();
    }

    /// The window said it read "idle detection is unavailable".
    pub fn dismiss_idle_notice(&self) {
        self.lock().idle_notice_dismissed = true;
    }

    /// One reading of the idle backend and of the two clocks at `now`;
    /// returns the "still working?" question to ask, if a new one stands.
    fn observe(&self, tracker: &mut Tracker) -> Option<StillWorking> {
        let now = self.now();
        let mut inner = self.lock();
        let idle_after = tracker.settings().ok().and_then(|s| s.idle_after);
        if idle_after.is_some() {
            if inner.idle.is_none() {
                // A backend that comes later (Mutter restarted) is picked up
                // at the next reading.
                inner.idle = (inner.open_idle)();
                inner.idle_unavailable = inner.idle.is_none();
            }
            let reading = inner.idle.as_mut().and_then(|s| s.idle_seconds());
            match reading {
                Some(seconds) => {
                    if let Some(span) = inner.idle_watch.observe(now, seconds, idle_after) {
                        inner.spans.push(whole_seconds(span));
                    }
                }
                // The backend went away (the compositor restarted): look again next time.
                None => inner.idle = None,
            }
        }
        if let Some(slept) = inner.gap.poll() {
            inner.spans.push(whole_seconds(AwaySpan {
                from: slept.from,
                to: slept.to,
                cause: AwayCause::Sleep,
            }));
        }
        let still = tracker.still_working().ok().flatten()?;
        inner.still_asked.insert(still.key()).then_some(still)
    }

    /// logind: the machine goes to sleep (`true`) or wakes (`false`). On
    /// waking, the sleep is away time: from the signal before it, or
    /// earlier if the two clocks say so (the signal can come late, when
    /// nothing ran to receive it before the suspend).
    fn on_sleep_signal(&self, sleeping: bool) -> bool {
        let now = self.now();
        let mut inner = self.lock();
        if sleeping {
            inner.sleeping_since = Some(now);
            return false;
        }
        let since = inner.sleeping_since.take();
        let measured = inner.gap.poll().map(|s| s.from);
        let Some(from) = [since, measured].into_iter().flatten().min() else {
            return false;
        };
        if from < now {
            inner.spans.push(whole_seconds(AwaySpan {
                from,
                to: now,
                cause: AwayCause::Sleep,
            }));
        }
        true
    }

    /// The questions standing now, read from the core; remembers the
    /// unanswered stretches only (answered time is never offered again).
    fn questions(&self, tracker: &mut Tracker) -> gardefou::Result<WatchView> {
        let mut inner = self.lock();
        let settings = tracker.settings()?;
        let (tz, locale) = (settings.timezone, settings.locale);
        let offers = tracker.away_offers(&inner.spans)?;
        inner.spans = offers
            .iter()
            .map(|o| AwaySpan {
                from: o.from,
                to: o.to,
                cause: o.cause,
            })
            .collect();
        // A stretch the app saw (a suspend) is asked about as such; the
        // recovery question for the same silent heartbeat waits behind it.
        let recovery = tracker
            .recovery()?
            .filter(|r| !offers.iter().any(|o| o.session_id == r.session_id));
        let still = tracker.still_working()?;
        if inner.still_in_window.as_ref().map(StillWorking::key)
            != still.as_ref().map(StillWorking::key)
        {
            inner.still_in_window = None;
        }
        Ok(WatchView::new(
            recovery.as_ref(),
            &offers,
            inner.still_in_window.as_ref(),
            inner.idle_unavailable && !inner.idle_notice_dismissed,
            tz,
            locale,
        ))
    }
}

fn whole_seconds(span: AwaySpan) -> AwaySpan {
    AwaySpan {
        from: span.from.trunc_subsecs(0),
        to: span.to.trunc_subsecs(0),
        cause: span.cause,
    }
}

/// Starts watching: logind's signals, the debug period, and the first look
/// (the recovery question at launch). Call once, from the app's setup: the
/// work runs on a thread of its own (a bus or the database may be slow to
/// answer; the main thread must not wait for them).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let started = std::thread::Builder::new()
        .name("gardefou-watch".into())
        .spawn(move || {
            let handle = app.clone();
            let signals = sleep::signals(move |sleeping| {
                let woke = handle
                    .try_state::<Watch>()
                    .is_some_and(|w| w.on_sleep_signal(sleeping));
                if woke {
                    evaluate(&handle);
                }
            });
            log::info!(
                "sleep detection: {}",
                if signals {
                    "logind and the clocks"
                } else {
                    "the clocks"
                }
            );
            evaluate(&app);
            #[cfg(debug_assertions)]
            if let Some(seconds) = std::env::var("GARDEFOU_DEBUG_WATCH_SECONDS")
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .filter(|s| *s > 0)
            {
                loop {
                    std::thread::sleep(Duration::from_secs(seconds));
                    minute(&app);
                }
            }
        });
    if let Err(e) = started {
        log::warn!("cannot start watching: {e}");
    }
}

/// The per-minute work: read the idle backend and the clocks, ask "still
/// working?" once per question, and update the window's questions.
pub fn minute<R: Runtime>(app: &AppHandle<R>) {
    let (Some(watch), Some(state)) = (app.try_state::<Watch>(), app.try_state::<AppState>()) else {
        return;
    };
    let still = state.with_tracker(|t| Ok(watch.observe(t))).ok().flatten();
    if let Some(question) = still {
        ask_still_working(app, &watch, &state, question);
    }
    evaluate(app);
}

/// Reads the questions and pushes them to the window when they changed;
/// a new question brings the window up.
pub fn evaluate<R: Runtime>(app: &AppHandle<R>) -> WatchView {
    let (Some(watch), Some(state)) = (app.try_state::<Watch>(), app.try_state::<AppState>()) else {
        return WatchView::default();
    };
    let view = match state.with_tracker(|t| watch.questions(t)) {
        Ok(view) => view,
        Err(e) => {
            log::warn!("cannot read the watch's questions: {}", e.message);
            return watch.lock().shown.clone();
        }
    };
    let previous = std::mem::replace(&mut watch.lock().shown, view.clone());
    if view != previous {
        if view.asks_more_than(&previous) {
            crate::show_main_window(app);
        }
        if let Err(e) = app.emit(WATCH_CHANGED, &view) {
            log::warn!("cannot send the questions to the window: {e}");
        }
    }
    view
}

/// "Still working for Acme?" as a notification with Stop; in the window
/// where the server cannot show actions.
fn ask_still_working<R: Runtime>(
    app: &AppHandle<R>,
    watch: &Watch,
    state: &AppState,
    question: StillWorking,
) {
    let locale = state
        .with_tracker(|t| Ok(t.settings()?.locale))
        .unwrap_or(Locale::En);
    let text = Question {
        summary: question.message(locale),
        act: tr!(locale, "watch-still-working-stop"),
        dismiss: tr!(locale, "watch-still-working-keep"),
    };
    let handle = app.clone();
    let asked = question.clone();
    let asker = watch
        .asker
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let shown = asker(
        text,
        Box::new(move |reply| {
            if reply == Reply::Act {
                stop_if_still_running(&handle, &asked);
            }
        }),
    );
    if let Err(why) = shown {
        log::info!("asking in the window whether work goes on ({why:?})");
        watch.lock().still_in_window = Some(question);
    }
}

/// Stop from the notification: only the timer it asked about.
fn stop_if_still_running<R: Runtime>(app: &AppHandle<R>, question: &StillWorking) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let stopped = state.with_tracker(|t| {
        let same = t
            .still_working()?
            .is_some_and(|q| q.session_id == question.session_id);
        if same {
            t.stop(None)?;
        }
        Ok(same)
    });
    match stopped {
        Ok(true) => {
            let _ = crate::publish(app, &state);
            evaluate(app);
        }
        Ok(false) => {}
        Err(e) => log::warn!("cannot stop the timer: {}", e.message),
    }
}

#[cfg(test)]
mod tests;
