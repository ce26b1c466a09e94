//! Calendar files: invites for 1:1s, and reading another app's calendar
//! export to start a series from it.

mod invite;
mod read;
mod text;
mod windows_zones;
mod zone_rules;

pub use invite::{
    meeting_invite, person_invite, render, series_invite, summary, Invite, InviteEvent, Method,
    Parties, Rule,
};
pub use read::{find_series, parse, FoundSeries};
pub use text::{escape_text, fold, unescape_text};
pub use zone_rules::vtimezone;
