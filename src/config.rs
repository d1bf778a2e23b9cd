//! The config file (TOML): profiles of backends, read and validated.
//!
//! Values are validated while the file is parsed, so an error names the file,
//! the line and the key. Tokens never live here (see [`crate::credentials`]).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub mod edit;

/// The built-in profile used when there is no config file at all: a local
/// service or `acctl sandbox` on its default port.
pub const BUILTIN_PROFILE: &str = "local";
pub const BUILTIN_URL: &str = "http://127.0.0.1:8080";

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Profile used when neither `--profile` nor `ACCTL_PROFILE` names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileConfig>,
}

/// One `[profiles.NAME]` table. Every key is optional; defaults live in
/// [`crate::settings`].
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<BackendUrl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_reason: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<HumanDuration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<Concurrency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_bundle: Option<PathBuf>,
    /// Allows a plain `http://` url to a host that is not this machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insecure_http: Option<bool>,
    /// The largest bulk job that runs without `--max-affected`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_affected: Option<u64>,
    /// Single sign-on: the OpenID Connect issuer `acctl auth login` signs in
    /// with (the device flow). `oidc_issuer`, `oidc_client_id` and
    /// `oidc_audience` go together (checked in [`crate::settings`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_issuer: Option<IssuerUrl>,
    /// The public client registered at the provider for acctl.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_client_id: Option<OidcText>,
    /// The admin API's identifier at the provider (the access token's `aud`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_audience: Option<OidcText>,
    /// Scopes asked for besides `openid offline_access`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_scopes: Option<Vec<Scope>>,
    /// How the audience is sent: `resource` (RFC 8707, the default),
    /// `audience` (Auth0) or `none` (it is in a scope: Entra ID, Okta).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_audience_param: Option<AudienceParam>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file `{}`", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid config file `{}`", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: ParseProblem,
    },
    #[error("profile `{name}` is not defined in `{}`", path.display())]
    UnknownProfile { name: String, path: PathBuf, available: Vec<String>, file_exists: bool },
    #[error("invalid {what}")]
    Invalid {
        what: String,
        #[source]
        source: ValueError,
    },
    #[error("cannot write the config file `{}`", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("`{key}` is not a profile key")]
    UnknownKey { key: String },
    #[error("cannot tell where the config file lives: neither XDG_CONFIG_HOME nor HOME is set")]
    NoConfigDir,
}

impl ConfigError {
    pub fn hint(&self) -> Option<String> {
        match self {
            ConfigError::UnknownProfile { name, available, file_exists: true, .. } if !available.is_empty() => {
                Some(format!(
                    "profiles there: {}; add a `[profiles.{name}]` table, or pick one with `-p NAME`",
                    available.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
                ))
            }
            ConfigError::UnknownProfile { name, .. } => {
                Some(format!("run `acctl config init -p {name} --url URL` to create it"))
            }
            ConfigError::Parse { .. } => {
                Some("`config.example.toml` in the acctl sources documents every key".to_owned())
            }
            ConfigError::UnknownKey { .. } => Some(format!(
                "the keys are {}",
                edit::PROFILE_KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            )),
            ConfigError::NoConfigDir => Some("pass `--config PATH` or set `ACCTL_CONFIG`".to_owned()),
            _ => None,
        }
    }
}

/// Where in the file a parse error is, and what is wrong.
#[derive(Debug)]
pub struct ParseProblem {
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ParseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.line, &self.key) {
            (Some(line), Some(key)) => write!(f, "line {line}, key `{key}`: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParseProblem {}

/// A value that does not mean anything (`timeout = "ten"`).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ValueError(pub String);

impl ConfigFile {
    /// Reads `path`; a missing file is `Ok(None)`.
    pub fn load(path: &Path) -> Result<Option<ConfigFile>, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(ConfigError::Read { path: path.to_owned(), source }),
        };
        ConfigFile::parse(&text).map(Some).map_err(|source| ConfigError::Parse { path: path.to_owned(), source })
    }

    pub fn parse(text: &str) -> Result<ConfigFile, ParseProblem> {
        toml::from_str(text).map_err(|e| {
            let span = e.span();
            let line = span.as_ref().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            // The key is whatever is left of `=` on the line the error points at.
            let key = span.and_then(|s| {
                let start = text[..s.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
                let line = text[start..].lines().next()?.trim();
                let (key, _) = line.split_once('=')?;
                let key = key.trim().trim_matches('"');
                (!key.is_empty() && !line.starts_with('[')).then(|| key.to_owned())
            });
            ParseProblem { line, key, message: e.message().trim().to_owned() }
        })
    }
}

/// The backend's base URL: `http` or `https`, no query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendUrl(pub String);

impl FromStr for BackendUrl {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let url = reqwest::Url::parse(s.trim()).map_err(|e| ValueError(format!("`{s}` is not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ValueError(format!("`{s}` must start with `https://` (or `http://` for a local service)")));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(ValueError(format!("`{s}` must not have a query or a fragment")));
        }
        Ok(BackendUrl(url.as_str().trim_end_matches('/').to_owned()))
    }
}

/// An OpenID Connect issuer: an `https` (or loopback `http`) URL with no
/// query or fragment, kept exactly as written. The provider's discovery
/// document must name the very same string (OpenID Connect Discovery §4.3),
/// so a trailing slash is neither added nor taken away (Auth0's issuers end
/// with one, most others do not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerUrl(pub String);

impl FromStr for IssuerUrl {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let url = reqwest::Url::parse(t).map_err(|e| ValueError(format!("`{s}` is not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(ValueError(format!(
                "`{s}` must start with `https://` (or `http://` for a provider on this machine)"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() || t.contains('?') || t.contains('#') {
            return Err(ValueError(format!("`{s}` must not have a query or a fragment")));
        }
        Ok(IssuerUrl(t.to_owned()))
    }
}

/// A client ID or an audience: one word of printable characters, at most 512.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcText(pub String);

impl FromStr for OidcText {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.is_empty() || t.len() > 512 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(ValueError(format!(
                "`{}` must be one word of printable characters (at most 512)",
                crate::output::sanitize::for_terminal(s)
            )));
        }
        Ok(OidcText(t.to_owned()))
    }
}

/// An OAuth scope (RFC 6749 §3.3: printable ASCII, no space, `"` or `\`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope(pub String);

impl FromStr for Scope {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t.is_empty() || t.len() > 256 || !t.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\') {
            return Err(ValueError(format!(
                "`{}` is not an OAuth scope (printable ASCII, no spaces, quotes or backslashes)",
                crate::output::sanitize::for_terminal(s)
            )));
        }
        Ok(Scope(t.to_owned()))
    }
}

/// How the device flow names the API it wants a token for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AudienceParam {
    /// `resource=AUDIENCE` (RFC 8707 resource indicators): oidc-provider, Keycloak ignores it harmlessly.
    #[default]
    Resource,
    /// `audience=AUDIENCE`: Auth0's own parameter.
    Audience,
    /// Nothing: the audience follows from a scope in `oidc_scopes` (Entra ID's
    /// `api://…/.default`) or from the authorization server itself (Okta).
    None,
}

impl AudienceParam {
    pub fn as_str(self) -> &'static str {
        match self {
            AudienceParam::Resource => "resource",
            AudienceParam::Audience => "audience",
            AudienceParam::None => "none",
        }
    }
}

impl FromStr for AudienceParam {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "resource" => Ok(AudienceParam::Resource),
            "audience" => Ok(AudienceParam::Audience),
            "none" => Ok(AudienceParam::None),
            _ => Err(ValueError(format!("`{s}` must be `resource`, `audience` or `none`"))),
        }
    }
}

/// An ISO 3166 region code that the phone-number library knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region(pub String);

impl FromStr for Region {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        phonenumber::country::Id::from_str(&upper)
            .map(|_| Region(upper))
            .map_err(|_| ValueError(format!("`{s}` is not a region code (use ISO 3166, e.g. CN, US, GB)")))
    }
}

/// `"10s"`, `"500ms"`, `"2m"`, `"1h"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanDuration(pub Duration);

impl FromStr for HumanDuration {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        let n: u64 =
            num.parse().map_err(|_| ValueError(format!("`{s}` is not a duration (e.g. `10s`, `500ms`, `2m`)")))?;
        let too_long = || ValueError(format!("`{s}` is too long a duration"));
        // Multiplied with a check: found by fuzzing, `n * 60` wrapped silently in a release build.
        let d = match unit.trim() {
            "ms" => Duration::from_millis(n),
            "s" => Duration::from_secs(n),
            "m" => Duration::from_secs(n.checked_mul(60).ok_or_else(too_long)?),
            "h" => Duration::from_secs(n.checked_mul(3600).ok_or_else(too_long)?),
            _ => return Err(ValueError(format!("`{s}` is not a duration (e.g. `10s`, `500ms`, `2m`)"))),
        };
        if d.is_zero() {
            return Err(ValueError(format!("`{s}` must be more than zero")));
        }
        Ok(HumanDuration(d))
    }
}

impl fmt::Display for HumanDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0.as_millis();
        if !ms.is_multiple_of(1000) { write!(f, "{ms}ms") } else { write!(f, "{}s", ms / 1000) }
    }
}

/// Requests in flight at once: 1 to 256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concurrency(pub usize);

impl FromStr for Concurrency {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().parse::<usize>() {
            Ok(n @ 1..=256) => Ok(Concurrency(n)),
            _ => Err(ValueError(format!("`{s}` must be a whole number from 1 to 256"))),
        }
    }
}

/// A client-side ceiling on requests: `"50/s"`, `"600/m"`, `"off"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Requests per second; `None` is no ceiling.
    pub per_second: Option<f64>,
}

impl FromStr for Rate {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if t == "off" || t == "0" {
            return Ok(Rate { per_second: None });
        }
        let bad = || ValueError(format!("`{s}` is not a rate (e.g. `50/s`, `600/m`, or `off`)"));
        let (n, per) = t.split_once('/').ok_or_else(bad)?;
        let n: f64 = n.trim().parse().map_err(|_| bad())?;
        let secs = match per.trim() {
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return Err(bad()),
        };
        // Checked after dividing: `5e-324/m` is positive but divides to zero (found by fuzzing).
        let per_second = n / secs;
        if !(per_second.is_finite() && per_second > 0.0) {
            return Err(bad());
        }
        Ok(Rate { per_second: Some(per_second) })
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.per_second {
            Some(r) => write!(f, "{r}/s"),
            None => f.write_str("off"),
        }
    }
}

macro_rules! serde_via_str {
    ($($ty:ty),*) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Raw { S(String), N(i64) }
                let s = match Raw::deserialize(d)? { Raw::S(s) => s, Raw::N(n) => n.to_string() };
                s.parse().map_err(|e: ValueError| serde::de::Error::custom(e.0))
            }
        }
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_string())
            }
        }
    )*};
}

impl fmt::Display for BackendUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for Concurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for IssuerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for OidcText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Display for AudienceParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

serde_via_str!(BackendUrl, Region, HumanDuration, Concurrency, Rate, IssuerUrl, OidcText, Scope, AudienceParam);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_parses_and_sets_every_key() {
        let text = include_str!("../config.example.toml");
        let file = ConfigFile::parse(text).unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("local"));
        let local = &file.profiles["local"];
        assert_eq!(local.timeout, Some(HumanDuration(Duration::from_secs(10))));
        assert_eq!(local.concurrency, Some(Concurrency(16)));
        assert_eq!(local.rate.unwrap().per_second, Some(50.0));
        let prod = &file.profiles["prod"];
        assert_eq!(prod.protected, Some(true));
        assert!(prod.ca_bundle.is_some());
        // Every key of ProfileConfig appears (uncommented) somewhere in the
        // example. The keys come from the struct itself, as serde lists them
        // when it refuses an unknown one, so a new key cannot be forgotten here.
        let refused = ConfigFile::parse("[profiles.x]\nno_such_key = 1\n").unwrap_err();
        let keys: Vec<&str> = refused.message.split('`').skip(3).step_by(2).collect();
        assert!(keys.contains(&"url") && keys.contains(&"oidc_audience_param"), "{refused}");
        for key in keys {
            assert!(text.lines().any(|l| l.trim_start().starts_with(&format!("{key} ="))), "{key} is not documented");
        }
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let err = ConfigFile::parse("[profiles.local]\nurl = \"http://x\"\ntimeout = \"ten\"\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.key.as_deref(), Some("timeout"));
        assert!(err.message.contains("`ten` is not a duration"), "{err}");

        let err = ConfigFile::parse("[profiles.local]\nurll = \"http://x\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(err.key.as_deref(), Some("urll"));
        assert!(err.message.contains("unknown field"), "{err}");

        let err = ConfigFile::parse("[profiles.local]\nurl = \"ftp://x\"\n").unwrap_err();
        assert!(err.to_string().contains("line 2, key `url`"), "{err}");
    }

    #[test]
    fn values_parse() {
        assert_eq!("500ms".parse::<HumanDuration>().unwrap().0, Duration::from_millis(500));
        assert_eq!("2m".parse::<HumanDuration>().unwrap().0, Duration::from_secs(120));
        assert!("0s".parse::<HumanDuration>().is_err());
        assert_eq!("600/m".parse::<Rate>().unwrap().per_second, Some(10.0));
        assert_eq!("off".parse::<Rate>().unwrap().per_second, None);
        assert!("fast".parse::<Rate>().is_err());
        assert!("0".parse::<Concurrency>().is_err());
        // fuzz/regressions/config: an overflowing duration and a rate that divides to zero.
        assert!("307445734561825861m".parse::<HumanDuration>().is_err());
        assert!("5124095576030432h".parse::<HumanDuration>().is_err());
        assert!("5e-324/m".parse::<Rate>().is_err());
        assert_eq!("cn".parse::<Region>().unwrap().0, "CN");
        assert!("XX".parse::<Region>().is_err());
        assert_eq!("https://a.example/".parse::<BackendUrl>().unwrap().0, "https://a.example");
    }
}
