//! `acctl auth status`: who the token is, and where it came from; never the token.

use clap::Args;
use serde::Serialize;

use crate::commands::signed_in_client;
use crate::credentials::TokenSource;
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::settings::Settings;
use crate::ui::Ui;

/// Show the profile, the backend, who you are signed in as, your role and
/// scopes, and where the token came from (keyring, env or file).
#[derive(Debug, Args)]
pub struct StatusArgs {}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AuthStatus {
    profile: String,
    url: String,
    actor: String,
    role: String,
    scopes: Vec<String>,
    /// `keyring`, `env` or `file`.
    token_source: String,
    /// The plaintext file, when the token is stored there.
    #[serde(skip_serializing_if = "Option::is_none")]
    token_file: Option<String>,
    plaintext: bool,
}

static FIELDS: &[Field<AuthStatus>] = &[
    Field { name: "profile", help: "the profile checked", get: |s| Cell::Text(s.profile.clone()) },
    Field { name: "url", help: "the backend's Admin API URL", get: |s| Cell::Text(s.url.clone()) },
    Field { name: "actor", help: "who the token acts as (in the audit log)", get: |s| Cell::Text(s.actor.clone()) },
    Field { name: "role", help: "agent, sre or admin", get: |s| Cell::Text(s.role.clone()) },
    Field { name: "scopes", help: "what the token may do", get: |s| Cell::List(s.scopes.clone()) },
    Field { name: "token_source", help: "keyring, env or file", get: |s| Cell::Text(s.token_source.clone()) },
    Field {
        name: "token_file",
        help: "the plaintext file holding the token, if any",
        get: |s| Cell::opt(s.token_file.as_deref()),
    },
    Field {
        name: "plaintext",
        help: "the token is stored unencrypted (--insecure-storage)",
        get: |s| Cell::Bool(s.plaintext),
    },
];

impl Record for AuthStatus {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn card(&self) -> Vec<(String, String)> {
        let source = match &self.token_file {
            Some(f) => format!("plaintext file `{f}` (--insecure-storage)"),
            None if self.token_source == "env" => "environment (ACCTL_TOKEN)".to_owned(),
            None => "OS keyring".to_owned(),
        };
        vec![
            ("Profile".into(), self.profile.clone()),
            ("URL".into(), self.url.clone()),
            ("Signed in as".into(), self.actor.clone()),
            ("Role".into(), self.role.clone()),
            ("Scopes".into(), self.scopes.join("\n")),
            ("Token from".into(), source),
        ]
    }
}

pub async fn run(_args: &StatusArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let (client, credential) = signed_in_client(settings)?;
    let me = client.whoami().await.map_err(|e| {
        let rejected = status_for_api(&e) == ExitStatus::NotAuthenticated;
        let err = CliError::from(e);
        if rejected { err.with_context(format!("the token from the {} was rejected", credential.source)) } else { err }
    })?;
    let status = AuthStatus {
        profile: settings.profile.name.clone(),
        url: settings.profile.url.clone(),
        actor: me.actor,
        role: me.role.as_str().to_owned(),
        scopes: me.scopes,
        token_source: credential.source.as_str().to_owned(),
        token_file: match &credential.source {
            TokenSource::File(p) => Some(p.display().to_string()),
            _ => None,
        },
        plaintext: matches!(credential.source, TokenSource::File(_)),
    };
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&status)?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
