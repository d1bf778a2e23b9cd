//! `acctl config init`

use clap::Args;

use crate::cli::GlobalArgs;
use crate::config::{BUILTIN_PROFILE, BUILTIN_URL, BackendUrl, ConfigError, ConfigFile, Region};
use crate::error::{CliError, ExitStatus};
use crate::settings::ConfigLocation;
use crate::ui::Ui;

/// Write a starter config file with one profile (named by -p, default `local`).
///
/// Every key is written, the optional ones commented out. The file is not
/// overwritten unless --force is given.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  acctl config init\n  acctl config init -p prod --url https://accounts-admin.example.com --region CN --force"
)]
pub struct InitArgs {
    /// Base URL of the account service's Admin API
    #[arg(long, default_value = BUILTIN_URL)]
    url: String,

    /// Replace an existing config file
    #[arg(long)]
    force: bool,
}

pub fn run(args: &InitArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let location = ConfigLocation::resolve(global)?;
    let url =
        args.url.parse::<BackendUrl>().map_err(|source| ConfigError::Invalid { what: "`--url`".into(), source })?;
    let region = global
        .region
        .as_deref()
        .map(|r| r.parse::<Region>().map_err(|source| ConfigError::Invalid { what: "`--region`".into(), source }))
        .transpose()?;
    let name = global.profile.clone().unwrap_or_else(|| BUILTIN_PROFILE.to_owned());
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(CliError::usage(format!("`{name}` is not a profile name: use letters, digits, `-` and `_`")));
    }
    if location.path.exists() && !args.force {
        return Err(CliError::usage(format!("`{}` already exists", location.path.display()))
            .with_hint("pass `--force` to replace it, or edit it: `acctl config show` prints what it resolves to"));
    }
    let region_line = match &region {
        Some(r) => format!("region = \"{}\"", r.0),
        None => "# region = \"CN\"".to_owned(),
    };
    let text = format!(
        r#"# acctl configuration. Every key is documented in config.example.toml in the
# acctl sources. Tokens never go here: `acctl auth login` keeps them in the OS keyring.

default_profile = "{name}"

[profiles.{name}]
url = "{url}"
# Default region for national phone numbers (ISO 3166, e.g. CN, US, GB).
{region_line}
# Refuse changes without --reason; protected adds a banner and requires --ticket.
require_reason = false
protected = false
# Total time one request may take ("500ms", "10s", "2m").
timeout = "10s"
# Requests in flight at once for `lookup -` and bulk jobs (1 to 256).
concurrency = 8
# Client-side ceiling on requests: "50/s", "600/m", or "off".
rate = "off"
# Extra trusted root certificates (PEM) for a backend behind an internal CA.
# ca_bundle = "/etc/ssl/internal-ca.pem"
"#,
        url = url.0
    );
    // What we write must be what we read.
    ConfigFile::parse(&text)
        .map_err(|e| CliError::unexpected(anyhow::anyhow!("the starter config does not parse: {e}")))?;
    if let Some(dir) = location.path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ConfigError::Read { path: location.path.clone(), source: e })?;
    }
    std::fs::write(&location.path, text).map_err(|e| ConfigError::Read { path: location.path.clone(), source: e })?;
    ui.success(format!("Wrote `{}` with profile `{name}` → {}", location.path.display(), url.0));
    ui.hint(format!("next: `acctl auth login -p {name}`"));
    Ok(ExitStatus::Success)
}
