//! The numbers seeds 000 and 001 ask a manager to watch, per person and for
//! the team, over a period of days in the manager's zone: 1:1s held against
//! those due, cancellations and by whom, length against plan, action items
//! done (on time), open and overdue, the career rhythm and mood. One
//! computation serves the Team screen, Prepare's performance snapshot and
//! `rapport stats`, so the three always agree.
//!
//! The counting rules, in one place:
//! - A 1:1 belongs to the period its scheduled start falls in. It is *due*
//!   once it was held, cancelled, or its slot has passed without it starting
//!   (*missed*); one still ahead or under way is not due yet.
//! - An action item is *due* in the period when its due date is in it and has
//!   passed (today's items are not due yet), and it was not dropped. It is
//!   *done* when it stood done at the end of the period (or now), *on time*
//!   when it became done on or before its due date.
//! - Open and overdue are as of the end of the period, or today.
//! - Archived people are not on the team; asked for by name, they still have
//!   their numbers.

use crate::day_text::day_month_year;
use crate::error::{Error, Result};
use crate::flows::thresholds::{self, Flag};
use crate::records::actions::{ActionStatus, Owner};
use crate::records::meetings::{local_to_utc, CancelledBy, MeetingStatus};
use crate::records::people::Person;
use crate::records::team_facts::{ItemFact, MeetingFact, Milestones, MoodFact};
use crate::records::templates::CAREER_TEMPLATES;
use crate::store::Store;
use crate::text_enum::text_enum;
use crate::zone::Zone;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

text_enum! {
    /// The step of the charts and the heat strip.
    pub enum BucketUnit { Week = "week", Month = "month" }
}

text_enum! {
    /// A number on the Team screen, to list what is behind it.
    pub enum Measure {
        Due = "due", Held = "held", Cancelled = "cancelled", CancelledByMe = "cancelled_by_me",
        CancelledByThem = "cancelled_by_them", Missed = "missed", Moved = "moved",
        ItemsDue = "items_due", ItemsDone = "items_done", ItemsOnTime = "items_on_time",
        ItemsOpen = "items_open", ItemsOverdue = "items_overdue",
        ItemsOverdueTheirs = "items_overdue_theirs", ItemsOverdueMine = "items_overdue_mine",
        ItemsOpened = "items_opened", ItemsClosed = "items_closed",
    }
}

/// Periods up to this many days are drawn week by week, longer ones by month.
const WEEKLY_UP_TO_DAYS: i64 = 371;
/// The longest period asked for: beyond it a chart has nothing to say.
const LONGEST_PERIOD_DAYS: i64 = 100 * 366;

/// The days `from..=to`, in the manager's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StatsPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl StatsPeriod {
    /// The `days` days up to and including `today`.
    pub fn last_days(today: NaiveDate, days: i64) -> StatsPeriod {
        StatsPeriod {
            from: today - Duration::days(days - 1),
            to: today,
        }
    }
}

/// The counts behind one row of the table (a person, or the team).
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Totals {
    /// 1:1s held, cancelled or missed: the ones that should have happened.
    pub due: u32,
    pub held: u32,
    pub cancelled: u32,
    pub cancelled_by_me: u32,
    pub cancelled_by_them: u32,
    /// Missed: the slot passed and the 1:1 never started.
    pub missed: u32,
    /// Moved away from their series' slot (any outcome).
    pub moved: u32,
    /// Scheduled in the period and still ahead (or under way).
    pub upcoming: u32,
    /// Held over due, in whole percent (rounded down); None when none was due.
    pub completion_percent: Option<u32>,
    /// Average minutes of the held 1:1s whose start and end were recorded,
    /// and the minutes planned for the same 1:1s.
    pub average_minutes: Option<f64>,
    pub average_planned_minutes: Option<f64>,
    pub agenda_items: u32,
    pub agenda_done: u32,
    pub items_due: u32,
    pub items_done: u32,
    pub items_on_time: u32,
    pub action_completion_percent: Option<u32>,
    pub items_open: u32,
    pub items_open_theirs: u32,
    pub items_open_mine: u32,
    pub items_overdue: u32,
    pub items_overdue_theirs: u32,
    pub items_overdue_mine: u32,
    /// Created in the period.
    pub items_opened: u32,
    /// Became done in the period (and still done at its end).
    pub items_closed: u32,
    pub wins: u32,
    pub concerns: u32,
    pub mood_checks: u32,
    pub mood_average: Option<f64>,
}

/// One week or month of the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Bucket {
    /// Its first day (a Monday, or the 1st).
    pub start: NaiveDate,
    pub due: u32,
    pub held: u32,
    pub cancelled: u32,
    pub missed: u32,
    pub items_due: u32,
    pub items_done: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CancelledMeeting {
    pub meeting_id: String,
    pub on: NaiveDate,
    /// None for one recorded before Rapport asked who.
    pub by: Option<CancelledBy>,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct MoodPoint {
    pub on: NaiveDate,
    pub score: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonStats {
    pub person_id: String,
    pub name: String,
    pub archived: bool,
    pub totals: Totals,
    /// The last 1:1 held by the end of the period, and the days from it to
    /// that end (or today), against the cadence's days.
    pub last_held_on: Option<NaiveDate>,
    #[ts(type = "number | null")]
    pub days_since_last: Option<i64>,
    #[ts(type = "number")]
    pub cadence_days: i64,
    pub last_career_talk_on: Option<NaiveDate>,
    pub career_every_days: u32,
    /// No career conversation within the rhythm at the end of the period.
    pub career_overdue: bool,
    /// Oldest first.
    pub moods: Vec<MoodPoint>,
    /// Last check-in's score minus the first's, with two or more.
    pub mood_change: Option<i32>,
    pub cancellations: Vec<CancelledMeeting>,
    pub buckets: Vec<Bucket>,
    /// The numbers past their line, with their reasons.
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TeamStats {
    pub period: StatsPeriod,
    /// "in the last 90 days", "in Q3 2026": how the reasons name the period.
    pub phrase: String,
    /// The day open and overdue are counted at: the period's end, or today.
    pub as_of: NaiveDate,
    pub unit: BucketUnit,
    pub people: Vec<PersonStats>,
    /// The whole team (the people listed).
    pub team: Totals,
    pub team_buckets: Vec<Bucket>,
}

/// What is behind one number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DetailRequest {
    pub period: StatsPeriod,
    /// The whole team when None.
    pub person_id: Option<String>,
    pub measure: Measure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DetailMeeting {
    pub meeting_id: String,
    pub person_id: String,
    pub person_name: String,
    pub scheduled_start: DateTime<Utc>,
    #[ts(type = "string")]
    pub time_zone: Zone,
    pub status: MeetingStatus,
    pub moved_from: Option<DateTime<Utc>>,
    pub cancelled_by: Option<CancelledBy>,
    pub cancel_reason: Option<String>,
    #[ts(type = "number | null")]
    pub held_minutes: Option<i64>,
    pub planned_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DetailItem {
    pub item_id: String,
    pub person_id: String,
    pub person_name: String,
    pub title: String,
    pub owner: Owner,
    pub due_on: Option<NaiveDate>,
    /// As it stood at the end of the period.
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatsDetail {
    /// "1:1s held: Ana Ruiz, in the last 90 days".
    pub title: String,
    pub meetings: Vec<DetailMeeting>,
    pub items: Vec<DetailItem>,
}

/// The period's bounds as instants, and the days the numbers are taken at.
struct Frame {
    period: StatsPeriod,
    zone: Zone,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
    today: NaiveDate,
    /// Open and overdue are counted at this instant…
    as_of: DateTime<Utc>,
    /// …and an item due before this day is overdue then.
    overdue_before: NaiveDate,
    unit: BucketUnit,
    phrase: String,
}

impl Frame {
    fn new(store: &Store, period: StatsPeriod) -> Result<Frame> {
        let StatsPeriod { from, to } = period;
        if from > to {
            return Err(Error::invalid(format!(
                "The period starts on {} after it ends on {}: give the earlier day first.",
                day_month_year(&from),
                day_month_year(&to)
            )));
        }
        let span = (to - from).num_days() + 1;
        if span > LONGEST_PERIOD_DAYS {
            return Err(Error::invalid(
                "The period is longer than a hundred years: pick a shorter one.",
            ));
        }
        let zone = store.clock().zone();
        let now = store.clock().now();
        let today = zone.day_of(now);
        let midnight = NaiveTime::MIN;
        let start = local_to_utc(zone.tz(), from, midnight);
        let end = local_to_utc(zone.tz(), to + Duration::days(1), midnight);
        Ok(Frame {
            period,
            zone,
            start,
            end,
            now,
            today,
            as_of: end.min(now),
            overdue_before: (to + Duration::days(1)).min(today),
            unit: if span <= WEEKLY_UP_TO_DAYS {
                BucketUnit::Week
            } else {
                BucketUnit::Month
            },
            phrase: phrase(period, today),
        })
    }

    fn day(&self, at: DateTime<Utc>) -> NaiveDate {
        self.zone.day_of(at)
    }

    fn bucket_of(&self, day: NaiveDate) -> NaiveDate {
        match self.unit {
            BucketUnit::Week => {
                day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
            }
            BucketUnit::Month => day.with_day(1).unwrap_or(day),
        }
    }

    fn buckets(&self) -> Vec<Bucket> {
        let mut starts = Vec::new();
        let mut at = self.bucket_of(self.period.from);
        while at <= self.period.to {
            starts.push(at);
            at = match self.unit {
                BucketUnit::Week => at + Duration::days(7),
                BucketUnit::Month => at
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(NaiveDate::MAX),
            };
        }
        starts
            .into_iter()
            .map(|start| Bucket {
                start,
                ..Bucket::default()
            })
            .collect()
    }

    fn outcome(&self, m: &MeetingFact) -> Outcome {
        match m.status {
            MeetingStatus::Completed => Outcome::Held,
            MeetingStatus::Cancelled => Outcome::Cancelled,
            MeetingStatus::InProgress => Outcome::Ahead,
            MeetingStatus::Scheduled => {
                let slot_end = m.scheduled_start + Duration::minutes(i64::from(m.planned_minutes));
                if slot_end <= self.now {
                    Outcome::Missed
                } else {
                    Outcome::Ahead
                }
            }
        }
    }

    /// Due in the period: its due date is in it and has passed, and it was
    /// not dropped.
    fn item_due(&self, i: &ItemFact) -> Option<NaiveDate> {
        i.due_on
            .filter(|d| *d >= self.period.from && *d <= self.period.to && *d < self.today)
            .filter(|_| i.status != ActionStatus::Dropped)
    }

    fn item_open(&self, i: &ItemFact) -> bool {
        i.created_at < self.as_of && i.status.is_open()
    }

    fn item_overdue(&self, i: &ItemFact) -> bool {
        self.item_open(i) && i.due_on.is_some_and(|d| d < self.overdue_before)
    }

    fn in_period(&self, at: DateTime<Utc>) -> bool {
        at >= self.start && at < self.end
    }

    fn item_measures(&self, i: &ItemFact) -> Vec<Measure> {
        let mut m = Vec::new();
        if let Some(due) = self.item_due(i) {
            m.push(Measure::ItemsDue);
            if i.status == ActionStatus::Done {
                m.push(Measure::ItemsDone);
                if i.done_at.is_some_and(|at| self.day(at) <= due) {
                    m.push(Measure::ItemsOnTime);
                }
            }
        }
        if self.item_open(i) {
            m.push(Measure::ItemsOpen);
        }
        if self.item_overdue(i) {
            m.push(Measure::ItemsOverdue);
            m.push(match i.owner {
                Owner::Ic => Measure::ItemsOverdueTheirs,
                Owner::Manager => Measure::ItemsOverdueMine,
            });
        }
        if self.in_period(i.created_at) {
            m.push(Measure::ItemsOpened);
        }
        if i.done_at.is_some_and(|at| self.in_period(at)) {
            m.push(Measure::ItemsClosed);
        }
        m
    }

    fn meeting_measures(&self, meeting: &MeetingFact) -> Vec<Measure> {
        let mut m = Vec::new();
        match self.outcome(meeting) {
            Outcome::Held => m.extend([Measure::Due, Measure::Held]),
            Outcome::Cancelled => {
                m.extend([Measure::Due, Measure::Cancelled]);
                match meeting.cancelled_by {
                    Some(CancelledBy::Manager) => m.push(Measure::CancelledByMe),
                    Some(CancelledBy::Report) => m.push(Measure::CancelledByThem),
                    None => {}
                }
            }
            Outcome::Missed => m.extend([Measure::Due, Measure::Missed]),
            Outcome::Ahead => {}
        }
        if moved(meeting) {
            m.push(Measure::Moved);
        }
        m
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Held,
    Cancelled,
    Missed,
    /// Still ahead, or under way.
    Ahead,
}

fn moved(m: &MeetingFact) -> bool {
    m.original_start.is_some_and(|o| o != m.scheduled_start)
}

/// Sums that averages are made from, kept apart from the published totals.
#[derive(Default, Clone)]
struct Tally {
    totals: Totals,
    measured: u32,
    seconds_held: i64,
    planned_measured: u64,
    mood_sum: u32,
}

impl Tally {
    fn add_meeting(&mut self, frame: &Frame, m: &MeetingFact) {
        // The same classification as the lists behind the numbers.
        let measures = frame.meeting_measures(m);
        let t = &mut self.totals;
        for measure in &measures {
            match measure {
                Measure::Due => t.due += 1,
                Measure::Held => t.held += 1,
                Measure::Cancelled => t.cancelled += 1,
                Measure::CancelledByMe => t.cancelled_by_me += 1,
                Measure::CancelledByThem => t.cancelled_by_them += 1,
                Measure::Missed => t.missed += 1,
                Measure::Moved => t.moved += 1,
                _ => {}
            }
        }
        if !measures.contains(&Measure::Due) {
            t.upcoming += 1;
        }
        if measures.contains(&Measure::Held) {
            t.agenda_items += m.agenda_items;
            t.agenda_done += m.agenda_done;
            if let (Some(start), Some(end)) = (m.started_at, m.ended_at) {
                self.measured += 1;
                self.seconds_held += (end - start).num_seconds().max(0);
                self.planned_measured += u64::from(m.planned_minutes);
            }
        }
    }

    fn add_item(&mut self, frame: &Frame, i: &ItemFact) {
        let t = &mut self.totals;
        for measure in frame.item_measures(i) {
            match measure {
                Measure::ItemsDue => t.items_due += 1,
                Measure::ItemsDone => t.items_done += 1,
                Measure::ItemsOnTime => t.items_on_time += 1,
                Measure::ItemsOpen => {
                    t.items_open += 1;
                    match i.owner {
                        Owner::Ic => t.items_open_theirs += 1,
                        Owner::Manager => t.items_open_mine += 1,
                    }
                }
                Measure::ItemsOverdue => t.items_overdue += 1,
                Measure::ItemsOverdueTheirs => t.items_overdue_theirs += 1,
                Measure::ItemsOverdueMine => t.items_overdue_mine += 1,
                Measure::ItemsOpened => t.items_opened += 1,
                Measure::ItemsClosed => t.items_closed += 1,
                _ => {}
            }
        }
    }

    fn add_moods(&mut self, moods: &[MoodFact]) {
        self.totals.mood_checks += moods.len() as u32;
        self.mood_sum += moods.iter().map(|m| u32::from(m.score)).sum::<u32>();
    }

    fn merge(&mut self, other: &Tally) {
        let (t, o) = (&mut self.totals, &other.totals);
        t.due += o.due;
        t.held += o.held;
        t.cancelled += o.cancelled;
        t.cancelled_by_me += o.cancelled_by_me;
        t.cancelled_by_them += o.cancelled_by_them;
        t.missed += o.missed;
        t.moved += o.moved;
        t.upcoming += o.upcoming;
        t.agenda_items += o.agenda_items;
        t.agenda_done += o.agenda_done;
        t.items_due += o.items_due;
        t.items_done += o.items_done;
        t.items_on_time += o.items_on_time;
        t.items_open += o.items_open;
        t.items_open_theirs += o.items_open_theirs;
        t.items_open_mine += o.items_open_mine;
        t.items_overdue += o.items_overdue;
        t.items_overdue_theirs += o.items_overdue_theirs;
        t.items_overdue_mine += o.items_overdue_mine;
        t.items_opened += o.items_opened;
        t.items_closed += o.items_closed;
        t.wins += o.wins;
        t.concerns += o.concerns;
        t.mood_checks += o.mood_checks;
        self.measured += other.measured;
        self.seconds_held += other.seconds_held;
        self.planned_measured += other.planned_measured;
        self.mood_sum += other.mood_sum;
    }

    fn finish(mut self) -> Totals {
        let t = &mut self.totals;
        t.completion_percent = thresholds::percent(t.held, t.due);
        t.action_completion_percent = thresholds::percent(t.items_done, t.items_due);
        if self.measured > 0 {
            let n = f64::from(self.measured);
            t.average_minutes = Some(round1(self.seconds_held as f64 / 60.0 / n));
            t.average_planned_minutes = Some(round1(self.planned_measured as f64 / n));
        }
        if t.mood_checks > 0 {
            t.mood_average = Some(round1(f64::from(self.mood_sum) / f64::from(t.mood_checks)));
        }
        self.totals
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Everything read for a period, grouped by person.
struct Facts {
    meetings: HashMap<String, Vec<MeetingFact>>,
    items: HashMap<String, Vec<ItemFact>>,
    highlights: HashMap<String, (u32, u32)>,
    moods: HashMap<String, Vec<MoodFact>>,
    milestones: HashMap<String, Milestones>,
}

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> &str) -> HashMap<String, Vec<T>> {
    let mut map: HashMap<String, Vec<T>> = HashMap::new();
    for row in rows {
        map.entry(key(&row).to_string()).or_default().push(row);
    }
    map
}

fn read_facts(store: &Store, frame: &Frame, person: Option<&str>) -> Result<Facts> {
    let facts = store.team_facts();
    let meetings = facts.meetings(frame.start, frame.end, person)?;
    let items = facts.items_at(frame.start, frame.period.from, frame.as_of, person)?;
    Ok(Facts {
        meetings: group(meetings, |m| &m.person_id),
        items: group(items, |i| &i.person_id),
        highlights: facts.highlight_counts(frame.period.from, frame.period.to, person)?,
        moods: facts.moods(frame.period.from, frame.period.to, person)?,
        milestones: facts.milestones(frame.as_of, CAREER_TEMPLATES, person)?,
    })
}

/// The people the numbers are for: the active team, or the one asked for.
fn people_of(store: &Store, person: Option<&str>) -> Result<Vec<Person>> {
    match person {
        Some(id) => Ok(vec![store.people().get(id)?]),
        None => store.people().active(),
    }
}

/// The team numbers for `period`, or one person's (archived or not).
pub fn team(store: &Store, period: StatsPeriod, person: Option<&str>) -> Result<TeamStats> {
    store.read(|store| team_in(store, period, person))
}

fn team_in(store: &Store, period: StatsPeriod, person: Option<&str>) -> Result<TeamStats> {
    let frame = Frame::new(store, period)?;
    let people = people_of(store, person)?;
    let facts = read_facts(store, &frame, person)?;
    let mut team = Tally::default();
    let mut team_buckets = frame.buckets();
    let mut rows = Vec::with_capacity(people.len());
    for p in &people {
        let (row, tally) = person_row(&frame, &facts, p, &mut team_buckets);
        team.merge(&tally);
        rows.push(row);
    }
    Ok(TeamStats {
        period,
        phrase: frame.phrase.clone(),
        as_of: frame.overdue_before.min(frame.period.to),
        unit: frame.unit,
        people: rows,
        team: team.finish(),
        team_buckets,
    })
}

fn person_row(
    frame: &Frame,
    facts: &Facts,
    person: &Person,
    team_buckets: &mut [Bucket],
) -> (PersonStats, Tally) {
    let empty_m = Vec::new();
    let empty_i = Vec::new();
    let empty_mood = Vec::new();
    let meetings = facts.meetings.get(&person.id).unwrap_or(&empty_m);
    let items = facts.items.get(&person.id).unwrap_or(&empty_i);
    let moods = facts.moods.get(&person.id).unwrap_or(&empty_mood);

    let mut tally = Tally::default();
    let mut buckets = frame.buckets();
    let starts: Vec<NaiveDate> = buckets.iter().map(|b| b.start).collect();
    let index_of = |day: NaiveDate| starts.binary_search(&frame.bucket_of(day)).ok();

    let mut cancellations = Vec::new();
    for m in meetings {
        tally.add_meeting(frame, m);
        let day = frame.day(m.scheduled_start);
        let outcome = frame.outcome(m);
        if let Some(i) = index_of(day) {
            for b in [buckets.get_mut(i), team_buckets.get_mut(i)]
                .into_iter()
                .flatten()
            {
                match outcome {
                    Outcome::Held => {
                        b.due += 1;
                        b.held += 1;
                    }
                    Outcome::Cancelled => {
                        b.due += 1;
                        b.cancelled += 1;
                    }
                    Outcome::Missed => {
                        b.due += 1;
                        b.missed += 1;
                    }
                    Outcome::Ahead => {}
                }
            }
        }
        if outcome == Outcome::Cancelled {
            cancellations.push(CancelledMeeting {
                meeting_id: m.id.clone(),
                on: day,
                by: m.cancelled_by,
                reason: m.cancel_reason.clone().unwrap_or_default(),
            });
        }
    }
    for item in items {
        tally.add_item(frame, item);
        if let Some(due) = frame.item_due(item) {
            if let Some(i) = index_of(due) {
                for b in [buckets.get_mut(i), team_buckets.get_mut(i)]
                    .into_iter()
                    .flatten()
                {
                    b.items_due += 1;
                    if item.status == ActionStatus::Done {
                        b.items_done += 1;
                    }
                }
            }
        }
    }
    let (wins, concerns) = facts
        .highlights
        .get(&person.id)
        .copied()
        .unwrap_or_default();
    tally.totals.wins = wins;
    tally.totals.concerns = concerns;
    tally.add_moods(moods);

    // Days are counted to the end of the period, or to today.
    let reference_day = frame.period.to.min(frame.today);
    let milestones = facts
        .milestones
        .get(&person.id)
        .copied()
        .unwrap_or_default();
    let last_held_on = milestones.last_held.map(|at| frame.day(at));
    let last_career_talk_on = milestones.last_career_talk.map(|at| frame.day(at));
    let known_since = milestones
        .first_held
        .map(|at| frame.day(at))
        .or(person.start_date);
    let career_every_days = person.effective_career_talk_days();
    let career_flag = thresholds::career_overdue(
        last_career_talk_on,
        known_since.filter(|d| *d <= reference_day),
        career_every_days,
        reference_day,
    );

    // The sums stay with the tally for the team line; the row gets its totals.
    let totals = tally.clone().finish();
    let flags: Vec<Flag> = [
        thresholds::completion(totals.held, totals.due, &frame.phrase),
        thresholds::action_completion(totals.items_done, totals.items_due, &frame.phrase),
        career_flag,
    ]
    .into_iter()
    .flatten()
    .collect();

    let mood_points: Vec<MoodPoint> = moods
        .iter()
        .map(|m| MoodPoint {
            on: m.on,
            score: m.score,
        })
        .collect();
    let mood_change = match (mood_points.first(), mood_points.last()) {
        (Some(first), Some(last)) if mood_points.len() >= 2 => {
            Some(i32::from(last.score) - i32::from(first.score))
        }
        _ => None,
    };

    let row = PersonStats {
        person_id: person.id.clone(),
        name: person.name.clone(),
        archived: person.archived,
        totals,
        last_held_on,
        days_since_last: last_held_on.map(|d| (reference_day - d).num_days()),
        cadence_days: person.effective_cadence().days(),
        last_career_talk_on,
        career_every_days,
        career_overdue: flags
            .iter()
            .any(|f| f.rule == thresholds::FlagRule::CareerOverdue),
        moods: mood_points,
        mood_change,
        cancellations,
        buckets,
        flags,
    };
    (row, tally)
}

/// One column of the performance snapshot: a person's last days, as the
/// Team screen counts them for the same period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SnapshotWindow {
    /// "Last 7 days".
    pub label: String,
    pub period: StatsPeriod,
    pub held: u32,
    pub due: u32,
    pub items_opened: u32,
    pub items_closed: u32,
    /// Overdue today.
    pub items_overdue: u32,
    pub wins: u32,
    pub concerns: u32,
    pub mood_checks: u32,
    pub mood_average: Option<f64>,
}

/// Seed 000's "Performance snapshot" on Prepare, from what Rapport knows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PerformanceSnapshot {
    pub heading: String,
    pub windows: Vec<SnapshotWindow>,
}

/// The snapshot's columns, in days back from today.
pub const SNAPSHOT_DAYS: [i64; 2] = [7, 30];

pub fn snapshot(store: &Store, person_id: &str) -> Result<PerformanceSnapshot> {
    let today = store.clock().day_of(store.clock().now());
    let mut windows = Vec::new();
    for days in SNAPSHOT_DAYS {
        let period = StatsPeriod::last_days(today, days);
        let stats = team(store, period, Some(person_id))?;
        let Some(row) = stats.people.into_iter().next() else {
            return Err(Error::not_found("That person no longer exists."));
        };
        let t = row.totals;
        windows.push(SnapshotWindow {
            label: format!("Last {days} days"),
            period,
            held: t.held,
            due: t.due,
            items_opened: t.items_opened,
            items_closed: t.items_closed,
            items_overdue: t.items_overdue,
            wins: t.wins,
            concerns: t.concerns,
            mood_checks: t.mood_checks,
            mood_average: t.mood_average,
        });
    }
    Ok(PerformanceSnapshot {
        heading: "Performance snapshot".into(),
        windows,
    })
}

/// The 1:1s or action items behind one number of `team`.
pub fn detail(store: &Store, request: &DetailRequest) -> Result<StatsDetail> {
    let frame = Frame::new(store, request.period)?;
    let person = request.person_id.as_deref();
    let people = people_of(store, person)?;
    let names: HashMap<&str, &str> = people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let facts = store.team_facts();
    let mut meetings = Vec::new();
    let mut items = Vec::new();
    if is_meeting_measure(request.measure) {
        for m in facts.meetings(frame.start, frame.end, person)? {
            let Some(name) = names.get(m.person_id.as_str()) else {
                continue;
            };
            if frame.meeting_measures(&m).contains(&request.measure) {
                meetings.push(DetailMeeting {
                    held_minutes: match (m.started_at, m.ended_at) {
                        (Some(s), Some(e)) => Some((e - s).num_minutes()),
                        _ => None,
                    },
                    meeting_id: m.id,
                    person_id: m.person_id,
                    person_name: (*name).to_string(),
                    scheduled_start: m.scheduled_start,
                    time_zone: m.time_zone,
                    status: m.status,
                    moved_from: m.original_start.filter(|o| *o != m.scheduled_start),
                    cancelled_by: m.cancelled_by,
                    cancel_reason: m.cancel_reason,
                    planned_minutes: m.planned_minutes,
                });
            }
        }
    } else {
        for i in facts.items_at(frame.start, frame.period.from, frame.as_of, person)? {
            let Some(name) = names.get(i.person_id.as_str()) else {
                continue;
            };
            if frame.item_measures(&i).contains(&request.measure) {
                items.push(DetailItem {
                    done_on: i.done_at.map(|at| frame.day(at)),
                    item_id: i.id,
                    person_id: i.person_id,
                    person_name: (*name).to_string(),
                    title: i.title,
                    owner: i.owner,
                    due_on: i.due_on,
                    status: i.status,
                });
            }
        }
        items.sort_by(|a, b| {
            (a.due_on, &a.person_name, &a.title).cmp(&(b.due_on, &b.person_name, &b.title))
        });
    }
    let whose = match (person, people.first()) {
        (Some(_), Some(p)) => p.name.clone(),
        _ => "the team".to_string(),
    };
    Ok(StatsDetail {
        title: format!(
            "{}: {whose}, {}",
            measure_label(request.measure),
            frame.phrase
        ),
        meetings,
        items,
    })
}

fn is_meeting_measure(m: Measure) -> bool {
    matches!(
        m,
        Measure::Due
            | Measure::Held
            | Measure::Cancelled
            | Measure::CancelledByMe
            | Measure::CancelledByThem
            | Measure::Missed
            | Measure::Moved
    )
}

/// The number's name, as a heading.
pub fn measure_label(m: Measure) -> &'static str {
    match m {
        Measure::Due => "1:1s due",
        Measure::Held => "1:1s held",
        Measure::Cancelled => "1:1s cancelled",
        Measure::CancelledByMe => "1:1s I cancelled",
        Measure::CancelledByThem => "1:1s they cancelled",
        Measure::Missed => "1:1s missed",
        Measure::Moved => "1:1s moved",
        Measure::ItemsDue => "Action items due",
        Measure::ItemsDone => "Action items done",
        Measure::ItemsOnTime => "Action items done on time",
        Measure::ItemsOpen => "Open action items",
        Measure::ItemsOverdue => "Overdue action items",
        Measure::ItemsOverdueTheirs => "Their overdue action items",
        Measure::ItemsOverdueMine => "My overdue action items",
        Measure::ItemsOpened => "Action items opened",
        Measure::ItemsClosed => "Action items closed",
    }
}

/// How the reasons name a period, seen from `today`.
pub fn phrase(period: StatsPeriod, today: NaiveDate) -> String {
    let StatsPeriod { from, to } = period;
    let days = (to - from).num_days() + 1;
    let quarter_start =
        |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), (d.month0() / 3) * 3 + 1, 1).unwrap_or(d);
    let quarter = |d: NaiveDate| format!("Q{} {}", d.month0() / 3 + 1, d.year());
    let last_of_quarter = |d: NaiveDate| {
        quarter_start(d)
            .checked_add_months(chrono::Months::new(3))
            .map(|next| next - Duration::days(1))
    };
    let first_of_year = |d: NaiveDate| d.month() == 1 && d.day() == 1;
    if to == today {
        if from == quarter_start(to) && from != to {
            return format!("so far in {}", quarter(to));
        }
        if first_of_year(from) && from != to {
            return format!("so far in {}", to.year());
        }
        return match days {
            1 => "today".into(),
            365 | 366 => "in the last 12 months".into(),
            n => format!("in the last {n} days"),
        };
    }
    if from == quarter_start(from) && Some(to) == last_of_quarter(from) {
        return format!("in {}", quarter(from));
    }
    if first_of_year(from) && to.year() == from.year() && to.month() == 12 && to.day() == 31 {
        return format!("in {}", from.year());
    }
    if from.day() == 1
        && to.month() == from.month()
        && to.year() == from.year()
        && (to + Duration::days(1)).day() == 1
    {
        return format!("in {}", from.format("%B %Y"));
    }
    format!("from {} to {}", day_month_year(&from), day_month_year(&to))
}
