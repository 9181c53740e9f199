//! Groups of actors that circular and grid layouts keep together: by kind or by community.

use super::input::Input;
use crate::analysis::community::{CommunitySettings, find_communities};
use crate::analysis::network::Network;
use crate::analysis::progress::{Cancelled, Progress};
use crate::model::{ActorKind, Kind};

/// A partition of the actors, groups numbered in the order they are shown.
pub(super) struct Groups {
    /// The group of each actor (in [`Input`] order).
    pub of: Vec<u32>,
    /// Each group's name.
    pub names: Vec<String>,
}

/// One group per kind present, in the order of the kinds (as the legend lists them). O(n).
pub(super) fn by_kind(input: &Input<'_>) -> Groups {
    let mut present = vec![false; ActorKind::ALL.len()];
    for actor in &input.actors {
        if let Some(slot) = present.get_mut(actor.kind.index()) {
            *slot = true;
        }
    }
    let mut number = vec![u32::MAX; ActorKind::ALL.len()];
    let mut names = Vec::new();
    for (kind, slot) in ActorKind::ALL.iter().zip(&mut number) {
        if present.get(kind.index()).copied().unwrap_or(false) {
            *slot = names.len() as u32;
            names.push(kind.label());
        }
    }
    let of = input.actors.iter().map(|a| number.get(a.kind.index()).copied().unwrap_or(0)).collect();
    Groups { of, names }
}

/// One group per community, largest first (ties: the one whose first actor comes first by id),
/// named "Community 1", "Community 2" … O(n log n) plus community detection.
///
/// # Errors
/// [`Cancelled`] once `progress` is cancelled.
pub(super) fn by_community(input: &Input<'_>, progress: &Progress) -> Result<Groups, Cancelled> {
    let membership = communities(input, progress)?;
    let count = membership.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut size = vec![0usize; count];
    let mut first = vec![usize::MAX; count];
    for (i, &c) in membership.iter().enumerate() {
        if let (Some(s), Some(f)) = (size.get_mut(c as usize), first.get_mut(c as usize)) {
            *s += 1;
            *f = (*f).min(i);
        }
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size.get(c).copied().unwrap_or(0)), first.get(c).copied()));
    let mut number = vec![0u32; count];
    for (rank, c) in order.iter().enumerate() {
        if let Some(slot) = number.get_mut(*c) {
            *slot = rank as u32;
        }
    }
    let of = membership.iter().map(|&c| number.get(c as usize).copied().unwrap_or(0)).collect();
    let names = (1..=count).map(|k| format!("Community {k}")).collect();
    Ok(Groups { of, names })
}

/// The community of each actor (in [`Input`] order), by the community detection the Explore
/// panel and `kgx stats --metrics` use — the one place the layouts call it. Actors are numbered
/// by id, so the result does not depend on the order they were added in (for a graph read from
/// a file, which kgx writes sorted by id, it is the Explore panel's partition).
fn communities(input: &Input<'_>, progress: &Progress) -> Result<Vec<u32>, Cancelled> {
    let edges: Vec<(u32, u32, f64)> = input.links.iter().map(|l| (l.from, l.to, l.weight)).collect();
    let network = Network::from_edges(input.len(), &edges);
    Ok(find_communities(&network, &CommunitySettings::default(), progress)?.membership)
}
