//! The window's first question: how the store stands and, when it opens on
//! the main screens, what they show first. One answer instead of three lets
//! the page lay out the sidebar and Today in one pass, rather than drawing an
//! empty shell and then filling it as each answer comes back.

use crate::error::Result;
use crate::flows::access::{AppStatus, StoreState};
use crate::flows::today::{self, Today};
use crate::records::people::PersonSummary;
use crate::store::Store;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StartUp {
    pub status: AppStatus,
    /// Present when the window opens on its main screens and both could be
    /// read; otherwise each screen asks for its own data.
    pub first_screen: Option<FirstScreen>,
    /// The desktop's interface font family, where the platform names one
    /// (GTK's setting on Linux), for the page to use instead of `system-ui`.
    pub desktop_font: Option<String>,
}

/// The sidebar's people and the Today screen, read together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FirstScreen {
    pub people: Vec<PersonSummary>,
    pub today: Today,
}

impl AppStatus {
    /// Open, with no recovery-key step in the way: the window shows its
    /// sidebar and Today rather than a set-up, unlock or key screen.
    pub fn opens_main_screens(&self) -> bool {
        self.state == StoreState::Unlocked && !self.needs_new_key && !self.recovery_key_pending
    }
}

/// A font family name fit to quote in a style sheet: letters, digits,
/// spaces, dots, hyphens and underscores only. Anything else (quotes,
/// backslashes, control characters) is refused rather than escaped, so a
/// stray setting can never change the page's styles.
pub fn desktop_font(family: &str) -> Option<String> {
    let family = family.trim();
    let fits = !family.is_empty()
        && family.chars().count() <= 64
        && family
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'));
    fits.then(|| family.to_string())
}

/// Reads the first screen's data from an open store.
pub fn first_screen(store: &Store) -> Result<FirstScreen> {
    Ok(FirstScreen {
        people: store.people().summaries()?,
        today: today::today(store)?,
    })
}
