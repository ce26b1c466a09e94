//! The e-mail that carries a calendar invite, written by the window as a
//! draft for the mail app: before a 1:1 ("Send invite", with the planned
//! agenda and the open topics the report may see, so they can add to it),
//! and after a 1:1 moved or was cancelled ("Send update", "Send
//! cancellation").
//!
//! The body is built from `ics::Invite` (scheduling facts and agenda titles)
//! and from the shareable wording of open topics; notes of any kind and
//! manager-only topics have no way in.

use crate::error::{Error, Result};
use crate::formats::ics::{self, Invite};
use crate::formats::shared_notes::local_label;
use crate::formats::sharing::{self, Artefact, Envelope};
use crate::records::meetings::{Frequency, MeetingStatus};
use crate::records::share_log::{ShareFormat, ShareKind};
use crate::store::Store;
use crate::time_of_day::ClockHours;
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use ts_rs::TS;

/// Whose invite: a person's 1:1s (their series, else their next 1:1), or
/// one 1:1 (its series' invite, or its cancellation once cancelled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InviteTarget {
    Person(String),
    Meeting(String),
}

/// What the e-mail tells the report, which decides its subject and opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Invite,
    Moved,
    Cancelled,
}

/// The invite, whose 1:1s it is and the 1:1 the share log files it under.
struct Resolved {
    invite: Invite,
    person_id: String,
    meeting_id: Option<String>,
    purpose: Purpose,
}

fn resolve(store: &Store, target: &InviteTarget) -> Result<Resolved> {
    match target {
        InviteTarget::Person(person_id) => {
            let invite = ics::person_invite(store, person_id)?;
            let now = store.clock().now();
            let meeting_id = store
                .schedule()
                .current_or_next(person_id, now)?
                .map(|m| m.id);
            Ok(Resolved {
                invite,
                person_id: person_id.clone(),
                meeting_id,
                purpose: Purpose::Invite,
            })
        }
        InviteTarget::Meeting(meeting_id) => {
            let meeting = store.schedule().get_meeting(meeting_id)?;
            let purpose = match meeting.status {
                MeetingStatus::Cancelled => Purpose::Cancelled,
                MeetingStatus::Completed | MeetingStatus::InProgress => {
                    return Err(Error::invalid(
                        "This 1:1 has taken place; its invite can no longer change.",
                    ))
                }
                MeetingStatus::Scheduled
                    if meeting
                        .original_start
                        .is_some_and(|o| o != meeting.scheduled_start) =>
                {
                    Purpose::Moved
                }
                MeetingStatus::Scheduled => Purpose::Invite,
            };
            Ok(Resolved {
                invite: ics::meeting_invite(store, meeting_id)?,
                person_id: meeting.person_id,
                meeting_id: Some(meeting.id),
                purpose,
            })
        }
    }
}

fn first(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn rhythm(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Weekly => "every week",
        Frequency::Biweekly => "every other week",
        Frequency::Monthly => "every month",
        Frequency::TwiceWeekly => "twice a week",
    }
}

/// The subject line and the body as plain text.
fn compose(
    resolved: &Resolved,
    open_topics: &[String],
    hours: ClockHours,
) -> Result<(String, String)> {
    let invite = &resolved.invite;
    let event = invite
        .events
        .first()
        .ok_or_else(|| Error::invalid("This invite has no 1:1 in it."))?;
    // A moved occurrence of a series is the event that names the slot it replaces.
    let moved = invite
        .events
        .iter()
        .find(|e| e.recurrence_id.is_some() && !e.cancelled);
    let when = |at| {
        format!(
            "{} ({}), {} min",
            local_label(at, &event.time_zone, hours),
            event.time_zone,
            event.minutes
        )
    };
    let summary = ics::summary(&invite.parties);
    let mut body = String::new();
    let _ = writeln!(body, "Hi {},\n", first(&invite.parties.person_name));
    let subject = match (resolved.purpose, &event.rule) {
        (Purpose::Cancelled, _) => {
            let _ = writeln!(
                body,
                "I have cancelled our 1:1 of {}. The attached update takes it off your calendar.",
                local_label(event.start, &event.time_zone, hours)
            );
            format!(
                "Cancelled: {summary}, {}",
                local_label(event.start, &event.time_zone, hours)
            )
        }
        (Purpose::Moved, _) => {
            let (from, to) = match moved {
                Some(m) => (m.recurrence_id.unwrap_or(m.start), m.start),
                None => (event.start, event.start),
            };
            let _ = writeln!(
                body,
                "I have moved our 1:1 of {} to {}. The attached update changes it in your calendar.",
                local_label(from, &event.time_zone, hours),
                when(to)
            );
            format!(
                "Moved: {summary}, now {}",
                local_label(to, &event.time_zone, hours)
            )
        }
        (Purpose::Invite, Some(rule)) => {
            let _ = writeln!(
                body,
                "Here is the invite for our 1:1s: {}, from {}.",
                rhythm(rule.frequency),
                when(event.start)
            );
            format!("{summary}, {}", rhythm(rule.frequency))
        }
        (Purpose::Invite, None) => {
            let _ = writeln!(
                body,
                "Here is the invite for our next 1:1: {}.",
                when(event.start)
            );
            format!(
                "{summary}, {}",
                local_label(event.start, &event.time_zone, hours)
            )
        }
    };
    if resolved.purpose != Purpose::Cancelled {
        let agenda = moved.map_or(&event.agenda, |m| &m.agenda);
        if !agenda.is_empty() {
            let _ = writeln!(body, "\nThe agenda so far:");
            for item in agenda {
                let _ = writeln!(body, "- {item}");
            }
        }
        if !open_topics.is_empty() {
            let _ = writeln!(body, "\nTopics on our list:");
            for topic in open_topics {
                let _ = writeln!(body, "- {topic}");
            }
        }
        let _ = writeln!(
            body,
            "\nIf there is anything you want to talk about, reply and I will add it."
        );
    }
    let _ = writeln!(body, "\n{}", first(&invite.parties.manager_name));
    Ok((subject, body))
}

fn recipient(name: &str, email: Option<&str>) -> String {
    match email {
        Some(e) => format!("{name} <{e}>"),
        None => name.to_string(),
    }
}

/// The e-mail draft with the invite attached, recorded in the share log.
pub fn draft(store: &mut Store, target: &InviteTarget) -> Result<Artefact> {
    let resolved = resolve(store, target)?;
    // Only a topic's shareable wording is read: a manager-only topic has none.
    let open_topics: Vec<String> = store
        .topics()
        .open_of(&resolved.person_id)?
        .into_iter()
        .filter_map(|t| t.text)
        .collect();
    let (subject, body) = compose(&resolved, &open_topics, store.clock_hours())?;
    let calendar = ics::render(&resolved.invite)?;
    let now = store.clock().now();
    let parties = &resolved.invite.parties;
    let envelope = Envelope {
        to_name: parties.person_name.clone(),
        to_email: parties.person_email.clone(),
        from_name: parties.manager_name.clone(),
        from_email: parties.manager_email.clone(),
        date: now,
        message_id: format!(
            "invite.{}.{}@rapport",
            resolved
                .meeting_id
                .as_deref()
                .unwrap_or(&resolved.person_id),
            now.timestamp()
        ),
    };
    let bytes = sharing::mail_draft(
        &envelope,
        subject,
        body,
        None,
        Some((&calendar, resolved.invite.method)),
    )?;
    log(store, &resolved, ShareFormat::Eml)?;
    let stem = match resolved.purpose {
        Purpose::Invite => "1-1 invite",
        Purpose::Moved => "1-1 moved",
        Purpose::Cancelled => "1-1 cancelled",
    };
    Ok(Artefact {
        file_name: format!("{stem}.eml"),
        bytes,
    })
}

/// The invite alone as an .ics file, recorded in the share log.
pub fn calendar_file(store: &mut Store, target: &InviteTarget) -> Result<Artefact> {
    match target {
        InviteTarget::Person(id) => sharing::share_person_invite(store, id),
        InviteTarget::Meeting(id) => sharing::share_meeting_invite(store, id),
    }
}

fn log(store: &mut Store, resolved: &Resolved, format: ShareFormat) -> Result<()> {
    let now = store.clock().now();
    let parties = &resolved.invite.parties;
    let who = recipient(&parties.person_name, parties.person_email.as_deref());
    store.write(|s| {
        s.share_log().record(
            &resolved.person_id,
            resolved.meeting_id.as_deref(),
            ShareKind::Invite,
            format,
            &who,
            now,
        )
    })
}
