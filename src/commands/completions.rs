//! `acctl completions SHELL`

use std::io::Write;

use clap::Args;
use clap_complete::Shell;

use crate::error::{CliError, ExitStatus};
use crate::ui::Ui;

/// Print the completion script for a shell.
///
/// The script asks `acctl` (found on PATH) for each completion, so values
/// known only at run time complete too: `-p <TAB>` offers the profiles of the
/// config file. The same scripts are committed under completions/ in the
/// acctl sources.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  source <(acctl completions bash)           # this shell only
  mkdir -p ~/.local/share/bash-completion/completions
  acctl completions bash > ~/.local/share/bash-completion/completions/acctl
  mkdir -p ~/.zfunc && acctl completions zsh > ~/.zfunc/_acctl   # with fpath+=(~/.zfunc)
  mkdir -p ~/.config/fish/completions
  acctl completions fish > ~/.config/fish/completions/acctl.fish")]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: &CompletionsArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let mut out = ui.stdout();
    out.write_all(&crate::docs::completion(args.shell))?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
