//! Throttling of customer sign-in: exponential back-off per account and per
//! source address, never a lockout.
//!
//! NIST SP 800-63B-4 §3.2.2 asks verifiers to limit failed attempts by rate
//! limiting rather than by locking accounts, since a lockout lets anyone who
//! knows an email address deny its owner. The design:
//!
//! - **Per account.** The first [`ThrottlePolicy::free_failures`] failures
//!   are free; each further failure makes the account's next attempt wait
//!   twice as long as the last (1 s, 2 s, 4 s, … up to
//!   [`ThrottlePolicy::max_delay`]). An attempt during the wait is answered
//!   429 `rate_limited` with `Retry-After` and no password is checked, so it
//!   costs the service nothing and tells the guesser nothing. With the
//!   defaults a guesser gets about 150 tries a day per account instead of
//!   30 a second. Failures are forgotten after [`ThrottlePolicy::forget_after`]
//!   without one; a success forgets them at once.
//!   The key is the account's id when the identifier names an account, and
//!   the normalised identifier otherwise, so an unknown address is throttled
//!   exactly like a known one (no enumeration through 429s), and guesses
//!   spread over an account's email, phone and id share one budget.
//! - **Per source.** The same back-off per client address (IPv4 address, or
//!   IPv6 /64) after [`ThrottlePolicy::free_failures_per_source`] failures,
//!   against one source guessing across many accounts. A success does not
//!   forget a source's failures: a guesser could sign in to an account of
//!   their own between guesses.
//! - **No lockout.** A source that signed in to an account successfully
//!   within [`ThrottlePolicy::trust_for`] is not held back by that account's
//!   back-off (only by its own): while someone hammers an account from
//!   elsewhere, its owner still signs in from home.
//!
//! The tables live in memory: a restart forgets them, which an attacker
//! cannot cause. They are bounded ([`MAX_ENTRIES`]): when full, entries
//! that throttle nobody are dropped first. Time comes from the service's
//! [`Clock`], so tests move it instead of sleeping.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use crate::clock::Clock;

/// Most accounts and sources remembered at once.
const MAX_ENTRIES: usize = 100_000;

/// How much guessing is let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures per account before the back-off starts.
    pub free_failures: u32,
    /// Failures per source address before its back-off starts.
    pub free_failures_per_source: u32,
    /// The first wait; each further failure doubles it.
    pub base_delay: Duration,
    /// The longest wait.
    pub max_delay: Duration,
    /// Failures are forgotten after this long without one.
    pub forget_after: Duration,
    /// How long a successful sign-in exempts its source from the account's back-off.
    pub trust_for: Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        ThrottlePolicy {
            free_failures: 5,
            free_failures_per_source: 20,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(10 * 60),
            forget_after: Duration::from_secs(60 * 60),
            trust_for: Duration::from_secs(30 * 24 * 60 * 60),
        }
    }
}

/// Which back-off held an attempt back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottledBy {
    Account,
    Source,
}

impl ThrottledBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ThrottledBy::Account => "account",
            ThrottledBy::Source => "source",
        }
    }
}

/// An attempt that must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled {
    pub by: ThrottledBy,
    /// Seconds until an attempt is let through (at least 1).
    pub retry_after_secs: u64,
    /// Whether this is the first attempt held back in this wait: only that
    /// one is audited, so a flood of 429s does not flood the audit log.
    pub first_in_wait: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    Source(IpAddr),
    /// A source that signed in to an account.
    Trusted(String, IpAddr),
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    failures: u32,
    last_failure_ms: i64,
    /// For `Trusted` entries: until when the trust holds.
    blocked_until_ms: i64,
    /// The wait whose first held-back attempt was reported.
    reported_wait_ms: i64,
}

/// The sign-in throttle of one service.
pub struct LoginThrottle {
    policy: ThrottlePolicy,
    clock: Clock,
    table: Mutex<HashMap<Key, Entry>>,
}

/// The part of an address that identifies a source: an IPv6 /64 is one
/// subscriber, who can pick any address in it.
fn source_of(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl LoginThrottle {
    pub fn new(policy: ThrottlePolicy, clock: Clock) -> Self {
        LoginThrottle { policy, clock, table: Mutex::new(HashMap::new()) }
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        // A panic while holding the lock leaves counters, not broken invariants.
        self.table.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether an attempt on `account` (see the module doc for the key)
    /// from `ip` may check a password now.
    pub fn check(&self, account: &str, ip: IpAddr) -> Result<(), Throttled> {
        let now = self.clock.now_ms();
        let source = source_of(ip);
        let mut table = self.table();
        let trusted = table.get(&Key::Trusted(account.to_owned(), source)).is_some_and(|e| e.blocked_until_ms > now);
        let keys =
            [(Key::Source(source), ThrottledBy::Source), (Key::Account(account.to_owned()), ThrottledBy::Account)];
        for (key, by) in keys {
            if by == ThrottledBy::Account && trusted {
                continue;
            }
            let free = self.free_failures(by);
            if let Some(entry) = table.get_mut(&key) {
                let wait_until = self.wait_until(entry, free);
                if wait_until > now {
                    let first_in_wait = entry.reported_wait_ms != wait_until;
                    entry.reported_wait_ms = wait_until;
                    let retry_after_secs = u64::try_from((wait_until - now + 999) / 1000).unwrap_or(1).max(1);
                    return Err(Throttled { by, retry_after_secs, first_in_wait });
                }
            }
        }
        Ok(())
    }

    /// Counts a wrong password (or an attempt refused without checking one).
    pub fn record_failure(&self, account: &str, ip: IpAddr) {
        let now = self.clock.now_ms();
        let forget = ms(self.policy.forget_after);
        let mut table = self.table();
        self.make_room(&mut table, now);
        for key in [Key::Account(account.to_owned()), Key::Source(source_of(ip))] {
            let entry = table.entry(key).or_default();
            if now - entry.last_failure_ms > forget {
                entry.failures = 0;
            }
            entry.failures = entry.failures.saturating_add(1);
            entry.last_failure_ms = now;
        }
    }

    /// A correct password: the account's failures are forgotten and the
    /// source is trusted for it.
    pub fn record_success(&self, account: &str, ip: IpAddr) {
        let now = self.clock.now_ms();
        let mut table = self.table();
        self.make_room(&mut table, now);
        table.remove(&Key::Account(account.to_owned()));
        let trust = Entry { blocked_until_ms: now.saturating_add(ms(self.policy.trust_for)), ..Entry::default() };
        table.insert(Key::Trusted(account.to_owned(), source_of(ip)), trust);
    }

    fn free_failures(&self, by: ThrottledBy) -> u32 {
        match by {
            ThrottledBy::Account => self.policy.free_failures,
            ThrottledBy::Source => self.policy.free_failures_per_source,
        }
    }

    /// When the next attempt is let through: the last failure plus the wait
    /// its count earned (none within the free failures).
    fn wait_until(&self, entry: &Entry, free: u32) -> i64 {
        if entry.failures <= free || self.clock.now_ms() - entry.last_failure_ms > ms(self.policy.forget_after) {
            return i64::MIN;
        }
        let doublings = (entry.failures - free - 1).min(30);
        let delay = self.policy.base_delay.saturating_mul(1 << doublings).min(self.policy.max_delay);
        entry.last_failure_ms.saturating_add(ms(delay))
    }

    /// Keeps the table within [`MAX_ENTRIES`]: forgotten entries go first,
    /// then those that hold nobody back.
    fn make_room(&self, table: &mut HashMap<Key, Entry>, now: i64) {
        if table.len() < MAX_ENTRIES {
            return;
        }
        let forget = ms(self.policy.forget_after);
        table.retain(|key, e| match key {
            Key::Trusted(..) => e.blocked_until_ms > now,
            _ => now - e.last_failure_ms <= forget,
        });
        if table.len() >= MAX_ENTRIES {
            let (account_free, source_free) = (self.policy.free_failures, self.policy.free_failures_per_source);
            table.retain(|key, e| match key {
                Key::Account(_) => e.failures > account_free,
                Key::Source(_) => e.failures > source_free,
                Key::Trusted(..) => false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const ATTACKER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    fn throttle() -> (LoginThrottle, Clock) {
        let clock = Clock::frozen(time::macros::datetime!(2026-03-01 09:00 UTC));
        (LoginThrottle::new(ThrottlePolicy::default(), clock.clone()), clock)
    }

    #[test]
    fn five_failures_are_free_then_each_wait_doubles_up_to_the_cap() {
        let (t, clock) = throttle();
        for _ in 0..5 {
            assert_eq!(t.check("acc_x", ATTACKER), Ok(()));
            t.record_failure("acc_x", ATTACKER);
        }
        assert_eq!(t.check("acc_x", ATTACKER), Ok(()), "the 6th try is allowed, its failure starts the back-off");
        let mut waits = Vec::new();
        for _ in 0..12 {
            t.record_failure("acc_x", ATTACKER);
            let held = t.check("acc_x", ATTACKER).unwrap_err();
            assert_eq!(held.by, ThrottledBy::Account);
            waits.push(held.retry_after_secs);
            clock.advance(Duration::from_secs(held.retry_after_secs));
            assert_eq!(t.check("acc_x", ATTACKER), Ok(()));
        }
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]);
    }

    #[test]
    fn only_the_first_held_back_attempt_of_a_wait_is_reported() {
        let (t, _clock) = throttle();
        for _ in 0..6 {
            t.record_failure("acc_x", ATTACKER);
        }
        assert!(t.check("acc_x", ATTACKER).unwrap_err().first_in_wait);
        assert!(!t.check("acc_x", ATTACKER).unwrap_err().first_in_wait);
        t.record_failure("acc_x", ATTACKER);
        assert!(t.check("acc_x", ATTACKER).unwrap_err().first_in_wait, "a new wait is reported again");
    }

    #[test]
    fn a_source_that_signed_in_before_is_not_held_back_by_the_account() {
        let (t, _clock) = throttle();
        t.record_success("acc_x", HOME);
        for _ in 0..10 {
            t.record_failure("acc_x", ATTACKER);
        }
        assert_eq!(t.check("acc_x", ATTACKER).unwrap_err().by, ThrottledBy::Account);
        assert_eq!(t.check("acc_x", HOME), Ok(()), "the owner at home still gets in");
        // Other accounts are unaffected by one account's back-off.
        assert_eq!(t.check("acc_y", HOME), Ok(()));
    }

    #[test]
    fn a_success_forgets_the_account_but_not_the_source() {
        let (t, _clock) = throttle();
        for n in 0..21 {
            t.record_failure(&format!("acc_{n}"), ATTACKER);
        }
        t.record_success("acc_mine", ATTACKER);
        assert_eq!(t.check("acc_other", ATTACKER).unwrap_err().by, ThrottledBy::Source);
        let (t, _clock) = throttle();
        for _ in 0..6 {
            t.record_failure("acc_x", HOME);
        }
        t.record_success("acc_x", HOME);
        assert_eq!(t.check("acc_x", ATTACKER), Ok(()));
    }

    #[test]
    fn failures_are_forgotten_after_an_hour_without_one() {
        let (t, clock) = throttle();
        for _ in 0..8 {
            t.record_failure("acc_x", ATTACKER);
        }
        assert!(t.check("acc_x", ATTACKER).is_err());
        clock.advance(Duration::from_secs(3601));
        assert_eq!(t.check("acc_x", ATTACKER), Ok(()));
        t.record_failure("acc_x", ATTACKER);
        assert_eq!(t.check("acc_x", ATTACKER), Ok(()), "counting starts again from one");
    }

    #[test]
    fn an_ipv6_subscriber_is_one_source_whatever_address_it_picks() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert_eq!(source_of(a), source_of(b));
        assert_ne!(source_of(a), source_of("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(source_of("::ffff:192.0.2.1".parse().unwrap()), HOME);
    }
}
