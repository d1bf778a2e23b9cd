//! Output formats, `--fields`, `--jq`, hostile text, broken pipes.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn one_account_is_a_card_in_table_output() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "grace@example.com", "-o", "table"]);
    snapshot!(env, run);
}

#[test]
fn several_accounts_are_rows_in_table_output() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "alice@example.com", "acc_demoerin", "carol@example.org", "-o", "table"]);
    snapshot!(env, run);
}

#[test]
fn json_is_an_array_of_records_and_ndjson_one_record_a_line() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "acc_demobob", "nobody@example.com", "-o", "json"]);
    run.assert_code(3);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(doc[0]["account"]["id"], "acc_demobob");
    assert_eq!(doc[0]["account"]["email"], "b***@example.com", "masked without --reveal");
    assert_eq!(
        doc[1],
        serde_json::json!({"input": "nobody@example.com", "error": {"code": "account_not_found", "detail": doc[1]["error"]["detail"]}})
    );

    let run = env.run_as("agent", &["lookup", "acc_demobob", "-o", "ndjson"]);
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn ndjson_is_the_default_when_stdout_is_not_a_terminal() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "acc_demobob"]);
    run.assert_code(0);
    assert_eq!(run.json_lines()[0]["account"]["display_name"], "Bob Martin");
}

#[test]
fn csv_and_tsv_with_chosen_fields() {
    let env = TestEnv::new();
    let args = ["lookup", "acc_demoalice", "acc_demograce", "--fields", "id,display_name,phone,devices,mfa"];
    let csv = env.run_as("agent", &[&args[..], &["-o", "csv"]].concat());
    let tsv = env.run_as("agent", &[&args[..], &["-o", "tsv"]].concat());
    snapshot!(env, csv);
    snapshot!(env, tsv);
}

#[test]
fn fields_select_json_members_and_an_unknown_field_is_a_usage_error() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "acc_demoalice", "-o", "ndjson", "--fields", "id,status,email"]);
    assert_eq!(
        run.json_lines()[0],
        serde_json::json!({"id": "acc_demoalice", "status": "active", "email": "a***@example.com"})
    );
    let run = env.run_as("agent", &["lookup", "acc_demoalice", "--fields", "id,colour"]);
    run.assert_code(2);
    assert!(run.stderr.contains("`colour` is not a field") && run.stderr.contains("display_name"), "{}", run.stderr);
}

#[test]
fn jq_filters_each_record() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["lookup", "-", "--jq", r#"select(.account.status == "locked") | .account.id"#],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(b"alice@example.com\nerin@example.com\nacc_demobob\n"),
    );
    run.assert_code(0);
    assert_eq!(run.stdout, "acc_demoerin\n");
    let run = env.run_as("agent", &["lookup", "acc_demograce", "--jq", "[.account.devices[].model]"]);
    assert_eq!(run.stdout, "[\"iPhone 15 Pro\",\"iPad Air\"]\n");
    let run = env.run_as("agent", &["lookup", "acc_demograce", "--jq", ".account | nosuch"]);
    run.assert_code(2);
    assert!(run.stderr.contains("not a valid jq expression"), "{}", run.stderr);
}

#[test]
fn a_hostile_display_name_never_reaches_the_terminal_raw_and_is_neutralised_in_csv() {
    let env = TestEnv::new();
    for format in ["table", "csv", "tsv"] {
        let run = env.run_as("agent", &["lookup", "acc_demomallory", "acc_demobob", "-o", format]);
        run.assert_code(0);
        for bad in ['\x1b', '\x07', '\u{9b}'] {
            assert!(!run.stdout.contains(bad), "{format} output carries {bad:?}: {:?}", run.stdout);
        }
        assert!(run.stdout.contains("Mallory=HYP"), "{format}: {}", run.stdout);
    }
    let run = env.run_as("agent", &["lookup", "acc_demomallory", "-o", "csv", "--fields", "display_name"]);
    // The name starts with letters, so its cell is safe once sanitised; a cell
    // that starts with `=` is prefixed.
    assert_eq!(run.stdout, "display_name\n\"Mallory=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n");
    let run = env.run_with(
        &["lookup", "-", "-o", "csv", "--fields", "input,error"],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(b"=HYPERLINK(\"http://evil.example\")\n@SUM(1)\n"),
    );
    run.assert_code(9);
    let rows: Vec<&str> = run.stdout.lines().collect();
    assert!(rows[1].starts_with("\"'=HYPERLINK(") && rows[2].starts_with("'@SUM(1)"), "{rows:?}");
    // JSON keeps the text but escapes it, so a terminal never interprets it.
    let run = env.run_as("agent", &["lookup", "acc_demomallory", "-o", "json"]);
    assert!(!run.stdout.contains('\x1b') && run.stdout.contains("\\u001b[2J"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let env = TestEnv::new();
    let mut child = env
        .command()
        .args(["lookup", "-"])
        .env("ACCTL_TOKEN", env.token("agent"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        for _ in 0..20_000 {
            if stdin.write_all(b"alice@example.com\n").is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // the reader (our `head -1`) goes away here
    let out = child.wait_with_output().unwrap();
    assert!(first.contains("acc_demoalice"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
