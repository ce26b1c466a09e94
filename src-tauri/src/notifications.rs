//! Desktop notifications: reminders with "Prepare" and "Snooze" actions where
//! the platform has actions.

use rapport_core::flows::reminders::DueReminder;

/// What the manager chose on a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderChoice {
    Prepare,
    Snooze,
    Dismissed,
}

/// Action keys. "default" is what clicking the notification's body invokes.
pub const ACTION_DEFAULT: &str = "default";
pub const ACTION_PREPARE: &str = "prepare";
pub const ACTION_SNOOZE: &str = "snooze";

fn choice_of(action: &str) -> ReminderChoice {
    match action {
        ACTION_DEFAULT | ACTION_PREPARE => ReminderChoice::Prepare,
        ACTION_SNOOZE => ReminderChoice::Snooze,
        _ => ReminderChoice::Dismissed,
    }
}

/// Hands what the manager does on a shown notification to `on_choice`, on
/// its own thread; false when it could not be shown.
#[cfg(all(unix, not(target_os = "macos")))]
fn wait_for_choice(
    shown: notify_rust::error::Result<notify_rust::NotificationHandle>,
    on_choice: impl FnOnce(ReminderChoice) + Send + 'static,
) -> bool {
    match shown {
        Ok(handle) => {
            std::thread::spawn(move || {
                let mut chosen = ReminderChoice::Dismissed;
                handle.wait_for_action(|action| chosen = choice_of(action));
                on_choice(chosen);
            });
            true
        }
        Err(err) => {
            tracing::warn!("could not show a reminder: {err}");
            false
        }
    }
}

/// Shows a reminder and calls `on_choice` (on another thread) with what the
/// manager did. Returns false when no notification could be shown.
pub fn show_reminder(
    reminder: &DueReminder,
    on_choice: impl FnOnce(ReminderChoice) + Send + 'static,
) -> bool {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let shown = notify_rust::Notification::new()
            .appname("Rapport")
            .summary(&reminder.title)
            .body(&reminder.body)
            .icon("appointment-soon")
            .action(ACTION_DEFAULT, "Prepare")
            .action(ACTION_PREPARE, "Prepare")
            .action(ACTION_SNOOZE, "Snooze")
            .hint(notify_rust::Hint::Category("im.received".into()))
            .show();
        wait_for_choice(shown, on_choice)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        // No actions on these platforms: clicking the notification brings the
        // app forward, and the Today banner offers Prepare.
        let _ = on_choice;
        notify_rust::Notification::new()
            .appname("Rapport")
            .summary(&reminder.title)
            .body(&reminder.body)
            .show()
            .is_ok()
    }
}

/// A reminder while the window is locked: the title only, and no Snooze
/// (the store that would remember it is closed). Clicking it brings the
/// window forward, on its unlock screen.
pub fn show_locked_reminder(
    title: &str,
    on_choice: impl FnOnce(ReminderChoice) + Send + 'static,
) -> bool {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let shown = notify_rust::Notification::new()
            .appname("Rapport")
            .summary(title)
            .icon("appointment-soon")
            .action(ACTION_DEFAULT, "Open Rapport")
            .hint(notify_rust::Hint::Category("im.received".into()))
            .show();
        wait_for_choice(shown, on_choice)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        let _ = on_choice;
        notify_rust::Notification::new()
            .appname("Rapport")
            .summary(title)
            .show()
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicking_the_body_prepares_like_the_button() {
        assert_eq!(choice_of("default"), ReminderChoice::Prepare);
        assert_eq!(choice_of("prepare"), ReminderChoice::Prepare);
        assert_eq!(choice_of("snooze"), ReminderChoice::Snooze);
        assert_eq!(choice_of("__closed"), ReminderChoice::Dismissed);
    }
}
