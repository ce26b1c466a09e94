//! Suggested talking points for a 1:1, computed locally from the manager's own
//! data. Each carries the reason it is suggested, so the manager can judge it.

use crate::flows::thresholds::{Flag, FlagRule};
use crate::records::actions::{ActionItemView, ActionStatus, Owner};
use crate::records::feedback::{Feedback, FeedbackTone};
use crate::records::growth::{CheckpointStatus, GrowthPlan, PlanStatus};
use crate::records::highlights::{Highlight, HighlightKind};
use crate::records::moods::MoodCheck;
use crate::text_enum::text_enum;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

text_enum! {
    pub enum TalkingPointKind {
        Win = "win",
        Overdue = "overdue",
        Escalated = "escalated",
        Concern = "concern",
        DueSoon = "due_soon",
        Career = "career",
        /// 1:1s held under the target (flows::thresholds).
        Completion = "completion",
        /// Action items done under the target.
        FollowThrough = "follow_through",
        Cancellations = "cancellations",
        Gap = "gap",
        Growth = "growth",
        Mood = "mood",
        Feedback = "feedback",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TalkingPoint {
    pub kind: TalkingPointKind,
    pub text: String,
    pub reason: String,
}

/// What the suggestions are computed from.
pub struct Facts<'a> {
    pub today: NaiveDate,
    /// Open items and those closed since the last 1:1.
    pub items: &'a [ActionItemView],
    /// Wins, accomplishments and concerns since the last 1:1, newest first.
    pub highlights: &'a [Highlight],
    /// Local date of the next 1:1, if one is planned.
    pub next_date: Option<NaiveDate>,
    /// The numbers past their line (1:1s held, action items done, career
    /// rhythm), with the reasons the Team screen shows too.
    pub flags: &'a [Flag],
    pub cancelled_last_60_days: u32,
    pub days_since_last: Option<i64>,
    pub cadence_days: i64,
    /// Active growth plans, with their checkpoints.
    pub growth_plans: &'a [GrowthPlan],
    /// The last mood check-ins, oldest first.
    pub moods: &'a [MoodCheck],
    /// Feedback planned and not given yet.
    pub planned_feedback: &'a [Feedback],
}

/// A growth checkpoint this close (or due by the next 1:1) is a talking point.
const CHECKPOINT_SOON_DAYS: i64 = 7;
/// A mood this low, twice in a row, is a talking point.
const LOW_MOOD: u8 = 4;
/// A mood drop this large since the check-in before is a talking point.
const MOOD_DROP: u8 = 2;

/// At most this many points of one kind, so one noisy signal cannot crowd out the rest.
const PER_KIND: usize = 3;

fn day(d: NaiveDate) -> String {
    crate::day_text::day_month(&d)
}

fn whose(owner: Owner) -> &'static str {
    match owner {
        Owner::Ic => "Their",
        Owner::Manager => "Your",
    }
}

fn highlight_text(h: &Highlight) -> &str {
    h.text
        .as_deref()
        .or(h.private_text.as_deref())
        .unwrap_or("")
}

pub fn suggest(facts: &Facts<'_>) -> Vec<TalkingPoint> {
    let mut points = Vec::new();
    let mut push = |kind, text: String, reason: String| {
        points.push(TalkingPoint { kind, text, reason });
    };

    let wins = facts
        .highlights
        .iter()
        .filter(|h| matches!(h.kind, HighlightKind::Win | HighlightKind::Accomplishment));
    for h in wins.take(PER_KIND) {
        push(
            TalkingPointKind::Win,
            format!("Celebrate: {} — what went well?", highlight_text(h)),
            format!("Win logged on {}", day(h.occurred_on)),
        );
    }

    let open = || facts.items.iter().filter(|i| i.item.status.is_open());
    for i in open().filter(|i| i.overdue).take(PER_KIND) {
        let days = i.days_overdue.unwrap_or(0);
        push(
            TalkingPointKind::Overdue,
            format!("\"{}\" is overdue — need help or just time?", i.item.title),
            format!(
                "{} action item, due {} ({} day{} overdue)",
                whose(i.item.owner),
                i.item.due_on.map(day).unwrap_or_default(),
                days,
                if days == 1 { "" } else { "s" }
            ),
        );
    }

    for i in open()
        .filter(|i| i.item.status == ActionStatus::Escalated && !i.overdue)
        .take(PER_KIND)
    {
        push(
            TalkingPointKind::Escalated,
            format!("Update on \"{}\" — is the escalation moving?", i.item.title),
            format!("{} action item is escalated", whose(i.item.owner)),
        );
    }

    let concerns = facts
        .highlights
        .iter()
        .filter(|h| h.kind == HighlightKind::Concern);
    for h in concerns.take(PER_KIND) {
        push(
            TalkingPointKind::Concern,
            format!("Discuss: {} — what support is needed?", highlight_text(h)),
            format!("Concern logged on {}", day(h.occurred_on)),
        );
    }

    if let Some(next) = facts.next_date {
        for i in open()
            .filter(|i| !i.overdue && i.item.due_on.is_some_and(|d| d <= next))
            .take(PER_KIND)
        {
            push(
                TalkingPointKind::DueSoon,
                format!("Check progress on \"{}\"", i.item.title),
                format!(
                    "{} action item is due {}, by this 1:1",
                    whose(i.item.owner),
                    i.item.due_on.map(day).unwrap_or_default()
                ),
            );
        }
    }

    for flag in facts.flags {
        let kind = match flag.rule {
            FlagRule::Completion => TalkingPointKind::Completion,
            FlagRule::ActionCompletion => TalkingPointKind::FollowThrough,
            FlagRule::CareerOverdue => TalkingPointKind::Career,
        };
        push(kind, flag.text.clone(), flag.reason.clone());
    }

    if facts.cancelled_last_60_days >= 3 {
        push(
            TalkingPointKind::Cancellations,
            "Protect the 1:1: is this time still working for both of you?".into(),
            format!(
                "{} 1:1s cancelled in the last two months",
                facts.cancelled_last_60_days
            ),
        );
    }

    let soon = facts.today + chrono::Duration::days(CHECKPOINT_SOON_DAYS);
    let by = facts.next_date.map_or(soon, |next| next.max(soon));
    let checkpoints = facts
        .growth_plans
        .iter()
        .filter(|p| p.status == PlanStatus::Active)
        .filter_map(|p| p.text())
        .flat_map(|t| {
            t.checkpoints
                .iter()
                .filter(|c| c.status == CheckpointStatus::Pending)
                .map(move |c| (t, c))
        });
    for (plan, c) in checkpoints.filter(|(_, c)| c.due_on <= by).take(PER_KIND) {
        if c.due_on < facts.today {
            push(
                TalkingPointKind::Growth,
                format!(
                    "Growth checkpoint missed: {} — what got in the way?",
                    c.title
                ),
                format!(
                    "Growth plan \"{}\": checkpoint was due {}",
                    plan.goal,
                    day(c.due_on)
                ),
            );
        } else {
            push(
                TalkingPointKind::Growth,
                format!("Growth checkpoint: {} — how is it going?", c.title),
                format!(
                    "Growth plan \"{}\": checkpoint due {}",
                    plan.goal,
                    day(c.due_on)
                ),
            );
        }
    }

    if let [.., before, last] = facts.moods {
        let (b, l) = (before.score(), last.score());
        if l <= LOW_MOOD && b <= LOW_MOOD {
            push(
                TalkingPointKind::Mood,
                "Check in: how are they really doing?".into(),
                format!("Mood {b} then {l}: {LOW_MOOD} or below at the last two check-ins"),
            );
        } else if l + MOOD_DROP <= b {
            push(
                TalkingPointKind::Mood,
                "Check in: what changed since last time?".into(),
                format!(
                    "Mood dropped from {b} to {l} since {}",
                    day(before.recorded_on)
                ),
            );
        }
    }

    for f in facts.planned_feedback.iter().take(PER_KIND) {
        if let Some(words) = f.words() {
            push(
                TalkingPointKind::Feedback,
                format!(
                    "Give {} feedback: {}",
                    match f.tone {
                        FeedbackTone::Positive => "positive",
                        FeedbackTone::Constructive => "constructive",
                    },
                    words.situation
                ),
                format!("Feedback planned on {}", day(f.created_at.date_naive())),
            );
        }
    }

    if let Some(days) = facts.days_since_last {
        if days > facts.cadence_days * 2 {
            push(
                TalkingPointKind::Gap,
                "Reconnect: what has changed since you last met?".into(),
                format!(
                    "Last 1:1 was {days} days ago; the rhythm is every {} days",
                    facts.cadence_days
                ),
            );
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::actions::ActionItem;
    use chrono::{DateTime, Utc};

    fn at() -> DateTime<Utc> {
        "2024-11-20T10:00:00Z".parse().unwrap()
    }

    fn item(title: &str, owner: Owner, status: ActionStatus, due: Option<&str>) -> ActionItemView {
        ActionItemView::new(
            ActionItem {
                priority: None,
                id: title.into(),
                person_id: "p".into(),
                meeting_id: None,
                title: title.into(),
                owner,
                due_on: due.map(|d| d.parse().unwrap()),
                status,
                created_at: at(),
                updated_at: at(),
                history: vec![],
            },
            "2024-11-28".parse().unwrap(),
        )
    }

    fn highlight(kind: HighlightKind, text: &str, on: &str) -> Highlight {
        Highlight {
            id: text.into(),
            person_id: "p".into(),
            meeting_id: None,
            kind,
            occurred_on: on.parse().unwrap(),
            text: Some(text.into()),
            private_text: None,
            created_at: at(),
        }
    }

    fn facts<'a>(items: &'a [ActionItemView], highlights: &'a [Highlight]) -> Facts<'a> {
        Facts {
            today: "2024-11-28".parse().unwrap(),
            items,
            highlights,
            next_date: Some("2024-12-05".parse().unwrap()),
            flags: &[],
            cancelled_last_60_days: 0,
            days_since_last: Some(7),
            cadence_days: 7,
            growth_plans: &[],
            moods: &[],
            planned_feedback: &[],
        }
    }

    fn mood(score: u8, on: &str) -> MoodCheck {
        MoodCheck {
            id: on.into(),
            person_id: "p".into(),
            meeting_id: None,
            recorded_on: on.parse().unwrap(),
            mood: None,
            private_mood: Some(crate::records::moods::Mood { score, word: None }),
            created_at: at(),
        }
    }

    fn plan(checkpoints: &[(&str, &str)]) -> GrowthPlan {
        use crate::records::growth::{Checkpoint, PlanText};
        GrowthPlan {
            id: "g".into(),
            person_id: "p".into(),
            status: PlanStatus::Active,
            plan: Some(PlanText {
                goal: "Lead a small project".into(),
                support: String::new(),
                evidence: String::new(),
                checkpoints: checkpoints
                    .iter()
                    .map(|(title, due)| Checkpoint {
                        id: (*title).into(),
                        due_on: due.parse().unwrap(),
                        title: (*title).into(),
                        status: CheckpointStatus::Pending,
                        note: String::new(),
                        checked_on: None,
                    })
                    .collect(),
            }),
            private_plan: None,
            created_at: at(),
            updated_at: at(),
        }
    }

    #[test]
    fn mood_drops_and_lows_become_talking_points_with_their_reason() {
        let kinds = |moods: &[MoodCheck]| -> Vec<String> {
            let mut f = facts(&[], &[]);
            f.moods = moods;
            suggest(&f).into_iter().map(|p| p.reason).collect()
        };
        assert!(kinds(&[mood(7, "2024-11-14"), mood(6, "2024-11-21")]).is_empty());
        assert_eq!(
            kinds(&[mood(8, "2024-11-14"), mood(6, "2024-11-21")]),
            ["Mood dropped from 8 to 6 since 14 Nov"]
        );
        assert_eq!(
            kinds(&[
                mood(9, "2024-11-07"),
                mood(4, "2024-11-14"),
                mood(4, "2024-11-21")
            ]),
            ["Mood 4 then 4: 4 or below at the last two check-ins"]
        );
        assert!(
            kinds(&[mood(3, "2024-11-21")]).is_empty(),
            "one check-in is no trend"
        );
    }

    #[test]
    fn growth_checkpoints_due_soon_or_missed_become_talking_points() {
        let plans = [plan(&[
            ("Design doc reviewed", "2024-11-20"),
            ("Kick-off held", "2024-12-03"),
            ("Delivery plan", "2025-01-15"),
        ])];
        let mut f = facts(&[], &[]);
        f.growth_plans = &plans;
        let points: Vec<(String, String)> = suggest(&f)
            .into_iter()
            .map(|p| (p.text, p.reason))
            .collect();
        assert_eq!(
            points,
            [
                (
                    "Growth checkpoint missed: Design doc reviewed — what got in the way?".into(),
                    "Growth plan \"Lead a small project\": checkpoint was due 20 Nov".into()
                ),
                (
                    "Growth checkpoint: Kick-off held — how is it going?".into(),
                    "Growth plan \"Lead a small project\": checkpoint due 3 Dec".into()
                ),
            ]
        );
    }

    #[test]
    fn nothing_to_say_gives_no_points() {
        assert!(suggest(&facts(&[], &[])).is_empty());
    }

    #[test]
    fn each_rule_gives_its_point_with_a_reason() {
        let items = [
            item(
                "LinkedIn training",
                Owner::Ic,
                ActionStatus::Open,
                Some("2024-11-25"),
            ),
            item(
                "Escalate Google jobs",
                Owner::Manager,
                ActionStatus::Escalated,
                None,
            ),
            item(
                "Practice calls",
                Owner::Ic,
                ActionStatus::Partial,
                Some("2024-12-03"),
            ),
            item(
                "Done thing",
                Owner::Ic,
                ActionStatus::Done,
                Some("2024-11-01"),
            ),
        ];
        let highlights = [
            highlight(HighlightKind::Win, "Placed Kevin at Oracle", "2024-11-27"),
            highlight(
                HighlightKind::Concern,
                "Submission rate below target",
                "2024-11-26",
            ),
        ];
        let career = crate::flows::thresholds::career_overdue(
            Some("2024-09-01".parse().unwrap()),
            None,
            30,
            "2024-11-28".parse().unwrap(),
        );
        let flags: Vec<Flag> = career.into_iter().collect();
        let mut f = facts(&items, &highlights);
        f.flags = &flags;
        f.cancelled_last_60_days = 3;
        f.days_since_last = Some(21);
        let points = suggest(&f);
        let kinds: Vec<_> = points.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                TalkingPointKind::Win,
                TalkingPointKind::Overdue,
                TalkingPointKind::Escalated,
                TalkingPointKind::Concern,
                TalkingPointKind::DueSoon,
                TalkingPointKind::Career,
                TalkingPointKind::Cancellations,
                TalkingPointKind::Gap,
            ]
        );
        assert!(points[0].text.contains("Placed Kevin at Oracle"));
        assert_eq!(points[0].reason, "Win logged on 27 Nov");
        assert_eq!(
            points[1].reason,
            "Their action item, due 25 Nov (3 days overdue)"
        );
        assert!(points[2].reason.starts_with("Your action item"));
        assert_eq!(
            points[4].reason,
            "Their action item is due 3 Dec, by this 1:1"
        );
        assert_eq!(
            points[5].reason,
            "No career conversation in 88 days (due every 30 days)"
        );
        assert_eq!(points[6].reason, "3 1:1s cancelled in the last two months");
        assert!(points[7].reason.starts_with("Last 1:1 was 21 days ago"));
    }

    #[test]
    fn closed_items_and_far_due_dates_are_not_raised() {
        let items = [
            item("Done", Owner::Ic, ActionStatus::Done, Some("2024-11-01")),
            item(
                "Dropped",
                Owner::Ic,
                ActionStatus::Dropped,
                Some("2024-11-01"),
            ),
            item("Later", Owner::Ic, ActionStatus::Open, Some("2025-01-10")),
        ];
        assert!(suggest(&facts(&items, &[])).is_empty());
    }

    #[test]
    fn numbers_under_their_line_become_points_with_the_same_reason() {
        let flags: Vec<Flag> = [
            crate::flows::thresholds::completion(2, 4, "in the last 90 days"),
            crate::flows::thresholds::action_completion(1, 5, "in the last 90 days"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut f = facts(&[], &[]);
        f.flags = &flags;
        let points = suggest(&f);
        let kinds: Vec<_> = points.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                TalkingPointKind::Completion,
                TalkingPointKind::FollowThrough
            ]
        );
        for (point, flag) in points.iter().zip(&flags) {
            assert_eq!(point.reason, flag.reason);
        }
        assert_eq!(
            points[0].reason,
            "1:1s held 50% in the last 90 days (2 of 4), under the 80% target"
        );
    }

    #[test]
    fn one_kind_is_capped() {
        let items: Vec<_> = (0..6)
            .map(|n| {
                item(
                    &format!("item {n}"),
                    Owner::Ic,
                    ActionStatus::Open,
                    Some("2024-11-01"),
                )
            })
            .collect();
        assert_eq!(suggest(&facts(&items, &[])).len(), PER_KIND);
    }
}
