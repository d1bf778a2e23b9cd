//! How many guesses a password would take an attacker who tries patterns
//! first: a small estimate in the manner of zxcvbn (Wheeler, USENIX
//! Security 2016), enough to refuse long passwords that are long only in
//! appearance (`passwordpassword`, `1234567890123456`, `aaaaaaaaaaaaaaaa`,
//! `qwertyuiopasdfgh`, `password123456789`, all accepted before; issue 10,
//! item 12).
//!
//! The password (lower-cased, after NFKC) is covered by a sequence of
//! segments, each one of:
//!
//! - a **common** password or word from the shipped list (its rank is its
//!   guess count: the list is ordered most common first), also after undoing
//!   common look-alike substitutions (`p@ssw0rd`);
//! - a **repetition** of a shorter unit (`abcabcabc`): the unit's guesses
//!   times the number of repeats;
//! - a **sequence** of three or more characters with a step of ±1 (`abcd`,
//!   `9876`, `1234567890`);
//! - a **keyboard walk** of three or more keys adjacent on a QWERTY
//!   keyboard (`qwerty`, `asdfgh`, `zxcvbn`, `1qaz2wsx`);
//! - anything else character by character, at the size of its character
//!   class (10 digits, 26 letters, 33 ASCII symbols, 100 for the rest).
//!
//! The cheapest cover (in log2 guesses, plus one bit per extra segment for
//! the attacker's choice of how to combine them) is the estimate. Upper
//! case is ignored, which only makes the estimate lower.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Below this many guesses (log2) a password is refused: 2^32 is about 4
/// billion, years of argon2id on one core offline, and far beyond what the
/// sign-in throttle lets through online.
pub const MIN_GUESSES_LOG2: f64 = 32.0;

/// What dominates a weak password, for the violation reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    Common,
    Repetition,
    Sequence,
    KeyboardWalk,
    /// Nothing but characters that are too few.
    Characters,
}

/// The estimate: log2 of the guesses, and the pattern covering most characters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub guesses_log2: f64,
    pub dominant: Pattern,
}

/// The common-password list with each entry's rank (1 = most common).
static RANKS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut ranks = HashMap::new();
    for (n, entry) in super::common_list_entries().enumerate() {
        ranks.entry(entry).or_insert(u32::try_from(n + 1).unwrap_or(u32::MAX));
    }
    ranks
});

/// Longest list entry worth looking for inside a password.
const MAX_WORD_CHARS: usize = 32;

#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    guesses_log2: f64,
    pattern: Pattern,
}

/// Estimates `lower`, a normalised, lower-cased password.
pub fn estimate(lower: &str) -> Estimate {
    let chars: Vec<char> = lower.chars().collect();
    estimate_chars(&chars, 0)
}

fn estimate_chars(chars: &[char], depth: u32) -> Estimate {
    let n = chars.len();
    if n == 0 {
        return Estimate { guesses_log2: 0.0, dominant: Pattern::Characters };
    }
    // ends[j]: the candidate segments that end at j (exclusive).
    let mut ends: Vec<Vec<Segment>> = vec![Vec::new(); n + 1];
    for i in 0..n {
        ends[i + 1].push(Segment { start: i, guesses_log2: class_size(chars[i]).log2(), pattern: Pattern::Characters });
    }
    common_words(chars, &mut ends);
    sequences(chars, &mut ends);
    keyboard_walks(chars, &mut ends);
    if depth < 2 {
        repetitions(chars, &mut ends, depth);
    }
    // best[j]: the cheapest cover of chars[..j] as (bits, segments, last segment).
    let mut best: Vec<(f64, u32, Option<Segment>)> = vec![(f64::INFINITY, 0, None); n + 1];
    best[0] = (0.0, 0, None);
    for j in 1..=n {
        for seg in &ends[j] {
            let (bits, count, last) = best[seg.start];
            // Runs of single characters are one segment: no extra bit.
            let joins = last.is_some_and(|l| l.pattern == Pattern::Characters && seg.pattern == Pattern::Characters);
            let extra = if count == 0 || joins { 0.0 } else { 1.0 };
            let total = bits + seg.guesses_log2 + extra;
            if total < best[j].0 {
                best[j] = (total, if joins { count } else { count + 1 }, Some(*seg));
            }
        }
    }
    // Walk the cover back to find which pattern covers most characters.
    let mut covered: HashMap<Pattern, usize> = HashMap::new();
    let mut j = n;
    while let (_, _, Some(seg)) = best[j] {
        // A list entry that is itself a keyboard walk, a sequence or a
        // repetition (`qwertyuiop`, `123456`) is reported as that: it says why.
        let pattern = match seg.pattern {
            Pattern::Common => ends[j]
                .iter()
                .filter(|other| other.start == seg.start && other.pattern != Pattern::Characters)
                .map(|other| other.pattern)
                .max_by_key(|p| p.rank())
                .unwrap_or(Pattern::Common),
            other => other,
        };
        *covered.entry(pattern).or_default() += j - seg.start;
        j = seg.start;
    }
    // A common word padded with patterns (`password123456789`) is reported
    // as common: the word is what the attacker starts from.
    let dominant = if covered.get(&Pattern::Common).is_some_and(|&len| 3 * len >= n) {
        Pattern::Common
    } else {
        covered.into_iter().max_by_key(|(p, len)| (*len, p.rank())).map_or(Pattern::Characters, |(p, _)| p)
    };
    Estimate { guesses_log2: best[n].0, dominant }
}

impl Pattern {
    /// Ties go to the pattern that explains the weakness best.
    fn rank(self) -> u8 {
        match self {
            Pattern::Repetition => 5,
            // `1234` is both; "a sequence" is the plainer explanation.
            Pattern::Sequence => 4,
            Pattern::KeyboardWalk => 3,
            Pattern::Common => 2,
            Pattern::Characters => 1,
        }
    }
}

fn class_size(c: char) -> f64 {
    if c.is_ascii_digit() {
        10.0
    } else if c.is_ascii_alphabetic() {
        26.0
    } else if c.is_ascii() {
        33.0
    } else {
        100.0
    }
}

/// Undoes the usual look-alike substitutions (`p@ssw0rd` → `password`).
fn unleet(c: char) -> char {
    match c {
        '@' | '4' => 'a',
        '8' => 'b',
        '(' => 'c',
        '3' => 'e',
        '6' | '9' => 'g',
        '1' | '!' | '|' => 'i',
        '0' => 'o',
        '$' | '5' => 's',
        '7' | '+' => 't',
        '2' => 'z',
        other => other,
    }
}

fn common_words(chars: &[char], ends: &mut [Vec<Segment>]) {
    let n = chars.len();
    let mut word = String::new();
    let mut plain = String::new();
    for i in 0..n {
        word.clear();
        plain.clear();
        for j in i..n.min(i + MAX_WORD_CHARS) {
            word.push(chars[j]);
            plain.push(unleet(chars[j]));
            if j - i + 1 < 3 {
                continue;
            }
            let found = RANKS.get(word.as_str()).map(|&r| f64::from(r).log2()).or_else(|| {
                // A substituted word costs the attacker one bit more per substitution kind tried.
                (plain != word).then(|| RANKS.get(plain.as_str()).map(|&r| f64::from(r).log2() + 1.0)).flatten()
            });
            if let Some(bits) = found {
                ends[j + 1].push(Segment { start: i, guesses_log2: bits.max(1.0), pattern: Pattern::Common });
            }
        }
    }
}

/// Runs of 3+ characters stepping by +1 or -1 in the same class (and 9→0,
/// as on a keyboard's digit row).
fn sequences(chars: &[char], ends: &mut [Vec<Segment>]) {
    let step = |a: char, b: char| -> Option<i32> {
        let same_class = (a.is_ascii_digit() && b.is_ascii_digit()) || (a.is_alphabetic() && b.is_alphabetic());
        if !same_class {
            return None;
        }
        if a == '9' && b == '0' {
            return Some(1);
        }
        if a == '0' && b == '9' {
            return Some(-1);
        }
        let d = i64::from(u32::from(b)) - i64::from(u32::from(a));
        (d == 1 || d == -1).then_some(d as i32)
    };
    let n = chars.len();
    for i in 0..n.saturating_sub(2) {
        let Some(dir) = step(chars[i], chars[i + 1]) else { continue };
        let mut j = i + 1;
        while j + 1 < n && step(chars[j], chars[j + 1]) == Some(dir) {
            j += 1;
        }
        // Every run from i of length 3.. is a candidate; the DP picks.
        let first = chars[i];
        let base: f64 = if "a1z9".contains(first) {
            4.0
        } else if first.is_ascii_digit() {
            10.0
        } else {
            26.0
        };
        for end in i + 2..=j {
            let len = (end - i + 1) as f64;
            let bits = (base * len * if dir < 0 { 2.0 } else { 1.0 }).log2();
            ends[end + 1].push(Segment { start: i, guesses_log2: bits, pattern: Pattern::Sequence });
        }
    }
}

/// A key's position on a US QWERTY keyboard (shifted characters on their
/// key), in half-key columns so the rows' stagger is exact.
fn key_position(c: char) -> Option<(i32, i32)> {
    const ROWS: [(&str, &str, i32); 4] = [
        ("`1234567890-=", "~!@#$%^&*()_+", 0),
        ("qwertyuiop[]\\", "QWERTYUIOP{}|", 3),
        ("asdfghjkl;'", "ASDFGHJKL:\"", 4),
        ("zxcvbnm,./", "ZXCVBNM<>?", 5),
    ];
    ROWS.iter().enumerate().find_map(|(row, (plain, shifted, offset))| {
        let col = plain.chars().position(|k| k == c).or_else(|| shifted.chars().position(|k| k == c))?;
        Some((i32::try_from(row).ok()?, offset + 2 * i32::try_from(col).ok()?))
    })
}

/// Adjacent keys: the same row one key apart, or the next row within one key.
fn adjacent(a: char, b: char) -> Option<(i32, i32)> {
    let ((ra, ca), (rb, cb)) = (key_position(a)?, key_position(b)?);
    let (dr, dc) = (rb - ra, cb - ca);
    let near = match dr {
        0 => dc.abs() == 2,
        1 | -1 => dc.abs() <= 2,
        _ => false,
    };
    near.then_some((dr, dc.signum()))
}

/// Runs of 3+ adjacent keys. Guesses as zxcvbn's spatial matcher, simplified:
/// a start key (47), a direction per turn (about 4 each), and the length.
fn keyboard_walks(chars: &[char], ends: &mut [Vec<Segment>]) {
    let n = chars.len();
    for i in 0..n.saturating_sub(2) {
        let mut turns = 0u32;
        let mut direction = None;
        let mut j = i;
        while j + 1 < n {
            let Some(d) = adjacent(chars[j], chars[j + 1]) else { break };
            if direction != Some(d) {
                turns += 1;
                direction = Some(d);
            }
            j += 1;
            if j - i + 1 >= 3 {
                let len = (j - i + 1) as f64;
                let bits = (47.0 * len).log2() + 2.0 * f64::from(turns);
                ends[j + 1].push(Segment { start: i, guesses_log2: bits, pattern: Pattern::KeyboardWalk });
            }
        }
    }
}

/// A unit repeated two or more times in a row: the unit's own estimate
/// plus log2 of the number of repeats. Per start, only the few shortest
/// units that repeat there, each at its longest run: enough for the cover,
/// and it keeps `aaaa…` of 256 characters from costing n² estimates.
fn repetitions(chars: &[char], ends: &mut [Vec<Segment>], depth: u32) {
    const UNITS_PER_START: usize = 3;
    let n = chars.len();
    let mut units: HashMap<&[char], f64> = HashMap::new();
    // Runs found so far as (unit, end): a start inside one is a sub-run.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        if runs.iter().any(|&(unit, end)| i + 2 * unit <= end) {
            continue;
        }
        let mut found: Vec<usize> = Vec::new();
        for unit in 1..=(n - i) / 2 {
            if found.len() == UNITS_PER_START {
                break;
            }
            // Inside a run already found from an earlier start, or a multiple
            // of a unit that repeats here already: nothing new.
            if (i >= unit && chars[i - unit..i] == chars[i..i + unit]) || found.iter().any(|f| unit % f == 0) {
                continue;
            }
            let mut reps = 1;
            while i + (reps + 1) * unit <= n && chars[i..i + unit] == chars[i + reps * unit..i + (reps + 1) * unit] {
                reps += 1;
            }
            if reps < 2 {
                continue;
            }
            found.push(unit);
            runs.push((unit, i + reps * unit));
            let unit_chars = &chars[i..i + unit];
            let unit_bits =
                *units.entry(unit_chars).or_insert_with(|| estimate_chars(unit_chars, depth + 1).guesses_log2);
            let bits = unit_bits + (reps as f64).log2();
            ends[i + reps * unit].push(Segment { start: i, guesses_log2: bits, pattern: Pattern::Repetition });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_patterned_passwords_are_cheap_to_guess() {
        for (password, dominant) in [
            ("passwordpassword", Pattern::Repetition),
            ("1234567890123456", Pattern::Sequence),
            ("aaaaaaaaaaaaaaaa", Pattern::Repetition),
            ("qwertyuiopasdfgh", Pattern::KeyboardWalk),
            ("zxcvbnmasdfghjk", Pattern::KeyboardWalk),
            ("password123456789", Pattern::Common),
            ("abcdefghijklmnopq", Pattern::Sequence),
            ("zyxwvutsrqponmlkj", Pattern::Sequence),
            ("p@ssw0rdp@ssw0rd", Pattern::Repetition),
        ] {
            let e = estimate(password);
            assert!(e.guesses_log2 < MIN_GUESSES_LOG2, "{password}: {e:?}");
            assert_eq!(e.dominant, dominant, "{password}: {e:?}");
        }
    }

    #[test]
    fn passphrases_and_random_strings_are_not() {
        for password in [
            "correct horse battery staple",
            "orchid ladder violin",
            "password-orchid-ladder",
            "tulip marble fog canyon",
            "zq8#vl2xmw5trk9j",
            "zq8#vl2x",
            "my cat eats basil on tuesdays",
            "жёлтый трамвай поёт",
        ] {
            let e = estimate(password);
            assert!(e.guesses_log2 >= MIN_GUESSES_LOG2, "{password}: {e:?}");
        }
    }

    #[test]
    fn a_long_repeated_pattern_is_found_at_the_longest_length() {
        let long: String = "qwe123abcabc!".chars().cycle().take(256).collect();
        let e = estimate(&long);
        assert!(e.guesses_log2 < MIN_GUESSES_LOG2, "{e:?}");
        assert_eq!(e.dominant, Pattern::Repetition);
    }
}
