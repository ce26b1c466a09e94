//! A recurring 1:1's rhythm in words, for messages and the command line, as
//! the window words it: "every two weeks on Tuesday at 2:00 PM", "monthly on
//! the last Friday at 09:30".

use crate::records::meetings::{Frequency, Series, Weekday};
use crate::records::recurrence::monthly_ordinal;
use crate::time_of_day::{clock_time, ClockHours};

fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn ordinal_name(n: u8) -> &'static str {
    match n {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => "fourth",
    }
}

/// "weekly on Monday at 14:00", "twice a week, on Monday and Thursday at
/// 2:00 PM", "monthly on the second Tuesday at 09:30".
pub fn rhythm(series: &Series, hours: ClockHours) -> String {
    let day = day_name(series.weekday);
    let days = match (series.frequency, series.second_weekday) {
        (Frequency::Weekly, _) => format!("weekly on {day}"),
        (Frequency::Biweekly, _) => format!("every two weeks on {day}"),
        (Frequency::TwiceWeekly, Some(second)) => {
            format!("twice a week, on {day} and {}", day_name(second))
        }
        (Frequency::TwiceWeekly, None) => format!("twice a week, on {day}"),
        (Frequency::Monthly, _) if series.last_of_month => format!("monthly on the last {day}"),
        (Frequency::Monthly, _) => format!(
            "monthly on the {} {day}",
            ordinal_name(monthly_ordinal(series.weekday, series.starts_on))
        ),
    };
    format!("{days} at {}", clock_time(&series.local_time, hours))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::recurrence::tests::series;

    #[test]
    fn each_rhythm_reads_as_a_manager_says_it() {
        let twice = Series {
            second_weekday: Some(Weekday::Thu),
            ..series(Frequency::TwiceWeekly, Weekday::Mon, "2024-10-07")
        };
        let last = Series {
            last_of_month: true,
            ..series(Frequency::Monthly, Weekday::Fri, "2024-10-25")
        };
        let said: Vec<String> = [
            series(Frequency::Weekly, Weekday::Mon, "2024-10-07"),
            series(Frequency::Biweekly, Weekday::Tue, "2024-10-08"),
            twice,
            // 15 Oct 2024 is the third Tuesday; a fifth weekday is the fourth.
            series(Frequency::Monthly, Weekday::Tue, "2024-10-15"),
            series(Frequency::Monthly, Weekday::Tue, "2024-10-29"),
            last,
        ]
        .iter()
        .map(|s| rhythm(s, ClockHours::TwentyFour))
        .collect();
        assert_eq!(
            said,
            [
                "weekly on Monday at 14:00",
                "every two weeks on Tuesday at 14:00",
                "twice a week, on Monday and Thursday at 14:00",
                "monthly on the third Tuesday at 14:00",
                "monthly on the fourth Tuesday at 14:00",
                "monthly on the last Friday at 14:00",
            ]
        );
    }

    /// One case of the wording the window's tests check too.
    #[derive(serde::Deserialize)]
    struct Case {
        frequency: Frequency,
        weekday: Weekday,
        second_weekday: Option<Weekday>,
        last_of_month: bool,
        starts_on: chrono::NaiveDate,
        local_time: chrono::NaiveTime,
        rhythm: String,
    }

    #[derive(serde::Deserialize)]
    struct Cases {
        cases: Vec<Case>,
    }

    #[test]
    fn the_window_and_the_core_word_a_series_alike() {
        let cases: Cases =
            serde_json::from_str(include_str!("../../tests/fixtures/series-wording.json")).unwrap();
        assert!(cases.cases.len() >= 8);
        for case in cases.cases {
            let said = rhythm(
                &Series {
                    second_weekday: case.second_weekday,
                    last_of_month: case.last_of_month,
                    local_time: case.local_time,
                    starts_on: case.starts_on,
                    ..series(case.frequency, case.weekday, "2024-01-01")
                },
                ClockHours::Twelve,
            );
            assert_eq!(said, case.rhythm);
        }
    }

    #[test]
    fn the_time_follows_the_clock_asked_for() {
        let weekly = series(Frequency::Weekly, Weekday::Wed, "2024-10-09");
        assert_eq!(
            rhythm(&weekly, ClockHours::Twelve),
            "weekly on Wednesday at 2:00 PM"
        );
    }
}
