//! A crash that is not a panic (a stack overflow, an abort in a library)
//! ends the process before the driver can report. So the driver leaves the
//! seed it is running here, and a SIGABRT handler prints it on the way out.

use std::sync::atomic::{AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::Once;

static SEED: AtomicU64 = AtomicU64::new(0);
static NAME: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
static NAME_LEN: AtomicUsize = AtomicUsize::new(0);
static INSTALL: Once = Once::new();

/// Marks the input now running.
pub fn running(target: &'static str, seed: u64) {
    NAME.store(target.as_ptr().cast_mut(), Ordering::Relaxed);
    NAME_LEN.store(target.len(), Ordering::Relaxed);
    SEED.store(seed, Ordering::Relaxed);
}

/// Marks that no input is running: a later abort is not the fuzzer's.
pub fn idle() {
    NAME.store(std::ptr::null_mut(), Ordering::Relaxed);
}

pub fn install() {
    INSTALL.call_once(platform::install);
}

#[cfg(unix)]
mod platform {
    use super::{NAME, NAME_LEN, SEED};
    use std::sync::atomic::Ordering;

    /// Writes with nothing but `write(2)`: a signal handler may not allocate.
    fn put(bytes: &[u8]) {
        // SAFETY: writing a valid buffer to standard error is async-signal-safe.
        unsafe {
            libc::write(2, bytes.as_ptr().cast(), bytes.len());
        }
    }

    fn put_number(mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        put(digits.get(at..).unwrap_or(&[]));
    }

    extern "C" fn on_abort(_: libc::c_int) {
        let ptr = NAME.load(Ordering::Relaxed);
        let len = NAME_LEN.load(Ordering::Relaxed);
        if ptr.is_null() {
            return;
        }
        // SAFETY: ptr and len come from a &'static str stored by `running`.
        let name = unsafe { std::slice::from_raw_parts(ptr, len) };
        let seed = SEED.load(Ordering::Relaxed);
        put(b"\nfuzz target ");
        put(name);
        put(b" crashed the process (not a panic: a stack overflow or an abort)\nseed: ");
        put_number(seed);
        put(b"\nreplay: cargo run --release -p rapport-fuzz -- --target ");
        put(name);
        put(b" --seed ");
        put_number(seed);
        put(b"\n");
    }

    pub fn install() {
        // SAFETY: installs a handler that only reads atomics and calls write(2).
        unsafe {
            libc::signal(libc::SIGABRT, on_abort as *const () as libc::sighandler_t);
        }
    }
}

#[cfg(not(unix))]
mod platform {
    pub fn install() {}
}
