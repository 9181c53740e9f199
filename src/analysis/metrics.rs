//! [`Metrics`]: every per-actor measure at once, as `kgx stats --metrics` prints them and the
//! window maps them to size and colour.

use serde::Serialize;

use super::centrality::{betweenness, degrees, pagerank, weighted_degrees};
use super::community::{CommunitySettings, components, find_communities};
use super::network::Network;
use super::progress::{Cancelled, Progress};
use crate::model::KnowledgeGraph;

/// The measures available per actor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Number of cooperations.
    Degree,
    /// Random-walk importance.
    #[default]
    PageRank,
    /// Sum of cooperation weights.
    WeightedDegree,
    /// Share of shortest paths passing through the actor.
    Betweenness,
    /// Connected component (a category).
    Component,
    /// Community, by Leiden or Louvain (a category).
    Community,
}

impl Metric {
    /// Every metric, in display order.
    pub const ALL: [Metric; 6] = [
        Metric::Degree,
        Metric::WeightedDegree,
        Metric::Betweenness,
        Metric::PageRank,
        Metric::Component,
        Metric::Community,
    ];

    /// Name shown in the UI and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Degree => "Degree",
            Metric::WeightedDegree => "Weighted degree",
            Metric::Betweenness => "Betweenness",
            Metric::PageRank => "PageRank",
            Metric::Component => "Component",
            Metric::Community => "Community",
        }
    }

    /// Whether the values are categories (colour by category) rather than quantities.
    pub fn is_categorical(self) -> bool {
        matches!(self, Metric::Component | Metric::Community)
    }
}

/// All measures of one graph, indexed like [`Network::nodes`].
#[derive(Clone, Debug, Default)]
pub struct Metrics {
    /// The view the metrics were computed on.
    pub network: Network,
    /// Degree.
    pub degree: Vec<f64>,
    /// Weighted degree.
    pub weighted_degree: Vec<f64>,
    /// Betweenness (normalised).
    pub betweenness: Vec<f64>,
    /// PageRank (sums to 1).
    pub pagerank: Vec<f64>,
    /// Component number.
    pub component: Vec<u32>,
    /// Community number.
    pub community: Vec<u32>,
    /// Modularity of the communities (the standard one, at resolution 1).
    pub modularity: f64,
    /// How the communities were found.
    pub community_settings: CommunitySettings,
    /// Number of communities.
    pub community_count: usize,
    /// Whether betweenness was estimated from a sample of sources.
    pub betweenness_sampled: bool,
}

impl Metrics {
    /// Computes every measure. Cost is dominated by betweenness (O(n·m) exact, sampled above
    /// [`super::centrality::EXACT_BETWEENNESS_LIMIT`] nodes).
    ///
    /// # Errors
    /// [`Cancelled`] if `progress` was cancelled.
    pub fn compute(
        graph: &KnowledgeGraph,
        communities: &CommunitySettings,
        progress: &Progress,
    ) -> Result<Self, Cancelled> {
        Self::compute_network(Network::new(graph), communities, progress)
    }

    /// As [`Metrics::compute`], on a network built beforehand (so it can move to a worker thread).
    ///
    /// # Errors
    /// [`Cancelled`] if `progress` was cancelled.
    pub fn compute_network(
        network: Network,
        community_settings: &CommunitySettings,
        progress: &Progress,
    ) -> Result<Self, Cancelled> {
        let quiet = Progress::new();
        let pagerank = pagerank(&network, 0.85, &quiet)?;
        progress.check()?;
        // The community search can take seconds on big graphs, so it shares the progress (and
        // its Cancel); betweenness starts the bar again afterwards.
        let communities = find_communities(&network, community_settings, progress)?;
        progress.check()?;
        let betweenness = betweenness(&network, progress)?;
        Ok(Self {
            degree: degrees(&network),
            weighted_degree: weighted_degrees(&network),
            component: components(&network),
            community: communities.membership,
            modularity: communities.modularity,
            community_settings: *community_settings,
            community_count: communities.count,
            betweenness_sampled: network.len() > super::centrality::EXACT_BETWEENNESS_LIMIT,
            betweenness,
            pagerank,
            network,
        })
    }

    /// The value of `metric` for node `i` (categories as numbers).
    pub fn value(&self, metric: Metric, i: usize) -> f64 {
        match metric {
            Metric::Degree => self.degree[i],
            Metric::WeightedDegree => self.weighted_degree[i],
            Metric::Betweenness => self.betweenness[i],
            Metric::PageRank => self.pagerank[i],
            Metric::Component => f64::from(self.component[i]),
            Metric::Community => f64::from(self.community[i]),
        }
    }

    /// One row per actor for printing, sorted by PageRank, highest first.
    pub fn rows(&self, graph: &KnowledgeGraph) -> Vec<MetricRow> {
        let mut rows: Vec<MetricRow> = (0..self.network.len())
            .filter_map(|i| {
                let actor = graph.actor_at(self.network.nodes[i])?;
                Some(MetricRow {
                    id: actor.id().to_string(),
                    label: actor.label.clone(),
                    degree: self.degree[i],
                    weighted_degree: self.weighted_degree[i],
                    betweenness: self.betweenness[i],
                    pagerank: self.pagerank[i],
                    component: self.component[i],
                    community: self.community[i],
                })
            })
            .collect();
        rows.sort_by(|a, b| b.pagerank.total_cmp(&a.pagerank).then_with(|| a.id.cmp(&b.id)));
        rows
    }
}

/// One actor's measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricRow {
    /// Actor id.
    pub id: String,
    /// Actor label.
    pub label: String,
    /// Degree.
    pub degree: f64,
    /// Weighted degree.
    pub weighted_degree: f64,
    /// Betweenness.
    pub betweenness: f64,
    /// PageRank.
    pub pagerank: f64,
    /// Component number.
    pub component: u32,
    /// Community number.
    pub community: u32,
}
