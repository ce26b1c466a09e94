//! An answer read before it is asked for. The window's first question
//! (`start_up`: the status, the people and Today) is read on a thread while
//! the page is still loading, so the page's call finds it ready instead of
//! waiting for the read, which would also hold up the app's main thread that
//! serves the rest of the page.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

enum Slot<T> {
    /// Not read yet, and not yet asked for.
    Waiting,
    Ready(T, Instant),
    /// Asked for: from now on every question is read afresh.
    Taken,
}

pub struct ReadAhead<T> {
    slot: Mutex<Slot<T>>,
    /// An answer older than this is read again: the page was slow to ask,
    /// and Today may have moved on meanwhile.
    max_age: Duration,
}

impl<T> ReadAhead<T> {
    pub fn new(max_age: Duration) -> Self {
        ReadAhead {
            slot: Mutex::new(Slot::Waiting),
            max_age,
        }
    }

    fn slot(&self) -> MutexGuard<'_, Slot<T>> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reads the answer ahead, unless it was already asked for. The slot
    /// stays held while reading, so a question that comes meanwhile waits for
    /// this read rather than starting a second one.
    pub fn fill(&self, read: impl FnOnce() -> T) {
        let mut slot = self.slot();
        if matches!(*slot, Slot::Waiting) {
            *slot = Slot::Ready(read(), Instant::now());
        }
    }

    /// The answer read ahead, once, while it is fresh; otherwise a new read.
    pub fn take_or(&self, read: impl FnOnce() -> T) -> T {
        let taken = std::mem::replace(&mut *self.slot(), Slot::Taken);
        match taken {
            Slot::Ready(answer, at) if at.elapsed() < self.max_age => answer,
            _ => read(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRESH: Duration = Duration::from_secs(60);

    #[test]
    fn the_first_question_gets_the_answer_read_ahead() {
        let ahead = ReadAhead::new(FRESH);
        ahead.fill(|| "ahead");
        assert_eq!(ahead.take_or(|| "asked"), "ahead");
    }

    #[test]
    fn only_the_first_question_gets_it() {
        let ahead = ReadAhead::new(FRESH);
        ahead.fill(|| "ahead");
        assert_eq!(ahead.take_or(|| "asked"), "ahead");
        assert_eq!(ahead.take_or(|| "asked again"), "asked again");
    }

    #[test]
    fn a_question_before_the_read_ahead_reads_and_the_late_read_never_runs() {
        let ahead = ReadAhead::new(FRESH);
        assert_eq!(ahead.take_or(|| "asked"), "asked");
        ahead.fill(|| panic!("read after the question was answered"));
        assert_eq!(ahead.take_or(|| "asked again"), "asked again");
    }

    #[test]
    fn a_stale_answer_is_read_again() {
        let ahead = ReadAhead::new(Duration::ZERO);
        ahead.fill(|| "ahead");
        assert_eq!(ahead.take_or(|| "asked"), "asked");
    }

    #[test]
    fn a_question_during_the_read_waits_for_it() {
        let ahead = std::sync::Arc::new(ReadAhead::new(FRESH));
        let (started_tx, started_rx) = std::sync::mpsc::channel();
        let (finish_tx, finish_rx) = std::sync::mpsc::channel::<()>();
        let reader = {
            let ahead = ahead.clone();
            std::thread::spawn(move || {
                ahead.fill(|| {
                    started_tx.send(()).unwrap();
                    finish_rx.recv().unwrap();
                    "ahead"
                })
            })
        };
        started_rx.recv().unwrap();
        let asker = {
            let ahead = ahead.clone();
            std::thread::spawn(move || ahead.take_or(|| "asked"))
        };
        // Time for the question to reach the slot while the read still runs.
        std::thread::sleep(Duration::from_millis(100));
        finish_tx.send(()).unwrap();
        reader.join().unwrap();
        assert_eq!(asker.join().unwrap(), "ahead");
    }
}
