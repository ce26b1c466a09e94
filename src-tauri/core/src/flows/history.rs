//! A person's full history, a page at a time, and one past 1:1 in full:
//! what "View Full History" and a search hit open.

use crate::error::Result;
use crate::records::actions::ActionItem;
use crate::records::highlights::Highlight;
use crate::records::meetings::{local_to_utc, Meeting, MeetingKind, MeetingStatus};
use crate::records::people::Person;
use crate::store::Store;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which of a person's 1:1s the history shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HistoryRequest {
    pub person_id: String,
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<NaiveDate>,
    #[serde(default)]
    #[ts(optional)]
    pub kind: Option<MeetingKind>,
    /// Held or cancelled only; both when absent.
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<MeetingStatus>,
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<u32>,
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

/// One past 1:1 with what was decided in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryEntry {
    pub meeting: Meeting,
    pub action_items: Vec<ActionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryPage {
    pub person: Person,
    pub entries: Vec<HistoryEntry>,
    /// Every 1:1 the filters let through, beyond this page too.
    #[ts(type = "number")]
    pub total: u64,
    pub offset: u32,
}

/// 1:1s a history page shows unless asked otherwise.
pub const PAGE: u32 = 25;

pub fn history(store: &Store, request: &HistoryRequest) -> Result<HistoryPage> {
    store.read(|store| history_in(store, request))
}

fn history_in(store: &Store, request: &HistoryRequest) -> Result<HistoryPage> {
    let person = store.people().get(&request.person_id)?;
    let tz = store.clock().zone().tz();
    let from = request.from.map(|d| local_to_utc(tz, d, NaiveTime::MIN));
    let to = request
        .to
        .and_then(|d| d.succ_opt())
        .map(|d| local_to_utc(tz, d, NaiveTime::MIN));
    let statuses: Vec<MeetingStatus> = match request.status {
        Some(status @ (MeetingStatus::Completed | MeetingStatus::Cancelled)) => vec![status],
        _ => vec![MeetingStatus::Completed, MeetingStatus::Cancelled],
    };
    let offset = request.offset.unwrap_or(0);
    let limit = request.limit.unwrap_or(PAGE).clamp(1, 500);
    let schedule = store.schedule();
    let (meetings, total) =
        schedule.past_page(&person.id, &statuses, request.kind, from, to, offset, limit)?;
    let mut entries = Vec::with_capacity(meetings.len());
    for meeting in meetings {
        let action_items = store.actions().of_meeting(&meeting.id)?;
        entries.push(HistoryEntry {
            meeting,
            action_items,
        });
    }
    Ok(HistoryPage {
        person,
        entries,
        total,
        offset,
    })
}

/// One 1:1 in full, for reading: its notes, agenda, action items and the
/// highlights filed from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingView {
    pub person: Person,
    pub meeting: Meeting,
    pub action_items: Vec<ActionItem>,
    pub highlights: Vec<Highlight>,
}

pub fn meeting_view(store: &Store, meeting_id: &str) -> Result<MeetingView> {
    let meeting = store.schedule().get_meeting(meeting_id)?;
    Ok(MeetingView {
        person: store.people().get(&meeting.person_id)?,
        action_items: store.actions().of_meeting(meeting_id)?,
        highlights: store.highlights().of_meeting(meeting_id)?,
        meeting,
    })
}
