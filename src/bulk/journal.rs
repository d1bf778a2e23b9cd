//! The job journal: an NDJSON file per bulk job, the durable record a resume
//! starts from.
//!
//! Line 1 is the [`Header`]: the job id, the profile, url and actor it was
//! planned against, the action, a digest of the input, the audit context and
//! the whole plan. Every later line is an [`Entry`] appended as it happens:
//! a run starting, an item going out, an item's result, a run ending.
//! Entries go through one writer thread that writes whatever has queued up
//! and then flushes and `fsync`s, so a batch of outcomes costs one sync and a
//! `kill -9` loses at most the results still queued (those items are re-sent
//! with their original keys and the service replays).
//!
//! [`JobState::read`] rebuilds per account: settled (a result other than
//! `failed`), in flight (sent, no result) or pending. A torn last line (the
//! process died mid-write) is ignored, and cut off before a resume appends.

use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;

use acctl_api::AccountStatus;
use serde::{Deserialize, Serialize};

use super::{Action, ItemResult, Outcome};

/// The first line's `journal` member: what this file is and its version.
pub const FORMAT: &str = "acctl-bulk/1";

/// A job's id: `YYYYMMDDTHHMMSSZ-` and 8 random hex digits, so ids sort by
/// creation time and two jobs started in the same second still differ.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JobId(String);

impl JobId {
    pub fn new(now: time::OffsetDateTime) -> JobId {
        let mut bytes = [0u8; 4];
        if getrandom::fill(&mut bytes).is_err() {
            bytes = (now.nanosecond() ^ std::process::id()).to_le_bytes();
        }
        let now = now.to_offset(time::UtcOffset::UTC);
        JobId(format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z-{}",
            now.year(),
            u8::from(now.month()),
            now.day(),
            now.hour(),
            now.minute(),
            now.second(),
            hex::encode(bytes)
        ))
    }

    /// A job id as a person typed it; only letters, digits and `-`, so it is
    /// safe as a file name and inside an idempotency key.
    pub fn parse(s: &str) -> Option<JobId> {
        let ok = !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        ok.then(|| JobId(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for JobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An account the job acts on: its first input line, and its status when planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub line: u64,
    pub input: String,
    pub account_id: String,
    pub status: AccountStatus,
}

/// A line naming an account an earlier line already names: acted on once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    pub line: u64,
    pub input: String,
    pub account_id: String,
    pub same_as_line: u64,
}

/// What the job will do, decided before anything changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Accounts to act on, in input order.
    pub targets: Vec<Target>,
    /// Lines settled by the plan itself: invalid, not found, already in the target state.
    pub settled: Vec<ItemResult>,
    pub duplicates: Vec<Duplicate>,
}

/// Line 1 of a journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub journal: String,
    pub job: JobId,
    pub profile: String,
    pub url: String,
    /// Who planned it: idempotency keys are scoped to the token's actor, so
    /// only the same actor's resume replays instead of applying again.
    pub actor: String,
    /// `sha256:` of the token, prefixed (never the token): the service scopes
    /// keys to the token itself, so another token of the same actor would
    /// not replay either.
    pub token_digest: String,
    pub action: Action,
    /// `sha256:` and the hex digest of the input's bytes.
    pub input_digest: String,
    pub created_at: String,
    /// The audit context, reused on resume (a key's request must not change).
    pub reason: Option<String>,
    pub ticket: Option<String>,
    pub plan: Plan,
}

/// Lines 2 and on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Entry {
    /// A run (the first, or a resume) began.
    Run {
        at: String,
        pid: u32,
    },
    /// The item's request is about to go out.
    Sent {
        account_id: String,
    },
    Result(ItemResult),
    /// A run ended: every item was tried, or it was interrupted.
    Ended {
        at: String,
        interrupted: bool,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot {what} the journal `{}`", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("`{}` is not an acctl bulk journal", path.display())]
    NotAJournal { path: PathBuf },
    #[error("the journal `{}` is damaged at line {line}", path.display())]
    Damaged { path: PathBuf, line: usize },
    /// The journal was written for another profile, actor, action or input.
    #[error("job `{job}` was planned for {what} `{journal}`, not `{given}`")]
    Mismatch { job: JobId, what: &'static str, journal: String, given: String },
    /// Same actor, another token: the service would not replay the job's keys.
    #[error(
        "job `{job}` was started with another token of `{actor}`; the service scopes idempotency keys to the token"
    )]
    OtherToken { job: JobId, actor: String },
    #[error("the journal writer stopped: {0}")]
    WriterGone(String),
}

fn io<'p>(what: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> JournalError + 'p {
    move |source| JournalError::Io { what, path: path.to_owned(), source }
}

/// What the journal keeps of the token: a prefixed digest, never the token.
pub fn token_digest(token: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(b"acctl-bulk-journal-token\0");
    h.update(token.as_bytes());
    format!("sha256:{}", hex::encode(h.finalize()))
}

/// Where journals live by default: `$XDG_STATE_HOME/acctl/jobs`.
pub fn default_dir() -> Option<PathBuf> {
    crate::dirs::state_dir().map(|d| d.join("jobs"))
}

pub fn default_path(job: &JobId) -> Option<PathBuf> {
    default_dir().map(|d| d.join(format!("{job}.ndjson")))
}

/// A job as read back: the header, each target's state, the runs so far.
#[derive(Debug, Clone)]
pub struct JobState {
    pub header: Header,
    /// The latest result per account (a resume's result replaces a failure).
    pub results: HashMap<String, ItemResult>,
    /// Sent in some run, and no result since.
    pub in_flight: HashSet<String>,
    pub runs: usize,
    /// The last run's end, when it was written.
    pub ended: Option<(String, bool)>,
}

/// Counts over a whole job; they add up to the input's lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub done: usize,
    pub unchanged: usize,
    pub not_found: usize,
    pub invalid: usize,
    pub failed: usize,
    /// Targets with no result yet (in flight or never sent).
    pub pending: usize,
    pub duplicates: usize,
}

impl Tally {
    pub fn add(&mut self, outcome: Outcome) {
        *match outcome {
            Outcome::Done => &mut self.done,
            Outcome::Unchanged => &mut self.unchanged,
            Outcome::NotFound => &mut self.not_found,
            Outcome::Invalid => &mut self.invalid,
            Outcome::Failed => &mut self.failed,
        } += 1;
    }

    pub fn total(&self) -> usize {
        self.done + self.unchanged + self.not_found + self.invalid + self.failed + self.pending + self.duplicates
    }
}

impl JobState {
    /// Reads a journal; a torn last line is skipped, a damaged earlier one is an error.
    pub fn read(path: &Path) -> Result<JobState, JournalError> {
        let file = File::open(path).map_err(io("open", path))?;
        let mut lines = BufReader::new(file).lines();
        let first = lines.next().transpose().map_err(io("read", path))?;
        let header: Header = first
            .and_then(|l| serde_json::from_str(&l).ok())
            .filter(|h: &Header| h.journal == FORMAT)
            .ok_or_else(|| JournalError::NotAJournal { path: path.to_owned() })?;
        let mut state = JobState { header, results: HashMap::new(), in_flight: HashSet::new(), runs: 0, ended: None };
        let mut damaged = None;
        for (index, line) in lines.enumerate() {
            let line = line.map_err(io("read", path))?;
            if let Some(at) = damaged {
                // Only the last line may be torn.
                return Err(JournalError::Damaged { path: path.to_owned(), line: at });
            }
            match serde_json::from_str::<Entry>(&line) {
                Ok(entry) => state.apply(entry),
                Err(_) => damaged = Some(index + 2),
            }
        }
        Ok(state)
    }

    fn apply(&mut self, entry: Entry) {
        match entry {
            Entry::Run { .. } => {
                self.runs += 1;
                self.ended = None;
            }
            Entry::Sent { account_id } => {
                self.in_flight.insert(account_id);
            }
            Entry::Result(result) => {
                if let Some(id) = &result.account_id {
                    self.in_flight.remove(id);
                    self.results.insert(id.clone(), result);
                }
            }
            Entry::Ended { at, interrupted } => self.ended = Some((at, interrupted)),
        }
    }

    /// Targets a resume still has to send: no result, or a failed one.
    pub fn unsettled(&self) -> impl Iterator<Item = &Target> {
        self.header
            .plan
            .targets
            .iter()
            .filter(|t| self.results.get(&t.account_id).is_none_or(|r| !r.outcome.is_settled()))
    }

    pub fn tally(&self) -> Tally {
        let mut tally = Tally { duplicates: self.header.plan.duplicates.len(), ..Tally::default() };
        for r in &self.header.plan.settled {
            tally.add(r.outcome);
        }
        for t in &self.header.plan.targets {
            match self.results.get(&t.account_id) {
                Some(r) => tally.add(r.outcome),
                None => tally.pending += 1,
            }
        }
        tally
    }

    /// Refuses to continue a job planned for another profile, actor (token),
    /// action or input.
    pub fn check_matches(
        &self,
        profile: &str,
        actor: Option<(&str, &str)>,
        action: Option<Action>,
        input_digest: Option<&str>,
    ) -> Result<(), JournalError> {
        let h = &self.header;
        let mismatch = |what, journal: &str, given: &str| JournalError::Mismatch {
            job: h.job.clone(),
            what,
            journal: journal.to_owned(),
            given: given.to_owned(),
        };
        if h.profile != profile {
            return Err(mismatch("profile", &h.profile, profile));
        }
        if let Some((actor, token_digest)) = actor {
            if actor != h.actor {
                return Err(mismatch("actor", &h.actor, actor));
            }
            if token_digest != h.token_digest {
                return Err(JournalError::OtherToken { job: h.job.clone(), actor: h.actor.clone() });
            }
        }
        if let Some(action) = action.filter(|a| *a != h.action) {
            return Err(mismatch("action", h.action.as_str(), action.as_str()));
        }
        if let Some(digest) = input_digest.filter(|d| *d != h.input_digest) {
            return Err(mismatch("an input with digest", &h.input_digest, digest));
        }
        Ok(())
    }
}

/// Appends entries from one thread, syncing after each batch.
pub struct JournalWriter {
    tx: Option<mpsc::Sender<Entry>>,
    thread: Option<JoinHandle<Result<(), JournalError>>>,
    path: PathBuf,
}

impl JournalWriter {
    /// A new journal holding `header`; fails if the file exists.
    pub fn create(path: &Path, header: &Header) -> Result<JournalWriter, JournalError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io("create the directory of", path))?;
        }
        let mut file = OpenOptions::new().write(true).create_new(true).open(path).map_err(io("create", path))?;
        let mut line = serde_json::to_vec(header).map_err(|e| io("write", path)(e.into()))?;
        line.push(b'\n');
        file.write_all(&line).and_then(|()| file.sync_all()).map_err(io("write", path))?;
        // The file's directory entry must survive a crash too.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(Self::spawn(file, path))
    }

    /// Appends to an existing journal, first cutting off a torn last line.
    pub fn append(path: &Path) -> Result<JournalWriter, JournalError> {
        let mut file = OpenOptions::new().read(true).write(true).open(path).map_err(io("open", path))?;
        let bytes = std::fs::read(path).map_err(io("read", path))?;
        let keep = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        if keep < bytes.len() {
            file.set_len(keep as u64).map_err(io("repair", path))?;
        }
        file.seek(SeekFrom::End(0)).map_err(io("open", path))?;
        Ok(Self::spawn(file, path))
    }

    fn spawn(file: File, path: &Path) -> JournalWriter {
        let (tx, rx) = mpsc::channel::<Entry>();
        let owned = path.to_owned();
        let thread = std::thread::spawn(move || {
            let mut out = BufWriter::with_capacity(64 * 1024, file);
            while let Ok(first) = rx.recv() {
                write_entry(&mut out, &first, &owned)?;
                // Whatever else has queued goes into the same sync.
                while let Ok(next) = rx.try_recv() {
                    write_entry(&mut out, &next, &owned)?;
                }
                out.flush().map_err(io("write", &owned))?;
                out.get_ref().sync_data().map_err(io("sync", &owned))?;
            }
            Ok(())
        });
        JournalWriter { tx: Some(tx), thread: Some(thread), path: path.to_owned() }
    }

    /// Queues an entry; fails when the writer has stopped (a disk error).
    pub fn record(&self, entry: Entry) -> Result<(), JournalError> {
        match &self.tx {
            Some(tx) if tx.send(entry).is_ok() => Ok(()),
            _ => Err(JournalError::WriterGone(format!("cannot write `{}`", self.path.display()))),
        }
    }

    /// Writes and syncs everything queued, and reports a write error.
    pub fn close(mut self) -> Result<(), JournalError> {
        self.finish()
    }

    fn finish(&mut self) -> Result<(), JournalError> {
        drop(self.tx.take());
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(JournalError::WriterGone("the writer thread panicked".into())),
            None => Ok(()),
        }
    }
}

impl Drop for JournalWriter {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

fn write_entry(out: &mut BufWriter<File>, entry: &Entry, path: &Path) -> Result<(), JournalError> {
    serde_json::to_writer(&mut *out, entry).map_err(|e| io("write", path)(e.into()))?;
    out.write_all(b"\n").map_err(io("write", path))
}

/// A journal found on disk, and what reading it gave.
pub type Listed = (PathBuf, Result<JobState, JournalError>);

/// The journals in the default directory, newest first.
pub fn list() -> Result<Vec<Listed>, JournalError> {
    let Some(dir) = default_dir() else { return Ok(Vec::new()) };
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io("list", &dir)(e)),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
        .collect();
    paths.sort();
    paths.reverse();
    Ok(paths.into_iter().map(|p| (p.clone(), JobState::read(&p))).collect())
}

pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(job: &str) -> Header {
        let target = |line, id: &str| Target {
            line,
            input: format!("{id}@example.com"),
            account_id: id.into(),
            status: AccountStatus::Active,
        };
        Header {
            journal: FORMAT.into(),
            job: JobId::parse(job).unwrap(),
            profile: "prod".into(),
            url: "https://a.example".into(),
            actor: "sre-1".into(),
            token_digest: token_digest("t1"),
            action: Action::Lock,
            input_digest: "sha256:ab".into(),
            created_at: "2026-11-30T08:00:00Z".into(),
            reason: Some("incident".into()),
            ticket: Some("INC-1".into()),
            plan: Plan {
                targets: vec![target(1, "acc_a"), target(2, "acc_b"), target(4, "acc_c")],
                settled: vec![ItemResult {
                    line: 3,
                    input: "bogus".into(),
                    account_id: None,
                    outcome: Outcome::Invalid,
                    code: Some("invalid_identifier".into()),
                    detail: None,
                    request_id: None,
                }],
                duplicates: vec![Duplicate {
                    line: 5,
                    input: "acc_a".into(),
                    account_id: "acc_a".into(),
                    same_as_line: 1,
                }],
            },
        }
    }

    fn result(id: &str, outcome: Outcome) -> Entry {
        Entry::Result(ItemResult {
            line: 1,
            input: id.into(),
            account_id: Some(id.into()),
            outcome,
            code: None,
            detail: None,
            request_id: Some("req_1".into()),
        })
    }

    #[test]
    fn job_ids_sort_by_time_and_differ_within_a_second() {
        let t = time::macros::datetime!(2026-11-30 08:01:02 UTC);
        let (a, b) = (JobId::new(t), JobId::new(t));
        assert_ne!(a, b);
        assert!(a.as_str().starts_with("20261130T080102Z-"), "{a}");
        assert!(JobId::new(t + time::Duration::seconds(1)) > a.clone().max(b));
        assert_eq!(JobId::parse("../etc"), None);
        assert_eq!(JobId::parse(a.as_str()), Some(a));
    }

    #[test]
    fn the_state_is_rebuilt_and_a_torn_last_line_is_cut_before_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs").join("j.ndjson");
        let w = JournalWriter::create(&path, &header("j1")).unwrap();
        w.record(Entry::Run { at: now_rfc3339(), pid: 1 }).unwrap();
        for id in ["acc_a", "acc_b", "acc_c"] {
            w.record(Entry::Sent { account_id: id.into() }).unwrap();
        }
        w.record(result("acc_a", Outcome::Done)).unwrap();
        w.record(result("acc_b", Outcome::Failed)).unwrap();
        w.close().unwrap();
        // A kill -9 in the middle of writing acc_c's result.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"type":"result","line":4,"input":"acc_c","account_"#).unwrap();
        drop(f);

        let s = JobState::read(&path).unwrap();
        assert_eq!(s.runs, 1);
        assert_eq!(s.in_flight, HashSet::from(["acc_c".to_owned()]));
        let unsettled: Vec<_> = s.unsettled().map(|t| t.account_id.as_str()).collect();
        assert_eq!(unsettled, ["acc_b", "acc_c"], "a failure is tried again, the in-flight one re-sent");
        let t = s.tally();
        assert_eq!((t.done, t.failed, t.pending, t.invalid, t.duplicates), (1, 1, 1, 1, 1));
        assert_eq!(t.total(), 5, "adds up to the input's lines");

        let w = JournalWriter::append(&path).unwrap();
        w.record(result("acc_c", Outcome::Unchanged)).unwrap();
        w.record(result("acc_b", Outcome::Done)).unwrap();
        w.record(Entry::Ended { at: now_rfc3339(), interrupted: false }).unwrap();
        w.close().unwrap();
        let s = JobState::read(&path).unwrap();
        assert_eq!(s.unsettled().count(), 0);
        assert!(s.in_flight.is_empty());
        assert_eq!((s.tally().done, s.tally().unchanged, s.tally().failed), (2, 1, 0));
        assert!(matches!(s.ended, Some((_, false))));
    }

    #[test]
    fn a_damaged_middle_line_or_a_foreign_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.ndjson");
        let mut text = serde_json::to_string(&header("j1")).unwrap();
        text.push_str("\nnot json\n{\"type\":\"sent\",\"account_id\":\"acc_a\"}\n");
        std::fs::write(&path, text).unwrap();
        assert!(matches!(JobState::read(&path), Err(JournalError::Damaged { line: 2, .. })));
        std::fs::write(&path, "{\"hello\":1}\n").unwrap();
        assert!(matches!(JobState::read(&path), Err(JournalError::NotAJournal { .. })));
        assert!(matches!(JournalWriter::create(&path, &header("j1")), Err(JournalError::Io { what: "create", .. })));
    }

    #[test]
    fn a_journal_for_another_profile_actor_action_or_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.ndjson");
        JournalWriter::create(&path, &header("j1")).unwrap().close().unwrap();
        let s = JobState::read(&path).unwrap();
        let t1 = token_digest("t1");
        assert!(s.check_matches("prod", Some(("sre-1", &t1)), Some(Action::Lock), Some("sha256:ab")).is_ok());
        let err = s.check_matches("staging", None, None, None).unwrap_err();
        assert_eq!(err.to_string(), "job `j1` was planned for profile `prod`, not `staging`");
        assert!(s.check_matches("prod", Some(("sre-2", &t1)), None, None).is_err());
        let other = s.check_matches("prod", Some(("sre-1", &token_digest("t2"))), None, None).unwrap_err();
        assert!(matches!(other, JournalError::OtherToken { .. }), "{other}");
        assert!(!t1.contains("t1"));
        assert!(s.check_matches("prod", None, Some(Action::Unlock), None).is_err());
        assert!(s.check_matches("prod", None, None, Some("sha256:cd")).is_err());
    }
}
