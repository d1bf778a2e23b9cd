//! Changing the config file in place: one profile or one key at a time,
//! keeping everything else (other profiles, comments, order) as the person
//! wrote it (`toml_edit`).
//!
//! A value is checked exactly as loading checks it, and the whole new text
//! must load before it replaces the old one; the replacement is atomic (a
//! temporary file in the same directory, then a rename), so a failed or
//! interrupted change leaves the file as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, Value};

use super::{
    AudienceParam, BackendUrl, Concurrency, ConfigError, ConfigFile, HumanDuration, IssuerUrl, OidcText, ParseProblem,
    Rate, Region, Scope, ValueError,
};

/// The keys of a `[profiles.NAME]` table that `config set` changes, in the
/// order `config init` writes them, then the single sign-on keys.
pub const PROFILE_KEYS: &[&str] = &[
    "url",
    "region",
    "require_reason",
    "protected",
    "timeout",
    "concurrency",
    "rate",
    "ca_bundle",
    "insecure_http",
    "max_affected",
    "oidc_issuer",
    "oidc_client_id",
    "oidc_audience",
    "oidc_scopes",
    "oidc_audience_param",
];

/// The single sign-on keys a profile sets all of or none of.
pub const SSO_KEYS: [&str; 3] = ["oidc_issuer", "oidc_client_id", "oidc_audience"];

/// The config file as text that can be changed without losing its comments.
pub struct EditableConfig {
    path: PathBuf,
    doc: DocumentMut,
}

impl EditableConfig {
    /// Reads `path`, which must exist and load cleanly: a file with a mistake
    /// is fixed by hand first, not rewritten around the mistake.
    pub fn open(path: &Path) -> Result<EditableConfig, ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        ConfigFile::parse(&text).map_err(|source| ConfigError::Parse { path: path.to_owned(), source })?;
        let doc = text.parse::<DocumentMut>().map_err(|e| ConfigError::Parse {
            path: path.to_owned(),
            source: ParseProblem { line: None, key: None, message: e.to_string() },
        })?;
        Ok(EditableConfig { path: path.to_owned(), doc })
    }

    /// The profiles defined in the file, in file order.
    pub fn profiles(&self) -> Vec<String> {
        self.doc
            .get("profiles")
            .and_then(Item::as_table_like)
            .map(|t| t.iter().map(|(name, _)| name.to_owned()).collect())
            .unwrap_or_default()
    }

    pub fn default_profile(&self) -> Option<&str> {
        self.doc.get("default_profile").and_then(Item::as_str)
    }

    pub fn has_profile(&self, name: &str) -> bool {
        self.profiles().iter().any(|p| p == name)
    }

    /// Fails unless `name` is a profile of the file.
    pub fn require_profile(&self, name: &str) -> Result<(), ConfigError> {
        if self.has_profile(name) {
            return Ok(());
        }
        Err(ConfigError::UnknownProfile {
            name: name.to_owned(),
            path: self.path.clone(),
            available: self.profiles(),
            file_exists: true,
        })
    }

    pub fn set_default_profile(&mut self, name: &str) {
        set_value(self.doc.as_table_mut(), "default_profile", Value::from(name));
    }

    /// Sets `key` of profile `profile` (created when missing) to `raw`,
    /// checked as loading checks it and stored in its canonical form.
    pub fn set(&mut self, profile: &str, key: &str, raw: &str) -> Result<(), ConfigError> {
        let value = checked_value(key, raw)?;
        let profiles = self.doc.as_table_mut().entry("profiles").or_insert_with(|| {
            // `[profiles.NAME]` headers, not an empty `[profiles]` table.
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        });
        let Some(profiles) = profiles.as_table_like_mut() else {
            return Err(ConfigError::Invalid {
                what: "`profiles`".to_owned(),
                source: ValueError("it must be a table of profiles".to_owned()),
            });
        };
        if profiles.get(profile).is_none() {
            profiles.insert(profile, Item::Table(Table::new()));
        }
        let Some(table) = profiles.get_mut(profile).and_then(Item::as_table_like_mut) else {
            return Err(ConfigError::Invalid {
                what: format!("`profiles.{profile}`"),
                source: ValueError("it must be a table of keys".to_owned()),
            });
        };
        match table.get_mut(key) {
            Some(Item::Value(old)) => {
                // Keep a comment written after the old value.
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            _ => {
                table.insert(key, Item::Value(value));
            }
        }
        Ok(())
    }

    /// The keys of [`SSO_KEYS`] that `profile` lacks while it sets others:
    /// empty when it sets all three or none. Such a profile is refused when it
    /// is used, so `config set` says what is still to set.
    pub fn missing_sso_keys(&self, profile: &str) -> Vec<&'static str> {
        let table = self.doc.get("profiles").and_then(|p| p.get(profile)).and_then(Item::as_table_like);
        let has = |key: &str| table.is_some_and(|t| t.contains_key(key));
        if !SSO_KEYS.iter().any(|k| has(k)) {
            return Vec::new();
        }
        SSO_KEYS.into_iter().filter(|k| !has(k)).collect()
    }

    /// Writes the file atomically, after checking that the new text loads.
    pub fn save(&self) -> Result<(), ConfigError> {
        let text = self.doc.to_string();
        ConfigFile::parse(&text).map_err(|source| ConfigError::Parse { path: self.path.clone(), source })?;
        write_atomically(&self.path, &text)
    }
}

/// `raw` as the TOML value `key` takes, or the error loading would give.
fn checked_value(key: &str, raw: &str) -> Result<Value, ConfigError> {
    let invalid = |source: ValueError| ConfigError::Invalid { what: format!("value `{raw}` for `{key}`"), source };
    let text = raw.trim();
    Ok(match key {
        "url" => Value::from(text.parse::<BackendUrl>().map_err(invalid)?.0),
        "region" => Value::from(text.parse::<Region>().map_err(invalid)?.0),
        "require_reason" | "protected" | "insecure_http" => match text {
            "true" => Value::from(true),
            "false" => Value::from(false),
            _ => return Err(invalid(ValueError(format!("`{raw}` must be `true` or `false`")))),
        },
        "timeout" => {
            text.parse::<HumanDuration>().map_err(invalid)?;
            Value::from(text)
        }
        "concurrency" => Value::from(text.parse::<Concurrency>().map_err(invalid)?.0 as i64),
        "rate" => {
            text.parse::<Rate>().map_err(invalid)?;
            Value::from(text)
        }
        "max_affected" => match text.parse::<u64>().ok().and_then(|n| i64::try_from(n).ok()) {
            Some(n) => Value::from(n),
            None => return Err(invalid(ValueError(format!("`{raw}` must be a whole number of accounts")))),
        },
        "oidc_issuer" => Value::from(text.parse::<IssuerUrl>().map_err(invalid)?.0),
        "oidc_client_id" | "oidc_audience" => Value::from(text.parse::<OidcText>().map_err(invalid)?.0),
        "oidc_scopes" => {
            // `acctl support` or `acctl,support`: a list, as TOML writes one.
            let scopes = text
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<Scope>().map(|s| s.0))
                .collect::<Result<Vec<_>, _>>()
                .map_err(invalid)?;
            Value::Array(scopes.into_iter().collect())
        }
        "oidc_audience_param" => Value::from(text.parse::<AudienceParam>().map_err(invalid)?.as_str()),
        "ca_bundle" if !text.is_empty() => Value::from(text),
        "ca_bundle" => return Err(invalid(ValueError("a path must not be empty".to_owned()))),
        _ => return Err(ConfigError::UnknownKey { key: key.to_owned() }),
    })
}

fn set_value(table: &mut Table, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        _ => {
            // A new top-level key goes before the first table, where TOML
            // needs it; toml_edit renders root values first.
            table.insert(key, Item::Value(value));
        }
    }
}

/// Replaces `path` with `text`: a temporary file beside it, flushed, then
/// renamed over it, so a reader sees the old file or the new one, never half.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), ConfigError> {
    let write_err = |source| ConfigError::Write { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(write_err)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "config.toml".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(write_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A config file holding `text` in a fresh directory (kept while the
    /// first value lives), opened for editing.
    fn opened(text: &str) -> (tempfile::TempDir, PathBuf, EditableConfig) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        let config = EditableConfig::open(&path).unwrap();
        (dir, path, config)
    }

    #[test]
    fn a_change_keeps_comments_and_other_profiles() {
        let text = "# mine\ndefault_profile = \"local\"\n\n[profiles.local]\nurl = \"http://127.0.0.1:8080\" # dev\n# the timeout\ntimeout = \"10s\"\n";
        let (_dir, path, mut config) = opened(text);
        config.set("local", "timeout", "30s").unwrap();
        config.set("prod", "url", "https://a.example/").unwrap();
        config.set_default_profile("prod");
        config.save().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# mine\ndefault_profile = \"prod\"\n\n[profiles.local]\nurl = \"http://127.0.0.1:8080\" # dev\n# the timeout\ntimeout = \"30s\"\n\n[profiles.prod]\nurl = \"https://a.example\"\n"
        );
        let err = config.set("local", "concurrency", "0").unwrap_err();
        assert_eq!(err.to_string(), "invalid value `0` for `concurrency`");
        assert!(matches!(config.set("local", "colour", "x"), Err(ConfigError::UnknownKey { .. })));
    }

    #[test]
    fn sso_keys_are_set_as_loading_reads_them_and_the_missing_ones_named() {
        let (_dir, path, mut config) = opened("[profiles.prod]\nurl = \"https://a.example\"\n");
        assert_eq!(config.missing_sso_keys("prod"), Vec::<&str>::new());
        config.set("prod", "oidc_issuer", "https://sso.example.com/realms/staff").unwrap();
        assert_eq!(config.missing_sso_keys("prod"), ["oidc_client_id", "oidc_audience"]);
        config.set("prod", "oidc_client_id", "acctl").unwrap();
        config.set("prod", "oidc_audience", "https://a.example").unwrap();
        config.set("prod", "oidc_scopes", "acctl, support").unwrap();
        config.set("prod", "oidc_audience_param", "audience").unwrap();
        assert_eq!(config.missing_sso_keys("prod"), Vec::<&str>::new());
        config.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "[profiles.prod]\nurl = \"https://a.example\"\noidc_issuer = \"https://sso.example.com/realms/staff\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://a.example\"\noidc_scopes = [\"acctl\", \"support\"]\noidc_audience_param = \"audience\"\n"
        );
        let prod = &ConfigFile::parse(&text).unwrap().profiles["prod"];
        assert_eq!(prod.oidc_scopes.as_ref().map(Vec::len), Some(2));
        assert_eq!(prod.oidc_audience_param, Some(AudienceParam::Audience));
        for (key, bad) in [
            ("oidc_issuer", "ftp://sso.example.com"),
            ("oidc_issuer", "https://sso.example.com/?x=1"),
            ("oidc_client_id", "two words"),
            ("oidc_scopes", "acctl \"quoted\""),
            ("oidc_audience_param", "aud"),
        ] {
            assert_eq!(
                config.set("prod", key, bad).unwrap_err().to_string(),
                format!("invalid value `{bad}` for `{key}`")
            );
        }
    }

    #[test]
    fn insecure_http_and_max_affected_are_set_as_loading_reads_them() {
        let (_dir, path, mut config) = opened("[profiles.lab]\nurl = \"http://10.0.0.5:8080\"\n");
        config.set("lab", "insecure_http", "true").unwrap();
        config.set("lab", "max_affected", "500").unwrap();
        config.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "[profiles.lab]\nurl = \"http://10.0.0.5:8080\"\ninsecure_http = true\nmax_affected = 500\n");
        let loaded = ConfigFile::parse(&text).unwrap();
        let lab = &loaded.profiles["lab"];
        assert_eq!((lab.insecure_http, lab.max_affected), (Some(true), Some(500)));
        assert_eq!(
            config.set("lab", "max_affected", "-1").unwrap_err().to_string(),
            "invalid value `-1` for `max_affected`"
        );
        assert_eq!(
            config.set("lab", "insecure_http", "yes").unwrap_err().to_string(),
            "invalid value `yes` for `insecure_http`"
        );
    }
}
