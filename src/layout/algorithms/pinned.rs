//! From an algorithm's picture to positions: the picture is moved so that pinned actors' places
//! in it fall on where they are pinned (or centred on the origin when nothing is pinned), pinned
//! actors keep their positions, and — where the algorithm keeps discs apart — a free actor
//! whose disc would touch a pinned one moves to the nearest free spot.

use super::discs::DiscIndex;
use super::input::Input;
use crate::model::{ActorId, MAX_COORDINATE};

/// Whether free actors must keep clear of pinned ones.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Clearance {
    /// Move free actors off pinned actors' discs, keeping `gap` between discs.
    Keep(f32),
    /// Leave overlaps (a map puts places where they are).
    Ignore,
}

/// The final positions of the free actors, sorted by id, from `picture` (one place per actor,
/// in the algorithm's own frame). O(n) expected.
pub(super) fn place(input: &Input<'_>, picture: Vec<[f32; 2]>, clearance: Clearance) -> Vec<(ActorId, [f32; 2])> {
    place_shifted(input, picture, clearance).0
}

/// As [`place`], also returning how far the picture was moved.
pub(super) fn place_shifted(
    input: &Input<'_>,
    mut picture: Vec<[f32; 2]>,
    clearance: Clearance,
) -> (Vec<(ActorId, [f32; 2])>, [f32; 2]) {
    let shift = shift(input, &picture);
    for (i, p) in picture.iter_mut().enumerate() {
        *p = match input.fixed.get(i).copied().flatten() {
            Some(pinned) => pinned,
            None => [p[0] + shift[0], p[1] + shift[1]].map(|v| v.clamp(-MAX_COORDINATE, MAX_COORDINATE)),
        };
    }
    let any_pinned = input.fixed.iter().any(Option::is_some);
    if let (Clearance::Keep(gap), true) = (clearance, any_pinned) {
        clear_pinned(input, &mut picture, gap);
    }
    let positions = input
        .actors
        .iter()
        .zip(&picture)
        .zip(&input.fixed)
        .filter(|(_, fixed)| fixed.is_none())
        .map(|((actor, p), _)| (actor.id().clone(), *p))
        .collect();
    (positions, shift)
}

/// How far to move the picture: the mean of pinned actors' positions less their places, or
/// what centres the picture's bounding box on the origin.
fn shift(input: &Input<'_>, picture: &[[f32; 2]]) -> [f32; 2] {
    let (mut sum, mut count) = ([0.0f64; 2], 0usize);
    for (fixed, p) in input.fixed.iter().zip(picture) {
        if let Some(f) = fixed {
            sum[0] += f64::from(f[0]) - f64::from(p[0]);
            sum[1] += f64::from(f[1]) - f64::from(p[1]);
            count += 1;
        }
    }
    if count > 0 {
        return [(sum[0] / count as f64) as f32, (sum[1] / count as f64) as f32];
    }
    let mut min = [f32::INFINITY; 2];
    let mut max = [f32::NEG_INFINITY; 2];
    for p in picture {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    if picture.is_empty() { [0.0; 2] } else { [-(min[0] + max[0]) / 2.0, -(min[1] + max[1]) / 2.0] }
}

/// Moves every free actor whose disc comes within `gap` of a pinned actor's to the nearest spot
/// clear of all discs. Free actors the algorithm kept apart stay apart.
fn clear_pinned(input: &Input<'_>, at: &mut [[f32; 2]], gap: f32) {
    let mut index = DiscIndex::new(&input.radius, gap);
    for (i, p) in at.iter().enumerate() {
        index.insert(i, *p);
    }
    let is_pinned = |j: usize| input.fixed.get(j).is_some_and(Option::is_some);
    for i in 0..at.len() {
        if is_pinned(i) {
            continue;
        }
        let (Some(p), Some(r)) = (at.get(i).copied(), input.radius.get(i).copied()) else { continue };
        if !index.touching(p, r, i, at).into_iter().any(is_pinned) {
            continue;
        }
        index.remove(i, p);
        let spot = index.free_spot(p, r, i, at);
        if let Some(slot) = at.get_mut(i) {
            *slot = spot;
        }
        index.insert(i, spot);
    }
}
