// The app's commands: THE one list. `build.rs` declares a permission for each
// name, `lib.rs` registers them, `bindings.rs` generates their TypeScript
// callers and checks `capabilities/main.json` grants exactly these. Each entry
// is `name(ArgumentStruct) -> ReturnType` (no argument: `name() -> ...`).
macro_rules! gardefou_commands {
    ($then:ident) => {
        $then! {
            get_state() -> Snapshot;
            take_launch_view() -> Option<LaunchView>;
            start_timer(StartTimerArgs) -> Snapshot;
            stop_timer() -> Snapshot;
            list_clients() -> Vec<ClientRow>;
            add_client(ClientForm) -> Vec<ClientRow>;
            edit_client(EditClientArgs) -> Vec<ClientRow>;
            set_client_archived(ArchiveClientArgs) -> Vec<ClientRow>;
            week_sessions(WeekArgs) -> WeekView;
            add_session(SessionForm) -> SessionView;
            edit_session(EditSessionArgs) -> SessionView;
            delete_session(SessionIdArgs) -> SessionView;
            restore_session(SessionIdArgs) -> SessionView;
            get_settings() -> SettingsView;
            set_setting(SetSettingArgs) -> SettingsView;
            quit() -> ();
        }
    };
}
