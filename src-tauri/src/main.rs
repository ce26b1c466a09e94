//! One binary: `rapport` opens the app; `rapport <subcommand>` runs the CLI.

use clap::Parser;

fn main() {
    let cli = rapport_app::cli::Cli::parse();
    let code = match cli.command {
        Some(command) => rapport_app::cli::run(&cli.global, command),
        None => rapport_app::run_app(&cli.global),
    };
    std::process::exit(code);
}
