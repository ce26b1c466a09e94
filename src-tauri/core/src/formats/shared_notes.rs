//! What the IC receives after a 1:1. Rendering works only from `SharedMeeting`,
//! a view that has no private fields: private notes, prep notes and private
//! highlights cannot reach a shared artefact, even by mistake.

use crate::day_text::{weekday_day_month, weekday_day_month_year};
use crate::records::actions::{ActionItem, ActionStatus, Owner};
use crate::records::meetings::Meeting;
use crate::records::topics::Topic;
use crate::time_of_day::{clock_time, ClockHours};
use crate::zone::Zone;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::fmt::Write;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedAgendaItem {
    pub title: String,
    pub covered: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedAction {
    pub title: String,
    pub owner: Owner,
    pub owner_name: String,
    pub due_on: Option<chrono::NaiveDate>,
    pub status: ActionStatus,
}

/// The shareable part of a meeting, and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedMeeting {
    pub person_name: String,
    pub manager_name: String,
    pub start: DateTime<Utc>,
    #[ts(type = "string")]
    pub time_zone: Zone,
    #[ts(type = "number | null")]
    pub duration_minutes: Option<i64>,
    pub topic: Option<String>,
    pub agenda: Vec<SharedAgendaItem>,
    /// The shareable topics ticked in the 1:1.
    pub topics: Vec<String>,
    pub notes: String,
    pub action_items: Vec<SharedAction>,
    pub next_start: Option<DateTime<Utc>>,
    #[ts(type = "string | null")]
    pub next_time_zone: Option<Zone>,
}

impl SharedMeeting {
    /// Copies only the shareable fields out of a meeting and its action items.
    pub fn new(
        person_name: &str,
        manager_name: &str,
        meeting: &Meeting,
        items: &[ActionItem],
        next: Option<&Meeting>,
    ) -> Self {
        let manager = if manager_name.trim().is_empty() {
            "Manager".to_string()
        } else {
            manager_name.trim().to_string()
        };
        let duration_minutes = match (meeting.started_at, meeting.ended_at) {
            (Some(start), Some(end)) => Some((end - start).num_minutes().max(0)),
            _ => None,
        };
        SharedMeeting {
            person_name: person_name.to_string(),
            manager_name: manager.clone(),
            start: meeting.started_at.unwrap_or(meeting.scheduled_start),
            time_zone: meeting.time_zone,
            duration_minutes,
            topic: meeting.topic.clone(),
            agenda: meeting
                .agenda
                .iter()
                .map(|a| SharedAgendaItem {
                    title: a.title.clone(),
                    covered: a.done,
                })
                .collect(),
            topics: Vec::new(),
            notes: meeting.shared_notes.clone(),
            action_items: items
                .iter()
                .map(|i| SharedAction {
                    title: i.title.clone(),
                    owner: i.owner,
                    owner_name: match i.owner {
                        Owner::Ic => person_name.to_string(),
                        Owner::Manager => manager.clone(),
                    },
                    due_on: i.due_on,
                    status: i.status,
                })
                .collect(),
            next_start: next.map(|n| n.scheduled_start),
            next_time_zone: next.map(|n| n.time_zone),
        }
    }
}

impl SharedMeeting {
    /// Adds the topics discussed: only a shareable topic's wording is read,
    /// so a manager-only topic has no way in.
    pub fn with_topics(mut self, topics: &[Topic]) -> Self {
        self.topics = topics.iter().filter_map(|t| t.text.clone()).collect();
        self
    }
}

/// "Thu 24 Oct 2024, 14:00" (or "2:00 PM") in the meeting's zone.
pub fn local_label(at: DateTime<Utc>, zone: &Zone, hours: ClockHours) -> String {
    let local = at.with_timezone(&zone.tz());
    format!(
        "{}, {}",
        weekday_day_month_year(&local),
        clock_time(&local, hours)
    )
}

/// An action item's status as the documents that leave the app say it.
pub(crate) fn status_label(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::Partial => "partly done",
        ActionStatus::Done => "done",
        ActionStatus::Escalated => "escalated",
        ActionStatus::Dropped => "dropped",
    }
}

/// The shared notes as Markdown.
pub fn markdown(shared: &SharedMeeting, hours: ClockHours) -> String {
    let mut out = String::new();
    let first = |name: &str| name.split_whitespace().next().unwrap_or(name).to_string();
    let _ = writeln!(
        out,
        "# 1:1 {} / {}",
        first(&shared.manager_name),
        first(&shared.person_name)
    );
    out.push('\n');
    let when = local_label(shared.start, &shared.time_zone, hours);
    match shared.duration_minutes {
        Some(m) => {
            let _ = writeln!(out, "{when} ({}) · {m} min", shared.time_zone);
        }
        None => {
            let _ = writeln!(out, "{when} ({})", shared.time_zone);
        }
    }
    if let Some(topic) = &shared.topic {
        let _ = writeln!(out, "\nTopic: {topic}");
    }
    if !shared.agenda.is_empty() {
        out.push_str("\n## Agenda\n\n");
        for item in &shared.agenda {
            let _ = writeln!(
                out,
                "- [{}] {}",
                if item.covered { "x" } else { " " },
                item.title
            );
        }
    }
    if !shared.topics.is_empty() {
        out.push_str("\n## Topics discussed\n\n");
        for topic in &shared.topics {
            let _ = writeln!(out, "- {topic}");
        }
    }
    out.push_str("\n## Notes\n\n");
    if shared.notes.trim().is_empty() {
        out.push_str("_No notes._\n");
    } else {
        out.push_str(shared.notes.trim_end());
        out.push('\n');
    }
    out.push_str("\n## Action items\n\n");
    if shared.action_items.is_empty() {
        out.push_str("_None._\n");
    }
    for item in &shared.action_items {
        let due = item
            .due_on
            .map(|d| format!("due {}", weekday_day_month(&d)))
            .unwrap_or_else(|| "ongoing".into());
        let _ = writeln!(
            out,
            "- [{}] {} — {}, {due}{}",
            if item.status == ActionStatus::Done {
                "x"
            } else {
                " "
            },
            item.title,
            item.owner_name,
            match item.status {
                ActionStatus::Open | ActionStatus::Done => String::new(),
                other => format!(" ({})", status_label(other)),
            }
        );
    }
    if let (Some(next), Some(zone)) = (shared.next_start, &shared.next_time_zone) {
        let _ = writeln!(
            out,
            "\n## Next 1:1\n\n{} ({zone})",
            local_label(next, zone, hours)
        );
    }
    out
}
