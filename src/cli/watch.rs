//! `gardefou watch`: checks the boundaries every 30 s (and at the instant a
//! crossing is due), sends native notifications, stops on SIGINT/SIGTERM.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use gardefou::notify::{DesktopNotifier, NotifyError, deliver};

use super::Ctx;

/// The longest sleep between two checks.
const INTERVAL: Duration = Duration::from_secs(30);
/// How often a sleeping watcher looks at the stop flag.
const POLL: Duration = Duration::from_millis(100);

pub fn watch(ctx: &mut Ctx) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let notifier = DesktopNotifier::default();
    eprintln!("Watching your boundaries (every 30 s). Press Ctrl+C to stop.");
    let mut said_unavailable = false;
    while !stop.load(Ordering::SeqCst) {
        match deliver(&mut ctx.tracker, &notifier) {
            Ok((sent, error)) => {
                for notice in &sent {
                    if ctx.json {
                        ctx.print_json_line(&serde_json::json!({
                            "kind": notice.kind,
                            "summary": notice.summary,
                            "message": notice.body,
                            "reminder": notice.reminder,
                        }))?;
                    } else {
                        println!("{}", notice.body);
                    }
                }
                match error {
                    Some(error) if !said_unavailable => {
                        said_unavailable = true;
                        eprintln!("{}", unavailable_message(&error));
                    }
                    Some(_) => {}
                    None if !sent.is_empty() => said_unavailable = false,
                    None => {}
                }
            }
            // A busy or locked database is passing: say so and try again.
            Err(error) => eprintln!("gardefou: {error}"),
        }
        let wake = Instant::now() + next_sleep(ctx);
        while !stop.load(Ordering::SeqCst) && Instant::now() < wake {
            std::thread::sleep(POLL);
        }
    }
    eprintln!("Stopped watching.");
    Ok(())
}

/// Until the next projected crossing, at most [`INTERVAL`], at least 1 s.
fn next_sleep(ctx: &mut Ctx) -> Duration {
    let now = ctx.tracker.now();
    match ctx.tracker.next_crossing_at() {
        Ok(Some(at)) if at > now => {
            let seconds = (at - now).num_seconds().clamp(1, INTERVAL.as_secs() as i64);
            Duration::from_secs(seconds as u64)
        }
        _ => INTERVAL,
    }
}

fn unavailable_message(error: &NotifyError) -> String {
    format!(
        "gardefou: notifications cannot be shown: {error}. Alerts are still recorded (see `gardefou check`); watching on."
    )
}
