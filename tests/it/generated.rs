//! Committed generated files (completions, man pages) must match the CLI.
//! Regenerate with: ACCTL_UPDATE_GENERATED=1 cargo test --test it generated

use std::path::Path;

const REGENERATE: &str = "ACCTL_UPDATE_GENERATED=1 cargo test --test it generated";

fn check(path: &Path, want: &[u8], stale: &mut Vec<String>) {
    if std::env::var_os("ACCTL_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, want).unwrap();
    } else if std::fs::read(path).ok().as_deref() != Some(want) {
        stale.push(path.display().to_string());
    }
}

#[test]
fn generated_completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for shell in acctl::docs::SHELLS {
        check(
            &root.join("completions").join(acctl::docs::completion_file(shell)),
            &acctl::docs::completion(shell),
            &mut stale,
        );
    }
    let pages = acctl::docs::man_pages().unwrap();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for want in ["acctl.1", "acctl-auth-login.1", "acctl-lookup.1", "acctl-config-init.1", "acctl-completions.1"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for (name, roff) in &pages {
        check(&root.join("man").join(name), roff, &mut stale);
    }
    // A page for a subcommand that no longer exists is stale too.
    if let Ok(dir) = std::fs::read_dir(root.join("man")) {
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !names.contains(&name.as_str()) {
                stale.push(format!("man/{name} (no such command any more: delete it)"));
            }
        }
    }
    assert!(stale.is_empty(), "stale generated files: {stale:?}\nregenerate them with:\n    {REGENERATE}");
}

#[test]
fn the_root_man_page_documents_exit_codes_and_examples() {
    let pages = acctl::docs::man_pages().unwrap();
    let root = String::from_utf8(pages.iter().find(|(n, _)| n == "acctl.1").unwrap().1.clone()).unwrap();
    assert!(root.contains(".SH \"EXIT STATUS\"") && root.contains(".B 130"));
    assert!(root.contains(".SH EXAMPLES") && root.contains("ACCTL_TOKEN"));
}
