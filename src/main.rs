//! The `gardefou` command line: a front end on the core library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
