//! The TypeScript declarations of every type that crosses the IPC boundary,
//! generated from the Rust types into one file for the UI, and the few
//! domain tables the UI shows before asking the backend (the level proposals).

use ts_rs::TS;

macro_rules! declarations {
    ($($ty:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl())),+]
    };
}

/// The whole generated file.
pub fn typescript() -> String {
    let decls: Vec<String> = declarations![
        crate::error::ErrorCode,
        crate::error::Error,
        crate::store::keys::KeyBackend,
        crate::flows::access::StoreState,
        crate::flows::access::AppStatus,
        crate::flows::access::SetupRequest,
        crate::flows::access::KeyChangeRequest,
        crate::records::people::Level,
        crate::records::people::Cadence,
        crate::records::people::PersonSummary,
        crate::records::people::Person,
        crate::records::people::PersonInput,
        crate::flows::demo::DemoSummary,
        crate::records::settings::Settings,
        crate::flows::lock::AutoLock,
        crate::records::meetings::Frequency,
        crate::records::meetings::Weekday,
        crate::records::meetings::MeetingFormat,
        crate::records::meetings::MeetingKind,
        crate::records::meetings::MeetingStatus,
        crate::records::meetings::CancelledBy,
        crate::records::meetings::Series,
        crate::records::meetings::SeriesInput,
        crate::records::meetings::OneOffInput,
        crate::records::meetings::LocalSlot,
        crate::records::meetings::NotesPatch,
        crate::records::meetings::AgendaItem,
        crate::records::meetings::AgendaItemInput,
        crate::records::meetings::Meeting,
        crate::flows::scheduling::NextPlan,
        crate::flows::scheduling::NextProposal,
        crate::records::actions::Owner,
        crate::records::actions::ActionStatus,
        crate::records::actions::StatusChange,
        crate::records::actions::ActionItem,
        crate::records::actions::ActionInput,
        crate::records::actions::ActionEdit,
        crate::records::actions::Priority,
        crate::records::topics::RaisedBy,
        crate::records::topics::Topic,
        crate::records::topics::TopicInput,
        crate::records::feedback::FeedbackTone,
        crate::records::feedback::FeedbackStatus,
        crate::records::feedback::Sbi,
        crate::records::feedback::Feedback,
        crate::records::feedback::FeedbackInput,
        crate::records::growth::PlanStatus,
        crate::records::growth::CheckpointStatus,
        crate::records::growth::Checkpoint,
        crate::records::growth::PlanText,
        crate::records::growth::GrowthPlan,
        crate::records::growth::CheckpointInput,
        crate::records::growth::GrowthPlanInput,
        crate::records::moods::Mood,
        crate::records::moods::MoodCheck,
        crate::records::moods::MoodInput,
        crate::records::questions::Question,
        crate::records::questions::QuestionInput,
        crate::flows::career::CareerProgress,
        crate::flows::checklists::ChecklistItem,
        crate::flows::checklists::Checklists,
        crate::records::actions::ActionItemView,
        crate::records::highlights::HighlightKind,
        crate::records::highlights::Highlight,
        crate::records::highlights::HighlightInput,
        crate::records::templates::TemplateItem,
        crate::records::templates::TemplateView,
        crate::records::templates::TemplateInput,
        crate::flows::talking_points::TalkingPointKind,
        crate::flows::talking_points::TalkingPoint,
        crate::flows::thresholds::FlagRule,
        crate::flows::thresholds::Flag,
        crate::flows::team_stats::BucketUnit,
        crate::flows::team_stats::Measure,
        crate::flows::team_stats::StatsPeriod,
        crate::flows::team_stats::Totals,
        crate::flows::team_stats::Bucket,
        crate::flows::team_stats::CancelledMeeting,
        crate::flows::team_stats::MoodPoint,
        crate::flows::team_stats::PersonStats,
        crate::flows::team_stats::TeamStats,
        crate::flows::team_stats::DetailRequest,
        crate::flows::team_stats::DetailMeeting,
        crate::flows::team_stats::DetailItem,
        crate::flows::team_stats::StatsDetail,
        crate::flows::team_stats::SnapshotWindow,
        crate::flows::team_stats::PerformanceSnapshot,
        crate::flows::prep::Prep,
        crate::flows::session::SessionView,
        crate::flows::session::EndSummary,
        crate::flows::session::FinishRequest,
        crate::flows::session::FinishResult,
        crate::flows::today::UpcomingMeeting,
        crate::flows::today::OverdueItem,
        crate::flows::today::DuePerson,
        crate::flows::today::NextMeeting,
        crate::flows::today::Today,
        crate::flows::start_up::FirstScreen,
        crate::flows::start_up::StartUp,
        crate::flows::person_page::PersonPage,
        crate::records::search::TextKind,
        crate::records::search::Visibility,
        crate::flows::search_query::Term,
        crate::flows::search_snippet::SnippetPart,
        crate::flows::search::SearchRequest,
        crate::flows::search::SearchHit,
        crate::flows::search::SearchGroup,
        crate::flows::search::SearchResults,
        crate::flows::history::HistoryRequest,
        crate::flows::history::HistoryEntry,
        crate::flows::history::HistoryPage,
        crate::flows::history::MeetingView,
        crate::formats::review::ReviewRequest,
        crate::formats::review::Attendance,
        crate::formats::review::Cancellation,
        crate::formats::review::ReviewHighlight,
        crate::formats::review::ReviewAction,
        crate::formats::review::ReviewActions,
        crate::formats::review::Excerpt,
        crate::formats::review::ReviewFeedback,
        crate::formats::review::ReviewGrowthPlan,
        crate::formats::review::ReviewMood,
        crate::formats::review::ReviewPacket,
        crate::records::reminder_state::ReminderOffsets,
        crate::records::share_log::ShareKind,
        crate::records::share_log::ShareFormat,
        crate::records::share_log::ShareLogEntry,
        crate::formats::sharing::ClipboardContent,
        crate::formats::sharing::NotesFormat,
        crate::formats::invite_mail::InviteTarget,
        crate::formats::exchange::ImportedData,
        crate::formats::vault::VaultProgress,
        crate::formats::vault::VaultWritten,
        crate::flows::series_import::ImportedSeries,
        crate::store::backup::BackupKind,
        crate::store::backup::BackupInfo,
        crate::store::backup::BackupFile,
        crate::store::backup::BackupStatus,
        crate::store::backup::ReplacedStore,
        crate::store::backup::RestorePreview,
    ];
    let mut out = String::from(
        "// Generated from the Rust types in rapport-core by `make bindings`. Do not edit by hand.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&level_tables());
    out.push_str(&limits());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Every level in order, and the cadence, 1:1 length and career-talk rhythm
/// each proposes:
/// the person form shows them while a level is being chosen.
fn level_tables() -> String {
    use crate::records::people::Level;
    let names: Vec<String> = Level::ALL.iter().map(|l| format!("'{l}'")).collect();
    let mut out = format!("export const LEVELS: Level[] = [{}];\n\n", names.join(", "));
    out.push_str(
        "export const LEVEL_PROPOSALS: Record<Level, { cadence: Cadence; duration_minutes: number; career_talk_days: number }> = {\n",
    );
    for level in Level::ALL {
        out.push_str(&format!(
            "  {level}: {{ cadence: '{}', duration_minutes: {}, career_talk_days: {} }},\n",
            level.proposed_cadence(),
            level.proposed_duration_minutes(),
            level.proposed_career_talk_days()
        ));
    }
    out.push_str("};\n");
    out
}

/// The limits the forms check before asking the backend, which checks them
/// again: one number each, defined in Rust.
fn limits() -> String {
    format!(
        "\nexport const LIMITS = {{\n  maxMeetingMinutes: {},\n  maxReminderOffsetMinutes: {},\n}} as const;\n",
        crate::records::meetings::MAX_MEETING_MINUTES,
        crate::records::reminder_state::MAX_OFFSET,
    )
}
