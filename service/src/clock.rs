//! The service's idea of "now".
//!
//! Every expiry, cooldown and rate window reads this clock, never the system
//! time directly, so tests can freeze it and move it forward instead of
//! sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use time::OffsetDateTime;

/// A clock: the system time, or a frozen instant; either one can be moved
/// forward by tests.
#[derive(Clone, Debug)]
pub struct Clock {
    frozen_at: Option<OffsetDateTime>,
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Wall-clock time.
    pub fn system() -> Self {
        Clock { frozen_at: None, offset_ms: Arc::new(AtomicI64::new(0)) }
    }

    /// A clock that stands still at `at` until [`Clock::advance`] moves it.
    pub fn frozen(at: OffsetDateTime) -> Self {
        Clock { frozen_at: Some(at), offset_ms: Arc::new(AtomicI64::new(0)) }
    }

    pub fn now(&self) -> OffsetDateTime {
        let base = self.frozen_at.unwrap_or_else(OffsetDateTime::now_utc);
        base + time::Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Milliseconds since the Unix epoch, as stored in the database.
    pub fn now_ms(&self) -> i64 {
        to_ms(self.now())
    }

    /// Moves the clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }
}

pub fn to_ms(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

pub fn from_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_clock_moves_only_when_advanced_and_clones_move_together() {
        let start = time::macros::datetime!(2026-01-01 00:00 UTC);
        let clock = Clock::frozen(start);
        let other = clock.clone();
        assert_eq!(clock.now(), start);
        other.advance(Duration::from_secs(61));
        assert_eq!(clock.now(), start + time::Duration::seconds(61));
        assert_eq!(from_ms(clock.now_ms()), clock.now());
    }
}
