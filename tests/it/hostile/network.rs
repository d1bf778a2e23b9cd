//! Where requests go and what listens: redirects (item 5), proxies and
//! plain HTTP (14), the sandbox's address (19).

use super::server::{ACC, Hostile, Reply, account_json, ok};
use super::{at, finish, snap};
use crate::common::TestEnv;

// --- 5: redirects ---------------------------------------------------------

#[test]
fn a_redirect_is_never_followed_so_the_password_and_code_stay_put() {
    let env = TestEnv::new();
    // The other origin would take the body and answer as if it were the service.
    let other = Hostile::start(|seen| {
        match seen.method.as_str() {
        "PUT" => ok(serde_json::json!({
            "account_id": ACC, "mode": "set", "changed_at": "2026-03-01T09:00:00Z",
            "must_change_password": false, "sessions_revoked": 0, "notified": ["email"]
        })
        .to_string()),
        _ => ok(serde_json::json!({"status": "verified", "verification_token": "vt_0123456789abcdef", "token_expires_at": "2026-03-01T09:10:00Z"}).to_string()),
    }
    });
    let to = other.url.clone();
    let hostile = Hostile::start(move |seen| match (seen.method.as_str(), seen.path.as_str()) {
        ("GET", _) => ok(account_json(ACC, "Bob")),
        ("PUT", path) => Reply::Json(308, vec![("location", format!("{to}{path}"))], String::new()),
        (_, path) => Reply::Json(307, vec![("location", format!("{to}{path}"))], String::new()),
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]"), (other.url.as_str(), "[OTHER]")];

    let password = at(
        &env,
        &hostile.url,
        &["password", "set", ACC, "--force", "--password-stdin", "-o", "json"],
        Some(b"Canary-Redirected-Passw0rd-1\n"),
    );
    let code = at(
        &env,
        &hostile.url,
        &["code", "verify", "chl_0123456789ab", "--code-stdin", "-o", "json"],
        Some(b"482913\n"),
    );

    assert!(other.seen().is_empty(), "the other origin received {:?}", other.seen());
    assert_eq!(hostile.seen().len(), 3, "one lookup, one PUT, one verify, none retried");
    snap(&env, "redirect_password_set", &urls, &password);
    snap(&env, "redirect_code_verify", &urls, &code);
}

// --- 14: proxies and plain http --------------------------------------------

#[test]
fn loopback_requests_never_go_through_a_proxy() {
    let env = TestEnv::new();
    let proxy = Hostile::start(|_| Reply::Json(502, Vec::new(), "{}".into()));
    let run = env.run_with(
        &["lookup", "acc_demoalice", "--fields", "id,status"],
        &[
            ("ACCTL_TOKEN", env.token("agent")),
            ("HTTP_PROXY", &proxy.url),
            ("http_proxy", &proxy.url),
            ("ALL_PROXY", &proxy.url),
            ("all_proxy", &proxy.url),
        ],
        None,
    );
    let through: Vec<String> = proxy.seen().into_iter().map(|s| s.head).collect();
    assert!(through.is_empty(), "the proxy saw: {through:?}");
    snap(&env, "no_proxy_for_loopback", &[], &run);
}

#[test]
fn plain_http_to_another_host_is_refused_unless_the_profile_allows_it() {
    let env = TestEnv::new();
    // `.invalid` never resolves: nothing could reach another machine even before the fix.
    env.write_config("default_profile = \"lab\"\n[profiles.lab]\nurl = \"http://accounts.example.invalid:8080\"\n");
    let refused = env.run_as("agent", &["lookup", "acc_demoalice"]);
    snap(&env, "plain_http_refused", &[], &refused);
    let from_env = env.run_with(
        &["lookup", "acc_demoalice"],
        &[("ACCTL_URL", "http://example.invalid"), ("ACCTL_TOKEN", env.token("agent"))],
        None,
    );
    from_env.assert_code(2);
    assert!(from_env.stderr.contains("invalid `ACCTL_URL` for profile `lab`"), "{}", from_env.stderr);
    env.write_config(
        "default_profile = \"lab\"\n[profiles.lab]\nurl = \"http://accounts.example.invalid:8080\"\ninsecure_http = true\n",
    );
    let shown = env.run(&["config", "show", "-o", "json"]);
    snap(&env, "plain_http_allowed_config_show", &[], &shown);
}

// --- 19: the sandbox --------------------------------------------------------

#[test]
fn the_sandbox_listens_on_loopback_only() {
    let env = TestEnv::new();
    for (name, addr) in [("sandbox_any_v4", "0.0.0.0:0"), ("sandbox_any_v6", "[::]:0"), ("sandbox_lan", "192.0.2.1:0")]
    {
        let mut cmd = env.command();
        cmd.args(["sandbox", "--listen", addr]);
        let (run, _) = finish(cmd, None);
        snap(&env, name, &[], &run);
    }
}
