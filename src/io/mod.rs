//! Graph files: the versioned RON document, loading with located errors, canonical atomic saves,
//! and exports for other tools.

mod atomic;
pub mod document;
mod error;
pub mod export;
mod load;
pub mod locate;
mod save;

pub use atomic::write_atomic;
pub use error::{LoadError, Problem, SaveError};
pub use load::{MAX_FILE_BYTES, load_bytes, load_file, load_str};
pub use locate::Position;
pub use save::{save_file, to_ron_string, write_document};
