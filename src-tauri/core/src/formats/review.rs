//! The review packet: everything about one person over a period that a
//! manager needs to write a review, as one document (the screen, Markdown,
//! printable HTML). It is manager-only unless built as the shareable
//! version, which leaves out every private field: private and prep notes,
//! manager-only highlights, and the reasons 1:1s were cancelled.

use crate::day_text::day_month_year;
use crate::error::{Error, Result};
use crate::formats::markdown;
use crate::formats::shared_notes::status_label;
use crate::records::actions::{ActionItem, ActionStatus, Owner};
use crate::records::feedback::{FeedbackTone, Sbi};
use crate::records::growth::{Checkpoint, CheckpointStatus, PlanStatus};
use crate::records::highlights::HighlightKind;
use crate::records::meetings::{Meeting, MeetingStatus};
use crate::records::people::Level;
use crate::records::templates::CAREER_TEMPLATES;
use crate::store::Store;
use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    pub person_id: String,
    /// The first day; the last full quarter when neither end is given.
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    /// Leave out every private field.
    #[serde(default)]
    #[ts(optional)]
    pub shareable: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReviewPacket {
    pub person_id: String,
    pub person_name: String,
    pub role: String,
    pub level: Level,
    pub manager_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub prepared_on: NaiveDate,
    /// True for the version without private fields.
    pub shareable: bool,
    pub attendance: Attendance,
    /// Wins, accomplishments and concerns, in date order.
    pub highlights: Vec<ReviewHighlight>,
    pub actions: ReviewActions,
    pub focus_areas: Vec<String>,
    /// Feedback given in the period, oldest first.
    pub feedback: Vec<ReviewFeedback>,
    /// Growth plans open during the period, with their checkpoints due in it.
    pub growth_plans: Vec<ReviewGrowthPlan>,
    /// Mood check-ins in the period, oldest first.
    pub moods: Vec<ReviewMood>,
    /// Each held 1:1's notes, oldest first.
    pub excerpts: Vec<Excerpt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewFeedback {
    pub date: NaiveDate,
    pub tone: FeedbackTone,
    pub sbi: Sbi,
    pub private: bool,
    pub meeting_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewGrowthPlan {
    pub goal: String,
    pub status: PlanStatus,
    pub private: bool,
    pub checkpoints: Vec<Checkpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewMood {
    pub date: NaiveDate,
    pub score: u8,
    pub word: Option<String>,
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Attendance {
    pub held: u32,
    pub cancelled: u32,
    /// Held or cancelled 1:1s that had been moved from their usual time.
    pub moved: u32,
    pub average_minutes: Option<u32>,
    pub planned_minutes: Option<u32>,
    /// Days of the 1:1s held on the career development template or topic.
    pub career_conversations: Vec<NaiveDate>,
    pub cancellations: Vec<Cancellation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Cancellation {
    pub meeting_id: String,
    pub date: NaiveDate,
    /// None in the shareable version, or when none was given.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewHighlight {
    pub date: NaiveDate,
    pub kind: HighlightKind,
    pub text: String,
    pub private: bool,
    pub meeting_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReviewActions {
    pub opened: u32,
    pub done: u32,
    pub dropped: u32,
    /// Done out of those opened in the period and not dropped, in percent.
    pub completion_percent: Option<u32>,
    pub still_open: Vec<ReviewAction>,
    pub closed: Vec<ReviewAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReviewAction {
    pub id: String,
    pub title: String,
    pub owner: Owner,
    pub status: ActionStatus,
    pub opened_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub meeting_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Excerpt {
    pub meeting_id: String,
    pub date: NaiveDate,
    pub topic: Option<String>,
    pub shared_notes: String,
    /// Private and prep notes; None in the shareable version.
    pub private_notes: Option<String>,
}

/// The last full calendar quarter before `today`.
pub fn last_full_quarter(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let this_quarter =
        NaiveDate::from_ymd_opt(today.year(), (today.month0() / 3) * 3 + 1, 1).unwrap_or(today);
    let from = this_quarter
        .checked_sub_months(Months::new(3))
        .unwrap_or(this_quarter);
    (from, this_quarter - Duration::days(1))
}

pub fn build(store: &Store, request: &ReviewRequest) -> Result<ReviewPacket> {
    let person = store.people().get(&request.person_id)?;
    let zone = store.clock().zone();
    let today = zone.day_of(store.clock().now());
    let (from, to) = match (request.from, request.to) {
        (None, None) => last_full_quarter(today),
        (Some(from), None) => (from, today),
        (None, Some(to)) => (
            to.checked_sub_months(Months::new(3))
                .map_or(to, |d| d + Duration::days(1)),
            to,
        ),
        (Some(from), Some(to)) => (from, to),
    };
    if from > to {
        return Err(Error::invalid(
            "The review's start date is after its end date.",
        ));
    }
    let shareable = request.shareable.unwrap_or(false);
    let within = |day: NaiveDate| day >= from && day <= to;
    let meetings: Vec<Meeting> = store
        .schedule()
        .meetings_of(
            &person.id,
            &[MeetingStatus::Completed, MeetingStatus::Cancelled],
            None,
        )?
        .into_iter()
        .filter(|m| within(zone.day_of(m.scheduled_start)))
        .rev()
        .collect();

    let held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Completed)
        .collect();
    let lengths: Vec<i64> = held
        .iter()
        .filter_map(|m| Some((m.ended_at? - m.started_at?).num_minutes()))
        .collect();
    let average = |values: &[i64]| {
        (!values.is_empty())
            .then(|| (values.iter().sum::<i64>() as f64 / values.len() as f64).round() as u32)
    };
    let planned: Vec<i64> = held.iter().map(|m| i64::from(m.planned_minutes)).collect();
    let attendance = Attendance {
        held: held.len() as u32,
        cancelled: (meetings.len() - held.len()) as u32,
        moved: meetings
            .iter()
            .filter(|m| m.original_start.is_some())
            .count() as u32,
        average_minutes: average(&lengths),
        planned_minutes: average(&planned),
        career_conversations: held
            .iter()
            .filter(|m| {
                m.template_id
                    .as_deref()
                    .is_some_and(|t| CAREER_TEMPLATES.contains(&t))
                    || m.topic
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("career"))
            })
            .map(|m| zone.day_of(m.scheduled_start))
            .collect(),
        cancellations: meetings
            .iter()
            .filter(|m| m.status == MeetingStatus::Cancelled)
            .map(|m| Cancellation {
                meeting_id: m.id.clone(),
                date: zone.day_of(m.scheduled_start),
                reason: if shareable {
                    None
                } else {
                    m.cancel_reason.clone()
                },
            })
            .collect(),
    };

    let mut highlights: Vec<ReviewHighlight> = store
        .highlights()
        .of_person(&person.id, Some(from), None)?
        .into_iter()
        .filter(|h| within(h.occurred_on))
        .filter_map(|h| {
            let (text, private) = match (h.text, h.private_text) {
                (Some(text), _) => (text, false),
                (None, Some(text)) if !shareable => (text, true),
                _ => return None,
            };
            Some(ReviewHighlight {
                date: h.occurred_on,
                kind: h.kind,
                text,
                private,
                meeting_id: h.meeting_id,
            })
        })
        .collect();
    highlights.sort_by_key(|h| h.date);

    let opened: Vec<ActionItem> = store
        .actions()
        .of_person(&person.id)?
        .into_iter()
        .filter(|a| within(zone.day_of(a.created_at)))
        .collect();
    let count = |status: ActionStatus| opened.iter().filter(|a| a.status == status).count() as u32;
    let (done, dropped) = (count(ActionStatus::Done), count(ActionStatus::Dropped));
    let counted = opened.len() as u32 - dropped;
    let view = |a: &ActionItem| ReviewAction {
        id: a.id.clone(),
        title: a.title.clone(),
        owner: a.owner,
        status: a.status,
        opened_on: zone.day_of(a.created_at),
        due_on: a.due_on,
        meeting_id: a.meeting_id.clone(),
    };
    let actions = ReviewActions {
        opened: opened.len() as u32,
        done,
        dropped,
        completion_percent: (counted > 0)
            .then(|| (f64::from(done) * 100.0 / f64::from(counted)).round() as u32),
        still_open: opened
            .iter()
            .filter(|a| a.status.is_open())
            .map(view)
            .collect(),
        closed: opened
            .iter()
            .filter(|a| !a.status.is_open())
            .map(view)
            .collect(),
    };

    let excerpts = held
        .iter()
        .filter_map(|m| {
            let private = [&m.private_prep_notes, &m.private_notes]
                .iter()
                .map(|n| n.trim())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            let private_notes = (!shareable && !private.is_empty()).then_some(private);
            (!m.shared_notes.trim().is_empty() || private_notes.is_some()).then(|| Excerpt {
                meeting_id: m.id.clone(),
                date: zone.day_of(m.scheduled_start),
                topic: m.topic.clone(),
                shared_notes: m.shared_notes.trim().to_string(),
                private_notes,
            })
        })
        .collect();

    // Manager-only records stay out of the shareable version entirely.
    let feedback = store
        .feedback()
        .given_between(&person.id, Some(from), Some(to))?
        .into_iter()
        .filter_map(|f| {
            let private = f.private_sbi.is_some();
            let sbi = f.sbi.or(f.private_sbi.filter(|_| !shareable))?;
            Some(ReviewFeedback {
                date: f.given_on.unwrap_or(from),
                tone: f.tone,
                sbi,
                private,
                meeting_id: f.meeting_id,
            })
        })
        .collect();
    let growth_plans = store
        .growth_plans()
        .of_person(&person.id)?
        .into_iter()
        .filter(|g| g.created_at.date_naive() <= to)
        .filter(|g| g.status == PlanStatus::Active || g.updated_at.date_naive() >= from)
        .filter_map(|g| {
            let private = g.private_plan.is_some();
            let text = g.plan.or(g.private_plan.filter(|_| !shareable))?;
            Some(ReviewGrowthPlan {
                goal: text.goal,
                status: g.status,
                private,
                checkpoints: text
                    .checkpoints
                    .into_iter()
                    .filter(|c| c.due_on >= from && c.due_on <= to)
                    .collect(),
            })
        })
        .collect();
    let moods = store
        .moods()
        .of_person(&person.id, Some(from))?
        .into_iter()
        .filter(|m| m.recorded_on <= to)
        .filter_map(|m| {
            let private = m.private_mood.is_some();
            let mood = m.mood.or(m.private_mood.filter(|_| !shareable))?;
            Some(ReviewMood {
                date: m.recorded_on,
                score: mood.score,
                word: mood.word,
                private,
            })
        })
        .collect();

    Ok(ReviewPacket {
        feedback,
        growth_plans,
        moods,
        person_id: person.id.clone(),
        person_name: person.name.clone(),
        role: person.role.clone(),
        level: person.level,
        manager_name: store.settings().get()?.manager_name,
        from,
        to,
        prepared_on: today,
        shareable,
        attendance,
        highlights,
        actions,
        focus_areas: person.focus_areas.clone(),
        excerpts,
    })
}

fn feedback_text(f: &ReviewFeedback) -> String {
    let tone = match f.tone {
        FeedbackTone::Positive => "Positive",
        FeedbackTone::Constructive => "Constructive",
    };
    let private = if f.private { " (private)" } else { "" };
    let request = f
        .sbi
        .request
        .as_deref()
        .map(|r| format!(" Request: {r}"))
        .unwrap_or_default();
    format!(
        "{} · {tone}{private}: Situation: {} Behaviour: {} Impact: {}{request}",
        day(f.date),
        f.sbi.situation,
        f.sbi.behaviour,
        f.sbi.impact
    )
}

fn plan_text(g: &ReviewGrowthPlan) -> String {
    let status = match g.status {
        PlanStatus::Active => "active",
        PlanStatus::Achieved => "achieved",
        PlanStatus::Dropped => "dropped",
    };
    let private = if g.private { ", private" } else { "" };
    format!("{} ({status}{private})", g.goal)
}

fn checkpoint_text(c: &Checkpoint) -> String {
    let status = match c.status {
        CheckpointStatus::Pending => "pending",
        CheckpointStatus::Met => "met",
        CheckpointStatus::Missed => "missed",
    };
    format!("{} · {}: {status}", day(c.due_on), c.title)
}

/// "6 check-ins, average 6.5 (from 8 to 5)", or that there were none.
fn mood_line(packet: &ReviewPacket) -> String {
    let scores: Vec<u32> = packet.moods.iter().map(|m| u32::from(m.score)).collect();
    match (scores.first(), scores.last()) {
        (Some(first), Some(last)) => {
            let average = f64::from(scores.iter().sum::<u32>()) / scores.len() as f64;
            format!(
                "{} check-in{}, average {average:.1} out of 10 (from {first} to {last})",
                scores.len(),
                if scores.len() == 1 { "" } else { "s" }
            )
        }
        _ => "No check-ins in this period.".into(),
    }
}

fn day(date: NaiveDate) -> String {
    day_month_year(&date)
}

fn kind_label(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::Win => "Win",
        HighlightKind::Accomplishment => "Accomplishment",
        HighlightKind::Concern => "Concern",
    }
}

fn owner_label(packet: &ReviewPacket, owner: Owner) -> String {
    match owner {
        Owner::Ic => packet.person_name.clone(),
        Owner::Manager if packet.manager_name.trim().is_empty() => "Manager".into(),
        Owner::Manager => packet.manager_name.trim().to_string(),
    }
}

/// What the top of the packet says about who may read it.
pub fn audience_line(packet: &ReviewPacket) -> &'static str {
    if packet.shareable {
        "Shareable version: private notes, prep notes, manager-only highlights and cancel reasons are left out."
    } else {
        "Manager only: this packet holds private notes. Do not share it; use the shareable version for that."
    }
}

fn attendance_lines(packet: &ReviewPacket) -> Vec<String> {
    let a = &packet.attendance;
    let mut lines = vec![format!(
        "{} held, {} cancelled, {} moved",
        a.held, a.cancelled, a.moved
    )];
    if let Some(average) = a.average_minutes {
        let planned = a
            .planned_minutes
            .map(|p| format!(" (planned {p} min)"))
            .unwrap_or_default();
        lines.push(format!("Average length {average} min{planned}"));
    }
    lines.push(if a.career_conversations.is_empty() {
        "Career conversations: none".to_string()
    } else {
        format!(
            "Career conversations: {} ({})",
            a.career_conversations.len(),
            a.career_conversations
                .iter()
                .map(|d| day(*d))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    for c in &a.cancellations {
        lines.push(match &c.reason {
            Some(reason) => format!("Cancelled {}: {reason}", day(c.date)),
            None => format!("Cancelled {}", day(c.date)),
        });
    }
    lines
}

fn actions_line(packet: &ReviewPacket) -> String {
    let a = &packet.actions;
    let rate = a
        .completion_percent
        .map(|p| format!(": {p}% completed"))
        .unwrap_or_default();
    format!(
        "{} opened, {} done, {} dropped, {} still open{rate}",
        a.opened,
        a.done,
        a.dropped,
        a.still_open.len()
    )
}

fn action_text(packet: &ReviewPacket, item: &ReviewAction) -> String {
    let due = item
        .due_on
        .map(|d| format!(", due {}", day(d)))
        .unwrap_or_default();
    format!(
        "{} — {}, {} (opened {}{due})",
        item.title,
        owner_label(packet, item.owner),
        status_label(item.status),
        day(item.opened_on)
    )
}

pub fn title(packet: &ReviewPacket) -> String {
    format!("Review packet: {}", packet.person_name)
}

fn period_line(packet: &ReviewPacket) -> String {
    format!(
        "{} – {} · prepared on {}",
        day(packet.from),
        day(packet.to),
        day(packet.prepared_on)
    )
}

/// The packet as Markdown.
pub fn markdown(packet: &ReviewPacket) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", title(packet));
    let _ = writeln!(out, "**{}**\n", audience_line(packet));
    let _ = writeln!(out, "{}\n", period_line(packet));
    let _ = writeln!(out, "## Attendance\n");
    for line in attendance_lines(packet) {
        let _ = writeln!(out, "- {line}");
    }
    let _ = writeln!(out, "\n## Wins, accomplishments and concerns\n");
    if packet.highlights.is_empty() {
        let _ = writeln!(out, "None recorded.");
    }
    for h in &packet.highlights {
        let private = if h.private { " (private)" } else { "" };
        let _ = writeln!(
            out,
            "- {} · {}{private}: {}",
            day(h.date),
            kind_label(h.kind),
            h.text
        );
    }
    let _ = writeln!(out, "\n## Action items\n\n{}\n", actions_line(packet));
    if !packet.actions.still_open.is_empty() {
        let _ = writeln!(out, "### Still open\n");
        for item in &packet.actions.still_open {
            let _ = writeln!(out, "- [ ] {}", action_text(packet, item));
        }
        let _ = writeln!(out);
    }
    if !packet.actions.closed.is_empty() {
        let _ = writeln!(out, "### Closed\n");
        for item in &packet.actions.closed {
            let mark = if item.status == ActionStatus::Done {
                "x"
            } else {
                "-"
            };
            let _ = writeln!(out, "- [{mark}] {}", action_text(packet, item));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Feedback given\n");
    if packet.feedback.is_empty() {
        let _ = writeln!(out, "None recorded.");
    }
    for f in &packet.feedback {
        let _ = writeln!(out, "- {}", feedback_text(f));
    }
    let _ = writeln!(out, "\n## Growth plans\n");
    if packet.growth_plans.is_empty() {
        let _ = writeln!(out, "None in this period.");
    }
    for g in &packet.growth_plans {
        let _ = writeln!(out, "- {}", plan_text(g));
        for c in &g.checkpoints {
            let _ = writeln!(out, "  - {}", checkpoint_text(c));
        }
    }
    let _ = writeln!(out, "\n## Mood and energy\n\n{}\n", mood_line(packet));
    let _ = writeln!(out, "## Focus areas\n");
    if packet.focus_areas.is_empty() {
        let _ = writeln!(out, "None set.");
    }
    for area in &packet.focus_areas {
        let _ = writeln!(out, "- {area}");
    }
    let _ = writeln!(out, "\n## Notes from the 1:1s\n");
    if packet.excerpts.is_empty() {
        let _ = writeln!(out, "No notes in this period.");
    }
    for e in &packet.excerpts {
        let topic = e
            .topic
            .as_deref()
            .map(|t| format!(" — {t}"))
            .unwrap_or_default();
        let _ = writeln!(out, "### {}{topic}\n", day(e.date));
        if !e.shared_notes.is_empty() {
            let _ = writeln!(out, "{}\n", demote_headings(&e.shared_notes));
        }
        if let Some(private) = &e.private_notes {
            let _ = writeln!(out, "Private:\n");
            for line in private.lines() {
                let _ = writeln!(out, "> {line}");
            }
            let _ = writeln!(out);
        }
    }
    out
}

/// Notes' own headings sit below the packet's: `## Wins` inside a 1:1's
/// notes becomes `#### Wins`.
fn demote_headings(notes: &str) -> String {
    notes
        .lines()
        .map(|line| {
            if line.starts_with('#') {
                format!("##{line}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const PACKET_CSS: &str = "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;\
color:#1d2430;max-width:46rem;margin:2rem auto;padding:0 1rem}h1{font-size:1.5rem;margin:0 0 .25rem}\
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}\
h3{font-size:1rem;margin:1.25rem 0 .25rem}h4,h5,h6{font-size:.95rem;margin:.75rem 0 .25rem}\
.audience{border:1px solid #c9a227;background:#fff8e1;padding:.5rem .75rem;border-radius:6px;font-weight:600}\
.audience.shareable{border-color:#5b8f5b;background:#eef7ee}.period{color:#5a6475}\
ul{padding-left:1.25rem}li{margin:.15rem 0}.private{border-left:3px solid #c9a227;padding-left:.75rem;\
color:#4a3f1a}.tag{font-size:.8em;color:#5a6475}\
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}\
h3{break-after:avoid}.excerpt{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/// The packet as one self-contained, printable HTML page.
pub fn html(packet: &ReviewPacket) -> String {
    let heading = title(packet);
    let body = maud::html! {
        h1 { (heading) }
        p class={ "audience" @if packet.shareable { " shareable" } } { (audience_line(packet)) }
        p.period { (period_line(packet)) }
        h2 { "Attendance" }
        ul { @for line in attendance_lines(packet) { li { (line) } } }
        h2 { "Wins, accomplishments and concerns" }
        @if packet.highlights.is_empty() { p { "None recorded." } }
        ul {
            @for h in &packet.highlights {
                li {
                    (day(h.date)) " · " strong { (kind_label(h.kind)) }
                    @if h.private { " " span.tag { "(private)" } }
                    ": " (h.text)
                }
            }
        }
        h2 { "Action items" }
        p { (actions_line(packet)) }
        @if !packet.actions.still_open.is_empty() {
            h3 { "Still open" }
            ul { @for item in &packet.actions.still_open { li { "☐ " (action_text(packet, item)) } } }
        }
        @if !packet.actions.closed.is_empty() {
            h3 { "Closed" }
            ul {
                @for item in &packet.actions.closed {
                    li { (if item.status == ActionStatus::Done { "☑ " } else { "– " }) (action_text(packet, item)) }
                }
            }
        }
        h2 { "Feedback given" }
        @if packet.feedback.is_empty() { p { "None recorded." } }
        ul { @for f in &packet.feedback { li { (feedback_text(f)) } } }
        h2 { "Growth plans" }
        @if packet.growth_plans.is_empty() { p { "None in this period." } }
        ul {
            @for g in &packet.growth_plans {
                li {
                    (plan_text(g))
                    @if !g.checkpoints.is_empty() {
                        ul { @for c in &g.checkpoints { li { (checkpoint_text(c)) } } }
                    }
                }
            }
        }
        h2 { "Mood and energy" }
        p { (mood_line(packet)) }
        h2 { "Focus areas" }
        @if packet.focus_areas.is_empty() { p { "None set." } }
        ul { @for area in &packet.focus_areas { li { (area) } } }
        h2 { "Notes from the 1:1s" }
        @if packet.excerpts.is_empty() { p { "No notes in this period." } }
        @for e in &packet.excerpts {
            section.excerpt id={ "meeting-" (e.meeting_id) } {
                h3 { (day(e.date)) @if let Some(topic) = &e.topic { " — " (topic) } }
                @if !e.shared_notes.is_empty() {
                    (maud::PreEscaped(markdown::to_html(&demote_headings(&e.shared_notes))))
                }
                @if let Some(private) = &e.private_notes {
                    div.private {
                        p { strong { "Private" } }
                        (maud::PreEscaped(markdown::to_html(private)))
                    }
                }
            }
        }
    };
    markdown::page(&heading, PACKET_CSS, body)
}
