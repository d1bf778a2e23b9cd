//! `acctl config set`

use clap::Args;

use crate::cli::GlobalArgs;
use crate::config::edit::{EditableConfig, PROFILE_KEYS};
use crate::error::{CliError, ExitStatus};
use crate::settings::ConfigLocation;
use crate::ui::Ui;

/// Change one key of a profile in the config file (the profile named by -p,
/// else the default one); the rest of the file is kept as it is.
///
/// The value is checked as loading checks it: a bad one is refused, naming
/// the key and the value, and the file is left unchanged.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl config set timeout 30s
  acctl config set -p prod require_reason true
  acctl config set concurrency 16 -p local")]
pub struct SetArgs {
    /// The key
    #[arg(value_name = "KEY", value_parser = clap::builder::PossibleValuesParser::new(PROFILE_KEYS))]
    key: String,

    /// Its new value, as it would be written in the file (`30s`, `true`, `50/s`, …)
    #[arg(value_name = "VALUE")]
    value: String,
}

pub fn run(args: &SetArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let location = ConfigLocation::resolve(global)?;
    if !location.path.exists() {
        return Err(CliError::usage(format!("there is no config file at `{}`", location.path.display()))
            .with_hint("`acctl config init` creates it"));
    }
    let mut config = EditableConfig::open(&location.path)?;
    let name = match (&global.profile, config.default_profile()) {
        (Some(name), _) => name.clone(),
        (None, Some(name)) => name.to_owned(),
        (None, None) => crate::config::BUILTIN_PROFILE.to_owned(),
    };
    config.require_profile(&name)?;
    config.set(&name, &args.key, &args.value)?;
    config.save()?;
    ui.success(format!("Set `{}` of profile `{name}` in `{}`", args.key, location.path.display()));
    Ok(ExitStatus::Success)
}
