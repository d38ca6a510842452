//! `gardefou recover last-seen|keep|now`: answers the question a running
//! timer raises when nobody watched it (a crash, a power cut).

use clap::{Args, ValueEnum};
use gardefou::i18n::format;
use gardefou::tr;
use gardefou::watching::{Recovery, RecoveryAnswer};
use gardefou::when::rfc3339_in;
use serde_json::{Value, json};

use super::Ctx;
use super::output::{Done, SessionView, local_time, session_sentence};

#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Stop at the last-seen time, keep it running, or stop it now.
    answer: Answer,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Answer {
    LastSeen,
    Keep,
    Now,
}

pub fn recover(ctx: &mut Ctx, a: RecoverArgs) -> anyhow::Result<()> {
    let answer = match a.answer {
        Answer::LastSeen => RecoveryAnswer::StopAtLastSeen,
        Answer::Keep => RecoveryAnswer::KeepRunning,
        Answer::Now => RecoveryAnswer::StopNow,
    };
    let done = ctx.tracker.recover(answer)?;
    let (tz, now) = (ctx.tracker.settings()?.timezone, ctx.tracker.now());
    if ctx.json {
        return ctx.print_json(&json!({
            "answer": answer.as_str(),
            "last_seen": rfc3339_in(done.question.last_seen, tz),
            "unseen_seconds": done.question.unseen_seconds(),
            "session": done.session.as_ref().map(|s| SessionView::new(s, tz, now)),
        }));
    }
    let l = ctx.locale;
    match (&done.session, answer) {
        (Some(s), RecoveryAnswer::KeepRunning) => println!(
            "{}",
            tr!(
                l,
                "cli-recovered-kept",
                client = &s.client_name,
                since = local_time(done.question.last_seen, tz, now),
                duration = format::duration(done.question.unseen_seconds(), l)
            )
        ),
        (Some(s), _) => println!("{}", session_sentence(Done::Stopped, s, tz, now, l)),
        (None, _) => println!(
            "{}",
            tr!(
                l,
                "cli-recovered-nothing-left",
                client = &done.question.client
            )
        ),
    }
    Ok(())
}

/// The question for `status --json` (`null` when none).
pub fn recovery_json(question: Option<&Recovery>, ctx: &Ctx, tz: chrono_tz::Tz) -> Value {
    question.map_or(Value::Null, |q| {
        json!({
            "session": q.session_id.to_string(),
            "number": q.number,
            "client": q.client,
            "last_seen": rfc3339_in(q.last_seen, tz),
            "unseen_seconds": q.unseen_seconds(),
            "message": q.message(tz, ctx.locale),
            "answers": ["last-seen", "keep", "now"],
        })
    })
}
