//! Single sign-on settings, and `auth login` when the provider cannot be reached (no provider needed).

use crate::common::TestEnv;
use crate::snapshot;

// --- without a provider ----------------------------------------------------------

#[test]
fn sso_settings_are_checked_on_load_and_shown() {
    let env = TestEnv::new();
    let profile = |extra: &str| format!("default_profile = \"corp\"\n[profiles.corp]\nurl = \"{}\"\n{extra}", env.url);
    env.write_config(&profile("oidc_issuer = \"https://sso.example.com/realms/staff\"\n"));
    snapshot!(env, env.run(&["config", "show"]), "half_a_setup");
    env.write_config(&profile("oidc_scopes = [\"acctl\"]\n"));
    snapshot!(env, env.run(&["config", "show"]), "scopes_alone");
    env.write_config(&profile(
        "oidc_issuer = \"http://sso.example.com\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\n",
    ));
    snapshot!(env, env.run(&["config", "show"]), "plain_http_issuer");
    env.write_config(&profile(
        "oidc_issuer = \"https://sso.example.com/realms/staff\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\noidc_scopes = [\"acctl\", \"bad scope\"]\n",
    ));
    snapshot!(env, env.run(&["config", "show"]), "bad_scope");
    env.write_config(&profile(
        "oidc_issuer = \"https://sso.example.com/realms/staff\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\noidc_scopes = [\"acctl\"]\noidc_audience_param = \"audience\"\n",
    ));
    snapshot!(env, env.run(&["config", "show", "-o", "json"]), "shown");
}

#[test]
fn login_with_an_unreachable_provider_exits_8_and_stores_nothing() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"corp\"\n[profiles.corp]\nurl = \"{}\"\noidc_issuer = \"http://127.0.0.1:9\"\noidc_client_id = \"acctl\"\noidc_audience = \"https://api.example.com\"\n",
        env.url
    ));
    snapshot!(env, env.run(&["auth", "login", "--insecure-storage"]));
    assert!(!env.data_dir().join("credentials.toml").exists());
}
