//! `acctl config show`

use clap::Args;
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::commands::resolve;
use crate::error::{CliError, ExitStatus};
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::ui::Ui;

/// Show the resolved settings of the profile in use: flags, environment,
/// config file and defaults combined. Never shows a token.
#[derive(Debug, Args)]
pub struct ShowArgs {}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ResolvedConfig {
    config_path: String,
    config_exists: bool,
    profile: String,
    url: String,
    /// `ACCTL_URL`, `config` or `built-in`.
    url_source: String,
    region: Option<String>,
    protected: bool,
    require_reason: bool,
    timeout: String,
    concurrency: usize,
    /// Requests per second, or null for no ceiling.
    rate: Option<f64>,
    ca_bundle: Option<String>,
    /// The profile allows plain `http://` off this machine.
    insecure_http: bool,
    /// Single sign-on: the identity provider, acctl's client there, the
    /// admin API's audience, the extra scopes and how the audience is sent.
    oidc_issuer: Option<String>,
    oidc_client_id: Option<String>,
    oidc_audience: Option<String>,
    oidc_scopes: Vec<String>,
    oidc_audience_param: Option<String>,
}

static FIELDS: &[Field<ResolvedConfig>] = &[
    Field {
        name: "config_path",
        help: "the config file read (or that would be)",
        get: |c| Cell::Text(c.config_path.clone()),
    },
    Field { name: "config_exists", help: "whether that file exists", get: |c| Cell::Bool(c.config_exists) },
    Field { name: "profile", help: "the profile in use", get: |c| Cell::Text(c.profile.clone()) },
    Field { name: "url", help: "the backend's Admin API URL", get: |c| Cell::Text(c.url.clone()) },
    Field { name: "url_source", help: "ACCTL_URL, config or built-in", get: |c| Cell::Text(c.url_source.clone()) },
    Field {
        name: "region",
        help: "default region for national phone numbers",
        get: |c| Cell::opt(c.region.as_deref()),
    },
    Field {
        name: "protected",
        help: "changes show a banner and need reason, ticket and confirmation",
        get: |c| Cell::Bool(c.protected),
    },
    Field { name: "require_reason", help: "changes need --reason", get: |c| Cell::Bool(c.require_reason) },
    Field { name: "timeout", help: "how long one request may take", get: |c| Cell::Text(c.timeout.clone()) },
    Field { name: "concurrency", help: "lookup batches in flight", get: |c| Cell::Int(c.concurrency as i64) },
    Field {
        name: "rate",
        help: "requests per second",
        get: |c| c.rate.map_or(Cell::Text("off".into()), |r| Cell::Text(format!("{r}/s"))),
    },
    Field {
        name: "ca_bundle",
        help: "extra CA certificates trusted for TLS",
        get: |c| Cell::opt(c.ca_bundle.as_deref()),
    },
    Field {
        name: "insecure_http",
        help: "plain http:// allowed to a host that is not this machine",
        get: |c| Cell::Bool(c.insecure_http),
    },
    Field {
        name: "oidc_issuer",
        help: "the identity provider `auth login` signs in with (SSO)",
        get: |c| Cell::opt(c.oidc_issuer.as_deref()),
    },
    Field {
        name: "oidc_client_id",
        help: "acctl's public client at the identity provider",
        get: |c| Cell::opt(c.oidc_client_id.as_deref()),
    },
    Field {
        name: "oidc_audience",
        help: "the admin API at the identity provider (the access token's aud)",
        get: |c| Cell::opt(c.oidc_audience.as_deref()),
    },
    Field {
        name: "oidc_scopes",
        help: "scopes asked for besides openid offline_access",
        get: |c| Cell::List(c.oidc_scopes.clone()),
    },
    Field {
        name: "oidc_audience_param",
        help: "how the audience is sent: resource, audience or none",
        get: |c| Cell::opt(c.oidc_audience_param.as_deref()),
    },
];

impl Record for ResolvedConfig {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }
}

pub fn run(_args: &ShowArgs, global: &GlobalArgs, ui: &Ui) -> Result<ExitStatus, CliError> {
    let settings = resolve(global, ui)?;
    let p = &settings.profile;
    let shown = ResolvedConfig {
        config_path: settings.config.path.display().to_string(),
        config_exists: settings.config_exists,
        profile: p.name.clone(),
        url: p.url.clone(),
        url_source: p.url_source.to_owned(),
        region: p.region.clone(),
        protected: p.protected,
        require_reason: p.require_reason,
        timeout: crate::config::HumanDuration(p.timeout).to_string(),
        concurrency: p.concurrency,
        rate: p.rate,
        ca_bundle: p.ca_bundle.as_ref().map(|c| c.display().to_string()),
        insecure_http: p.insecure_http,
        oidc_issuer: p.oidc.as_ref().map(|o| o.issuer.clone()),
        oidc_client_id: p.oidc.as_ref().map(|o| o.client_id.clone()),
        oidc_audience: p.oidc.as_ref().map(|o| o.audience.clone()),
        oidc_scopes: p.oidc.as_ref().map(|o| o.scopes.clone()).unwrap_or_default(),
        oidc_audience_param: p.oidc.as_ref().map(|o| o.audience_param.as_str().to_owned()),
    };
    let mut writer = RecordWriter::new(&settings.output, Shape::One, ui)?;
    writer.write(&shown)?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}
