//! The built-in agenda templates, from the 1:1 frameworks Rapport comes from.
//! They are kept in code, not in the store, so they improve with the app.

use super::templates::TemplateItem;

pub struct BuiltinTemplate {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub items: &'static [(&'static str, u32, &'static [&'static str])],
}

pub const STANDARD_WEEKLY: &str = "builtin-standard-weekly";
pub const PERFORMANCE_IMPROVEMENT: &str = "builtin-performance-improvement";
pub const CAREER_DEVELOPMENT: &str = "builtin-career-development";
pub const BASIC: &str = "builtin-basic";
pub const MONTHLY_DEEP_DIVE: &str = "builtin-monthly-deep-dive";
pub const WEEKLY_THEIRS_FIRST: &str = "builtin-weekly-their-items-first";
pub const MONTHLY_CAREER: &str = "builtin-monthly-career";
pub const CAREER_LIFE_STORY: &str = "builtin-career-1-life-story";
pub const CAREER_FUTURE_DREAMS: &str = "builtin-career-2-future-dreams";
pub const CAREER_ACTION_PLAN: &str = "builtin-career-3-action-plan";
pub const GROW_COACHING: &str = "builtin-grow-coaching";
pub const SKIP_LEVEL: &str = "builtin-skip-level";
pub const POST_CRISIS_LISTENING: &str = "builtin-post-crisis-listening";
pub const DIFFICULT_CONVERSATION: &str = "builtin-difficult-conversation";
pub const RETROSPECTIVE: &str = "builtin-1-1-retrospective";

/// The career conversation series of seed 003, in order: Life Story, then
/// Future Dreams, then the Career Action Plan.
pub const CAREER_SERIES: &[&str] = &[CAREER_LIFE_STORY, CAREER_FUTURE_DREAMS, CAREER_ACTION_PLAN];

/// Every template whose 1:1 counts as a career conversation for the
/// career-talk rhythm.
pub const CAREER_TEMPLATES: &[&str] = &[
    CAREER_DEVELOPMENT,
    MONTHLY_CAREER,
    CAREER_LIFE_STORY,
    CAREER_FUTURE_DREAMS,
    CAREER_ACTION_PLAN,
];

pub const BUILTINS: &[BuiltinTemplate] = &[
    BuiltinTemplate {
        id: STANDARD_WEEKLY,
        name: "Standard weekly",
        description: "Wins first, then commitments, progress, blockers, growth and next actions.",
        items: &[
            (
                "Wins & Celebrations",
                5,
                &["Recent wins", "Feedback received", "Personal achievements"],
            ),
            (
                "Action Items Review",
                5,
                &[
                    "Last week's commitments",
                    "Celebrate completions",
                    "Blockers",
                ],
            ),
            (
                "Current Progress",
                10,
                &["Goals and metrics", "Priorities this week"],
            ),
            (
                "Challenges & Blockers",
                15,
                &["What is in your way?", "What do you need from me?"],
            ),
            (
                "Skill Development & Growth",
                10,
                &["Training progress", "Career goals", "Opportunities"],
            ),
            (
                "Next Actions",
                5,
                &["Lock in commitments", "Clear deadlines", "Follow-ups"],
            ),
        ],
    },
    BuiltinTemplate {
        id: PERFORMANCE_IMPROVEMENT,
        name: "Performance improvement",
        description: "A focused session on a performance gap, its causes and a plan.",
        items: &[
            (
                "Performance Gap Identification",
                10,
                &["Results against expectations", "Agree on the priority gaps"],
            ),
            (
                "Root Cause Analysis",
                15,
                &["Skill, will or environment?", "Your view and mine"],
            ),
            (
                "Improvement Plan",
                20,
                &["Specific, measurable goals", "Milestones", "Support needed"],
            ),
            ("Skill Building", 10, &["Training", "Shadowing", "Practice"]),
            (
                "Accountability & Check-ins",
                5,
                &["Weekly progress reviews", "Next steps"],
            ),
        ],
    },
    BuiltinTemplate {
        id: CAREER_DEVELOPMENT,
        name: "Career development",
        description: "Long-term direction, skills and a growth plan.",
        items: &[
            (
                "Long-Term Vision",
                15,
                &[
                    "Where do you want to be in 1 year? 3 years?",
                    "What energises you? What drains you?",
                ],
            ),
            (
                "Skills Inventory",
                15,
                &[
                    "Strengths to lean on",
                    "Skills for the next role",
                    "Gaps to close",
                ],
            ),
            (
                "Development Opportunities",
                15,
                &["Stretch assignments", "Cross-team projects", "Leadership"],
            ),
            (
                "Action Plan",
                10,
                &["Development actions", "Training", "Timeline"],
            ),
            (
                "Manager Support",
                5,
                &["What I will do", "Resources", "Advocacy"],
            ),
        ],
    },
    BuiltinTemplate {
        id: BASIC,
        name: "Basic",
        description: "Opening, their topics, your topics, closing.",
        items: &[
            (
                "Opening",
                3,
                &[
                    "Mood and energy",
                    "Action items from last time",
                    "Today's agenda",
                ],
            ),
            (
                "Their Topics",
                15,
                &["What is on your mind?", "Challenges", "Questions and ideas"],
            ),
            (
                "Your Topics",
                9,
                &[
                    "Feedback",
                    "Context to share",
                    "Career development",
                    "Team updates",
                ],
            ),
            (
                "Closing",
                3,
                &["Summarise", "Confirm action items", "Next discussion"],
            ),
        ],
    },
    BuiltinTemplate {
        id: MONTHLY_DEEP_DIVE,
        name: "Monthly deep dive",
        description: "Happiness, growth and career, once a month.",
        items: &[
            (
                "Happiness & Engagement",
                15,
                &[
                    "How are you feeling about work (1-10)?",
                    "What would make it a 10?",
                ],
            ),
            (
                "Growth",
                15,
                &[
                    "What did you learn this month?",
                    "What do you want to learn next?",
                ],
            ),
            (
                "Career",
                15,
                &[
                    "Are you still excited about your path?",
                    "How can I help your progression?",
                ],
            ),
        ],
    },
    BuiltinTemplate {
        id: WEEKLY_THEIRS_FIRST,
        name: "Weekly, their items first",
        description: "Seed 004's weekly 1:1: their items first, then growth, feedback, and yours if time is left.",
        items: &[
            (
                "Their items",
                15,
                &["What is on your mind?", "What do you need from me this week?"],
            ),
            (
                "Growth and development",
                10,
                &["What did you learn?", "Progress on the growth plan"],
            ),
            ("Feedback", 5, &["Feedback for them", "Feedback for me"]),
            ("Your items, if time", 0, &["Context to share", "Team updates"]),
        ],
    },
    BuiltinTemplate {
        id: MONTHLY_CAREER,
        name: "Monthly career 1:1",
        description: "Seed 001's monthly career-focused 1:1: progress, feedback both ways, forward planning, actions.",
        items: &[
            (
                "Progress review",
                15,
                &["Development goals", "Recent wins and challenges", "Growth trajectory"],
            ),
            (
                "Feedback exchange",
                15,
                &["Your feedback on recent work", "Their self-assessment", "Peer feedback"],
            ),
            (
                "Forward planning",
                15,
                &["Upcoming opportunities", "Skill development focus", "Goal refinement"],
            ),
            ("Action items", 5, &["Clear next steps", "Timeline commitments"]),
        ],
    },
    BuiltinTemplate {
        id: CAREER_LIFE_STORY,
        name: "Career conversation 1: Life story",
        description: "Seed 003's career series, step 1 of 3: the path so far, and what mattered in each choice.",
        items: &[
            ("Opening", 5, &["Why we are doing this series", "What stays between us"]),
            (
                "Their story so far",
                35,
                &["From school to today", "The choices that mattered, and why", "What they were proud of"],
            ),
            ("What stands out", 5, &["Values that keep coming back"]),
            ("Next step", 0, &["Book the Future dreams conversation"]),
        ],
    },
    BuiltinTemplate {
        id: CAREER_FUTURE_DREAMS,
        name: "Career conversation 2: Future dreams",
        description: "Seed 003's career series, step 2 of 3: where they want to be, without limits first.",
        items: &[
            (
                "Dreams",
                25,
                &["Where do you want to be in 2-3 years? In 10?", "What kind of work energizes you?"],
            ),
            (
                "Skills and experiences",
                15,
                &["What would get you there?", "Strengths to build on"],
            ),
            ("Next step", 5, &["Book the Career action plan conversation"]),
        ],
    },
    BuiltinTemplate {
        id: CAREER_ACTION_PLAN,
        name: "Career conversation 3: Action plan",
        description: "Seed 003's career series, step 3 of 3: one to three growth bets, with checkpoints.",
        items: &[
            ("Growth bets", 20, &["One to three bets for the next months", "Projects that build the skill"]),
            ("Support", 10, &["What I will do", "Who else can help"]),
            ("Checkpoints", 10, &["Dated checkpoints", "Write them into a growth plan"]),
        ],
    },
    BuiltinTemplate {
        id: GROW_COACHING,
        name: "Coaching (GROW)",
        description: "Seed 000's GROW model for a coaching 1:1: Goal, Reality, Options, Will.",
        items: &[
            ("Goal", 5, &["What do you want to achieve?"]),
            ("Reality", 10, &["What is the current situation?", "What have you tried?"]),
            ("Options", 10, &["What could you do?", "What else?"]),
            ("Will", 5, &["What will you do, and by when?", "What support do you need?"]),
        ],
    },
    BuiltinTemplate {
        id: SKIP_LEVEL,
        name: "Skip-level",
        description: "Seed 003's skip-level structure: listen to what works and what should change, two levels down.",
        items: &[
            ("Introductions", 5, &["Why skip-levels", "What stays between us"]),
            ("What is working", 10, &["On the team", "In how we work"]),
            ("What should change", 10, &["One thing to change", "What is unclear about our direction"]),
            ("Their questions", 5, &["Anything for me?"]),
        ],
    },
    BuiltinTemplate {
        id: POST_CRISIS_LISTENING,
        name: "Post-crisis listening",
        description: "Seed 003's post-crisis session: make them feel heard; listen, do not fix.",
        items: &[
            ("Check in", 5, &["How are you doing, honestly?"]),
            ("Their account", 20, &["Listen, do not fix", "What was the hardest part?"]),
            ("What they need now", 10, &["In the next few weeks", "From me, from the team"]),
            ("Next steps", 5, &["What I will follow up on"]),
        ],
    },
    BuiltinTemplate {
        id: DIFFICULT_CONVERSATION,
        name: "Difficult conversation",
        description: "Seed 001's difficult conversation: the issue with examples (SBI), their view, a plan together.",
        items: &[
            ("The issue", 5, &["Situation, behaviour, impact", "Specific examples"]),
            ("Their perspective", 15, &["Help me understand what is happening"]),
            ("Problem-solve together", 15, &["What would help you improve?", "What support do you need?"]),
            ("Agree and follow up", 5, &["What we agreed", "When we check in again"]),
        ],
    },
    BuiltinTemplate {
        id: RETROSPECTIVE,
        name: "1:1 retrospective",
        description: "Seed 001's periodic retrospective on the 1:1s themselves.",
        items: &[
            ("How our 1:1s work for you", 10, &["What is valuable?", "What is not?"]),
            ("Time well spent", 10, &["Are we spending time on the right things?"]),
            ("More of, less of", 5, &["What should we do more of, or less of?"]),
            ("What we change", 5, &["One change to try"]),
        ],
    },
];

pub fn builtin(id: &str) -> Option<&'static BuiltinTemplate> {
    BUILTINS.iter().find(|t| t.id == id)
}

impl BuiltinTemplate {
    pub fn items(&self) -> Vec<TemplateItem> {
        self.items
            .iter()
            .map(|(title, minutes, prompts)| TemplateItem {
                title: (*title).to_string(),
                minutes: *minutes,
                prompts: prompts.iter().map(|p| (*p).to_string()).collect(),
            })
            .collect()
    }
}
