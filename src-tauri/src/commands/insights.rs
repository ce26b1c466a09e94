//! Team insights: the numbers per person and for the team, and what is
//! behind each of them.

use crate::state::AppState;
use rapport_core::flows::team_stats::{self, DetailRequest, StatsDetail, StatsPeriod, TeamStats};
use rapport_core::Result;
use tauri::State;

#[tauri::command]
pub async fn get_team_stats(state: State<'_, AppState>, period: StatsPeriod) -> Result<TeamStats> {
    state.with_store(|s| team_stats::team(s, period, None))
}

#[tauri::command]
pub async fn get_stats_detail(
    state: State<'_, AppState>,
    request: DetailRequest,
) -> Result<StatsDetail> {
    state.with_store(|s| team_stats::detail(s, &request))
}
