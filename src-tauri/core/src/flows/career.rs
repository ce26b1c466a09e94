//! Where a person is in the career conversation series of seed 003 (Life
//! Story → Future Dreams → Action Plan): "Step 2 of 3, last held 4 months
//! ago", and which template comes next.

use crate::error::Result;
use crate::records::templates::{self, CAREER_SERIES};
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CareerProgress {
    /// The last step held (0: the series has not started).
    pub step: u32,
    pub steps: u32,
    /// The name of the last step held.
    pub step_name: Option<String>,
    pub last_held_on: Option<NaiveDate>,
    #[ts(type = "number | null")]
    pub days_since: Option<i64>,
    /// The template of the step to hold next; None once the series is done.
    pub next_template_id: Option<String>,
    pub next_template_name: Option<String>,
    /// "Step 2 of 3 (Future dreams), last held 4 months ago", or "Not
    /// started yet".
    pub summary: String,
}

pub fn progress(store: &Store, person_id: &str, today: NaiveDate) -> Result<CareerProgress> {
    let steps = CAREER_SERIES.len() as u32;
    let last = store
        .schedule()
        .last_completed_with_templates(person_id, CAREER_SERIES)?;
    let step = last
        .as_ref()
        .and_then(|(_, id)| CAREER_SERIES.iter().position(|s| s == id))
        .map_or(0, |i| i as u32 + 1);
    let last_held_on = last.as_ref().map(|(at, _)| store.clock().day_of(*at));
    let days_since = last_held_on.map(|d| (today - d).num_days());
    let name_of = |id: &str| {
        templates::builtin(id).map(|t| {
            t.name
                .split_once(": ")
                .map_or(t.name, |(_, short)| short)
                .to_string()
        })
    };
    let step_name = last.as_ref().and_then(|(_, id)| name_of(id));
    let next_template_id = CAREER_SERIES.get(step as usize).map(|s| (*s).to_string());
    let next_template_name = next_template_id
        .as_deref()
        .and_then(templates::builtin)
        .map(|t| t.name.to_string());
    let summary = match (&step_name, days_since) {
        (Some(name), Some(days)) => {
            format!("Step {step} of {steps} ({name}), last held {}", ago(days))
        }
        _ => "Not started yet".to_string(),
    };
    Ok(CareerProgress {
        step,
        steps,
        step_name,
        last_held_on,
        days_since,
        next_template_id,
        next_template_name,
        summary,
    })
}

/// "today", "3 days ago", "5 weeks ago", "4 months ago".
fn ago(days: i64) -> String {
    match days {
        ..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=59 => format!("{} weeks ago", days / 7),
        60..=729 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn ages_read_as_a_person_says_them() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "yesterday");
        assert_eq!(ago(9), "9 days ago");
        assert_eq!(ago(35), "5 weeks ago");
        assert_eq!(ago(122), "4 months ago");
        assert_eq!(ago(800), "2 years ago");
    }
}
