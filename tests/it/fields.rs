//! `--fields help` (issue 11 item 11): the fields a command can print, each
//! with what it means, on stdout with exit 0, and no identifier needed.

use crate::common::TestEnv;
use crate::snapshot;

#[test]
fn fields_help_lists_each_field_with_its_description_without_an_identifier() {
    let env = TestEnv::new();
    let run = env.run(&["code", "send", "--fields", "help"]);
    snapshot!(env, run, "code_send");
    // In a list, and before the command, it is the same request.
    let run = env.run(&["--fields=id,help", "account", "lock"]);
    snapshot!(env, run, "account_lock");
}
