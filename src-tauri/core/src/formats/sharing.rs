//! Sharing a 1:1 with the IC: the shared notes as Markdown, a printable HTML
//! page, plain text or an e-mail draft with the next invite attached, and the
//! invite alone. The renderers here take `SharedMeeting` (no private fields)
//! and `ics::Invite` (no notes at all); every share is written to the share log.

use crate::day_text::weekday_day_month_year;
use crate::error::{Error, Result};
use crate::formats::ics;
use crate::formats::markdown;
use crate::formats::shared_notes::{self, local_label, SharedMeeting};
use crate::records::actions::ActionStatus;
use crate::records::meetings::{Meeting, MeetingStatus};
use crate::records::share_log::{ShareFormat, ShareKind};
use crate::store::Store;
use crate::time_of_day::ClockHours;
use chrono::{DateTime, Utc};
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::MessageBuilder;
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use ts_rs::TS;

/// The formats the shared notes come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NotesFormat {
    Md,
    Html,
    Txt,
    Eml,
}

impl std::str::FromStr for NotesFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(NotesFormat::Md),
            "html" => Ok(NotesFormat::Html),
            "txt" | "text" => Ok(NotesFormat::Txt),
            "eml" | "email" => Ok(NotesFormat::Eml),
            other => Err(Error::invalid(format!(
                "\"{other}\" is not a format for shared notes; use md, html, txt or eml."
            ))),
        }
    }
}

impl NotesFormat {
    fn log_format(self) -> ShareFormat {
        match self {
            NotesFormat::Md => ShareFormat::Md,
            NotesFormat::Html => ShareFormat::Html,
            NotesFormat::Txt => ShareFormat::Txt,
            NotesFormat::Eml => ShareFormat::Eml,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            NotesFormat::Md => "md",
            NotesFormat::Html => "html",
            NotesFormat::Txt => "txt",
            NotesFormat::Eml => "eml",
        }
    }
}

/// A file to hand over: what it is called and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artefact {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// How long an e-mail draft waits for the mail app before it is removed.
const DRAFT_KEPT: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Writes an e-mail draft for the mail app to open: in a folder only the
/// manager can read, the file too, whole or not at all. Drafts older than a
/// day are removed first: by then the mail app has its own copy, and shared
/// notes should not pile up in a cache folder.
pub fn save_draft(dir: &std::path::Path, draft: &Artefact) -> Result<std::path::PathBuf> {
    use std::io::Write as _;
    std::fs::create_dir_all(dir)
        .and_then(|()| crate::store::owner_only(dir))
        .map_err(|e| Error::io("Cannot create the drafts folder", e))?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|at| at.elapsed().ok())
                .is_some_and(|age| age > DRAFT_KEPT);
            if old {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let path = dir.join(&draft.file_name);
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("Cannot write the draft", e))?;
    tmp.write_all(&draft.bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::io("Cannot write the draft", e))?;
    // A named temporary file is created owner-only already.
    tmp.persist(&path)
        .map_err(|e| Error::io("Cannot write the draft", e.error))?;
    Ok(path)
}

/// What "Copy shared notes" puts on the clipboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ClipboardContent {
    pub markdown: String,
    pub html: String,
}

/// Addresses of an e-mail draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub to_name: String,
    pub to_email: Option<String>,
    pub from_name: String,
    pub from_email: Option<String>,
    pub date: DateTime<Utc>,
    pub message_id: String,
}

/// The shareable view of a held 1:1 with the next 1:1 it names.
pub struct SharedContext {
    pub shared: SharedMeeting,
    pub person_id: String,
    pub person_email: Option<String>,
    pub manager_email: Option<String>,
    pub next_meeting_id: Option<String>,
    /// The series of the held 1:1, whose invite goes along when no next 1:1 is set.
    pub series_id: Option<String>,
}

/// The person's next scheduled 1:1 after the given one.
fn next_after(store: &Store, meeting: &Meeting) -> Result<Option<Meeting>> {
    let now = store.clock().now();
    Ok(store
        .schedule()
        .current_or_next(&meeting.person_id, now.max(meeting.scheduled_start))?
        .filter(|m| {
            m.id != meeting.id
                && m.status == MeetingStatus::Scheduled
                && m.scheduled_start > meeting.scheduled_start
        }))
}

pub fn context(store: &Store, meeting_id: &str) -> Result<SharedContext> {
    let meeting = store.schedule().get_meeting(meeting_id)?;
    let person = store.people().get(&meeting.person_id)?;
    let settings = store.settings().get()?;
    let items = store.actions().of_meeting(&meeting.id)?;
    let next = next_after(store, &meeting)?;
    Ok(SharedContext {
        shared: SharedMeeting::new(
            &person.name,
            &settings.manager_name,
            &meeting,
            &items,
            next.as_ref(),
        )
        .with_topics(&store.topics().discussed_in(&meeting.id)?),
        person_id: person.id,
        person_email: person.email.filter(|e| !e.trim().is_empty()),
        manager_email: settings.manager_email.filter(|e| !e.trim().is_empty()),
        next_meeting_id: next.map(|m| m.id),
        series_id: meeting.series_id.clone(),
    })
}

fn first(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn title(shared: &SharedMeeting) -> String {
    format!(
        "1:1 {} / {}",
        first(&shared.manager_name),
        first(&shared.person_name)
    )
}

fn when(shared: &SharedMeeting, hours: ClockHours) -> String {
    let label = local_label(shared.start, &shared.time_zone, hours);
    match shared.duration_minutes {
        Some(m) => format!("{label} ({}) · {m} min", shared.time_zone),
        None => format!("{label} ({})", shared.time_zone),
    }
}

fn action_line(item: &crate::formats::shared_notes::SharedAction) -> String {
    let due = item
        .due_on
        .map(|d| format!("due {}", weekday_day_month_year(&d)))
        .unwrap_or_else(|| "ongoing".into());
    let status = match item.status {
        ActionStatus::Open | ActionStatus::Done => String::new(),
        ActionStatus::Partial => " (partly done)".into(),
        ActionStatus::Escalated => " (escalated)".into(),
        ActionStatus::Dropped => " (dropped)".into(),
    };
    format!("{} — {}, {due}{status}", item.title, item.owner_name)
}

/// The shared notes as plain text.
pub fn text(shared: &SharedMeeting, hours: ClockHours) -> String {
    let mut out = String::new();
    let heading = title(shared);
    let _ = writeln!(out, "{heading}\n{}\n", "=".repeat(heading.chars().count()));
    let _ = writeln!(out, "{}", when(shared, hours));
    if let Some(topic) = &shared.topic {
        let _ = writeln!(out, "Topic: {topic}");
    }
    if !shared.agenda.is_empty() {
        out.push_str("\nAgenda\n------\n");
        for item in &shared.agenda {
            let _ = writeln!(
                out,
                "[{}] {}",
                if item.covered { "x" } else { " " },
                item.title
            );
        }
    }
    if !shared.topics.is_empty() {
        out.push_str("\nTopics discussed\n----------------\n");
        for topic in &shared.topics {
            let _ = writeln!(out, "- {topic}");
        }
    }
    out.push_str("\nNotes\n-----\n");
    if shared.notes.trim().is_empty() {
        out.push_str("No notes.\n");
    } else {
        out.push_str(&markdown::to_text(&shared.notes));
    }
    out.push_str("\nAction items\n------------\n");
    if shared.action_items.is_empty() {
        out.push_str("None.\n");
    }
    for item in &shared.action_items {
        let done = item.status == ActionStatus::Done;
        let _ = writeln!(
            out,
            "[{}] {}",
            if done { "x" } else { " " },
            action_line(item)
        );
    }
    if let (Some(next), Some(zone)) = (shared.next_start, &shared.next_time_zone) {
        let _ = writeln!(
            out,
            "\nNext 1:1: {} ({zone})",
            local_label(next, zone, hours)
        );
    }
    out
}

const PRINT_CSS: &str =
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2430;\
max-width:42rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:0 0 .25rem}\
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}\
h3{font-size:1rem;margin:1rem 0 .25rem}.when{color:#5a6475;margin:0}ul{padding-left:1.25rem}\
li{margin:.15rem 0}.done{color:#5a6475}.owner{color:#5a6475}\
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #d8dde6;color:#5a6475}\
@media print{body{margin:0;max-width:none}a{color:inherit}}";

fn check_mark(done: bool) -> &'static str {
    if done {
        "☑"
    } else {
        "☐"
    }
}

/// The shared notes as one self-contained, printable HTML page.
pub fn html(shared: &SharedMeeting, hours: ClockHours) -> String {
    let heading = title(shared);
    let body = maud::html! {
        h1 { (heading) }
        p.when { (when(shared, hours)) }
        @if let Some(topic) = &shared.topic {
            p { "Topic: " (topic) }
        }
        @if !shared.agenda.is_empty() {
            h2 { "Agenda" }
            ul {
                @for item in &shared.agenda {
                    li class=[item.covered.then_some("done")] {
                        (check_mark(item.covered)) " " (item.title)
                    }
                }
            }
        }
        @if !shared.topics.is_empty() {
            h2 { "Topics discussed" }
            ul {
                @for topic in &shared.topics {
                    li { (topic) }
                }
            }
        }
        h2 { "Notes" }
        @if shared.notes.trim().is_empty() {
            p { em { "No notes." } }
        } @else {
            (maud::PreEscaped(markdown::to_html(&shared.notes)))
        }
        h2 { "Action items" }
        @if shared.action_items.is_empty() {
            p { em { "None." } }
        } @else {
            ul {
                @for item in &shared.action_items {
                    @let done = item.status == ActionStatus::Done;
                    li class=[done.then_some("done")] {
                        (check_mark(done)) " " (action_line(item))
                    }
                }
            }
        }
        @if let (Some(next), Some(zone)) = (shared.next_start, &shared.next_time_zone) {
            h2 { "Next 1:1" }
            p { (local_label(next, zone, hours)) " (" (zone) ")" }
        }
    };
    markdown::page(&heading, PRINT_CSS, body)
}

/// An e-mail draft (RFC 5322, MIME): text and HTML alternatives, and the
/// invite for the next 1:1 attached as `text/calendar`. `X-Unsent: 1` makes
/// mail clients open it as a draft to review and send.
pub fn eml(
    shared: &SharedMeeting,
    hours: ClockHours,
    envelope: &Envelope,
    invite: Option<(&str, ics::Method)>,
) -> Result<Vec<u8>> {
    let subject = format!(
        "Notes from our 1:1 ({})",
        local_label(shared.start, &shared.time_zone, hours)
    );
    mail_draft(
        envelope,
        subject,
        text(shared, hours),
        Some(html(shared, hours)),
        invite,
    )
}

/// An e-mail draft of any kind: the plain text body (with an HTML
/// alternative when given) and an invite attached as `text/calendar`.
pub(crate) fn mail_draft(
    envelope: &Envelope,
    subject: String,
    text_body: String,
    html_body: Option<String>,
    invite: Option<(&str, ics::Method)>,
) -> Result<Vec<u8>> {
    // Date comes first: desktops that type a file by its content (file(1),
    // behind xdg-open) then see an e-mail and give it to the mail app.
    let mut message = MessageBuilder::new()
        .date(envelope.date.timestamp())
        .header("X-Unsent", Raw::new("1"))
        .message_id(envelope.message_id.clone())
        .subject(subject)
        .text_body(text_body);
    if let Some(html_body) = html_body {
        message = message.html_body(html_body);
    }
    if let Some(to) = &envelope.to_email {
        message = message.to((envelope.to_name.clone(), to.clone()));
    }
    if let Some(from) = &envelope.from_email {
        message = message.from((envelope.from_name.clone(), from.clone()));
    }
    if let Some((calendar, method)) = invite {
        message = message.attachment(
            ContentType::new("text/calendar")
                .attribute("method", method.as_str())
                .attribute("charset", "utf-8"),
            "invite.ics",
            calendar.to_string(),
        );
    }
    message
        .write_to_vec()
        .map_err(|e| Error::io("Cannot build the e-mail draft", e))
}

fn file_stem(shared: &SharedMeeting) -> String {
    let date = shared.time_zone.day_of(shared.start);
    let name: String = first(&shared.person_name)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    format!("1-1 {name} {date}")
}

/// The shared notes of a meeting in one format, without logging.
pub fn render(store: &Store, meeting_id: &str, format: NotesFormat) -> Result<Artefact> {
    let ctx = context(store, meeting_id)?;
    render_context(store, &ctx, meeting_id, format)
}

fn render_context(
    store: &Store,
    ctx: &SharedContext,
    meeting_id: &str,
    format: NotesFormat,
) -> Result<Artefact> {
    let hours = store.clock_hours();
    let bytes = match format {
        NotesFormat::Md => shared_notes::markdown(&ctx.shared, hours).into_bytes(),
        NotesFormat::Html => html(&ctx.shared, hours).into_bytes(),
        NotesFormat::Txt => text(&ctx.shared, hours).into_bytes(),
        NotesFormat::Eml => {
            let invite = match (&ctx.next_meeting_id, &ctx.series_id) {
                (Some(id), _) => Some(ics::meeting_invite(store, id)?),
                (None, Some(series)) => Some(ics::series_invite(store, series)?),
                (None, None) => None,
            };
            let invite = match invite {
                Some(invite) => Some((ics::render(&invite)?, invite.method)),
                None => None,
            };
            let now = store.clock().now();
            let envelope = Envelope {
                to_name: ctx.shared.person_name.clone(),
                to_email: ctx.person_email.clone(),
                from_name: ctx.shared.manager_name.clone(),
                from_email: ctx.manager_email.clone(),
                date: now,
                message_id: format!("{}.{}@rapport", meeting_id, now.timestamp()),
            };
            eml(
                &ctx.shared,
                hours,
                &envelope,
                invite
                    .as_ref()
                    .map(|(text, method)| (text.as_str(), *method)),
            )?
        }
    };
    Ok(Artefact {
        file_name: format!("{}.{}", file_stem(&ctx.shared), format.extension()),
        bytes,
    })
}

fn recipient(name: &str, email: Option<&str>) -> String {
    match email {
        Some(e) => format!("{name} <{e}>"),
        None => name.to_string(),
    }
}

/// The shared notes of a held 1:1, recorded in the share log.
pub fn share_notes(store: &mut Store, meeting_id: &str, format: NotesFormat) -> Result<Artefact> {
    let ctx = context(store, meeting_id)?;
    let artefact = render_context(store, &ctx, meeting_id, format)?;
    log_notes_share(store, &ctx, meeting_id, format.log_format())?;
    Ok(artefact)
}

/// Markdown and HTML of the shared notes for the clipboard, recorded in the share log.
pub fn clipboard(store: &mut Store, meeting_id: &str) -> Result<ClipboardContent> {
    let ctx = context(store, meeting_id)?;
    let hours = store.clock_hours();
    let content = ClipboardContent {
        markdown: shared_notes::markdown(&ctx.shared, hours),
        html: html(&ctx.shared, hours),
    };
    log_notes_share(store, &ctx, meeting_id, ShareFormat::Clipboard)?;
    Ok(content)
}

/// Logs a copy of a meeting's notes that the window made itself: the
/// session's Markdown with the private notes the manager confirmed sharing.
/// It is a share like any other, so it is in the share log too.
pub fn record_copy(store: &mut Store, meeting_id: &str) -> Result<()> {
    let ctx = context(store, meeting_id)?;
    log_notes_share(store, &ctx, meeting_id, ShareFormat::Clipboard)
}

/// Every share of a meeting's notes goes through here into the share log.
fn log_notes_share(
    store: &mut Store,
    ctx: &SharedContext,
    meeting_id: &str,
    format: ShareFormat,
) -> Result<()> {
    let now = store.clock().now();
    store.write(|s| {
        s.share_log().record(
            &ctx.person_id,
            Some(meeting_id),
            ShareKind::Notes,
            format,
            &recipient(&ctx.shared.person_name, ctx.person_email.as_deref()),
            now,
        )
    })
}

fn log_invite(
    store: &mut Store,
    invite: &ics::Invite,
    person_id: &str,
    meeting_id: Option<&str>,
) -> Result<()> {
    let now = store.clock().now();
    let who = recipient(
        &invite.parties.person_name,
        invite.parties.person_email.as_deref(),
    );
    store.write(|s| {
        s.share_log().record(
            person_id,
            meeting_id,
            ShareKind::Invite,
            ShareFormat::Ics,
            &who,
            now,
        )
    })
}

/// The invite for a 1:1 as an .ics file, recorded in the share log.
pub fn share_meeting_invite(store: &mut Store, meeting_id: &str) -> Result<Artefact> {
    let meeting = store.schedule().get_meeting(meeting_id)?;
    let invite = ics::meeting_invite(store, meeting_id)?;
    let text = ics::render(&invite)?;
    log_invite(store, &invite, &meeting.person_id, Some(meeting_id))?;
    Ok(Artefact {
        file_name: "invite.ics".into(),
        bytes: text.into_bytes(),
    })
}

/// The invite for a person's 1:1s (their series, else their next 1:1),
/// recorded in the share log.
pub fn share_person_invite(store: &mut Store, person_id: &str) -> Result<Artefact> {
    let invite = ics::person_invite(store, person_id)?;
    let text = ics::render(&invite)?;
    let now = store.clock().now();
    let meeting_id = store
        .schedule()
        .current_or_next(person_id, now)?
        .map(|m| m.id);
    log_invite(store, &invite, person_id, meeting_id.as_deref())?;
    Ok(Artefact {
        file_name: "invite.ics".into(),
        bytes: text.into_bytes(),
    })
}
