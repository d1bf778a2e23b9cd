//! The config loader (`acctl::config::ConfigFile::parse`): a TOML file that a
//! person edits, or that a setup script or another tool writes.
//!
//! Properties, beyond "no panic":
//! - an error points at a line that exists, and names a key only if there is one;
//! - every value that loads is in range: a timeout above zero, concurrency
//!   1 to 256, a rate that is a positive, finite number of requests a second;
//! - what loads can be written back (the file's own `Serialize`, as
//!   `config show`/`config set` would) and reads back to the same thing.
#![no_main]

use acctl::fuzzing::ConfigFile;
use libfuzzer_sys::fuzz_target;

fn written(file: &ConfigFile) -> String {
    toml::to_string(file).unwrap_or_else(|e| panic!("{file:?} loaded but cannot be written: {e}"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = match ConfigFile::parse(text) {
        Ok(file) => file,
        Err(problem) => {
            if let Some(line) = problem.line {
                let lines = text.matches('\n').count() + 1;
                assert!((1..=lines).contains(&line), "line {line} of a {lines}-line file: {problem}");
            }
            assert!(problem.key.as_deref() != Some(""), "an empty key named: {problem}");
            return;
        }
    };

    for (name, p) in &file.profiles {
        if let Some(t) = p.timeout {
            assert!(!t.0.is_zero(), "profile {name}: a zero timeout loaded from {text:?}");
        }
        if let Some(c) = p.concurrency {
            assert!((1..=256).contains(&c.0), "profile {name}: concurrency {} loaded", c.0);
        }
        if let Some(r) = p.rate.and_then(|r| r.per_second) {
            assert!(r.is_finite() && r > 0.0, "profile {name}: a rate of {r}/s loaded from {text:?}");
        }
    }

    let once = written(&file);
    let again = ConfigFile::parse(&once)
        .unwrap_or_else(|e| panic!("{text:?} loaded, was written as {once:?}, which does not load: {e}"));
    assert_eq!(written(&again), once, "{text:?} does not survive being written and read back");
});
