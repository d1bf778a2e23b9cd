//! The person in front of a browser: opens the verification page, enters
//! the user code, signs in and consents or refuses, over plain HTTP with a
//! cookie jar.

use std::collections::HashMap;

use reqwest::{StatusCode, header};

use crate::{Provider, Result, error, form, http_error};

/// The person's answer at the consent step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

impl Provider {
    /// What a person does in a browser with `user_code`: opens the
    /// verification page, enters the code, confirms it, signs in as `user`
    /// (any password) and, at the consent page, allows or denies. Every
    /// form is posted and every 303 followed as a browser would, with a
    /// fresh cookie jar (a new browser session).
    pub async fn approve(&self, user_code: &str, user: &str, decision: Decision) -> Result<()> {
        let mut browser = Browser { http: &self.http, jar: HashMap::new() };
        let device = format!("{}/device", self.issuer);
        let page = browser.get(&device).await?;
        let xsrf = hidden(&page.body, "xsrf").ok_or_else(|| error("the device page has no xsrf field"))?;
        let page = browser.post(&device, &[("xsrf", &xsrf), ("user_code", user_code)]).await?;
        if page.body.contains("code you entered is incorrect") {
            return Err(error(format!("the provider does not know the user code `{user_code}`")));
        }
        let xsrf = hidden(&page.body, "xsrf").ok_or_else(|| error("the confirmation page has no xsrf field"))?;
        let mut page = browser.post(&device, &[("xsrf", &xsrf), ("user_code", user_code), ("confirm", "yes")]).await?;
        // Sign-in, then consent; a session that is already signed in skips the first.
        for _ in 0..4 {
            if page.body.contains("Sign-in Success") {
                return if decision == Decision::Allow {
                    Ok(())
                } else {
                    Err(error("the sign-in succeeded without a consent page to deny"))
                };
            }
            let action = form_action(&page.body).ok_or_else(|| error(unexpected(&page)))?;
            if hidden(&page.body, "prompt").as_deref() == Some("login") {
                page = browser.post(&action, &[("prompt", "login"), ("login", user), ("password", "test")]).await?;
            } else if hidden(&page.body, "prompt").as_deref() == Some("consent") {
                page = match decision {
                    Decision::Allow => browser.post(&action, &[("prompt", "consent")]).await?,
                    Decision::Deny => {
                        browser.get(&format!("{}/abort", action.trim_end_matches('/'))).await?;
                        return Ok(());
                    }
                };
            } else {
                return Err(error(unexpected(&page)));
            }
        }
        Err(error(unexpected(&page)))
    }
}

/// A page the browser landed on after following redirects.
struct Page {
    url: String,
    status: StatusCode,
    body: String,
}

fn unexpected(page: &Page) -> String {
    let text: String = strip_tags(&page.body).split_whitespace().collect::<Vec<_>>().join(" ");
    format!("unexpected page at `{}` ({}): {}", page.url, page.status, text.chars().take(300).collect::<String>())
}

/// The browser of [`Provider::approve`]: a cookie jar (one host, so names
/// are enough; paths are ignored) and redirects followed by hand, so the
/// cookies set on a 303 are kept.
struct Browser<'a> {
    http: &'a reqwest::Client,
    jar: HashMap<String, String>,
}

impl Browser<'_> {
    async fn get(&mut self, url: &str) -> Result<Page> {
        let request = self.http.get(url);
        self.send(url.to_owned(), request).await
    }

    async fn post(&mut self, url: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let request =
            self.http.post(url).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(form(fields));
        self.send(url.to_owned(), request).await
    }

    async fn send(&mut self, mut url: String, mut request: reqwest::RequestBuilder) -> Result<Page> {
        for _ in 0..10 {
            if !self.jar.is_empty() {
                let cookies: Vec<String> = self.jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
                request = request.header(header::COOKIE, cookies.join("; "));
            }
            let response = request.send().await.map_err(|e| http_error("the provider did not answer", e))?;
            for value in response.headers().get_all(header::SET_COOKIE) {
                let Ok(value) = value.to_str() else { continue };
                let pair = value.split(';').next().unwrap_or_default();
                if let Some((name, value)) = pair.split_once('=') {
                    if value.is_empty() {
                        self.jar.remove(name.trim());
                    } else {
                        self.jar.insert(name.trim().to_owned(), value.to_owned());
                    }
                }
            }
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| error(format!("a {status} without Location from `{url}`")))?;
                url = resolve(&url, location);
                request = self.http.get(&url);
                continue;
            }
            let body = response.text().await.map_err(|e| http_error("cannot read a page", e))?;
            return Ok(Page { url, status, body });
        }
        Err(error(format!("too many redirects from `{url}`")))
    }
}

/// `location` relative to `base` (absolute, or an absolute path).
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_owned();
    }
    let origin_end = base.find("://").map(|i| i + 3).and_then(|i| base[i..].find('/').map(|j| i + j));
    let origin = origin_end.map_or(base, |end| &base[..end]);
    format!("{origin}{location}")
}

/// The value of the hidden input `name` in an HTML page.
fn hidden(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    attribute(&html[tag_start..tag_end], "value")
}

/// The `action` of the page's first form.
fn form_action(html: &str) -> Option<String> {
    let start = html.find("<form")?;
    let end = start + html[start..].find('>')?;
    attribute(&html[start..end], "action")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = start + tag[start..].find('"')?;
    Some(unescape(&tag[start..end]))
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_read_like_the_provider_writes_them() {
        let page = r#"<form id="op.deviceConfirmForm" method="post" action="http://127.0.0.1:1/device">
            <input type="hidden" name="xsrf" value="abc"/><input type="hidden" name="prompt" value="login"/>"#;
        assert_eq!(hidden(page, "xsrf").as_deref(), Some("abc"));
        assert_eq!(hidden(page, "prompt").as_deref(), Some("login"));
        assert_eq!(form_action(page).as_deref(), Some("http://127.0.0.1:1/device"));
        assert_eq!(resolve("http://127.0.0.1:1/device", "/interaction/x"), "http://127.0.0.1:1/interaction/x");
    }
}
