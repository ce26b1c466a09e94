//! Calendar invites for 1:1s (RFC 5545 objects, RFC 5546 methods).
//!
//! Rendering works from `Invite`, a view with scheduling facts and agenda
//! titles only: no notes of any kind can reach an invite. The calendar model
//! and its writer come from the `ical` crate.

use super::text::{
    byday, escape_text, fold, param_value, prop, prop_with, LOCAL_FORMAT, UTC_FORMAT,
};
use super::zone_rules::vtimezone;
use crate::error::{Error, Result};
use crate::records::meetings::{
    local_to_utc, Frequency, Meeting, MeetingFormat, MeetingStatus, Series, Weekday,
};
use crate::records::recurrence::dates_from;
use crate::store::Store;
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use ical::generator::{Emitter, IcalCalendar, IcalEvent, Property};
use ical::parser::ical::component::IcalAlarm;

pub(super) const PRODID: &str = "-//Rapport//Rapport 1:1 notes//EN";

/// What the invite is for the receiving calendar (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the event.
    Request,
    /// Remove the event (or one occurrence).
    Cancel,
    /// Information only: used when there is no organizer or attendee address,
    /// which REQUEST and CANCEL require.
    Publish,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

/// Who the invite is between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parties {
    pub manager_name: String,
    pub manager_email: Option<String>,
    pub person_name: String,
    pub person_email: Option<String>,
}

/// The recurrence of a series, as recurrence.rs computes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub frequency: Frequency,
    pub weekday: Weekday,
    /// The other day of a twice-a-week series.
    pub second_weekday: Option<Weekday>,
    /// A monthly series on the month's last such weekday.
    pub last_of_month: bool,
    /// The last start, inclusive.
    pub until: Option<DateTime<Utc>>,
}

/// One calendar component: a series, one occurrence of it, or a single 1:1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteEvent {
    pub uid: String,
    pub sequence: u32,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub time_zone: Zone,
    pub rule: Option<Rule>,
    /// For an occurrence of a series: the slot it replaces.
    pub recurrence_id: Option<DateTime<Utc>>,
    /// Occurrences of a series that do not take place.
    pub exdates: Vec<DateTime<Utc>>,
    pub cancelled: bool,
    pub topic: Option<String>,
    pub agenda: Vec<String>,
    pub video: bool,
}

/// A calendar file as the IC receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub method: Method,
    pub parties: Parties,
    pub events: Vec<InviteEvent>,
    /// Minutes before the start for each alarm.
    pub alarms: Vec<u32>,
    pub stamp: DateTime<Utc>,
}

pub(super) fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// "1:1 Grace / Ada".
pub fn summary(parties: &Parties) -> String {
    let manager = first_name(parties.manager_name.trim());
    let manager = if manager.is_empty() {
        "Manager"
    } else {
        manager
    };
    format!("1:1 {manager} / {}", first_name(parties.person_name.trim()))
}

pub(super) fn local_in(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format(LOCAL_FORMAT).to_string()
}

pub(super) fn zoned(name: &str, at: DateTime<Utc>, tz: Tz) -> Property {
    prop_with(
        name,
        vec![("TZID", tz.name().to_string())],
        local_in(at, tz),
    )
}

/// The RRULE value for a series starting on `first` (its first occurrence).
pub(super) fn rrule(rule: &Rule, first: NaiveDate) -> String {
    let mut value = match rule.frequency {
        Frequency::Weekly => format!("FREQ=WEEKLY;INTERVAL=1;BYDAY={}", byday(rule.weekday)),
        Frequency::Biweekly => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={}", byday(rule.weekday)),
        Frequency::TwiceWeekly => format!(
            "FREQ=WEEKLY;INTERVAL=1;BYDAY={},{}",
            byday(rule.weekday),
            byday(rule.second_weekday.unwrap_or(rule.weekday))
        ),
        Frequency::Monthly if rule.last_of_month => {
            format!("FREQ=MONTHLY;BYDAY=-1{}", byday(rule.weekday))
        }
        Frequency::Monthly => {
            // The ordinal weekday of the first occurrence, as recurrence.rs keeps it.
            let ordinal = ((first.day() - 1) / 7 + 1).min(4);
            format!("FREQ=MONTHLY;BYDAY={ordinal}{}", byday(rule.weekday))
        }
    };
    if let Some(until) = rule.until {
        value.push_str(&format!(";UNTIL={}", until.format(UTC_FORMAT)));
    }
    value.push_str(";WKST=MO");
    value
}

pub(super) fn description(event: &InviteEvent) -> Option<String> {
    let mut lines = Vec::new();
    if let Some(topic) = &event.topic {
        lines.push(format!("Topic: {topic}"));
    }
    if !event.agenda.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push("Agenda:".to_string());
        lines.extend(event.agenda.iter().map(|t| format!("- {t}")));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

pub(super) fn event_component(invite: &Invite, event: &InviteEvent, tz: Tz) -> IcalEvent {
    let mut ev = IcalEvent::new();
    let p = &mut ev.properties;
    p.push(prop("UID", format!("{}@rapport", event.uid)));
    p.push(prop("DTSTAMP", invite.stamp.format(UTC_FORMAT).to_string()));
    p.push(prop("SEQUENCE", event.sequence.to_string()));
    if let Some(rid) = event.recurrence_id {
        p.push(zoned("RECURRENCE-ID", rid, tz));
    }
    p.push(zoned("DTSTART", event.start, tz));
    p.push(zoned(
        "DTEND",
        event.start + Duration::minutes(event.minutes as i64),
        tz,
    ));
    if let Some(rule) = &event.rule {
        let first = event.start.with_timezone(&tz).date_naive();
        p.push(prop("RRULE", rrule(rule, first)));
    }
    if !event.exdates.is_empty() {
        p.push(prop_with(
            "EXDATE",
            vec![("TZID", tz.name().to_string())],
            event
                .exdates
                .iter()
                .map(|d| local_in(*d, tz))
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    p.push(prop("SUMMARY", escape_text(&summary(&invite.parties))));
    if let Some(text) = description(event) {
        p.push(prop("DESCRIPTION", escape_text(&text)));
    }
    if event.video {
        p.push(prop("LOCATION", "Video call"));
    }
    if let Some(email) = &invite.parties.manager_email {
        let mut params = Vec::new();
        if !invite.parties.manager_name.trim().is_empty() {
            params.push(("CN", param_value(invite.parties.manager_name.trim())));
        }
        p.push(if params.is_empty() {
            prop("ORGANIZER", format!("mailto:{email}"))
        } else {
            prop_with("ORGANIZER", params, format!("mailto:{email}"))
        });
    }
    if let Some(email) = &invite.parties.person_email {
        p.push(prop_with(
            "ATTENDEE",
            vec![
                ("CN", param_value(invite.parties.person_name.trim())),
                ("ROLE", "REQ-PARTICIPANT".into()),
                ("PARTSTAT", "NEEDS-ACTION".into()),
                ("RSVP", "TRUE".into()),
            ],
            format!("mailto:{email}"),
        ));
    }
    p.push(prop(
        "STATUS",
        if event.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
    ));
    p.push(prop("TRANSP", "OPAQUE"));
    if !event.cancelled {
        for minutes in &invite.alarms {
            let mut alarm = IcalAlarm::new();
            alarm.properties = vec![
                prop("ACTION", "DISPLAY"),
                prop("DESCRIPTION", escape_text(&summary(&invite.parties))),
                prop("TRIGGER", format!("-PT{minutes}M")),
            ];
            ev.alarms.push(alarm);
        }
    }
    ev
}

/// The invite as an .ics file (CRLF lines, folded at 75 octets).
pub fn render(invite: &Invite) -> Result<String> {
    let mut calendar = IcalCalendar::new();
    calendar.properties = vec![
        prop("VERSION", "2.0"),
        prop("PRODID", PRODID),
        prop("CALSCALE", "GREGORIAN"),
        prop("METHOD", invite.method.as_str()),
    ];
    let mut zones: Vec<Tz> = Vec::new();
    let mut years = (i32::MAX, i32::MIN);
    for event in &invite.events {
        let tz = event.time_zone.tz();
        if !zones.contains(&tz) {
            zones.push(tz);
        }
        let mut instants = vec![event.start];
        instants.extend(event.recurrence_id);
        instants.extend(event.rule.as_ref().and_then(|r| r.until));
        for at in instants {
            years.0 = years.0.min(at.year());
            years.1 = years.1.max(at.year());
        }
    }
    if invite.events.is_empty() {
        return Err(Error::invalid("There is nothing to put in this invite."));
    }
    // Cover the years around the events and a little beyond today, so an
    // open-ended series keeps its local time where the zone rules are known.
    let to_year = years.1.max(invite.stamp.year()) + 1;
    for tz in zones {
        calendar.timezones.push(vtimezone(tz, years.0 - 1, to_year));
    }
    for event in &invite.events {
        let tz = event.time_zone.tz();
        calendar.events.push(event_component(invite, event, tz));
    }
    Ok(fold(&calendar.generate().replace("\r\n ", "")))
}

pub(super) fn parties(store: &Store, person_id: &str) -> Result<Parties> {
    let person = store.people().get(person_id)?;
    let settings = store.settings().get()?;
    Ok(Parties {
        manager_name: settings.manager_name,
        manager_email: settings.manager_email.filter(|e| !e.trim().is_empty()),
        person_name: person.name,
        person_email: person.email.filter(|e| !e.trim().is_empty()),
    })
}

pub(super) fn method_for(parties: &Parties, wanted: Method) -> Method {
    if parties.manager_email.is_some() && parties.person_email.is_some() {
        wanted
    } else {
        Method::Publish
    }
}

pub(super) fn agenda_titles(
    store: &Store,
    meeting: Option<&Meeting>,
    template: Option<&str>,
) -> Vec<String> {
    if let Some(m) = meeting {
        if !m.agenda.is_empty() {
            return m.agenda.iter().map(|a| a.title.clone()).collect();
        }
    }
    let template = template
        .map(str::to_string)
        .or_else(|| meeting.and_then(|m| m.template_id.clone()));
    template
        .and_then(|id| store.templates().get(&id).ok())
        .map(|t| t.items.into_iter().map(|i| i.title).collect())
        .unwrap_or_default()
}

/// The first occurrence of a series, which is its DTSTART.
pub(super) fn first_start(series: &Series, tz: Tz) -> Option<DateTime<Utc>> {
    dates_from(
        series.frequency,
        series.weekday,
        series.second_weekday,
        series.last_of_month,
        series.starts_on,
        series.starts_on,
    )
    .next()
    .map(|d| local_to_utc(tz, d, series.local_time))
}

/// A series with its moved occurrences (as RECURRENCE-ID exceptions) and
/// cancelled ones (as EXDATEs). The SEQUENCE grows with every change of the
/// series and every moved or cancelled occurrence.
pub fn series_invite(store: &Store, series_id: &str) -> Result<Invite> {
    let series = store.schedule().get_series(series_id)?;
    let tz = series.time_zone.tz();
    let parties = parties(store, &series.person_id)?;
    let meetings = store.schedule().meetings_of_series(series_id)?;
    let start = first_start(&series, tz).ok_or_else(|| {
        Error::invalid("This recurring 1:1 has no occurrence to put in a calendar.")
    })?;
    let moved: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            matches!(
                m.status,
                MeetingStatus::Scheduled | MeetingStatus::InProgress
            ) && m.original_start.is_some_and(|o| o != m.scheduled_start)
        })
        .collect();
    let cancelled: Vec<DateTime<Utc>> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Cancelled)
        .map(|m| m.original_start.unwrap_or(m.scheduled_start))
        .collect();
    // Every occurrence ever moved or cancelled counts, so the number only grows.
    let ever_moved = meetings
        .iter()
        .filter(|m| m.original_start.is_some())
        .count() as u32;
    let sequence = series.sequence + ever_moved + cancelled.len() as u32;
    let now = store.clock().now();
    let next = store
        .schedule()
        .current_or_next(&series.person_id, now)?
        .filter(|m| m.series_id.as_deref() == Some(series_id));
    let agenda = agenda_titles(store, next.as_ref(), series.template_id.as_deref());
    let until = series
        .ends_on
        .map(|end| local_to_utc(tz, end, series.local_time));
    let mut events = vec![InviteEvent {
        uid: series.id.clone(),
        sequence,
        start,
        minutes: series.duration_minutes,
        time_zone: series.time_zone,
        rule: Some(Rule {
            frequency: series.frequency,
            weekday: series.weekday,
            second_weekday: series.second_weekday,
            last_of_month: series.last_of_month,
            until,
        }),
        recurrence_id: None,
        exdates: cancelled,
        cancelled: false,
        topic: None,
        agenda: agenda.clone(),
        video: series.format == MeetingFormat::Video,
    }];
    for m in moved {
        let mut agenda_of = store.schedule().agenda_of(&m.id)?;
        let titles = if agenda_of.is_empty() {
            agenda.clone()
        } else {
            agenda_of.drain(..).map(|a| a.title).collect()
        };
        events.push(InviteEvent {
            uid: series.id.clone(),
            sequence,
            start: m.scheduled_start,
            minutes: m.planned_minutes,
            time_zone: series.time_zone,
            rule: None,
            recurrence_id: m.original_start,
            exdates: Vec::new(),
            cancelled: false,
            topic: m.topic.clone(),
            agenda: titles,
            video: m.format == MeetingFormat::Video,
        });
    }
    let offsets = store.reminders().offsets_for(&series.person_id)?;
    Ok(Invite {
        method: method_for(&parties, Method::Request),
        parties,
        events,
        alarms: offsets,
        stamp: now,
    })
}

/// The invite for one 1:1: the series it belongs to, the cancellation of that
/// occurrence, or a single event (cancelled or not).
pub fn meeting_invite(store: &Store, meeting_id: &str) -> Result<Invite> {
    let meeting = store.schedule().get_meeting(meeting_id)?;
    let now = store.clock().now();
    if let Some(series_id) = &meeting.series_id {
        if meeting.status != MeetingStatus::Cancelled {
            return series_invite(store, series_id);
        }
        let mut invite = series_invite(store, series_id)?;
        let sequence = invite.events.first().map_or(0, |e| e.sequence);
        let slot = meeting.original_start.unwrap_or(meeting.scheduled_start);
        invite.method = method_for(&invite.parties, Method::Cancel);
        invite.events = vec![InviteEvent {
            uid: series_id.clone(),
            sequence,
            start: slot,
            minutes: meeting.planned_minutes,
            time_zone: meeting.time_zone,
            rule: None,
            recurrence_id: Some(slot),
            exdates: Vec::new(),
            cancelled: true,
            topic: None,
            agenda: Vec::new(),
            video: meeting.format == MeetingFormat::Video,
        }];
        invite.alarms.clear();
        return Ok(invite);
    }
    let parties = parties(store, &meeting.person_id)?;
    let cancelled = meeting.status == MeetingStatus::Cancelled;
    // A one-off changed after it was set up (moved, cancelled) is an update.
    let sequence =
        u32::from(meeting.updated_at > meeting.created_at && !cancelled) + u32::from(cancelled) * 2;
    let offsets = store.reminders().offsets_for(&meeting.person_id)?;
    let agenda = agenda_titles(store, Some(&meeting), None);
    Ok(Invite {
        method: method_for(
            &parties,
            if cancelled {
                Method::Cancel
            } else {
                Method::Request
            },
        ),
        parties,
        events: vec![InviteEvent {
            uid: meeting.id.clone(),
            sequence,
            start: meeting.scheduled_start,
            minutes: meeting.planned_minutes,
            time_zone: meeting.time_zone,
            rule: None,
            recurrence_id: None,
            exdates: Vec::new(),
            cancelled,
            topic: meeting.topic.clone(),
            agenda,
            video: meeting.format == MeetingFormat::Video,
        }],
        alarms: if cancelled { Vec::new() } else { offsets },
        stamp: now,
    })
}

/// The invite for a person's 1:1s: their recurring series, else their next 1:1.
pub fn person_invite(store: &Store, person_id: &str) -> Result<Invite> {
    let person = store.people().get(person_id)?;
    let now = store.clock().now();
    let today = store.clock().day_of(now);
    if let Some(series) = store
        .schedule()
        .active_series_for(person_id, today)?
        .into_iter()
        .next()
    {
        return series_invite(store, &series.id);
    }
    match store.schedule().current_or_next(person_id, now)? {
        Some(meeting) => meeting_invite(store, &meeting.id),
        None => Err(Error::not_found(format!(
            "No 1:1 with {} is on the calendar.",
            person.name
        ))),
    }
}
