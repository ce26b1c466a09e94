//! Rapport's core: domain, encrypted store and everything the app and the CLI
//! do with it. No UI code and no Tauri here.

mod text_enum;

pub mod bindings;
pub mod clock;
pub mod day_text;
pub mod error;
pub mod flows;
pub mod formats;
pub mod ids;
pub mod records;
pub mod store;
pub mod time_of_day;
pub mod zone;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorCode, Result};
pub use store::{Store, StorePaths};
pub use zone::Zone;
