//! Agenda templates: the built-ins from the 1:1 frameworks Rapport comes from,
//! kept in code so they improve with the app, and the manager's own, kept in
//! the `agenda_template` table.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) const MIGRATION_V2: &str = "
CREATE TABLE agenda_template (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub title: String,
    pub minutes: u32,
    pub prompts: Vec<String>,
}

/// A manager-made template (built-ins are not stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AgendaTemplate {
    pub id: String,
    pub name: String,
    pub description: String,
    pub items: Vec<TemplateItem>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

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

pub struct Templates<'a> {
    pub(crate) conn: &'a Connection,
}

impl Templates<'_> {
    pub fn insert(&self, template: &AgendaTemplate) -> Result<()> {
        if template.name.trim().is_empty() {
            return Err(Error::invalid("A template needs a name."));
        }
        if builtin(&template.id).is_some() {
            return Err(Error::invalid(format!(
                "\"{}\" is the id of a built-in template.",
                template.id
            )));
        }
        self.conn
            .prepare_cached(
                "INSERT INTO agenda_template (id, name, description, items, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                template.id,
                template.name,
                template.description,
                serde_json::to_value(&template.items).map_err(|e| Error::invalid(e.to_string()))?,
                template.created_at,
                template.updated_at,
            ])?;
        Ok(())
    }

    /// The manager's own templates, by name.
    pub fn list_custom(&self) -> Result<Vec<AgendaTemplate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, description, items, created_at, updated_at FROM agenda_template ORDER BY name, id",
        )?;
        let rows = stmt.query_map([], |row| {
            let items: serde_json::Value = row.get(3)?;
            Ok(AgendaTemplate {
                id: row.get(0)?,
                name: row.get(1)?,
                description: row.get(2)?,
                items: serde_json::from_value(items).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
                created_at: row.get(4)?,
                updated_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether a template id names a built-in or a stored template.
    pub fn exists(&self, id: &str) -> Result<bool> {
        if builtin(id).is_some() {
            return Ok(true);
        }
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM agenda_template WHERE id = ?1")?
            .exists([id])?)
    }
}
