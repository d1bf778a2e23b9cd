//! `acctl auth status`: for every profile (as `gh auth status` does for
//! every host), its URL, whether it is signed in and as whom, and where the
//! token comes from; never the token. A single sign-on also shows who the
//! identity provider says signed in, when the access token expires (it is
//! renewed first when it has), and where the refresh token lives.
//!
//! The profile in use is checked with the token it would use (`ACCTL_TOKEN`
//! first); the others with the token `auth login` stored for each, so the
//! environment's token is only ever sent to the backend it is used with.
//! The exit status is the profile in use's: 0 signed in, 4 not (or the token
//! was rejected), 8 its backend did not answer.

use clap::Args;
use serde::Serialize;

use std::sync::Arc;

use crate::client::{ApiClient, ApiError, Bearer};
use crate::credentials::{Credential, CredentialError, CredentialStore, Secret, SsoGrant, TokenSource};
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::oidc::session::Session;
use crate::output::sanitize::for_terminal;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::profile::Profile;
use crate::settings::Settings;
use crate::ui::Ui;
use crate::ui::warner;

/// Show every profile: its URL, who it is signed in as (role and scopes), and
/// where the token comes from (keyring, env or file). `-p NAME` shows one.
///
/// A profile signed in with SSO also shows the identity provider, who it says
/// you are (subject, name, email), and when the access token expires; an
/// expired one is renewed first, as any command would.
///
/// The profile in use is marked `current`; the exit status is its own (0
/// signed in, 4 not signed in or token rejected, 8 backend unavailable).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  acctl auth status\n  acctl auth status -p prod -o json")]
pub struct StatusArgs {}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AuthStatus {
    profile: String,
    /// The profile commands use now (`-p`, `ACCTL_PROFILE`, `default_profile`).
    current: bool,
    url: String,
    signed_in: bool,
    actor: Option<String>,
    role: Option<String>,
    scopes: Vec<String>,
    /// `keyring`, `env` or `file`; none when no token was found.
    token_source: Option<String>,
    /// The plaintext file, when the token is stored there.
    #[serde(skip_serializing_if = "Option::is_none")]
    token_file: Option<String>,
    plaintext: bool,
    /// Why the profile is not signed in, when it is not.
    problem: Option<String>,
    /// `token` (pasted, or `ACCTL_TOKEN`) or `sso`; none when not signed in.
    sign_in: Option<String>,
    /// Single sign-on: the identity provider, and who it says signed in.
    issuer: Option<String>,
    subject: Option<String>,
    name: Option<String>,
    email: Option<String>,
    /// When the access token in use expires (RFC 3339); it is renewed before.
    access_token_expires_at: Option<String>,
    #[serde(skip)]
    expires: Option<time::OffsetDateTime>,
    /// Whether a refresh token is kept (where: `token_source`); null without SSO.
    #[serde(rename = "has_refresh_token")]
    refresh_token: Option<bool>,
}

impl AuthStatus {
    fn new(profile: String, current: bool, url: String) -> AuthStatus {
        AuthStatus {
            profile,
            current,
            url,
            signed_in: false,
            actor: None,
            role: None,
            scopes: Vec::new(),
            token_source: None,
            token_file: None,
            plaintext: false,
            problem: None,
            sign_in: None,
            issuer: None,
            subject: None,
            name: None,
            email: None,
            access_token_expires_at: None,
            expires: None,
            refresh_token: None,
        }
    }

    fn show_grant(&mut self, grant: &SsoGrant) {
        let clean = |s: &Option<String>| s.as_deref().map(|s| for_terminal(s).into_owned());
        self.issuer = Some(grant.issuer.clone());
        self.subject = clean(&grant.subject);
        self.name = clean(&grant.name);
        self.email = clean(&grant.email);
        self.expires = grant.expires_at.and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok());
        self.access_token_expires_at = self.expires.map(crate::output::record::rfc3339);
        self.refresh_token = Some(grant.refresh_token.is_some());
    }
}

static FIELDS: &[Field<AuthStatus>] = &[
    Field { name: "profile", help: "the profile's name in the config file", get: |s| Cell::Text(s.profile.clone()) },
    Field { name: "current", help: "the profile commands use now", get: |s| Cell::Bool(s.current) },
    Field { name: "url", help: "the backend's Admin API URL", get: |s| Cell::Text(s.url.clone()) },
    Field {
        name: "signed_in",
        help: "a token was found and the backend accepted it",
        get: |s| Cell::Bool(s.signed_in),
    },
    Field { name: "actor", help: "who the token acts as (in the audit log)", get: |s| Cell::opt(s.actor.as_deref()) },
    Field { name: "role", help: "agent, sre or admin", get: |s| Cell::opt(s.role.as_deref()) },
    Field { name: "scopes", help: "what the token may do", get: |s| Cell::List(s.scopes.clone()) },
    Field { name: "token_source", help: "keyring, env or file", get: |s| Cell::opt(s.token_source.as_deref()) },
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
    Field { name: "problem", help: "why the profile is not signed in", get: |s| Cell::opt(s.problem.as_deref()) },
    Field { name: "sign_in", help: "token (pasted or ACCTL_TOKEN) or sso", get: |s| Cell::opt(s.sign_in.as_deref()) },
    Field { name: "issuer", help: "the identity provider (sso)", get: |s| Cell::opt(s.issuer.as_deref()) },
    Field {
        name: "subject",
        help: "who the identity provider says you are (sso)",
        get: |s| Cell::opt(s.subject.as_deref()),
    },
    Field { name: "name", help: "your name at the identity provider (sso)", get: |s| Cell::opt(s.name.as_deref()) },
    Field { name: "email", help: "your email at the identity provider (sso)", get: |s| Cell::opt(s.email.as_deref()) },
    Field {
        name: "access_token_expires_at",
        help: "when the access token expires; it is renewed before (sso)",
        get: |s| Cell::time(s.expires),
    },
];

impl Record for AuthStatus {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn table_fields() -> &'static [&'static str] {
        &["profile", "current", "url", "actor", "role", "token_source", "problem"]
    }

    fn card(&self) -> Vec<(String, String)> {
        let source = match (&self.token_file, self.token_source.as_deref()) {
            (Some(f), _) => format!("plaintext file `{f}` (--insecure-storage)"),
            (None, Some("env")) => "environment (ACCTL_TOKEN)".to_owned(),
            (None, Some(_)) => "OS keyring".to_owned(),
            (None, None) => "—".to_owned(),
        };
        let sso = self.sign_in.as_deref() == Some("sso");
        let mut card = vec![
            ("Profile".into(), if self.current { format!("{} (current)", self.profile) } else { self.profile.clone() }),
            ("URL".into(), self.url.clone()),
        ];
        match &self.problem {
            None => {
                card.push(("Signed in as".into(), self.actor.clone().unwrap_or_default()));
                card.push(("Role".into(), self.role.clone().unwrap_or_default()));
                card.push(("Scopes".into(), self.scopes.join("\n")));
            }
            Some(problem) => card.push(("Signed in".into(), format!("no: {problem}"))),
        }
        if sso {
            card.push(("Identity provider".into(), self.issuer.clone().unwrap_or_default()));
            let who = [&self.name, &self.email].iter().filter_map(|v| v.as_deref()).collect::<Vec<_>>().join(", ");
            let subject = self.subject.as_deref().unwrap_or("—");
            card.push((
                "Provider says".into(),
                if who.is_empty() { subject.to_owned() } else { format!("{who} (subject {subject})") },
            ));
            card.push((
                "Access token".into(),
                match self.expires {
                    Some(t) => format!("expires {} (renewed before)", crate::output::record::human_time(t)),
                    None => "no expiry given (renewed when refused)".to_owned(),
                },
            ));
            let refresh = match self.refresh_token {
                Some(true) => source,
                _ => "none (sign in again when the access token expires)".to_owned(),
            };
            card.push(("Refresh token in".into(), refresh));
        } else {
            card.push(("Token from".into(), source));
        }
        card
    }
}

/// One profile's answer, and the error that explains it when it is the
/// profile in use and not signed in.
async fn check(profile: &Profile, current: bool) -> (AuthStatus, Option<CliError>) {
    let store = CredentialStore::new(&profile.name);
    let mut status = AuthStatus::new(profile.name.clone(), current, profile.url.clone());
    let credential: Result<Credential, CredentialError> =
        if current { store.resolve() } else { store.resolve_stored() };
    let credential = match credential {
        Ok(c) => c,
        Err(e) => {
            status.problem = Some(match &e {
                CredentialError::NotSignedIn { .. } | CredentialError::NoKeyringToAsk { .. } => {
                    "not signed in".to_owned()
                }
                other => crate::output::sanitize::for_terminal(&other.to_string()).into_owned(),
            });
            return (status, Some(CliError::from(e)));
        }
    };
    status.token_source = Some(credential.source.as_str().to_owned());
    if let TokenSource::File(p) = &credential.source {
        status.token_file = Some(p.display().to_string());
        status.plaintext = true;
    }
    let session = match &credential.secret {
        Secret::Token(_) => {
            status.sign_in = Some("token".to_owned());
            None
        }
        Secret::Sso(grant) => {
            status.sign_in = Some("sso".to_owned());
            let session = Session::new(profile, grant.clone(), credential.source.clone(), store.clone(), warner());
            Some(Arc::new(session))
        }
    };
    let bearer = match &session {
        Some(s) => Bearer::Fresh(s.clone()),
        None => Bearer::Token(credential.secret.bearer().clone()),
    };
    let answer = match ApiClient::with_bearer(profile, bearer) {
        Ok(client) => client.whoami().await,
        Err(e) => Err(e),
    };
    // After the request: the access token shown is the one that was just
    // used, renewed if it had to be.
    if let Some(session) = &session {
        status.show_grant(&session.grant().await);
    }
    match answer {
        Ok(me) => {
            // Who the service says the access token names, over what the id_token said.
            let clean = |v: Option<String>| v.map(|v| for_terminal(&v).into_owned());
            if me.subject.is_some() {
                status.issuer = clean(me.issuer).or(status.issuer.take());
                status.subject = clean(me.subject);
                status.email = clean(me.email).or(status.email.take());
                status.name = clean(me.name).or(status.name.take());
            }
            status.signed_in = true;
            status.actor = Some(me.actor);
            status.role = Some(me.role.as_str().to_owned());
            status.scopes = me.scopes;
            (status, None)
        }
        Err(ApiError::Token(e)) => {
            // The sign-in could not be renewed: its own words say why and what to do.
            let problem = e.message.clone();
            status.problem = Some(for_terminal(&problem).into_owned());
            (status, Some(CliError::from(ApiError::Token(e))))
        }
        Err(e) => {
            let rejected = status_for_api(&e) == ExitStatus::NotAuthenticated;
            let err = CliError::from(e);
            let (problem, err) = if rejected {
                let why = format!("the token from the {} was rejected", credential.source);
                (why.clone(), err.with_context(why))
            } else {
                // The first line only (the causes are long; the error of the profile in use shows them all).
                let first = err.chain().next().unwrap_or_default();
                (format!("cannot check the token: {first}"), err)
            };
            status.problem = Some(crate::output::sanitize::for_terminal(&problem).into_owned());
            (status, Some(err))
        }
    }
}

pub async fn run(
    _args: &StatusArgs,
    global: &crate::cli::GlobalArgs,
    settings: &Settings,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    // `-p`/`ACCTL_PROFILE` asks about one profile: one record, as before.
    let only_current = global.profile.is_some();
    let others = if only_current { Vec::new() } else { settings.other_profiles(global)? };
    let mut checks = vec![check(&settings.profile, true)];
    let mut broken = Vec::new();
    for (name, profile) in &others {
        match profile {
            Ok(p) => checks.push(check(p, false)),
            Err(e) => broken.push((name.clone(), e.to_string())),
        }
    }
    // The backends answer in parallel: one slow profile does not hold up the rest.
    let answers = futures_util::future::join_all(checks).await;
    let mut rows: Vec<(AuthStatus, Option<CliError>)> = answers;
    for (name, problem) in broken {
        let mut status = AuthStatus::new(name, false, String::new());
        status.problem = Some(for_terminal(&problem).into_owned());
        rows.push((status, None));
    }
    rows.sort_by(|a, b| a.0.profile.cmp(&b.0.profile));
    let shape = if only_current { Shape::One } else { Shape::Many };
    let mut writer = RecordWriter::new(&settings.output, shape, ui)?;
    let mut current_error = None;
    for (status, error) in rows {
        writer.write(&status)?;
        if status.current {
            current_error = error;
        }
    }
    writer.finish()?;
    match current_error {
        Some(e) => Err(e),
        None => Ok(ExitStatus::Success),
    }
}
