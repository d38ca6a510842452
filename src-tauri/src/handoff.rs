//! One app per database: a second launch (`gardefou-desktop sessions` from a
//! launcher's Desktop Action) hands its view to the running instance over a
//! Unix socket and exits, instead of opening a second tray and window.
//! Keyed by the database's path, so apps on different databases (tests, a
//! second profile) never see each other.

use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::launch::Launch;

/// Where the instance running on `db` listens.
pub fn socket_path(db: &Path) -> PathBuf {
    let db = db.canonicalize().unwrap_or_else(|_| db.to_path_buf());
    // Both ends are the same binary, so the same hasher.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    db.hash(&mut hasher);
    let dir = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    dir.join(format!("gardefou-desktop-{:016x}.sock", hasher.finish()))
}

/// Sends a launch's request (or just "show yourself") to a running
/// instance, as its arguments on one line; true when one took it.
pub fn hand_off(socket: &Path, launch: Option<Launch>) -> bool {
    let Ok(mut stream) = UnixStream::connect(socket) else {
        return false;
    };
    let _ = stream.set_write_timeout(Some(Duration::from_secs(2)));
    let line = launch.map_or_else(|| "show".to_string(), |l| l.args().join(" "));
    stream.write_all(format!("{line}\n").as_bytes()).is_ok()
}

/// Listens on `socket` in a thread; `on_launch` gets each later launch's request.
pub fn listen(
    socket: &Path,
    on_launch: impl Fn(Option<Launch>) + Send + 'static,
) -> std::io::Result<()> {
    let listener = match UnixListener::bind(socket) {
        Ok(listener) => listener,
        // A socket left by an instance that crashed: nobody answers on it.
        Err(e) if e.kind() == ErrorKind::AddrInUse => {
            if UnixStream::connect(socket).is_ok() {
                return Err(e);
            }
            std::fs::remove_file(socket)?;
            UnixListener::bind(socket)?
        }
        Err(e) => return Err(e),
    };
    std::thread::Builder::new()
        .name("gardefou-handoff".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut line = String::new();
                if BufReader::new(stream).read_line(&mut line).is_ok() {
                    let args: Vec<&str> = line.split_whitespace().collect();
                    on_launch(Launch::parse(&args).ok().flatten());
                }
            }
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;
    use crate::view::LaunchView;

    #[test]
    fn a_second_launch_hands_its_view_to_the_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("g.sqlite3");
        let socket = dir.path().join("s.sock");
        assert!(!hand_off(&socket, None), "nobody listens yet");
        let (tx, rx) = mpsc::channel();
        listen(&socket, move |view| {
            let _ = tx.send(view);
        })
        .expect("listen");
        assert!(hand_off(&socket, Some(Launch::View(LaunchView::Sessions))));
        let got = rx.recv_timeout(Duration::from_secs(5)).expect("received");
        assert_eq!(got, Some(Launch::View(LaunchView::Sessions)));
        let week = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
        assert!(hand_off(&socket, Some(Launch::Summary(week))));
        let got = rx.recv_timeout(Duration::from_secs(5)).expect("received");
        assert_eq!(got, Some(Launch::Summary(week)));
        assert!(hand_off(&socket, None));
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).expect("show"), None);
        // Another database, another socket.
        assert_ne!(
            socket_path(&db),
            socket_path(&dir.path().join("other.sqlite3"))
        );
    }

    #[test]
    fn a_stale_socket_is_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let socket = dir.path().join("s.sock");
        drop(UnixListener::bind(&socket).expect("bind")); // the file stays, nobody listens
        listen(&socket, |_| {}).expect("listen over a stale socket");
        assert!(hand_off(&socket, None));
    }
}
