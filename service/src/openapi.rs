//! The OpenAPI document of Admin API v1, generated from the same types and
//! handler annotations the service runs. `api/openapi.json` is this
//! document, committed; a test fails when it is stale. The service serves
//! the committed file (`acctl_api::OPENAPI_JSON`), so this module, and
//! utoipa, are built only with the `openapi` feature.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http;

#[derive(OpenApi)]
#[openapi(
    info(title = "acctl Admin API", version = "1.0.0",
        description = "Customer account recovery: find accounts, send and verify codes, reset passwords. \
            Errors are RFC 9457 problem documents with a stable `code`. Mutations accept `Idempotency-Key`, \
            `Audit-Reason` and `Audit-Ticket`; every response carries `Request-Id`."),
    paths(
        http::accounts::whoami,
        http::accounts::get,
        http::accounts::find,
        http::accounts::batch_lookup,
        http::accounts::lock_doc,
        http::accounts::unlock_doc,
        http::accounts::revoke_sessions,
        http::recovery::create_challenge,
        http::recovery::verify,
        http::recovery::set_password,
        http::audit::audit,
        http::login::login,
        http::sandbox::outbox,
    ),
    // Problems are referenced from `http::Problems`, which does not register them.
    components(schemas(acctl_api::Problem)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The service's own opaque token (`acctl-service token create`), or, when the service \
                         runs with `--oidc-issuer`, a JWT access token (RFC 9068, `typ` `at+jwt`, or also `JWT` \
                         with `--oidc-accept-plain-jwt`; RS256, PS256 or ES256) from that OpenID Connect provider \
                         for the `--oidc-audience`. Its role claim \
                         must name agent, sre or admin, else 403 `no_role`; a refused token is 401 \
                         `unauthenticated` with the reason in `detail`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document as pretty JSON with a trailing newline (as committed).
pub fn document_json() -> String {
    let mut json = ApiDoc::openapi().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_openapi_json_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/openapi.json");
        let current = super::document_json();
        if std::env::var_os("ACCTL_REGENERATE").is_some() {
            std::fs::write(path, &current).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == current,
            "api/openapi.json is stale; regenerate it with:\n  ACCTL_REGENERATE=1 cargo test -p acctl-service --lib openapi\n(or `cargo run -p acctl-service -- openapi > api/openapi.json`)"
        );
    }
}
