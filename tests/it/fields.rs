//! `--fields help` (issue 11 item 11): the fields a command can print, each
//! with what it means, on stdout with exit 0, and no identifier needed.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn fields_help_lists_each_field_with_its_description_without_an_identifier() {
    let env = TestEnv::new();
    let run = env.run(&["code", "send", "--fields", "help"]);
    snapshot!(env, run, @r"
    exit_code: 0
    ----- stdout -----
    challenge_id   for `acctl code verify`
    account_id     account ID (acc_…)
    channel        email or sms
    destination    the contact on file (masked)
    expires_at     the code stops working
    resend_after   a new code may be sent
    attempts_left  wrong codes allowed
    ----- stderr -----
    ");
}

#[test]
fn fields_help_works_in_a_list_and_before_the_command() {
    let env = TestEnv::new();
    let run = env.run(&["--fields=id,help", "account", "lock"]);
    snapshot!(env, run, @r"
    exit_code: 0
    ----- stdout -----
    account_id    account ID (acc_…)
    display_name  customer-chosen name (untrusted)
    status        after the change: active, locked or disabled
    ----- stderr -----
    ");
}
