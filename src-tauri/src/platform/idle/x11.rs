//! X11: the MIT-SCREEN-SAVER extension's `QueryInfo` gives the milliseconds
//! since the last input the X server saw (XTEST input included, which is
//! how the E2E test moves the "user").

use x11rb::connection::{Connection, RequestConnection};
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::protocol::xproto::Window;
use x11rb::rust_connection::RustConnection;

pub(in crate::platform) struct ScreenSaver {
    conn: RustConnection,
    root: Window,
}

impl ScreenSaver {
    /// Connects to `$DISPLAY`; `None` without a server or without the extension.
    pub(in crate::platform) fn open() -> Option<Self> {
        let (conn, screen) = x11rb::connect(None).ok()?;
        conn.extension_information(screensaver::X11_EXTENSION_NAME)
            .ok()
            .flatten()?;
        let root = conn.setup().roots.get(screen)?.root;
        Some(Self { conn, root })
    }
}

impl super::IdleSource for ScreenSaver {
    fn idle_seconds(&mut self) -> Option<u64> {
        let info = self
            .conn
            .screensaver_query_info(self.root)
            .ok()?
            .reply()
            .ok()?;
        Some(u64::from(info.ms_since_user_input) / 1000)
    }
}
