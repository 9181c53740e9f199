//! Layout parameters, all in one place with their defaults.

use crate::model::ForceSettings;

/// Seed of the layout's random placement everywhere kgx lays out (window, `kgx layout`,
/// pictures): a graph always gets the same picture.
pub const LAYOUT_SEED: u64 = 42;

/// Parameters of the ForceAtlas2 layout. `Default` is tuned to look good on the seed graph and to
/// settle quickly on large graphs.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutParams {
    /// Strength of repulsion between every pair of nodes (FA2 `kr`). Larger spreads the graph:
    /// edge lengths grow with its square root. Default 5.
    pub scaling_ratio: f32,
    /// Pull towards the origin that keeps disconnected parts from drifting away: components sit
    /// about `kr · mass / gravity` apart. Default 2.5, so the seed graph's small components stay
    /// near the main one.
    pub gravity: f32,
    /// Gravity grows with distance instead of being constant: a rounder, more compact layout.
    /// Default off.
    pub strong_gravity: bool,
    /// Attraction grows with the logarithm of distance: tighter, more separated clusters.
    /// Default off.
    pub lin_log: bool,
    /// How much edge weights count: attraction is multiplied by `weight^influence` (0 ignores
    /// weights). Default 1.
    pub edge_weight_influence: f32,
    /// Divide a node's attraction by its mass so hubs sit at the periphery of their neighbours
    /// (FA2 "dissuade hubs"). Default off.
    pub dissuade_hubs: bool,
    /// Keep nodes' drawn discs from overlapping, using each node's radius. Default on.
    pub prevent_overlap: bool,
    /// Overlap prevention is skipped on graphs with more nodes than this: there the discs are
    /// smaller than a pixel when the whole graph is in view, the dense core cannot be packed
    /// without overlap anyway, and removing overlaps would cost more than the layout. Default 5000.
    pub overlap_node_limit: usize,
    /// Barnes–Hut accuracy: a cell of side `s` at distance `d` is approximated when
    /// `s / d < theta`. 0 is exact; 1 is fast with ~1% force error. Default 1.
    pub theta: f32,
    /// Graphs with at most this many nodes use exact pairwise repulsion. Default 256.
    pub exact_below: usize,
    /// Longest step a node may take in one iteration, in multiples of its radius. Default 10.
    pub max_step_factor: f32,
    /// FA2 jitter tolerance: how much swinging is accepted before slowing down. Default 1.
    pub jitter_tolerance: f32,
    /// The layout counts as settled when the mean step of a node stays below this fraction of the
    /// layout's radius for [`Self::calm_iterations`] iterations. Default 0.0015.
    pub settle_tolerance: f32,
    /// Cooling begins once the mean step falls below this fraction of the layout's radius: the
    /// shape has formed and only fine adjustment (and jitter) remains. Default 0.01.
    pub cooling_start: f32,
    /// Each cooling iteration multiplies the step by this. Default 0.97 (≈ 100 iterations to rest).
    pub cooling_rate: f32,
    /// The cooling rate after a multilevel start, which begins cooling at once: its shape is
    /// already formed and only needs polishing. Default 0.95.
    pub polish_cooling_rate: f32,
    /// See [`Self::settle_tolerance`]. Default 10.
    pub calm_iterations: u32,
    /// Stop (settle) after this many iterations whatever the movement. Default 3000.
    pub max_iterations: u64,
    /// A layout started from scratch on a graph with at least this many nodes begins with a
    /// multilevel start (coarsen, lay out the coarse graph, refine level by level), which
    /// settles several times sooner; `usize::MAX` turns it off. Default 2000.
    pub multilevel_above: usize,
}

impl Default for LayoutParams {
    /// The four settings a document can change come from [`ForceSettings::DEFAULT`].
    fn default() -> Self {
        let force = ForceSettings::DEFAULT;
        Self {
            scaling_ratio: force.scaling,
            gravity: force.gravity,
            strong_gravity: false,
            lin_log: force.lin_log,
            edge_weight_influence: 1.0,
            dissuade_hubs: false,
            prevent_overlap: force.prevent_overlap,
            overlap_node_limit: 5000,
            theta: 1.0,
            exact_below: 256,
            max_step_factor: 10.0,
            jitter_tolerance: 1.0,
            settle_tolerance: 0.0015,
            cooling_start: 0.01,
            cooling_rate: 0.97,
            polish_cooling_rate: 0.95,
            calm_iterations: 10,
            max_iterations: 3000,
            multilevel_above: 2000,
        }
    }
}

impl LayoutParams {
    /// The parameters for a document with these force settings (its `metadata.force`): the
    /// defaults, with scaling, gravity, LinLog and overlap prevention as the document says.
    pub fn with_settings(settings: &ForceSettings) -> Self {
        Self {
            scaling_ratio: settings.scaling,
            gravity: settings.gravity,
            lin_log: settings.lin_log,
            prevent_overlap: settings.prevent_overlap,
            ..Self::default()
        }
    }

    /// The document settings these parameters carry (the inverse of [`Self::with_settings`]).
    pub fn settings(&self) -> ForceSettings {
        ForceSettings {
            scaling: self.scaling_ratio,
            gravity: self.gravity,
            lin_log: self.lin_log,
            prevent_overlap: self.prevent_overlap,
        }
    }

    /// Whether overlap prevention applies to a graph of `node_count` nodes.
    pub fn removes_overlaps(&self, node_count: usize) -> bool {
        self.prevent_overlap && node_count <= self.overlap_node_limit
    }
}

/// The radius of a node's disc in layout units, from its degree: what overlap prevention keeps
/// apart and what the canvas draws, so both agree.
pub fn node_radius(degree: usize) -> f32 {
    4.0 + 2.0 * (degree as f32).sqrt()
}
