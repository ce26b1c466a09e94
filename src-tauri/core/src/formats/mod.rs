//! Files and text that leave the store: the JSON exchange format, calendar
//! invites, shared notes, the Markdown vault and the review packet. Formats read records; they
//! never import the screens' read models in `flows`.

pub mod exchange;
pub mod ics;
pub mod invite_mail;
pub mod markdown;
pub mod review;
pub mod series_text;
pub mod shared_notes;
pub mod sharing;
pub mod vault;
