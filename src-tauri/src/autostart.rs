//! Start at login, through the official autostart plugin (Linux: an XDG
//! autostart entry, `~/.config/autostart/Gardefou.desktop`; Windows: the Run
//! key; macOS: a launch agent). The `autostart` setting says what the user
//! wants; the app makes the system agree on launch and whenever the setting
//! changes (in the window or with `gardefou settings set autostart on`).

use std::sync::Mutex;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_autostart::{MacosLauncher, ManagerExt};

use crate::launch::AT_LOGIN;

/// The plugin; its login entry starts the app with [`AT_LOGIN`].
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_autostart::init(MacosLauncher::LaunchAgent, Some(vec![AT_LOGIN]))
}

/// The system's login items, as far as the app needs them.
pub trait LoginItem {
    fn is_enabled(&self) -> Result<bool, String>;
    fn set(&self, enabled: bool) -> Result<(), String>;
}

/// What was last made true, so that the entry is only touched on a change.
#[derive(Debug, Default)]
pub struct Applied(Mutex<Option<bool>>);

/// Makes the login entry match `wanted`; touches the system only when
/// `wanted` differs from what was applied last (or on the first call, after
/// asking the system). Returns whether it changed anything.
pub fn reconcile(wanted: bool, applied: &Applied, item: &dyn LoginItem) -> Result<bool, String> {
    let mut applied = applied.0.lock().unwrap_or_else(|e| e.into_inner());
    if *applied == Some(wanted) {
        return Ok(false);
    }
    let changed = item.is_enabled()? != wanted;
    if changed {
        item.set(wanted)?;
    }
    *applied = Some(wanted);
    Ok(changed)
}

struct Plugin<'a, R: Runtime>(&'a AppHandle<R>);

impl<R: Runtime> LoginItem for Plugin<'_, R> {
    fn is_enabled(&self) -> Result<bool, String> {
        self.0.autolaunch().is_enabled().map_err(|e| e.to_string())
    }
    fn set(&self, enabled: bool) -> Result<(), String> {
        let manager = self.0.autolaunch();
        if enabled {
            manager.enable()
        } else {
            manager.disable()
        }
        .map_err(|e| e.to_string())
    }
}

/// Applies the `autostart` setting (no-op where the plugin is not running:
/// the mock runtime of the tests).
pub fn apply<R: Runtime>(app: &AppHandle<R>, wanted: bool) {
    if app
        .try_state::<tauri_plugin_autostart::AutoLaunchManager>()
        .is_none()
    {
        return;
    }
    let applied = app.state::<Applied>();
    match reconcile(wanted, &applied, &Plugin(app)) {
        Ok(true) => log::info!(
            "start at login turned {}",
            if wanted { "on" } else { "off" }
        ),
        Ok(false) => {}
        Err(e) => log::warn!("cannot change the start at login: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[derive(Default)]
    struct FakeItem {
        enabled: RefCell<bool>,
        writes: RefCell<Vec<bool>>,
    }

    impl LoginItem for FakeItem {
        fn is_enabled(&self) -> Result<bool, String> {
            Ok(*self.enabled.borrow())
        }
        fn set(&self, enabled: bool) -> Result<(), String> {
            *self.enabled.borrow_mut() = enabled;
            self.writes.borrow_mut().push(enabled);
            Ok(())
        }
    }

    #[test]
    fn the_entry_follows_the_setting_and_is_touched_only_on_a_change() {
        let (item, applied) = (FakeItem::default(), Applied::default());
        assert_eq!(
            reconcile(false, &applied, &item),
            Ok(false),
            "off and absent"
        );
        assert_eq!(reconcile(true, &applied, &item), Ok(true));
        assert_eq!(reconcile(true, &applied, &item), Ok(false), "no rewrite");
        assert!(*item.enabled.borrow());
        assert_eq!(reconcile(false, &applied, &item), Ok(true));
        assert_eq!(*item.writes.borrow(), vec![true, false]);
    }

    #[test]
    fn an_entry_left_by_hand_is_removed_when_the_setting_is_off() {
        let item = FakeItem::default();
        *item.enabled.borrow_mut() = true;
        assert_eq!(reconcile(false, &Applied::default(), &item), Ok(true));
        assert!(!*item.enabled.borrow());
    }
}
