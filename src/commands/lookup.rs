//! `acctl lookup IDENT...` and `acctl lookup -`

use acctl_api::{Identifier, IdentifierKind};
use clap::{Args, ValueEnum};

use crate::client::ApiClient;
use crate::commands::signed_in_client;
use crate::error::{CliError, ExitStatus};
use crate::lookup::input::{InputFormat, InputItem, read_batches};
use crate::lookup::{LookupRecord, pipeline};
use crate::output::{RecordWriter, Shape};
use crate::settings::Settings;
use crate::ui::Ui;

/// Find accounts by email, phone number or account ID.
///
/// The kind of each identifier is detected: `alice@example.com` is an email,
/// `+8613800138000` (or `13800138000` with a region) a phone number, `acc_…`
/// an account ID; `email:`, `phone:` and `id:` prefixes, or --by, force it.
///
/// With `-`, identifiers are read from stdin, one per line (or from one CSV
/// column with --column), looked up in batches of 500 with several batches in
/// flight, and answered one record per non-blank line, in input order:
/// {"input": …, "account": {…}} or {"input": …, "error": {"code", "detail"}}.
/// Exit status: 0 when every line got an answer (found or not found), 9 when
/// some could not be answered (invalid identifier, backend error after
/// retries). With identifiers as arguments, one that finds nothing exits 3 and
/// an invalid one exits 2 before anything is sent.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  acctl lookup alice@example.com
  acctl lookup 13800138000 --region CN -o json
  acctl lookup acc_demobob phone:+14155550132 -o csv --fields input,id,status
  tail -n +2 users.csv | cut -d, -f2 | acctl lookup - | jq -r 'select(.error) | .input'
  acctl lookup - --column email < users.csv -o tsv --fields input,id,status")]
pub struct LookupArgs {
    /// Emails, phone numbers or account IDs; `-` reads them from stdin
    #[arg(required = true, value_name = "IDENT")]
    identifiers: Vec<String>,

    /// Treat every identifier as this kind instead of detecting it
    #[arg(long, value_enum, value_name = "KIND")]
    by: Option<ByKind>,

    /// With `-`: the input is CSV with a header row; take identifiers from this column
    #[arg(long, value_name = "NAME")]
    column: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ByKind {
    Email,
    Phone,
    Id,
}

impl From<ByKind> for IdentifierKind {
    fn from(k: ByKind) -> Self {
        match k {
            ByKind::Email => IdentifierKind::Email,
            ByKind::Phone => IdentifierKind::Phone,
            ByKind::Id => IdentifierKind::Id,
        }
    }
}

pub async fn run(args: LookupArgs, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError> {
    let from_stdin = args.identifiers.iter().any(|i| i == "-");
    if from_stdin && args.identifiers.len() > 1 {
        return Err(CliError::usage(
            "`-` reads identifiers from stdin and cannot be mixed with identifiers as arguments",
        ));
    }
    if args.column.is_some() && !from_stdin {
        return Err(CliError::usage("`--column` needs `-` (CSV on stdin)"));
    }
    let region = settings.profile.region.clone();
    let by = args.by.map(IdentifierKind::from);
    let parse = move |input: &str| match by {
        Some(kind) => Identifier::normalized(kind, input, region.as_deref())
            .map_err(|e| acctl_api::IdentifierError { input: input.to_owned(), ..e }),
        None => Identifier::parse(input, region.as_deref()),
    };
    if from_stdin {
        let format = match args.column {
            Some(column) => InputFormat::Csv { column },
            None => InputFormat::Lines,
        };
        return lookup_stream(format, parse, settings, ui).await;
    }
    // Arguments are checked before anything is sent: a typo is a usage error.
    let identifiers = args.identifiers.iter().map(|i| parse(i)).collect::<Result<Vec<_>, _>>()?;
    let (client, _) = signed_in_client(settings)?;
    if let [ident] = identifiers.as_slice() {
        return lookup_one(&client, &args.identifiers[0], ident, settings, ui).await;
    }
    let items = args
        .identifiers
        .iter()
        .zip(identifiers)
        .zip(1..)
        .map(|((input, ident), line)| InputItem::new(line, input.trim().to_owned(), Ok(ident)))
        .collect::<Vec<_>>();
    let (tx, rx) = tokio::sync::mpsc::channel(acctl_api::BATCH_LOOKUP_MAX);
    for chunk in items.chunks(acctl_api::BATCH_LOOKUP_MAX) {
        let batch = chunk.to_vec();
        let _ = tx.send(Ok(batch)).await;
    }
    drop(tx);
    let mut writer = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    let summary = pipeline::run(&client, settings.reveal, settings.profile.concurrency, rx, &mut writer, None).await?;
    writer.finish()?;
    if let Some((code, _)) = summary.unanswered.iter().next() {
        return Err(CliError::new(
            ExitStatus::SomeFailed,
            anyhow::anyhow!("some identifiers could not be looked up ({code})"),
        ));
    }
    if summary.not_found > 0 {
        ui.info(format!("{} of {} identifiers matched no account", summary.not_found, summary.lines));
        return Ok(ExitStatus::NotFound);
    }
    Ok(ExitStatus::Success)
}

/// One identifier: one `GET`, the record, or exit 3 when there is no such account.
async fn lookup_one(
    client: &ApiClient,
    input: &str,
    ident: &Identifier,
    settings: &Settings,
    ui: &Ui,
) -> Result<ExitStatus, CliError> {
    let account = crate::recovery::find_account(client, input, ident, settings.reveal).await?;
    let mut writer = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    writer.write(&LookupRecord::found(input.trim().to_owned(), account))?;
    writer.finish()?;
    Ok(ExitStatus::Success)
}

async fn lookup_stream<P>(format: InputFormat, parse: P, settings: &Settings, ui: &Ui) -> Result<ExitStatus, CliError>
where
    P: Fn(&str) -> Result<Identifier, acctl_api::IdentifierError> + Send + 'static,
{
    let (client, _) = signed_in_client(settings)?;
    let mut writer = RecordWriter::new(&settings.output, Shape::Many, ui)?;
    let concurrency = settings.profile.concurrency;
    // The reader only needs to stay a little ahead of the requests in flight.
    let (tx, rx) = tokio::sync::mpsc::channel(2);
    let reading = match format {
        InputFormat::Lines | InputFormat::LookupRecords => {
            "Reading identifiers from stdin, one per line; press Ctrl-D on an empty line to finish."
        }
        InputFormat::Csv { .. } => "Reading CSV from stdin; press Ctrl-D on an empty line to finish.",
    };
    std::thread::Builder::new()
        .name("stdin".into())
        .spawn(move || read_batches(std::io::stdin().lock(), format, parse, acctl_api::BATCH_LOOKUP_MAX, tx))
        .map_err(CliError::unexpected)?;
    // Nothing piped in: the person is expected to type, and a spinner alone
    // would look like a hang. Say what is being read and how to end it; no
    // spinner then, it would draw over what they type.
    let progress = if ui.stdin_is_terminal() {
        ui.info(reading);
        None
    } else {
        ui.progress("looked up")
    };
    let result = pipeline::run(&client, settings.reveal, concurrency, rx, &mut writer, progress.as_ref()).await;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let summary = result?;
    writer.finish()?;
    let unanswered = summary.unanswered_total();
    if unanswered > 0 {
        let by_code = summary.unanswered.iter().map(|(c, n)| format!("{c}: {n}")).collect::<Vec<_>>().join(", ");
        ui.warn(format!("{unanswered} of {} lines could not be answered ({by_code})", summary.lines));
        return Ok(ExitStatus::SomeFailed);
    }
    if summary.lines > 0 {
        tracing::info!(lines = summary.lines, found = summary.found, not_found = summary.not_found, "lookup done");
    }
    Ok(ExitStatus::Success)
}
