//! VTIMEZONE components built from a zone's rules, so an invite anchored in a
//! named zone keeps its local time across daylight-saving changes.

use super::text::{byday, prop, LOCAL_FORMAT, UTC_FORMAT};
use crate::records::meetings::Weekday;
use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use ical::parser::ical::component::{
    IcalTimeZone, IcalTimeZoneTransition, IcalTimeZoneTransitionType,
};

pub(super) fn offset_text(seconds: i32) -> String {
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
pub(super) struct ZoneState {
    total: i32,
    daylight: bool,
    name: String,
}

pub(super) fn state_at(tz: Tz, at: DateTime<Utc>) -> ZoneState {
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

pub(super) struct Transition {
    at: DateTime<Utc>,
    from: i32,
    to: ZoneState,
}

/// The zone's offset changes in the given years, found by sampling each day
/// and narrowing to the second.
pub(super) fn transitions(tz: Tz, from_year: i32, to_year: i32) -> Vec<Transition> {
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
        let (Some(first), Some(last)) = (onsets.first(), onsets.last()) else {
            continue;
        };
        let mut component = IcalTimeZoneTransition::new(kind);
        component
            .properties
            .push(prop("DTSTART", first.format(LOCAL_FORMAT).to_string()));
        match yearly_rule(&onsets) {
            Some(mut rule) => {
                if last.year() < to_year {
                    // The rule stopped within the years covered.
                    let until = *last - Duration::seconds(from as i64);
                    rule.push_str(&format!(";UNTIL={}", until.and_utc().format(UTC_FORMAT)));
                }
                component.properties.push(prop("RRULE", rule));
            }
            None if onsets.len() > 1 => component.properties.push(prop(
                "RDATE",
                onsets
                    .iter()
                    .skip(1)
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
pub(super) fn yearly_rule(onsets: &[NaiveDateTime]) -> Option<String> {
    let (first, rest) = onsets.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let first = *first;
    let consecutive = onsets
        .iter()
        .zip(rest)
        .all(|(a, b)| b.year() == a.year() + 1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use ical::generator::Emitter;
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
}
