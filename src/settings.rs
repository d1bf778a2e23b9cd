//! Parse, then resolve: flags, environment and the config file become one
//! validated [`Settings`] before any command logic runs.
//!
//! Precedence, highest first, for every setting:
//!
//! 1. the command-line flag (`--profile`, `--output`, `--region`, …);
//! 2. its environment variable (`ACCTL_PROFILE`, `ACCTL_OUTPUT`, `ACCTL_REGION`,
//!    …; clap reads these into the same fields, so 1 and 2 arrive together),
//!    and `ACCTL_URL` for the profile's `url`;
//! 3. the selected profile in the config file (`--config`, `ACCTL_CONFIG`, or
//!    `$XDG_CONFIG_HOME/acctl/config.toml`);
//! 4. the built-in defaults below. Without any config file, the profile
//!    `local` exists built in and points at `http://127.0.0.1:8080`.
//!
//! The profile itself is chosen by `--profile`/`ACCTL_PROFILE`, else the
//! file's `default_profile`, else `local`.

use std::path::PathBuf;

use acctl_api::Identifier;

use crate::cli::GlobalArgs;
use crate::config::{
    BUILTIN_PROFILE, BUILTIN_URL, BackendUrl, ConfigError, ConfigFile, ProfileConfig, Region, ValueError,
};
use crate::env::EnvVars;
use crate::error::CliError;
use crate::output::{OutputFormat, OutputSettings};
use crate::profile::{AuditContext, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT, OidcProfile, Profile};

/// Where the config file is.
#[derive(Debug, Clone)]
pub struct ConfigLocation {
    pub path: PathBuf,
}

impl ConfigLocation {
    /// `--config`/`ACCTL_CONFIG`, else the XDG default.
    pub fn resolve(global: &GlobalArgs) -> Result<ConfigLocation, ConfigError> {
        match &global.config {
            Some(path) => Ok(ConfigLocation { path: path.clone() }),
            None => crate::dirs::config_dir()
                .map(|dir| ConfigLocation { path: dir.join("config.toml") })
                .ok_or(ConfigError::NoConfigDir),
        }
    }
}

/// Everything a command needs to know, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub config: ConfigLocation,
    pub config_exists: bool,
    pub profile: Profile,
    pub output: OutputSettings,
    pub audit: AuditContext,
    pub no_input: bool,
    /// `--yes`: a protected profile's confirmation is given.
    pub yes: bool,
    pub reveal: bool,
}

impl Settings {
    /// Resolves the settings; `stdout_terminal` picks the default output format.
    pub fn resolve(global: &GlobalArgs, stdout_terminal: bool) -> Result<Settings, ConfigError> {
        let config = ConfigLocation::resolve(global)?;
        let file = ConfigFile::load(&config.path)?;
        let config_exists = file.is_some();
        let profile = resolve_profile(global, &config, file, crate::env::var(EnvVars::ACCTL_URL))?;
        let output = OutputSettings {
            format: global.output.unwrap_or(if stdout_terminal { OutputFormat::Table } else { OutputFormat::Ndjson }),
            fields: global.fields.clone().map(|f| f.into_iter().map(|s| s.trim().to_owned()).collect()),
            jq: global.jq.clone(),
        };
        let audit = AuditContext {
            reason: audit_text("--reason", global.reason.as_deref())?,
            ticket: audit_text("--ticket", global.ticket.as_deref())?,
            job: None,
        };
        Ok(Settings {
            config,
            config_exists,
            profile,
            output,
            audit,
            no_input: global.no_input,
            yes: global.yes,
            reveal: global.reveal,
        })
    }

    /// Reads IDENT as `acctl lookup` does: any identifier form, the profile's
    /// region for national phone numbers. A bad one is a usage error naming it.
    pub fn parse_identifier(&self, input: &str) -> Result<Identifier, CliError> {
        Ok(Identifier::parse(input, self.profile.region.as_deref())?)
    }
}

/// A profile of the config file by name, or why its entry does not load.
pub type NamedProfile = (String, Result<Profile, ConfigError>);

impl Settings {
    /// Every other profile of the config file, each as its own entry says
    /// (its `url`, not `ACCTL_URL`, which overrides only the profile in
    /// use), in name order; a broken entry is its error. For `auth status`.
    pub fn other_profiles(&self, global: &GlobalArgs) -> Result<Vec<NamedProfile>, ConfigError> {
        let Some(file) = ConfigFile::load(&self.config.path)? else { return Ok(Vec::new()) };
        let names: Vec<String> = file.profiles.keys().filter(|n| **n != self.profile.name).cloned().collect();
        Ok(names
            .into_iter()
            .map(|name| {
                let global = GlobalArgs { profile: Some(name.clone()), ..global.clone() };
                let profile = resolve_profile(&global, &self.config, Some(file.clone()), None);
                (name, profile)
            })
            .collect())
    }

    /// Checks what a mutating command needs before it changes anything:
    /// `--reason` when the profile requires one; on a `protected` profile also
    /// `--ticket`, and `--yes` when there is no one to ask (`can_confirm` is
    /// false: `--no-input`, or no terminal). Everything missing is named in
    /// one error, so one more run is enough. Returns the banner a protected
    /// profile shows on stderr, for the command to print.
    pub fn check_change(&self, can_confirm: bool) -> Result<Option<String>, CliError> {
        let p = &self.profile;
        let mut missing = Vec::new();
        let mut how = Vec::new();
        if (p.require_reason || p.protected) && self.audit.reason.is_none() {
            missing.push("a reason");
            how.push("`--reason TEXT` (or `ACCTL_REASON`)");
        }
        if p.protected && self.audit.ticket.is_none() {
            missing.push("a ticket");
            how.push("`--ticket ID` (or `ACCTL_TICKET`)");
        }
        if p.protected && !self.yes && !can_confirm {
            missing.push(if self.no_input {
                "a confirmation (`--no-input` is set)"
            } else {
                "a confirmation (there is no terminal to ask on)"
            });
            how.push("`--yes`");
        }
        if missing.is_empty() {
            return Ok(self.protected_banner());
        }
        let mut hint = format!("pass {}", crate::ui::and_list(&how));
        match missing.iter().filter(|m| !m.starts_with("a confirmation")).count() {
            0 => {}
            1 => hint.push_str("; it is recorded in the audit log"),
            _ => hint.push_str("; they are recorded in the audit log"),
        }
        let message = match p.protected {
            true => format!("profile `{}` is protected: this change needs {}", p.name, crate::ui::and_list(&missing)),
            false => format!("profile `{}` requires a reason for every change", p.name),
        };
        Err(CliError::usage(message).with_hint(hint))
    }

    /// The line a protected profile shows before every change, or `None`.
    pub fn protected_banner(&self) -> Option<String> {
        let p = &self.profile;
        p.protected.then(|| format!("PROTECTED PROFILE `{}` ({}): this changes real customer accounts", p.name, p.url))
    }
}

fn resolve_profile(
    global: &GlobalArgs,
    config: &ConfigLocation,
    file: Option<ConfigFile>,
    env_url: Option<String>,
) -> Result<Profile, ConfigError> {
    let file_exists = file.is_some();
    let file = file.unwrap_or_default();
    let name =
        global.profile.clone().or_else(|| file.default_profile.clone()).unwrap_or_else(|| BUILTIN_PROFILE.to_owned());
    let raw = match file.profiles.get(&name) {
        Some(p) => p.clone(),
        None if !file_exists && name == BUILTIN_PROFILE => ProfileConfig::default(),
        None => {
            return Err(ConfigError::UnknownProfile {
                name,
                path: config.path.clone(),
                available: file.profiles.keys().cloned().collect(),
                file_exists,
            });
        }
    };
    let insecure_http = raw.insecure_http.unwrap_or(false);
    let oidc = resolve_oidc(&name, config, &raw, insecure_http)?;
    let (url, url_source) = match (env_url, raw.url) {
        (Some(u), _) => (
            u.parse::<BackendUrl>().map_err(|source| ConfigError::Invalid { what: "`ACCTL_URL`".into(), source })?.0,
            "ACCTL_URL",
        ),
        (None, Some(u)) => (u.0, "config"),
        (None, None) if !file_exists => (BUILTIN_URL.to_owned(), "built-in"),
        (None, None) => {
            return Err(ConfigError::Invalid {
                what: format!("profile `{name}` in `{}`", config.path.display()),
                source: ValueError("it has no `url`".into()),
            });
        }
    };
    if let Some(why) = crate::client::transport::plain_http_refusal(&url, insecure_http) {
        let what = if url_source == "ACCTL_URL" {
            format!("`ACCTL_URL` for profile `{name}`")
        } else {
            format!("`url` of profile `{name}` in `{}`", config.path.display())
        };
        return Err(ConfigError::Invalid {
            what,
            source: ValueError(format!(
                "{why}; use `https://`, or set `insecure_http = true` in the profile if that is really meant"
            )),
        });
    }
    let region = match &global.region {
        Some(r) => {
            Some(r.parse::<Region>().map_err(|source| ConfigError::Invalid { what: "`--region`".into(), source })?.0)
        }
        None => raw.region.map(|r| r.0),
    };
    Ok(Profile {
        name,
        url,
        url_source,
        region,
        require_reason: raw.require_reason.unwrap_or(false),
        protected: raw.protected.unwrap_or(false),
        timeout: raw.timeout.map_or(DEFAULT_TIMEOUT, |t| t.0),
        concurrency: raw.concurrency.map_or(DEFAULT_CONCURRENCY, |c| c.0),
        rate: raw.rate.and_then(|r| r.per_second),
        ca_bundle: raw.ca_bundle,
        insecure_http,
        max_affected: raw.max_affected,
        oidc,
    })
}

/// The profile's single sign-on, checked as `url` is: `oidc_issuer`,
/// `oidc_client_id` and `oidc_audience` all or none (half a setup would only
/// fail later, at sign-in), and the issuer `https://` unless it is this
/// machine or the profile says `insecure_http = true`.
fn resolve_oidc(
    name: &str,
    config: &ConfigLocation,
    raw: &ProfileConfig,
    insecure_http: bool,
) -> Result<Option<OidcProfile>, ConfigError> {
    let invalid = |why: String| ConfigError::Invalid {
        what: format!("profile `{name}` in `{}`", config.path.display()),
        source: ValueError(why),
    };
    let (issuer, client_id, audience) = match (&raw.oidc_issuer, &raw.oidc_client_id, &raw.oidc_audience) {
        (Some(i), Some(c), Some(a)) => (i.0.clone(), c.0.clone(), a.0.clone()),
        (None, None, None) => {
            let extra: Vec<&str> = [
                ("`oidc_scopes`", raw.oidc_scopes.is_some()),
                ("`oidc_audience_param`", raw.oidc_audience_param.is_some()),
            ]
            .into_iter()
            .filter_map(|(key, set)| set.then_some(key))
            .collect();
            if extra.is_empty() {
                return Ok(None);
            }
            return Err(invalid(format!(
                "it sets {} without `oidc_issuer`, `oidc_client_id` and `oidc_audience`",
                crate::ui::and_list(&extra)
            )));
        }
        (i, c, a) => {
            let (mut set, mut unset) = (Vec::new(), Vec::new());
            for (key, present) in
                [("`oidc_issuer`", i.is_some()), ("`oidc_client_id`", c.is_some()), ("`oidc_audience`", a.is_some())]
            {
                if present { set.push(key) } else { unset.push(key) }
            }
            return Err(invalid(format!(
                "`oidc_issuer`, `oidc_client_id` and `oidc_audience` go together: it sets {} but not {}",
                crate::ui::and_list(&set),
                crate::ui::or_list(&unset)
            )));
        }
    };
    if let Ok(url) = reqwest::Url::parse(&issuer)
        && url.scheme() == "http"
        && !insecure_http
        && !crate::client::transport::is_loopback(&url)
    {
        return Err(ConfigError::Invalid {
            what: format!("`oidc_issuer` of profile `{name}` in `{}`", config.path.display()),
            source: ValueError(format!(
                "`{issuer}` is plain http to a host that is not this machine: sign-in tokens would cross the network unencrypted; use `https://`, or set `insecure_http = true` in the profile if that is really meant"
            )),
        });
    }
    Ok(Some(OidcProfile {
        issuer,
        client_id,
        audience,
        scopes: raw.oidc_scopes.iter().flatten().map(|s| s.0.clone()).collect(),
        audience_param: raw.oidc_audience_param.unwrap_or_default(),
    }))
}

/// The profile names of the config file (`ACCTL_CONFIG`, else the default
/// path), with their URLs as help, for `-p <TAB>`. A missing or broken file
/// completes nothing: completion must never print an error into a prompt.
pub fn profile_candidates() -> Vec<clap_complete::CompletionCandidate> {
    let global =
        GlobalArgs { config: crate::env::var_os(EnvVars::ACCTL_CONFIG).map(PathBuf::from), ..GlobalArgs::default() };
    let Ok(location) = ConfigLocation::resolve(&global) else { return Vec::new() };
    let Ok(Some(file)) = ConfigFile::load(&location.path) else { return Vec::new() };
    file.profiles
        .into_iter()
        .map(|(name, profile)| {
            let help = profile.url.map(|u| clap::builder::StyledStr::from(u.0));
            clap_complete::CompletionCandidate::new(name).help(help)
        })
        .collect()
}

/// Audit text travels in an HTTP header: see [`AuditContext::check_text`].
fn audit_text(flag: &str, value: Option<&str>) -> Result<Option<String>, ConfigError> {
    let Some(value) = value else { return Ok(None) };
    match AuditContext::check_text(value) {
        Ok(text) => Ok(text.map(str::to_owned)),
        Err(why) => Err(ConfigError::Invalid { what: format!("`{flag}`"), source: ValueError(why.into()) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn global(config: &std::path::Path) -> GlobalArgs {
        GlobalArgs { config: Some(config.to_owned()), ..GlobalArgs::default() }
    }

    #[test]
    fn without_a_config_file_the_builtin_local_profile_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::resolve(&global(&dir.path().join("none.toml")), false).unwrap();
        assert_eq!(s.profile.name, "local");
        assert_eq!(s.profile.url, BUILTIN_URL);
        assert_eq!(s.output.format, OutputFormat::Ndjson);
        assert!(!s.config_exists);
    }

    #[test]
    fn flags_win_over_the_file_and_unknown_profiles_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "default_profile = \"a\"\n[profiles.a]\nurl = \"http://a.example\"\ninsecure_http = true\nregion = \"CN\"\n[profiles.b]\nurl = \"https://b.example\"\nconcurrency = 3\n",
        )
        .unwrap();
        let s = Settings::resolve(&global(&path), true).unwrap();
        assert_eq!((s.profile.name.as_str(), s.profile.url.as_str()), ("a", "http://a.example"));
        assert_eq!(s.profile.region.as_deref(), Some("CN"));
        assert!(s.profile.insecure_http);
        assert_eq!(s.output.format, OutputFormat::Table);

        let mut g = global(&path);
        g.profile = Some("b".into());
        g.region = Some("us".into());
        let s = Settings::resolve(&g, true).unwrap();
        assert_eq!((s.profile.concurrency, s.profile.region.as_deref()), (3, Some("US")));

        g.profile = Some("c".into());
        let err = Settings::resolve(&g, true).unwrap_err();
        assert!(err.to_string().contains("profile `c`"), "{err}");
        assert!(err.hint().unwrap().contains("`a`, `b`"));
    }

    #[test]
    fn protected_profiles_name_every_missing_requirement_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[profiles.local]\nurl = \"https://p.example\"\nprotected = true\n").unwrap();
        let mut g = global(&path);
        g.no_input = true;
        let err = Settings::resolve(&g, false).unwrap().check_change(false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "profile `local` is protected: this change needs a reason, a ticket and a confirmation (`--no-input` is set)"
        );
        g.reason = Some("customer called".into());
        g.ticket = Some("SUP-1".into());
        let err = Settings::resolve(&g, false).unwrap().check_change(false).unwrap_err();
        assert!(err.to_string().ends_with("needs a confirmation (`--no-input` is set)"), "{err}");
        // A terminal to ask on is as good as --yes here: the command asks.
        assert!(Settings::resolve(&g, false).unwrap().check_change(true).unwrap().is_some());
        g.yes = true;
        let banner = Settings::resolve(&g, false).unwrap().check_change(false).unwrap();
        assert!(banner.unwrap().contains("PROTECTED"));
    }

    #[test]
    fn single_sign_on_is_all_or_nothing_and_https_off_this_machine() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let resolve = |extra: &str| {
            std::fs::write(&path, format!("[profiles.local]\nurl = \"https://a.example\"\n{extra}")).unwrap();
            Settings::resolve(&global(&path), false)
        };
        let full =
            "oidc_issuer = \"https://sso.example/\"\noidc_client_id = \"acctl\"\noidc_audience = \"api://acctl\"\n";
        let s = resolve(full).unwrap();
        let oidc = s.profile.oidc.unwrap();
        assert_eq!(oidc.issuer, "https://sso.example/", "the issuer is kept exactly, trailing slash and all");
        assert_eq!(oidc.scope(), "openid offline_access");
        assert_eq!(oidc.audience_field(), Some(("resource", "api://acctl")));
        let s =
            resolve(&format!("{full}oidc_scopes = [\"acctl\", \"openid\"]\noidc_audience_param = \"none\"\n")).unwrap();
        let oidc = s.profile.oidc.unwrap();
        assert_eq!(oidc.scope(), "openid offline_access acctl");
        assert_eq!(oidc.audience_field(), None);

        let err = resolve("oidc_issuer = \"https://sso.example\"\n").unwrap_err();
        let text = format!("{err}: {}", std::error::Error::source(&err).unwrap());
        assert!(text.contains("it sets `oidc_issuer` but not `oidc_client_id` or `oidc_audience`"), "{text}");
        let err = resolve("oidc_scopes = [\"x\"]\n").unwrap_err();
        assert!(std::error::Error::source(&err).unwrap().to_string().contains("without `oidc_issuer`"), "{err}");
        let err = resolve(&full.replace("https://sso.example/", "http://sso.example")).unwrap_err();
        assert!(err.to_string().contains("`oidc_issuer`"), "{err}");
        assert!(
            resolve(&format!("{}insecure_http = true\n", full.replace("https://sso.example/", "http://sso.example")))
                .is_ok()
        );
        assert!(resolve(&full.replace("https://sso.example/", "http://127.0.0.1:9000")).is_ok());
        assert!(resolve(&full.replace("https://sso.example/", "https://sso.example/?x=1")).is_err());
    }

    #[test]
    fn audit_text_must_be_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut g = global(&dir.path().join("none.toml"));
        g.reason = Some("customer called\r\nX-Evil: 1".into());
        let err = Settings::resolve(&g, false).unwrap_err();
        assert!(err.to_string().contains("`--reason`"), "{err}");
    }
}
