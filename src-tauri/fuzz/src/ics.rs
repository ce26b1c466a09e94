//! The calendar importer: reading another app's .ics export and finding a
//! person's recurring 1:1 in it (`formats::ics::parse` and `find_series`).
//!
//! Inputs are calendars built from VEVENT, RRULE, VTIMEZONE and property
//! pieces, valid and hostile, sometimes edited at the byte level, plus raw
//! bytes. Properties: no panic or hang; an error is a message; a series that
//! is found has a duration Rapport accepts, its dates iterate, and the invite
//! Rapport would send for it reads back as the same series.

use crate::driver::Target;
use crate::gen::{chance, chars, mutate_text, number, one_of, pick, raw_text, text, upto};
use arbitrary::Unstructured;
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use rapport_core::formats::ics::{
    find_series, parse, render, FoundSeries, Invite, InviteEvent, Method, Parties, Rule,
};
use rapport_core::records::meetings::{local_to_utc, MeetingFormat, Series, MAX_MEETING_MINUTES};
use rapport_core::records::recurrence::{dates_from, next_start_after};
use rapport_core::ErrorCode;

#[derive(Debug)]
pub struct IcsInput {
    pub text: String,
    pub person_name: String,
    pub person_email: Option<String>,
    pub default_zone: Tz,
}

pub struct Ics;

const NAMES: &[&str] = &[
    "Ada Lovelace",
    "Ada",
    "ada lovelace",
    "Grace Hopper",
    "José Núñez",
    "李 雷",
    "O'Brien",
    "Jean-Luc Picard",
    "Dr. Ada",
    " ",
    "",
    "a",
    "Ada\0",
    "Ada, Lovelace",
];

const EMAILS: &[&str] = &[
    "ada@example.com",
    "ADA@Example.COM",
    " ada@example.com ",
    "grace@example.com",
    "",
    "x",
];

const ZONES: &[&str] = &[
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "Pacific/Apia",
    "Asia/Kathmandu",
    "America/St_Johns",
    "UTC",
    "Etc/GMT+12",
    "Etc/GMT-14",
    "Romance Standard Time",
    "W. Europe Standard Time",
    "Pacific Standard Time",
    "/citadel.org/20190101_1/America/New_York",
    "/a/b/c/Europe/Berlin",
    "\"Europe/Paris\"",
    "Mars/Olympus",
    "Mars Standard Time",
    "Custom Zone 1",
    "",
    "/",
    "//",
    "Europe/",
    "/Europe",
];

const DEFAULT_ZONES: &[Tz] = &[
    Tz::UTC,
    Tz::Europe__Paris,
    Tz::America__Los_Angeles,
    Tz::Pacific__Kiritimati,
    Tz::Pacific__Pago_Pago,
    Tz::Australia__Lord_Howe,
];

/// Values that have tripped date parsing and date arithmetic.
const DATE_TIMES: &[&str] = &[
    "00010101T000000",
    "00000101T000000Z",
    "99991231T235959",
    "99991231T235959Z",
    "99991231T000000",
    "19700101T000000Z",
    "20240229T120000",
    "20230229T120000",
    "20240230T120000",
    "20241301T090000",
    "20240101T246060",
    "20240101T235960Z",
    "20241027T023000",
    "20240331T023000",
    "20241103T013000",
    "2024-01-01T10:00:00",
    "20240101T",
    "T120000",
    "20240101T120000ZZ",
    "+100001231T000000",
    "-00010101T000000",
    "2024011T1200000",
    "20240101",
    "99991231",
    "",
];

const DURATIONS: &[&str] = &[
    "PT30M",
    "PT1H",
    "PT1H30M",
    "P0DT0H45M0S",
    "P1D",
    "P1W",
    "PT0S",
    "PT59S",
    "PT",
    "P",
    "-PT30M",
    "+PT30M",
    "PT480M",
    "PT481M",
    "PT8H",
    "PT29M60S",
    "P9223372036854775807W",
    "PT9223372036854775807M",
    "PT99999999999999999999M",
    "P1DT",
    "PT1H2",
    "PT30m",
    "P1Y",
];

const FREQS: &[&str] = &[
    "WEEKLY", "weekly", "MONTHLY", "DAILY", "YEARLY", "HOURLY", "", "WEEKLYX",
];

const INTERVALS: &[&str] = &["1", "2", "3", "0", "-1", "01", "+2", "4294967296", "2 ", ""];

const BYDAYS: &[&str] = &[
    "MO",
    "TU",
    "WE",
    "TH",
    "FR",
    "SA",
    "SU",
    "mo",
    "1MO",
    "-1FR",
    "+2TU",
    "5SU",
    "53MO",
    "-53SU",
    "MO,TU",
    "MO,",
    ",",
    "",
    "XX",
    "1",
    "-",
    "++MO",
    "TH ",
    "99999999999999999999MO",
];

const COUNTS: &[&str] = &[
    "0",
    "1",
    "2",
    "52",
    "1040",
    "1041",
    "4294967295",
    "4294967296",
    "-1",
    "",
    "1e3",
];

fn date_time(u: &mut Unstructured<'_>) -> String {
    match upto(u, 9) {
        0..=2 => one_of(u, DATE_TIMES).to_string(),
        3 => chars(u, 20),
        _ => {
            let year = number(u, 1900, 2100);
            let month = number(u, 1, 12);
            let day = number(u, 1, 28);
            let hour = number(u, 0, 23);
            let minute = *one_of(u, &[0u64, 15, 30, 45, 59]);
            let z = if chance(u, 30) { "Z" } else { "" };
            format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}00{z}")
        }
    }
}

fn zone(u: &mut Unstructured<'_>) -> String {
    if chance(u, 90) {
        one_of(u, ZONES).to_string()
    } else {
        text(u, 30)
    }
}

fn rrule(u: &mut Unstructured<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if chance(u, 95) {
        parts.push(format!("FREQ={}", one_of(u, FREQS)));
    }
    if chance(u, 40) {
        parts.push(format!("INTERVAL={}", one_of(u, INTERVALS)));
    }
    if chance(u, 80) {
        parts.push(format!("BYDAY={}", one_of(u, BYDAYS)));
    }
    match upto(u, 3) {
        0 => parts.push(format!("COUNT={}", one_of(u, COUNTS))),
        1 => parts.push(format!("UNTIL={}", date_time(u))),
        2 => {
            parts.push(format!("COUNT={}", one_of(u, COUNTS)));
            parts.push(format!("UNTIL={}", date_time(u)));
        }
        _ => {}
    }
    if chance(u, 15) {
        parts.push(
            one_of(
                u,
                &[
                    "WKST=MO",
                    "BYMONTH=13",
                    "X-FOO=1",
                    "=",
                    "",
                    "BYSETPOS=-1",
                    "FREQ=DAILY",
                ],
            )
            .to_string(),
        );
    }
    if chance(u, 20) {
        let i = upto(u, parts.len());
        let j = upto(u, parts.len());
        if i < parts.len() && j < parts.len() {
            parts.swap(i, j);
        }
    }
    parts.join(";")
}

/// A content line, `NAME;PARAMS:value`, with names in any case now and then.
fn line(u: &mut Unstructured<'_>, name: &str, params: &[String], value: &str) -> String {
    let name = if chance(u, 10) {
        name.to_ascii_lowercase()
    } else {
        name.to_string()
    };
    let mut out = name;
    for p in params {
        out.push(';');
        out.push_str(p);
    }
    out.push(':');
    out.push_str(value);
    out
}

fn event(u: &mut Unstructured<'_>, name: &str, email: Option<&str>, lines: &mut Vec<String>) {
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", number(u, 0, 1_000_000)));
    if chance(u, 85) {
        let summary = match upto(u, 4) {
            0 => format!("1:1 Grace / {name}"),
            1 => format!("{name} <> Grace"),
            2 => format!("Weekly sync\\, {name}\\; notes"),
            3 => text(u, 40),
            _ => format!("1:1 {}", name.split_whitespace().next().unwrap_or("")),
        };
        lines.push(line(u, "SUMMARY", &[], &summary));
    }
    if chance(u, 60) {
        let mut params = Vec::new();
        if chance(u, 70) {
            let cn = if chance(u, 70) {
                name.to_string()
            } else {
                one_of(u, NAMES).to_string()
            };
            params.push(format!("CN=\"{cn}\""));
        }
        if chance(u, 20) {
            params.push("ROLE=REQ-PARTICIPANT".into());
        }
        let address = match (email, upto(u, 2)) {
            (Some(e), 0 | 1) => format!("mailto:{e}"),
            _ => format!("mailto:{}", one_of(u, EMAILS)),
        };
        lines.push(line(u, "ATTENDEE", &params, &address));
    }
    let tz_param = |u: &mut Unstructured<'_>| -> Vec<String> {
        match upto(u, 4) {
            0 => vec![],
            1 => vec!["VALUE=DATE".into()],
            2 => vec![format!("TZID=\"{}\"", zone(u))],
            _ => vec![format!("TZID={}", zone(u))],
        }
    };
    if chance(u, 95) {
        let params = tz_param(u);
        let value = date_time(u);
        lines.push(line(u, "DTSTART", &params, &value));
    }
    match upto(u, 3) {
        0 => {
            let params = tz_param(u);
            let value = date_time(u);
            lines.push(line(u, "DTEND", &params, &value));
        }
        1 => {
            let value = if chance(u, 80) {
                one_of(u, DURATIONS).to_string()
            } else {
                format!("PT{}M", number(u, 0, 100_000))
            };
            lines.push(line(u, "DURATION", &[], &value));
        }
        _ => {}
    }
    if chance(u, 90) {
        let value = rrule(u);
        lines.push(line(u, "RRULE", &[], &value));
    }
    if chance(u, 8) {
        let value = date_time(u);
        lines.push(line(u, "RECURRENCE-ID", &[], &value));
    }
    if chance(u, 8) {
        let value = one_of(u, &["CANCELLED", "cancelled", "CONFIRMED", ""]).to_string();
        lines.push(line(u, "STATUS", &[], &value));
    }
    if chance(u, 20) {
        let value = one_of(u, &["https://meet.example/abc", "Room 4", "zoom", ""]).to_string();
        lines.push(line(u, "LOCATION", &[], &value));
    }
    if chance(u, 10) {
        lines.push("X-GOOGLE-CONFERENCE:https://meet.example/x".into());
    }
    if chance(u, 10) {
        lines.push("BEGIN:VALARM".into());
        lines.push("TRIGGER:-PT15M".into());
        lines.push("END:VALARM".into());
    }
    if chance(u, 10) {
        let name = one_of(
            u,
            &[
                "X-UNKNOWN",
                "DESCRIPTION",
                "EXDATE",
                "ORGANIZER",
                "",
                ";",
                ":",
            ],
        )
        .to_string();
        let value = text(u, 60);
        lines.push(format!("{name}:{value}"));
    }
    if chance(u, 97) {
        lines.push("END:VEVENT".into());
    }
}

fn vtimezone(u: &mut Unstructured<'_>, lines: &mut Vec<String>) {
    lines.push("BEGIN:VTIMEZONE".into());
    lines.push(format!("TZID:{}", zone(u)));
    if chance(u, 60) {
        lines.push(format!("X-LIC-LOCATION:{}", zone(u)));
    }
    for kind in ["STANDARD", "DAYLIGHT"] {
        if chance(u, 60) {
            lines.push(format!("BEGIN:{kind}"));
            lines.push(format!("DTSTART:{}", date_time(u)));
            lines.push("TZOFFSETFROM:+0200".into());
            lines.push("TZOFFSETTO:+0100".into());
            lines.push(format!("END:{kind}"));
        }
    }
    lines.push("END:VTIMEZONE".into());
}

fn calendar(u: &mut Unstructured<'_>, name: &str, email: Option<&str>, lines: &mut Vec<String>) {
    lines.push("BEGIN:VCALENDAR".into());
    lines.push("VERSION:2.0".into());
    lines.push("PRODID:-//Fuzz//EN".into());
    if chance(u, 30) {
        let value = zone(u);
        lines.push(line(u, "X-WR-TIMEZONE", &[], &value));
    }
    for _ in 0..upto(u, 2) {
        vtimezone(u, lines);
    }
    for _ in 0..upto(u, 6) {
        event(u, name, email, lines);
    }
    if chance(u, 97) {
        lines.push("END:VCALENDAR".into());
    }
}

/// Joins content lines the way exporters do: CRLF or LF, long lines folded.
fn join(u: &mut Unstructured<'_>, lines: &[String]) -> String {
    let end = *one_of(u, &["\r\n", "\r\n", "\n", "\r"]);
    let fold = chance(u, 20);
    let mut out = String::new();
    for l in lines {
        if fold && l.len() > 20 {
            let cut = upto(u, l.len());
            match (l.get(..cut), l.get(cut..)) {
                (Some(a), Some(b)) => {
                    out.push_str(a);
                    out.push_str(end);
                    out.push_str(pick(u, &[" ", "\t"]));
                    out.push_str(b);
                }
                _ => out.push_str(l),
            }
        } else {
            out.push_str(l);
        }
        out.push_str(end);
    }
    out
}

const DICTIONARY: &[&str] = &[
    "BEGIN:VCALENDAR\r\n",
    "END:VCALENDAR\r\n",
    "BEGIN:VEVENT\r\n",
    "END:VEVENT\r\n",
    "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n",
    "DTSTART;TZID=Europe/Paris:20240101T100000\r\n",
    ";TZID=",
    ":",
    ";",
    "=",
    "\"",
    "\r\n ",
    "\r\n",
    "\n",
    "BEGIN:",
    "END:",
    "COUNT=1040",
    "UNTIL=99991231T235959Z",
];

impl Target for Ics {
    type Input = IcsInput;
    const NAME: &'static str = "ics";

    fn new() -> Result<Self, String> {
        Ok(Ics)
    }

    fn generate(u: &mut Unstructured<'_>) -> IcsInput {
        let person_name = one_of(u, NAMES).to_string();
        let person_email = if chance(u, 50) {
            Some(one_of(u, EMAILS).to_string())
        } else {
            None
        };
        let default_zone = *one_of(u, DEFAULT_ZONES);
        let text = match upto(u, 19) {
            0 => raw_text(u),
            1 => format!("BEGIN:VCALENDAR\r\n{}", raw_text(u)),
            _ => {
                let mut lines = Vec::new();
                for _ in 0..=usize::from(chance(u, 10)) {
                    calendar(u, &person_name, person_email.as_deref(), &mut lines);
                }
                let text = join(u, &lines);
                if chance(u, 25) {
                    mutate_text(u, text, DICTIONARY)
                } else {
                    text
                }
            }
        };
        IcsInput {
            text,
            person_name,
            person_email,
            default_zone,
        }
    }

    fn check(&mut self, input: &IcsInput) -> Result<(), String> {
        let calendars = match parse(&input.text) {
            Ok(c) => c,
            Err(e) => return refusal(&e),
        };
        let found = match find_series(
            &calendars,
            &input.person_name,
            input.person_email.as_deref(),
            input.default_zone,
        ) {
            Ok(f) => f,
            Err(e) => return refusal(&e),
        };
        if !(1..=MAX_MEETING_MINUTES).contains(&found.duration_minutes) {
            return Err(format!(
                "a series of {} minutes was accepted",
                found.duration_minutes
            ));
        }
        reads_back(input, &found)
    }
}

fn refusal(e: &rapport_core::Error) -> Result<(), String> {
    if e.message.trim().is_empty() {
        return Err(format!("an error without a message ({:?})", e.code));
    }
    match e.code {
        ErrorCode::InvalidInput | ErrorCode::NotFound => Ok(()),
        other => Err(format!("unexpected error code {other:?}: {}", e.message)),
    }
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 19, 10, 0, 0)
        .single()
        .unwrap_or_default()
}

/// The series as import would make it, then the invite Rapport sends for
/// it, read again: the same rhythm, day, time, zone and length come back.
fn reads_back(input: &IcsInput, found: &FoundSeries) -> Result<(), String> {
    let tz = found.time_zone.tz();
    let series = Series {
        id: "series".into(),
        person_id: "person".into(),
        frequency: found.frequency,
        weekday: found.weekday,
        local_time: found.local_time,
        time_zone: found.time_zone,
        duration_minutes: found.duration_minutes,
        format: MeetingFormat::Video,
        template_id: None,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
        sequence: 0,
        created_at: stamp(),
        updated_at: stamp(),
        second_weekday: found.second_weekday,
        last_of_month: found.last_of_month,
    };
    // What the schedule does with a new series: its next occurrences.
    let _ = next_start_after(&series, stamp());
    let Some(first_day) = dates_from(
        found.frequency,
        found.weekday,
        found.second_weekday,
        found.last_of_month,
        found.starts_on,
        found.starts_on,
    )
    .next() else {
        return Ok(());
    };
    let start = local_to_utc(tz, first_day, found.local_time);
    let until = found
        .ends_on
        .map(|end| local_to_utc(tz, end, found.local_time));
    let parties = Parties {
        manager_name: "Grace Hopper".into(),
        manager_email: Some("grace@example.com".into()),
        person_name: input.person_name.clone(),
        person_email: input.person_email.clone(),
    };
    let invite = Invite {
        method: Method::Request,
        parties,
        events: vec![InviteEvent {
            uid: "series@fuzz".into(),
            sequence: 0,
            start,
            minutes: found.duration_minutes,
            time_zone: found.time_zone,
            rule: Some(Rule {
                frequency: found.frequency,
                weekday: found.weekday,
                second_weekday: found.second_weekday,
                last_of_month: found.last_of_month,
                until,
            }),
            recurrence_id: None,
            exdates: vec![],
            cancelled: false,
            topic: None,
            agenda: vec![],
            video: found.video,
        }],
        alarms: vec![15],
        stamp: stamp(),
    };
    let rendered = match render(&invite) {
        Ok(text) => text,
        // An address the invite cannot carry is refused with a message.
        Err(e) => return refusal(&e),
    };
    // Without an address the invite names the person by first name only,
    // which reads back only for plain names; with one, always.
    if input.person_email.is_none() {
        return Ok(());
    }
    let again = parse(&rendered)
        .and_then(|c| {
            find_series(
                &c,
                &input.person_name,
                input.person_email.as_deref(),
                Tz::UTC,
            )
        })
        .map_err(|e| {
            format!(
                "the invite for a found series does not read back: {}\n{rendered}",
                e.message
            )
        })?;
    let first_local = start.with_timezone(&tz).time();
    let same = again.frequency == found.frequency
        && again.weekday == found.weekday
        && again.second_weekday == found.second_weekday
        && again.last_of_month == found.last_of_month
        && again.time_zone == found.time_zone
        && again.duration_minutes == found.duration_minutes
        && again.local_time == first_local;
    if !same {
        return Err(format!(
            "the invite for {found:?} reads back as {again:?}\n{rendered}"
        ));
    }
    Ok(())
}
