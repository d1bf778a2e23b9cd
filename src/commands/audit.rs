//! `acctl audit`: read the audit log, following the service's pages.

use acctl_api::{AuditAction, AuditEvent, AuditOutcome, IdentifierKind};
use clap::Args;
use clap::builder::PossibleValuesParser;
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use acctl_api::AuditQuery;

use crate::commands::signed_in_client;
use crate::error::{CliError, ExitStatus};
use crate::output::record::rfc3339;
use crate::output::{Cell, Field, Record, RecordWriter, Shape};
use crate::recovery;
use crate::settings::Settings;
use crate::ui::Ui;

/// Read the audit log, newest first.
///
/// Every change acctl makes is audited with the operator, the --reason and
/// --ticket given, the request ID and the outcome. agent and sre tokens see
/// their own events; admin tokens see everyone's (--actor picks one
/// operator; `customer` is the customers' own sign-ins). Pages are followed
/// until --limit events are printed; when more match, a note on stderr says
/// how to see them.
///
/// On this read-only command, --ticket (or ACCTL_TICKET) is a filter: only
/// events recorded with that ticket. A table shows a denied or failed
/// event's reason in its OUTCOME column, times in UTC to the minute and the
/// distinguishing end of each request ID; -o json has every field in full.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl audit --account alice@example.com --since 24h
  acctl audit --ticket SUP-1234
  acctl audit --action password.set --since 2026-03-01T00:00:00Z --limit 500 -o csv
  acctl audit --actor alice-agent -o ndjson | jq -r 'select(.outcome != \"success\") | .request_id'")]
pub struct AuditArgs {
    /// Only events about this account (email, phone number or account ID)
    #[arg(long, value_name = "IDENT")]
    account: Option<String>,

    /// Only events by this operator (reading others' events needs the admin role)
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,

    /// Only this action
    #[arg(long, value_name = "ACTION", value_parser = PossibleValuesParser::new(AuditAction::ALL.map(AuditAction::as_str)))]
    action: Option<String>,

    /// Only events since: an age (`90s`, `30m`, `24h`, `7d`, `2w`), a date, or an RFC 3339 time
    #[arg(long, value_name = "WHEN")]
    since: Option<String>,

    /// Print at most this many events
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    limit: u32,
}

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub(crate) struct AuditRecord(AuditEvent);

static FIELDS: &[Field<AuditRecord>] = &[
    Field { name: "id", help: "event number (newer events have higher numbers)", get: |e| Cell::Int(e.0.id) },
    Field { name: "at", help: "when", get: |e| Cell::Time(e.0.at) },
    Field { name: "actor", help: "operator, or `customer`", get: |e| Cell::Text(e.0.actor.clone()) },
    Field {
        name: "action",
        help: "what was done: challenge.create, password.set, account.lock, …",
        get: |e| Cell::Text(e.0.action.as_str().to_owned()),
    },
    Field {
        name: "account_id",
        help: "the account it was done to (empty: none)",
        get: |e| Cell::opt(e.0.account_id.as_deref()),
    },
    Field { name: "outcome", help: "success, denied or failed", get: |e| Cell::Text(e.0.outcome.as_str().to_owned()) },
    Field { name: "reason", help: "--reason given", get: |e| Cell::opt(e.0.reason.as_deref()) },
    Field { name: "ticket", help: "--ticket given", get: |e| Cell::opt(e.0.ticket.as_deref()) },
    Field {
        name: "request_id",
        help: "the request it was (support can trace it)",
        get: |e| Cell::Text(e.0.request_id.clone()),
    },
    Field { name: "detail", help: "mode, channel or error code", get: |e| Cell::opt(e.0.detail.as_deref()) },
    Field { name: "when", help: "when, UTC, to the minute (for tables)", get: |e| Cell::Text(compact_time(e.0.at)) },
    Field {
        name: "result",
        help: "the outcome, with the detail of a denied or failed event (for tables)",
        get: |e| Cell::Text(result(&e.0)),
    },
    Field {
        name: "request",
        help: "the distinguishing end of the request ID (for tables)",
        get: |e| Cell::Text(short_request_id(&e.0.request_id)),
    },
];

/// `2026-03-01 09:00`: every time from the service is UTC.
fn compact_time(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02} {:02}:{:02}", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
}

/// `success`, or `denied: forbidden` / `failed: invalid_code`: why, at a glance.
fn result(e: &AuditEvent) -> String {
    match (&e.outcome, e.detail.as_deref()) {
        (AuditOutcome::Success, _) | (_, None | Some("")) => e.outcome.as_str().to_owned(),
        (outcome, Some(detail)) => format!("{}: {detail}", outcome.as_str()),
    }
}

/// `…0000002a`: request IDs are a per-process prefix and a counter, so the
/// end tells the events of one list apart; `-o json` has the whole ID.
fn short_request_id(id: &str) -> String {
    const KEEP: usize = 8;
    match id.char_indices().rev().nth(KEEP - 1) {
        Some((at, _)) if at > 0 => format!("…{}", &id[at..]),
        _ => id.to_owned(),
    }
}

impl Record for AuditRecord {
    fn fields() -> &'static [Field<Self>] {
        FIELDS
    }

    fn table_fields() -> &'static [&'static str] {
        &["when", "actor", "action", "account_id", "result", "ticket", "reason", "request"]
    }

    fn card_for_one() -> bool {
        false
    }
}

pub async fn run(args: AuditArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let ident = args.account.as_deref().map(|a| settings.parse_identifier(a)).transpose()?;
    let since = args.since.as_deref().map(parse_since).transpose()?;
    let (client, _) = signed_in_client(settings)?;
    let account_id = match (&ident, &args.account) {
        (Some(i), _) if i.kind == IdentifierKind::Id => Some(i.value.clone()),
        (Some(i), Some(input)) => Some(recovery::find_account(&client, input, i, false).await?.id),
        _ => None,
    };
    let ticket = settings.audit.ticket.clone();
    let mut query =
        AuditQuery { account_id, actor: args.actor, action: args.action, ticket, since, ..AuditQuery::default() };
    let mut writer = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    let mut remaining = args.limit;
    let mut cut = false;
    loop {
        query.limit = Some(remaining.min(acctl_api::AUDIT_PAGE_MAX));
        let page = client.audit(&query).await?;
        for event in page.events.into_iter().take(remaining as usize) {
            writer.write(&AuditRecord(event))?;
            remaining -= 1;
        }
        writer.flush()?;
        match page.next_cursor {
            Some(cursor) if remaining > 0 => query.cursor = Some(cursor),
            Some(_) => {
                cut = true;
                break;
            }
            None => break,
        }
    }
    let shown = writer.finish()?;
    if shown == 0 {
        ui.info("No audit events match.");
    } else if cut {
        ui.info(format!(
            "Showing the newest {shown} {}; older ones match too: raise `--limit` (e.g. `--limit {}`) or narrow with `--since`.",
            if shown == 1 { "event" } else { "events" },
            u64::from(args.limit).saturating_mul(2).min(u64::from(u32::MAX))
        ));
    }
    Ok(ExitStatus::Success)
}

/// `--since` as the service takes it: an age (`30m`, `24h`, `7d`; weeks
/// become days), counted back on the service's clock so a skewed local clock
/// does not matter; or a time in RFC 3339 (a date is its midnight, UTC).
fn parse_since(input: &str) -> Result<String, CliError> {
    let s = input.trim();
    let bad = || {
        CliError::usage(format!("`--since {s}` is not an age, a date or an RFC 3339 time"))
            .with_hint("use e.g. `30m`, `24h`, `7d`, `2026-03-01` or `2026-03-01T09:00:00Z`")
    };
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(rfc3339(t));
    }
    if let Some(unit) = s.chars().last().filter(char::is_ascii_alphabetic) {
        let n = s[..s.len() - 1].trim().parse::<u32>().map_err(|_| bad())?;
        return match unit.to_ascii_lowercase() {
            u @ ('s' | 'm' | 'h' | 'd') => Ok(format!("{n}{u}")),
            'w' => Ok(format!("{}d", u64::from(n) * 7)),
            _ => Err(bad()),
        };
    }
    let date = time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| bad())?;
    Ok(rfc3339(date.midnight().assume_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_ages_dates_and_rfc3339() {
        assert_eq!(parse_since("24h").unwrap(), "24h");
        assert_eq!(parse_since(" 30M ").unwrap(), "30m");
        assert_eq!(parse_since("2w").unwrap(), "14d");
        assert_eq!(parse_since("2026-02-01").unwrap(), "2026-02-01T00:00:00Z");
        assert_eq!(parse_since("2026-02-01T10:00:00+08:00").unwrap(), "2026-02-01T10:00:00+08:00");
        assert_eq!(parse_since("2026-02-01T10:00:00Z").unwrap(), "2026-02-01T10:00:00Z");
        for bad in ["yesterday", "24", "h", "5y", "-1h", "2026-13-01"] {
            assert!(parse_since(bad).unwrap_err().to_string().contains(&format!("`--since {bad}`")), "{bad}");
        }
    }
}
