//! A time zone by its IANA name, parsed once where a name enters Rapport (a
//! form, an import, a stored row) and never silently replaced by UTC.

use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(Tz);

impl Zone {
    pub const UTC: Zone = Zone(chrono_tz::UTC);

    /// An IANA zone name such as "Europe/Paris"; anything else is refused
    /// with a message that says what is expected.
    pub fn parse(name: &str) -> Result<Zone> {
        name.trim().parse::<Tz>().map(Zone).map_err(|_| {
            Error::invalid(format!(
                "\"{name}\" is not a time zone Rapport knows. Use an IANA name such as \
                 Europe/Paris or America/New_York."
            ))
        })
    }

    pub const fn from_tz(tz: Tz) -> Zone {
        Zone(tz)
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The calendar day `at` falls on in this zone.
    pub fn day_of(self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.0).date_naive()
    }
}

impl From<Tz> for Zone {
    fn from(tz: Tz) -> Self {
        Zone(tz)
    }
}

/// A zone equals its IANA name.
impl PartialEq<&str> for Zone {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Zone {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Zone {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Zone, D::Error> {
        let name = String::deserialize(deserializer)?;
        Zone::parse(&name).map_err(|e| serde::de::Error::custom(e.message))
    }
}

impl rusqlite::types::ToSql for Zone {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.name()))
    }
}

/// A stored name that no longer parses is damage, reported as such.
impl rusqlite::types::FromSql for Zone {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Zone> {
        let name = value.as_str()?;
        Zone::parse(name).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iana_name_parses_and_anything_else_is_refused() {
        assert_eq!(Zone::parse("Europe/Paris").unwrap().name(), "Europe/Paris");
        let err = Zone::parse("Mars/Olympus").unwrap_err();
        assert!(err.message.contains("Mars/Olympus"), "{}", err.message);
        assert!(Zone::parse("").is_err());
    }

    #[test]
    fn the_day_depends_on_the_zone() {
        let at: DateTime<Utc> = "2024-10-24T23:30:00Z".parse().unwrap();
        assert_eq!(Zone::UTC.day_of(at).to_string(), "2024-10-24");
        assert_eq!(
            Zone::parse("Asia/Tokyo").unwrap().day_of(at).to_string(),
            "2024-10-25"
        );
    }
}
