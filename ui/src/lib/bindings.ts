// Generated from the Rust types in rapport-core by `make bindings`. Do not edit by hand.

export type ErrorCode = "key_missing" | "keyring_unavailable" | "wrong_passphrase" | "wrong_recovery_key" | "passphrase_required" | "passphrase_too_short" | "not_a_rapport_database" | "corrupt_database" | "header_missing" | "database_missing" | "store_exists" | "store_locked" | "schema_too_new" | "invalid_input" | "not_found" | "import_invalid" | "store_not_empty" | "io" | "storage" | "not_a_backup" | "backup_damaged" | "other_store";

export type ErrorBody = { code: ErrorCode, message: string, };

export type KeyBackend = "keyring" | "passphrase";

export type StoreState = "needs_setup" | "locked" | "unlocked";

export type AppStatus = { state: StoreState, data_dir: string, keyring_available: boolean, key_backend: KeyBackend | null, 
/**
 * A locked store that a recovery key can open (stores made before key
 * slots get one on their next unlock).
 */
has_recovery_key: boolean, 
/**
 * Open, but the manager has not yet said they stored the recovery key.
 */
recovery_key_pending: boolean, 
/**
 * Opened with the recovery key: the manager chooses a new passphrase or
 * keyring entry before going on.
 */
needs_new_key: boolean, 
/**
 * Locked by "Lock now" or idle time: unlocking asks again, even a
 * keyring store (one button that reads the keyring).
 */
session_locked: boolean, 
/**
 * Why a present store is not open, when it is not a plain passphrase prompt.
 */
problem: ErrorBody | null, };

export type SetupRequest = { backend: KeyBackend, passphrase: string | null, with_demo: boolean, };

export type KeyChangeRequest = { backend: KeyBackend, passphrase: string | null, };

export type Level = "junior" | "confirmed" | "senior" | "staff_plus";

export type Cadence = "weekly" | "biweekly" | "monthly";

export type PersonSummary = { id: string, name: string, email: string | null, role: string, level: Level, archived: boolean, };

export type Person = { id: string, name: string, email: string | null, role: string, level: Level, start_date: string | null, focus_areas: Array<string>, 
/**
 * The manager's override of the level's proposed cadence.
 */
cadence: Cadence | null, career_talk_every_days: number | null, default_template_id: string | null, archived: boolean, created_at: string, updated_at: string, };

export type PersonInput = { name: string, email: string | null, role: string, level: Level, start_date: string | null, focus_areas: Array<string>, cadence: Cadence | null, career_talk_every_days: number | null, default_template_id: string | null, };

export type DemoSummary = { people: number, meetings: number, action_items: number, highlights: number, topics: number, feedback: number, growth_plans: number, moods: number, };

export type Settings = { manager_name: string, manager_email: string | null, 
/**
 * Reminders show their title only ("1:1 with Ada in 15 minutes"), for a
 * manager who shares their screen.
 */
discreet_reminders: boolean, };

export type AutoLock = { 
/**
 * None: never locks by itself.
 */
idle_minutes: number | null, 
/**
 * What this kind of store uses until the manager chooses.
 */
default_minutes: number | null, 
/**
 * False while the default applies.
 */
chosen: boolean, };

export type Frequency = "weekly" | "biweekly" | "monthly" | "twice_weekly";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type MeetingFormat = "in_person" | "video" | "phone";

export type MeetingKind = "regular" | "urgent" | "requested";

export type MeetingStatus = "scheduled" | "in_progress" | "completed" | "cancelled";

export type CancelledBy = "manager" | "report";

export type Series = { id: string, person_id: string, frequency: Frequency, weekday: Weekday, 
/**
 * The other day of a twice-a-week series; None for every other rhythm.
 * Absent from exports written before twice-a-week series.
 */
second_weekday: Weekday | null, 
/**
 * A monthly series on the last such weekday of each month (the fifth
 * when there is one), rather than the ordinal of its first occurrence.
 * Absent from exports written before.
 */
last_of_month: boolean, local_time: string, time_zone: string, duration_minutes: number, format: MeetingFormat, template_id: string | null, starts_on: string, ends_on: string | null, 
/**
 * Raised on every change, for calendar updates.
 */
sequence: number, created_at: string, updated_at: string, };

export type SeriesInput = { frequency: Frequency, weekday: Weekday, 
/**
 * Required for a twice-a-week series, and only then.
 */
second_weekday?: Weekday, 
/**
 * Monthly only: on the month's last such weekday.
 */
last_of_month: boolean, local_time: string, time_zone: string, duration_minutes: number, format: MeetingFormat, template_id: string | null, starts_on: string, };

export type OneOffInput = { kind: MeetingKind, topic: string | null, date: string, time: string, time_zone: string, planned_minutes: number, format: MeetingFormat, template_id: string | null, };

export type LocalSlot = { date: string, time: string, time_zone: string, };

export type NotesPatch = { shared_notes?: string, private_notes?: string, private_prep_notes?: string, };

export type AgendaItem = { id: string, title: string, minutes: number, prompts: Array<string>, done: boolean, };

export type AgendaItemInput = { id: string | null, title: string, minutes: number, prompts: Array<string>, done: boolean, };

export type Meeting = { id: string, person_id: string, series_id: string | null, kind: MeetingKind, topic: string | null, scheduled_start: string, 
/**
 * For a moved occurrence of a series: when it was meant to be.
 */
original_start: string | null, planned_minutes: number, time_zone: string, format: MeetingFormat, status: MeetingStatus, started_at: string | null, ended_at: string | null, cancel_reason: string | null, 
/**
 * Who asked to cancel; None for a cancellation recorded before Rapport
 * asked (and in exports written before then).
 */
cancelled_by: CancelledBy | null, template_id: string | null, agenda: Array<AgendaItem>, shared_notes: string, private_notes: string, private_prep_notes: string, created_at: string, updated_at: string, };

export type NextPlan = { "mode": "recurring" } | { "mode": "one_time", slot: LocalSlot, } | { "mode": "none" };

export type NextProposal = { start: string, time_zone: string, frequency: Frequency, 
/**
 * Set when that 1:1 is already on the calendar.
 */
existing_meeting_id: string | null, };

export type Owner = "ic" | "manager";

export type ActionStatus = "open" | "partial" | "done" | "escalated" | "dropped";

export type StatusChange = { status: ActionStatus, due_on: string | null, changed_at: string, };

export type ActionItem = { id: string, person_id: string, meeting_id: string | null, title: string, owner: Owner, 
/**
 * None: ongoing, no date.
 */
due_on: string | null, status: ActionStatus, 
/**
 * Absent from exports written before items had a priority.
 */
priority: Priority | null, created_at: string, updated_at: string, 
/**
 * Every status or due-date change, oldest first.
 */
history: Array<StatusChange>, };

export type ActionInput = { title: string, owner: Owner, due_on: string | null, meeting_id: string | null, priority?: Priority, };

export type ActionEdit = { title: string, owner: Owner, due_on: string | null, priority: Priority | null, };

export type Priority = "p1" | "p2";

export type RaisedBy = "mine" | "theirs";

export type Topic = { id: string, person_id: string, raised_by: RaisedBy, 
/**
 * Shareable wording; None when the topic is manager-only.
 */
text?: string, 
/**
 * Manager-only wording; None when the topic is shareable.
 */
private_text?: string, created_at: string, 
/**
 * When it was ticked as discussed; None while it is open.
 */
discussed_at: string | null, 
/**
 * The 1:1 it was discussed in.
 */
discussed_in: string | null, };

export type TopicInput = { text: string, raised_by: RaisedBy, 
/**
 * Manager-only: kept out of everything shared.
 */
private: boolean, };

export type FeedbackTone = "positive" | "constructive";

export type FeedbackStatus = "planned" | "given";

export type Sbi = { situation: string, behaviour: string, impact: string, 
/**
 * What to do differently, or keep doing ("SBI + Request").
 */
request: string | null, };

export type Feedback = { id: string, person_id: string, 
/**
 * The 1:1 it was given in, or is planned for.
 */
meeting_id: string | null, tone: FeedbackTone, status: FeedbackStatus, 
/**
 * The day it was given; None while planned.
 */
given_on: string | null, 
/**
 * Shareable words; None when the feedback is manager-only.
 */
sbi?: Sbi, 
/**
 * Manager-only words; None when the feedback is shareable.
 */
private_sbi?: Sbi, created_at: string, updated_at: string, };

export type FeedbackInput = { tone: FeedbackTone, status: FeedbackStatus, situation: string, behaviour: string, impact: string, request: string | null, 
/**
 * Manager-only: kept out of everything shared.
 */
private: boolean, meeting_id: string | null, 
/**
 * When given; today when None and the status is given.
 */
given_on: string | null, };

export type PlanStatus = "active" | "achieved" | "dropped";

export type CheckpointStatus = "pending" | "met" | "missed";

export type Checkpoint = { id: string, due_on: string, title: string, status: CheckpointStatus, 
/**
 * How it went, in a line or two.
 */
note: string, checked_on: string | null, };

export type PlanText = { goal: string, 
/**
 * What the manager does to help.
 */
support: string, 
/**
 * What will show the progress.
 */
evidence: string, 
/**
 * Oldest due first.
 */
checkpoints: Array<Checkpoint>, };

export type GrowthPlan = { id: string, person_id: string, status: PlanStatus, 
/**
 * Shareable plan; None when the plan is manager-only.
 */
plan?: PlanText, 
/**
 * Manager-only plan; None when the plan is shareable.
 */
private_plan?: PlanText, created_at: string, updated_at: string, };

export type CheckpointInput = { 
/**
 * The existing checkpoint's id, to keep its status; None for a new one.
 */
id: string | null, due_on: string, title: string, status: CheckpointStatus, note: string, };

export type GrowthPlanInput = { goal: string, support: string, evidence: string, status: PlanStatus, 
/**
 * Manager-only: kept out of everything shared.
 */
private: boolean, checkpoints: Array<CheckpointInput>, };

export type Mood = { 
/**
 * 1 (low) to 10 (great).
 */
score: number, 
/**
 * One word the person chose ("tired", "energised").
 */
word: string | null, };

export type MoodCheck = { id: string, person_id: string, meeting_id: string | null, recorded_on: string, 
/**
 * Shareable check-in; None when it is manager-only (the default).
 */
mood?: Mood, 
/**
 * Manager-only check-in.
 */
private_mood?: Mood, created_at: string, };

export type MoodInput = { score: number, word: string | null, 
/**
 * Shareable only when the manager says so; private by default.
 */
shareable: boolean, };

export type Question = { 
/**
 * The built-in's key, or the manager's question's id.
 */
id: string, category: string, text: string, 
/**
 * The seed a built-in comes from ("004"); None for the manager's own.
 */
source: string | null, 
/**
 * A question to avoid, kept as a reminder rather than to ask.
 */
avoid: boolean, builtin: boolean, 
/**
 * A built-in the manager reworded.
 */
edited: boolean, hidden: boolean, };

export type QuestionInput = { category: string, text: string, };

export type CareerProgress = { 
/**
 * The last step held (0: the series has not started).
 */
step: number, steps: number, 
/**
 * The name of the last step held.
 */
step_name: string | null, last_held_on: string | null, days_since: number | null, 
/**
 * The template of the step to hold next; None once the series is done.
 */
next_template_id: string | null, next_template_name: string | null, 
/**
 * "Step 2 of 3 (Future dreams), last held 4 months ago", or "Not
 * started yet".
 */
summary: string, };

export type ChecklistItem = { text: string, 
/**
 * The seed it comes from ("000").
 */
source: string, };

export type Checklists = { before: Array<ChecklistItem>, during: Array<ChecklistItem>, after: Array<ChecklistItem>, };

export type ActionItemView = { overdue: boolean, 
/**
 * Days past the due date, when overdue.
 */
days_overdue: number | null, id: string, person_id: string, meeting_id: string | null, title: string, owner: Owner, 
/**
 * None: ongoing, no date.
 */
due_on: string | null, status: ActionStatus, 
/**
 * Absent from exports written before items had a priority.
 */
priority: Priority | null, created_at: string, updated_at: string, 
/**
 * Every status or due-date change, oldest first.
 */
history: Array<StatusChange>, };

export type HighlightKind = "win" | "concern" | "accomplishment";

export type Highlight = { id: string, person_id: string, meeting_id: string | null, kind: HighlightKind, occurred_on: string, 
/**
 * Shareable wording; None when the highlight is manager-only.
 */
text?: string, 
/**
 * Manager-only wording; None when the highlight is shareable.
 */
private_text?: string, created_at: string, };

export type HighlightInput = { kind: HighlightKind, occurred_on: string, text: string, 
/**
 * Manager-only: kept out of everything shared.
 */
private: boolean, meeting_id: string | null, };

export type TemplateItem = { title: string, minutes: number, prompts: Array<string>, };

export type TemplateView = { id: string, name: string, description: string, items: Array<TemplateItem>, builtin: boolean, total_minutes: number, };

export type TemplateInput = { name: string, description: string, items: Array<TemplateItem>, };

export type TalkingPointKind = "win" | "overdue" | "escalated" | "concern" | "due_soon" | "career" | "completion" | "follow_through" | "cancellations" | "gap" | "growth" | "mood" | "feedback";

export type TalkingPoint = { kind: TalkingPointKind, text: string, reason: string, };

export type FlagRule = "completion" | "action_completion" | "career_overdue";

export type Flag = { rule: FlagRule, 
/**
 * The talking point it suggests.
 */
text: string, 
/**
 * Why: the number, the period and the line ("1:1s held 67% in the last
 * 90 days (4 of 6), under the 80% target").
 */
reason: string, };

export type BucketUnit = "week" | "month";

export type Measure = "due" | "held" | "cancelled" | "cancelled_by_me" | "cancelled_by_them" | "missed" | "moved" | "items_due" | "items_done" | "items_on_time" | "items_open" | "items_overdue" | "items_overdue_theirs" | "items_overdue_mine" | "items_opened" | "items_closed";

export type StatsPeriod = { from: string, to: string, };

export type Totals = { 
/**
 * 1:1s held, cancelled or missed: the ones that should have happened.
 */
due: number, held: number, cancelled: number, cancelled_by_me: number, cancelled_by_them: number, 
/**
 * Missed: the slot passed and the 1:1 never started.
 */
missed: number, 
/**
 * Moved away from their series' slot (any outcome).
 */
moved: number, 
/**
 * Scheduled in the period and still ahead (or under way).
 */
upcoming: number, 
/**
 * Held over due, in whole percent (rounded down); None when none was due.
 */
completion_percent: number | null, 
/**
 * Average minutes of the held 1:1s whose start and end were recorded,
 * and the minutes planned for the same 1:1s.
 */
average_minutes: number | null, average_planned_minutes: number | null, agenda_items: number, agenda_done: number, items_due: number, items_done: number, items_on_time: number, action_completion_percent: number | null, items_open: number, items_open_theirs: number, items_open_mine: number, items_overdue: number, items_overdue_theirs: number, items_overdue_mine: number, 
/**
 * Created in the period.
 */
items_opened: number, 
/**
 * Became done in the period (and still done at its end).
 */
items_closed: number, wins: number, concerns: number, mood_checks: number, mood_average: number | null, };

export type Bucket = { 
/**
 * Its first day (a Monday, or the 1st).
 */
start: string, due: number, held: number, cancelled: number, missed: number, items_due: number, items_done: number, };

export type CancelledMeeting = { meeting_id: string, on: string, 
/**
 * None for one recorded before Rapport asked who.
 */
by: CancelledBy | null, reason: string, };

export type MoodPoint = { on: string, score: number, };

export type PersonStats = { person_id: string, name: string, archived: boolean, totals: Totals, 
/**
 * The last 1:1 held by the end of the period, and the days from it to
 * that end (or today), against the cadence's days.
 */
last_held_on: string | null, days_since_last: number | null, cadence_days: number, last_career_talk_on: string | null, career_every_days: number, 
/**
 * No career conversation within the rhythm at the end of the period.
 */
career_overdue: boolean, 
/**
 * Oldest first.
 */
moods: Array<MoodPoint>, 
/**
 * Last check-in's score minus the first's, with two or more.
 */
mood_change: number | null, cancellations: Array<CancelledMeeting>, buckets: Array<Bucket>, 
/**
 * The numbers past their line, with their reasons.
 */
flags: Array<Flag>, };

export type TeamStats = { period: StatsPeriod, 
/**
 * "in the last 90 days", "in Q3 2026": how the reasons name the period.
 */
phrase: string, 
/**
 * The day open and overdue are counted at: the period's end, or today.
 */
as_of: string, unit: BucketUnit, people: Array<PersonStats>, 
/**
 * The whole team (the people listed).
 */
team: Totals, team_buckets: Array<Bucket>, };

export type DetailRequest = { period: StatsPeriod, 
/**
 * The whole team when None.
 */
person_id: string | null, measure: Measure, };

export type DetailMeeting = { meeting_id: string, person_id: string, person_name: string, scheduled_start: string, time_zone: string, status: MeetingStatus, moved_from: string | null, cancelled_by: CancelledBy | null, cancel_reason: string | null, held_minutes: number | null, planned_minutes: number, };

export type DetailItem = { item_id: string, person_id: string, person_name: string, title: string, owner: Owner, due_on: string | null, 
/**
 * As it stood at the end of the period.
 */
status: ActionStatus, done_on: string | null, };

export type StatsDetail = { 
/**
 * "1:1s held: Ana Ruiz, in the last 90 days".
 */
title: string, meetings: Array<DetailMeeting>, items: Array<DetailItem>, };

export type SnapshotWindow = { 
/**
 * "Last 7 days".
 */
label: string, period: StatsPeriod, held: number, due: number, items_opened: number, items_closed: number, 
/**
 * Overdue today.
 */
items_overdue: number, wins: number, concerns: number, mood_checks: number, mood_average: number | null, };

export type PerformanceSnapshot = { heading: string, windows: Array<SnapshotWindow>, };

export type Prep = { person: Person, cadence: Cadence, career_talk_every_days: number, 
/**
 * The 1:1 being prepared: the one in progress, or the next scheduled.
 */
meeting: Meeting | null, 
/**
 * The last completed 1:1.
 */
last: Meeting | null, days_since_last: number | null, completed_count: number, average_minutes: number | null, 
/**
 * Open action items, and those closed since the last 1:1.
 */
action_items: Array<ActionItemView>, 
/**
 * Since the last 1:1 (or the last 30 days), newest first.
 */
wins: Array<Highlight>, concerns: Array<Highlight>, cancelled_last_60_days: number, talking_points: Array<TalkingPoint>, 
/**
 * Open topics, oldest first: they go on the next agenda.
 */
topics: Array<Topic>, 
/**
 * Active growth plans, with their next checkpoint.
 */
growth_plans: Array<GrowthPlan>, 
/**
 * Feedback planned and not given yet.
 */
planned_feedback: Array<Feedback>, 
/**
 * The last mood check-ins, oldest first, for the trend line.
 */
moods: Array<MoodCheck>, 
/**
 * Where the person is in the career conversation series.
 */
career_series: CareerProgress, 
/**
 * The next 1:1's agenda as it will start: the one written for it, or
 * its template's (saving an edit writes it to the 1:1).
 */
planned_agenda: Array<AgendaItem>, 
/**
 * Seed 000's performance snapshot: the last 7 and 30 days.
 */
snapshot: PerformanceSnapshot, };

export type SessionView = { meeting: Meeting, person: PersonSummary, 
/**
 * Open items carried from earlier 1:1s, and this session's own.
 */
action_items: Array<ActionItemView>, 
/**
 * The person's open topics and those ticked in this 1:1: the agenda's
 * "Their topics" and "My topics".
 */
topics: Array<Topic>, 
/**
 * When the 1:1 after this one is planned, for "Action Items (Next 1:1: …)".
 */
next_start: string | null, 
/**
 * The mood check-in recorded in this 1:1.
 */
mood: MoodCheck | null, 
/**
 * Feedback planned for the person and not given yet, and what was
 * given in this 1:1.
 */
feedback: Array<Feedback>, 
/**
 * Seconds since the stored start (to the end, once ended).
 */
elapsed_seconds: number, now: string, };

export type EndSummary = { meeting: Meeting, person: PersonSummary, duration_seconds: number, agenda_done: number, agenda_total: number, action_items: Array<ActionItemView>, 
/**
 * The shared notes as the IC would receive them.
 */
shared_preview: string, next: NextProposal | null, };

export type FinishRequest = { 
/**
 * Private notes go into the shared notes only when the manager has
 * explicitly confirmed it.
 */
include_private_notes: boolean, next: NextPlan, };

export type FinishResult = { meeting: Meeting, next_meeting: Meeting | null, 
/**
 * The shared notes, ready for the clipboard.
 */
shared_markdown: string, };

export type UpcomingMeeting = { meeting_id: string, person_id: string, person_name: string, scheduled_start: string, time_zone: string, planned_minutes: number, status: MeetingStatus, kind: MeetingKind, topic: string | null, started_at: string | null, };

export type OverdueItem = { item: ActionItemView, person_name: string, };

export type DuePerson = { person_id: string, name: string, cadence: Cadence, last_meeting: string | null, days_since_last: number | null, next_meeting: NextMeeting | null, };

export type NextMeeting = { scheduled_start: string, time_zone: string, };

export type Today = { now: string, upcoming: Array<UpcomingMeeting>, overdue: Array<OverdueItem>, due_people: Array<DuePerson>, people_count: number, 
/**
 * The next 1:1 whose reminder time has come and that has not ended: the
 * banner with Prepare on the Today screen.
 */
reminder_banner: UpcomingMeeting | null, 
/**
 * When nothing falls in the coming week, the first 1:1 planned after it:
 * the empty list then says when the next one is, rather than suggesting
 * to set one up.
 */
next_after_week: UpcomingMeeting | null, };

export type FirstScreen = { people: Array<PersonSummary>, today: Today, };

export type StartUp = { status: AppStatus, 
/**
 * Present when the window opens on its main screens and both could be
 * read; otherwise each screen asks for its own data.
 */
first_screen: FirstScreen | null, 
/**
 * The desktop's interface font family, where the platform names one
 * (GTK's setting on Linux), for the page to use instead of `system-ui`.
 */
desktop_font: string | null, };

export type PersonPage = { person: Person, cadence: Cadence, career_talk_every_days: number, series: Array<Series>, next_meeting: Meeting | null, 
/**
 * The manager's open commitments to this person.
 */
open_mine: Array<ActionItemView>, 
/**
 * The person's open commitments.
 */
open_theirs: Array<ActionItemView>, 
/**
 * Feedback planned and given, planned first, then the newest.
 */
feedback: Array<Feedback>, 
/**
 * Growth plans, active first.
 */
growth_plans: Array<GrowthPlan>, 
/**
 * The last mood check-ins, oldest first, for the trend line.
 */
moods: Array<MoodCheck>, career_series: CareerProgress, 
/**
 * Topics still to raise, oldest first.
 */
topics: Array<Topic>, 
/**
 * Wins, concerns and accomplishments, newest first.
 */
highlights: Array<Highlight>, 
/**
 * Held and cancelled 1:1s, newest first.
 */
history: Array<Meeting>, history_total: number, cancelled_last_60_days: number, 
/**
 * What was shared with the person, newest first.
 */
shared: Array<ShareLogEntry>, };

export type TextKind = "shared" | "private" | "prep" | "topic" | "cancel_reason" | "agenda" | "action" | "win" | "concern" | "accomplishment" | "focus" | "backlog" | "feedback" | "growth" | "mood";

export type Visibility = "shared" | "private" | "not_shared";

export type Term = { text: string, 
/**
 * Typed between quotes: the words in this order.
 */
phrase: boolean, 
/**
 * Typed with a trailing `*`: words that start with it.
 */
prefix: boolean, };

export type SnippetPart = { text: string, hit: boolean, };

export type SearchRequest = { query: string, person_id?: string, from?: string, to?: string, kinds?: Array<TextKind>, meeting_kind?: MeetingKind, template_id?: string, best_match_first?: boolean, offset?: number, limit?: number, };

export type SearchHit = { 
/**
 * The hit's place in the index; stable until the text changes.
 */
row: number, 
/**
 * The meeting, agenda item, action item, highlight or person the text is from.
 */
source_id: string, kind: TextKind, visibility: Visibility, snippet: Array<SnippetPart>, };

export type SearchGroup = { person_id: string, person_name: string, meeting_id: string | null, meeting_status: MeetingStatus | null, 
/**
 * The manager's calendar day of the 1:1 (or of the record).
 */
date: string, hits: Array<SearchHit>, };

export type SearchResults = { groups: Array<SearchGroup>, 
/**
 * Every matching text, beyond this page too.
 */
total: number, offset: number, 
/**
 * Hits on this page.
 */
shown: number, 
/**
 * People whose name has the words typed, to jump to.
 */
people: Array<PersonSummary>, 
/**
 * What to highlight in the text a hit opens.
 */
terms: Array<Term>, 
/**
 * When nothing matched: the query with each unknown word replaced by
 * the closest word the notes hold ("carr" → "career").
 */
suggestion: string | null, };

export type HistoryRequest = { person_id: string, from?: string, to?: string, kind?: MeetingKind, 
/**
 * Held or cancelled only; both when absent.
 */
status?: MeetingStatus, offset?: number, limit?: number, };

export type HistoryEntry = { meeting: Meeting, action_items: Array<ActionItem>, };

export type HistoryPage = { person: Person, entries: Array<HistoryEntry>, 
/**
 * Every 1:1 the filters let through, beyond this page too.
 */
total: number, offset: number, };

export type MeetingView = { person: Person, meeting: Meeting, action_items: Array<ActionItem>, highlights: Array<Highlight>, };

export type ReviewRequest = { person_id: string, 
/**
 * The first day; the last full quarter when neither end is given.
 */
from?: string, to?: string, 
/**
 * Leave out every private field.
 */
shareable?: boolean, };

export type Attendance = { held: number, cancelled: number, 
/**
 * Held or cancelled 1:1s that had been moved from their usual time.
 */
moved: number, average_minutes: number | null, planned_minutes: number | null, 
/**
 * Days of the 1:1s held on the career development template or topic.
 */
career_conversations: Array<string>, cancellations: Array<Cancellation>, };

export type Cancellation = { meeting_id: string, date: string, 
/**
 * None in the shareable version, or when none was given.
 */
reason: string | null, };

export type ReviewHighlight = { date: string, kind: HighlightKind, text: string, private: boolean, meeting_id: string | null, };

export type ReviewAction = { id: string, title: string, owner: Owner, status: ActionStatus, opened_on: string, due_on: string | null, meeting_id: string | null, };

export type ReviewActions = { opened: number, done: number, dropped: number, 
/**
 * Done out of those opened in the period and not dropped, in percent.
 */
completion_percent: number | null, still_open: Array<ReviewAction>, closed: Array<ReviewAction>, };

export type Excerpt = { meeting_id: string, date: string, topic: string | null, shared_notes: string, 
/**
 * Private and prep notes; None in the shareable version.
 */
private_notes: string | null, };

export type ReviewFeedback = { date: string, tone: FeedbackTone, sbi: Sbi, private: boolean, meeting_id: string | null, };

export type ReviewGrowthPlan = { goal: string, status: PlanStatus, private: boolean, checkpoints: Array<Checkpoint>, };

export type ReviewMood = { date: string, score: number, word: string | null, private: boolean, };

export type ReviewPacket = { person_id: string, person_name: string, role: string, level: Level, manager_name: string, from: string, to: string, prepared_on: string, 
/**
 * True for the version without private fields.
 */
shareable: boolean, attendance: Attendance, 
/**
 * Wins, accomplishments and concerns, in date order.
 */
highlights: Array<ReviewHighlight>, actions: ReviewActions, focus_areas: Array<string>, 
/**
 * Feedback given in the period, oldest first.
 */
feedback: Array<ReviewFeedback>, 
/**
 * Growth plans open during the period, with their checkpoints due in it.
 */
growth_plans: Array<ReviewGrowthPlan>, 
/**
 * Mood check-ins in the period, oldest first.
 */
moods: Array<ReviewMood>, 
/**
 * Each held 1:1's notes, oldest first.
 */
excerpts: Array<Excerpt>, };

export type ReminderOffsets = { 
/**
 * Minutes before the start, e.g. [1440, 15].
 */
minutes: Array<number>, };

export type ShareKind = "notes" | "invite";

export type ShareFormat = "md" | "html" | "txt" | "eml" | "ics" | "clipboard";

export type ShareLogEntry = { id: string, person_id: string, meeting_id: string | null, 
/**
 * When the 1:1 the entry is about starts (or started).
 */
meeting_start: string | null, kind: ShareKind, format: ShareFormat, 
/**
 * The IC's name and address as the artefact named them.
 */
recipient: string, shared_at: string, };

export type ClipboardContent = { markdown: string, html: string, };

export type NotesFormat = "md" | "html" | "txt" | "eml";

export type InviteTarget = { "person": string } | { "meeting": string };

export type ImportedData = { people: number, meetings: number, };

export type VaultProgress = { done: number, total: number, };

export type VaultWritten = { folder: string, files: number, };

export type ImportedSeries = { series: Series, next_meeting: Meeting | null, 
/**
 * The SUMMARY of the event it came from.
 */
source_summary: string, };

export type BackupKind = "manual" | "automatic" | "before_upgrade";

export type BackupInfo = { path: string, store_id: string, created_at: string, kind: BackupKind, schema_version: number, key_backend: KeyBackend, bytes: number, 
/**
 * Counted in the snapshot; None when the file was checked without its key.
 */
people: number | null, meetings: number | null, };

export type BackupFile = { path: string, created_at: string, kind: BackupKind, };

export type BackupStatus = { folder: string, 
/**
 * Whether the folder is the default one inside the data directory.
 */
default_folder: boolean, last_automatic: BackupFile | null, 
/**
 * The newest backup of any kind.
 */
latest: BackupFile | null, };

export type ReplacedStore = { 
/**
 * The id of the replaced store, when its header was readable.
 */
store_id: string | null, 
/**
 * The folder inside the data directory that now holds its files.
 */
kept_in: string, };

export type RestorePreview = { 
/**
 * The backup, checked without its key.
 */
backup: BackupInfo, data_dir: string, 
/**
 * The data directory holds a store now, which the backup would replace.
 */
replaces_a_store: boolean, 
/**
 * That store is another one than the backup was made of.
 */
other_store: boolean, };

export const LEVELS: Level[] = ['junior', 'confirmed', 'senior', 'staff_plus'];

export const LEVEL_PROPOSALS: Record<Level, { cadence: Cadence; duration_minutes: number; career_talk_days: number }> = {
  junior: { cadence: 'weekly', duration_minutes: 45, career_talk_days: 14 },
  confirmed: { cadence: 'weekly', duration_minutes: 30, career_talk_days: 30 },
  senior: { cadence: 'biweekly', duration_minutes: 30, career_talk_days: 30 },
  staff_plus: { cadence: 'biweekly', duration_minutes: 30, career_talk_days: 60 },
};

export const LIMITS = {
  maxMeetingMinutes: 480,
  maxReminderOffsetMinutes: 10080,
} as const;
