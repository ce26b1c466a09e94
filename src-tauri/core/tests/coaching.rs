//! The coaching toolkit on a real encrypted store: SBI feedback, growth
//! plans, mood check-ins, the question bank, the career series, and that
//! nothing private reaches a shared output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a test may panic with its message

mod support;

use rapport_core::flows::coaching;
use rapport_core::flows::demo::{self, DemoOptions};
use rapport_core::flows::scheduling;
use rapport_core::flows::search::{search, SearchRequest};
use rapport_core::flows::talking_points::TalkingPointKind;
use rapport_core::flows::{person_page, prep};
use rapport_core::formats::review::{self, ReviewRequest};
use rapport_core::formats::sharing::{self, NotesFormat};
use rapport_core::formats::{exchange, vault};
use rapport_core::records::feedback::{FeedbackInput, FeedbackStatus, FeedbackTone};
use rapport_core::records::growth::{
    CheckpointInput, CheckpointStatus, GrowthPlanInput, PlanStatus,
};
use rapport_core::records::meetings::{Frequency, Weekday};
use rapport_core::records::moods::MoodInput;
use rapport_core::records::people::{self, Level};
use rapport_core::records::questions::QuestionInput;
use rapport_core::records::templates;
use rapport_core::{ErrorCode, FixedClock, Store};
use std::sync::Arc;
use support::{at, TestStore};

const PRIVATE_FEEDBACK: &str = "MARKER-PRIVATE-FEEDBACK-3a9c";
const PRIVATE_PLAN: &str = "MARKER-PRIVATE-PLAN-77d0";
const PRIVATE_MOOD: &str = "MARKER-PRIVATE-MOOD-b41e";

struct Coach {
    _t: TestStore,
    clock: Arc<FixedClock>,
    store: Store,
    ada: String,
}

impl Coach {
    /// Ada with a weekly Thursday 1:1; the clock is Tuesday 22 Oct 2024.
    fn new() -> Self {
        let t = TestStore::new();
        let clock = Arc::new(FixedClock::new(at("2024-10-22T09:00:00Z")));
        let mut store = Store::create(&t.paths, &t.keys, clock.clone()).unwrap();
        let ada = people::create(
            &mut store,
            support::person_input("Ada Lovelace", Level::Senior),
        )
        .unwrap()
        .id;
        scheduling::create_series(
            &mut store,
            &ada,
            support::series_at_two(Frequency::Weekly, Weekday::Thu, "Europe/Paris"),
        )
        .unwrap();
        Coach {
            _t: t,
            clock,
            store,
            ada,
        }
    }

    fn next_meeting(&self) -> String {
        prep::prepare(&self.store, &self.ada)
            .unwrap()
            .meeting
            .unwrap()
            .id
    }

    /// Starts the next 1:1 and returns its id.
    fn start(&mut self) -> String {
        let meeting = self.next_meeting();
        support::start_on_time(&mut self.store, &self.clock, &meeting);
        meeting
    }

    fn finish(&mut self, meeting: &str) -> String {
        support::finish_half_an_hour_on(&mut self.store, &self.clock, meeting)
    }

    fn mood(&mut self, meeting: &str, score: u8, word: &str) {
        coaching::record_mood(
            &mut self.store,
            meeting,
            MoodInput {
                score,
                word: Some(word.into()),
                shareable: false,
            },
        )
        .unwrap();
    }
}

fn feedback(situation: &str, status: FeedbackStatus, private: bool) -> FeedbackInput {
    FeedbackInput {
        tone: FeedbackTone::Constructive,
        status,
        situation: situation.into(),
        behaviour: "you interrupted the designer several times".into(),
        impact: "it was harder to follow their reasoning".into(),
        request: Some("Hold questions to the end".into()),
        private,
        meeting_id: None,
        given_on: None,
    }
}

fn plan(
    goal: &str,
    private: bool,
    checkpoints: &[(&str, &str, CheckpointStatus)],
) -> GrowthPlanInput {
    GrowthPlanInput {
        goal: goal.into(),
        support: "Pair with a senior engineer".into(),
        evidence: "Own the design doc".into(),
        status: PlanStatus::Active,
        private,
        checkpoints: checkpoints
            .iter()
            .map(|(title, due, status)| CheckpointInput {
                id: None,
                due_on: due.parse().unwrap(),
                title: (*title).into(),
                status: *status,
                note: String::new(),
            })
            .collect(),
    }
}

#[test]
fn planned_feedback_shows_on_prepare_and_given_feedback_reaches_the_review_packet() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    let planned = coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback("In the design review", FeedbackStatus::Planned, false),
    )
    .unwrap();
    assert!(planned.given_on.is_none());
    let prep = prep::prepare(&c.store, &ada).unwrap();
    assert_eq!(prep.planned_feedback.len(), 1);
    let point = prep
        .talking_points
        .iter()
        .find(|p| p.kind == TalkingPointKind::Feedback)
        .expect("planned feedback is a talking point");
    assert_eq!(
        point.text,
        "Give constructive feedback: In the design review"
    );

    // Given in the 1:1: it leaves Prepare and is linked to the meeting.
    let meeting = c.start();
    let mut given = feedback("In the design review", FeedbackStatus::Given, false);
    given.meeting_id = Some(meeting.clone());
    let given = coaching::edit_feedback(&mut c.store, &planned.id, given).unwrap();
    assert_eq!(given.given_on, Some("2024-10-24".parse().unwrap()));
    assert_eq!(given.created_at, planned.created_at);
    coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback(PRIVATE_FEEDBACK, FeedbackStatus::Given, true),
    )
    .unwrap();
    c.finish(&meeting);
    assert!(prep::prepare(&c.store, &ada)
        .unwrap()
        .planned_feedback
        .is_empty());

    let request = |shareable| ReviewRequest {
        person_id: ada.clone(),
        from: Some("2024-10-01".parse().unwrap()),
        to: Some("2024-10-31".parse().unwrap()),
        shareable: Some(shareable),
    };
    let packet = review::build(&c.store, &request(false)).unwrap();
    assert_eq!(packet.feedback.len(), 2);
    let md = review::markdown(&packet);
    assert!(md.contains("## Feedback given"), "{md}");
    assert!(md.contains(PRIVATE_FEEDBACK));
    let shareable = review::build(&c.store, &request(true)).unwrap();
    assert_eq!(shareable.feedback.len(), 1);
    assert!(!review::markdown(&shareable).contains(PRIVATE_FEEDBACK));
    assert!(!review::html(&shareable).contains(PRIVATE_FEEDBACK));
}

#[test]
fn feedback_mistakes_get_a_sentence_and_change_nothing() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    let bo = people::create(&mut c.store, support::person_input("Bo", Level::Junior))
        .unwrap()
        .id;
    let before = exchange::export_json(&c.store).unwrap();
    let err = coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback("  ", FeedbackStatus::Given, false),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(err.message, "Write the situation.");
    let mut future = feedback("Demo", FeedbackStatus::Given, false);
    future.given_on = Some("2024-11-30".parse().unwrap());
    let err = coaching::add_feedback(&mut c.store, &ada, future).unwrap_err();
    assert!(err.message.contains("plan it instead"), "{}", err.message);
    let mut elsewhere = feedback("Demo", FeedbackStatus::Planned, false);
    elsewhere.meeting_id = Some(c.next_meeting());
    let err = coaching::add_feedback(&mut c.store, &bo, elsewhere).unwrap_err();
    assert!(err.message.contains("someone else"), "{}", err.message);
    assert_eq!(exchange::export_json(&c.store).unwrap(), before);
}

#[test]
fn growth_checkpoints_become_talking_points_and_keep_the_day_they_were_checked() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    let created = coaching::add_growth_plan(
        &mut c.store,
        &ada,
        plan(
            "Lead a small project end to end",
            false,
            &[
                ("Kick-off held", "2024-10-25", CheckpointStatus::Pending),
                (
                    "Design doc reviewed",
                    "2024-10-10",
                    CheckpointStatus::Pending,
                ),
                ("First release", "2024-12-20", CheckpointStatus::Pending),
            ],
        ),
    )
    .unwrap();
    let text = created.plan.as_ref().unwrap();
    let titles: Vec<&str> = text.checkpoints.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Design doc reviewed", "Kick-off held", "First release"],
        "by due date"
    );
    let prep = prep::prepare(&c.store, &ada).unwrap();
    assert_eq!(prep.growth_plans.len(), 1);
    let reasons: Vec<&str> = prep
        .talking_points
        .iter()
        .filter(|p| p.kind == TalkingPointKind::Growth)
        .map(|p| p.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "Growth plan \"Lead a small project end to end\": checkpoint was due 10 Oct",
            "Growth plan \"Lead a small project end to end\": checkpoint due 25 Oct",
        ]
    );

    // Ticking one keeps the day; a later edit of the wording keeps it too.
    let mut input = plan("Lead a small project end to end", false, &[]);
    input.checkpoints = text
        .checkpoints
        .iter()
        .map(|cp| CheckpointInput {
            id: Some(cp.id.clone()),
            due_on: cp.due_on,
            title: cp.title.clone(),
            status: if cp.title == "Design doc reviewed" {
                CheckpointStatus::Met
            } else {
                cp.status
            },
            note: String::new(),
        })
        .collect();
    let edited = coaching::edit_growth_plan(&mut c.store, &created.id, input.clone()).unwrap();
    let met = &edited.plan.as_ref().unwrap().checkpoints[0];
    assert_eq!(met.checked_on, Some("2024-10-22".parse().unwrap()));
    c.clock.set(at("2024-10-23T09:00:00Z"));
    input.goal = "Lead a project end to end".into();
    for cp in &mut input.checkpoints {
        cp.id = edited
            .plan
            .as_ref()
            .unwrap()
            .checkpoints
            .iter()
            .find(|e| e.title == cp.title)
            .map(|e| e.id.clone());
    }
    let again = coaching::edit_growth_plan(&mut c.store, &created.id, input).unwrap();
    assert_eq!(
        again.plan.as_ref().unwrap().checkpoints[0].checked_on,
        Some("2024-10-22".parse().unwrap())
    );
    let err = coaching::add_growth_plan(&mut c.store, &ada, plan(" ", false, &[])).unwrap_err();
    assert_eq!(err.message, "Write the plan's goal.");
}

#[test]
fn mood_is_private_by_default_one_per_1_1_and_a_drop_is_a_talking_point() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    let first = c.start();
    c.mood(&first, 8, "energised");
    c.mood(&first, 7, "steady");
    let check = c.store.moods().of_meeting(&first).unwrap().unwrap();
    assert!(check.mood.is_none(), "private unless the manager says so");
    assert_eq!(
        check.private_mood.as_ref().unwrap().score,
        7,
        "recording again corrects it"
    );
    let err = coaching::record_mood(
        &mut c.store,
        &first,
        MoodInput {
            score: 11,
            word: None,
            shareable: false,
        },
    )
    .unwrap_err();
    assert_eq!(err.message, "A mood score is from 1 to 10.");
    assert_eq!(c.store.moods().of_meeting(&first).unwrap().unwrap(), check);
    let shared = c.finish(&first);
    assert!(
        !shared.contains("steady") && !shared.contains("7/10"),
        "{shared}"
    );

    let second = c.start();
    c.mood(&second, 5, PRIVATE_MOOD);
    c.finish(&second);
    let prep = prep::prepare(&c.store, &ada).unwrap();
    let scores: Vec<u8> = prep.moods.iter().map(|m| m.score()).collect();
    assert_eq!(scores, [7, 5]);
    let point = prep
        .talking_points
        .iter()
        .find(|p| p.kind == TalkingPointKind::Mood)
        .expect("a drop of 2 is a talking point");
    assert_eq!(point.reason, "Mood dropped from 7 to 5 since 24 Oct");
    let page = person_page::person_page(&c.store, &ada, Some(5)).unwrap();
    assert_eq!(page.moods.len(), 2);

    // The private word reaches no shared artefact, and the JSON names it private.
    for format in [
        NotesFormat::Md,
        NotesFormat::Html,
        NotesFormat::Txt,
        NotesFormat::Eml,
    ] {
        let bytes = sharing::render(&c.store, &second, format).unwrap().bytes;
        assert!(
            !support::contains(&bytes, PRIVATE_MOOD.as_bytes()),
            "{format:?}"
        );
    }
    let json = exchange::export_json(&c.store).unwrap();
    assert!(json.contains("\"private_mood\""), "{json}");
}

#[test]
fn private_coaching_records_stay_out_of_the_shared_vault_and_everything_survives_import() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback(PRIVATE_FEEDBACK, FeedbackStatus::Given, true),
    )
    .unwrap();
    coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback("At the demo", FeedbackStatus::Given, false),
    )
    .unwrap();
    coaching::add_growth_plan(
        &mut c.store,
        &ada,
        plan(
            PRIVATE_PLAN,
            true,
            &[("Check in", "2024-11-01", CheckpointStatus::Pending)],
        ),
    )
    .unwrap();
    coaching::add_growth_plan(
        &mut c.store,
        &ada,
        plan("Present with confidence", false, &[]),
    )
    .unwrap();
    let meeting = c.start();
    c.mood(&meeting, 6, PRIVATE_MOOD);
    c.finish(&meeting);
    coaching::add_question(
        &mut c.store,
        QuestionInput {
            category: "Coaching".into(),
            text: "What would you try first?".into(),
        },
    )
    .unwrap();
    coaching::set_question_hidden(&mut c.store, "avd-okay", true).unwrap();

    let shared: String = vault::build(&c.store, true)
        .unwrap()
        .into_iter()
        .map(|f| f.contents)
        .collect();
    for marker in [PRIVATE_FEEDBACK, PRIVATE_PLAN, PRIVATE_MOOD] {
        assert!(!shared.contains(marker), "shared vault holds {marker}");
    }
    assert!(shared.contains("## Growth plans") && shared.contains("Present with confidence"));
    assert!(shared.contains("## Feedback given") && shared.contains("At the demo"));
    let full: String = vault::build(&c.store, false)
        .unwrap()
        .into_iter()
        .map(|f| f.contents)
        .collect();
    for marker in [PRIVATE_FEEDBACK, PRIVATE_PLAN, PRIVATE_MOOD] {
        assert!(full.contains(marker), "full vault lacks {marker}");
    }

    let json = exchange::export_json(&c.store).unwrap();
    for key in ["\"private_sbi\"", "\"private_plan\"", "\"private_mood\""] {
        assert!(json.contains(key), "{key}");
    }
    let doc = exchange::parse_json(&json).unwrap();
    assert_eq!(
        (
            doc.feedback.len(),
            doc.growth_plans.len(),
            doc.moods.len(),
            doc.questions.len()
        ),
        (2, 2, 1, 2)
    );
    let t = TestStore::new();
    let mut copy = Store::create(&t.paths, &t.keys, c.clock.clone()).unwrap();
    exchange::import(&mut copy, &doc).unwrap();
    assert_eq!(exchange::export_json(&copy).unwrap(), json);
    assert!(copy.search_index().matches_records().unwrap());

    let mut bad = doc.clone();
    bad.moods[0].private_mood.as_mut().unwrap().score = 0;
    let err = exchange::validate(&bad).unwrap_err();
    assert!(err.message.contains("moods[0]"), "{}", err.message);
    let mut bad = doc;
    bad.feedback[0].given_on = None;
    let err = exchange::validate(&bad).unwrap_err();
    assert!(
        err.message.contains("feedback[0].given_on"),
        "{}",
        err.message
    );
}

#[test]
fn coaching_records_are_searchable_by_kind_with_their_visibility() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    coaching::add_feedback(
        &mut c.store,
        &ada,
        feedback("In the retrospective", FeedbackStatus::Given, true),
    )
    .unwrap();
    coaching::add_growth_plan(
        &mut c.store,
        &ada,
        plan(
            "Mentor the newest engineers",
            false,
            &[("Retrospective run", "2024-11-01", CheckpointStatus::Pending)],
        ),
    )
    .unwrap();
    let find = |store: &Store, query: &str| {
        search(
            store,
            &SearchRequest {
                query: query.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    assert_eq!(
        find(&c.store, "retrospective"),
        2,
        "the feedback and the plan's checkpoint"
    );
    assert_eq!(find(&c.store, "kind:feedback retrospective"), 1);
    assert_eq!(find(&c.store, "kind:growth retrospective"), 1);
    assert_eq!(
        find(&c.store, "kind:private retrospective"),
        0,
        "feedback is its own kind"
    );
    assert!(c.store.search_index().matches_records().unwrap());
}

#[test]
fn the_question_bank_merges_the_seeds_with_the_managers_edits() {
    let mut c = Coach::new();
    let all = coaching::questions(&c.store).unwrap();
    assert!(all.len() >= 50, "{}", all.len());
    assert!(all
        .iter()
        .all(|q| q.builtin && q.source.is_some() && !q.hidden));
    let avoid: Vec<&str> = all
        .iter()
        .filter(|q| q.avoid)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(avoid.len(), 3);

    let edited = coaching::edit_question(
        &mut c.store,
        "wrk-need",
        QuestionInput {
            category: "Questions that work".into(),
            text: "What do you need from me before Friday?".into(),
        },
    )
    .unwrap();
    assert!(edited.edited && edited.builtin);
    let hidden = coaching::set_question_hidden(&mut c.store, "wrk-need", true).unwrap();
    assert!(hidden.hidden);
    assert_eq!(
        hidden.text, "What do you need from me before Friday?",
        "hiding keeps the edit"
    );
    coaching::reset_question(&mut c.store, "wrk-need").unwrap();
    let back = coaching::questions(&c.store)
        .unwrap()
        .into_iter()
        .find(|q| q.id == "wrk-need")
        .unwrap();
    assert_eq!(back.text, "What do you need from me this week?");
    assert!(!back.hidden && !back.edited);

    let own = coaching::add_question(
        &mut c.store,
        QuestionInput {
            category: "Coaching".into(),
            text: "What would you try first?".into(),
        },
    )
    .unwrap();
    assert!(!own.builtin && own.source.is_none());
    let all = coaching::questions(&c.store).unwrap();
    let coaching_block: Vec<&str> = all
        .iter()
        .filter(|q| q.category == "Coaching")
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(coaching_block.last(), Some(&"What would you try first?"));
    let err = coaching::add_question(
        &mut c.store,
        QuestionInput {
            category: "Coaching".into(),
            text: " ".into(),
        },
    )
    .unwrap_err();
    assert_eq!(err.message, "Write the question.");
    let err = coaching::set_question_hidden(&mut c.store, "no-such-key", true).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn the_career_series_counts_steps_and_every_career_template_keeps_the_rhythm() {
    let mut c = Coach::new();
    let ada = c.ada.clone();
    let progress = prep::prepare(&c.store, &ada).unwrap().career_series;
    assert_eq!(progress.step, 0);
    assert_eq!(
        progress.next_template_id.as_deref(),
        Some(templates::CAREER_SERIES[0])
    );
    // The next 1:1 uses step 1 of the series.
    let meeting = c.next_meeting();
    let mut m = c.store.schedule().get_meeting(&meeting).unwrap();
    m.template_id = Some(templates::CAREER_SERIES[0].into());
    c.store
        .write(|s| s.schedule().update_meeting_row(&m))
        .unwrap();
    c.start();
    c.finish(&meeting);
    c.clock.set(at("2025-02-24T09:00:00Z"));
    let prep = prep::prepare(&c.store, &ada).unwrap();
    assert_eq!(prep.career_series.step, 1);
    assert_eq!(
        prep.career_series.summary,
        "Step 1 of 3 (Life story), last held 4 months ago"
    );
    assert_eq!(
        prep.career_series.next_template_id.as_deref(),
        Some(templates::CAREER_SERIES[1])
    );
    // The career-talk rhythm counts it: the point says when it was held.
    let career = prep
        .talking_points
        .iter()
        .find(|p| p.kind == TalkingPointKind::Career)
        .unwrap();
    assert!(
        career.reason.starts_with("No career conversation in 12"),
        "{}",
        career.reason
    );
}

#[test]
fn the_demo_team_has_every_coaching_record_and_the_index_follows() {
    let t = TestStore::new();
    let clock = Arc::new(FixedClock::new(at("2026-12-04T09:00:00Z")));
    let mut store = Store::create(&t.paths, &t.keys, clock).unwrap();
    let summary = demo::generate(
        &mut store,
        DemoOptions {
            people: 3,
            years: 2,
            seed: 7,
        },
    )
    .unwrap();
    assert!(summary.topics > 0 && summary.feedback > 0, "{summary:?}");
    assert!(
        summary.growth_plans >= 6 && summary.moods > 20,
        "{summary:?}"
    );
    let doc = exchange::export(&store).unwrap();
    assert!(doc.action_items.iter().any(|a| a.priority.is_some()));
    assert!(
        doc.action_items
            .iter()
            .any(|a| a.history.len() >= 2 && a.history[0].due_on != a.history[1].due_on),
        "some due dates were moved"
    );
    assert!(
        doc.meetings
            .iter()
            .any(|m| m.shared_notes.contains("## GROW\n- Goal: ")),
        "some 1:1s were coaching conversations"
    );
    assert!(store.search_index().matches_records().unwrap());
    let first = &doc.people[0].id;
    let prep = prep::prepare(&store, first).unwrap();
    assert_eq!(prep.growth_plans.len(), 1, "one active plan");
    assert!(prep
        .talking_points
        .iter()
        .any(|p| p.kind == TalkingPointKind::Growth));
    assert!(!prep.moods.is_empty() && !prep.topics.is_empty());
}
