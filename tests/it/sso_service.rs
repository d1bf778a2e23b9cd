//! Single sign-on end to end: the reference service trusts the provider
//! (`serve --oidc-issuer ISSUER --oidc-audience AUDIENCE`), so each role
//! signs in through `acctl auth login` and works with the provider's access
//! tokens, renewed as they expire. See `sso.rs` for the harness.

use std::time::Duration;

use oidc_harness::{Decision, ProviderOptions};

use crate::common::{Backend, Run};
use crate::sso::{Sso, never_shows};

/// A provider, and a service that takes its access tokens.
fn trusted(options: ProviderOptions) -> Sso {
    Sso::start_with(options, |config, issuer, audience| {
        config.oidc = Some(acctl_service::oidc::OidcConfig::new(issuer, audience));
    })
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn each_role_signs_in_and_can_do_exactly_what_its_role_allows() {
    let sso = trusted(ProviderOptions::default());
    for role in ["agent", "sre", "admin"] {
        let login = sso.login(role, role, Some(Decision::Allow));
        sso.insta(&format!("{role}_login")).bind(|| insta::assert_snapshot!(login.snapshot()));
        login.assert_code(0);
        let secrets = sso.secrets(role);
        never_shows(&login, &secrets);
        let status = sso.run(&["auth", "status", "-p", role, "-o", "json"]);
        sso.insta(&format!("{role}_status")).bind(|| insta::assert_snapshot!(status.snapshot()));
        status.assert_code(0);
        if role == "agent" {
            let card = sso.run(&["auth", "status", "-p", role, "-o", "table"]);
            sso.insta("agent_status_card").bind(|| insta::assert_snapshot!(card.snapshot()));
            never_shows(&card, &secrets);
        }

        let as_role = |args: &[&str]| sso.run(&[&["-p", role][..], args].concat());
        let lookup = as_role(&["lookup", "acc_demobob", "--fields", "id,status", "-o", "ndjson"]);
        let reveal = as_role(&["lookup", "acc_demobob", "--reveal", "--fields", "email", "-o", "ndjson"]);
        let lock = as_role(&["account", "lock", "acc_demobob", "--reason", "sso test"]);
        let unlock = as_role(&["account", "unlock", "acc_demobob", "--reason", "sso test"]);
        lookup.assert_code(0);
        reveal.assert_code(if role == "admin" { 0 } else { 4 });
        lock.assert_code(if role == "agent" { 4 } else { 0 });
        unlock.assert_code(if role == "agent" { 4 } else { 0 });
        for run in [&status, &lookup, &reveal, &lock, &unlock] {
            never_shows(run, &secrets);
        }
    }
    // The audit log names the provider's subject.
    let trail = Backend::new(&sso.env).audit_trail("acc_demobob");
    assert!(trail.iter().any(|l| l.starts_with("oidc:sre account.lock success")), "{trail:#?}");
    assert!(trail.iter().any(|l| l.starts_with("oidc:admin account.unlock success")), "{trail:#?}");
}

#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_sign_in_without_a_role_is_refused_and_not_stored() {
    let sso = trusted(ProviderOptions::default());
    let run = sso.login("nobody", oidc_harness::users::NO_ROLE, Some(Decision::Allow));
    sso.insta("no_role").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(4);
    assert!(sso.stored("nobody").is_none(), "nothing stored");
}

/// A second `auth login` replaces the sign-in, and revokes the one it
/// replaced at the provider: no refresh token this machine no longer holds
/// stays alive there. A token pasted with `--with-token` on the SSO profile
/// replaces it, and revokes it, the same way.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn signing_in_again_revokes_the_sign_in_it_replaces() {
    let sso = trusted(ProviderOptions::default());
    sso.login("agent", "agent", Some(Decision::Allow)).assert_code(0);
    let first = sso.stored_secret("agent", "refresh_token");
    let again = sso.login("agent", "agent", Some(Decision::Allow));
    sso.insta("again").bind(|| insta::assert_snapshot!(again.snapshot()));
    again.assert_code(0);
    let second = sso.stored_secret("agent", "refresh_token");
    assert_ne!(first, second, "the new sign-in is stored");
    assert!(!sso.provider_renews(&first), "the replaced sign-in is revoked at the provider");
    never_shows(&again, &[first, second.clone()]);

    let token = sso.env.token("agent").to_owned();
    let with_token = sso.env.run_with(
        &["auth", "login", "-p", "agent", "--with-token", "--insecure-storage"],
        &[],
        Some(token.as_bytes()),
    );
    sso.insta("with_token").bind(|| insta::assert_snapshot!(with_token.snapshot()));
    with_token.assert_code(0);
    assert!(sso.stored("agent").is_none(), "a token, not a sign-in, is stored now");
    assert!(!sso.provider_renews(&second), "the sign-in the token replaced is revoked at the provider");
    never_shows(&with_token, &[second, token]);
}

/// The wizard waits at a question longer than the access token lives; the
/// next step renews it and goes on as if nothing happened, and the rotated
/// refresh token is stored. Then a stored access token acctl believes fresh
/// but the service refuses: one 401, one renewal, the request again.
#[cfg(unix)]
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn an_access_token_that_expires_mid_session_is_renewed_without_the_agent_noticing() {
    use crate::dialogue::Key::{CtrlC, Line, Wait};
    let sso = trusted(ProviderOptions { access_token_ttl: Duration::from_secs(3), ..Default::default() });
    sso.login("agent", "agent", Some(Decision::Allow)).assert_code(0);
    let first = sso.secrets("agent");

    let mut agent = crate::dialogue::Terminal::start(&sso.env, None, &["-p", "agent", "reset", "alice@example.com"]);
    agent.dialogue(&[
        ("Ticket for this reset (Enter to skip)", Line("")),
        ("Reason for this reset (Enter to skip)", Line("")),
        ("Is this the customer's account?", Wait),
    ]);
    std::thread::sleep(Duration::from_secs(4));
    agent.dialogue(&[
        ("", Line("y")),
        ("Send the code by", Line("")),
        ("A code went by email to a***@example.com", Wait),
        ("Code the customer reads out", CtrlC),
    ]);
    let end = agent.finish();
    // Ctrl-C at the code is the wizard's usual "interrupted"; nothing about the sign-in.
    end.assert_code(130).shows_in_order(&["error: interrupted"]).never_shows(&["sign in", "warning:", "rejected"]);
    for secret in &first {
        assert!(!end.screen.contains(secret.as_str()), "a secret was on the screen");
    }
    let backend = Backend::new(&sso.env);
    assert_eq!(backend.count("acc_demoalice", acctl_api::MessageKind::VerificationCode), 1, "sent after the renewal");
    let renewed = sso.secrets("agent");
    assert_ne!(renewed[0], first[0], "a new access token");
    assert_ne!(renewed[1], first[1], "the rotated refresh token was stored back");

    // The service allows a little clock skew on `exp`, so a token it refuses
    // while acctl thinks it good for an hour: one for another audience.
    let other = sso.runtime.block_on(sso.provider.sign_in_for("agent", oidc_harness::OTHER_AUDIENCE)).expect("a token");
    sso.set_stored("agent", "access_token", toml::Value::String(other.access_token));
    let an_hour = time::OffsetDateTime::now_utc().unix_timestamp() + 3600;
    sso.set_stored("agent", "expires_at", toml::Value::Integer(an_hour));
    let run = sso.run(&["-p", "agent", "lookup", "acc_demobob", "--fields", "id", "-o", "ndjson"]);
    sso.insta("renewed_after_401").bind(|| insta::assert_snapshot!(run.snapshot()));
    run.assert_code(0);
    assert_ne!(sso.secrets("agent")[1], renewed[1], "renewed once more, and stored");
}

/// A bulk job with eight requests in flight when the access token expires:
/// one renewal for all of them, and the job finishes.
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn a_bulk_job_renews_once_for_all_its_requests_in_flight() {
    let sso = trusted(ProviderOptions { access_token_ttl: Duration::from_secs(2), ..Default::default() });
    sso.login("sre", "sre", Some(Decision::Allow)).assert_code(0);
    std::thread::sleep(Duration::from_secs(3));
    let input = "acc_demobob\nacc_demoalice\nacc_demograce\nacc_demofrank\nacc_demoerin\n";
    let job = sso.env.run_with(
        &["-p", "sre", "bulk", "revoke-sessions", "--input", "-", "--concurrency", "8", "--reason", "sso", "--yes"],
        &[],
        Some(input.as_bytes()),
    );
    job.assert_code(0);
    let refresh = sso.stored_secret("sre", "refresh_token");
    assert!(sso.provider_renews(&refresh), "one renewal, no reuse: the sign-in is alive");
}

/// `-vvv` logs every request acctl makes: no access token, refresh token or
/// device code there either (the device code is never shown, so no long
/// token-like word may appear at all).
#[test]
#[ignore = "needs node and testing/oidc's npm packages; .ci/run runs it"]
fn no_token_or_code_reaches_the_output_or_the_logs() {
    let sso = trusted(ProviderOptions { access_token_ttl: Duration::from_secs(2), ..Default::default() });
    // The login's own trace: the device code goes to the token endpoint on every poll.
    let login =
        sso.login_with(&["-vvv", "auth", "login", "-p", "admin", "--insecure-storage"], "admin", Some(Decision::Allow));
    login.assert_code(0);
    let before = sso.secrets("admin");
    never_shows(&login, &before);
    for word in login.stderr.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))) {
        assert!(word.len() < 40, "a token-like word `{word}`:\n{}", login.stderr);
    }
    std::thread::sleep(Duration::from_secs(3));
    let runs: Vec<Run> = vec![
        sso.run(&["-vvv", "-p", "admin", "lookup", "acc_demobob"]),
        sso.run(&["-vvv", "auth", "status", "-p", "admin", "-o", "json"]),
    ];
    let after = sso.secrets("admin");
    let logout = sso.run(&["-vvv", "auth", "logout", "-p", "admin"]);
    for run in runs.iter().chain([&logout]) {
        never_shows(run, &before);
        never_shows(run, &after);
        for word in run.stderr.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))) {
            assert!(word.len() < 40, "a token-like word `{word}`:\n{}", run.stderr);
        }
    }
}

/// The sign-in kept in a real OS keyring (Secret Service under
/// dbus-run-session, as `keyring.rs`): stored there, not in a file, renewed
/// there, revoked and removed at logout.
#[test]
#[ignore = "needs node, testing/oidc's npm packages and a Secret Service (gnome-keyring under dbus-run-session); .ci/run runs it"]
fn a_sign_in_in_the_os_keyring_is_renewed_there_and_removed_at_logout() {
    let mut sso = trusted(ProviderOptions { access_token_ttl: Duration::from_secs(2), ..Default::default() });
    for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
        let value = std::env::var(var).unwrap_or_else(|_| panic!("{var} must be set: run under dbus-run-session"));
        sso.env.env(var, &value);
    }
    // A profile name unique to this run: a shared keyring never collides.
    let profile = format!("sso-{}", std::process::id());
    sso.write_config(&[&profile]);
    let login = sso.login_with(&["auth", "login", "-p", &profile], "agent", Some(Decision::Allow));
    login.assert_code(0);
    assert!(login.stderr.contains("the sign-in is kept in the OS keyring"), "{}", login.snapshot());
    assert!(!sso.env.data_dir().join("credentials.toml").exists(), "no plaintext copy");
    std::thread::sleep(Duration::from_secs(3));
    for _ in 0..2 {
        sso.run(&["-p", &profile, "lookup", "acc_demobob", "--fields", "id"]).assert_code(0);
    }
    let status = sso.run(&["auth", "status", "-p", &profile, "-o", "json"]);
    status.assert_code(0);
    let record: serde_json::Value = serde_json::from_str(&status.stdout).expect("JSON");
    assert_eq!((record["sign_in"].as_str(), record["token_source"].as_str()), (Some("sso"), Some("keyring")));
    let logout = sso.run(&["auth", "logout", "-p", &profile]);
    logout.assert_code(0);
    assert!(logout.stderr.contains("Revoked the sign-in"), "{}", logout.snapshot());
    sso.run(&["-p", &profile, "lookup", "acc_demobob"]).assert_code(4);
}
