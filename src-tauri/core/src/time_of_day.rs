//! Times of day as the manager's computer writes them. The window follows
//! the 12- or 24-hour clock of the computer's locale, so what Rapport writes
//! for it (a shared note, an invite's e-mail, the tray's next 1:1) follows
//! the same clock. The command line follows the terminal's locale, read from
//! the C library's own definition of its time format, as `date` does.

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

/// The clock of the locale a program in a terminal writes times with: the
/// first of `LC_ALL`, `LC_TIME` and `LANG` that is set, as the C library
/// picks it. `variable` reads one of them.
pub fn terminal_clock(variable: impl Fn(&str) -> Option<String>) -> ClockHours {
    ["LC_ALL", "LC_TIME", "LANG"]
        .iter()
        .filter_map(|name| variable(name))
        .find(|value| !value.is_empty())
        .map_or(ClockHours::TwentyFour, |name| locale_clock(&name))
}

/// The clock of a locale named as the C library names it ("en_US.UTF-8",
/// "de_DE@euro"): twelve hours where its time format has an AM/PM field.
/// "C", "POSIX" and names the C library does not define write 24 hours.
pub fn locale_clock(name: &str) -> ClockHours {
    // language_TERRITORY.codeset@modifier: the codeset does not change the
    // format, the modifier may ("ca_ES@valencia").
    let (base, modifier) = name.split_once('@').unwrap_or((name, ""));
    let base = base.split('.').next().unwrap_or(base);
    let named = if modifier.is_empty() {
        base.to_string()
    } else {
        format!("{base}@{modifier}")
    };
    let Some(locale) = [named.as_str(), base]
        .iter()
        .find_map(|n| pure_rust_locales::Locale::try_from(*n).ok())
    else {
        return ClockHours::TwentyFour;
    };
    let format = pure_rust_locales::locale_match!(locale => LC_TIME::T_FMT);
    // %r is the locale's 12-hour time, %I and %l a 12-hour hour, %p AM/PM.
    ClockHours::twelve(["%r", "%I", "%l", "%p"].iter().any(|f| format.contains(f)))
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
    fn a_locale_writes_times_as_the_c_library_defines_it() {
        let cases = [
            ("en_US.UTF-8", ClockHours::Twelve),
            ("en_US", ClockHours::Twelve),
            ("en_IN.utf8", ClockHours::Twelve),
            ("en_GB.UTF-8", ClockHours::TwentyFour),
            ("de_DE.UTF-8@euro", ClockHours::TwentyFour),
            ("fr_FR", ClockHours::TwentyFour),
            ("C.UTF-8", ClockHours::TwentyFour),
            ("POSIX", ClockHours::TwentyFour),
            ("xx_YY.UTF-8", ClockHours::TwentyFour),
            ("", ClockHours::TwentyFour),
        ];
        for (name, hours) in cases {
            assert_eq!(locale_clock(name), hours, "{name}");
        }
    }

    #[test]
    fn the_terminal_clock_takes_the_first_locale_variable_set() {
        let clock = |vars: &[(&str, &str)]| {
            terminal_clock(|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        let cases: [(&[(&str, &str)], ClockHours); 6] = [
            (&[], ClockHours::TwentyFour),
            (&[("LANG", "en_US.UTF-8")], ClockHours::Twelve),
            (
                &[("LANG", "en_US.UTF-8"), ("LC_TIME", "en_GB.UTF-8")],
                ClockHours::TwentyFour,
            ),
            (
                &[("LANG", "de_DE.UTF-8"), ("LC_TIME", "en_US.UTF-8")],
                ClockHours::Twelve,
            ),
            (
                &[("LC_TIME", "en_US.UTF-8"), ("LC_ALL", "C")],
                ClockHours::TwentyFour,
            ),
            // Set but empty counts as not set.
            (
                &[("LC_ALL", ""), ("LANG", "en_US.UTF-8")],
                ClockHours::Twelve,
            ),
        ];
        for (vars, hours) in cases {
            assert_eq!(clock(vars), hours, "{vars:?}");
        }
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
