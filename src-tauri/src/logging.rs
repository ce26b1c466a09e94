//! The window's log: a file per day in the platform's log directory (kept a
//! week), and the terminal when there is one. It records what the app did and
//! why something failed: ids and error codes, never a note, a name or a key.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::fmt::writer::MakeWriterExt;

/// How many daily files are kept.
const KEEP_DAYS: usize = 7;

/// Lines waiting for the writer thread. The app logs a few lines per action,
/// so a thousand covers any burst; the library's default (128,000) sets aside
/// and touches 4 MiB at start-up, about a fiftieth of the whole app's memory.
const BUFFERED_LINES: usize = 1_024;

/// Starts logging; the guard flushes the file when dropped, so the caller
/// keeps it for the life of the app. Without a writable log directory the
/// app still runs and logs to the terminal only.
pub fn start() -> Option<WorkerGuard> {
    let dir = rapport_core::store::log_dir();
    let file = create_private_dir(&dir).ok().and_then(|()| {
        Builder::new()
            .rotation(Rotation::DAILY)
            .filename_prefix("rapport")
            .filename_suffix("log")
            .max_log_files(KEEP_DAYS)
            .build(&dir)
            .ok()
    });
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO);
    match file {
        Some(appender) => {
            let (writer, guard) = NonBlockingBuilder::default()
                .buffered_lines_limit(BUFFERED_LINES)
                .finish(appender);
            subscriber.with_writer(writer.and(std::io::stderr)).init();
            Some(guard)
        }
        None => {
            subscriber.with_writer(std::io::stderr).init();
            tracing::warn!("no log file: {} is not writable", dir.display());
            None
        }
    }
}

fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
