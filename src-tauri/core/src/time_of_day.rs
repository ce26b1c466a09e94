//! Times of day as the manager's computer writes them. The window follows
//! the 12- or 24-hour clock of the computer's locale, so what Rapport writes
//! for it (a shared note, an invite's e-mail, the tray's next 1:1) follows
//! the same clock; the command line, with no locale to ask, writes 24 hours.

use chrono::Timelike;

/// The clock a locale writes times with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClockHours {
    /// "2:00 PM", "9:30 AM".
    Twelve,
    /// "14:00", "09:30".
    #[default]
    TwentyFour,
}

impl ClockHours {
    pub fn twelve(twelve: bool) -> ClockHours {
        if twelve {
            ClockHours::Twelve
        } else {
            ClockHours::TwentyFour
        }
    }
}

/// "2:00 PM" or "14:00", as the window writes the same time.
pub fn clock_time(at: &impl Timelike, hours: ClockHours) -> String {
    match hours {
        ClockHours::TwentyFour => format!("{:02}:{:02}", at.hour(), at.minute()),
        ClockHours::Twelve => {
            let (pm, hour) = at.hour12();
            let half = if pm { "PM" } else { "AM" };
            format!("{hour}:{:02} {half}", at.minute())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn a_24_hour_clock_pads_the_hour() {
        let times: Vec<String> = [at(0, 5), at(9, 30), at(14, 0), at(23, 59)]
            .iter()
            .map(|t| clock_time(t, ClockHours::TwentyFour))
            .collect();
        assert_eq!(times, ["00:05", "09:30", "14:00", "23:59"]);
    }

    #[test]
    fn a_12_hour_clock_names_the_half_of_the_day() {
        let times: Vec<String> = [at(0, 5), at(9, 30), at(12, 0), at(14, 0), at(23, 59)]
            .iter()
            .map(|t| clock_time(t, ClockHours::Twelve))
            .collect();
        assert_eq!(
            times,
            ["12:05 AM", "9:30 AM", "12:00 PM", "2:00 PM", "11:59 PM"]
        );
    }
}
