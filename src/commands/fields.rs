//! `--fields help`: the fields of the record each command prints, each with
//! what it means, for every command that prints records.

use crate::output::Record;

/// `(name, description)` of each field `acctl <path>` can print, or `None`
/// when the command prints no records.
pub(crate) fn fields_help(path: &[&str]) -> Option<Vec<(&'static str, &'static str)>> {
    fn of<R: Record>() -> Vec<(&'static str, &'static str)> {
        R::fields().iter().map(|f| (f.name, f.help)).collect()
    }
    Some(match path {
        ["lookup"] => of::<crate::lookup::LookupRecord>(),
        ["reset"] => of::<super::reset::ResetRecord>(),
        ["code", "send"] => of::<super::code::send::SentCode>(),
        ["code", "verify"] => of::<super::code::verify::Verification>(),
        ["password", "set"] => of::<super::password::PasswordSet>(),
        ["account", "lock" | "unlock"] => of::<super::account::AccountState>(),
        ["sessions", "revoke"] => of::<super::sessions::Revoked>(),
        ["audit"] => of::<super::audit::AuditRecord>(),
        ["auth", "status"] => of::<super::auth::status::AuthStatus>(),
        ["config", "show"] => of::<super::config::show::ResolvedConfig>(),
        _ => return None,
    })
}

/// When the command line asks for `--fields help` (alone or in a list), the
/// text to print for the command it names: one field a line, with its
/// description. Checked before clap parses, so a command's required
/// arguments (an identifier) are not needed to ask. `None` otherwise, and for
/// a command that prints no records (clap then reports what it reports).
pub(crate) fn help_requested(args: &[std::ffi::OsString]) -> Option<String> {
    use clap::CommandFactory;
    let args: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let wants_help = args.iter().enumerate().any(|(i, a)| {
        let value = match a.strip_prefix("--fields") {
            Some("") => args.get(i + 1).copied(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        value.is_some_and(|v| v.split(',').any(|f| f.trim() == "help"))
    });
    if !wants_help {
        return None;
    }
    // The command path: the words that name subcommands, in order.
    let mut cmd = super::Cli::command();
    let mut path = Vec::new();
    for arg in args.iter().filter(|a| !a.starts_with('-')) {
        let Some(sub) = cmd.find_subcommand(arg).cloned() else { continue };
        path.push(sub.get_name().to_owned());
        cmd = sub;
        if !cmd.has_subcommands() {
            break;
        }
    }
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    let fields = fields_help(&path)?;
    let width = fields.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    Some(fields.iter().map(|(name, help)| format!("{name:<width$}  {help}\n")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(args: &str) -> Option<String> {
        help_requested(&args.split(' ').map(Into::into).collect::<Vec<_>>())
    }

    #[test]
    fn every_field_of_every_command_has_a_description() {
        for path in [
            &["lookup"][..],
            &["reset"],
            &["code", "send"],
            &["code", "verify"],
            &["password", "set"],
            &["account", "lock"],
            &["sessions", "revoke"],
            &["audit"],
            &["auth", "status"],
            &["config", "show"],
        ] {
            for (name, text) in fields_help(path).unwrap() {
                assert!(
                    !text.trim().is_empty(),
                    "`acctl {} --fields help`: `{name}` has no description",
                    path.join(" ")
                );
            }
        }
    }

    #[test]
    fn fields_help_is_found_wherever_it_is_written() {
        let lookup = help("acctl lookup --fields help").unwrap();
        assert!(lookup.starts_with("input "), "{lookup}");
        assert_eq!(help("acctl -p prod --fields=id,help code send"), help("acctl code send --fields help"));
        assert!(help("acctl code send --fields help").unwrap().contains("challenge_id"));
        assert_eq!(help("acctl lookup --fields id"), None);
        assert_eq!(help("acctl completions bash --fields help"), None, "prints no records");
    }
}
