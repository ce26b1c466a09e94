//! A realistic, reproducible demo team: people of mixed levels with years of
//! weekly or biweekly 1:1s, agendas, shared and private notes, prep notes,
//! action items in every status, wins and concerns, topics to raise. The same seed and clock
//! always give the same store.

use crate::error::{Error, ErrorCode, Result};
use crate::ids::id_at;
use crate::records::actions::{ActionItem, ActionStatus, Owner, Priority, StatusChange};
use crate::records::by_privacy;
use crate::records::feedback::{Feedback, FeedbackStatus, FeedbackTone, Sbi};
use crate::records::growth::{Checkpoint, CheckpointStatus, GrowthPlan, PlanStatus, PlanText};
use crate::records::highlights::{Highlight, HighlightKind};
use crate::records::meetings::{
    local_to_utc, AgendaItem, CancelledBy, Frequency, Meeting, MeetingFormat, MeetingKind,
    MeetingStatus, Series, Weekday,
};
use crate::records::moods::{Mood, MoodCheck};
use crate::records::people::{Cadence, Level, Person};
use crate::records::settings::Settings;
use crate::records::templates::{self, AgendaTemplate, TemplateItem};
use crate::records::topics::{RaisedBy, Topic};
use crate::store::{Store, Tx};
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub people: u32,
    pub years: u32,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            people: 6,
            years: 1,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DemoSummary {
    pub people: u32,
    pub meetings: u32,
    pub action_items: u32,
    pub highlights: u32,
    pub topics: u32,
    pub feedback: u32,
    pub growth_plans: u32,
    pub moods: u32,
}

/// Mixed into the seed for the coaching records' stream.
const COACHING_STREAM: u64 = 0x746f_7069_6373;

/// Topics the report asks to talk about; `{p}` is their current project.
const THEIR_TOPICS: &[&str] = &[
    "What the promotion criteria look like at the next level",
    "Feedback on my {p} design review",
    "Conference budget for next quarter",
    "Pairing with the platform team on {p}",
    "Working from the other office in spring",
    "Taking on more of the {p} planning",
];
/// Topics the manager keeps for the next 1:1.
const MY_TOPICS: &[&str] = &[
    "Handover plan for {p}",
    "Help with the interview loop next week",
    "Share the team's priorities for next quarter",
    "Ask how the on-call week went",
    "Thank them for the {p} demo",
];
/// Topics the manager keeps to themselves.
const PRIVATE_TOPICS: &[&str] = &[
    "Check in on workload after the reorganisation",
    "Timing of the salary review",
    "Whether {p} is still the right project for them",
];

/// Feedback in the SBI form: situation, behaviour, impact, request.
const POSITIVE_FEEDBACK: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "In the {p} design review",
        "you summarised each concern before answering it",
        "the designers felt heard and the decision came quickly",
        Some("Keep doing that in the cross-team reviews"),
    ),
    (
        "During last week's incident",
        "you posted an update every thirty minutes",
        "support could answer customers without chasing us",
        None,
    ),
    (
        "At the {p} demo",
        "you let the new joiner present their part",
        "they grew in confidence and the team saw their work",
        None,
    ),
];
const CONSTRUCTIVE_FEEDBACK: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "In yesterday's {p} planning",
        "you interrupted the designer several times",
        "it was harder to understand their reasoning",
        Some("Hold your questions to the end of each part"),
    ),
    (
        "During the last release review",
        "you dismissed the QA concerns quickly",
        "the testers felt their input was ignored",
        Some("Summarise their concerns before deciding"),
    ),
    (
        "On the {p} estimate",
        "the plan was shared the day before the deadline",
        "the team had no time to challenge it",
        Some("Share a first draft a week ahead"),
    ),
];
/// Growth goals, each with its support, evidence and checkpoints.
const GROWTH_GOALS: &[(&str, &str, &str, [&str; 3])] = &[
    (
        "Lead a small project end to end",
        "Pair with a senior engineer; a weekly half hour with me",
        "Own the {p} design doc and delivery plan",
        [
            "Design doc reviewed",
            "Kick-off held with the team",
            "First release shipped",
        ],
    ),
    (
        "Present to stakeholders with confidence",
        "Dry runs with me before each presentation",
        "Two roadmap presentations given",
        [
            "First dry run",
            "First presentation",
            "Feedback gathered from stakeholders",
        ],
    ),
    (
        "Grow into code reviews for {p}",
        "Review together for the first month",
        "Ten reviews done alone, with good feedback",
        [
            "Five reviews paired",
            "Ten reviews alone",
            "Reviewer on the {p} codebase",
        ],
    ),
];
/// A coaching conversation written down as a GROW section of the notes.
const GROW_NOTES: &[&str] = &[
    "## GROW\n- Goal: ship {p} without weekend work\n- Reality: two releases slipped; the test \
     suite takes an hour\n- Options: split the release, ask for a QA pair, cut scope\n- Will: \
     propose a split release on Monday\n",
    "## GROW\n- Goal: lead the {p} planning next quarter\n- Reality: has run one planning \
     session, with help\n- Options: shadow the lead, run the next retro, write the plan draft\n\
     - Will: draft the plan and review it together in two weeks\n",
];
const MOOD_WORDS: &[&str] = &[
    "energised",
    "steady",
    "tired",
    "busy",
    "curious",
    "stretched",
];

/// The demo team meets in Paris time.
const ZONE: Zone = Zone::from_tz(chrono_tz::Europe::Paris);

const FIRST_NAMES: &[&str] = &[
    "Amara", "Bastien", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
    "Keiko", "Lucas", "Maya", "Nikhil", "Olivia", "Pablo", "Quentin", "Rosa", "Samir", "Tess",
    "Ugo", "Vera", "Wen", "Yusuf",
];
const LAST_NAMES: &[&str] = &[
    "Okafor", "Laurent", "Nguyen", "Petrov", "García", "Haddad", "Kim", "Moreau", "Silva", "Berg",
    "Tanaka", "Dubois", "Cohen", "Rao", "Fischer", "Mendes", "Lefèvre", "Romano", "Aziz", "Walsh",
    "Costa", "Novak", "Chen", "Demir",
];
const ROLES: &[(Level, &[&str])] = &[
    (
        Level::Junior,
        &["Software Engineer", "Data Analyst", "QA Engineer"],
    ),
    (
        Level::Confirmed,
        &["Software Engineer", "Product Designer", "Data Engineer"],
    ),
    (
        Level::Senior,
        &[
            "Senior Software Engineer",
            "Senior Product Designer",
            "Site Reliability Engineer",
        ],
    ),
    (
        Level::StaffPlus,
        &["Staff Engineer", "Principal Engineer", "Engineering Lead"],
    ),
];
const LEVEL_MIX: &[Level] = &[
    Level::Junior,
    Level::Senior,
    Level::Confirmed,
    Level::StaffPlus,
    Level::Confirmed,
    Level::Junior,
];
const FOCUS_AREAS: &[&str] = &[
    "Grow into code reviews for the payments service",
    "Own the on-call runbook refresh",
    "Lead the onboarding redesign end to end",
    "Build confidence presenting to stakeholders",
    "Mentor the two newest engineers",
    "Deepen knowledge of the data pipeline",
    "Ship the accessibility audit fixes",
    "Drive the migration to the new build system",
    "Improve estimation on cross-team work",
    "Write the design doc for search v2",
];
const WINS: &[&str] = &[
    "Shipped the export feature a week early",
    "Customer praised the onboarding flow in the quarterly review",
    "Ran a calm, thorough incident review",
    "Mentored a new joiner through their first release",
    "Cut the test suite run time by a third",
    "Presented the roadmap to the leadership team",
    "Closed the long-standing billing bug",
    "Design doc for caching approved without changes",
];
const ACCOMPLISHMENTS: &[&str] = &[
    "Completed the security training",
    "Became a reviewer for the mobile codebase",
    "Led the sprint planning for the first time",
    "Published an internal write-up on feature flags",
];
const CONCERNS: &[&str] = &[
    "Seems stretched thin; three projects at once",
    "Quiet in team meetings lately",
    "Missed two deadlines on the reporting work",
    "Friction with the design team on handoffs",
    "Mentioned feeling stuck in the current scope",
    "Energy lower since the reorganisation",
];
/// Code names of the team's projects. Each person carries one for a year or
/// so, then moves on, so a name recurs across months of notes and then fades:
/// a search for one finds a stretch of someone's history.
const PROJECTS: &[&str] = &[
    "Atlas",
    "Borealis",
    "Cobalt",
    "Driftwood",
    "Ember",
    "Fjord",
    "Granite",
    "Halcyon",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orchard",
    "Pinnacle",
    "Quasar",
    "Redwood",
    "Sextant",
];
/// `{p}` is the person's project at the time.
const SHARED_POINTS: &[&str] = &[
    "Reviewed progress on {p}; on track for the demo",
    "Talked through the blocker on the {p} API contract; agreed to pair with the platform team",
    "Discussed how to split the {p} migration into smaller pull requests",
    "Celebrated the {p} release; collected what went well for the retro",
    "Agreed to protect two focus mornings a week",
    "Walked through feedback from the last design review",
    "Looked at the growth plan: next step is leading a small project",
    "Discussed priorities for next sprint and what to drop",
    "Went over the on-call load and how to rebalance it",
    "Talked about the conference talk proposal; draft due next month",
    "Went through the {p} observability dashboards; alert noise is down",
    "Planned the hiring loop for the {p} team; two interviews next week",
    "Talked about the roadmap for next quarter and where {p} fits",
    "Reviewed the postmortem of the {p} outage; follow-ups assigned",
    "Discussed the budget for the {p} load testing environment",
    "Shared the offsite agenda; asked for two topics",
    "Pairing with the new joiner is going well; onboarding notes updated",
    "Discussed the accessibility audit and the keyboard navigation fixes",
    "Went over the quarterly goals; one is at risk",
    "Talked about tech debt in the billing service and a plan to pay it down",
];
/// Said once in a person's history: a word that a search finds in one place.
const RARE_PRIVATE: &[&str] = &[
    "Mentioned a sabbatical next year to sail the Atlantic; keep it confidential",
    "Training for the Lisbon marathon; wants lighter weeks in April",
    "Considering a transfer to the Montreal office",
    "Caring for a parent after surgery; offered flexible hours",
    "Got an offer from a competitor; wants to talk compensation",
    "Learning Japanese in the evenings; asked about the Osaka team",
    "Asked about the parental leave policy; expecting in the spring",
    "Frustrated by the reorg rumours; reassured about the roadmap",
    "Volunteering as a firefighter on weekends; may be paged",
    "Interested in moving to product management eventually",
    "Building a harpsichord at home; a good story for the offsite",
    "Thinking of a part-time master's degree in statistics",
];
const MEETING_TOPICS: &[(MeetingKind, &str)] = &[
    (MeetingKind::Requested, "Compensation question"),
    (MeetingKind::Requested, "Feedback on the {p} design review"),
    (MeetingKind::Requested, "Career path: staff track"),
    (MeetingKind::Urgent, "Incident follow-up on {p}"),
    (MeetingKind::Urgent, "Team conflict on {p} handoffs"),
];
const PRIVATE_POINTS: &[&str] = &[
    "Watch for overload; offered to move the reporting work",
    "Strong candidate for promotion next cycle; gather evidence",
    "Avoids difficult conversations with stakeholders; coach with role-play",
    "Check in about the family situation mentioned last time",
    "Compensation question coming; talk to HR before next 1:1",
    "Confidence is the gap, not skill",
];
const PREP_POINTS: &[&str] = &[
    "Start with the release win",
    "Ask what would make next week easier",
    "Follow up on the overdue documentation task",
    "Raise the career conversation: interest in leading a project?",
    "Check how the new teammate is settling in",
    "Bring the feedback from the design review",
];
const ACTIONS_IC: &[&str] = &[
    "Write the rollout plan for the migration",
    "Pair with the platform team on the API contract",
    "Draft the conference talk proposal",
    "Update the on-call runbook",
    "Finish the accessibility fixes",
    "Prepare the demo for Friday",
    "Read the chapter on estimation and share takeaways",
];
const ACTIONS_MANAGER: &[&str] = &[
    "Introduce to the data team lead",
    "Ask for a budget for the training course",
    "Escalate the staffing gap to my manager",
    "Share the promotion criteria document",
    "Find a mentor outside the team",
];
/// Why a demo 1:1 was cancelled, and who asked.
const CANCEL_REASONS: &[(&str, CancelledBy)] = &[
    ("Travelling for the offsite", CancelledBy::Manager),
    ("Sick day", CancelledBy::Report),
    (
        "Customer escalation took the afternoon",
        CancelledBy::Report,
    ),
    ("Public holiday", CancelledBy::Manager),
];

struct Demo<'a> {
    rng: ChaCha8Rng,
    now: DateTime<Utc>,
    store: &'a Tx<'a>,
    summary: DemoSummary,
    /// Whether the current person's rare note has been written.
    rare_written: bool,
    /// Draws for the records added with the coaching toolkit (topics,
    /// priorities, moved due dates): a stream of their own, so the rest of
    /// the demo stays what it was for the same seed.
    coaching: ChaCha8Rng,
    /// The current person's mood, walking a point up or down from 1:1 to 1:1.
    mood_level: u8,
    person_index: usize,
}

/// Fills an empty store with a demo team.
pub fn generate(store: &mut Store, options: DemoOptions) -> Result<DemoSummary> {
    if options.people == 0 || options.people > 500 {
        return Err(Error::invalid("Choose between 1 and 500 demo people."));
    }
    if options.years == 0 || options.years > 30 {
        return Err(Error::invalid(
            "Choose between 1 and 30 years of demo history.",
        ));
    }
    if !store.is_empty()? {
        return Err(Error::new(
            ErrorCode::StoreNotEmpty,
            "This store already has people in it; demo data only goes into an empty store.",
        ));
    }
    let now = trunc(store.clock().now());
    store.write(|store| {
        let mut demo = Demo {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            now,
            store,
            summary: DemoSummary::default(),
            rare_written: false,
            coaching: ChaCha8Rng::seed_from_u64(options.seed ^ COACHING_STREAM),
            mood_level: 7,
            person_index: 0,
        };
        store.settings().put(&Settings {
            manager_name: "Alex Morgan".into(),
            manager_email: Some("alex.morgan@example.com".into()),
            discreet_reminders: false,
        })?;
        store.templates().insert(&AgendaTemplate {
            id: demo.id(now - Duration::days(200)),
            name: "Quarterly check-in".into(),
            description: "Goals, feedback both ways and the next quarter.".into(),
            items: [
                ("Quarter in review", 10, vec!["What are you proudest of?"]),
                (
                    "Feedback for me",
                    10,
                    vec!["What should I start, stop, continue?"],
                ),
                (
                    "Next quarter's goals",
                    15,
                    vec!["One stretch goal", "Support needed"],
                ),
            ]
            .into_iter()
            .map(|(title, minutes, prompts)| TemplateItem {
                title: title.into(),
                minutes,
                prompts: prompts.into_iter().map(String::from).collect(),
            })
            .collect(),
            created_at: now - Duration::days(200),
            updated_at: now - Duration::days(200),
        })?;
        for index in 0..options.people {
            demo.person(index, options.years)?;
        }
        Ok(demo.summary)
    })
}

fn trunc(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

impl Demo<'_> {
    fn id(&mut self, at: DateTime<Utc>) -> String {
        let mut random = [0u8; 10];
        self.rng.fill_bytes(&mut random);
        id_at(at.timestamp_millis().max(0) as u64, random)
    }

    /// An id drawn from the coaching records' stream.
    fn coaching_id(&mut self, at: DateTime<Utc>) -> String {
        let mut random = [0u8; 10];
        self.coaching.fill_bytes(&mut random);
        id_at(at.timestamp_millis().max(0) as u64, random)
    }

    /// A topic from `pool` about the person's project at `at`.
    fn topic_text(&mut self, pool: &[&str], at: DateTime<Utc>) -> String {
        let line = pool.choose(&mut self.coaching).copied().unwrap_or_default();
        line.replace("{p}", self.project(at))
    }

    fn topic(
        &mut self,
        person: &Person,
        created: DateTime<Utc>,
        discussed: Option<&Meeting>,
    ) -> Result<()> {
        let roll: f64 = self.coaching.random();
        let (raised_by, pool, private) = if roll < 0.5 {
            (RaisedBy::Theirs, THEIR_TOPICS, false)
        } else if roll < 0.8 {
            (RaisedBy::Mine, MY_TOPICS, false)
        } else {
            (RaisedBy::Mine, PRIVATE_TOPICS, true)
        };
        self.topic_of(person, created, discussed, raised_by, pool, private)
    }

    fn topic_of(
        &mut self,
        person: &Person,
        created: DateTime<Utc>,
        discussed: Option<&Meeting>,
        raised_by: RaisedBy,
        pool: &[&str],
        private: bool,
    ) -> Result<()> {
        let text = self.topic_text(pool, created);
        let (text, private_text) = by_privacy(text, private);
        let topic = Topic {
            id: self.coaching_id(created),
            person_id: person.id.clone(),
            raised_by,
            text,
            private_text,
            created_at: created,
            discussed_at: discussed
                .and_then(|m| m.started_at)
                .map(|at| trunc(at + Duration::minutes(10))),
            discussed_in: discussed.map(|m| m.id.clone()),
        };
        self.store.topics().insert(&topic)?;
        self.summary.topics += 1;
        Ok(())
    }

    /// The 1:1's check-in: the mood walks a point at a time, mostly
    /// private, sometimes with a word.
    fn mood(&mut self, person: &Person, meeting: &Meeting) -> Result<()> {
        if !self.coaching.random_bool(0.7) {
            return Ok(());
        }
        let step: i8 = self.coaching.random_range(-1..=1);
        self.mood_level = (self.mood_level as i8 + step).clamp(3, 9) as u8;
        let word = self.coaching.random_bool(0.4).then(|| {
            MOOD_WORDS
                .choose(&mut self.coaching)
                .copied()
                .unwrap_or("steady")
                .to_string()
        });
        let mood = Mood {
            score: self.mood_level,
            word,
        };
        let (shared, private_mood) = by_privacy(mood, !self.coaching.random_bool(0.1));
        let start = meeting.started_at.unwrap_or(meeting.scheduled_start);
        let check = MoodCheck {
            id: self.coaching_id(start),
            person_id: person.id.clone(),
            meeting_id: Some(meeting.id.clone()),
            recorded_on: meeting.time_zone.day_of(start),
            mood: shared,
            private_mood,
            created_at: trunc(start + Duration::minutes(2)),
        };
        self.store.moods().insert(&check)?;
        self.summary.moods += 1;
        Ok(())
    }

    /// Feedback given in `meeting`, or planned for the next 1:1 when None.
    fn feedback(
        &mut self,
        person: &Person,
        meeting: Option<&Meeting>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let positive = self.coaching.random_bool(0.6);
        let pool = if positive {
            POSITIVE_FEEDBACK
        } else {
            CONSTRUCTIVE_FEEDBACK
        };
        let Some(&(situation, behaviour, impact, request)) = pool.choose(&mut self.coaching) else {
            return Ok(());
        };
        let sbi = Sbi {
            situation: situation.replace("{p}", self.project(at)),
            behaviour: behaviour.to_string(),
            impact: impact.to_string(),
            request: request.map(str::to_string),
        };
        let (sbi, private_sbi) = by_privacy(sbi, self.coaching.random_bool(0.3));
        let created = trunc(at - Duration::days(1));
        let feedback = Feedback {
            id: self.coaching_id(created),
            person_id: person.id.clone(),
            meeting_id: meeting.map(|m| m.id.clone()),
            tone: if positive {
                FeedbackTone::Positive
            } else {
                FeedbackTone::Constructive
            },
            status: if meeting.is_some() {
                FeedbackStatus::Given
            } else {
                FeedbackStatus::Planned
            },
            given_on: meeting.map(|m| m.time_zone.day_of(at)),
            sbi,
            private_sbi,
            created_at: created,
            updated_at: trunc(at),
        };
        self.store.feedback().insert(&feedback)?;
        self.summary.feedback += 1;
        Ok(())
    }

    /// A growth plan a year: the past ones achieved (or dropped), the
    /// current one active with a checkpoint met, one due soon, one later.
    fn growth_plans(&mut self, person: &Person, history_start: DateTime<Utc>) -> Result<()> {
        let mut start = history_start + Duration::days(30);
        while start < self.now {
            let current = start + Duration::days(365) > self.now;
            let Some(&(goal, support, evidence, checkpoints)) =
                GROWTH_GOALS.choose(&mut self.coaching)
            else {
                return Ok(());
            };
            let project = self.project(start);
            let day0 = start.date_naive();
            let due: [NaiveDate; 3] = if current {
                let today = self.now.date_naive();
                [
                    today - Duration::days(20),
                    today + Duration::days(5),
                    today + Duration::days(60),
                ]
            } else {
                [
                    day0 + Duration::days(90),
                    day0 + Duration::days(180),
                    day0 + Duration::days(300),
                ]
            };
            let mut list = Vec::new();
            for (n, (title, due_on)) in checkpoints.iter().zip(due).enumerate() {
                let status = match (current, n) {
                    (true, 0) | (false, _) => CheckpointStatus::Met,
                    _ => CheckpointStatus::Pending,
                };
                list.push(Checkpoint {
                    id: self.coaching_id(start),
                    due_on,
                    title: title.replace("{p}", project),
                    status,
                    note: String::new(),
                    checked_on: (status != CheckpointStatus::Pending).then_some(due_on),
                });
            }
            let text = PlanText {
                goal: goal.replace("{p}", project),
                support: support.to_string(),
                evidence: evidence.replace("{p}", project),
                checkpoints: list,
            };
            let (plan, private_plan) = by_privacy(text, self.coaching.random_bool(0.2));
            let plan = GrowthPlan {
                id: self.coaching_id(start),
                person_id: person.id.clone(),
                status: if current {
                    PlanStatus::Active
                } else if self.coaching.random_bool(0.85) {
                    PlanStatus::Achieved
                } else {
                    PlanStatus::Dropped
                },
                plan,
                private_plan,
                created_at: trunc(start),
                updated_at: trunc((start + Duration::days(300)).min(self.now)),
            };
            self.store.growth_plans().insert(&plan)?;
            self.summary.growth_plans += 1;
            start += Duration::days(365);
        }
        Ok(())
    }

    fn pick<'s>(&mut self, pool: &'s [&'s str]) -> &'s str {
        pool.choose(&mut self.rng).copied().unwrap_or_default()
    }

    /// The project the current person works on at `at`: a new one about
    /// every fourteen months, staggered across the team.
    fn project(&self, at: DateTime<Utc>) -> &'static str {
        let era = (at.timestamp() / (86_400 * 425)).max(0) as usize;
        cycle(PROJECTS, "Atlas", self.person_index * 5 + era)
    }

    /// A line from `pool` about the person's project at `at`.
    fn point(&mut self, pool: &[&str], at: DateTime<Utc>) -> String {
        let line = pool.choose(&mut self.rng).copied().unwrap_or_default();
        line.replace("{p}", self.project(at))
    }

    fn person(&mut self, index: u32, years: u32) -> Result<()> {
        let i = index as usize;
        self.person_index = i;
        self.rare_written = false;
        let level = cycle(LEVEL_MIX, Level::Confirmed, i);
        let first = cycle(FIRST_NAMES, "Ada", i);
        let last = cycle(LAST_NAMES, "Okafor", i * 7 + i / FIRST_NAMES.len());
        let name = format!("{first} {last}");
        let email = format!("{}.{}@example.com", ascii_lower(first), ascii_lower(last));
        let roles = ROLES
            .iter()
            .find(|(l, _)| *l == level)
            .map(|(_, r)| *r)
            .unwrap_or(&["Engineer"]);
        let role = self.pick(roles).to_string();
        let history_start = self.now - Duration::days(365 * i64::from(years));
        let joined = (history_start - Duration::days(self.rng.random_range(30..900))).date_naive();
        let created = trunc(history_start - Duration::days(1));
        let cadence = level.proposed_cadence();
        let mut focus: Vec<String> = FOCUS_AREAS
            .choose_multiple(&mut self.rng, 2)
            .map(|s| (*s).to_string())
            .collect();
        focus.sort();
        let person = Person {
            id: self.id(created),
            name,
            email: Some(email),
            role,
            level,
            start_date: Some(joined),
            focus_areas: focus,
            cadence: None,
            career_talk_every_days: None,
            default_template_id: Some(
                if i % 3 == 2 {
                    templates::BASIC
                } else {
                    templates::STANDARD_WEEKLY
                }
                .to_string(),
            ),
            archived: false,
            created_at: created,
            updated_at: created,
        };
        self.store.people().insert(&person)?;
        self.summary.people += 1;
        self.mood_level = self.coaching.random_range(6..=8);
        self.growth_plans(&person, history_start)?;

        let weekday = cycle(
            &[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            Weekday::Mon,
            i,
        );
        let local_time = NaiveTime::from_hms_opt(
            9 + (i as u32 * 2) % 8,
            if i.is_multiple_of(2) { 0 } else { 30 },
            0,
        )
        .unwrap_or(NaiveTime::MIN);
        let step_days = match cadence {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 28,
        };
        let mut first_day = history_start.date_naive();
        while Weekday::from_chrono(first_day.weekday()) != weekday {
            first_day += Duration::days(1);
        }
        let duration = if level == Level::Junior { 45 } else { 30 };
        let series = Series {
            id: self.id(created),
            person_id: person.id.clone(),
            frequency: match cadence {
                Cadence::Weekly => Frequency::Weekly,
                Cadence::Biweekly => Frequency::Biweekly,
                Cadence::Monthly => Frequency::Monthly,
            },
            weekday,
            local_time,
            time_zone: ZONE,
            duration_minutes: duration,
            format: if i % 4 == 3 {
                MeetingFormat::Video
            } else {
                MeetingFormat::InPerson
            },
            template_id: person.default_template_id.clone(),
            starts_on: first_day,
            ends_on: None,
            sequence: 0,
            created_at: created,
            updated_at: created,
            second_weekday: None,
            last_of_month: false,
        };
        self.store.schedule().insert_series(&series)?;

        let tz = ZONE.tz();
        let mut day = first_day;
        let mut count = 0u32;
        loop {
            let start = local_to_utc(tz, day, local_time);
            let upcoming = start > self.now;
            self.meeting(&person, &series, start, count, upcoming)?;
            if !upcoming && self.rng.random_bool(0.03) {
                self.one_off(&person, &series, start + Duration::days(2))?;
            }
            count += 1;
            if upcoming {
                break;
            }
            day += Duration::days(step_days);
        }
        self.since_last_1_1(&person)
    }

    /// What happened since the last 1:1, so the prepare screen has something
    /// to celebrate and, for some, something to discuss.
    fn since_last_1_1(&mut self, person: &Person) -> Result<()> {
        // One topic of each side is open for everyone, so Prepare and the
        // next agenda always show both lists; some have a private one.
        let hours = self.coaching.random_range(2..72);
        let at = trunc(self.now - Duration::hours(hours));
        self.topic_of(person, at, None, RaisedBy::Theirs, THEIR_TOPICS, false)?;
        self.topic_of(
            person,
            at + Duration::minutes(5),
            None,
            RaisedBy::Mine,
            MY_TOPICS,
            false,
        )?;
        if self.coaching.random_bool(0.5) {
            let at = at + Duration::minutes(10);
            self.topic_of(person, at, None, RaisedBy::Mine, PRIVATE_TOPICS, true)?;
        }
        // Feedback the manager means to give at the next 1:1.
        if self.coaching.random_bool(0.6) {
            self.feedback(person, None, self.now)?;
        }
        let mut entries = vec![(HighlightKind::Win, Some(self.pick(WINS).to_string()), None)];
        if self.rng.random_bool(0.5) {
            entries.push((
                HighlightKind::Concern,
                None,
                Some(self.pick(CONCERNS).to_string()),
            ));
        }
        for (kind, text, private_text) in entries {
            let day = (self.now - Duration::days(self.rng.random_range(0..3))).date_naive();
            let created = trunc(self.now - Duration::hours(self.rng.random_range(1..48)));
            self.store.highlights().insert(&Highlight {
                id: self.id(created),
                person_id: person.id.clone(),
                meeting_id: None,
                kind,
                occurred_on: day,
                text,
                private_text,
                created_at: created,
            })?;
            self.summary.highlights += 1;
        }
        Ok(())
    }

    fn meeting(
        &mut self,
        person: &Person,
        series: &Series,
        start: DateTime<Utc>,
        count: u32,
        upcoming: bool,
    ) -> Result<()> {
        let template_id = if count % 8 == 7 {
            templates::CAREER_DEVELOPMENT
        } else if count % 4 == 3 {
            templates::MONTHLY_DEEP_DIVE
        } else {
            series
                .template_id
                .as_deref()
                .unwrap_or(templates::STANDARD_WEEKLY)
        };
        let items: Vec<TemplateItem> = templates::builtin(template_id)
            .map(|t| t.items())
            .unwrap_or_default();
        let cancelled = !upcoming && self.rng.random_bool(0.07);
        let status = if upcoming {
            MeetingStatus::Scheduled
        } else if cancelled {
            MeetingStatus::Cancelled
        } else {
            MeetingStatus::Completed
        };
        let completed = status == MeetingStatus::Completed;
        let mut agenda = Vec::with_capacity(items.len());
        for item in items {
            let done = completed && self.rng.random_bool(0.88);
            agenda.push(AgendaItem {
                id: self.id(start),
                title: item.title,
                minutes: item.minutes,
                prompts: item.prompts,
                done,
            });
        }
        let (started_at, ended_at) = if completed {
            let started = start + Duration::minutes(self.rng.random_range(0..6));
            let length = i64::from(series.duration_minutes) + self.rng.random_range(-8..12);
            (Some(started), Some(started + Duration::minutes(length)))
        } else {
            (None, None)
        };
        let mut shared_notes = if completed {
            self.shared_notes(&agenda, start)
        } else {
            String::new()
        };
        if completed && self.coaching.random_bool(0.05) {
            let grow = GROW_NOTES
                .choose(&mut self.coaching)
                .copied()
                .unwrap_or_default();
            shared_notes.push_str(&grow.replace("{p}", self.project(start)));
        }
        let mut private_notes = if completed && self.rng.random_bool(0.6) {
            format!("- {}\n", self.pick(PRIVATE_POINTS))
        } else {
            String::new()
        };
        if completed && count >= 6 && !self.rare_written {
            self.rare_written = true;
            let rare = cycle(RARE_PRIVATE, "", self.person_index);
            private_notes.push_str(&format!("- {rare}\n"));
        }
        let private_prep_notes =
            if (completed && self.rng.random_bool(0.7)) || (upcoming && count.is_multiple_of(2)) {
                // Two different points: a prep list never says the same thing twice.
                let points: Vec<&str> = PREP_POINTS
                    .choose_multiple(&mut self.rng, 2)
                    .copied()
                    .collect();
                format!("- {}\n", points.join("\n- "))
            } else {
                String::new()
            };
        let created = trunc(start - Duration::days(7));
        let updated = trunc(ended_at.unwrap_or(created));
        let cancellation = if cancelled {
            CANCEL_REASONS.choose(&mut self.rng).copied()
        } else {
            None
        };
        let meeting = Meeting {
            id: self.id(start),
            person_id: person.id.clone(),
            series_id: Some(series.id.clone()),
            kind: MeetingKind::Regular,
            topic: None,
            scheduled_start: start,
            original_start: None,
            planned_minutes: series.duration_minutes,
            time_zone: series.time_zone,
            format: series.format,
            status,
            started_at,
            ended_at,
            cancel_reason: cancellation.map(|(reason, _)| reason.to_string()),
            cancelled_by: cancellation.map(|(_, by)| by),
            template_id: Some(template_id.to_string()),
            agenda,
            shared_notes,
            private_notes,
            private_prep_notes,
            created_at: created,
            updated_at: updated,
        };
        self.store.schedule().insert_meeting(&meeting)?;
        self.summary.meetings += 1;
        if completed {
            let n = self.rng.random_range(0..=3);
            for _ in 0..n {
                self.action_item(person, &meeting)?;
            }
            self.highlights(person, &meeting)?;
            if self.coaching.random_bool(0.3) {
                let days = self.coaching.random_range(1..7);
                self.topic(person, trunc(start - Duration::days(days)), Some(&meeting))?;
            }
            self.mood(person, &meeting)?;
            if self.coaching.random_bool(0.12) {
                self.feedback(person, Some(&meeting), start)?;
            }
        }
        Ok(())
    }

    /// A 1:1 the person asked for, or the manager called, between two
    /// regular ones.
    fn one_off(&mut self, person: &Person, series: &Series, start: DateTime<Utc>) -> Result<()> {
        if start > self.now {
            return Ok(());
        }
        let (kind, topic) = MEETING_TOPICS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or((MeetingKind::Requested, "Catch-up"));
        let topic = topic.replace("{p}", self.project(start));
        let notes = format!("- {}\n", self.point(SHARED_POINTS, start));
        let meeting = Meeting {
            id: self.id(start),
            person_id: person.id.clone(),
            series_id: None,
            kind,
            topic: Some(topic),
            scheduled_start: start,
            original_start: None,
            planned_minutes: 30,
            time_zone: series.time_zone,
            format: MeetingFormat::Video,
            status: MeetingStatus::Completed,
            started_at: Some(start),
            ended_at: Some(start + Duration::minutes(30)),
            cancel_reason: None,
            cancelled_by: None,
            template_id: None,
            agenda: Vec::new(),
            shared_notes: notes,
            private_notes: String::new(),
            private_prep_notes: String::new(),
            created_at: trunc(start - Duration::days(1)),
            updated_at: trunc(start + Duration::minutes(30)),
        };
        self.store.schedule().insert_meeting(&meeting)?;
        self.summary.meetings += 1;
        Ok(())
    }

    fn shared_notes(&mut self, agenda: &[AgendaItem], at: DateTime<Utc>) -> String {
        let mut notes = String::new();
        for item in agenda.iter().filter(|i| i.done).take(3) {
            let point = self.point(SHARED_POINTS, at);
            notes.push_str(&format!("## {}\n- {point}\n", item.title));
            if self.rng.random_bool(0.4) {
                notes.push_str(&format!("- [ ] {}\n", self.pick(ACTIONS_IC)));
            }
            notes.push('\n');
        }
        notes
    }

    fn action_item(&mut self, person: &Person, meeting: &Meeting) -> Result<()> {
        let start = meeting.scheduled_start;
        let created = trunc(meeting.ended_at.unwrap_or(start));
        let owner = if self.rng.random_bool(0.7) {
            Owner::Ic
        } else {
            Owner::Manager
        };
        let title = match owner {
            Owner::Ic => self.pick(ACTIONS_IC),
            Owner::Manager => self.pick(ACTIONS_MANAGER),
        }
        .to_string();
        let due_on: Option<NaiveDate> = if self.rng.random_bool(0.1) {
            None
        } else {
            Some((start + Duration::days(self.rng.random_range(3..21))).date_naive())
        };
        let age_days = (self.now - start).num_days();
        let roll: f64 = self.rng.random();
        // Old items have been dealt with (a manager closes or drops what
        // lingers); recent ones are still moving.
        let status = if age_days > 45 {
            if roll < 0.85 {
                ActionStatus::Done
            } else {
                ActionStatus::Dropped
            }
        } else {
            match roll {
                r if r < 0.35 => ActionStatus::Done,
                r if r < 0.70 => ActionStatus::Open,
                r if r < 0.85 => ActionStatus::Partial,
                r if r < 0.95 => ActionStatus::Escalated,
                _ => ActionStatus::Dropped,
            }
        };
        // Some due dates were pushed back a week the day after: the history
        // keeps the first one.
        let moved = due_on.is_some() && self.coaching.random_bool(0.15);
        let first_due = if moved {
            due_on.map(|d| d - Duration::days(7))
        } else {
            due_on
        };
        let mut history = vec![StatusChange {
            status: ActionStatus::Open,
            due_on: first_due,
            changed_at: created,
        }];
        let mut updated = created;
        if moved {
            updated = trunc((created + Duration::days(1)).min(self.now));
            history.push(StatusChange {
                status: ActionStatus::Open,
                due_on,
                changed_at: updated,
            });
        }
        let priority = match self.coaching.random_range(0..100) {
            0..15 => Some(Priority::P1),
            15..30 => Some(Priority::P2),
            _ => None,
        };
        if status != ActionStatus::Open {
            let max_days = age_days.clamp(1, 30);
            let changed = trunc(
                (created + Duration::days(self.rng.random_range(1..=max_days))).min(self.now),
            )
            .max(updated);
            history.push(StatusChange {
                status,
                due_on,
                changed_at: changed,
            });
            updated = changed;
        }
        let item = ActionItem {
            id: self.id(created),
            person_id: person.id.clone(),
            meeting_id: Some(meeting.id.clone()),
            title,
            owner,
            due_on,
            status,
            priority,
            created_at: created,
            updated_at: updated,
            history,
        };
        self.store.actions().insert(&item)?;
        self.summary.action_items += 1;
        Ok(())
    }

    fn highlights(&mut self, person: &Person, meeting: &Meeting) -> Result<()> {
        let day =
            (meeting.scheduled_start - Duration::days(self.rng.random_range(0..5))).date_naive();
        let roll: f64 = self.rng.random();
        let (kind, text, private_text) = if roll < 0.25 {
            (HighlightKind::Win, Some(self.pick(WINS).to_string()), None)
        } else if roll < 0.37 {
            (
                HighlightKind::Concern,
                None,
                Some(self.pick(CONCERNS).to_string()),
            )
        } else if roll < 0.45 {
            (
                HighlightKind::Accomplishment,
                Some(self.pick(ACCOMPLISHMENTS).to_string()),
                None,
            )
        } else {
            return Ok(());
        };
        let created = trunc(meeting.scheduled_start);
        let highlight = Highlight {
            id: self.id(created),
            person_id: person.id.clone(),
            meeting_id: None,
            kind,
            occurred_on: day,
            text,
            private_text,
            created_at: created,
        };
        self.store.highlights().insert(&highlight)?;
        self.summary.highlights += 1;
        Ok(())
    }
}

/// The `n`-th entry of a list, going round it again and again; the lists
/// are constants, never empty, so `first` is only the type's formality.
fn cycle<T: Copy>(list: &[T], first: T, n: usize) -> T {
    list.get(n % list.len().max(1)).copied().unwrap_or(first)
}

fn ascii_lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'á' | 'à' => 'a',
            'í' => 'i',
            'ó' => 'o',
            c => c.to_ascii_lowercase(),
        })
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}
