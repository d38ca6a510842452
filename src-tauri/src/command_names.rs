// The app's commands, one list for `build.rs` (which declares a permission for
// each) and for the crate (bindings, tests). Granted in `capabilities/main.json`.
&["get_state", "start_timer", "stop_timer", "quit"]
