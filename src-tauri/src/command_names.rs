// The app's commands: THE one list. `build.rs` declares a permission for each
// name, `lib.rs` registers them, `bindings.rs` generates their TypeScript
// callers and checks that `capabilities/<window>.json` grants each window
// exactly its commands. Each entry is `name(ArgumentStruct) -> ReturnType`
// (no argument: `name() -> ...`), granted to the main window; an entry ending
// in `, windows ["main", "summary"]` is granted to those windows instead.
// Writes return the new snapshot (also pushed as `state-changed`); views that
// show more than the snapshot read again.
macro_rules! gardefou_commands {
    ($then:ident) => {
        $then! {
            get_state() -> Snapshot;
            take_launch_view() -> Option<LaunchView>;
            get_banners() -> Banners, windows ["main", "summary"];
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
            export_options() -> ExportOptions, windows ["main", "summary"];
            choose_export_file(ExportArgs) -> Option<String>, windows ["main", "summary"];
            export_csv(ExportFileArgs) -> ExportDone, windows ["main", "summary"];
            choose_import_source(ImportSourceArgs) -> Option<String>;
            preview_import(ImportArgs) -> ImportView;
            run_import(ImportArgs) -> ImportView;
            quit() -> ();
            watch_questions() -> WatchView;
            answer_recovery(RecoveryArgs) -> Snapshot;
            answer_away(AwayArgs) -> Snapshot;
            answer_still_working(StillWorkingArgs) -> Snapshot;
            dismiss_idle_notice() -> WatchView;
            open_summary(SummaryArgs) -> ();
            week_summary(SummaryArgs) -> WeekSummary, windows ["summary"];
            record_decision(DecisionArgs) -> WeekSummary, windows ["summary"];
        }
    };
}
