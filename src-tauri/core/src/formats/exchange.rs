//! The complete store as one versioned JSON document (see docs/export-format.md).
//! Every field that holds manager-only text is named `private_…`.
//!
//! Import checks the whole document first and writes nothing unless all of it
//! is valid; it then writes everything in one transaction.

use crate::error::{Error, ErrorCode, Result};
use crate::records::actions::ActionItem;
use crate::records::feedback::Feedback;
use crate::records::growth::GrowthPlan;
use crate::records::highlights::Highlight;
use crate::records::meetings::{Meeting, Series};
use crate::records::moods::MoodCheck;
use crate::records::people::Person;
use crate::records::questions::QuestionRecord;
use crate::records::settings::Settings;
use crate::records::templates::{self, AgendaTemplate};
use crate::records::topics::Topic;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

pub const FORMAT: &str = "rapport-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportDocument {
    pub format: String,
    pub version: u32,
    pub settings: Settings,
    pub people: Vec<Person>,
    pub templates: Vec<AgendaTemplate>,
    pub series: Vec<Series>,
    pub meetings: Vec<Meeting>,
    pub action_items: Vec<ActionItem>,
    pub highlights: Vec<Highlight>,
    /// Absent from exports written before the topics backlog.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The coaching records; absent from exports written before them.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    #[serde(default)]
    pub growth_plans: Vec<GrowthPlan>,
    #[serde(default)]
    pub moods: Vec<MoodCheck>,
    /// The manager's own questions, rewordings and hidden built-ins.
    #[serde(default)]
    pub questions: Vec<QuestionRecord>,
}

/// Reads the whole store.
pub fn export(store: &Store) -> Result<ExportDocument> {
    Ok(ExportDocument {
        format: FORMAT.to_string(),
        version: VERSION,
        settings: store.settings().get()?,
        people: store.people().list()?,
        templates: store.templates().list_custom()?,
        series: store.schedule().list_series()?,
        meetings: store.schedule().list_meetings()?,
        action_items: store.actions().list()?,
        highlights: store.highlights().list()?,
        topics: store.topics().list()?,
        feedback: store.feedback().list()?,
        growth_plans: store.growth_plans().list()?,
        moods: store.moods().list()?,
        questions: store.questions().records()?,
    })
}

pub fn export_json(store: &Store) -> Result<String> {
    let doc = export(store)?;
    let mut json = serde_json::to_string_pretty(&doc)
        .map_err(|e| Error::new(ErrorCode::Storage, format!("Cannot encode the export: {e}")))?;
    json.push('\n');
    Ok(json)
}

/// Parses an export, naming the place of the first problem.
pub fn parse_json(text: &str) -> Result<ExportDocument> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let doc: ExportDocument = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let place = if path == "." || path.is_empty() {
            format!("line {}, column {}", inner.line(), inner.column())
        } else {
            format!("{path} (line {}, column {})", inner.line(), inner.column())
        };
        Error::new(
            ErrorCode::ImportInvalid,
            format!("The import file is not valid at {place}: {inner}"),
        )
    })?;
    validate(&doc)?;
    Ok(doc)
}

fn invalid(place: String, what: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::ImportInvalid,
        format!("The import file is not valid at {place}: {what}"),
    )
}

/// The records' one-line check, with the place in the file.
fn one_line(place: String, text: &str) -> Result<()> {
    crate::records::check_one_line("It", text).map_err(|e| invalid(place, e.message))
}

/// Everything the database would refuse, found before anything is written.
pub fn validate(doc: &ExportDocument) -> Result<()> {
    if doc.format != FORMAT {
        return Err(invalid(
            "format".into(),
            format!("expected \"{FORMAT}\", found \"{}\"", doc.format),
        ));
    }
    if doc.version != VERSION {
        return Err(invalid(
            "version".into(),
            format!(
                "this Rapport reads version {VERSION}, the file is version {}",
                doc.version
            ),
        ));
    }
    // The address goes into e-mail headers: the rule of the settings form.
    if let Some(email) = doc
        .settings
        .manager_email
        .as_deref()
        .filter(|e| !e.trim().is_empty())
    {
        crate::records::people::check_email_address(email)
            .map_err(|e| invalid("settings.manager_email".into(), e.message))?;
    }
    let mut ids = HashSet::new();
    let mut unique = |place: String, id: &str| -> Result<()> {
        if id.trim().is_empty() {
            return Err(invalid(place, "the id is empty"));
        }
        if !ids.insert(id.to_string()) {
            return Err(invalid(place, format!("the id \"{id}\" is used twice")));
        }
        Ok(())
    };
    let mut people = HashSet::new();
    for (i, p) in doc.people.iter().enumerate() {
        unique(format!("people[{i}].id"), &p.id)?;
        crate::records::people::validate(p)
            .map_err(|e| invalid(format!("people[{i}]"), e.message))?;
        people.insert(p.id.as_str());
    }
    let mut template_ids: HashSet<&str> = templates::BUILTINS.iter().map(|t| t.id).collect();
    for (i, t) in doc.templates.iter().enumerate() {
        unique(format!("templates[{i}].id"), &t.id)?;
        if templates::builtin(&t.id).is_some() {
            return Err(invalid(
                format!("templates[{i}].id"),
                "that id belongs to a built-in template",
            ));
        }
        if t.name.trim().is_empty() {
            return Err(invalid(
                format!("templates[{i}].name"),
                "a template needs a name",
            ));
        }
        one_line(format!("templates[{i}].name"), &t.name)?;
        template_ids.insert(t.id.as_str());
    }
    let known_template = |place: String, id: &Option<String>| -> Result<()> {
        match id {
            Some(id) if !template_ids.contains(id.as_str()) => {
                Err(invalid(place, format!("no template with id \"{id}\"")))
            }
            _ => Ok(()),
        }
    };
    let known_person = |place: String, id: &str| -> Result<()> {
        if people.contains(id) {
            Ok(())
        } else {
            Err(invalid(place, format!("no person with id \"{id}\"")))
        }
    };
    for (i, p) in doc.people.iter().enumerate() {
        known_template(
            format!("people[{i}].default_template_id"),
            &p.default_template_id,
        )?;
    }
    // Each series and meeting with its person: a reference may only join
    // records of the same person.
    let mut series: HashMap<&str, &str> = HashMap::new();
    for (i, s) in doc.series.iter().enumerate() {
        unique(format!("series[{i}].id"), &s.id)?;
        known_person(format!("series[{i}].person_id"), &s.person_id)?;
        known_template(format!("series[{i}].template_id"), &s.template_id)?;
        if s.duration_minutes == 0 {
            return Err(invalid(
                format!("series[{i}].duration_minutes"),
                "must be more than 0",
            ));
        }
        let twice = s.frequency == crate::records::meetings::Frequency::TwiceWeekly;
        if twice != s.second_weekday.is_some() || s.second_weekday == Some(s.weekday) {
            return Err(invalid(
                format!("series[{i}].second_weekday"),
                "a twice-a-week series has a second day, other than its first; no other series has one",
            ));
        }
        if s.last_of_month && s.frequency != crate::records::meetings::Frequency::Monthly {
            return Err(invalid(
                format!("series[{i}].last_of_month"),
                "only a monthly series falls on the last weekday of the month",
            ));
        }
        series.insert(s.id.as_str(), s.person_id.as_str());
    }
    let mut meetings: HashMap<&str, &str> = HashMap::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        unique(format!("meetings[{i}].id"), &m.id)?;
        known_person(format!("meetings[{i}].person_id"), &m.person_id)?;
        known_template(format!("meetings[{i}].template_id"), &m.template_id)?;
        if let Some(s) = &m.series_id {
            match series.get(s.as_str()) {
                None => {
                    return Err(invalid(
                        format!("meetings[{i}].series_id"),
                        format!("no series with id \"{s}\""),
                    ))
                }
                Some(owner) if *owner != m.person_id => {
                    return Err(invalid(
                        format!("meetings[{i}].series_id"),
                        format!("series \"{s}\" belongs to another person"),
                    ))
                }
                Some(_) => {}
            }
        }
        if m.planned_minutes == 0 {
            return Err(invalid(
                format!("meetings[{i}].planned_minutes"),
                "must be more than 0",
            ));
        }
        for (j, item) in m.agenda.iter().enumerate() {
            unique(format!("meetings[{i}].agenda[{j}].id"), &item.id)?;
        }
        meetings.insert(m.id.as_str(), m.person_id.as_str());
    }
    let known_meeting = |place: String, id: &Option<String>, person: &str| -> Result<()> {
        let Some(id) = id else { return Ok(()) };
        match meetings.get(id.as_str()) {
            None => Err(invalid(place, format!("no meeting with id \"{id}\""))),
            Some(owner) if *owner != person => Err(invalid(
                place,
                format!("meeting \"{id}\" belongs to another person"),
            )),
            Some(_) => Ok(()),
        }
    };
    for (i, a) in doc.action_items.iter().enumerate() {
        unique(format!("action_items[{i}].id"), &a.id)?;
        known_person(format!("action_items[{i}].person_id"), &a.person_id)?;
        known_meeting(
            format!("action_items[{i}].meeting_id"),
            &a.meeting_id,
            &a.person_id,
        )?;
        if a.title.trim().is_empty() {
            return Err(invalid(
                format!("action_items[{i}].title"),
                "an action item needs a title",
            ));
        }
        one_line(format!("action_items[{i}].title"), &a.title)?;
    }
    for (i, h) in doc.highlights.iter().enumerate() {
        unique(format!("highlights[{i}].id"), &h.id)?;
        known_person(format!("highlights[{i}].person_id"), &h.person_id)?;
        known_meeting(
            format!("highlights[{i}].meeting_id"),
            &h.meeting_id,
            &h.person_id,
        )?;
        if h.text.is_some() == h.private_text.is_some() {
            return Err(invalid(
                format!("highlights[{i}]"),
                "exactly one of text and private_text is needed",
            ));
        }
    }
    for (i, t) in doc.topics.iter().enumerate() {
        unique(format!("topics[{i}].id"), &t.id)?;
        known_person(format!("topics[{i}].person_id"), &t.person_id)?;
        known_meeting(
            format!("topics[{i}].discussed_in"),
            &t.discussed_in,
            &t.person_id,
        )?;
        match (&t.text, &t.private_text) {
            (Some(text), None) | (None, Some(text)) if !text.trim().is_empty() => {
                one_line(format!("topics[{i}]"), text)?
            }
            _ => {
                return Err(invalid(
                    format!("topics[{i}]"),
                    "exactly one of text and private_text is needed, and it is not empty",
                ))
            }
        }
    }
    for (i, f) in doc.feedback.iter().enumerate() {
        unique(format!("feedback[{i}].id"), &f.id)?;
        known_person(format!("feedback[{i}].person_id"), &f.person_id)?;
        known_meeting(
            format!("feedback[{i}].meeting_id"),
            &f.meeting_id,
            &f.person_id,
        )?;
        match (&f.sbi, &f.private_sbi) {
            (Some(w), None) | (None, Some(w))
                if [&w.situation, &w.behaviour, &w.impact]
                    .iter()
                    .all(|t| !t.trim().is_empty()) => {}
            _ => {
                return Err(invalid(
                    format!("feedback[{i}]"),
                    "exactly one of sbi and private_sbi is needed, with a situation, behaviour and impact",
                ))
            }
        }
        if (f.status == crate::records::feedback::FeedbackStatus::Given) != f.given_on.is_some() {
            return Err(invalid(
                format!("feedback[{i}].given_on"),
                "given feedback has a date and planned feedback none",
            ));
        }
    }
    for (i, g) in doc.growth_plans.iter().enumerate() {
        unique(format!("growth_plans[{i}].id"), &g.id)?;
        known_person(format!("growth_plans[{i}].person_id"), &g.person_id)?;
        let text = match (&g.plan, &g.private_plan) {
            (Some(t), None) | (None, Some(t)) if !t.goal.trim().is_empty() => t,
            _ => {
                return Err(invalid(
                    format!("growth_plans[{i}]"),
                    "exactly one of plan and private_plan is needed, with a goal",
                ))
            }
        };
        for (j, c) in text.checkpoints.iter().enumerate() {
            unique(format!("growth_plans[{i}].checkpoints[{j}].id"), &c.id)?;
            if c.title.trim().is_empty() {
                return Err(invalid(
                    format!("growth_plans[{i}].checkpoints[{j}].title"),
                    "a checkpoint needs a title",
                ));
            }
        }
    }
    let mut mood_meetings = HashSet::new();
    for (i, m) in doc.moods.iter().enumerate() {
        unique(format!("moods[{i}].id"), &m.id)?;
        known_person(format!("moods[{i}].person_id"), &m.person_id)?;
        known_meeting(
            format!("moods[{i}].meeting_id"),
            &m.meeting_id,
            &m.person_id,
        )?;
        match (&m.mood, &m.private_mood) {
            (Some(v), None) | (None, Some(v)) if (1..=10).contains(&v.score) => {}
            _ => {
                return Err(invalid(
                    format!("moods[{i}]"),
                    "exactly one of mood and private_mood is needed, with a score from 1 to 10",
                ))
            }
        }
        if let Some(meeting) = &m.meeting_id {
            if !mood_meetings.insert(meeting.as_str()) {
                return Err(invalid(
                    format!("moods[{i}].meeting_id"),
                    "a 1:1 has one mood check-in",
                ));
            }
        }
    }
    let mut overridden = HashSet::new();
    for (i, q) in doc.questions.iter().enumerate() {
        unique(format!("questions[{i}].id"), &q.id)?;
        if q.text.trim().is_empty() || q.category.trim().is_empty() {
            return Err(invalid(
                format!("questions[{i}]"),
                "a question needs a text and a category",
            ));
        }
        one_line(format!("questions[{i}].text"), &q.text)?;
        if let Some(key) = &q.builtin_key {
            if !overridden.insert(key.as_str()) {
                return Err(invalid(
                    format!("questions[{i}].builtin_key"),
                    format!("\"{key}\" is changed twice"),
                ));
            }
        }
    }
    Ok(())
}

/// What an import brought in, as the window and the command line say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportedData {
    pub people: u32,
    pub meetings: u32,
}

impl ImportedData {
    pub fn of(doc: &ExportDocument) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        ImportedData {
            people: count(doc.people.len()),
            meetings: count(doc.meetings.len()),
        }
    }
}

/// Loads a validated document into an empty store, all or nothing.
pub fn import(store: &mut Store, doc: &ExportDocument) -> Result<()> {
    validate(doc)?;
    if !store.is_empty()? {
        return Err(Error::new(
            ErrorCode::StoreNotEmpty,
            "This store already has people or templates; import only goes into an empty store.",
        ));
    }
    store.write(|store| {
        store.settings().put(&doc.settings)?;
        for t in &doc.templates {
            store.templates().insert(t)?;
        }
        for p in &doc.people {
            store.people().insert(p)?;
        }
        for s in &doc.series {
            store.schedule().insert_series(s)?;
        }
        for m in &doc.meetings {
            store.schedule().insert_meeting(m)?;
        }
        for a in &doc.action_items {
            store.actions().insert(a)?;
        }
        for h in &doc.highlights {
            store.highlights().insert(h)?;
        }
        for t in &doc.topics {
            store.topics().insert(t)?;
        }
        for f in &doc.feedback {
            store.feedback().insert(f)?;
        }
        for g in &doc.growth_plans {
            store.growth_plans().insert(g)?;
        }
        for m in &doc.moods {
            store.moods().insert(m)?;
        }
        for q in &doc.questions {
            store.questions().insert(q)?;
        }
        Ok(())
    })
}
