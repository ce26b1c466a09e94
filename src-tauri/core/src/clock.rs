//! Time is injected: the instant and the zone the manager lives in, so
//! scheduling, "today", demo data and reminders can be tested in any zone
//! without touching the process's environment.

use crate::zone::Zone;
use chrono::{DateTime, NaiveDate, Utc};
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The manager's zone: "today", overdue items and new 1:1s follow it.
    fn zone(&self) -> Zone;

    /// The manager's calendar day at `at`.
    fn day_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.zone().day_of(at)
    }
}

/// The machine's clock and zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    /// Read at every call, since the machine's zone changes when its owner
    /// travels. A machine whose zone has no IANA name (rare, and only on a
    /// misconfigured system) is taken to be on UTC.
    fn zone(&self) -> Zone {
        iana_time_zone::get_timezone()
            .ok()
            .and_then(|name| Zone::parse(&name).ok())
            .unwrap_or(Zone::UTC)
    }
}

/// A clock that stays where it is put; tests move it, and its zone, by hand.
#[derive(Debug)]
pub struct FixedClock {
    at: Mutex<DateTime<Utc>>,
    zone: Mutex<Zone>,
}

impl FixedClock {
    /// A clock at `at` in UTC.
    pub fn new(at: DateTime<Utc>) -> Self {
        FixedClock::in_zone(at, Zone::UTC)
    }

    pub fn in_zone(at: DateTime<Utc>, zone: Zone) -> Self {
        FixedClock {
            at: Mutex::new(at),
            zone: Mutex::new(zone),
        }
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.at.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    pub fn set_zone(&self, zone: Zone) {
        *self.zone.lock().unwrap_or_else(|p| p.into_inner()) = zone;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.at.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn zone(&self) -> Zone {
        *self.zone.lock().unwrap_or_else(|p| p.into_inner())
    }
}
