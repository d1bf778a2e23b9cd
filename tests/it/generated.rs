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
    assert!(root.contains(".SH \"EXAMPLES\"") && root.contains("ACCTL_TOKEN"));
}

fn man_page(name: &str) -> String {
    let pages = acctl::docs::man_pages().unwrap();
    let page = pages.into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no man page {name}"));
    String::from_utf8(page.1).unwrap()
}

/// `man acctl-reset` says what `acctl reset --help` says after the options:
/// the examples, the scripted equivalent and what the wizard does, each
/// under its own heading.
#[test]
fn a_man_page_has_the_examples_and_the_other_help_sections() {
    let reset = man_page("acctl-reset.1");
    for section in [".SH \"EXAMPLES\"", ".SH \"SCRIPTED EQUIVALENT (NO PROMPTS)\"", ".SH \"WHAT IT DOES\""] {
        assert!(reset.contains(section), "{section} missing from acctl-reset.1:\n{reset}");
    }
    assert!(reset.contains(".nf\nacctl reset\nacctl reset alice@example.com\n"), "{reset}");
    assert!(reset.contains("acctl code verify CHALLENGE_ID \\-\\-code\\-stdin\n"), "{reset}");
    let lookup = man_page("acctl-lookup.1");
    assert!(lookup.contains(".SH \"EXAMPLES\""), "{lookup}");
    assert!(lookup.contains("tail \\-n +2 users.csv | cut \\-d, \\-f2 | acctl lookup \\- |"), "{lookup}");
}

/// The synopsis names each option's value, as `--help` does: `[--by <KIND>]`,
/// not `[--by]`.
#[test]
fn man_synopses_name_option_values() {
    let lookup = man_page("acctl-lookup.1");
    let synopsis = lookup.lines().find(|l| l.starts_with("\\fBacctl lookup\\fR")).expect("a synopsis line");
    for want in [
        "\\fBacctl lookup\\fR ",
        "[\\fB\\-\\-by\\fR\\ \\fI<KIND>\\fR]",
        "[\\fB\\-p\\fR|\\fB\\-\\-profile\\fR\\ \\fI<NAME>\\fR]",
        "[\\fB\\-v\\fR|\\fB\\-\\-verbose\\fR...]",
        "<\\fIIDENT\\fR>...",
    ] {
        assert!(synopsis.contains(want), "{want} missing from the synopsis: {synopsis}");
    }
    let set = man_page("acctl-password-set.1");
    assert!(set.contains("<\\fB\\-\\-deliver\\fR|\\fB\\-\\-password\\-stdin\\fR>"), "{set}");
}
