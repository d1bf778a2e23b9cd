//! Generated documentation: shell completions and man pages.
//!
//! Both are committed (`completions/`, `man/`); a test in `tests/it` fails
//! when they are stale and names the command that regenerates them.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::EXIT_CODES;
use crate::commands::Cli;

pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

/// The environment variable that asks `acctl` for completions (clap's
/// dynamic completion protocol): the scripts set it and run `acctl`.
pub const COMPLETE_VAR: &str = crate::env::EnvVars::COMPLETE;

/// The completion script for `shell`: a small script that asks `acctl` (from
/// `PATH`) for each completion, so values only known at run time complete
/// too (`-p <TAB>` offers the config file's profiles). Commands, flags and
/// values come from the same clap definition as the help.
pub fn completion(shell: Shell) -> Vec<u8> {
    use clap_complete::env::EnvCompleter;
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &clap_complete::env::Bash,
        Shell::Zsh => &clap_complete::env::Zsh,
        Shell::Fish => &clap_complete::env::Fish,
        Shell::PowerShell => &clap_complete::env::Powershell,
        _ => &clap_complete::env::Elvish,
    };
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = completer.write_registration(COMPLETE_VAR, "acctl", "acctl", "acctl", &mut out);
    out
}

/// Answers a completion request when the shell script asked for one
/// (`COMPLETE` is set): prints the candidates and exits. Otherwise returns.
pub fn answer_completion_request() {
    clap_complete::CompleteEnv::with_factory(Cli::command).var(COMPLETE_VAR).completer("acctl").complete();
}

/// The file name a shell's completion script is committed under.
pub fn completion_file(shell: Shell) -> String {
    match shell {
        Shell::Bash => "acctl.bash".into(),
        Shell::Zsh => "_acctl".into(),
        Shell::Fish => "acctl.fish".into(),
        Shell::PowerShell => "_acctl.ps1".into(),
        Shell::Elvish => "acctl.elv".into(),
        other => format!("acctl.{other}"),
    }
}

/// `(file name, roff)` for `acctl.1` and one page per subcommand (`acctl-auth-login.1`).
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>, std::io::Error> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, &mut pages)?;
    Ok(pages)
}

fn collect(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), std::io::Error> {
    let man = clap_mangen::Man::new(cmd.clone()).date("").source(format!("acctl {}", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    man.render_title(&mut roff)?;
    man.render_name_section(&mut roff)?;
    // clap_mangen 0.3's synopsis leaves out value names (`[--by]` for
    // `[--by <KIND>]`): ours has them, as `--help`'s option list does.
    roff.extend_from_slice(synopsis(cmd).as_bytes());
    man.render_description_section(&mut roff)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut roff)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut roff)?;
    }
    // What `--help` prints after the options (examples, what the command
    // does, the scripted equivalent), a section per heading. clap_mangen's
    // `render_extra_section` would put all of it, reflowed, under one
    // `EXTRA` heading.
    if let Some(after) = cmd.get_after_long_help().or(cmd.get_after_help()) {
        roff.extend_from_slice(after_help_sections(&after.to_string()).as_bytes());
    }
    roff.extend_from_slice(b".SH \"EXIT STATUS\"\n");
    for line in EXIT_CODES.lines().skip(1) {
        if let Some((code, meaning)) = line.trim().split_once(char::is_whitespace) {
            roff.extend_from_slice(format!(".TP\n.B {code}\n{}\n", roff_escape(meaning.trim())).as_bytes());
        }
    }
    if cmd.get_name() == "acctl" {
        roff.extend_from_slice(ENVIRONMENT_AND_FILES.as_bytes());
    }
    man.render_version_section(&mut roff)?;
    let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_owned();
    pages.push((format!("{name}.1"), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages)?;
    }
    Ok(())
}

/// `.SH SYNOPSIS` with every option's value name: `[--by <KIND>]`,
/// `[-p|--profile <NAME>]`, required ones without brackets, a required group
/// as `<--deliver|--password-stdin>`, then the positionals.
fn synopsis(cmd: &clap::Command) -> String {
    let name = cmd.get_bin_name().unwrap_or(cmd.get_name());
    let mut words = vec![format!("\\fB{}\\fR", roff_escape(name))];
    let groups: Vec<Vec<&clap::Arg>> = cmd
        .get_groups()
        .filter(|g| g.is_required_set())
        .map(|g| g.get_args().filter_map(|id| cmd.get_arguments().find(|a| a.get_id() == id)).collect())
        .collect();
    let in_group = |arg: &clap::Arg| groups.iter().flatten().any(|g| g.get_id() == arg.get_id());
    let options: Vec<&clap::Arg> =
        cmd.get_arguments().filter(|a| !a.is_hide_set() && !a.is_positional() && !in_group(a)).collect();
    for required in [false, true] {
        for arg in options.iter().filter(|a| a.is_required_set() == required) {
            let word = option_synopsis(arg);
            words.push(if required { word } else { format!("[{word}]") });
        }
    }
    for group in &groups {
        let alternatives: Vec<String> = group.iter().map(|a| option_synopsis(a)).collect();
        words.push(format!("<{}>", alternatives.join("|")));
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let value = value_name(arg);
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let word = format!("<\\fI{value}\\fR>{}", if many { "..." } else { "" });
        words.push(if arg.is_required_set() { word } else { format!("[{word}]") });
    }
    if cmd.has_subcommands() {
        words.push("<\\fICOMMAND\\fR>".into());
    }
    // No hyphenation and a ragged right edge: an option is never split.
    format!(".SH SYNOPSIS\n.nh\n.ad l\n{}\n.ad\n.hy\n", words.join(" "))
}

fn option_synopsis(arg: &clap::Arg) -> String {
    let flag = match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB{}\\fR", roff_escape(&format!("--{l}"))),
        (Some(s), None) => format!("\\fB\\-{s}\\fR"),
        (None, Some(l)) => format!("\\fB{}\\fR", roff_escape(&format!("--{l}"))),
        (None, None) => String::new(),
    };
    match arg.get_action() {
        clap::ArgAction::Count => format!("{flag}..."),
        // `\ ` is a space a line is never broken at: `--jq <EXPR>` stays whole.
        action if action.takes_values() => format!("{flag}\\ \\fI<{}>\\fR", value_name(arg)),
        _ => flag,
    }
}

fn value_name(arg: &clap::Arg) -> String {
    let name = match arg.get_value_names() {
        Some(names) => names.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(" "),
        None => arg.get_id().as_str().to_uppercase(),
    };
    roff_escape(&name)
}

/// The text `--help` prints after the options, as man sections: each
/// unindented `Heading:` line starts a section (`Examples:` → `EXAMPLES`).
/// Examples and scripted steps are commands, kept line for line; other
/// sections are prose, refilled by man. The root's `Exit codes:` and
/// `Environment:` have sections of their own (EXIT STATUS, ENVIRONMENT).
pub(crate) fn after_help_sections(text: &str) -> String {
    let mut out = String::new();
    let mut literal = false;
    let mut skip = false;
    let mut open = false;
    let close = |out: &mut String, literal: bool, open: &mut bool| {
        if *open && literal {
            out.push_str(".fi\n.RE\n");
        }
        *open = false;
    };
    for line in text.lines() {
        let is_heading = !line.starts_with(char::is_whitespace) && line.trim_end().ends_with(':');
        if is_heading {
            close(&mut out, literal, &mut open);
            let heading = line.trim_end().trim_end_matches(':');
            skip = ["Exit codes", "Environment"].contains(&heading);
            literal = heading.starts_with("Examples") || heading.starts_with("Scripted");
            if !skip {
                out.push_str(&format!(".SH \"{}\"\n", roff_escape(&heading.to_uppercase())));
            }
            continue;
        }
        if skip {
            continue;
        }
        if !open {
            if line.trim().is_empty() {
                continue;
            }
            if literal {
                out.push_str(".RS 4\n.nf\n");
            }
            open = true;
        }
        let body = line.strip_prefix("  ").unwrap_or(line).trim_end();
        if literal {
            out.push_str(&format!("{}\n", roff_escape(body)));
        } else if body.is_empty() {
            out.push_str(".PP\n");
        } else {
            out.push_str(&format!("{}\n", roff_escape(body.trim_start())));
        }
    }
    close(&mut out, literal, &mut open);
    // A literal block ends before a blank line's worth of trailing space.
    out.replace("\n\n.fi", "\n.fi")
}

fn roff_escape(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') { format!("\\&{s}") } else { s }
}

const ENVIRONMENT_AND_FILES: &str = r#".SH ENVIRONMENT
.TP
.B ACCTL_TOKEN
A token to use instead of the one stored by \fBacctl auth login\fR (CI and automation).
.TP
.B ACCTL_PROFILE, ACCTL_OUTPUT, ACCTL_REGION, ACCTL_REASON, ACCTL_TICKET, ACCTL_NO_INPUT, ACCTL_CONFIG
As the flags of the same name.
.TP
.B ACCTL_URL
Overrides the profile's \fBurl\fR.
.TP
.B ACCTL_LOG
A log filter for stderr (e.g. \fBacctl=debug\fR); wins over \fB\-v\fR.
.TP
.B NO_COLOR
Turns colour off.
.SH FILES
.TP
.I $XDG_CONFIG_HOME/acctl/config.toml
The config file (default \fI~/.config/acctl/config.toml\fR): profiles of backends. See \fBacctl config init\fR.
.TP
.I $XDG_DATA_HOME/acctl/credentials.toml
Tokens stored with \fBacctl auth login \-\-insecure\-storage\fR (plaintext, mode 0600). Otherwise tokens live in the OS keyring, service \fBacctl\fR, entry = profile name.
"#;

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every line `--help` prints after the options (examples, what the
    /// command does, scripted steps) is in the command's man page.
    #[test]
    fn every_after_help_line_is_in_the_man_page() {
        fn walk(cmd: &clap::Command, pages: &[(String, Vec<u8>)], missing: &mut Vec<String>) {
            let name = format!("{}.1", cmd.get_display_name().unwrap_or(cmd.get_name()));
            let page = pages.iter().find(|(n, _)| *n == name).map(|(_, r)| String::from_utf8_lossy(r).into_owned());
            let page = page.unwrap_or_default();
            for text in [cmd.get_after_help(), cmd.get_after_long_help()].into_iter().flatten() {
                let text = text.to_string();
                let mut own_section = false;
                for line in text.lines() {
                    if !line.starts_with(' ') && line.ends_with(':') {
                        own_section = ["Exit codes:", "Environment:"].contains(&line);
                        continue;
                    }
                    let line = line.trim();
                    if !own_section && !line.is_empty() && !page.contains(&roff_escape(line)) {
                        missing.push(format!("{name}: {line}"));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, pages, missing);
            }
        }
        let pages = man_pages().unwrap();
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, &pages, &mut missing);
        assert!(missing.is_empty(), "help lines missing from the man pages:\n{}", missing.join("\n"));
    }
}
