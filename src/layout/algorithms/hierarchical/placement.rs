//! Coordinate assignment: each layer in turn is placed as close as it can be to where its
//! neighbours in the layer before pull it (the median of their x), keeping its order and the
//! room its discs need. For one layer that is a weighted isotonic regression, solved exactly
//! in linear time by pooling adjacent violators; sweeps go down, up, and finally pull from
//! both sides. Dummy vertices pull harder, so long cooperations run straight.

use super::ordering::Layered;

/// Rounds of a sweep down and a sweep up before the final sweep.
const ROUNDS: usize = 4;
/// How strongly a dummy vertex holds to where its segments pull, against an actor's 1.
const DUMMY_WEIGHT: f64 = 4.0;
/// How strongly a vertex with nothing pulling it stays where it is.
const IDLE_WEIGHT: f64 = 0.05;

/// The x of every vertex of `layered` (dummies included); `radius` holds the actors' disc radii
/// (dummies have none). Neighbouring actors in a layer are `gap` apart, a dummy half of that
/// from its neighbours. O(rounds · (n + m + dummies)).
pub(super) fn x_coordinates(layered: &Layered, radius: &[f64], gap: f64) -> Vec<f64> {
    let size = |v: u32| radius.get(v as usize).copied().unwrap_or(0.0);
    let is_real = |v: u32| (v as usize) < layered.real;
    let separation = |a: u32, b: u32| size(a) + size(b) + if is_real(a) && is_real(b) { gap } else { gap / 2.0 };
    let mut x = vec![0f64; layered.vertex_count()];
    for layer in &layered.layers {
        let mut at = 0.0;
        for (k, &v) in layer.iter().enumerate() {
            if k > 0 {
                at += layer.get(k - 1).map_or(0.0, |&u| separation(u, v));
            }
            if let Some(slot) = x.get_mut(v as usize) {
                *slot = at;
            }
        }
        let middle = at / 2.0;
        for &v in layer {
            if let Some(slot) = x.get_mut(v as usize) {
                *slot -= middle;
            }
        }
    }
    let depth = layered.layers.len();
    let mut wanted: Vec<f64> = Vec::new();
    let mut place = |x: &mut Vec<f64>, l: usize, pull: Pull| {
        let Some(layer) = layered.layers.get(l) else { return };
        let mut desired = Vec::with_capacity(layer.len());
        let mut weight = Vec::with_capacity(layer.len());
        for &v in layer {
            let own = x.get(v as usize).copied().unwrap_or(0.0);
            wanted.clear();
            if matches!(pull, Pull::Above | Pull::Both) {
                wanted.extend(layered.above(v as usize).iter().filter_map(|&u| x.get(u as usize)));
            }
            if matches!(pull, Pull::Below | Pull::Both) {
                wanted.extend(layered.below(v as usize).iter().filter_map(|&u| x.get(u as usize)));
            }
            match median(&mut wanted) {
                Some(m) => {
                    desired.push(m);
                    weight.push(if is_real(v) { 1.0 } else { DUMMY_WEIGHT });
                }
                None => {
                    desired.push(own);
                    weight.push(IDLE_WEIGHT);
                }
            }
        }
        let gaps: Vec<f64> = layer.windows(2).map(|w| separation(w[0], w[1])).collect();
        for (&v, value) in layer.iter().zip(ordered_fit(&desired, &weight, &gaps)) {
            if let Some(slot) = x.get_mut(v as usize) {
                *slot = value;
            }
        }
    };
    for _ in 0..ROUNDS {
        for l in 1..depth {
            place(&mut x, l, Pull::Above);
        }
        for l in (0..depth.saturating_sub(1)).rev() {
            place(&mut x, l, Pull::Below);
        }
    }
    for l in 0..depth {
        place(&mut x, l, Pull::Both);
    }
    x
}

/// Which neighbours pull a layer.
#[derive(Clone, Copy)]
enum Pull {
    Above,
    Below,
    Both,
}

/// The median of `values` (the mean of the middle two for an even count), if any.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values.get(n / 2 - 1).copied()? + values.get(n / 2).copied()?) / 2.0),
    }
}

/// The positions closest to `desired` (least squares, by `weight`) that keep their order with
/// `gaps[k]` at least between positions k and k + 1. Subtracting the cumulative gaps turns
/// this into a non-decreasing fit, solved by pooling adjacent violators. O(n).
fn ordered_fit(desired: &[f64], weight: &[f64], gaps: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(desired.len());
    let mut total = 0.0;
    for k in 0..desired.len() {
        if k > 0 {
            total += gaps.get(k - 1).copied().unwrap_or(0.0);
        }
        offset.push(total);
    }
    // Blocks of pooled values: (weight, weighted sum, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for ((d, w), o) in desired.iter().zip(weight).zip(&offset) {
        blocks.push((*w, w * (d - o), 1));
        while blocks.len() >= 2 {
            let (Some(&last), Some(&before)) = (blocks.last(), blocks.get(blocks.len() - 2)) else { break };
            if before.1 / before.0 <= last.1 / last.0 {
                break;
            }
            blocks.truncate(blocks.len() - 2);
            blocks.push((before.0 + last.0, before.1 + last.1, before.2 + last.2));
        }
    }
    let mut fitted = Vec::with_capacity(desired.len());
    for (w, sum, count) in blocks {
        fitted.extend(std::iter::repeat_n(sum / w, count));
    }
    fitted.iter().zip(&offset).map(|(y, o)| y + o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_keeps_order_and_gaps() {
        let fitted = ordered_fit(&[5.0, 0.0, 1.0], &[1.0, 1.0, 1.0], &[2.0, 2.0]);
        assert!(fitted[1] - fitted[0] >= 2.0 - 1e-9 && fitted[2] - fitted[1] >= 2.0 - 1e-9, "{fitted:?}");
        // Unconstrained values that already fit stay where they want to be.
        assert_eq!(ordered_fit(&[0.0, 10.0], &[1.0, 1.0], &[2.0]), vec![0.0, 10.0]);
    }

    #[test]
    fn a_parent_sits_above_the_middle_of_its_children() {
        // 0 above 1, 2, 3.
        let layered = Layered::new(&[0, 1, 1, 1], &[(0, 1), (0, 2), (0, 3)]);
        let x = x_coordinates(&layered, &[4.0; 4], 10.0);
        assert!((x[0] - x[2]).abs() < 1e-6, "{x:?}");
        assert!(x[2] - x[1] >= 18.0 - 1e-9 && x[3] - x[2] >= 18.0 - 1e-9, "{x:?}");
    }
}
