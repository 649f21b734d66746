use std::process::ExitCode;

use clap::Parser;
use roundabout::cli::{main_with, Cli};

fn main() -> ExitCode {
    main_with(Cli::parse())
}
