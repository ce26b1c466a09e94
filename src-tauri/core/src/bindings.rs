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
        crate::keys::KeyBackend,
        crate::access::StoreState,
        crate::access::AppStatus,
        crate::access::SetupRequest,
        crate::people::Level,
        crate::people::Cadence,
        crate::people::PersonSummary,
        crate::people::Person,
        crate::people::PersonInput,
        crate::demo::DemoSummary,
        crate::settings::Settings,
        crate::schedule::Frequency,
        crate::schedule::Weekday,
        crate::schedule::MeetingFormat,
        crate::schedule::MeetingKind,
        crate::schedule::MeetingStatus,
        crate::schedule::Series,
        crate::schedule::SeriesInput,
        crate::schedule::OneOffInput,
        crate::schedule::LocalSlot,
        crate::schedule::NotesPatch,
        crate::schedule::AgendaItem,
        crate::schedule::AgendaItemInput,
        crate::schedule::Meeting,
        crate::scheduling::NextPlan,
        crate::scheduling::NextProposal,
        crate::actions::Owner,
        crate::actions::ActionStatus,
        crate::actions::StatusChange,
        crate::actions::ActionItem,
        crate::actions::ActionInput,
        crate::actions::ActionItemView,
        crate::highlights::HighlightKind,
        crate::highlights::Highlight,
        crate::highlights::HighlightInput,
        crate::templates::TemplateItem,
        crate::templates::TemplateView,
        crate::templates::TemplateInput,
        crate::talking_points::TalkingPointKind,
        crate::talking_points::TalkingPoint,
        crate::prep::Prep,
        crate::session::SessionView,
        crate::session::EndSummary,
        crate::session::FinishRequest,
        crate::session::FinishResult,
        crate::today::UpcomingMeeting,
        crate::today::OverdueItem,
        crate::today::DuePerson,
        crate::today::Today,
        crate::person_page::PersonPage,
        crate::reminders::ReminderOffsets,
        crate::share_log::ShareKind,
        crate::share_log::ShareFormat,
        crate::share_log::ShareLogEntry,
        crate::sharing::ClipboardContent,
    ];
    let mut out = String::from(
        "// Generated from the Rust types in rapport-core by `make bindings`. Do not edit by hand.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&level_tables());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Every level in order, and the cadence and career-talk rhythm each proposes:
/// the person form shows them while a level is being chosen.
fn level_tables() -> String {
    use crate::people::Level;
    let names: Vec<String> = Level::ALL.iter().map(|l| format!("'{l}'")).collect();
    let mut out = format!("export const LEVELS: Level[] = [{}];\n\n", names.join(", "));
    out.push_str(
        "export const LEVEL_PROPOSALS: Record<Level, { cadence: Cadence; career_talk_days: number }> = {\n",
    );
    for level in Level::ALL {
        out.push_str(&format!(
            "  {level}: {{ cadence: '{}', career_talk_days: {} }},\n",
            level.proposed_cadence(),
            level.proposed_career_talk_days()
        ));
    }
    out.push_str("};\n");
    out
}
