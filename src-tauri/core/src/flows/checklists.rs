//! Best-practice checklists for before, during and after a 1:1 (seeds 000
//! and 001), shipped in `data/checklists.json`: optional prompts the screens
//! fold away, never a form to fill in.

use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const CHECKLISTS_JSON: &str = include_str!("../../data/checklists.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChecklistItem {
    pub text: String,
    /// The seed it comes from ("000").
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Checklists {
    pub before: Vec<ChecklistItem>,
    pub during: Vec<ChecklistItem>,
    pub after: Vec<ChecklistItem>,
}

#[derive(Deserialize)]
struct File {
    before: Vec<(String, String)>,
    during: Vec<(String, String)>,
    after: Vec<(String, String)>,
}

pub fn checklists() -> Result<Checklists> {
    let file: File = serde_json::from_str(CHECKLISTS_JSON).map_err(|e| {
        Error::new(
            ErrorCode::Storage,
            format!("The checklists cannot be read: {e}"),
        )
    })?;
    let items = |list: Vec<(String, String)>| {
        list.into_iter()
            .map(|(text, source)| ChecklistItem { text, source })
            .collect()
    };
    Ok(Checklists {
        before: items(file.before),
        during: items(file.during),
        after: items(file.after),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_checklists_read_and_credit_their_seed() {
        let lists = checklists().expect("the checklists parse");
        for list in [&lists.before, &lists.during, &lists.after] {
            assert!(list.len() >= 4);
            for item in list {
                assert!(["000", "001"].contains(&item.source.as_str()), "{item:?}");
                assert!(!item.text.trim().is_empty());
            }
        }
    }
}
