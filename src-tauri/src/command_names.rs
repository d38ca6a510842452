// The app's commands: THE one list. `build.rs` declares a permission for each
// name, `lib.rs` registers them, `bindings.rs` generates their TypeScript
// callers and checks `capabilities/main.json` grants exactly these. Each entry
// is `name(ArgumentStruct) -> ReturnType` (no argument: `name() -> ...`).
// Writes return the new snapshot (also pushed as `state-changed`); views that
// show more than the snapshot read again.
macro_rules! gardefou_commands {
    ($then:ident) => {
        $then! {
            get_state() -> Snapshot;
            take_launch_view() -> Option<LaunchView>;
            get_banners() -> Banners;
            start_timer(StartTimerArgs) -> Snapshot;
            stop_timer() -> Snapshot;
            list_clients() -> Vec<ClientRow>;
            add_client(ClientForm) -> Snapshot;
            edit_client(EditClientArgs) -> Snapshot;
            set_client_archived(ArchiveClientArgs) -> Snapshot;
            week_sessions(WeekArgs) -> WeekView;
            add_session(SessionForm) -> Snapshot;
            edit_session(EditSessionArgs) -> Snapshot;
            delete_session(SessionIdArgs) -> Snapshot;
            restore_session(SessionIdArgs) -> Snapshot;
            get_settings() -> SettingsView;
            set_setting(SetSettingArgs) -> Snapshot;
            export_options() -> ExportOptions;
            choose_export_file(ExportArgs) -> Option<String>;
            export_csv(ExportFileArgs) -> ExportDone;
            choose_import_source(ImportSourceArgs) -> Option<String>;
            preview_import(ImportArgs) -> ImportView;
            run_import(ImportArgs) -> ImportView;
            quit() -> ();
        }
    };
}
