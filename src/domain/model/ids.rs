//! The ids every record refers by, and the one time type.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A catalogue app, by its slug (`caisse-horizon`).
    AppId
);
id_type!(
    /// A user of one product, by slug (`claire-martin`).
    UserId
);
id_type!(
    /// A company: the small business, the firm or one of its clients.
    CompanyId
);

/// Milliseconds since 1970-01-01 UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// 1970-01-01 and 9999-12-31 (its last millisecond, UTC): the dates a stored or
    /// imported time may have. Outside, a date would print as nonsense ("-271821").
    pub const EARLIEST: Timestamp = Timestamp(0);
    pub const LATEST: Timestamp = Timestamp(253_402_300_799_999);

    pub fn is_plausible(self) -> bool {
        (Self::EARLIEST..=Self::LATEST).contains(&self)
    }
}
