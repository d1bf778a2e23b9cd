//! `acctl config init`

use std::path::Path;

use clap::Args;

use crate::cli::GlobalArgs;
use crate::config::edit::{EditableConfig, write_atomically};
use crate::config::{BUILTIN_PROFILE, BUILTIN_URL, BackendUrl, ConfigError, ConfigFile, Region};
use crate::error::{CliError, ExitStatus};
use crate::settings::ConfigLocation;
use crate::ui::Ui;

/// Add a profile to the config file, or update one; the rest of the file
/// (other profiles, comments) is kept.
///
/// Without a config file, writes a starter file with every key, the optional
/// ones commented out, and makes the profile the default. With one, sets
/// `url` (and `region` when --region is given) of the profile named by -p,
/// adding the profile when it is new; `acctl config use NAME` makes it the
/// default. A URL other than a local one needs a profile name: a production
/// backend in a profile called `local` misleads.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl config init
  acctl config init -p prod --url https://accounts-admin.example.com --region CN
  acctl config use prod")]
pub struct InitArgs {
    /// Base URL of the account service's Admin API [default for a new profile: http://127.0.0.1:8080]
    #[arg(long, value_name = "URL")]
    url: Option<String>,
}

pub fn run(args: &InitArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let location = ConfigLocation::resolve(global)?;
    let url = args
        .url
        .as_deref()
        .map(|u| u.parse::<BackendUrl>().map_err(|source| ConfigError::Invalid { what: "`--url`".into(), source }))
        .transpose()?;
    let region = global
        .region
        .as_deref()
        .map(|r| r.parse::<Region>().map_err(|source| ConfigError::Invalid { what: "`--region`".into(), source }))
        .transpose()?;
    let name = match (&global.profile, &url) {
        (Some(name), _) => name.clone(),
        (None, Some(url)) if !is_local(url) => {
            return Err(CliError::usage(format!("name the profile for `{}` with `-p NAME`", url.0))
                .with_hint(format!("e.g. `acctl config init -p prod --url {}`", url.0)));
        }
        (None, _) => BUILTIN_PROFILE.to_owned(),
    };
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(CliError::usage(format!("`{name}` is not a profile name: use letters, digits, `-` and `_`")));
    }
    if location.path.exists() {
        return update(&location.path, &name, url.as_ref(), region.as_ref(), ui);
    }
    let url = url.unwrap_or_else(|| BackendUrl(BUILTIN_URL.to_owned()));
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
    write_atomically(&location.path, &text)?;
    ui.success(format!("Wrote `{}` with profile `{name}` → {}", location.path.display(), url.0));
    ui.hint(format!("next: `acctl auth login -p {name}`"));
    Ok(ExitStatus::Success)
}

/// The file exists: add or change one profile, keep everything else.
fn update(
    path: &Path,
    name: &str,
    url: Option<&BackendUrl>,
    region: Option<&Region>,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let mut config = EditableConfig::open(path)?;
    let existed = config.has_profile(name);
    let url = match url {
        Some(url) => Some(url.clone()),
        None if existed => None,
        None => Some(BackendUrl(BUILTIN_URL.to_owned())),
    };
    if url.is_none() && region.is_none() {
        ui.info(format!("Profile `{name}` is already in `{}`; nothing to change.", path.display()));
        ui.hint(format!("`acctl config set KEY VALUE -p {name}` changes one key"));
        return Ok(ExitStatus::Success);
    }
    if let Some(url) = &url {
        config.set(name, "url", &url.0)?;
    }
    if let Some(region) = region {
        config.set(name, "region", &region.0)?;
    }
    config.save()?;
    let verb = if existed { "Updated" } else { "Added" };
    ui.success(format!("{verb} profile `{name}` in `{}`", path.display()));
    if config.default_profile() != Some(name) {
        ui.hint(format!("`acctl config use {name}` makes it the default; next: `acctl auth login -p {name}`"));
    } else {
        ui.hint(format!("next: `acctl auth login -p {name}`"));
    }
    Ok(ExitStatus::Success)
}

/// Loopback or `localhost`: a development or sandbox service.
fn is_local(url: &BackendUrl) -> bool {
    let parsed = reqwest::Url::parse(&url.0);
    let Some(host) = parsed.as_ref().ok().and_then(|u| u.host_str()) else { return false };
    host == "localhost"
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
