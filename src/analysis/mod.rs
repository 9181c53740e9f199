//! Graph analysis over the model: centrality, communities, paths, search, summaries, string
//! similarity. No UI code; long analyses report progress and can be cancelled.

pub mod centrality;
pub mod community;
pub mod filter;
pub mod leiden;
pub mod metrics;
pub mod network;
pub mod paths;
pub mod progress;
pub mod search;
pub mod similarity;
pub mod spelling;
pub mod stats;
mod weighted;

#[cfg(test)]
mod tests;
