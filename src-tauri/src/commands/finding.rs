//! Between the meetings: search, a person's full history, one past 1:1,
//! and the review packet.

use crate::state::AppState;
use rapport_core::flows::history::{self, HistoryPage, HistoryRequest, MeetingView};
use rapport_core::flows::search::{self as finder, SearchRequest, SearchResults};
use rapport_core::formats::review::{self, ReviewPacket, ReviewRequest};
use rapport_core::store::write_private_file;
use rapport_core::Result;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub async fn search(state: State<'_, AppState>, request: SearchRequest) -> Result<SearchResults> {
    state.with_store(|s| finder::search(s, &request))
}

#[tauri::command]
pub async fn get_history(
    state: State<'_, AppState>,
    request: HistoryRequest,
) -> Result<HistoryPage> {
    state.with_store(|s| history::history(s, &request))
}

#[tauri::command]
pub async fn get_meeting_view(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<MeetingView> {
    state.with_store(|s| history::meeting_view(s, &meeting_id))
}

#[tauri::command]
pub async fn get_review_packet(
    state: State<'_, AppState>,
    request: ReviewRequest,
) -> Result<ReviewPacket> {
    state.with_store(|s| review::build(s, &request))
}

/// Writes the packet where the save dialog said; `html` picks the
/// printable page over Markdown.
#[tauri::command]
pub async fn save_review_packet(
    state: State<'_, AppState>,
    request: ReviewRequest,
    html: bool,
    path: PathBuf,
) -> Result<()> {
    state.with_store(|s| {
        let packet = review::build(s, &request)?;
        let text = if html {
            review::html(&packet)
        } else {
            review::markdown(&packet)
        };
        // The native save dialog already asked before replacing a file.
        write_private_file(&path, text.as_bytes(), true)
    })
}
