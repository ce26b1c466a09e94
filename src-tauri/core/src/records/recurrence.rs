//! When the occurrences of a recurring 1:1 fall. Pure date arithmetic: the
//! dates come from the series' rule in its own time zone, and only then become
//! UTC instants, so "every Thursday 14:00" stays 14:00 local across
//! daylight-saving changes.

use crate::records::meetings::{local_to_utc, Frequency, Series, Weekday};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// The first day on or after `from` that falls on `weekday`.
pub fn first_weekday_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let target = weekday.to_chrono().num_days_from_monday() as i64;
    let current = from.weekday().num_days_from_monday() as i64;
    // At the calendar's far end (only a hostile file gets there) the day stays.
    from.checked_add_signed(Duration::days((target - current).rem_euclid(7)))
        .unwrap_or(from)
}

/// Which `weekday` of each month (1 to 4) a monthly series starting on
/// `starts_on` falls on, unless it keeps to the month's last one.
pub fn monthly_ordinal(weekday: Weekday, starts_on: NaiveDate) -> u8 {
    let first = first_weekday_on_or_after(starts_on, weekday);
    ((first.day() - 1) / 7 + 1).min(4) as u8
}

/// The series' occurrence dates from `from` on (inclusive), in local time.
/// Monthly series keep the ordinal weekday of their first occurrence (the
/// second Tuesday stays the second Tuesday); a fifth weekday becomes the fourth
/// so that every month has one, unless the series falls on the month's last
/// such weekday (`last_of_month`). A twice-a-week series falls on both its
/// days every week (`second` is its other day; the other rhythms ignore it).
pub fn dates_from(
    frequency: Frequency,
    weekday: Weekday,
    second: Option<Weekday>,
    last_of_month: bool,
    starts_on: NaiveDate,
    from: NaiveDate,
) -> impl Iterator<Item = NaiveDate> {
    let second = second.unwrap_or(weekday);
    let on_a_day =
        move |d: NaiveDate| d.weekday() == weekday.to_chrono() || d.weekday() == second.to_chrono();
    // The first matching day strictly after `d` (at most a week on).
    let after = move |d: NaiveDate| {
        (1..=7)
            .filter_map(|n| d.checked_add_signed(Duration::days(n)))
            .find(|c| on_a_day(*c))
    };
    let anchor = match frequency {
        Frequency::TwiceWeekly => first_weekday_on_or_after(starts_on, weekday)
            .min(first_weekday_on_or_after(starts_on, second)),
        _ => first_weekday_on_or_after(starts_on, weekday),
    };
    let from = from.max(anchor);
    // A monthly series' day in a month: its ordinal weekday, or the last.
    let ordinal = monthly_ordinal(weekday, starts_on);
    let in_month = move |month: NaiveDate| {
        if last_of_month {
            last_weekday(month, weekday)
        } else {
            nth_weekday(month, weekday, ordinal)
        }
    };
    let mut next: Option<NaiveDate> = match frequency {
        Frequency::TwiceWeekly => {
            if on_a_day(from) {
                Some(from)
            } else {
                after(from)
            }
        }
        Frequency::Weekly | Frequency::Biweekly => {
            let step = if frequency == Frequency::Weekly {
                7
            } else {
                14
            };
            let behind = (from - anchor).num_days();
            let steps = (behind + step - 1).div_euclid(step);
            steps
                .checked_mul(step)
                .and_then(|days| anchor.checked_add_signed(Duration::days(days)))
        }
        Frequency::Monthly => {
            let mut month = from.with_day(1).unwrap_or(from);
            let mut found = None;
            for _ in 0..3 {
                if let Some(d) = in_month(month) {
                    if d >= from {
                        found = Some(d);
                        break;
                    }
                }
                match month.checked_add_months(Months::new(1)) {
                    Some(m) => month = m,
                    None => break,
                }
            }
            found
        }
    };
    std::iter::from_fn(move || {
        let current = next?;
        next = match frequency {
            // Checked: a series runs out at the calendar's end instead of panicking.
            Frequency::TwiceWeekly => after(current),
            Frequency::Weekly => current.checked_add_signed(Duration::days(7)),
            Frequency::Biweekly => current.checked_add_signed(Duration::days(14)),
            Frequency::Monthly => current
                .with_day(1)
                .unwrap_or(current)
                .checked_add_months(Months::new(1))
                .and_then(in_month),
        };
        Some(current)
    })
}

/// The last `weekday` of the month that starts on `month_start`.
fn last_weekday(month_start: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let last_day = month_start.checked_add_months(Months::new(1))?.pred_opt()?;
    let back = (i64::from(last_day.weekday().num_days_from_monday())
        - i64::from(weekday.to_chrono().num_days_from_monday()))
    .rem_euclid(7);
    last_day.checked_sub_signed(Duration::days(back))
}

fn nth_weekday(month_start: NaiveDate, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(
        month_start.year(),
        month_start.month(),
        weekday.to_chrono(),
        n,
    )
}

/// The series' starts from `from` on (inclusive) until it ends, as instants:
/// its rule's dates in its own zone, at its local time.
pub fn starts_from(
    series: &Series,
    from: DateTime<Utc>,
) -> impl Iterator<Item = DateTime<Utc>> + '_ {
    let tz = series.time_zone.tz();
    // One day back: the local date of `from` can be behind its UTC date.
    let local = from.with_timezone(&tz).date_naive();
    let first = local.checked_sub_signed(Duration::days(1)).unwrap_or(local);
    dates_from(
        series.frequency,
        series.weekday,
        series.second_weekday,
        series.last_of_month,
        series.starts_on,
        first,
    )
    .take_while(move |date| series.ends_on.is_none_or(|end| *date <= end))
    .map(move |date| local_to_utc(tz, date, series.local_time))
    .skip_while(move |start| *start < from)
}

/// The first occurrence of `series` that starts strictly after `after`, or
/// None once the series has ended.
pub fn next_start_after(series: &Series, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    starts_from(series, after).find(|start| *start > after)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::NaiveTime;

    #[test]
    fn a_series_at_the_calendars_end_stops_instead_of_panicking() {
        let end = NaiveDate::MAX - Duration::days(20);
        for frequency in Frequency::ALL.iter().copied() {
            let dates: Vec<_> =
                dates_from(frequency, Weekday::Mon, Some(Weekday::Thu), false, end, end).collect();
            assert!(dates.len() <= 6, "{frequency:?}: {dates:?}");
        }
        first_weekday_on_or_after(NaiveDate::MAX, Weekday::Mon);
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A series at 14:00 in Paris, 30 minutes; for tests of what reads series.
    pub(crate) fn series(frequency: Frequency, weekday: Weekday, starts_on: &str) -> Series {
        let at: DateTime<Utc> = "2024-01-01T00:00:00Z".parse().unwrap();
        Series {
            id: "s".into(),
            person_id: "p".into(),
            frequency,
            weekday,
            local_time: NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            time_zone: crate::zone::Zone::from_tz(chrono_tz::Europe::Paris),
            duration_minutes: 30,
            format: crate::records::meetings::MeetingFormat::InPerson,
            template_id: None,
            starts_on: date(starts_on),
            ends_on: None,
            sequence: 0,
            created_at: at,
            updated_at: at,
            second_weekday: None,
            last_of_month: false,
        }
    }

    #[test]
    fn weekly_dates_fall_on_the_weekday() {
        let dates: Vec<_> = dates_from(
            Frequency::Weekly,
            Weekday::Thu,
            None,
            false,
            date("2024-10-01"),
            date("2024-10-01"),
        )
        .take(3)
        .collect();
        assert_eq!(
            dates,
            [date("2024-10-03"), date("2024-10-10"), date("2024-10-17")]
        );
    }

    #[test]
    fn twice_weekly_dates_fall_on_both_days_every_week() {
        // 2024-10-01 is a Tuesday: the first is Thursday the 3rd.
        let dates: Vec<_> = dates_from(
            Frequency::TwiceWeekly,
            Weekday::Mon,
            Some(Weekday::Thu),
            false,
            date("2024-10-01"),
            date("2024-10-01"),
        )
        .take(5)
        .collect();
        assert_eq!(
            dates,
            [
                date("2024-10-03"),
                date("2024-10-07"),
                date("2024-10-10"),
                date("2024-10-14"),
                date("2024-10-17")
            ]
        );
        let mut s = series(Frequency::TwiceWeekly, Weekday::Mon, "2024-10-01");
        s.second_weekday = Some(Weekday::Thu);
        // Across the autumn change, still 14:00 in Paris.
        let first = next_start_after(&s, "2024-10-25T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(first.to_rfc3339(), "2024-10-28T13:00:00+00:00");
        let second = next_start_after(&s, first).unwrap();
        assert_eq!(second.to_rfc3339(), "2024-10-31T13:00:00+00:00");
    }

    #[test]
    fn biweekly_dates_keep_their_rhythm_from_any_day() {
        let dates: Vec<_> = dates_from(
            Frequency::Biweekly,
            Weekday::Mon,
            None,
            false,
            date("2024-09-02"),
            date("2024-09-10"),
        )
        .take(2)
        .collect();
        assert_eq!(dates, [date("2024-09-16"), date("2024-09-30")]);
    }

    #[test]
    fn monthly_keeps_the_ordinal_weekday() {
        // 2024-10-08 is the second Tuesday of October.
        let dates: Vec<_> = dates_from(
            Frequency::Monthly,
            Weekday::Tue,
            None,
            false,
            date("2024-10-08"),
            date("2024-10-09"),
        )
        .take(3)
        .collect();
        assert_eq!(
            dates,
            [date("2024-11-12"), date("2024-12-10"), date("2025-01-14")]
        );
    }

    #[test]
    fn monthly_on_the_last_weekday_takes_the_fifth_when_there_is_one() {
        // The last Tuesday: 29 Oct 2024 is a fifth Tuesday, 26 Nov a fourth.
        let dates: Vec<_> = dates_from(
            Frequency::Monthly,
            Weekday::Tue,
            None,
            true,
            date("2024-10-02"),
            date("2024-10-02"),
        )
        .take(4)
        .collect();
        assert_eq!(
            dates,
            [
                date("2024-10-29"),
                date("2024-11-26"),
                date("2024-12-31"),
                date("2025-01-28")
            ]
        );
        // Without it, a series started on a fifth Tuesday keeps the fourth.
        let fourth: Vec<_> = dates_from(
            Frequency::Monthly,
            Weekday::Tue,
            None,
            false,
            date("2024-10-29"),
            date("2024-10-29"),
        )
        .take(3)
        .collect();
        assert_eq!(
            fourth,
            [date("2024-11-26"), date("2024-12-24"), date("2025-01-28")]
        );
    }

    #[test]
    fn weekly_1_1_stays_at_14_local_across_the_autumn_change() {
        let s = series(Frequency::Weekly, Weekday::Thu, "2024-10-01");
        let first = next_start_after(&s, "2024-10-20T00:00:00Z".parse().unwrap()).unwrap();
        let second = next_start_after(&s, first).unwrap();
        // Summer time (UTC+2) before 27 October, winter time (UTC+1) after.
        assert_eq!(first.to_rfc3339(), "2024-10-24T12:00:00+00:00");
        assert_eq!(second.to_rfc3339(), "2024-10-31T13:00:00+00:00");
        let tz: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        for start in [first, second] {
            assert_eq!(
                start.with_timezone(&tz).time(),
                NaiveTime::from_hms_opt(14, 0, 0).unwrap()
            );
        }
    }

    #[test]
    fn spring_change_keeps_local_time_too() {
        let s = series(Frequency::Weekly, Weekday::Thu, "2024-03-01");
        let first = next_start_after(&s, "2024-03-25T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(first.to_rfc3339(), "2024-03-28T13:00:00+00:00");
        let before = next_start_after(&s, "2024-03-18T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(before.to_rfc3339(), "2024-03-21T13:00:00+00:00");
        let after = next_start_after(&s, "2024-04-01T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(after.to_rfc3339(), "2024-04-04T12:00:00+00:00");
    }

    #[test]
    fn next_start_is_strictly_after_and_respects_the_end() {
        let mut s = series(Frequency::Weekly, Weekday::Thu, "2024-10-01");
        let at: DateTime<Utc> = "2024-10-03T12:00:00Z".parse().unwrap();
        assert_eq!(
            next_start_after(&s, at).unwrap().to_rfc3339(),
            "2024-10-10T12:00:00+00:00"
        );
        s.ends_on = Some(date("2024-10-09"));
        assert_eq!(next_start_after(&s, at), None);
    }

    #[test]
    fn first_weekday_wraps_the_week() {
        assert_eq!(
            first_weekday_on_or_after(date("2024-10-04"), Weekday::Mon),
            date("2024-10-07")
        );
        assert_eq!(
            first_weekday_on_or_after(date("2024-10-07"), Weekday::Mon),
            date("2024-10-07")
        );
    }
}
