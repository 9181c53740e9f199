//! Graph files: the versioned RON document, loading with located errors, canonical atomic saves,
//! and exports for other tools.

mod atomic;
pub mod document;
mod error;
pub mod export;
pub mod formats;
pub mod import;
mod load;
pub mod locate;
mod process;
pub mod rdf;
pub mod recovery;
mod save;
mod split;
mod stamp;

pub use atomic::{remove_stale_temporaries, write_atomic};
pub use error::{LoadError, Problem, SaveError};
pub use load::{
    MAX_FILE_BYTES, MAX_GRAPH_FILE_BYTES, load_bytes, load_file, load_file_stamped, load_file_with, load_str,
};
pub use locate::Position;
pub use process::process_alive;
pub use save::{save_file, to_ron_string, write_document};
pub use stamp::{FileStamp, StampHasher};
