//! When to try again (DESIGN §6), and the client-side request-rate ceiling.
//!
//! Only safe requests are retried (GET, read-only batch lookups, and
//! mutations carrying an `Idempotency-Key`), and only on connect errors,
//! timeouts, 429 and 502/503/504. Delays are exponential with full jitter
//! (AWS Architecture Blog, "Exponential Backoff And Jitter"); a `Retry-After`
//! is honoured. Attempts and total time are both bounded.

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
    pub base: Duration,
    /// Longest single backoff (a `Retry-After` may ask for more, within `budget`).
    pub cap: Duration,
    /// Total time retries may add up to; past it, the last error stands.
    pub budget: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base: Duration::from_millis(200),
            cap: Duration::from_secs(5),
            budget: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1`, or `None` to give up.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>, elapsed: Duration) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let ceiling = self.base.saturating_mul(1u32 << attempt.saturating_sub(1).min(16)).min(self.cap);
        let jittered = ceiling.mul_f64(random_unit());
        let delay = match retry_after {
            Some(after) => after.max(jittered),
            None => jittered,
        };
        (elapsed + delay <= self.budget).then_some(delay)
    }
}

/// A uniform number in [0, 1).
fn random_unit() -> f64 {
    let r = getrandom::u64().unwrap_or(0x9E37_79B9_7F4A_7C15);
    (r >> 11) as f64 / (1u64 << 53) as f64
}

/// Spaces requests evenly so that no more than `rate` per second start.
pub struct RateLimiter {
    interval: Duration,
    next: Mutex<Option<Instant>>,
}

impl RateLimiter {
    pub fn new(per_second: f64) -> Self {
        RateLimiter { interval: Duration::from_secs_f64(1.0 / per_second.max(1e-6)), next: Mutex::new(None) }
    }

    /// No request starts for `pause` from now (a 429's `Retry-After`).
    pub async fn hold(&self, pause: Duration) {
        let mut next = self.next.lock().await;
        let until = Instant::now() + pause;
        *next = Some(next.map_or(until, |n| n.max(until)));
    }

    pub async fn acquire(&self) {
        let wait = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let slot = next.map_or(now, |n| n.max(now));
            *next = Some(slot + self.interval);
            slot - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_bounded_by_attempts_cap_and_budget() {
        let p = RetryPolicy::default();
        for attempt in 1..4 {
            let d = p.delay(attempt, None, Duration::ZERO).unwrap();
            assert!(d <= p.base * (1 << (attempt - 1)), "attempt {attempt}: {d:?}");
        }
        assert_eq!(p.delay(4, None, Duration::ZERO), None);
        assert_eq!(p.delay(1, Some(Duration::from_secs(3)), Duration::ZERO), Some(Duration::from_secs(3)));
        assert_eq!(p.delay(1, Some(Duration::from_secs(60)), Duration::ZERO), None, "Retry-After beyond the budget");
        assert_eq!(p.delay(1, None, Duration::from_secs(31)), None);
    }

    #[tokio::test]
    async fn the_rate_limiter_spaces_requests() {
        let limiter = RateLimiter::new(100.0);
        let start = Instant::now();
        for _ in 0..11 {
            limiter.acquire().await;
        }
        assert!(start.elapsed() >= Duration::from_millis(95), "{:?}", start.elapsed());
    }
}
