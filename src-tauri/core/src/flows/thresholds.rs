//! The lines seed 000 draws under the team numbers: 1:1s held and action
//! items done at least 80% of the time, and a career conversation at the
//! level's rhythm. A person past one is flagged on the Team screen and gets a
//! talking point on Prepare; both show the reason written here, so the two
//! never tell different stories.

use crate::text_enum::text_enum;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

text_enum! {
    pub enum FlagRule {
        /// Fewer than 80% of the 1:1s due were held.
        Completion = "completion",
        /// Fewer than 80% of the action items due were done.
        ActionCompletion = "action_completion",
        /// No career conversation within the level's rhythm.
        CareerOverdue = "career_overdue",
    }
}

/// A number past its line, with what to raise and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Flag {
    pub rule: FlagRule,
    /// The talking point it suggests.
    pub text: String,
    /// Why: the number, the period and the line ("1:1s held 67% in the last
    /// 90 days (4 of 6), under the 80% target").
    pub reason: String,
}

/// Seed 000's target for 1:1s held and for action items done.
pub const TARGET_PERCENT: u32 = 80;

/// A rate is judged once this many 1:1s or items were due: one cancelled
/// 1:1 in a quiet month is not a pattern.
pub const MIN_DUE: u32 = 3;

/// The rate as a whole percent, rounded down so that 79.9% reads as under 80%.
pub fn percent(done: u32, due: u32) -> Option<u32> {
    (due > 0).then(|| done.saturating_mul(100) / due)
}

fn under_target(done: u32, due: u32) -> Option<u32> {
    if due < MIN_DUE {
        return None;
    }
    percent(done, due).filter(|p| *p < TARGET_PERCENT)
}

/// `held` of the `due` 1:1s were held `period` ("in the last 90 days").
pub fn completion(held: u32, due: u32, period: &str) -> Option<Flag> {
    under_target(held, due).map(|p| Flag {
        rule: FlagRule::Completion,
        text: "1:1s keep slipping: is this time still working for both of you?".into(),
        reason: format!(
            "1:1s held {p}% {period} ({held} of {due}), under the {TARGET_PERCENT}% target"
        ),
    })
}

/// `done` of the `due` action items were done `period`.
pub fn action_completion(done: u32, due: u32, period: &str) -> Option<Flag> {
    under_target(done, due).map(|p| Flag {
        rule: FlagRule::ActionCompletion,
        text: "Follow-through: what gets in the way of the action items?".into(),
        reason: format!(
            "Action items done {p}% {period} ({done} of {due} due), under the {TARGET_PERCENT}% target"
        ),
    })
}

/// No career conversation within `every_days` as of `day`: counted from the
/// last one, or from when the manager could first have had one.
pub fn career_overdue(
    last: Option<NaiveDate>,
    known_since: Option<NaiveDate>,
    every_days: u32,
    day: NaiveDate,
) -> Option<Flag> {
    let every = i64::from(every_days);
    let reason = match (last, known_since) {
        (Some(last), _) if (day - last).num_days() >= every => format!(
            "No career conversation in {} days (due every {every} days)",
            (day - last).num_days()
        ),
        (None, Some(since)) if (day - since).num_days() >= every => {
            format!("No career conversation recorded yet (due every {every} days)")
        }
        _ => return None,
    };
    Some(Flag {
        rule: FlagRule::CareerOverdue,
        text: "Career development: where do they want to grow next?".into(),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_rate_under_the_target_is_flagged_with_its_numbers() {
        let flag = completion(4, 6, "in the last 90 days").unwrap();
        assert_eq!(flag.rule, FlagRule::Completion);
        assert_eq!(
            flag.reason,
            "1:1s held 66% in the last 90 days (4 of 6), under the 80% target"
        );
        let flag = action_completion(7, 9, "in Q3 2026").unwrap();
        assert_eq!(
            flag.reason,
            "Action items done 77% in Q3 2026 (7 of 9 due), under the 80% target"
        );
    }

    #[test]
    fn the_target_itself_and_small_samples_are_not_flagged() {
        assert_eq!(completion(4, 5, "p"), None, "80% meets the target");
        assert_eq!(completion(0, 2, "p"), None, "two is not a pattern");
        assert!(completion(0, 3, "p").is_some());
        assert_eq!(action_completion(8, 10, "p"), None);
        assert!(action_completion(79, 100, "p").is_some());
        assert_eq!(percent(1, 0), None);
        assert_eq!(percent(2, 3), Some(66));
    }

    #[test]
    fn career_talk_is_overdue_after_the_rhythm() {
        let today = day("2026-12-04");
        assert_eq!(
            career_overdue(Some(day("2026-09-01")), None, 90, today)
                .unwrap()
                .reason,
            "No career conversation in 94 days (due every 90 days)"
        );
        assert_eq!(
            career_overdue(Some(day("2026-09-10")), None, 90, today),
            None
        );
        assert_eq!(
            career_overdue(None, Some(day("2026-01-01")), 90, today)
                .unwrap()
                .reason,
            "No career conversation recorded yet (due every 90 days)"
        );
        assert_eq!(
            career_overdue(None, Some(day("2026-11-01")), 90, today),
            None
        );
        assert_eq!(career_overdue(None, None, 90, today), None);
    }
}
