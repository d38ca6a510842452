//! `gardefou watch`: checks the boundaries every 30 s (and at the instant a
//! crossing is due), sends native notifications, stops on SIGINT/SIGTERM.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use gardefou::notify::{DesktopNotifier, deliver, next_check_delay};
use gardefou::tr;

use super::Ctx;

/// How often a sleeping watcher looks at the stop flag.
const POLL: Duration = Duration::from_millis(100);

/// How often the running timer's last-seen instant is recorded.
const HEARTBEAT: Duration = Duration::from_secs(60);

pub fn watch(ctx: &mut Ctx) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let notifier = DesktopNotifier::default();
    let l = ctx.locale;
    eprintln!("{}", tr!(l, "cli-watch-start"));
    let mut said_unavailable = false;
    let mut last_beat: Option<Instant> = None;
    let mut asked_recovery = false;
    while !stop.load(Ordering::SeqCst) {
        if last_beat.is_none_or(|at| at.elapsed() >= HEARTBEAT) {
            last_beat = Some(Instant::now());
            heartbeat(ctx, &mut asked_recovery);
        }
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
                        eprintln!(
                            "{}",
                            tr!(l, "cli-watch-unavailable", reason = error.to_string())
                        );
                    }
                    Some(_) => {}
                    None if !sent.is_empty() => said_unavailable = false,
                    None => {}
                }
            }
            // A busy or locked database is passing: say so and try again.
            Err(error) => eprintln!("gardefou: {}", error.message(l)),
        }
        let wake = Instant::now() + next_check_delay(&mut ctx.tracker);
        while !stop.load(Ordering::SeqCst) && Instant::now() < wake {
            std::thread::sleep(POLL);
        }
    }
    eprintln!("{}", tr!(l, "cli-watch-stopped"));
    Ok(())
}

/// Records "last seen now"; when a recovery question waits (the beat is then
/// not recorded), says it once, with the command that answers it.
fn heartbeat(ctx: &mut Ctx, asked: &mut bool) {
    let l = ctx.locale;
    match ctx.tracker.heartbeat() {
        Ok(true) => *asked = false,
        Ok(false) => match ctx.tracker.recovery() {
            Ok(Some(question)) if !*asked => {
                *asked = true;
                let tz = ctx
                    .tracker
                    .settings()
                    .map_or(chrono_tz::Tz::UTC, |s| s.timezone);
                eprintln!("{}", question.message(tz, l));
                eprintln!("{}", tr!(l, "cli-hint-recover"));
            }
            Ok(_) => {}
            Err(error) => eprintln!("gardefou: {}", error.message(l)),
        },
        Err(error) => eprintln!("gardefou: {}", error.message(l)),
    }
}
