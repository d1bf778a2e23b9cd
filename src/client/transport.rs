//! How the client meets a backend it does not fully trust, below the routes:
//! no redirects, no proxy between acctl and a service on this machine, plain
//! `http://` only to loopback (or where a profile opts in by name), and
//! answers no larger than [`MAX_RESPONSE_BYTES`].
//!
//! Why each, from the attack in issue 10:
//!
//! - A 307/308 carries the request body to wherever `Location` points: the
//!   customer's new password or the code they read out went to another origin,
//!   and the CLI acted on that origin's answer. The admin API never
//!   redirects, so a redirect is an error, never followed.
//! - `HTTP_PROXY`/`ALL_PROXY` sent loopback requests, bearer token in clear,
//!   through the proxy.
//! - An endless chunked body or a 3 GB `Content-Length` was buffered whole,
//!   once per batch in flight.

use std::net::IpAddr;

use reqwest::Url;

/// The largest answer acctl reads: 16 MiB.
///
/// The largest real answers are a 500-identifier `accounts:batchLookup` with
/// `reveal=true` and a 1,000-event audit page. Measured against the reference
/// service (BENCHMARKS.md, "Largest answers"; `bench/cli/largest-answers.sh`):
/// 500 revealed accounts with long emails and names and two named devices
/// each come to 0.5 MB; 1,000 audit events with 500-character reasons and
/// tickets to 1.2 MB. 16 MiB is thirteen times that, room for a backend with
/// larger records, and bounds what a hostile backend can make `lookup -` hold
/// to 16 MiB per batch in flight (128 MiB at the default 8) instead of
/// whatever it chooses to send.
pub const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

/// Whether `url` names this machine: `localhost`, 127.0.0.0/8 or `::1`.
pub fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else { return false };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(a)) => a.is_loopback(),
        Ok(IpAddr::V6(a)) => a.is_loopback() || a.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        Err(_) => {
            let d = host.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
    }
}

/// Why a profile's `url` may not be used, when it is plain `http://` to a host
/// that is not this machine and the profile does not say `insecure_http = true`:
/// the bearer token and every customer record would cross the network in clear.
pub fn plain_http_refusal(url: &str, insecure_http: bool) -> Option<String> {
    let parsed = Url::parse(url).ok()?;
    (parsed.scheme() == "http" && !insecure_http && !is_loopback(&parsed)).then(|| {
        format!(
            "`{url}` is plain http to a host that is not this machine: the token and customer data would cross the network unencrypted"
        )
    })
}

/// How long connecting may take, per attempt.
pub const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// An HTTP client for `base` under the rules above, trusting the system's
/// roots plus `ca_bundle` (a backend or an identity provider behind an
/// internal CA); `timeout` bounds each request. Shared by the admin API
/// client and single sign-on ([`crate::oidc`]), so both meet the network the
/// same way.
pub fn http_client(
    base: &str,
    timeout: std::time::Duration,
    ca_bundle: Option<&std::path::Path>,
) -> Result<reqwest::Client, super::ApiError> {
    use super::ApiError;
    // reqwest is built with `rustls-no-provider`: pick ring once per process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let builder = reqwest::Client::builder()
        .user_agent(concat!("acctl/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(timeout)
        .pool_max_idle_per_host(64);
    let mut builder = harden(builder, base);
    if let Some(path) = ca_bundle {
        let pem = std::fs::read(path).map_err(|e| ApiError::Setup {
            what: format!("cannot read `ca_bundle` `{}`", path.display()),
            source: Some(Box::new(e)),
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| ApiError::Setup {
            what: format!("`ca_bundle` `{}` is not a PEM certificate bundle", path.display()),
            source: Some(Box::new(e)),
        })?;
        if certs.is_empty() {
            return Err(ApiError::Setup {
                what: format!("`ca_bundle` `{}` holds no certificate", path.display()),
                source: None,
            });
        }
        builder = builder.tls_certs_merge(certs);
    } else if base.starts_with("http://") {
        // Plain HTTP (a local service or the sandbox) needs no trust
        // roots; loading the system's took 7 ms, most of a one-shot
        // `acctl lookup`. A redirect to https then fails closed.
        builder = builder.tls_certs_only(std::iter::empty());
    }
    builder.build().map_err(|e| ApiError::Setup { what: "TLS or proxy settings".into(), source: Some(Box::new(e)) })
}

/// Applies the rules above to a client for `base`.
pub fn harden(builder: reqwest::ClientBuilder, base: &str) -> reqwest::ClientBuilder {
    let builder = builder.redirect(reqwest::redirect::Policy::none());
    match Url::parse(base) {
        // A proxy between acctl and a service on this machine can only read the token.
        Ok(url) if is_loopback(&url) => builder.no_proxy(),
        _ => builder,
    }
}

/// A `Location` header as it may appear in a message: visible ASCII only, at
/// most 200 characters (a hostile backend chooses it).
pub fn shown_location(response: &reqwest::Response) -> String {
    let Some(raw) = response.headers().get(reqwest::header::LOCATION) else {
        return "(no Location)".to_owned();
    };
    let text: String = raw.as_bytes().iter().filter(|b| b.is_ascii_graphic()).map(|&b| b as char).collect();
    if text.chars().count() > 200 { format!("{}…", text.chars().take(200).collect::<String>()) } else { text }
}

/// Why a body was not read whole.
#[derive(Debug)]
pub enum BodyError {
    /// Longer than the limit: `declared` when `Content-Length` said so up front.
    TooLarge {
        declared: Option<u64>,
    },
    Read(reqwest::Error),
}

/// Reads the body, refusing it as soon as it passes `limit` bytes, and at once
/// when `Content-Length` already says it will.
pub async fn read_capped(mut response: reqwest::Response, limit: u64) -> Result<Vec<u8>, BodyError> {
    let declared = response.content_length();
    if let Some(len) = declared
        && len > limit
    {
        return Err(BodyError::TooLarge { declared: Some(len) });
    }
    // `declared` is at most `limit` here. A batch answer (~200 KiB) gets its
    // whole size at once rather than four regrowths; a body of unknown or
    // claimed-huge length starts smaller and grows as it really arrives.
    let mut body = Vec::with_capacity(declared.map_or(16 * 1024, |d| d.min(1 << 20)) as usize);
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(BodyError::TooLarge { declared: None });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `16 MiB`, `512 KiB`, `300 bytes`.
pub fn human_bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n.is_multiple_of(1 << 20) => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n.is_multiple_of(1 << 10) => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn loopback_is_this_machine_only() {
        for s in
            ["http://127.0.0.1:8080", "http://127.8.9.10", "http://[::1]:1", "http://localhost", "http://a.localhost."]
        {
            assert!(is_loopback(&url(s)), "{s}");
        }
        for s in
            ["http://10.0.0.1", "http://example.com", "http://127.0.0.1.example.com", "http://[::2]", "http://0.0.0.0"]
        {
            assert!(!is_loopback(&url(s)), "{s}");
        }
    }

    #[test]
    fn plain_http_is_refused_off_this_machine_unless_the_profile_says_so() {
        assert!(plain_http_refusal("http://example.invalid", false).is_some());
        assert!(plain_http_refusal("http://example.invalid", true).is_none());
        assert!(plain_http_refusal("http://127.0.0.1:8080", false).is_none());
        assert!(plain_http_refusal("https://example.invalid", false).is_none());
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_bytes(MAX_RESPONSE_BYTES), "16 MiB");
        assert_eq!(human_bytes(2048), "2 KiB");
        assert_eq!(human_bytes(1000), "1000 bytes");
    }
}
