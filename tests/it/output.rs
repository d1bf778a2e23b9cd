//! Output formats, `--fields`, `--jq`, hostile text, broken pipes.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn one_account_is_a_card_in_table_output() {
    let env = TestEnv::new();
    snapshot!(env, env.run_as("agent", &["lookup", "grace@example.com", "-o", "table"]));
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
    snapshot!(env, run, "json");
    let run = env.run_as("agent", &["lookup", "acc_demobob", "nobody@example.com", "-o", "ndjson"]);
    snapshot!(env, run, "ndjson");
}

#[test]
fn ndjson_is_the_default_when_stdout_is_not_a_terminal() {
    let env = TestEnv::new();
    let default = env.run_as("agent", &["lookup", "acc_demobob"]);
    let ndjson = env.run_as("agent", &["lookup", "acc_demobob", "-o", "ndjson"]);
    assert_eq!(default.snapshot(), ndjson.snapshot());
    snapshot!(env, default);
}

#[test]
fn csv_and_tsv_with_chosen_fields() {
    let env = TestEnv::new();
    let args = ["lookup", "acc_demoalice", "acc_demograce", "--fields", "id,display_name,phone,devices,mfa"];
    snapshot!(env, env.run_as("agent", &[&args[..], &["-o", "csv"]].concat()), "csv");
    snapshot!(env, env.run_as("agent", &[&args[..], &["-o", "tsv"]].concat()), "tsv");
}

#[test]
fn fields_select_json_members_and_an_unknown_field_is_a_usage_error() {
    let env = TestEnv::new();
    let run = env.run_as("agent", &["lookup", "acc_demoalice", "-o", "ndjson", "--fields", "id,status,email"]);
    snapshot!(env, run, "chosen");
    snapshot!(env, env.run_as("agent", &["lookup", "acc_demoalice", "--fields", "id,colour"]), "unknown");
}

#[test]
fn jq_filters_each_record() {
    let env = TestEnv::new();
    let run = env.run_with(
        &["lookup", "-", "--jq", r#"select(.account.status == "locked") | .account.id"#],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(b"alice@example.com\nerin@example.com\nacc_demobob\n"),
    );
    snapshot!(env, run, "select");
    snapshot!(env, env.run_as("agent", &["lookup", "acc_demograce", "--jq", "[.account.devices[].model]"]), "map");
    snapshot!(env, env.run_as("agent", &["lookup", "acc_demograce", "--jq", ".account | nosuch"]), "invalid");
}

/// Before: `error: … is not a valid jq expression: Parse([(Term, "")])`.
#[test]
fn a_bad_jq_expression_is_shown_with_a_caret_where_it_is_wrong() {
    let env = TestEnv::new();
    let cases: &[(&str, &str)] = &[
        ("end", ".account | "),
        ("unclosed", ".account.devices[0"),
        ("token", ".account | .id ) "),
        ("string", r#".account | select(.status == "locked)"#),
    ];
    for (step, expr) in cases {
        snapshot!(env, env.run_as("agent", &["lookup", "acc_demograce", "--jq", expr]), step);
    }
}

/// Before: on a 60-column terminal the table wrapped cells in the middle
/// (`a***@example.c` / `om`), and Judy's address showed as `xn--bcher-kva.de`.
#[test]
fn a_narrow_table_keeps_each_cell_on_one_line_and_shows_domains_in_unicode() {
    let env = TestEnv::new();
    let idents = ["alice@example.com", "acc_demoerin", "carol@example.org", "judy@bücher.de"];
    for (step, columns) in [("narrow", "60"), ("wide", "160")] {
        let run = env.run_with(
            &[&["lookup"], &idents[..], &["-o", "table"]].concat(),
            &[("ACCTL_TOKEN", env.token("agent")), ("COLUMNS", columns)],
            None,
        );
        snapshot!(env, run, step);
        if step == "narrow" {
            assert!(run.stdout.lines().all(|l| l.chars().count() <= 60), "a line is wider than 60:\n{}", run.stdout);
        }
    }
    // A card shows the Unicode domain too; JSON keeps the wire form.
    snapshot!(env, env.run_as("agent", &["lookup", "judy@bücher.de", "-o", "table"]), "card");
    snapshot!(env, env.run_as("agent", &["lookup", "judy@bücher.de", "--jq", ".account.email"]), "json");
}

#[test]
fn a_hostile_display_name_never_reaches_the_terminal_raw_and_is_neutralised_in_csv() {
    let env = TestEnv::new();
    for format in ["table", "csv", "tsv"] {
        let run = env.run_as("agent", &["lookup", "acc_demomallory", "acc_demobob", "-o", format]);
        for bad in ['\x1b', '\x07', '\u{9b}'] {
            assert!(!run.stdout.contains(bad), "{format} output carries {bad:?}: {:?}", run.stdout);
        }
        snapshot!(env, run, format);
    }
    // The name starts with letters, so its cell is safe once sanitised; a cell
    // that starts with `=` or `@` is prefixed.
    let run = env.run_as("agent", &["lookup", "acc_demomallory", "-o", "csv", "--fields", "display_name"]);
    snapshot!(env, run, "csv_name");
    let run = env.run_with(
        &["lookup", "-", "-o", "csv", "--fields", "input,error"],
        &[("ACCTL_TOKEN", env.token("agent"))],
        Some(b"=HYPERLINK(\"http://evil.example\")\n@SUM(1)\n"),
    );
    snapshot!(env, run, "csv_input");
    // JSON keeps the text but escapes it, so a terminal never interprets it.
    let run = env.run_as("agent", &["lookup", "acc_demomallory", "-o", "json"]);
    assert!(!run.stdout.contains('\x1b'), "{}", run.stdout);
    snapshot!(env, run, "json");
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
        .expect("acctl runs");
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        for _ in 0..20_000 {
            if stdin.write_all(b"alice@example.com\n").is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("a first line");
    // the reader (our `head -1`) goes away here
    let out = child.wait_with_output().expect("acctl finishes");
    let record: serde_json::Value = serde_json::from_str(&first).expect("a JSON record");
    assert_eq!(record["account"]["id"], "acc_demoalice");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
