//! Where acctl keeps its files: the XDG base directories, as `gh` does on
//! every platform (a tool people script across machines should keep its
//! config in one predictable place).

use std::path::PathBuf;

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from).filter(|p| p.is_absolute())
}

fn home() -> Option<PathBuf> {
    env_path("HOME").or_else(|| env_path("USERPROFILE"))
}

/// `$XDG_CONFIG_HOME/acctl`, else `~/.config/acctl` (`%APPDATA%\acctl` on Windows).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = env_path("XDG_CONFIG_HOME") {
        return Some(dir.join("acctl"));
    }
    if cfg!(windows)
        && let Some(dir) = env_path("APPDATA")
    {
        return Some(dir.join("acctl"));
    }
    home().map(|h| h.join(".config").join("acctl"))
}

/// `$XDG_DATA_HOME/acctl`, else `~/.local/share/acctl` (`%LOCALAPPDATA%\acctl` on Windows).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = env_path("XDG_DATA_HOME") {
        return Some(dir.join("acctl"));
    }
    if cfg!(windows)
        && let Some(dir) = env_path("LOCALAPPDATA")
    {
        return Some(dir.join("acctl"));
    }
    home().map(|h| h.join(".local").join("share").join("acctl"))
}
