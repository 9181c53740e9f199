//! Stable string identities for actors, cooperations and sources.
//!
//! Files and commands refer to elements by these ids, never by petgraph indices: indices are
//! storage, ids are identity.

use std::fmt;

// Ids up to 23 bytes (all that kgx and the tools it imports from generate) are stored inline,
// with no allocation of their own: a million actors and three million cooperations are held
// twice each (in the graph and in its id index), so this saves about 250 MB there.
use smol_str::SmolStr;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(SmolStr);

        impl $name {
            /// Wraps a string as an id. Any non-empty string is a valid id.
            pub fn new(id: impl AsRef<str>) -> Self {
                Self(SmolStr::new(id))
            }

            /// The id as written in files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self::new(id)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

string_id!(
    /// Identifies an actor (a node) across saves, edits and files.
    ActorId
);
string_id!(
    /// Identifies a cooperation (an edge) across saves, edits and files.
    CooperationId
);
string_id!(
    /// Identifies a source document that evidence cites.
    SourceId
);
