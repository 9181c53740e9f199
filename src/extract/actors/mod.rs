//! Finding actors in sentences: known names, capitalised names with an organisation head word,
//! acronyms defined in parentheses, short forms, people with titles or speech verbs, office
//! holders ("the president of Serbia"), governments, and groups ("Kenyan counterparts").
//!
//! `registry.rs` keeps the candidates, `words.rs` the small word lists, `scanner.rs` reads a
//! sentence, `names.rs` classifies capitalised names, `people.rs` people, offices and groups, and
//! `headline.rs` reads a title, which names no new actor; `context.rs` finds names no list knows
//! by the words around them.

mod context;
mod headline;
mod names;
mod people;
mod registry;
mod scanner;
mod words;

pub use registry::{Affiliation, Mention, Pronoun, Registry, normalise};
pub use scanner::Scanner;
pub use words::{SPEECH, kind_noun, lowercase};
