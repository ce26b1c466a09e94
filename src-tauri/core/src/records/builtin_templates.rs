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
