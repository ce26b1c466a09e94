//! Sharing from the command line: invites, shared notes, the Markdown vault,
//! calendar imports and the coming 1:1s. Each is a call into the core; bad
//! input is refused before anything is written.

use super::{open, write_private_file, GlobalArgs};
use clap::Args;
use rapport_core::flows::lookup;
use rapport_core::flows::series_import;
use rapport_core::flows::upcoming as coming;
use rapport_core::formats::review::{self, ReviewRequest};
use rapport_core::formats::sharing::{self, NotesFormat};
use rapport_core::formats::vault;
use rapport_core::{Error, ErrorCode, Result, StorePaths};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// Whose recurring 1:1 (else their next 1:1): an id or a name.
    #[arg(
        long,
        value_name = "PERSON",
        required_unless_present = "meeting",
        conflicts_with = "meeting"
    )]
    pub person: Option<String>,
    /// One 1:1 by id.
    #[arg(long, value_name = "MEETING")]
    pub meeting: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SharedArgs {
    /// A 1:1 id, or `last` / `next` with --person.
    #[arg(long, value_name = "MEETING")]
    pub meeting: String,
    /// Whose 1:1 (for `last` / `next`): an id or a name.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// md, html, txt or eml (an e-mail draft with the invite attached).
    #[arg(long, default_value = "md")]
    pub format: String,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct VaultArgs {
    /// A new or empty folder.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Leave out every private field (private notes, prep notes, private highlights).
    #[arg(long)]
    pub shared_only: bool,
}

fn refuse_existing(out: &Path, force: bool) -> Result<()> {
    if out.exists() && !force {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            format!(
                "{} already exists; pass --force to replace it.",
                out.display()
            ),
        ));
    }
    Ok(())
}

pub fn export_ics(global: &GlobalArgs, paths: &StorePaths, args: IcsArgs) -> Result<i32> {
    refuse_existing(&args.out, args.force)?;
    let mut store = open(global, paths)?;
    let artefact = match (&args.person, &args.meeting) {
        (Some(person), None) => {
            let person = lookup::person(&store, person)?;
            sharing::share_person_invite(&mut store, &person.id)?
        }
        (_, Some(meeting)) => {
            let meeting = lookup::meeting(&store, meeting, args.person.as_deref())?;
            sharing::share_meeting_invite(&mut store, &meeting.id)?
        }
        (None, None) => return Err(Error::invalid("Say --person or --meeting.")),
    };
    write_private_file(&args.out, &artefact.bytes, args.force)?;
    eprintln!("Invite written to {}.", args.out.display());
    Ok(0)
}

pub fn export_shared(global: &GlobalArgs, paths: &StorePaths, args: SharedArgs) -> Result<i32> {
    let format: NotesFormat = args.format.parse()?;
    refuse_existing(&args.out, args.force)?;
    let mut store = open(global, paths)?;
    let meeting = lookup::meeting(&store, &args.meeting, args.person.as_deref())?;
    lookup::require_held(&meeting)?;
    let artefact = sharing::share_notes(&mut store, &meeting.id, format)?;
    write_private_file(&args.out, &artefact.bytes, args.force)?;
    eprintln!("Shared notes written to {}.", args.out.display());
    Ok(0)
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Whose review: an id or a name.
    #[arg(long, value_name = "PERSON")]
    pub person: String,
    /// The first day, month, quarter or year (2025-07-01, 2025-07, 2025-Q3,
    /// 2025); without --from and --to, the last full quarter.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day, month, quarter or year, included.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// md or html (printable).
    #[arg(long, default_value = "md")]
    pub format: String,
    /// Leave out every private field (private and prep notes, manager-only
    /// highlights, cancel reasons).
    #[arg(long)]
    pub shareable: bool,
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn export_review(global: &GlobalArgs, paths: &StorePaths, args: ReviewArgs) -> Result<i32> {
    let html = match args.format.to_ascii_lowercase().as_str() {
        "md" | "markdown" => false,
        "html" => true,
        other => {
            return Err(Error::invalid(format!(
                "\"{other}\" is not a review packet format; use md or html."
            )))
        }
    };
    let from = super::period_bound(args.from.as_deref(), "from", true)?;
    let to = super::period_bound(args.to.as_deref(), "to", false)?;
    refuse_existing(&args.out, args.force)?;
    let store = open(global, paths)?;
    let person = lookup::person(&store, &args.person)?;
    let packet = review::build(
        &store,
        &ReviewRequest {
            person_id: person.id,
            from,
            to,
            shareable: Some(args.shareable),
        },
    )?;
    let text = if html {
        review::html(&packet)
    } else {
        review::markdown(&packet)
    };
    write_private_file(&args.out, text.as_bytes(), args.force)?;
    if args.shareable {
        eprintln!(
            "Review packet (shareable version) written to {}.",
            args.out.display()
        );
    } else {
        eprintln!(
            "Review packet written to {}. It holds private notes: keep it to yourself.",
            args.out.display()
        );
    }
    Ok(0)
}

pub fn export_vault(global: &GlobalArgs, paths: &StorePaths, args: VaultArgs) -> Result<i32> {
    let store = open(global, paths)?;
    let count = vault::write(&store, &args.out, args.shared_only)?;
    if args.shared_only {
        eprintln!(
            "Vault written to {} ({count} files, shared notes only).",
            args.out.display()
        );
    } else {
        eprintln!(
            "Vault written to {} ({count} files). It holds your private notes unencrypted: keep it safe.",
            args.out.display()
        );
    }
    Ok(0)
}

pub fn import_ics(
    global: &GlobalArgs,
    paths: &StorePaths,
    file: &Path,
    person: &str,
) -> Result<i32> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Error::io(&format!("Cannot read {}", file.display()), e))?;
    let mut store = open(global, paths)?;
    let person = lookup::person(&store, person)?;
    // A file that names no zone means the manager's own.
    let zone = store.clock().zone().tz();
    let imported = series_import::import_series(&mut store, &person.id, &text, zone)?;
    let s = &imported.series;
    println!(
        "Set up {}'s recurring 1:1 from \"{}\": {} ({}), {} min.",
        person.name,
        imported.source_summary,
        rapport_core::formats::series_text::rhythm(s, store.clock_hours()),
        s.time_zone,
        s.duration_minutes
    );
    if let Some(next) = &imported.next_meeting {
        println!(
            "Next 1:1: {}",
            rapport_core::formats::shared_notes::local_label(
                next.scheduled_start,
                &next.time_zone,
                store.clock_hours()
            )
        );
    }
    Ok(0)
}

pub fn upcoming(global: &GlobalArgs, paths: &StorePaths, days: u32, json: bool) -> Result<i32> {
    let store = open(global, paths)?;
    let list = coming::upcoming(&store, days)?;
    if json {
        let text = serde_json::to_string_pretty(&list)
            .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
        println!("{text}");
        return Ok(0);
    }
    if list.is_empty() {
        println!("No 1:1s in the next {days} days.");
    }
    for entry in &list {
        let reminders: Vec<String> = entry
            .reminders
            .iter()
            .map(|r| r.at.format("%Y-%m-%d %H:%M UTC").to_string())
            .collect();
        println!(
            "{}  {} ({})  {} UTC  {} min  {}{}",
            entry.person_name,
            entry.start_local,
            entry.time_zone,
            entry.start_utc.format("%Y-%m-%d %H:%M"),
            entry.planned_minutes,
            if reminders.is_empty() {
                "no reminders".to_string()
            } else {
                format!("reminders: {}", reminders.join(", "))
            },
            if entry.status == rapport_core::records::meetings::MeetingStatus::InProgress {
                "  (in progress)"
            } else {
                ""
            }
        );
    }
    Ok(0)
}
