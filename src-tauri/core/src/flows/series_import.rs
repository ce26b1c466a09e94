//! Starting a person's series from another app's calendar export.

use crate::day_text::weekday_day_month_year;
use crate::error::{Error, Result};
use crate::formats::ics::{find_series, parse};
use crate::formats::series_text;
use crate::ids::new_id;
use crate::records::meetings::{Meeting, MeetingFormat, Series};
use crate::store::Store;
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

/// What an import found and created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedSeries {
    pub series: Series,
    pub next_meeting: Option<Meeting>,
    /// The SUMMARY of the event it came from.
    pub source_summary: String,
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
    let today = store.clock().day_of(now);
    if let Some(end) = found.ends_on.filter(|end| *end < today) {
        return Err(Error::invalid(format!(
            "The recurring 1:1 \"{}\" in this file ended on {}. Nothing was imported.",
            found.summary,
            weekday_day_month_year(&end)
        )));
    }
    store.write(|s| {
        if let Some(existing) = s.schedule().active_series_for(person_id, today)?.first() {
            return Err(Error::invalid(format!(
                "{} already has a recurring 1:1 ({}); end it before importing another. \
                 Nothing was imported.",
                person.name,
                series_text::rhythm(existing, s.clock_hours()),
            )));
        }
        let series = Series {
            id: new_id(),
            person_id: person.id.clone(),
            frequency: found.frequency,
            weekday: found.weekday,
            local_time: found.local_time,
            time_zone: found.time_zone,
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
            second_weekday: found.second_weekday,
            last_of_month: found.last_of_month,
        };
        s.schedule().insert_series(&series)?;
        let next_meeting = crate::flows::scheduling::ensure_next(s, &series, now)?;
        Ok(ImportedSeries {
            series,
            next_meeting,
            source_summary: found.summary.clone(),
        })
    })
}
