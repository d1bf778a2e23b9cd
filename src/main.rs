//! The `acctl` binary: parse, run, exit with the code the run earned.

fn main() -> std::process::ExitCode {
    acctl::main()
}
