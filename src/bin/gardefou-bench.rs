//! The large-history benchmark (not a test): builds histories of 10 k, 100 k
//! and 1 M sessions through `gardefou import`, then runs each command as a
//! separate process of the release build and prints the median wall time and
//! the peak RSS. Build and run:
//!
//! ```sh
//! cargo build --release --features bench --bin gardefou --bin gardefou-bench
//! target/release/gardefou-bench                     # 10k,100k,1M
//! target/release/gardefou-bench --sizes 10000 --runs 5
//! ```
//!
//! `gardefou-bench snapshot --db PATH` is the desktop app's day snapshot
//! (`gardefou::day::Day::read`, what `Snapshot::read` in src-tauri calls), so
//! that it too runs as a process of its own.

#![allow(clippy::print_stderr)]

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::calendar::local_date;
use gardefou::clock::FixedClock;

/// "Now" of every run: a Friday morning, in working hours.
const NOW: &str = "2026-11-27T10:00:00+01:00";
const ZONE: &str = "Europe/Paris";
/// Sessions per working day. 1 M sessions only fit between 1971 and today at
/// about this density; every size uses it, so a week holds the same work
/// whatever the length of the history.
const PER_DAY: usize = 72;

const CLIENTS: [(&str, &str, i64); 12] = [
    ("Acme", "Site vitrine", 4500),
    ("Bôulangerie Dupré", "Carte de Noël", 3800),
    ("Globex", "Landing page", 8000),
    ("Initech", "Refonte, lot 2", 6000),
    ("Café Zoé", "Réseaux sociaux", 3500),
    ("Hôtel des Pins", "Réservations", 5200),
    ("Müller & Söhne", "Katalog", 7000),
    ("Studio Ébène", "Identité", 5500),
    ("Les Artisans Réunis", "Boutique", 4200),
    ("Ñandú Travel", "Itinéraires", 6500),
    ("Cabinet Lefèvre", "Newsletter", 4800),
    ("Öko Markt", "Fiches produits", 3900),
];
const NOTES: [&str; 8] = [
    "Maquette de l'accueil, v2",
    "Appel \"point hebdo\" avec Élodie",
    "Révisions, encore",
    "Emails; relances",
    "Intégration \"hero\", responsive",
    "Réunion de cadrage",
    "Corrections après retour client, \"urgent\"",
    "Préparation facture",
];
const TAGS: [&str; 5] = ["", "meeting", "design", "rework", "meeting, rework"];

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `snapshot` may come after `--db PATH` (the runner puts the database first).
    let result = if args.iter().any(|a| a == "snapshot") {
        snapshot(&args)
    } else if args.first().map(String::as_str) == Some("history") {
        // `gardefou-bench history N FILE`: only write the Toggl export (profiling).
        match (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) {
            (Some(n), Some(file)) => write_history(Path::new(file), n),
            _ => Err("history needs N FILE".into()),
        }
    } else {
        bench(&args)
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gardefou-bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// The desktop app's day snapshot: `Snapshot::read` is `Day::read`.
fn snapshot(args: &[String]) -> Res<()> {
    let db = flag(args, "--db").ok_or("snapshot needs --db PATH")?;
    let at = flag(args, "--now").unwrap_or(NOW);
    let at = DateTime::parse_from_rfc3339(at)?.to_utc();
    let mut tracker = Tracker::open(Path::new(db), Arc::new(FixedClock::new(at)))?;
    let day = gardefou::day::Day::read(&mut tracker)?;
    println!(
        "{} sessions today, {} s",
        day.today.len(),
        day.today_seconds
    );
    Ok(())
}

/// A small deterministic generator (SplitMix64): the same history every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Writes a Toggl detailed export of `count` sessions ending before `NOW`:
/// working days of `PER_DAY` short sessions from 08:00, one evening in five
/// running past 19:00, one weekend in four worked on Saturday morning.
fn write_history(path: &Path, count: usize) -> Res<()> {
    let tz: Tz = ZONE.parse()?;
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)"
    )?;
    let mut rng = Rng(42);
    // Walk back from yesterday to find the first day, then write forwards.
    let last_day = local_date(now(), tz) - Duration::days(1);
    let mut days = Vec::new();
    let (mut day, mut planned) = (last_day, 0usize);
    while planned < count {
        let n = sessions_on(day, &mut Rng(day.num_days_from_ce() as u64));
        if n > 0 {
            days.push((day, n));
            planned += n;
        }
        day -= Duration::days(1);
    }
    days.reverse();
    let mut written = 0usize;
    for (day, n) in days {
        let mut at = tz
            .from_local_datetime(&day.and_hms_opt(8, 0, 0).ok_or("bad time")?)
            .earliest()
            .ok_or("no 08:00")?
            .to_utc();
        for _ in 0..n {
            if written == count {
                break;
            }
            let (client, project, rate) = CLIENTS[rng.below(12) as usize];
            let seconds = 300 + rng.below(600) as i64;
            let end = at + Duration::seconds(seconds);
            let (ls, le) = (at.with_timezone(&tz), end.with_timezone(&tz));
            let billable = rng.below(10) != 0;
            let amount = if billable {
                gardefou::money::amount_for(seconds, rate)
            } else {
                0
            };
            writeln!(
                out,
                "Camille Martin,camille@example.org,\"{client}\",\"{project}\",,\"{}\",{},{},{},{},{},{:02}:{:02}:{:02},\"{}\",{}.{:02}",
                NOTES[rng.below(8) as usize].replace('"', "\"\""),
                if billable { "Yes" } else { "No" },
                ls.format("%Y-%m-%d"),
                ls.format("%H:%M:%S"),
                le.format("%Y-%m-%d"),
                le.format("%H:%M:%S"),
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60,
                TAGS[rng.below(5) as usize],
                amount / 100,
                amount % 100
            )?;
            written += 1;
            at = end + Duration::seconds(rng.below(120) as i64);
        }
    }
    out.flush()?;
    Ok(())
}

/// How many sessions a day holds: working days are full, some Saturdays half.
fn sessions_on(day: NaiveDate, rng: &mut Rng) -> usize {
    match day.weekday() {
        Weekday::Sun => 0,
        Weekday::Sat if rng.below(4) == 0 => PER_DAY / 4,
        Weekday::Sat => 0,
        _ if rng.below(5) == 0 => PER_DAY + PER_DAY / 8,
        _ => PER_DAY,
    }
}

/// One measured command.
struct Measure {
    name: &'static str,
    median_ms: f64,
    rss_kb: u64,
    cpu_ms: f64,
}

fn bench(args: &[String]) -> Res<()> {
    let sizes: Vec<usize> = flag(args, "--sizes")
        .unwrap_or("10000,100000,1000000")
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let runs: usize = flag(args, "--runs").unwrap_or("9").parse()?;
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let exe = std::env::current_exe()?;
    let dir = exe.parent().ok_or("no binary folder")?;
    let gardefou = flag(args, "--gardefou")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.join("gardefou"));
    let work = tempfile::tempdir()?;
    let mut report = String::new();
    for size in sizes.iter().copied() {
        eprintln!("building a history of {size} sessions...");
        let csv = work.path().join(format!("history-{size}.csv"));
        write_history(&csv, size)?;
        let db = work.path().join(format!("history-{size}.sqlite3"));
        let g = Runner {
            exe: gardefou.clone(),
            db: db.clone(),
        };
        g.run(&["settings", "set", "timezone", ZONE], NOW)?;
        let csv_arg = csv.display().to_string();
        let import = g.measure("import (whole history)", 1, |_| {
            (
                vec!["import".into(), "toggl".into(), csv_arg.clone()],
                NOW.into(),
            )
        })?;
        let db_bytes = std::fs::metadata(&db)?.len();
        // The imports (and the copy measured for the RSS) wrote hundreds of MB:
        // let the kernel finish writing them back before timing commands whose
        // `fsync` would otherwise queue behind it (a user starts the timer
        // later than a millisecond after importing a decade).
        let _ = Command::new("sync").status();
        std::thread::sleep(std::time::Duration::from_secs(2));
        let mut rows = vec![import];
        rows.push(g.measure("status", runs, |_| (words("status"), NOW.into()))?);
        // start/stop pairs one minute apart, after the history.
        let base = now();
        let at =
            |i: usize, offset: i64| (base + Duration::minutes(2 * i as i64 + offset)).to_rfc3339();
        let mut starts = Vec::new();
        let mut stops = Vec::new();
        for i in 0..runs {
            starts.push(g.time(&["start", "Acme", "--note", "bench"], &at(i, 0))?);
            stops.push(g.time(&["stop"], &at(i, 1))?);
        }
        let (rss_start, cpu_start) = g.rss(&["start", "Acme"], &at(runs, 0))?;
        let (rss_stop, cpu_stop) = g.rss(&["stop"], &at(runs, 1))?;
        rows.push(Measure {
            name: "start",
            median_ms: median(starts),
            rss_kb: rss_start,
            cpu_ms: cpu_start,
        });
        rows.push(Measure {
            name: "stop",
            median_ms: median(stops),
            rss_kb: rss_stop,
            cpu_ms: cpu_stop,
        });
        let later = at(runs + 1, 0);
        rows.push(g.measure("check", runs, |_| (words("check"), later.clone()))?);
        rows.push(g.measure("report week", runs, |_| {
            (words("report week"), later.clone())
        })?);
        rows.push(
            g.measure("report totals (whole history)", runs.min(5), |_| {
                (words("report totals"), later.clone())
            })?,
        );
        rows.push(g.measure("export csv, one month", runs, |_| {
            (
                words("export csv --from 2026-10-01 --to 2026-10-31"),
                later.clone(),
            )
        })?);
        rows.push(g.measure("export csv, everything", runs.min(3), |_| {
            (
                words("export csv --from 1971-01-01 --to 2026-11-27"),
                later.clone(),
            )
        })?);
        let snap = Runner {
            exe: exe.clone(),
            db: db.clone(),
        };
        rows.push(snap.measure("app day snapshot", runs, |_| {
            (
                vec!["snapshot".into(), "--now".into(), later.clone()],
                later.clone(),
            )
        })?);
        let _ = writeln!(
            report,
            "\n### {size} sessions\n\nDatabase: {:.1} MB, {} B per session.\n\n| command | median wall time | CPU time (user + system, mean of up to 10 runs) | peak RSS |\n|---|---:|---:|---:|",
            db_bytes as f64 / 1e6,
            db_bytes / size as u64
        );
        for row in &rows {
            // One run of a write: GNU time's 10 ms steps say only "under 10 ms".
            let cpu = if row.cpu_ms == 0.0 {
                "< 10 ms".to_string()
            } else {
                format!("{:.1} ms", row.cpu_ms)
            };
            let _ = writeln!(
                report,
                "| `{}` | {:.1} ms | {cpu} | {:.1} MB |",
                row.name,
                row.median_ms,
                row.rss_kb as f64 / 1024.0
            );
        }
        if size == largest {
            let mut store = gardefou::store::Store::open(&db)?;
            let plans = store.read(gardefou::store::hot_query_plans)?;
            let _ = writeln!(report, "\n#### Query plans ({size} sessions)\n");
            for plan in plans {
                let _ = writeln!(
                    report,
                    "- **{}** ({}):\n\n  ```text\n{}\n  ```",
                    plan.name,
                    plan.used_by,
                    plan.plan
                        .iter()
                        .map(|l| format!("  {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
        eprintln!("{report}");
        std::fs::remove_file(&csv)?;
        std::fs::remove_file(&db)?;
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "{report}\nLoad average at the end (1, 5, 15 min): {}",
        load.trim()
    );
    Ok(())
}

fn words(text: &str) -> Vec<String> {
    text.split(' ').map(str::to_string).collect()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

struct Runner {
    exe: PathBuf,
    db: PathBuf,
}

impl Runner {
    fn command(&self, args: &[&str], now: &str) -> Command {
        let mut cmd = Command::new(&self.exe);
        cmd.env("GARDEFOU_NOW", now)
            .env_remove("GARDEFOU_DB")
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        cmd
    }

    fn run(&self, args: &[&str], now: &str) -> Res<()> {
        let out = self.command(args, now).output()?;
        if !out.status.success() {
            return Err(format!(
                "{:?} failed: {}",
                args,
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(())
    }

    /// Wall time of one run, process start included, in milliseconds.
    fn time(&self, args: &[&str], now: &str) -> Res<f64> {
        let started = Instant::now();
        self.run(args, now)?;
        Ok(started.elapsed().as_secs_f64() * 1000.0)
    }

    /// Peak RSS (GNU time's %M, kilobytes) and CPU time (user + system,
    /// milliseconds) of one run: the CPU time shows the cost on a loaded machine.
    fn rss(&self, args: &[&str], now: &str) -> Res<(u64, f64)> {
        self.rss_of(args, now, 1)
    }

    /// Like [`Runner::rss`] over `reps` runs in a row (GNU time counts CPU
    /// in 10 ms steps: ten runs of a read give it to the millisecond).
    fn rss_of(&self, args: &[&str], now: &str, reps: usize) -> Res<(u64, f64)> {
        let file = tempfile::NamedTempFile::new()?;
        let mut time = Command::new("/usr/bin/time");
        time.arg("-f").arg("%M %U %S").arg("-o").arg(file.path());
        if reps > 1 {
            // sh runs the same command `reps` times; %M is the largest child's.
            let quoted: Vec<String> = std::iter::once(self.exe.display().to_string())
                .chain(["--db".to_string(), self.db.display().to_string()])
                .chain(args.iter().map(|a| a.to_string()))
                .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
                .collect();
            time.arg("sh").arg("-c").arg(format!(
                "i=0; while [ $i -lt {reps} ]; do {} >/dev/null || exit 1; i=$((i+1)); done",
                quoted.join(" ")
            ));
        } else {
            time.arg(&self.exe).arg("--db").arg(&self.db).args(args);
        }
        let out = time
            .env("GARDEFOU_NOW", now)
            .env_remove("GARDEFOU_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "{:?} failed: {}",
                args,
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        let text = std::fs::read_to_string(file.path())?;
        let mut fields = text.trim().lines().last().unwrap_or("0 0 0").split(' ');
        let kb = fields.next().unwrap_or("0").parse()?;
        let cpu: f64 = fields.filter_map(|f| f.parse::<f64>().ok()).sum();
        Ok((kb, cpu * 1000.0 / reps as f64))
    }

    /// `runs` timed runs (the median is kept) and one more for the RSS. The
    /// first run warms the page cache and is not counted when there are several.
    fn measure(
        &self,
        name: &'static str,
        runs: usize,
        args: impl Fn(usize) -> (Vec<String>, String),
    ) -> Res<Measure> {
        let mut times = Vec::new();
        if runs > 1 {
            let (a, now) = args(0);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            self.time(&a, &now)?;
        }
        for i in 0..runs {
            let (a, now) = args(i);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            times.push(self.time(&a, &now)?);
        }
        let (rss_kb, cpu_ms) = if name.starts_with("import") {
            // The import cannot run twice on one database: measure it once more on a copy.
            let copy = self.db.with_extension("rss.sqlite3");
            let runner = Runner {
                exe: self.exe.clone(),
                db: copy.clone(),
            };
            runner.run(&["settings", "set", "timezone", ZONE], NOW)?;
            let (a, now) = args(0);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let kb = runner.rss(&a, &now)?;
            std::fs::remove_file(&copy)?;
            kb
        } else {
            let (a, now) = args(0);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            // Reads can run again and again: ten give the CPU time to the ms.
            self.rss_of(&a, &now, runs.clamp(1, 10))?
        };
        Ok(Measure {
            name,
            median_ms: median(times),
            rss_kb,
            cpu_ms,
        })
    }
}
