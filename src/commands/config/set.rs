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
///
/// Single sign-on takes `oidc_issuer`, `oidc_client_id` and `oidc_audience`
/// together: set them one after the other (until the third, acctl says which
/// are still missing, and the profile is refused when used). `oidc_scopes`
/// takes a list: `acctl,support`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl config set timeout 30s
  acctl config set -p prod require_reason true
  acctl config set concurrency 16 -p local
  acctl config set -p prod oidc_issuer https://sso.example.com/realms/staff
  acctl config set -p prod oidc_client_id acctl
  acctl config set -p prod oidc_audience https://accounts-admin.example.com")]
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
    let missing = config.missing_sso_keys(&name);
    if !missing.is_empty() {
        let names = crate::ui::and_list(&missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>());
        let next = missing.iter().map(|k| format!("  acctl config set -p {name} {k} VALUE")).collect::<Vec<_>>();
        ui.warn(format!(
            "profile `{name}` needs {names} too before it can be used (single sign-on takes all three):\n{}",
            next.join("\n")
        ));
    }
    Ok(ExitStatus::Success)
}
