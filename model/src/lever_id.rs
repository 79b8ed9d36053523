//! Typed lever ids. The enum is generated from the lever table by
//! `model/build.rs`; this file adds what every id has: its table index, its
//! string form at the edges (URL, CLI, files, test hooks) and parsing.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/lever_id.rs"));

impl LeverId {
    /// Position of the lever in the table, and of its value in a
    /// [`crate::Scenario`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lever at a table position.
    pub fn at(index: usize) -> Option<LeverId> {
        LeverId::ALL.get(index).copied()
    }
}

impl fmt::Display for LeverId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that names no lever.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown lever '{0}'")]
pub struct UnknownLever(pub String);

impl FromStr for LeverId {
    type Err = UnknownLever;
    fn from_str(s: &str) -> Result<LeverId, UnknownLever> {
        LeverId::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| UnknownLever(s.to_string()))
    }
}

impl Serialize for LeverId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for LeverId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LeverId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_table_and_round_trip() {
        let data = crate::Data::get();
        assert_eq!(LeverId::ALL.len(), data.levers.len());
        for (i, (id, row)) in LeverId::ALL.iter().zip(&data.levers).enumerate() {
            assert_eq!(row.id, *id);
            assert_eq!(id.index(), i);
            assert_eq!(LeverId::at(i), Some(*id));
            assert_eq!(id.to_string().parse::<LeverId>(), Ok(*id));
        }
        assert!("nope".parse::<LeverId>().is_err());
    }
}
