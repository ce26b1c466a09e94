//! Files and text that leave the store: the JSON exchange format, calendar
//! invites, shared notes and the Markdown vault. Formats read records; they
//! never import the screens' read models in `flows`.

pub mod exchange;
pub mod ics;
pub mod markdown;
pub mod shared_notes;
pub mod sharing;
pub mod vault;
