//! `acctl auth login` on a profile with single sign-on: the device flow
//! (RFC 8628), as `gh`, `az` and `aws sso` sign in.
//!
//! The person opens the provider's page (on this machine, or on their phone),
//! checks or types the code shown here, signs in and consents; acctl polls
//! meanwhile. The tokens are checked with the service (`GET /v1/whoami`)
//! before anything is stored; a sign-in the service would not take is revoked
//! at the provider and nothing is kept.

use secrecy::ExposeSecret;

use crate::client::ApiClient;
use crate::credentials::{CredentialStore, Secret, SsoGrant, TOKEN_ENV};
use crate::env::EnvVars;
use crate::error::{CliError, ExitStatus, status_for_api};
use crate::oidc::device::DeviceAuthorization;
use crate::oidc::{OidcError, Provider, Tokens};
use crate::output::sanitize::for_terminal;
use crate::profile::OidcProfile;
use crate::settings::Settings;
use crate::ui::Ui;

pub async fn login(
    oidc: &OidcProfile,
    insecure_storage: bool,
    settings: &Settings,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let profile = &settings.profile;
    let store = CredentialStore::new(&profile.name);
    // Before the person approves anything: a keyring that cannot keep the
    // sign-in must not cost them a trip to the browser.
    if !insecure_storage {
        store
            .check_keyring()
            .map_err(|e| CliError::from(e).with_context("cannot sign in: there is nowhere to keep the sign-in"))?;
    }
    ui.take_over_ctrl_c()?;
    let cancelled = |e: CliError| {
        if e.status() == ExitStatus::Interrupted {
            CliError::new(
                ExitStatus::Interrupted,
                anyhow::anyhow!("interrupted: the sign-in was cancelled and nothing was stored"),
            )
        } else {
            e
        }
    };
    let provider = ui
        .during(&format!("Asking `{}`…", oidc.issuer), Provider::discover(&oidc.issuer, profile))
        .await
        .map_err(cancelled)??;
    let auth = ui.during("Asking for a sign-in code…", provider.start_device_flow(oidc)).await.map_err(cancelled)??;
    show_code(&auth, &profile.name, ui);
    let page = auth.verification_uri_complete.clone().unwrap_or_else(|| auth.verification_uri.clone());
    // Polling starts now, while the person may still be answering the question below.
    let polling = {
        let (provider, oidc) = (provider.clone(), oidc.clone());
        tokio::spawn(async move { provider.poll_device(&oidc, &auth).await })
    };
    let _stop = AbortOnDrop(polling.abort_handle());
    if ui.can_prompt(settings.no_input) && has_desktop() {
        match ui.confirm("Open the page in your browser?", true) {
            Ok(true) => open_browser(&page, ui),
            Ok(false) => {}
            Err(e) => return Err(cancelled(e)),
        }
    }
    let waited = ui
        .during("Waiting for the sign-in to be approved in the browser (Ctrl-C cancels)", polling)
        .await
        .map_err(cancelled)?;
    let waited = waited.map_err(|e| CliError::unexpected(anyhow::Error::new(e).context("the sign-in stopped")))?;
    let tokens = waited.map_err(|e| match e {
        OidcError::Denied | OidcError::Expired => {
            CliError::from(e).with_hint(format!("run `acctl auth login -p {}` to get a new code", profile.name))
        }
        other => CliError::from(other).with_context("not signed in; nothing was stored"),
    })?;
    let grant = grant_from(oidc, tokens);
    let me = match check_with_service(&grant, settings, ui).await {
        Ok(me) => me,
        Err(e) => {
            // Nothing is kept: leave no live grant at the provider either.
            if let Some(rt) = &grant.refresh_token {
                let _ = provider.revoke(&oidc.client_id, rt).await;
            }
            return Err(e.with_context("not signed in; nothing was stored"));
        }
    };
    // Read before it is overwritten: revoked once the new one is kept.
    let previous = super::revoke::stored_grant(&store);
    let place = super::keep(&store, &Secret::Sso(grant.clone()), insecure_storage, ui)?;
    let who = me.email.clone().or_else(|| grant.who().map(str::to_owned)).unwrap_or_else(|| me.actor.clone());
    ui.success(format!(
        "Signed in to `{}` as `{}` (role {}) on profile `{}` through `{}`; the sign-in is kept in {place} and renewed as needed",
        profile.url,
        for_terminal(&who),
        me.role.as_str(),
        profile.name,
        oidc.issuer
    ));
    let new_refresh = grant.refresh_token.as_ref().map(|t| t.expose_secret());
    super::revoke::replaced(previous, new_refresh, settings, ui).await;
    if grant.refresh_token.is_none() {
        ui.warn(format!(
            "the identity provider gave no refresh token (does client `{}` have `offline_access` and the refresh grant?): sign in again when the access token expires",
            oidc.client_id
        ));
    }
    if crate::env::is_set(TOKEN_ENV) {
        ui.warn(format!("`{TOKEN_ENV}` is set in this environment and takes precedence over the sign-in"));
    }
    Ok(ExitStatus::Success)
}

/// The user code and where to enter it, on stderr; never the device code.
/// Shown under `--quiet` too: the person cannot sign in without it.
fn show_code(auth: &DeviceAuthorization, profile: &str, ui: &Ui) {
    let secs = auth.expires_in.as_secs();
    let expires = if secs < 120 { format!("{secs} seconds") } else { format!("{} minutes", secs.div_ceil(60)) };
    ui.say(format!("To sign in to profile `{profile}`, open this page in a browser:"));
    ui.say("");
    match &auth.verification_uri_complete {
        Some(complete) => {
            ui.say(format!("    {complete}"));
            ui.say("");
            ui.say(format!("and check that it shows the code {} (it expires in {expires}).", auth.user_code));
        }
        None => {
            ui.say(format!("    {}", auth.verification_uri));
            ui.say("");
            ui.say(format!("and enter the code {} (it expires in {expires}).", auth.user_code));
        }
    }
}

fn grant_from(oidc: &OidcProfile, tokens: Tokens) -> SsoGrant {
    let identity = tokens.identity.unwrap_or_default();
    SsoGrant {
        issuer: oidc.issuer.clone(),
        client_id: oidc.client_id.clone(),
        access_token: tokens.access_token,
        expires_at: tokens.expires_at,
        issued_at: Some(crate::oidc::now()),
        refresh_token: tokens.refresh_token,
        subject: identity.sub,
        name: identity.name,
        email: identity.email,
    }
}

/// `GET /v1/whoami` with the new access token: the service takes it, and
/// gives this person a role.
async fn check_with_service(grant: &SsoGrant, settings: &Settings, ui: &Ui) -> Result<acctl_api::Whoami, CliError> {
    let profile = &settings.profile;
    let client = ApiClient::new(profile, Some(grant.access_token.clone()))?;
    let answer = ui.during(&format!("Checking the sign-in with `{}`…", profile.url), client.whoami()).await?;
    answer.map_err(|e| {
        let status = status_for_api(&e);
        // 403: the token is good, but names no role the service knows.
        let forbidden = e.problem().is_some_and(|p| p.status == 403);
        if status == ExitStatus::NotAuthenticated && forbidden {
            // The service's own words name the role claim and what to ask for.
            CliError::new(status, anyhow::Error::new(e).context(format!("`{}` gives this sign-in no role", profile.url)))
                .with_hint("ask the identity provider's administrator for an acctl role (agent, sre or admin)")
        } else if status == ExitStatus::NotAuthenticated {
            CliError::new(
                status,
                anyhow::Error::new(e).context(format!("`{}` does not take this identity provider's access tokens", profile.url)),
            )
            .with_hint(format!(
                "the service must run with `--oidc-issuer {}` and `--oidc-audience` set to the profile's `oidc_audience`; `acctl config show` prints them",
                settings.profile.oidc.as_ref().map_or("…", |o| o.issuer.as_str())
            ))
        } else {
            CliError::from(e).with_context(format!("cannot check the sign-in with `{}`", profile.url))
        }
    })
}

/// Whether a browser would open where the person is: a desktop session here,
/// not one reached over SSH. Never in tests or CI (no display there).
fn has_desktop() -> bool {
    if crate::env::is_set(EnvVars::SSH_CONNECTION) {
        return false;
    }
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    crate::env::is_set(EnvVars::DISPLAY) || crate::env::is_set(EnvVars::WAYLAND_DISPLAY)
}

/// Opens `url` with the desktop's handler; the page is on the screen anyway,
/// so a failure is only a warning.
fn open_browser(url: &str, ui: &Ui) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("rundll32");
        c.arg("url.dll,FileProtocolHandler");
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        Ok(mut child) => {
            // Reaped in the background: the opener may outlive the question.
            std::thread::spawn(move || child.wait());
        }
        Err(e) => ui.warn(format!("cannot open a browser ({e}); open the page above yourself")),
    }
}

/// Stops the polling task when the login ends early (Ctrl-C, an error).
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
