//! Use cases and the read models of the screens: what the window and the
//! command line ask for. Flows import records, formats and the store.

pub mod access;
pub mod career;
pub mod checklists;
pub mod coaching;
pub mod demo;
pub mod history;
pub mod lock;
pub mod locked_reminders;
pub mod lookup;
pub mod person_page;
pub mod prep;
pub mod reminders;
pub mod scheduling;
pub mod search;
pub mod search_query;
pub mod search_snippet;
pub mod series_import;
pub mod session;
pub mod start_up;
pub mod talking_points;
pub mod team_stats;
pub mod thresholds;
pub mod today;
pub mod topics;
pub mod upcoming;
