//! Every environment variable `acctl` reads, named once (as uv's `EnvVars`),
//! and the only code that reads them. clap's `env = …` attributes use these
//! names too, so `grep EnvVars::` finds every use.

use std::ffi::OsString;

/// The names of the environment variables `acctl` reads.
pub struct EnvVars;

impl EnvVars {
    /// A token to use instead of the keyring (CI and automation); wins over it.
    pub const ACCTL_TOKEN: &'static str = "ACCTL_TOKEN";
    /// The config file (`--config`).
    pub const ACCTL_CONFIG: &'static str = "ACCTL_CONFIG";
    /// The profile (`--profile`).
    pub const ACCTL_PROFILE: &'static str = "ACCTL_PROFILE";
    /// The output format (`--output`).
    pub const ACCTL_OUTPUT: &'static str = "ACCTL_OUTPUT";
    /// The region for national phone numbers (`--region`).
    pub const ACCTL_REGION: &'static str = "ACCTL_REGION";
    /// The audit reason (`--reason`).
    pub const ACCTL_REASON: &'static str = "ACCTL_REASON";
    /// The audit ticket (`--ticket`).
    pub const ACCTL_TICKET: &'static str = "ACCTL_TICKET";
    /// Never prompt (`--no-input`).
    pub const ACCTL_NO_INPUT: &'static str = "ACCTL_NO_INPUT";
    /// Overrides the profile's `url`.
    pub const ACCTL_URL: &'static str = "ACCTL_URL";
    /// A log filter for stderr (`acctl=debug`); wins over `-v`.
    pub const ACCTL_LOG: &'static str = "ACCTL_LOG";
    /// The verification token for `acctl password set`, kept off argv.
    pub const ACCTL_VERIFICATION: &'static str = "ACCTL_VERIFICATION";
    /// How long a keyring call may take, in milliseconds (tests shorten it).
    pub const ACCTL_KEYRING_TIMEOUT_MS: &'static str = "ACCTL_KEYRING_TIMEOUT_MS";
    /// Behave as if no OS keyring were available (tests).
    pub const ACCTL_KEYRING_DISABLE: &'static str = "ACCTL_KEYRING_DISABLE";
    /// Turns colour off (<https://no-color.org>).
    /// Set by the completion scripts: `acctl` then prints completions for the
    /// words after `--` and exits (read by clap_complete's `CompleteEnv`).
    pub const COMPLETE: &'static str = "COMPLETE";
    pub const NO_COLOR: &'static str = "NO_COLOR";
    /// `dumb` turns colour off.
    pub const TERM: &'static str = "TERM";
    /// The width tables are laid out in.
    pub const COLUMNS: &'static str = "COLUMNS";
    /// An X11 or Wayland desktop: `auth login` offers to open a browser.
    pub const DISPLAY: &'static str = "DISPLAY";
    pub const WAYLAND_DISPLAY: &'static str = "WAYLAND_DISPLAY";
    /// A session over SSH: the browser would open on the other machine.
    pub const SSH_CONNECTION: &'static str = "SSH_CONNECTION";
    pub const HOME: &'static str = "HOME";
    pub const USERPROFILE: &'static str = "USERPROFILE";
    pub const XDG_CONFIG_HOME: &'static str = "XDG_CONFIG_HOME";
    pub const XDG_DATA_HOME: &'static str = "XDG_DATA_HOME";
    pub const XDG_STATE_HOME: &'static str = "XDG_STATE_HOME";
    pub const APPDATA: &'static str = "APPDATA";
    pub const LOCALAPPDATA: &'static str = "LOCALAPPDATA";
}

/// The variable's value, when it is set, valid UTF-8 and not empty.
pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The variable's value as the OS gave it, when set and not empty.
pub fn var_os(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// Whether the variable is set to something (even text that is not UTF-8).
pub fn is_set(name: &str) -> bool {
    var_os(name).is_some()
}

/// Whether the variable is set at all, even empty.
pub fn is_present(name: &str) -> bool {
    std::env::var_os(name).is_some()
}
