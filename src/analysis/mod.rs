//! Graph analysis over the model: degrees, components, summaries, string similarity.

pub mod similarity;
pub mod stats;
