//! `acctl lookup`: identifier forms, exit codes, streaming from stdin.

use crate::common::{Backend, TestEnv};
use crate::snapshot;

#[test]
fn every_identifier_form_finds_the_account() {
    let env = TestEnv::new();
    let cases: &[&[&str]] = &[
        &["alice@example.com"],
        &["  alice@EXAMPLE.com "],
        &["email:alice@example.com"],
        &["judy@bücher.de"],
        &["+8613800138000"],
        &["+86 138 0013 8000"],
        &["13800138000"],
        &["phone:138-0013-8000"],
        &["(415) 555-0132", "--region", "US"],
        &["acc_demobob"],
        &["id:acc_demobob"],
        &["--by", "phone", "13800138000"],
    ];
    // One transcript of every run: each must find its account, say nothing on stderr, exit 0.
    let mut transcript = String::new();
    for args in cases {
        let argv = [&["lookup"][..], *args, &["-o", "ndjson", "--fields", "input,id"]].concat();
        let run = env.run_as("agent", &argv);
        transcript.push_str(&format!("$ acctl {argv:?}\n{}\n\n", run.snapshot()));
    }
    env.insta_settings(None).bind(|| insta::assert_snapshot!(transcript));
}

#[test]
fn a_single_identifier_that_finds_nothing_exits_3() {
    let env = TestEnv::new();
    snapshot!(env, env.run_as("agent", &["lookup", "nobody@example.com"]));
}

#[test]
fn a_bad_identifier_exits_2_naming_it_before_any_request() {
    let env = TestEnv::new();
    snapshot!(env, env.run_as("agent", &["lookup", "acc_demobob", "carol"]), "not_an_identifier");
    snapshot!(env, env.run_as("agent", &["lookup", "--by", "email", "acc_demobob"]), "not_an_email");
    assert_eq!(Backend::new(&env).audit_trail("acc_demobob"), Vec::<String>::new());
}

#[test]
fn without_a_token_the_error_says_how_to_sign_in() {
    let env = TestEnv::new();
    snapshot!(env, env.run(&["lookup", "alice@example.com"]));
}

/// A log filter acctl cannot read is named, with the syntax it takes, and
/// the lookup goes on as if it were unset (logs off without `-v`).
#[test]
fn a_log_filter_that_cannot_be_read_is_named_and_the_command_goes_on() {
    let env = TestEnv::new();
    let bad = [("ACCTL_TOKEN", env.token("agent")), ("ACCTL_LOG", "acctl=loudly")];
    snapshot!(env, env.run_with(&["lookup", "acc_demobob", "--fields", "id,status"], &bad, None));
}

#[test]
fn several_identifiers_answer_in_order_and_a_miss_exits_3() {
    let env = TestEnv::new();
    let run =
        env.run_as("agent", &["lookup", "acc_demobob", "nobody@example.com", "alice@example.com", "-o", "ndjson"]);
    snapshot!(env, run);
}

#[test]
fn stdin_lookups_keep_order_give_one_record_per_line_and_skip_blank_lines() {
    let env = TestEnv::new();
    let forms =
        ["alice@example.com", "acc_demobob", "+14155550177", "nobody@example.com", "13800138000", "carol@example.org"];
    let mut input = String::new();
    let mut expected = Vec::new();
    for i in 0..20_000 {
        let line = forms[i % forms.len()];
        input.push_str(line);
        input.push_str(if i % 7 == 0 { "\r\n" } else { "\n" });
        if i % 1000 == 0 {
            input.push_str("   \n\n");
        }
        expected.push(line.to_owned());
    }
    let run = env.run_with(&["lookup", "-"], &[("ACCTL_TOKEN", env.token("agent"))], Some(input.as_bytes()));
    snapshot!(env, run.with_stdout_counted());
    let records = run.json_lines();
    let inputs: Vec<&str> = records.iter().map(|r| r["input"].as_str().expect("an input")).collect();
    assert_eq!(inputs, expected);
    for r in &records {
        let answer = match r["input"].as_str().expect("an input") {
            "nobody@example.com" => r["error"]["code"].clone(),
            _ => r["account"]["id"].clone(),
        };
        let want = match r["input"].as_str().expect("an input") {
            "nobody@example.com" => "account_not_found",
            "acc_demobob" => "acc_demobob",
            "+14155550177" => "acc_demograce",
            "carol@example.org" => "acc_democarol",
            _ => "acc_demoalice",
        };
        assert_eq!(answer, want, "{r}");
    }
}

#[test]
fn a_bad_line_exits_9_and_the_other_lines_are_still_answered() {
    let env = TestEnv::new();
    let input = b"\xEF\xBB\xBFalice@example.com\r\nnot an identifier\r\n\xff\xfe\xfd\nacc_demobob\n";
    let run = env.run_with(&["lookup", "-"], &[("ACCTL_TOKEN", env.token("agent"))], Some(input));
    snapshot!(env, run);
}

#[test]
fn csv_input_takes_the_named_column() {
    let env = TestEnv::new();
    let input = "\u{feff}name,email,note\r\nAlice,alice@example.com,vip\r\nNobody,nobody@example.com,\r\n\"Bob, Jr.\",bob@example.com,\"multi\nline\"\r\n";
    let run = env.run_with(
        &["lookup", "-", "--column", "email", "-o", "csv", "--fields", "input,id,error"],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(input.as_bytes()),
    );
    snapshot!(env, run, "email");
    let run = env.run_with(
        &["lookup", "-", "--column", "mail"],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(input.as_bytes()),
    );
    snapshot!(env, run, "no_such_column");
}

#[test]
fn rate_limited_batches_are_retried_after_retry_after() {
    // The token bucket refills by the service's clock: a real one here.
    let env = TestEnv::with_config(|c| {
        c.clock = acctl_service::Clock::system();
        c.rate_limit = Some(acctl_service::RateLimit { per_second: 1, burst: 1 });
    });
    let input = "alice@example.com\n".repeat(1200);
    let run =
        env.run_with(&["lookup", "-", "-o", "ndjson"], &[("ACCTL_TOKEN", env.token("agent"))], Some(input.as_bytes()));
    snapshot!(env, run.with_stdout_counted());
    assert!(run.json_lines().iter().all(|r| r["account"]["id"] == "acc_demoalice"), "{}", run.stdout);
}

#[test]
fn streamed_ndjson_carries_the_same_accounts_as_every_other_path() {
    // `lookup -` to NDJSON passes each account's JSON text on as the service
    // sent it; `-o json` and a single lookup decode and re-encode. A user
    // must not be able to tell them apart, hostile display names included.
    let env = TestEnv::new();
    let backend = Backend::new(&env);
    let ids = [
        "acc_demoalice",
        "acc_demobob",
        "acc_democarol",
        "acc_demodave",
        "acc_demograce",
        "acc_demojudy",
        "acc_demomallory",
    ];
    let input = ids.join("\n");
    let token = [("ACCTL_TOKEN", env.token("agent"))];
    let streamed = env.run_with(&["lookup", "-", "-o", "ndjson"], &token, Some(input.as_bytes()));
    snapshot!(env, streamed, "streamed");
    let decoded = env.run_with(&["lookup", "-", "-o", "json"], &token, Some(input.as_bytes()));
    decoded.assert_code(0);
    assert_eq!(decoded.stderr, "");
    let decoded: Vec<serde_json::Value> = serde_json::from_str(&decoded.stdout).expect("a JSON array");
    // The escape sequences travel as JSON escapes, never as raw bytes.
    assert!(!streamed.stdout.contains('\u{1b}') && !streamed.stdout.contains('\u{7}'), "{}", streamed.stdout);
    let streamed = streamed.json_lines();
    assert_eq!(streamed, decoded);
    assert_eq!(streamed.len(), ids.len());
    for (record, id) in streamed.iter().zip(ids) {
        let stored = serde_json::to_value(backend.account(id)).expect("an account as JSON");
        assert_eq!(record["account"], stored, "{id}");
        let single = env.run_as("agent", &["lookup", id, "-o", "ndjson"]);
        single.assert_code(0);
        assert_eq!(single.json_lines(), std::slice::from_ref(record), "{id}");
    }
    let mallory = &streamed[6]["account"]["display_name"];
    assert!(mallory.as_str().is_some_and(|n| n.contains('\u{1b}')), "the name arrives whole once decoded: {mallory}");
}
