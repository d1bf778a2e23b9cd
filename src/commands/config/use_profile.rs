//! `acctl config use`

use clap::Args;

use crate::cli::GlobalArgs;
use crate::config::edit::EditableConfig;
use crate::error::{CliError, ExitStatus};
use crate::settings::ConfigLocation;
use crate::ui::Ui;

/// Make a profile of the config file the default (`default_profile`), the
/// one used when neither -p nor ACCTL_PROFILE names one.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  acctl config use prod")]
pub struct UseArgs {
    /// A profile defined in the config file
    #[arg(value_name = "NAME")]
    name: String,
}

pub fn run(args: &UseArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let location = ConfigLocation::resolve(global)?;
    if !location.path.exists() {
        return Err(CliError::usage(format!("there is no config file at `{}`", location.path.display()))
            .with_hint(format!("`acctl config init -p {} --url URL` creates it", args.name)));
    }
    let mut config = EditableConfig::open(&location.path)?;
    config.require_profile(&args.name)?;
    config.set_default_profile(&args.name);
    config.save()?;
    ui.success(format!("Default profile is now `{}` (in `{}`)", args.name, location.path.display()));
    Ok(ExitStatus::Success)
}
