//! Whether desktop notifications can be shown here, for `doctor`.

/// Whether a notification service answers; None where the platform has no way to ask.
pub fn service_reachable() -> Option<bool> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        Some(notify_rust::get_server_information().is_ok())
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        None
    }
}
