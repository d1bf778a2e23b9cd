//! The plaintext token file of `auth login --insecure-storage`: a table per
//! profile, 0600, replaced atomically.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CredentialError;
use super::grant::GrantRecord;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TokenFile {
    #[serde(default)]
    pub(super) profiles: BTreeMap<String, FileEntry>,
}

/// One profile in the file: a pasted `token`, or an `sso` grant.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sso: Option<GrantRecord>,
}

impl fmt::Debug for FileEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FileEntry { [redacted] }")
    }
}

pub(super) fn read_file(path: &Path) -> Result<TokenFile, CredentialError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map_err(|e| CredentialError::FileFormat { path: path.to_owned(), message: e.message().to_owned() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(TokenFile::default()),
        Err(source) => Err(CredentialError::File { path: path.to_owned(), source }),
    }
}

/// Writes the file readable by its owner only, replacing it atomically, in a
/// 0700 directory.
///
/// The new content goes to a fresh temporary file in the same directory,
/// created with O_EXCL (and so never through a symlink) and mode 0600 by
/// `tempfile`; a `credentials.toml.tmp` someone left there, 0644 or a
/// symlink, plays no part. Then it is renamed over the file, and the result
/// checked: a regular file, 0600.
pub(super) fn write_file(path: &Path, file: &TokenFile) -> Result<(), CredentialError> {
    let io = |source| CredentialError::File { path: path.to_owned(), source };
    let dir = path.parent().ok_or_else(|| io(std::io::Error::other("the path has no parent directory")))?;
    crate::dirs::create_private_dir(dir).map_err(io)?;
    let text = toml::to_string(file).map_err(|e| io(std::io::Error::other(e.to_string())))?;
    let text = format!(
        "# acctl tokens stored with `auth login --insecure-storage`: PLAINTEXT, readable by this user only.\n# `acctl auth logout` removes a profile's token.\n{text}"
    );
    let mut tmp = tempfile::Builder::new().prefix(".credentials.").suffix(".tmp").tempfile_in(dir).map_err(io)?;
    tmp.write_all(text.as_bytes()).and_then(|()| tmp.as_file().sync_all()).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    check_private_file(path).map_err(io)
}

/// The token file must be a regular file only its owner can read.
fn check_private_file(path: &Path) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("it is not a regular file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode != 0o600 {
            return Err(std::io::Error::other(format!("it is mode {mode:04o}, not 0600")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_store_is_private_and_per_profile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acctl/credentials.toml");
        let mut file = TokenFile::default();
        file.profiles.insert("a".into(), FileEntry { token: Some("t-a".into()), sso: None });
        write_file(&path, &file).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let back = read_file(&path).unwrap();
        assert_eq!(back.profiles["a"].token.as_deref(), Some("t-a"));
        assert!(format!("{back:?}").contains("[redacted]"));
        assert!(!format!("{back:?}").contains("t-a"));
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_temp_file_or_symlink_changes_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let acctl = dir.path().join("acctl");
        std::fs::create_dir(&acctl).unwrap();
        std::fs::set_permissions(&acctl, std::fs::Permissions::from_mode(0o777)).unwrap();
        let path = acctl.join("credentials.toml");
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "").unwrap();
        std::os::unix::fs::symlink(&target, acctl.join("credentials.toml.tmp")).unwrap();
        let mut file = TokenFile::default();
        file.profiles.insert("a".into(), FileEntry { token: Some("t-a".into()), sso: None });
        write_file(&path, &file).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "", "nothing written through the symlink");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&acctl).unwrap().permissions().mode() & 0o777, 0o700);
    }
}
