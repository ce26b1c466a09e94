//! Days as Rapport writes them everywhere, in the window and in what leaves
//! it: the day before the month ("6 Dec"), and the month in the short form
//! the window's formatter gives, so September reads "Sept" in a talking point
//! or a shared note as it does on the screen beside it.

use chrono::Datelike;

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// "Sept", "Dec".
pub fn short_month(date: &impl Datelike) -> &'static str {
    SHORT_MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default()
}

/// "6 Sept".
pub fn day_month(date: &impl Datelike) -> String {
    format!("{} {}", date.day(), short_month(date))
}

/// "6 Sept 2026".
pub fn day_month_year(date: &impl Datelike) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// "Sun 6 Sept".
pub fn weekday_day_month(date: &impl Datelike) -> String {
    format!("{} {}", date.weekday(), day_month(date))
}

/// "Sun 6 Sept 2026".
pub fn weekday_day_month_year(date: &impl Datelike) -> String {
    format!("{} {}", date.weekday(), day_month_year(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn months_read_as_on_screen() {
        let names: Vec<&str> = (1..=12).map(|m| short_month(&on(2026, m, 1))).collect();
        assert_eq!(
            names,
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
        );
    }

    #[test]
    fn the_day_comes_first() {
        let day = on(2026, 9, 6);
        assert_eq!(day_month(&day), "6 Sept");
        assert_eq!(day_month_year(&day), "6 Sept 2026");
        assert_eq!(weekday_day_month(&day), "Sun 6 Sept");
        assert_eq!(weekday_day_month_year(&on(2024, 10, 24)), "Thu 24 Oct 2024");
    }
}
