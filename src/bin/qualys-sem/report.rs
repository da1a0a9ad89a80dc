//! How a subcommand's outcome becomes messages on standard error and an exit status.

use std::io;
use std::process::ExitCode;

/// The result of a subcommand.
pub enum Outcome {
    /// Everything was read and written.
    Clean,
    /// Some input was bad; every error was already reported.
    BadInput,
}

/// A failure that stops a subcommand.
pub enum Failure {
    /// The input is bad: the message names the fault and its position.
    Input(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(error: serde_json::Error) -> Self {
        Failure::Output(error.into())
    }
}

impl From<csv::Error> for Failure {
    fn from(error: csv::Error) -> Self {
        Failure::Output(error.into())
    }
}

/// Prints an error about the input on standard error.
pub fn input_error(message: impl std::fmt::Display) {
    eprintln!("error: {message}");
}

/// Maps an outcome to the exit status: 0 clean, 1 bad input or failed output. A closed pipe
/// (as with `| head`) ends the program quietly with 0.
pub fn exit_code(outcome: Result<Outcome, Failure>) -> ExitCode {
    match outcome {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::BadInput) => ExitCode::FAILURE,
        Err(Failure::Input(message)) => {
            input_error(message);
            ExitCode::FAILURE
        }
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(error)) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::FAILURE
        }
    }
}
