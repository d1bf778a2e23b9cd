//! argon2id on a few fixed threads, each with memory it reuses.
//!
//! Why not `spawn_blocking` per hash: argon2id with m=19 MiB needs 19 MiB of
//! working memory per hash. Hashed on tokio's blocking pool (up to 512
//! threads), 64 concurrent sign-ins allocated 64 × 19 MiB at once, and
//! glibc gave every one of those threads its own malloc arena that kept the
//! freed memory: the service reached 7 GB RSS (issue 10, item 2).
//!
//! Here every hash and every check runs on one of `threads` workers (by
//! default one per core; more would only queue on the CPU). Each worker
//! allocates its argon2 blocks once and reuses them for every job
//! ([`Argon2::hash_password_into_with_memory`]), so password hashing holds at
//! most `threads × 19 MiB` however many callers there are, and the
//! allocator sees a handful of threads. Jobs wait in a short bounded queue;
//! callers that must not wait (unauthenticated sign-in) take one of
//! [`HashPool::admission_slots`] first and are answered 503 `service_busy`
//! when none is free (see `http::login`).
//!
//! Every argon2 use in the service goes through here, via
//! [`crate::secrets::hash_password`] and [`crate::secrets::verify_password`]:
//! passwords at sign-in, reset and import, and the six-digit codes.

use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex, OnceLock};

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// Jobs that may wait for a worker, per worker.
const QUEUE_PER_THREAD: usize = 2;
/// The most memory a stored hash may ask a worker for (its `m` parameter);
/// hashes this service makes use 19 MiB.
const MAX_BLOCKS: usize = 256 * 1024;

type Job = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// The process's hashing workers.
pub struct HashPool {
    jobs: SyncSender<Job>,
    threads: usize,
}

static POOL: OnceLock<HashPool> = OnceLock::new();

/// The number of workers when nothing else is configured: one per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Sets the number of workers, if no hash has been computed yet (the pool
/// is per process; the first setting wins).
pub fn configure(threads: usize) {
    let _ = POOL.get_or_init(|| HashPool::start(threads));
}

/// The process's pool, started with [`default_threads`] if not configured.
pub fn pool() -> &'static HashPool {
    POOL.get_or_init(|| HashPool::start(default_threads()))
}

impl HashPool {
    fn start(threads: usize) -> HashPool {
        let threads = threads.max(1);
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(threads * QUEUE_PER_THREAD);
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..threads {
            let queue = Arc::clone(&queue);
            let spawned = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || worker(&queue));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a password hashing thread");
            }
        }
        HashPool { jobs, threads }
    }

    /// How many workers hash at once.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// How many callers that would rather be told "busy" than wait should
    /// let in at once: as many as the workers plus their queue.
    pub fn admission_slots(&self) -> usize {
        self.threads * (1 + QUEUE_PER_THREAD)
    }

    /// Runs `f` on a worker with its memory and waits for the answer.
    /// `None` only if the workers are gone (they never stop on their own).
    fn run<T: Send + 'static>(&self, f: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static) -> Option<T> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let job: Job = Box::new(move |memory| {
            let _ = tx.send(f(memory));
        });
        self.jobs.send(job).ok()?;
        rx.recv().ok()
    }

    /// argon2id (m=19 MiB, t=2, p=1) of `password` with a fresh salt, as a PHC string.
    pub fn hash(&self, password: &[u8]) -> Option<String> {
        let password = password.to_vec();
        self.run(move |memory| hash_with(memory, &password))?
    }

    /// Whether `password` matches the PHC string `phc`.
    pub fn verify(&self, password: &[u8], phc: &str) -> bool {
        let (password, phc) = (password.to_vec(), phc.to_owned());
        self.run(move |memory| verify_with(memory, &password, &phc)).unwrap_or(false)
    }
}

fn worker(queue: &Mutex<Receiver<Job>>) {
    let mut memory = vec![Block::default(); Params::DEFAULT.block_count()];
    loop {
        // The lock is held only while waiting for the next job.
        let job = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        match job {
            Ok(job) => job(&mut memory),
            Err(_) => return,
        }
    }
}

/// `memory` grown to `blocks` if a stored hash needs more than the default.
fn memory_for(memory: &mut Vec<Block>, blocks: usize) -> Option<&mut [Block]> {
    if blocks > MAX_BLOCKS {
        return None;
    }
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    memory.get_mut(..blocks)
}

fn hash_with(memory: &mut Vec<Block>, password: &[u8]) -> Option<String> {
    let params = Params::DEFAULT;
    let mut salt = [0u8; 16];
    crate::secrets::fill_random(&mut salt);
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let blocks = memory_for(memory, params.block_count())?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    argon2.hash_password_into_with_memory(password, &salt, &mut out, blocks).ok()?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).ok()?,
        salt: Some(Salt::new(&salt).ok()?),
        hash: Some(Output::new(&out).ok()?),
    };
    Some(phc.to_string())
}

fn verify_with(memory: &mut Vec<Block>, password: &[u8], phc: &str) -> bool {
    let mut check = || -> Option<bool> {
        let hash = PasswordHash::new(phc).ok()?;
        let algorithm = Algorithm::try_from(hash.algorithm.as_str()).ok()?;
        let version = hash.version.map(Version::try_from).transpose().ok()?.unwrap_or_default();
        let params = Params::try_from(&hash).ok()?;
        let (salt, expected) = (hash.salt?, hash.hash?);
        let mut out = vec![0u8; expected.len()];
        let blocks = memory_for(memory, params.block_count())?;
        Argon2::new(algorithm, version, params)
            .hash_password_into_with_memory(password, &salt, &mut out, blocks)
            .ok()?;
        // `Output`'s equality is constant-time.
        Some(Output::new(&out).ok()? == expected)
    };
    check().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    use super::*;

    #[test]
    fn hashes_agree_with_the_argon2_crate_both_ways() {
        let pool = pool();
        let ours = pool.hash(b"correct horse battery staple").unwrap();
        assert!(ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{ours}");
        assert!(Argon2::default().verify_password(b"correct horse battery staple", ours.as_str()).is_ok());
        let theirs = Argon2::default().hash_password(b"orchid ladder violin").unwrap().to_string();
        assert!(pool.verify(b"orchid ladder violin", &theirs));
        assert!(!pool.verify(b"orchid ladder violin!", &theirs));
        // Reused memory from earlier jobs does not leak into later ones.
        assert!(pool.verify(b"correct horse battery staple", &ours));
        assert!(!pool.verify(b"correct horse battery staple", "not a phc string"));
    }

    #[test]
    fn a_hash_asking_for_too_much_memory_is_refused_not_computed() {
        let huge = "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo0NTY3ODk";
        assert!(!pool().verify(b"x", huge));
    }
}
