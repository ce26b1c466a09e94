//! Calendar invites for 1:1s (RFC 5545 objects, RFC 5546 methods), and reading
//! another app's calendar export to start a series from it.
//!
//! Rendering works from `Invite`, a view with scheduling facts and agenda
//! titles only: no notes of any kind can reach an invite. The calendar model
//! and its writer come from the `ical` crate; lines are folded here again by
//! octets, because the crate folds by characters, and a fold never ends in
//! white space, because common readers trim line ends before joining.

use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::recurrence::dates_from;
use crate::schedule::{
    local_to_utc, validate_time_zone, Frequency, Meeting, MeetingFormat, MeetingStatus, Series,
    Weekday,
};
use crate::store::Store;
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use ical::generator::{Emitter, IcalCalendar, IcalEvent, Property};
use ical::parser::ical::component::{
    IcalAlarm, IcalTimeZone, IcalTimeZoneTransition, IcalTimeZoneTransitionType,
};
use serde::Serialize;
use ts_rs::TS;

const PRODID: &str = "-//Rapport//Rapport 1:1 notes//EN";
const LOCAL_FORMAT: &str = "%Y%m%dT%H%M%S";
const UTC_FORMAT: &str = "%Y%m%dT%H%M%SZ";

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
    pub time_zone: String,
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

fn first_name(name: &str) -> &str {
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

/// RFC 5545 TEXT escaping.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A parameter value, quoted when it holds a character that would end it.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) || clean.contains(' ') {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Folds content lines at 75 octets (RFC 5545 §3.1).
pub fn fold(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 70 * 3);
    for line in content.split("\r\n").filter(|l| !l.is_empty()) {
        let mut rest = line;
        let mut limit = 75;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Never end a folded segment in white space: readers trim it.
            while cut > 1 && rest[..cut].ends_with([' ', '\t']) {
                cut -= 1;
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

fn prop(name: &str, value: impl Into<String>) -> Property {
    Property {
        name: name.to_string(),
        params: None,
        value: Some(value.into()),
    }
}

fn prop_with(name: &str, params: Vec<(&str, String)>, value: impl Into<String>) -> Property {
    Property {
        name: name.to_string(),
        params: Some(
            params
                .into_iter()
                .map(|(k, v)| (k.to_string(), vec![v]))
                .collect(),
        ),
        value: Some(value.into()),
    }
}

fn local_in(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format(LOCAL_FORMAT).to_string()
}

fn zoned(name: &str, at: DateTime<Utc>, tz: Tz) -> Property {
    prop_with(
        name,
        vec![("TZID", tz.name().to_string())],
        local_in(at, tz),
    )
}

fn byday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The RRULE value for a series starting on `first` (its first occurrence).
fn rrule(rule: &Rule, first: NaiveDate) -> String {
    let mut value = match rule.frequency {
        Frequency::Weekly => format!("FREQ=WEEKLY;INTERVAL=1;BYDAY={}", byday(rule.weekday)),
        Frequency::Biweekly => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={}", byday(rule.weekday)),
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

fn description(event: &InviteEvent) -> Option<String> {
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

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    if s % 60 == 0 {
        format!("{sign}{:02}{:02}", s / 3600, s / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// The offset state of a zone at an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ZoneState {
    total: i32,
    daylight: bool,
    name: String,
}

fn state_at(tz: Tz, at: DateTime<Utc>) -> ZoneState {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    ZoneState {
        total: offset.fix().local_minus_utc(),
        daylight: !offset.dst_offset().is_zero(),
        name: offset
            .abbreviation()
            .map(str::to_string)
            .unwrap_or_else(|| offset_text(offset.fix().local_minus_utc())),
    }
}

struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: ZoneState,
}

/// The zone's offset changes in the given years, found by sampling each day
/// and narrowing to the second.
fn transitions(tz: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
    let mut found = Vec::new();
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(from_year, 1, 1),
        NaiveDate::from_ymd_opt(to_year + 1, 1, 1),
    ) else {
        return found;
    };
    let mut day = start.and_time(NaiveTime::MIN).and_utc();
    let end = end.and_time(NaiveTime::MIN).and_utc();
    let mut state = state_at(tz, day);
    while day < end {
        let next = day + Duration::days(1);
        let next_state = state_at(tz, next);
        if next_state != state {
            let (mut lo, mut hi) = (day, next);
            while (hi - lo).num_seconds() > 1 {
                let mid = lo + (hi - lo) / 2;
                if state_at(tz, mid) == state {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            found.push(Transition {
                at: hi,
                from: state.total,
                to: state_at(tz, hi),
            });
        }
        state = next_state;
        day = next;
    }
    found
}

/// A VTIMEZONE for the zone over the years the invite covers: one STANDARD or
/// DAYLIGHT observance per kind of change, with a yearly RRULE where the
/// changes follow one (the shape calendar apps expect), else RDATEs.
pub fn vtimezone(tz: Tz, from_year: i32, to_year: i32) -> IcalTimeZone {
    let mut zone = IcalTimeZone::new();
    zone.properties.push(prop("TZID", tz.name()));
    zone.properties.push(prop("X-LIC-LOCATION", tz.name()));
    let found = transitions(tz, from_year, to_year);
    if found.is_empty() {
        let state = state_at(
            tz,
            NaiveDate::from_ymd_opt(from_year, 1, 1)
                .unwrap_or_default()
                .and_time(NaiveTime::MIN)
                .and_utc(),
        );
        let mut standard = IcalTimeZoneTransition::new(IcalTimeZoneTransitionType::STANDARD);
        standard.properties = vec![
            prop("DTSTART", "19700101T000000"),
            prop("TZOFFSETFROM", offset_text(state.total)),
            prop("TZOFFSETTO", offset_text(state.total)),
            prop("TZNAME", state.name),
        ];
        zone.transitions.push(standard);
        return zone;
    }
    let mut groups: Vec<(i32, ZoneState, Vec<NaiveDateTime>)> = Vec::new();
    for t in &found {
        let onset = (t.at + Duration::seconds(t.from as i64)).naive_utc();
        match groups
            .iter_mut()
            .find(|(from, to, _)| *from == t.from && *to == t.to)
        {
            Some((_, _, onsets)) => onsets.push(onset),
            None => groups.push((t.from, t.to.clone(), vec![onset])),
        }
    }
    for (from, to, onsets) in groups {
        let kind = if to.daylight {
            IcalTimeZoneTransitionType::DAYLIGHT
        } else {
            IcalTimeZoneTransitionType::STANDARD
        };
        let mut component = IcalTimeZoneTransition::new(kind);
        component
            .properties
            .push(prop("DTSTART", onsets[0].format(LOCAL_FORMAT).to_string()));
        match yearly_rule(&onsets) {
            Some(mut rule) => {
                let last = onsets[onsets.len() - 1];
                if last.year() < to_year {
                    // The rule stopped within the years covered.
                    let until = last - Duration::seconds(from as i64);
                    rule.push_str(&format!(";UNTIL={}", until.and_utc().format(UTC_FORMAT)));
                }
                component.properties.push(prop("RRULE", rule));
            }
            None if onsets.len() > 1 => component.properties.push(prop(
                "RDATE",
                onsets[1..]
                    .iter()
                    .map(|o| o.format(LOCAL_FORMAT).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            )),
            None => {}
        }
        component
            .properties
            .push(prop("TZOFFSETFROM", offset_text(from)));
        component
            .properties
            .push(prop("TZOFFSETTO", offset_text(to.total)));
        component.properties.push(prop("TZNAME", to.name));
        zone.transitions.push(component);
    }
    zone
}

/// "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" when every onset falls in consecutive
/// years on the same month, weekday, ordinal (or last) and local time.
fn yearly_rule(onsets: &[NaiveDateTime]) -> Option<String> {
    if onsets.len() < 2 {
        return None;
    }
    let first = onsets[0];
    let consecutive = onsets.windows(2).all(|w| w[1].year() == w[0].year() + 1);
    let same = onsets.iter().all(|o| {
        o.month() == first.month() && o.weekday() == first.weekday() && o.time() == first.time()
    });
    if !consecutive || !same {
        return None;
    }
    let is_last = |o: &NaiveDateTime| (o.date() + Duration::days(7)).month() != o.month();
    let ordinal = |o: &NaiveDateTime| (o.day() as i32 - 1) / 7 + 1;
    let day = byday(Weekday::from_chrono(first.weekday()));
    let by = if onsets.iter().all(is_last) {
        format!("-1{day}")
    } else if onsets.iter().all(|o| ordinal(o) == ordinal(&first)) {
        format!("{}{day}", ordinal(&first))
    } else {
        return None;
    };
    Some(format!("FREQ=YEARLY;BYMONTH={};BYDAY={by}", first.month()))
}

fn event_component(invite: &Invite, event: &InviteEvent, tz: Tz) -> IcalEvent {
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
        let tz = validate_time_zone(&event.time_zone)?;
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
        let tz = validate_time_zone(&event.time_zone)?;
        calendar.events.push(event_component(invite, event, tz));
    }
    Ok(fold(&calendar.generate().replace("\r\n ", "")))
}

// ---------------------------------------------------------------------------
// Invites from the store.

fn parties(store: &Store, person_id: &str) -> Result<Parties> {
    let person = store.people().get(person_id)?;
    let settings = store.settings().get()?;
    Ok(Parties {
        manager_name: settings.manager_name,
        manager_email: settings.manager_email.filter(|e| !e.trim().is_empty()),
        person_name: person.name,
        person_email: person.email.filter(|e| !e.trim().is_empty()),
    })
}

fn method_for(parties: &Parties, wanted: Method) -> Method {
    if parties.manager_email.is_some() && parties.person_email.is_some() {
        wanted
    } else {
        Method::Publish
    }
}

fn agenda_titles(store: &Store, meeting: Option<&Meeting>, template: Option<&str>) -> Vec<String> {
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
fn first_start(series: &Series, tz: Tz) -> Option<DateTime<Utc>> {
    dates_from(
        series.frequency,
        series.weekday,
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
    let tz = validate_time_zone(&series.time_zone)?;
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
        time_zone: series.time_zone.clone(),
        rule: Some(Rule {
            frequency: series.frequency,
            weekday: series.weekday,
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
            time_zone: series.time_zone.clone(),
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
        let sequence = invite.events[0].sequence;
        let slot = meeting.original_start.unwrap_or(meeting.scheduled_start);
        invite.method = method_for(&invite.parties, Method::Cancel);
        invite.events = vec![InviteEvent {
            uid: series_id.clone(),
            sequence,
            start: slot,
            minutes: meeting.planned_minutes,
            time_zone: meeting.time_zone.clone(),
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
            time_zone: meeting.time_zone.clone(),
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
    let today = crate::prep::local_today(now);
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

// ---------------------------------------------------------------------------
// Import.

/// What an import found and created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedSeries {
    pub series: Series,
    pub next_meeting: Option<Meeting>,
    /// The SUMMARY of the event it came from.
    pub source_summary: String,
}

/// The parts of a recurring event that make a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSeries {
    pub summary: String,
    pub frequency: Frequency,
    pub weekday: Weekday,
    pub local_time: NaiveTime,
    pub time_zone: String,
    pub duration_minutes: u32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub video: bool,
}

/// Reads calendar text; a file that is not iCalendar is refused with a message.
pub fn parse(text: &str) -> Result<Vec<IcalCalendar>> {
    if !text.contains("BEGIN:VCALENDAR") {
        return Err(Error::invalid(
            "This file is not an iCalendar (.ics) file: it has no BEGIN:VCALENDAR. Nothing was imported.",
        ));
    }
    let calendars = ical::IcalParser::new(text.as_bytes())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| {
            Error::invalid(format!(
                "This calendar file is damaged ({e}). Nothing was imported."
            ))
        })?;
    if calendars.is_empty() {
        return Err(Error::invalid(
            "This calendar file holds no calendar. Nothing was imported.",
        ));
    }
    Ok(calendars)
}

fn get<'a>(props: &'a [Property], name: &str) -> Option<&'a Property> {
    props.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

fn param<'a>(p: &'a Property, name: &str) -> Option<&'a str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(String::as_str)
}

/// Windows zone names (as Outlook writes them) to IANA names, from the CLDR
/// mapping of each zone's main city.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("UTC", "Etc/UTC"),
    ("Coordinated Universal Time", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kyiv"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Kolkata"),
    ("Nepal Standard Time", "Asia/Kathmandu"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("Eastern Standard Time", "America/New_York"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Pacific SA Standard Time", "America/Santiago"),
];

/// An IANA zone for a TZID: the name itself, its IANA tail (some apps prefix
/// a vendor path), a Windows name, or the VTIMEZONE's X-LIC-LOCATION.
fn zone_for(tzid: &str, calendar: &IcalCalendar) -> Result<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Ok(tz);
    }
    let parts: Vec<&str> = tzid.split('/').collect();
    for i in 1..parts.len() {
        if let Ok(tz) = parts[i..].join("/").parse::<Tz>() {
            return Ok(tz);
        }
    }
    if let Some((_, iana)) = WINDOWS_ZONES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(tzid))
    {
        if let Ok(tz) = iana.parse::<Tz>() {
            return Ok(tz);
        }
    }
    for zone in &calendar.timezones {
        let same = get(&zone.properties, "TZID")
            .and_then(|p| p.value.as_deref())
            .is_some_and(|v| v.trim_matches('"') == tzid);
        if let Some(location) = get(&zone.properties, "X-LIC-LOCATION")
            .and_then(|p| p.value.as_deref())
            .filter(|_| same)
        {
            if let Ok(tz) = location.parse::<Tz>() {
                return Ok(tz);
            }
        }
    }
    Err(Error::invalid(format!(
        "The time zone \"{tzid}\" in this calendar file is not one Rapport knows. Nothing was imported."
    )))
}

/// A DATE-TIME property as local time in a zone. All-day (DATE) values give None.
fn date_time(
    p: &Property,
    calendar: &IcalCalendar,
    default_zone: Tz,
) -> Result<Option<(NaiveDateTime, Tz)>> {
    let value = p.value.as_deref().unwrap_or("").trim();
    if param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || value.len() == 8 {
        return Ok(None);
    }
    let bad = || {
        Error::invalid(format!(
            "\"{value}\" in {} is not a date and time. Nothing was imported.",
            p.name
        ))
    };
    if let Some(utc) = value.strip_suffix('Z') {
        let naive = NaiveDateTime::parse_from_str(utc, LOCAL_FORMAT).map_err(|_| bad())?;
        let tz = match param(p, "TZID") {
            Some(id) => zone_for(id, calendar)?,
            None => default_zone,
        };
        return Ok(Some((naive.and_utc().with_timezone(&tz).naive_local(), tz)));
    }
    let naive = NaiveDateTime::parse_from_str(value, LOCAL_FORMAT).map_err(|_| bad())?;
    let tz = match param(p, "TZID") {
        Some(id) => zone_for(id, calendar)?,
        None => default_zone,
    };
    Ok(Some((naive, tz)))
}

/// "PT30M", "PT1H", "PT1H30M", "P0DT0H45M0S".
fn duration_minutes(text: &str) -> Option<i64> {
    let text = text.trim();
    let rest = text.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut minutes = 0i64;
    let mut number = String::new();
    for c in days.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let n: i64 = number.parse().ok()?;
            number.clear();
            minutes += match c {
                'D' => n * 1440,
                'W' => n * 10080,
                _ => return None,
            };
        }
    }
    for c in time.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let n: i64 = number.parse().ok()?;
            number.clear();
            minutes += match c {
                'H' => n * 60,
                'M' => n,
                'S' => n / 60,
                _ => return None,
            };
        }
    }
    Some(minutes)
}

fn weekday_code(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

struct ParsedRule {
    frequency: Frequency,
    weekday: Option<Weekday>,
    until: Option<String>,
    count: Option<u32>,
}

fn parse_rule(value: &str, summary: &str) -> Result<ParsedRule> {
    let mut freq = None;
    let mut interval = 1u32;
    let mut days: Vec<String> = Vec::new();
    let mut until = None;
    let mut count = None;
    for part in value.split(';') {
        let Some((key, val)) = part.split_once('=') else {
            continue;
        };
        match key.to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(val.to_ascii_uppercase()),
            "INTERVAL" => interval = val.parse().unwrap_or(0),
            "BYDAY" => {
                days = val
                    .split(',')
                    .map(|d| d.trim().to_ascii_uppercase())
                    .collect()
            }
            "UNTIL" => until = Some(val.to_string()),
            "COUNT" => count = val.parse().ok(),
            _ => {}
        }
    }
    let unsupported = || {
        Error::invalid(format!(
            "\"{summary}\" repeats in a way Rapport does not schedule ({value}); 1:1s can be \
             weekly, every two weeks or monthly on one weekday. Nothing was imported."
        ))
    };
    if days.len() > 1 {
        return Err(unsupported());
    }
    let code = days
        .first()
        .map(|d| d.trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit()));
    let weekday = match code {
        Some(c) => Some(weekday_code(c).ok_or_else(unsupported)?),
        None => None,
    };
    let frequency = match (freq.as_deref(), interval) {
        (Some("WEEKLY"), 1) => Frequency::Weekly,
        (Some("WEEKLY"), 2) => Frequency::Biweekly,
        (Some("MONTHLY"), 1) => Frequency::Monthly,
        _ => return Err(unsupported()),
    };
    Ok(ParsedRule {
        frequency,
        weekday,
        until,
        count,
    })
}

fn matches_person(event: &IcalEvent, name: &str, email: Option<&str>) -> bool {
    let email = email.map(|e| e.trim().to_ascii_lowercase());
    let attendees = event
        .properties
        .iter()
        .filter(|p| p.name.eq_ignore_ascii_case("ATTENDEE"));
    for a in attendees {
        let address = a.value.as_deref().unwrap_or("").trim().to_ascii_lowercase();
        let address = address.strip_prefix("mailto:").unwrap_or(&address);
        if email.as_deref().is_some_and(|e| e == address) {
            return true;
        }
        if param(a, "CN").is_some_and(|cn| cn.trim().eq_ignore_ascii_case(name.trim())) {
            return true;
        }
    }
    let summary = get(&event.properties, "SUMMARY")
        .and_then(|p| p.value.as_deref())
        .map(unescape_text)
        .unwrap_or_default()
        .to_lowercase();
    let words: Vec<&str> = summary
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let full = name.trim().to_lowercase();
    let first = first_name(&full);
    summary.contains(&full) || (!first.is_empty() && words.contains(&first))
}

/// The person's recurring 1:1 in the calendar file. Among several, the one
/// that starts last (the current arrangement); exceptions, all-day events and
/// cancelled series are skipped.
pub fn find_series(
    calendars: &[IcalCalendar],
    person_name: &str,
    person_email: Option<&str>,
    default_zone: Tz,
) -> Result<FoundSeries> {
    let mut events_read = 0;
    let mut best: Option<(NaiveDateTime, FoundSeries)> = None;
    for calendar in calendars {
        let cal_zone = get(&calendar.properties, "X-WR-TIMEZONE")
            .and_then(|p| p.value.as_deref())
            .and_then(|z| z.parse::<Tz>().ok())
            .unwrap_or(default_zone);
        for event in &calendar.events {
            events_read += 1;
            let props = &event.properties;
            let (Some(rule), None) = (get(props, "RRULE"), get(props, "RECURRENCE-ID")) else {
                continue;
            };
            if get(props, "STATUS")
                .and_then(|p| p.value.as_deref())
                .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"))
            {
                continue;
            }
            if !matches_person(event, person_name, person_email) {
                continue;
            }
            let summary = get(props, "SUMMARY")
                .and_then(|p| p.value.as_deref())
                .map(unescape_text)
                .unwrap_or_else(|| "(no title)".into());
            let start_prop = get(props, "DTSTART").ok_or_else(|| {
                Error::invalid(format!(
                    "\"{summary}\" has no start (DTSTART). Nothing was imported."
                ))
            })?;
            let Some((start, tz)) = date_time(start_prop, calendar, cal_zone)? else {
                continue;
            };
            let parsed = parse_rule(rule.value.as_deref().unwrap_or(""), &summary)?;
            let minutes = match (get(props, "DTEND"), get(props, "DURATION")) {
                (Some(end), _) => match date_time(end, calendar, cal_zone)? {
                    Some((end, end_tz)) => {
                        let s = local_to_utc(tz, start.date(), start.time());
                        let e = local_to_utc(end_tz, end.date(), end.time());
                        (e - s).num_minutes()
                    }
                    None => 0,
                },
                (None, Some(d)) => duration_minutes(d.value.as_deref().unwrap_or("")).unwrap_or(0),
                (None, None) => 30,
            };
            if !(1..=480).contains(&minutes) {
                return Err(Error::invalid(format!(
                    "\"{summary}\" lasts {minutes} minutes; a 1:1 lasts between 1 and 480. Nothing was imported."
                )));
            }
            let weekday = parsed
                .weekday
                .unwrap_or_else(|| Weekday::from_chrono(start.weekday()));
            let mut ends_on = None;
            if let Some(until) = &parsed.until {
                let date_part = until.get(..8).unwrap_or(until);
                let date = NaiveDate::parse_from_str(date_part, "%Y%m%d").map_err(|_| {
                    Error::invalid(format!(
                        "\"{summary}\" has an unreadable end (UNTIL={until}). Nothing was imported."
                    ))
                })?;
                let date = if until.ends_with('Z') {
                    NaiveDateTime::parse_from_str(until.trim_end_matches('Z'), LOCAL_FORMAT)
                        .map(|u| u.and_utc().with_timezone(&tz).date_naive())
                        .unwrap_or(date)
                } else {
                    date
                };
                ends_on = Some(date);
            } else if let Some(count) = parsed.count.filter(|c| *c > 0) {
                ends_on = dates_from(parsed.frequency, weekday, start.date(), start.date())
                    .nth(count as usize - 1);
            }
            let location = get(props, "LOCATION")
                .and_then(|p| p.value.as_deref())
                .unwrap_or("")
                .to_ascii_lowercase();
            let video = props.iter().any(|p| {
                p.name.eq_ignore_ascii_case("X-GOOGLE-CONFERENCE")
                    || p.name
                        .eq_ignore_ascii_case("X-MICROSOFT-SKYPETEAMSMEETINGURL")
            }) || ["http", "meet", "zoom", "teams", "video"]
                .iter()
                .any(|w| location.contains(w));
            let found = FoundSeries {
                summary,
                frequency: parsed.frequency,
                weekday,
                local_time: start.time(),
                time_zone: tz.name().to_string(),
                duration_minutes: minutes as u32,
                starts_on: start.date(),
                ends_on,
                video,
            };
            if best.as_ref().is_none_or(|(at, _)| start > *at) {
                best = Some((start, found));
            }
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| {
        Error::not_found(format!(
            "No recurring 1:1 with {person_name} is in this calendar file ({events_read} events read). \
             Nothing was imported."
        ))
    })
}

/// Takes the person's recurring 1:1 from a calendar file and sets it up as
/// their series, with its next occurrence on the calendar. Everything is
/// checked first; a refused file changes nothing.
pub fn import_series(
    store: &mut Store,
    person_id: &str,
    text: &str,
    default_zone: Tz,
) -> Result<ImportedSeries> {
    let calendars = parse(text)?;
    let person = store.people().get(person_id)?;
    let found = find_series(
        &calendars,
        &person.name,
        person.email.as_deref(),
        default_zone,
    )?;
    let now = store.clock().now();
    let today = crate::prep::local_today(now);
    if let Some(end) = found.ends_on.filter(|end| *end < today) {
        return Err(Error::invalid(format!(
            "The recurring 1:1 \"{}\" in this file ended on {end}. Nothing was imported.",
            found.summary
        )));
    }
    store.write(|s| {
        if let Some(existing) = s.schedule().active_series_for(person_id, today)?.first() {
            return Err(Error::invalid(format!(
                "{} already has a recurring 1:1 ({} on {} at {}); end it before importing another. \
                 Nothing was imported.",
                person.name,
                existing.frequency.as_str(),
                existing.weekday.as_str(),
                existing.local_time.format("%H:%M"),
            )));
        }
        let series = Series {
            id: new_id(),
            person_id: person.id.clone(),
            frequency: found.frequency,
            weekday: found.weekday,
            local_time: found.local_time,
            time_zone: found.time_zone.clone(),
            duration_minutes: found.duration_minutes,
            format: if found.video {
                MeetingFormat::Video
            } else {
                MeetingFormat::InPerson
            },
            template_id: None,
            starts_on: found.starts_on,
            ends_on: found.ends_on,
            sequence: 0,
            created_at: now,
            updated_at: now,
        };
        s.schedule().insert_series(&series)?;
        let next_meeting = crate::scheduling::ensure_next(s, &series, now)?;
        Ok(ImportedSeries {
            series,
            next_meeting,
            source_summary: found.summary.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_by_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        let folded = fold(&format!("{line}\r\n"));
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn fold_never_ends_a_segment_in_a_space() {
        let line = format!("SUMMARY:{} tail", "a".repeat(66));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| !l.ends_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_escaping_round_trips() {
        let text = "Goals; roles, and \\ backslash\nnext line";
        assert_eq!(
            escape_text(text),
            "Goals\\; roles\\, and \\\\ backslash\\nnext line"
        );
        assert_eq!(unescape_text(&escape_text(text)), text);
    }

    #[test]
    fn paris_zone_has_yearly_rules() {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        let zone = Emitter::generate(&vtimezone(tz, 2023, 2026));
        assert!(
            zone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            "{zone}"
        );
        assert!(
            zone.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
            "{zone}"
        );
        assert!(
            zone.contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{zone}"
        );
        assert!(zone.contains("DTSTART:20230326T020000"), "{zone}");
        assert!(zone.contains("DTSTART:20231029T030000"), "{zone}");
    }

    #[test]
    fn zone_without_daylight_saving_has_one_observance() {
        let tz: Tz = "Asia/Tokyo".parse().unwrap();
        let zone = Emitter::generate(&vtimezone(tz, 2024, 2025));
        assert_eq!(zone.matches("BEGIN:STANDARD").count(), 1);
        assert!(!zone.contains("DAYLIGHT"));
        assert!(zone.contains("TZOFFSETTO:+0900"));
    }

    #[test]
    fn durations_parse() {
        assert_eq!(duration_minutes("PT30M"), Some(30));
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("P0DT0H45M0S"), Some(45));
        assert_eq!(duration_minutes("30M"), None);
    }

    #[test]
    fn windows_zone_names_map_to_iana() {
        let cal = IcalCalendar::new();
        assert_eq!(
            zone_for("Romance Standard Time", &cal).unwrap().name(),
            "Europe/Paris"
        );
        assert_eq!(
            zone_for("/citadel.org/20190101_1/America/New_York", &cal)
                .unwrap()
                .name(),
            "America/New_York"
        );
        assert!(zone_for("Mars Standard Time", &cal).is_err());
    }
}
