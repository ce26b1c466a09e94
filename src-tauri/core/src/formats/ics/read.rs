//! Reading another app's calendar export (Google, Outlook, Apple) and finding
//! the recurring 1:1 with a person in it.

use super::invite::first_name;
use super::text::{unescape_text, LOCAL_FORMAT};
use super::windows_zones::WINDOWS_ZONES;
use crate::day_text::day_month_year;
use crate::error::{Error, Result};
use crate::records::meetings::{local_to_utc, Frequency, Weekday, MAX_MEETING_MINUTES};
use crate::records::recurrence::dates_from;
use crate::zone::Zone;
use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use ical::generator::{IcalCalendar, IcalEvent, Property};

/// The parts of a recurring event that make a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSeries {
    pub summary: String,
    pub frequency: Frequency,
    pub weekday: Weekday,
    pub second_weekday: Option<Weekday>,
    /// Monthly on the last such weekday (BYDAY=-1TU).
    pub last_of_month: bool,
    pub local_time: NaiveTime,
    pub time_zone: Zone,
    pub duration_minutes: u32,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub video: bool,
}

/// A calendar export of years of meetings is a few MiB; more is not a 1:1's.
const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The most occurrences a COUNT may give: twenty years of weekly 1:1s.
const MAX_COUNT: u32 = 1040;
/// The years a series may start in. iCalendar writes four-digit years, so a
/// start near 9999 gives occurrences no invite can carry; no 1:1 starts
/// centuries away.
const START_YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// Reads calendar text; a file that is not iCalendar is refused with a message.
pub fn parse(text: &str) -> Result<Vec<IcalCalendar>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(format!(
            "This calendar file is {} MiB; Rapport reads files of up to {} MiB. Export only \
             the 1:1's calendar, or a shorter period. Nothing was imported.",
            text.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
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

pub(super) fn get<'a>(props: &'a [Property], name: &str) -> Option<&'a Property> {
    props.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

pub(super) fn param<'a>(p: &'a Property, name: &str) -> Option<&'a str> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(String::as_str)
}

/// An IANA zone for a TZID: the name itself, its IANA tail (some apps prefix
/// a vendor path), a Windows name, or the VTIMEZONE's X-LIC-LOCATION.
pub(super) fn zone_for(tzid: &str, calendar: &IcalCalendar) -> Result<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Ok(tz);
    }
    // Each tail after a '/', longest first: "/vendor/2019/America/New_York".
    for (at, _) in tzid.match_indices('/') {
        if let Some(Ok(tz)) = tzid.get(at + 1..).map(str::parse::<Tz>) {
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
pub(super) fn date_time(
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
        let naive = without_leap_second(naive);
        let tz = match param(p, "TZID") {
            Some(id) => zone_for(id, calendar)?,
            None => default_zone,
        };
        return Ok(Some((naive.and_utc().with_timezone(&tz).naive_local(), tz)));
    }
    let naive = NaiveDateTime::parse_from_str(value, LOCAL_FORMAT).map_err(|_| bad())?;
    let naive = without_leap_second(naive);
    let tz = match param(p, "TZID") {
        Some(id) => zone_for(id, calendar)?,
        None => default_zone,
    };
    Ok(Some((naive, tz)))
}

/// The instant of a local end time. At the hour a clock goes back, 01:00 to
/// 02:00 happen twice; an end there is the one after the start, so a 1:1
/// from 01:30 (summer time) to 01:00 (winter time) lasts 30 minutes.
fn end_instant(tz: Tz, end: NaiveDateTime, start: DateTime<Utc>) -> DateTime<Utc> {
    match tz.from_local_datetime(&end) {
        LocalResult::Ambiguous(first, second) => {
            let first = first.with_timezone(&Utc);
            if first > start {
                first
            } else {
                second.with_timezone(&Utc)
            }
        }
        _ => local_to_utc(tz, end.date(), end.time()),
    }
}

/// RFC 5545 allows a 60th second for leap seconds. A 1:1 at 12:59:60 would
/// otherwise be kept as a time no clock shows, and written back as another
/// day and length; it starts at 12:59:59 instead.
fn without_leap_second(naive: NaiveDateTime) -> NaiveDateTime {
    if naive.nanosecond() >= 1_000_000_000 {
        naive.with_nanosecond(0).unwrap_or(naive)
    } else {
        naive
    }
}

/// "PT30M", "PT1H", "PT1H30M", "P0DT0H45M0S".
pub(super) fn duration_minutes(text: &str) -> Option<i64> {
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
            let add = match c {
                'D' => n.checked_mul(1440)?,
                'W' => n.checked_mul(10080)?,
                _ => return None,
            };
            minutes = minutes.checked_add(add)?;
        }
    }
    for c in time.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let n: i64 = number.parse().ok()?;
            number.clear();
            let add = match c {
                'H' => n.checked_mul(60)?,
                'M' => n,
                'S' => n / 60,
                _ => return None,
            };
            minutes = minutes.checked_add(add)?;
        }
    }
    Some(minutes)
}

pub(super) fn weekday_code(code: &str) -> Option<Weekday> {
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

#[derive(Debug)]
pub(super) struct ParsedRule {
    frequency: Frequency,
    weekday: Option<Weekday>,
    second_weekday: Option<Weekday>,
    last_of_month: bool,
    until: Option<String>,
    count: Option<u32>,
}

pub(super) fn parse_rule(value: &str, summary: &str) -> Result<ParsedRule> {
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
    if let Some(n) = count.filter(|n| *n > MAX_COUNT) {
        return Err(Error::invalid(format!(
            "\"{summary}\" repeats {n} times; Rapport takes series of up to {MAX_COUNT} \
             occurrences. Nothing was imported."
        )));
    }
    let unsupported = || {
        Error::invalid(format!(
            "\"{summary}\" repeats in a way Rapport does not schedule ({value}); 1:1s can be \
             weekly, twice a week, every two weeks or monthly on one weekday. Nothing was imported."
        ))
    };
    // Two days a week is a twice-a-week series; more is not a 1:1's rhythm.
    if days.len() > 2 {
        return Err(unsupported());
    }
    let mut weekdays = Vec::with_capacity(days.len());
    for day in &days {
        let code = day.trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
        weekdays.push(weekday_code(code).ok_or_else(unsupported)?);
    }
    let weekday = weekdays.first().copied();
    let second_weekday = weekdays.get(1).copied().filter(|d| Some(*d) != weekday);
    let frequency = match (freq.as_deref(), interval, second_weekday.is_some()) {
        (Some("WEEKLY"), 1, true) => Frequency::TwiceWeekly,
        (Some("WEEKLY"), 1, false) => Frequency::Weekly,
        (Some("WEEKLY"), 2, false) => Frequency::Biweekly,
        (Some("MONTHLY"), 1, false) => Frequency::Monthly,
        _ => return Err(unsupported()),
    };
    // "-1TU" is the month's last Tuesday; a positive ordinal is the one the
    // first occurrence has, which Rapport keeps anyway.
    let last_of_month = frequency == Frequency::Monthly
        && days
            .first()
            .is_some_and(|d| d.trim_end_matches(|c: char| c.is_ascii_alphabetic()) == "-1");
    Ok(ParsedRule {
        frequency,
        weekday,
        second_weekday,
        last_of_month,
        until,
        count,
    })
}

pub(super) fn matches_person(event: &IcalEvent, name: &str, email: Option<&str>) -> bool {
    // Invites leave control characters out of names, so a name is compared
    // without them, as it reads in the calendar.
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let name = name.as_str();
    let email = email.map(|e| e.trim().to_ascii_lowercase());
    let attendees = event
        .properties
        .iter()
        .filter(|p| p.name.eq_ignore_ascii_case("ATTENDEE"));
    for a in attendees {
        let address = a.value.as_deref().unwrap_or("").trim().to_ascii_lowercase();
        let address = address.strip_prefix("mailto:").unwrap_or(&address).trim();
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
            if !START_YEARS.contains(&start.year()) {
                return Err(Error::invalid(format!(
                    "\"{summary}\" starts on {}, outside the years Rapport schedules ({} to {}). \
                     Nothing was imported.",
                    day_month_year(&start.date()),
                    START_YEARS.start(),
                    START_YEARS.end()
                )));
            }
            let parsed = parse_rule(rule.value.as_deref().unwrap_or(""), &summary)?;
            let minutes = match (get(props, "DTEND"), get(props, "DURATION")) {
                (Some(end), _) => match date_time(end, calendar, cal_zone)? {
                    Some((end, end_tz)) => {
                        let s = local_to_utc(tz, start.date(), start.time());
                        let e = end_instant(end_tz, end, s);
                        (e - s).num_minutes()
                    }
                    None => 0,
                },
                (None, Some(d)) => duration_minutes(d.value.as_deref().unwrap_or("")).unwrap_or(0),
                (None, None) => 30,
            };
            if !(1..=i64::from(MAX_MEETING_MINUTES)).contains(&minutes) {
                return Err(Error::invalid(format!(
                    "\"{summary}\" lasts {minutes} minutes; a 1:1 lasts between 1 and \
                     {MAX_MEETING_MINUTES}. Nothing was imported."
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
                // Calendars write "forever" as a far end such as 9999-12-31,
                // which in a zone east of UTC is already year 10000: an end
                // past the years Rapport schedules is no end.
                // The first 1:1 is the first matching weekday on or after
                // the start, which may be days after it.
                let first = dates_from(
                    parsed.frequency,
                    weekday,
                    parsed.second_weekday,
                    parsed.last_of_month,
                    start.date(),
                    start.date(),
                )
                .next()
                .unwrap_or(start.date());
                if date < first {
                    return Err(Error::invalid(format!(
                        "\"{summary}\" ends (UNTIL={until}) before its first 1:1. Nothing was \
                         imported."
                    )));
                }
                ends_on = Some(date).filter(|d| d.year() <= *START_YEARS.end());
            } else if let Some(count) = parsed.count.filter(|c| *c > 0) {
                ends_on = dates_from(
                    parsed.frequency,
                    weekday,
                    parsed.second_weekday,
                    parsed.last_of_month,
                    start.date(),
                    start.date(),
                )
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
                second_weekday: parsed.second_weekday,
                last_of_month: parsed.last_of_month,
                local_time: start.time(),
                time_zone: Zone::from(tz),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(duration_minutes("PT30M"), Some(30));
        assert_eq!(duration_minutes("PT1H30M"), Some(90));
        assert_eq!(duration_minutes("P0DT0H45M0S"), Some(45));
        assert_eq!(duration_minutes("30M"), None);
    }

    #[test]
    fn hostile_numbers_give_an_error_never_a_panic_or_a_hang() {
        assert_eq!(duration_minutes("P9223372036854775807W"), None);
        assert_eq!(
            duration_minutes("P9000000000000000DT9000000000000000H"),
            None
        );
        let err = parse_rule("FREQ=WEEKLY;BYDAY=TH;COUNT=4294967295", "1:1").unwrap_err();
        assert!(err.message.contains("4294967295"), "{}", err.message);
        assert!(parse_rule("FREQ=WEEKLY;BYDAY=TH;COUNT=52", "1:1").is_ok());
        assert!(parse_rule("FREQ=WEEKLY;BYDAY=TH;INTERVAL=4294967296", "1:1").is_err());
    }

    /// Found by fuzzing: a name with a control character, or an address with
    /// spaces after "mailto:", did not find the 1:1 in Rapport's own invite.
    #[test]
    fn the_person_is_found_despite_control_characters_and_spaces() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Grace / Ada\r\n\
                    DTSTART:20240105T100000\r\nATTENDEE;CN=Ada:mailto: ada@example.com \r\n\
                    RRULE:FREQ=WEEKLY;BYDAY=FR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let calendar = parse(text).unwrap();
        assert!(find_series(&calendar, "Ada\0", None, Tz::UTC).is_ok());
        assert!(find_series(&calendar, "Nobody", Some("ada@example.com"), Tz::UTC).is_ok());
        assert!(find_series(&calendar, "Nobody", Some("bob@example.com"), Tz::UTC).is_err());
    }

    /// Found by fuzzing: UNTIL=99991231T235959Z read in a zone east of UTC
    /// ended the series in year 10000, which no invite can carry.
    #[test]
    fn an_end_past_the_years_rapport_schedules_is_no_end() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\n\
                    DTSTART;TZID=Australia/Sydney:20260105T100000\r\n\
                    RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=99991231T235959Z\r\nEND:VEVENT\r\n\
                    END:VCALENDAR\r\n";
        let found = find_series(&parse(text).unwrap(), "Ada", None, Tz::UTC).unwrap();
        assert_eq!(found.ends_on, None);
        let text = text.replace("99991231T235959Z", "20271231T235959Z");
        let found = find_series(&parse(&text).unwrap(), "Ada", None, Tz::UTC).unwrap();
        assert_eq!(found.ends_on, NaiveDate::from_ymd_opt(2028, 1, 1));
        // Found next: an end in year 0 read in the same way.
        let text = text.replace("20271231T235959Z", "00000101T000000Z");
        let err = find_series(&parse(&text).unwrap(), "Ada", None, Tz::UTC).unwrap_err();
        assert!(
            err.message.contains("before its first 1:1"),
            "{}",
            err.message
        );
        // And one that ends on its start day, a Sunday, when it is held on
        // Mondays: it never takes place.
        let text = text
            .replace("00000101T000000Z", "20260111T100000")
            .replace("20260105T100000", "20260111T100000");
        let err = find_series(&parse(&text).unwrap(), "Ada", None, Tz::UTC).unwrap_err();
        assert!(
            err.message.contains("before its first 1:1"),
            "{}",
            err.message
        );
    }

    /// Found by fuzzing: Rapport's own invite for a 1:1 at 01:30 on the
    /// night the clocks go back ends at 01:00, winter time.
    #[test]
    fn a_1_1_across_the_hour_the_clocks_go_back_keeps_its_length() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\n\
                    DTSTART;TZID=America/Los_Angeles:20241103T013000\r\n\
                    DTEND;TZID=America/Los_Angeles:20241103T010000\r\n\
                    RRULE:FREQ=MONTHLY;BYDAY=1SU\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let found = find_series(&parse(text).unwrap(), "Ada", None, Tz::UTC).unwrap();
        assert_eq!(found.duration_minutes, 30);
    }

    /// Found by fuzzing: a leap second (second 60) was kept as a time of day
    /// no clock shows, and the series came back from its own invite on
    /// another day with another length.
    #[test]
    fn a_leap_second_start_becomes_the_second_before() {
        for start in ["20240101T125960", "20240101T125960Z"] {
            let text = format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\nDTSTART:{start}\r\n\
                 DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            let found = find_series(&parse(&text).unwrap(), "Ada", None, Tz::UTC).unwrap();
            assert_eq!(
                found.local_time,
                NaiveTime::from_hms_opt(12, 59, 59).unwrap()
            );
            assert_eq!(found.duration_minutes, 30);
        }
    }

    /// Found by fuzzing: a start at the end of year 9999 gave a series whose
    /// first occurrence falls in year 10000, which no invite can carry.
    #[test]
    fn a_start_centuries_away_is_refused() {
        for start in ["99991231T235959Z", "00010101T100000", "18991231T100000"] {
            let text = format!(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\nDTSTART:{start}\r\n\
                 RRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            );
            let err =
                find_series(&parse(&text).unwrap(), "Ada", None, Tz::Etc__GMTPlus12).unwrap_err();
            assert!(err.message.contains("outside the years"), "{}", err.message);
        }
        // The day as the app writes days, not as the file wrote it.
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\n\
                    DTSTART:18991231T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT\r\n\
                    END:VCALENDAR\r\n";
        let err = find_series(&parse(text).unwrap(), "Ada", None, Tz::UTC).unwrap_err();
        assert!(
            err.message
                .starts_with("\"1:1 Ada\" starts on 31 Dec 1899, outside the years"),
            "{}",
            err.message
        );
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:1:1 Ada\r\n\
                    DTSTART:29990101T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\nEND:VEVENT\r\n\
                    END:VCALENDAR\r\n";
        assert!(find_series(&parse(text).unwrap(), "Ada", None, Tz::UTC).is_ok());
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let text = format!("BEGIN:VCALENDAR\r\n{}", "X".repeat(MAX_FILE_BYTES));
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("MiB"), "{}", err.message);
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
