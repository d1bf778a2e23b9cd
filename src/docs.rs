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
    man.render_synopsis_section(&mut roff)?;
    man.render_description_section(&mut roff)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut roff)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut roff)?;
    }
    if let Some(examples) = cmd.get_after_long_help().or(cmd.get_after_help()) {
        let text = examples.to_string();
        if let Some(body) = text.strip_prefix("Examples:\n") {
            roff.extend_from_slice(b".SH EXAMPLES\n");
            for line in body.lines().take_while(|l| !l.trim().is_empty()) {
                roff.extend_from_slice(format!(".nf\n{}\n.fi\n", roff_escape(line.trim())).as_bytes());
            }
        }
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
