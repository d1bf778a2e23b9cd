//! Where acctl keeps its files: the XDG base directories, as `gh` does on
//! every platform (a tool people script across machines should keep its
//! config in one predictable place).

use std::path::{Path, PathBuf};

use crate::env::EnvVars;

fn env_path(name: &str) -> Option<PathBuf> {
    crate::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute())
}

fn home() -> Option<PathBuf> {
    env_path(EnvVars::HOME).or_else(|| env_path(EnvVars::USERPROFILE))
}

/// `$XDG_CONFIG_HOME/acctl`, else `~/.config/acctl` (`%APPDATA%\acctl` on Windows).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = env_path(EnvVars::XDG_CONFIG_HOME) {
        return Some(dir.join("acctl"));
    }
    if cfg!(windows)
        && let Some(dir) = env_path(EnvVars::APPDATA)
    {
        return Some(dir.join("acctl"));
    }
    home().map(|h| h.join(".config").join("acctl"))
}

/// `$XDG_DATA_HOME/acctl`, else `~/.local/share/acctl` (`%LOCALAPPDATA%\acctl` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = env_path(EnvVars::XDG_DATA_HOME) {
        return Some(dir.join("acctl"));
    }
    if cfg!(windows)
        && let Some(dir) = env_path(EnvVars::LOCALAPPDATA)
    {
        return Some(dir.join("acctl"));
    }
    home().map(|h| h.join(".local").join("share").join("acctl"))
}

/// Creates `dir` (and any missing parent) readable by its owner only, 0700
/// whatever the umask, and checks the result: `dir` must be a real directory
/// (not a symlink) that nobody else can read or write. An existing one that
/// is looser is tightened to 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other(format!("`{}` is not a directory (a symlink?)", dir.display())));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// `$XDG_STATE_HOME/acctl`, else `~/.local/state/acctl`
/// (`%LOCALAPPDATA%\acctl\state` on Windows): what acctl keeps between runs
/// that is neither config nor a credential of the user's (bulk job journals, the sandbox's data).
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = env_path(EnvVars::XDG_STATE_HOME) {
        return Some(dir.join("acctl"));
    }
    if cfg!(windows)
        && let Some(dir) = env_path(EnvVars::LOCALAPPDATA)
    {
        return Some(dir.join("acctl").join("state"));
    }
    home().map(|h| h.join(".local").join("state").join("acctl"))
}
