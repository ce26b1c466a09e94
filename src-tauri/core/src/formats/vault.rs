//! The Markdown vault export: one folder per person with a running document
//! (YAML front matter, focus areas, ongoing threads, action items mine and
//! theirs, accomplishments, meeting history) and one file per 1:1, linked with
//! [[wikilinks]] so the folder opens as an Obsidian vault.
//!
//! The running document and the meeting files are rendered from view types
//! without private fields (`RunningDoc`, `SharedMeeting`). The full export
//! adds the manager-only text afterwards, in sections of its own; the
//! shared-only export never builds them.

use crate::error::Result;
use crate::formats::shared_notes::{self, local_label, SharedMeeting};
use crate::records::actions::{ActionItem, ActionStatus, Owner};
use crate::records::feedback::{Feedback, FeedbackStatus, FeedbackTone};
use crate::records::growth::{CheckpointStatus, GrowthPlan, PlanStatus};
use crate::records::highlights::HighlightKind;
use crate::records::meetings::{Meeting, MeetingStatus};
use crate::records::moods::MoodCheck;
use crate::records::people::{Cadence, Person};
use crate::records::topics::{RaisedBy, Topic};
use crate::store::Store;
use crate::time_of_day::ClockHours;
use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::PathBuf;
use ts_rs::TS;

/// One file of the vault, relative to its root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultFile {
    pub path: PathBuf,
    pub contents: String,
}

/// An action item as the running document lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocAction {
    pub title: String,
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    pub changed_on: NaiveDate,
}

/// One line of the meeting history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    pub date: NaiveDate,
    pub link: String,
    pub summary: String,
}

/// The running document of a person, shareable parts only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningDoc {
    pub person_name: String,
    pub role: String,
    pub frequency: Cadence,
    pub started: Option<NaiveDate>,
    pub focus_areas: Vec<String>,
    pub topics: Vec<(NaiveDate, String)>,
    pub concerns: Vec<(NaiveDate, String)>,
    pub mine: Vec<DocAction>,
    pub theirs: Vec<DocAction>,
    pub accomplishments: Vec<(NaiveDate, String)>,
    pub history: Vec<HistoryLine>,
    pub next: Option<String>,
}

fn yaml_string(text: &str) -> String {
    let needs_quotes = text.is_empty()
        || text.contains([
            ':', '#', '"', '\'', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`',
        ])
        || text.starts_with([' ', '-', '?'])
        || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        text.to_string()
    }
}

fn cadence_label(c: Cadence) -> &'static str {
    match c {
        Cadence::Weekly => "Weekly",
        Cadence::Biweekly => "Biweekly",
        Cadence::Monthly => "Monthly",
    }
}

fn first(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The running document in the shape of a running 1:1 file.
pub fn render_running_doc(doc: &RunningDoc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "---");
    let _ = writeln!(out, "person: {}", yaml_string(&doc.person_name));
    let _ = writeln!(out, "role: {}", yaml_string(&doc.role));
    let _ = writeln!(out, "frequency: {}", cadence_label(doc.frequency));
    match doc.started {
        Some(d) => {
            let _ = writeln!(out, "started: {d}");
        }
        None => {
            let _ = writeln!(out, "started:");
        }
    }
    let _ = writeln!(out, "---\n");
    let _ = writeln!(out, "# 1:1 with {}\n", doc.person_name);

    out.push_str("## Current Focus Areas\n");
    if doc.focus_areas.is_empty() {
        out.push_str("- _None recorded._\n");
    }
    for area in &doc.focus_areas {
        let _ = writeln!(out, "- {}", one_line(area));
    }
    if let Some(next) = &doc.next {
        let _ = writeln!(out, "\nNext 1:1: {next}");
    }

    out.push_str("\n## Ongoing Threads\n");
    if doc.topics.is_empty() && doc.concerns.is_empty() {
        out.push_str("- _None yet._\n");
    }
    if !doc.topics.is_empty() {
        out.push_str("\n### Topics Raised\n");
        for (date, topic) in &doc.topics {
            let _ = writeln!(out, "- {date}: {}", one_line(topic));
        }
    }
    if !doc.concerns.is_empty() {
        out.push_str("\n### Concerns\n");
        for (date, text) in &doc.concerns {
            let _ = writeln!(out, "- {date}: {}", one_line(text));
        }
    }

    out.push_str("\n## Action Items\n");
    let list = |out: &mut String, items: &[DocAction]| {
        if items.is_empty() {
            out.push_str("- _None._\n");
        }
        for item in items {
            let title = one_line(&item.title);
            let line = match item.status {
                ActionStatus::Done => format!("- [x] {title} (completed {})", item.changed_on),
                ActionStatus::Dropped => format!("- [x] ~~{title}~~ (dropped {})", item.changed_on),
                status => {
                    let mut l = format!("- [ ] {title}");
                    if let Some(due) = item.due_on {
                        let _ = write!(l, " (by {due})");
                    }
                    match status {
                        ActionStatus::Partial => l.push_str(" — partly done"),
                        ActionStatus::Escalated => l.push_str(" — escalated"),
                        _ => {}
                    }
                    l
                }
            };
            let _ = writeln!(out, "{line}");
        }
    };
    out.push_str("\n### My Actions\n");
    list(&mut out, &doc.mine);
    let _ = writeln!(out, "\n### {}'s Actions", first(&doc.person_name));
    list(&mut out, &doc.theirs);

    out.push_str("\n## Recent Accomplishments Shared\n");
    if doc.accomplishments.is_empty() {
        out.push_str("- _None yet._\n");
    }
    for (date, text) in &doc.accomplishments {
        let _ = writeln!(out, "- {date}: {}", one_line(text));
    }

    out.push_str("\n## Meeting History\n");
    if doc.history.is_empty() {
        out.push_str("- _No 1:1s yet._\n");
    }
    for line in &doc.history {
        if line.summary.is_empty() {
            let _ = writeln!(out, "- [[{}|{}]]", line.link, line.date);
        } else {
            let _ = writeln!(out, "- [[{}|{}]]: {}", line.link, line.date, line.summary);
        }
    }
    out
}

/// A meeting file: front matter, a link back, and the shared notes.
pub fn render_meeting(
    shared: &SharedMeeting,
    status: MeetingStatus,
    doc_link: &str,
    hours: ClockHours,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "---");
    let _ = writeln!(out, "person: {}", yaml_string(&shared.person_name));
    let _ = writeln!(out, "date: {}", shared.time_zone.day_of(shared.start));
    let _ = writeln!(out, "status: {}", status.as_str());
    if let Some(m) = shared.duration_minutes {
        let _ = writeln!(out, "duration_minutes: {m}");
    }
    let _ = writeln!(out, "---\n");
    let _ = writeln!(out, "Back to [[{doc_link}]]\n");
    if status == MeetingStatus::Cancelled {
        let _ = writeln!(
            out,
            "# Cancelled 1:1 ({})\n",
            local_label(shared.start, &shared.time_zone, hours)
        );
        return out;
    }
    out.push_str(&shared_notes::markdown(shared, hours));
    out
}

/// A file or folder name that every platform accepts.
fn safe_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '^' | '[' | ']' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim().to_string();
    if cleaned.is_empty() {
        fallback.to_string()
    } else {
        cleaned
    }
}

fn doc_action(item: &ActionItem, zone: Zone) -> DocAction {
    DocAction {
        title: item.title.clone(),
        due_on: item.due_on,
        status: item.status,
        changed_on: zone.day_of(item.updated_at),
    }
}

fn history_summary(meeting: &Meeting) -> String {
    if meeting.status == MeetingStatus::Cancelled {
        return "cancelled".into();
    }
    if let Some(topic) = &meeting.topic {
        return one_line(topic);
    }
    let covered: Vec<&str> = meeting
        .agenda
        .iter()
        .filter(|a| a.done)
        .map(|a| a.title.as_str())
        .collect();
    covered.join(", ")
}

/// Every file of the vault. With `shared_only`, no private field is read
/// into anything rendered.
pub fn build(store: &Store, shared_only: bool) -> Result<Vec<VaultFile>> {
    let now = store.clock().now();
    let settings = store.settings().get()?;
    let zone = store.clock().zone();
    let mut meetings_by_person: HashMap<String, Vec<Meeting>> = HashMap::new();
    for m in store.schedule().list_meetings()? {
        meetings_by_person
            .entry(m.person_id.clone())
            .or_default()
            .push(m);
    }
    let mut actions_by_person: HashMap<String, Vec<ActionItem>> = HashMap::new();
    for a in store.actions().list()? {
        actions_by_person
            .entry(a.person_id.clone())
            .or_default()
            .push(a);
    }
    let mut highlights_by_person: HashMap<String, Vec<crate::records::highlights::Highlight>> =
        HashMap::new();
    for h in store.highlights().list()? {
        highlights_by_person
            .entry(h.person_id.clone())
            .or_default()
            .push(h);
    }
    let mut files = Vec::new();
    let mut used_folders: Vec<String> = Vec::new();
    for person in store.people().list()? {
        let mut folder = safe_name(&person.name, &person.id);
        if used_folders.iter().any(|f| f.eq_ignore_ascii_case(&folder)) {
            folder = format!(
                "{folder} ({})",
                &person.id[person.id.len().saturating_sub(6)..]
            );
        }
        used_folders.push(folder.clone());
        let meetings = meetings_by_person.remove(&person.id).unwrap_or_default();
        let actions = actions_by_person.remove(&person.id).unwrap_or_default();
        let highlights = highlights_by_person.remove(&person.id).unwrap_or_default();
        files.extend(person_files(
            store,
            &person,
            &settings.manager_name,
            &folder,
            &meetings,
            &actions,
            &highlights,
            zone,
            now,
            shared_only,
        )?);
    }
    Ok(files)
}

#[allow(clippy::too_many_arguments)]
fn person_files(
    store: &Store,
    person: &Person,
    manager_name: &str,
    folder: &str,
    meetings: &[Meeting],
    actions: &[ActionItem],
    highlights: &[crate::records::highlights::Highlight],
    zone: Zone,
    now: DateTime<Utc>,
    shared_only: bool,
) -> Result<Vec<VaultFile>> {
    let mut files = Vec::new();
    let doc_name = safe_name(&person.name, &person.id);
    let doc_link = format!("{folder}/{doc_name}");
    let held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            matches!(
                m.status,
                MeetingStatus::Completed | MeetingStatus::Cancelled
            )
        })
        .collect();
    let next = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Scheduled && m.scheduled_start >= now)
        .min_by_key(|m| m.scheduled_start);
    let person_topics = store.topics().of_person(&person.id)?;
    let mut history = Vec::new();
    let mut names_used: HashMap<String, u32> = HashMap::new();
    for meeting in held.iter().rev() {
        let date = meeting.time_zone.day_of(meeting.scheduled_start);
        let base = format!("{date} {}", safe_name(&person.name, &person.id));
        let count = names_used.entry(base.clone()).or_insert(0);
        *count += 1;
        let name = if *count == 1 {
            base
        } else {
            format!("{base} ({count})")
        };
        let link = format!("{folder}/meetings/{name}");
        let items: Vec<ActionItem> = actions
            .iter()
            .filter(|a| a.meeting_id.as_deref() == Some(meeting.id.as_str()))
            .cloned()
            .collect();
        let following = meetings
            .iter()
            .filter(|m| {
                m.scheduled_start > meeting.scheduled_start && m.status != MeetingStatus::Cancelled
            })
            .min_by_key(|m| m.scheduled_start);
        let discussed: Vec<Topic> = person_topics
            .iter()
            .filter(|t| t.discussed_in.as_deref() == Some(meeting.id.as_str()))
            .cloned()
            .collect();
        let shared = SharedMeeting::new(&person.name, manager_name, meeting, &items, following)
            .with_topics(&discussed);
        let mut contents = render_meeting(&shared, meeting.status, &doc_link, store.clock_hours());
        if !shared_only {
            contents.push_str(&private_meeting_sections(meeting));
            let private: Vec<&str> = discussed
                .iter()
                .filter_map(|t| t.private_text.as_deref())
                .collect();
            if !private.is_empty() {
                contents.push_str("\n## Private topics discussed (manager only)\n\n");
                for topic in private {
                    let _ = writeln!(contents, "- {}", one_line(topic));
                }
            }
        }
        files.push(VaultFile {
            path: PathBuf::from(folder)
                .join("meetings")
                .join(format!("{name}.md")),
            contents,
        });
        history.push(HistoryLine {
            date,
            link,
            summary: history_summary(meeting),
        });
    }
    history.reverse();
    let started = person.start_date.or_else(|| {
        held.iter()
            .filter(|m| m.status == MeetingStatus::Completed)
            .map(|m| m.time_zone.day_of(m.scheduled_start))
            .min()
    });
    let mut topics: Vec<(NaiveDate, String)> = held
        .iter()
        .filter_map(|m| {
            m.topic
                .clone()
                .map(|t| (m.time_zone.day_of(m.scheduled_start), t))
        })
        .collect();
    topics.sort_by_key(|t| std::cmp::Reverse(t.0));
    let shareable = |kinds: &[HighlightKind]| -> Vec<(NaiveDate, String)> {
        let mut v: Vec<(NaiveDate, String)> = highlights
            .iter()
            .filter(|h| kinds.contains(&h.kind))
            .filter_map(|h| h.text.clone().map(|t| (h.occurred_on, t)))
            .collect();
        v.sort_by_key(|t| std::cmp::Reverse(t.0));
        v
    };
    let sort_actions = |owner: Owner| -> Vec<DocAction> {
        let mut items: Vec<&ActionItem> = actions.iter().filter(|a| a.owner == owner).collect();
        items.sort_by(|a, b| {
            b.status
                .is_open()
                .cmp(&a.status.is_open())
                .then(a.due_on.cmp(&b.due_on))
                .then(b.updated_at.cmp(&a.updated_at))
        });
        items.into_iter().map(|a| doc_action(a, zone)).collect()
    };
    let doc = RunningDoc {
        person_name: person.name.clone(),
        role: person.role.clone(),
        frequency: person.effective_cadence(),
        started,
        focus_areas: person.focus_areas.clone(),
        topics,
        concerns: shareable(&[HighlightKind::Concern]),
        mine: sort_actions(Owner::Manager),
        theirs: sort_actions(Owner::Ic),
        accomplishments: shareable(&[HighlightKind::Win, HighlightKind::Accomplishment]),
        history,
        next: next.map(|m| {
            format!(
                "{} ({})",
                local_label(m.scheduled_start, &m.time_zone, store.clock_hours()),
                m.time_zone
            )
        }),
    };
    let mut contents = render_running_doc(&doc);
    contents.push_str(&open_topics_section(&person_topics, shared_only));
    contents.push_str(&growth_section(
        &store.growth_plans().of_person(&person.id)?,
        shared_only,
    ));
    contents.push_str(&feedback_section(
        &store.feedback().of_person(&person.id)?,
        shared_only,
    ));
    contents.push_str(&mood_section(
        &store.moods().of_person(&person.id, None)?,
        shared_only,
    ));
    if !shared_only {
        contents.push_str(&private_highlight_section(highlights));
    }
    files.insert(
        0,
        VaultFile {
            path: PathBuf::from(folder).join(format!("{doc_name}.md")),
            contents,
        },
    );
    Ok(files)
}

/// Manager-only text of a meeting, for the full export only.
fn private_meeting_sections(meeting: &Meeting) -> String {
    let mut out = String::new();
    if let Some(reason) = meeting
        .cancel_reason
        .as_deref()
        .filter(|r| !r.trim().is_empty())
    {
        let _ = writeln!(out, "\nCancelled because: {}", one_line(reason));
    }
    if !meeting.private_prep_notes.trim().is_empty() {
        let _ = writeln!(
            out,
            "\n## Prep notes (manager only)\n\n{}",
            meeting.private_prep_notes.trim_end()
        );
    }
    if !meeting.private_notes.trim().is_empty() {
        let _ = writeln!(
            out,
            "\n## Private notes (manager only)\n\n{}",
            meeting.private_notes.trim_end()
        );
    }
    out
}

/// The topics still to raise; a manager-only topic is in the full export only.
fn open_topics_section(topics: &[Topic], shared_only: bool) -> String {
    let open: Vec<&Topic> = topics
        .iter()
        .filter(|t| t.discussed_at.is_none() && (!shared_only || !t.is_private()))
        .collect();
    if open.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Topics to raise\n\n");
    for topic in open {
        let whose = match topic.raised_by {
            RaisedBy::Mine => "mine",
            RaisedBy::Theirs => "theirs",
        };
        let private = if topic.is_private() {
            ", manager only"
        } else {
            ""
        };
        let _ = writeln!(out, "- {} ({whose}{private})", one_line(topic.wording()));
    }
    out
}

/// Growth plans with their checkpoints; a manager-only plan is in the full
/// export only, marked so.
fn growth_section(plans: &[GrowthPlan], shared_only: bool) -> String {
    let mut out = String::new();
    for plan in plans {
        let (text, private) = match (&plan.plan, &plan.private_plan) {
            (Some(t), _) => (t, false),
            (None, Some(t)) if !shared_only => (t, true),
            _ => continue,
        };
        if out.is_empty() {
            out.push_str("\n## Growth plans\n");
        }
        let status = match plan.status {
            PlanStatus::Active => "active",
            PlanStatus::Achieved => "achieved",
            PlanStatus::Dropped => "dropped",
        };
        let _ = writeln!(
            out,
            "\n### {} ({status}{})\n",
            one_line(&text.goal),
            if private { ", manager only" } else { "" }
        );
        if !text.support.is_empty() {
            let _ = writeln!(out, "- Support: {}", one_line(&text.support));
        }
        if !text.evidence.is_empty() {
            let _ = writeln!(out, "- Evidence: {}", one_line(&text.evidence));
        }
        for c in &text.checkpoints {
            let mark = match c.status {
                CheckpointStatus::Pending => " ",
                CheckpointStatus::Met => "x",
                CheckpointStatus::Missed => "-",
            };
            let _ = writeln!(out, "- [{mark}] {} — {}", c.due_on, one_line(&c.title));
        }
    }
    out
}

/// Feedback given (planned feedback is the manager's draft and stays out);
/// manager-only feedback is in the full export only.
fn feedback_section(feedback: &[Feedback], shared_only: bool) -> String {
    let mut out = String::new();
    for f in feedback
        .iter()
        .filter(|f| f.status == FeedbackStatus::Given)
    {
        let (words, private) = match (&f.sbi, &f.private_sbi) {
            (Some(w), _) => (w, false),
            (None, Some(w)) if !shared_only => (w, true),
            _ => continue,
        };
        if out.is_empty() {
            out.push_str("\n## Feedback given\n\n");
        }
        let tone = match f.tone {
            FeedbackTone::Positive => "positive",
            FeedbackTone::Constructive => "constructive",
        };
        let _ = writeln!(
            out,
            "- {} ({tone}{}): {} {} {}{}",
            f.given_on.map(|d| d.to_string()).unwrap_or_default(),
            if private { ", manager only" } else { "" },
            one_line(&words.situation),
            one_line(&words.behaviour),
            one_line(&words.impact),
            words
                .request
                .as_deref()
                .map(|r| format!(" Request: {}", one_line(r)))
                .unwrap_or_default()
        );
    }
    out
}

/// Mood check-ins: manager-only ones (the default) in the full export only.
fn mood_section(moods: &[MoodCheck], shared_only: bool) -> String {
    let mut out = String::new();
    for m in moods.iter().rev() {
        let (mood, private) = match (&m.mood, &m.private_mood) {
            (Some(v), _) => (v, false),
            (None, Some(v)) if !shared_only => (v, true),
            _ => continue,
        };
        if out.is_empty() {
            out.push_str("\n## Mood check-ins\n\n");
        }
        let _ = writeln!(
            out,
            "- {}: {}/10{}{}",
            m.recorded_on,
            mood.score,
            mood.word
                .as_deref()
                .map(|w| format!(" ({})", one_line(w)))
                .unwrap_or_default(),
            if private { ", manager only" } else { "" }
        );
    }
    out
}

/// Manager-only highlights, for the full export only.
fn private_highlight_section(highlights: &[crate::records::highlights::Highlight]) -> String {
    let mut private: Vec<(NaiveDate, HighlightKind, &str)> = highlights
        .iter()
        .filter_map(|h| {
            h.private_text
                .as_deref()
                .map(|t| (h.occurred_on, h.kind, t))
        })
        .collect();
    if private.is_empty() {
        return String::new();
    }
    private.sort_by_key(|t| std::cmp::Reverse(t.0));
    let mut out = String::from("\n## Private Highlights (manager only)\n");
    for (date, kind, text) in private {
        let _ = writeln!(out, "- {date} ({}): {}", kind.as_str(), one_line(text));
    }
    out
}

/// How far a task of Settings → Data has got, for the window's progress bar:
/// nothing counted yet (0 of 0) once it started, then a vault's files written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct VaultProgress {
    pub done: u32,
    pub total: u32,
}

/// A vault written from the window: where, and how many files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VaultWritten {
    pub folder: String,
    pub files: u32,
}

/// Writes the vault under `dir`, which must be empty or not exist yet.
pub fn write(store: &Store, dir: &std::path::Path, shared_only: bool) -> Result<usize> {
    write_reporting(store, dir, shared_only, &mut |_| {})
}

/// `write`, saying after each file how many of how many are written.
pub fn write_reporting(
    store: &Store,
    dir: &std::path::Path,
    shared_only: bool,
    progress: &mut dyn FnMut(VaultProgress),
) -> Result<usize> {
    use crate::error::Error;
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| Error::io(&format!("Cannot read {}", dir.display()), e))?;
        if entries.next().is_some() {
            return Err(Error::invalid(format!(
                "{} is not empty; choose a new or empty folder for the vault.",
                dir.display()
            )));
        }
    }
    let files = build(store, shared_only)?;
    let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
    for (done, file) in (1..).zip(&files) {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(&format!("Cannot create {}", parent.display()), e))?;
        }
        write_private(&path, file.contents.as_bytes())?;
        progress(VaultProgress { done, total });
    }
    Ok(files.len())
}

/// A file only its owner can read: the vault may hold private notes.
fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| crate::error::Error::io(&format!("Cannot write {}", path.display()), e))?;
    file.write_all(bytes)
        .map_err(|e| crate::error::Error::io(&format!("Cannot write {}", path.display()), e))
}
