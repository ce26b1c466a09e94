//! Growth plans (seed 004, exercise 3): a goal, the support the manager
//! gives, the evidence of progress, and dated checkpoints with a status.
//! Tables `growth_plan` and `growth_checkpoint`. A plan's words and
//! checkpoints are shareable (`plan`) or manager-only (`private_plan`).

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use crate::text_enum::text_enum;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

text_enum! {
    pub enum PlanStatus { Active = "active", Achieved = "achieved", Dropped = "dropped" }
}

text_enum! {
    pub enum CheckpointStatus { Pending = "pending", Met = "met", Missed = "missed" }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub id: String,
    pub due_on: NaiveDate,
    pub title: String,
    pub status: CheckpointStatus,
    /// How it went, in a line or two.
    pub note: String,
    pub checked_on: Option<NaiveDate>,
}

/// What the plan says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    pub goal: String,
    /// What the manager does to help.
    pub support: String,
    /// What will show the progress.
    pub evidence: String,
    /// Oldest due first.
    pub checkpoints: Vec<Checkpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct GrowthPlan {
    pub id: String,
    pub person_id: String,
    pub status: PlanStatus,
    /// Shareable plan; None when the plan is manager-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plan: Option<PlanText>,
    /// Manager-only plan; None when the plan is shareable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub private_plan: Option<PlanText>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl GrowthPlan {
    pub fn text(&self) -> Option<&PlanText> {
        self.plan.as_ref().or(self.private_plan.as_ref())
    }

    /// The first checkpoint still pending.
    pub fn next_checkpoint(&self) -> Option<&Checkpoint> {
        self.text()?
            .checkpoints
            .iter()
            .find(|c| c.status == CheckpointStatus::Pending)
    }
}

/// A checkpoint as the manager writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CheckpointInput {
    /// The existing checkpoint's id, to keep its status; None for a new one.
    pub id: Option<String>,
    pub due_on: NaiveDate,
    pub title: String,
    pub status: CheckpointStatus,
    pub note: String,
}

/// A plan as the manager writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct GrowthPlanInput {
    pub goal: String,
    pub support: String,
    pub evidence: String,
    pub status: PlanStatus,
    /// Manager-only: kept out of everything shared.
    pub private: bool,
    pub checkpoints: Vec<CheckpointInput>,
}

pub struct GrowthPlans<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

const PLAN_COLUMNS: &str =
    "id, person_id, goal, support, evidence, status, private, created_at, updated_at";

impl<A> GrowthPlans<'_, A> {
    pub fn list(&self) -> Result<Vec<GrowthPlan>> {
        self.query(
            &format!("SELECT {PLAN_COLUMNS} FROM growth_plan ORDER BY created_at, id"),
            params![],
        )
    }

    pub fn get(&self, id: &str) -> Result<GrowthPlan> {
        self.query(
            &format!("SELECT {PLAN_COLUMNS} FROM growth_plan WHERE id = ?1"),
            params![id],
        )?
        .pop()
        .ok_or_else(|| Error::not_found("That growth plan no longer exists."))
    }

    /// A person's plans: active ones first, then the newest.
    pub fn of_person(&self, person_id: &str) -> Result<Vec<GrowthPlan>> {
        self.query(
            &format!(
                "SELECT {PLAN_COLUMNS} FROM growth_plan WHERE person_id = ?1
                 ORDER BY status <> 'active', created_at DESC, id DESC"
            ),
            params![person_id],
        )
    }

    /// A person's active plans, newest first.
    pub fn active_of(&self, person_id: &str) -> Result<Vec<GrowthPlan>> {
        self.query(
            &format!(
                "SELECT {PLAN_COLUMNS} FROM growth_plan WHERE person_id = ?1 AND status = 'active'
                 ORDER BY created_at DESC, id DESC"
            ),
            params![person_id],
        )
    }

    fn query(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<GrowthPlan>> {
        let mut plans = {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map(params, plan_from_row)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, due_on, title, status, note, checked_on FROM growth_checkpoint
             WHERE plan_id = ?1 ORDER BY due_on, id",
        )?;
        for plan in &mut plans {
            let rows = stmt.query_map([&plan.id], |row| {
                Ok(Checkpoint {
                    id: row.get(0)?,
                    due_on: row.get(1)?,
                    title: row.get(2)?,
                    status: row.get(3)?,
                    note: row.get(4)?,
                    checked_on: row.get(5)?,
                })
            })?;
            let checkpoints = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            if let Some(text) = plan.plan.as_mut().or(plan.private_plan.as_mut()) {
                text.checkpoints = checkpoints;
            }
        }
        Ok(plans)
    }
}

impl GrowthPlans<'_, Writing> {
    pub fn insert(&self, plan: &GrowthPlan) -> Result<()> {
        let (text, private) = super::words_of(&plan.plan, &plan.private_plan, "A growth plan")?;
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO growth_plan ({PLAN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ))?
            .execute(params![
                plan.id,
                plan.person_id,
                text.goal,
                text.support,
                text.evidence,
                plan.status,
                private,
                plan.created_at,
                plan.updated_at,
            ])?;
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO growth_checkpoint (id, plan_id, due_on, title, status, note, checked_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for c in &text.checkpoints {
            stmt.execute(params![
                c.id,
                plan.id,
                c.due_on,
                c.title,
                c.status,
                c.note,
                c.checked_on
            ])?;
        }
        Ok(())
    }

    pub fn create(
        &self,
        person_id: &str,
        input: GrowthPlanInput,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<GrowthPlan> {
        let plan = build(crate::ids::new_id(), person_id, input, &[], today, now, now)?;
        self.insert(&plan)?;
        Ok(plan)
    }

    /// Rewrites a plan from the edited form; a checkpoint keeps the day it
    /// was checked unless its status changes.
    pub fn replace(
        &self,
        id: &str,
        input: GrowthPlanInput,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<GrowthPlan> {
        let old = self.get(id)?;
        let previous = old
            .text()
            .map(|t| t.checkpoints.clone())
            .unwrap_or_default();
        let plan = build(
            old.id,
            &old.person_id,
            input,
            &previous,
            today,
            old.created_at,
            now,
        )?;
        self.delete(id)?;
        self.insert(&plan)?;
        Ok(plan)
    }

    pub fn delete(&self, id: &str) -> Result<()> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM growth_plan WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That growth plan no longer exists."));
        }
        Ok(())
    }
}

fn build(
    id: String,
    person_id: &str,
    input: GrowthPlanInput,
    previous: &[Checkpoint],
    today: NaiveDate,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<GrowthPlan> {
    let goal = input.goal.trim().to_string();
    if goal.is_empty() {
        return Err(Error::invalid("Write the plan's goal."));
    }
    let mut checkpoints = Vec::with_capacity(input.checkpoints.len());
    for (n, c) in input.checkpoints.into_iter().enumerate() {
        let title = c.title.trim().to_string();
        if title.is_empty() {
            return Err(Error::invalid(format!(
                "Checkpoint {} needs a title.",
                n + 1
            )));
        }
        super::check_one_line("A checkpoint's title", &title)?;
        let before =
            c.id.as_deref()
                .and_then(|id| previous.iter().find(|p| p.id == id));
        let checked_on = match (c.status, before) {
            (CheckpointStatus::Pending, _) => None,
            (status, Some(p)) if p.status == status => p.checked_on,
            _ => Some(today),
        };
        checkpoints.push(Checkpoint {
            id: before
                .map(|p| p.id.clone())
                .unwrap_or_else(crate::ids::new_id),
            due_on: c.due_on,
            title,
            status: c.status,
            note: c.note.trim().to_string(),
            checked_on,
        });
    }
    checkpoints.sort_by_key(|c| c.due_on);
    let text = PlanText {
        goal,
        support: input.support.trim().to_string(),
        evidence: input.evidence.trim().to_string(),
        checkpoints,
    };
    let (plan, private_plan) = super::by_privacy(text, input.private);
    Ok(GrowthPlan {
        id,
        person_id: person_id.to_string(),
        status: input.status,
        plan,
        private_plan,
        created_at,
        updated_at: now,
    })
}

fn plan_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<GrowthPlan> {
    let text = PlanText {
        goal: row.get(2)?,
        support: row.get(3)?,
        evidence: row.get(4)?,
        checkpoints: Vec::new(),
    };
    let (plan, private_plan) = super::by_privacy(text, row.get(6)?);
    Ok(GrowthPlan {
        id: row.get(0)?,
        person_id: row.get(1)?,
        status: row.get(5)?,
        plan,
        private_plan,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
    })
}

impl crate::store::Store {
    pub fn growth_plans(&self) -> GrowthPlans<'_> {
        GrowthPlans {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn growth_plans(&self) -> GrowthPlans<'_, Writing> {
        GrowthPlans {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
