//! Agenda templates: the manager's own, kept in the `agenda_template` table,
//! beside the built-ins of `builtin_templates`.

use crate::error::{Error, Result};
use crate::store::{Reading, Writing};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;
use ts_rs::TS;

pub use super::builtin_templates::{
    builtin, BuiltinTemplate, BASIC, BUILTINS, CAREER_DEVELOPMENT, CAREER_SERIES, CAREER_TEMPLATES,
    GROW_COACHING, MONTHLY_CAREER, MONTHLY_DEEP_DIVE, PERFORMANCE_IMPROVEMENT, STANDARD_WEEKLY,
    WEEKLY_THEIRS_FIRST,
};

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

pub struct Templates<'a, A = Reading> {
    pub(crate) conn: &'a Connection,
    pub(crate) access: PhantomData<A>,
}

impl<A> Templates<'_, A> {
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

    /// Refuses a template id that names neither a built-in nor a stored template.
    pub fn require_known(&self, template_id: Option<&str>) -> Result<()> {
        match template_id {
            Some(id) if !self.exists(id)? => {
                Err(Error::invalid("That agenda template no longer exists."))
            }
            _ => Ok(()),
        }
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

    /// Built-ins first (in their fixed order), then the manager's own by name.
    pub fn all(&self) -> Result<Vec<TemplateView>> {
        let mut all: Vec<TemplateView> = BUILTINS.iter().map(TemplateView::from).collect();
        all.extend(self.list_custom()?.into_iter().map(TemplateView::from));
        Ok(all)
    }

    pub fn get(&self, id: &str) -> Result<TemplateView> {
        if let Some(b) = builtin(id) {
            return Ok(b.into());
        }
        self.get_custom(id).map(TemplateView::from)
    }

    fn get_custom(&self, id: &str) -> Result<AgendaTemplate> {
        self.list_custom()?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::not_found("That agenda template no longer exists."))
    }
}

impl Templates<'_, Writing> {
    pub fn insert(&self, template: &AgendaTemplate) -> Result<()> {
        if template.name.trim().is_empty() {
            return Err(Error::invalid("A template needs a name."));
        }
        super::check_one_line("A template's name", &template.name)?;
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

    pub fn create(&self, input: TemplateInput, now: DateTime<Utc>) -> Result<TemplateView> {
        let input = clean(input)?;
        let template = AgendaTemplate {
            id: crate::ids::new_id(),
            name: input.name,
            description: input.description,
            items: input.items,
            created_at: now,
            updated_at: now,
        };
        self.insert(&template)?;
        Ok(template.into())
    }

    pub fn update(
        &self,
        id: &str,
        input: TemplateInput,
        now: DateTime<Utc>,
    ) -> Result<TemplateView> {
        if builtin(id).is_some() {
            return Err(Error::invalid(
                "Built-in templates cannot be changed. Duplicate it and edit the copy.",
            ));
        }
        let input = clean(input)?;
        let mut template = self.get_custom(id)?;
        template.name = input.name;
        template.description = input.description;
        template.items = input.items;
        template.updated_at = now;
        self.conn
            .prepare_cached(
                "UPDATE agenda_template SET name = ?2, description = ?3, items = ?4, updated_at = ?5 WHERE id = ?1",
            )?
            .execute(params![
                template.id,
                template.name,
                template.description,
                serde_json::to_value(&template.items).map_err(|e| Error::invalid(e.to_string()))?,
                template.updated_at,
            ])?;
        Ok(template.into())
    }

    /// A copy the manager can edit, named "<name> (copy)".
    pub fn duplicate(&self, id: &str, now: DateTime<Utc>) -> Result<TemplateView> {
        let source = self.get(id)?;
        self.create(
            TemplateInput {
                name: format!("{} (copy)", source.name),
                description: source.description,
                items: source.items,
            },
            now,
        )
    }

    /// Deletes one of the manager's templates. People and series that used it
    /// fall back to the standard agenda; past meetings keep their own agenda.
    pub fn delete(&self, id: &str) -> Result<()> {
        if builtin(id).is_some() {
            return Err(Error::invalid("Built-in templates cannot be deleted."));
        }
        let removed = self
            .conn
            .prepare_cached("DELETE FROM agenda_template WHERE id = ?1")?
            .execute([id])?;
        if removed == 0 {
            return Err(Error::not_found("That agenda template no longer exists."));
        }
        // The same transaction clears the template from the people and
        // series that used it.
        crate::records::people::People::<Writing> {
            conn: self.conn,
            access: PhantomData,
        }
        .clear_default_template(id)?;
        crate::records::meetings::Schedule::<Writing> {
            conn: self.conn,
            access: PhantomData,
        }
        .clear_template(id)
    }
}
/// A template as the app shows it: built-in or the manager's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub items: Vec<TemplateItem>,
    pub builtin: bool,
    pub total_minutes: u32,
}

/// What the manager edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TemplateInput {
    pub name: String,
    pub description: String,
    pub items: Vec<TemplateItem>,
}

impl TemplateView {
    fn new(
        id: String,
        name: String,
        description: String,
        items: Vec<TemplateItem>,
        builtin: bool,
    ) -> Self {
        let total_minutes = items.iter().map(|i| i.minutes).sum();
        TemplateView {
            id,
            name,
            description,
            items,
            builtin,
            total_minutes,
        }
    }
}

impl From<&BuiltinTemplate> for TemplateView {
    fn from(t: &BuiltinTemplate) -> Self {
        TemplateView::new(
            t.id.to_string(),
            t.name.to_string(),
            t.description.to_string(),
            t.items(),
            true,
        )
    }
}

impl From<AgendaTemplate> for TemplateView {
    fn from(t: AgendaTemplate) -> Self {
        TemplateView::new(t.id, t.name, t.description, t.items, false)
    }
}

fn clean(input: TemplateInput) -> Result<TemplateInput> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::invalid("A template needs a name."));
    }
    super::check_one_line("A template's name", &name)?;
    let mut items = Vec::with_capacity(input.items.len());
    for (n, item) in input.items.into_iter().enumerate() {
        let title = item.title.trim().to_string();
        if title.is_empty() {
            return Err(Error::invalid(format!(
                "Agenda item {} needs a title.",
                n + 1
            )));
        }
        if item.minutes > 240 {
            return Err(Error::invalid(format!(
                "\"{title}\" is longer than four hours; give it at most 240 minutes."
            )));
        }
        items.push(TemplateItem {
            title,
            minutes: item.minutes,
            prompts: item
                .prompts
                .into_iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        });
    }
    if items.is_empty() {
        return Err(Error::invalid("A template needs at least one agenda item."));
    }
    Ok(TemplateInput {
        name,
        description: input.description.trim().to_string(),
        items,
    })
}

pub fn create(store: &mut crate::Store, input: TemplateInput) -> Result<TemplateView> {
    let now = store.clock().now();
    store.write(|s| s.templates().create(input, now))
}

pub fn update(store: &mut crate::Store, id: &str, input: TemplateInput) -> Result<TemplateView> {
    let now = store.clock().now();
    store.write(|s| s.templates().update(id, input, now))
}

pub fn duplicate(store: &mut crate::Store, id: &str) -> Result<TemplateView> {
    let now = store.clock().now();
    store.write(|s| s.templates().duplicate(id, now))
}

pub fn delete(store: &mut crate::Store, id: &str) -> Result<()> {
    store.write(|s| s.templates().delete(id))
}

impl crate::store::Store {
    pub fn templates(&self) -> Templates<'_> {
        Templates {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}

impl crate::store::Tx<'_> {
    pub fn templates(&self) -> Templates<'_, Writing> {
        Templates {
            conn: self.conn(),
            access: PhantomData,
        }
    }
}
