//! Hierarchical (layered, Sugiyama-style) layout for graphs whose cooperations have a direction,
//! such as donor → recipient chains: layers from top to bottom, every directed cooperation
//! pointing down except the few reversed to break cycles.
//!
//! Steps, per connected part: cycle removal ([`acyclic`], greedy Eades–Lin–Smyth), layer
//! assignment ([`layering`], longest path then shortened), dummy vertices and crossing
//! reduction ([`ordering`], barycenter sweeps), coordinates ([`placement`], order-keeping
//! least squares towards neighbour medians). Parts are placed side by side, largest first.
//!
//! Undirected cooperations set no direction: in a part that has directed ones, an actor with
//! only undirected cooperations goes to the median layer of its neighbours; a part with none
//! is layered as if each went from the actor with the lower id.

mod acyclic;
mod layering;
mod ordering;
mod placement;

use super::input::Input;
use super::packing::shelves;
use super::pinned::{Clearance, place};
use super::{ArrangeError, Arrangement, Report};
use crate::analysis::progress::Progress;
use crate::model::{CooperationId, KnowledgeGraph};
use ordering::Layered;
use petgraph::stable_graph::EdgeIndex;

/// Options of the hierarchical layout.
#[derive(Clone, Debug, PartialEq)]
pub struct HierarchicalOptions {
    /// Free space between the discs of one layer and the next, in layout units. Default 60.
    pub layer_gap: f32,
    /// Free space between neighbouring discs in a layer. Default 16.
    pub node_gap: f32,
    /// Most rounds of crossing reduction (a sweep down and up each). Default 12.
    pub passes: usize,
}

impl Default for HierarchicalOptions {
    fn default() -> Self {
        Self { layer_gap: 60.0, node_gap: 16.0, passes: 12 }
    }
}

/// What the hierarchical layout did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HierarchicalReport {
    /// Layers of the deepest part.
    pub layers: usize,
    /// Connected parts placed side by side.
    pub parts: usize,
    /// Directed cooperations drawn upwards to break cycles, by id.
    pub reversed: Vec<CooperationId>,
    /// Bends added where cooperations cross layers (dummy vertices).
    pub dummies: usize,
    /// Crossings between neighbouring layers (long cooperations followed through their bends)
    /// in the first order.
    pub crossings_before: u64,
    /// The same after crossing reduction; never more than before.
    pub crossings_after: u64,
}

/// Lays `graph` out in layers from top to bottom along the direction of its cooperations.
/// Discs never overlap. Cost: about O((n + m + d) log n) per crossing-reduction pass, with d
/// the number of layers long cooperations cross.
///
/// # Errors
/// [`ArrangeError::Cancelled`].
pub fn hierarchical(
    graph: &KnowledgeGraph,
    options: &HierarchicalOptions,
    progress: &Progress,
) -> Result<Arrangement, ArrangeError> {
    let input = Input::new(graph);
    let parts = parts(&input);
    progress.start(input.len().max(1));
    let mut report = HierarchicalReport { parts: parts.len(), ..HierarchicalReport::default() };
    let mut pictures: Vec<(Vec<[f64; 2]>, [f64; 4])> = Vec::with_capacity(parts.len());
    for part in &parts {
        progress.check()?;
        let picture = lay_out_part(&input, part, options, progress, &mut report)?;
        progress.advance(part.actors.len());
        pictures.push(picture);
    }
    // Side by side: each part's box (of its discs) moved into a shelf.
    let sizes: Vec<[f32; 2]> = pictures.iter().map(|(_, b)| [(b[2] - b[0]) as f32, (b[3] - b[1]) as f32]).collect();
    let corners = shelves(&sizes, options.layer_gap.max(0.0));
    let mut picture = vec![[0.0f32; 2]; input.len()];
    for ((part, (local, bounds)), corner) in parts.iter().zip(&pictures).zip(&corners) {
        for (&actor, p) in part.actors.iter().zip(local) {
            if let Some(slot) = picture.get_mut(actor) {
                *slot = [(p[0] - bounds[0]) as f32 + corner[0], (p[1] - bounds[1]) as f32 + corner[1]];
            }
        }
    }
    report.reversed.sort();
    let positions = place(&input, picture, Clearance::Keep(options.node_gap.max(0.0)));
    Ok(Arrangement { positions, report: Report::Hierarchical(report) })
}

/// One connected part: its actors (by [`Input`] number, increasing) and its cooperations
/// between them, by number within the part.
struct Part {
    actors: Vec<usize>,
    directed: Vec<(u32, u32, EdgeIndex)>,
    undirected: Vec<(u32, u32)>,
}

/// The connected parts, largest first (ties: the part whose first actor comes first).
fn parts(input: &Input<'_>) -> Vec<Part> {
    let n = input.len();
    let mut part_of = vec![usize::MAX; n];
    let mut parts: Vec<Part> = Vec::new();
    let mut stack = Vec::new();
    for start in 0..n {
        if part_of.get(start).copied() != Some(usize::MAX) {
            continue;
        }
        let number = parts.len();
        let mut actors = Vec::new();
        stack.push(start);
        if let Some(p) = part_of.get_mut(start) {
            *p = number;
        }
        while let Some(v) = stack.pop() {
            actors.push(v);
            for &w in input.neighbours(v) {
                if let Some(p) = part_of.get_mut(w as usize).filter(|p| **p == usize::MAX) {
                    *p = number;
                    stack.push(w as usize);
                }
            }
        }
        actors.sort_unstable();
        parts.push(Part { actors, directed: Vec::new(), undirected: Vec::new() });
    }
    let mut local = vec![0u32; n];
    for part in &parts {
        for (k, &a) in part.actors.iter().enumerate() {
            if let Some(slot) = local.get_mut(a) {
                *slot = k as u32;
            }
        }
    }
    for link in &input.links {
        let (from, to) = (link.from as usize, link.to as usize);
        let (Some(&p), Some(&a), Some(&b)) = (part_of.get(from), local.get(from), local.get(to)) else { continue };
        if let Some(part) = parts.get_mut(p) {
            if link.directed {
                part.directed.push((a, b, link.edge));
            } else {
                part.undirected.push((a, b));
            }
        }
    }
    parts.sort_by_key(|p| (std::cmp::Reverse(p.actors.len()), p.actors.first().copied()));
    parts
}

/// Lays one part out; returns each actor's centre and the box `[x0, y0, x1, y1]` around the
/// discs, and adds its figures to `report`.
fn lay_out_part(
    input: &Input<'_>,
    part: &Part,
    options: &HierarchicalOptions,
    progress: &Progress,
    report: &mut HierarchicalReport,
) -> Result<(Vec<[f64; 2]>, [f64; 4]), ArrangeError> {
    let n = part.actors.len();
    let radius: Vec<f64> =
        part.actors.iter().map(|&a| f64::from(input.radius.get(a).copied().unwrap_or(0.0))).collect();
    // Directions: the directed cooperations (or, in a part without any, the undirected ones
    // from the lower id), with the fewest reversed to break cycles.
    let only_undirected = part.directed.is_empty();
    let arcs: Vec<(u32, u32)> = if only_undirected {
        part.undirected.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect()
    } else {
        part.directed.iter().map(|&(a, b, _)| (a, b)).collect()
    };
    let free: &[(u32, u32)] = if only_undirected { &[] } else { &part.undirected };
    let rank = acyclic::greedy_order(n, &arcs);
    let rank_of = |v: u32| rank.get(v as usize).copied().unwrap_or(0);
    let mut oriented = Vec::with_capacity(arcs.len());
    for (k, &(a, b)) in arcs.iter().enumerate() {
        if rank_of(a) < rank_of(b) {
            oriented.push((a, b));
        } else {
            oriented.push((b, a));
            if let Some(&(_, _, edge)) = part.directed.get(k) {
                report.reversed.extend(input.graph.petgraph().edge_weight(edge).map(|c| c.id().clone()));
            }
        }
    }
    let mut topological: Vec<usize> = (0..n).collect();
    topological.sort_by_key(|&v| rank.get(v).copied());
    let layer = layering::layers(n, &oriented, &topological, free);
    progress.check()?;
    // Every cooperation between different layers, from the upper end.
    let segments: Vec<(u32, u32)> = oriented
        .iter()
        .chain(free)
        .filter_map(|&(a, b)| {
            let (la, lb) = (layer.get(a as usize)?, layer.get(b as usize)?);
            match la.cmp(lb) {
                std::cmp::Ordering::Less => Some((a, b)),
                std::cmp::Ordering::Greater => Some((b, a)),
                std::cmp::Ordering::Equal => None,
            }
        })
        .collect();
    let mut layered = Layered::new(&layer, &segments);
    let (before, after) = layered.reduce_crossings(options.passes, progress)?;
    report.crossings_before += before;
    report.crossings_after += after;
    report.dummies += layered.vertex_count() - n;
    report.layers = report.layers.max(layered.layers.len());
    let x = placement::x_coordinates(&layered, &radius, f64::from(options.node_gap.max(0.0)));
    // Layers top to bottom, as far apart as their largest discs and the gap need.
    let mut layer_y = Vec::with_capacity(layered.layers.len());
    let mut y = 0.0;
    let mut previous_largest: Option<f64> = None;
    for row in &layered.layers {
        let largest = row.iter().filter_map(|&v| radius.get(v as usize)).copied().fold(0.0, f64::max);
        if let Some(above) = previous_largest {
            y += above + largest + f64::from(options.layer_gap.max(0.0));
        }
        layer_y.push(y);
        previous_largest = Some(largest);
    }
    let mut centres = Vec::with_capacity(n);
    let mut bounds = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for v in 0..n {
        let centre = [
            x.get(v).copied().unwrap_or(0.0),
            layer.get(v).and_then(|&l| layer_y.get(l as usize)).copied().unwrap_or(0.0),
        ];
        let r = radius.get(v).copied().unwrap_or(0.0);
        bounds = [
            bounds[0].min(centre[0] - r),
            bounds[1].min(centre[1] - r),
            bounds[2].max(centre[0] + r),
            bounds[3].max(centre[1] + r),
        ];
        centres.push(centre);
    }
    Ok((centres, bounds))
}
