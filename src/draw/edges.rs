//! How cooperations are drawn, for the canvas and for pictures alike: a lone cooperation as a
//! straight line, a few between the same two actors as separate curves, more than
//! [`BUNDLE_ABOVE`] as one bundle with a count (never a fan), a cooperation of an actor with
//! itself as a small loop.

/// Above this many cooperations between the same two actors (or of one actor with itself), they
/// are drawn as one bundle with a count.
pub const BUNDLE_ABOVE: usize = 3;

/// How far a curve bows sideways, per lane, as a fraction of its length.
pub const CURVE_BEND: f32 = 0.22;

/// How one cooperation is drawn among those between the same two actors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lane {
    /// Its own line: straight at 0, else a curve bowed this many lanes to one side (measured
    /// from the lower-numbered actor, so reversed cooperations agree); for a loop, its size.
    Curve(f32),
    /// The one line drawn for all `count` cooperations between these two actors.
    Bundle(u32),
    /// Drawn by its bundle.
    Bundled,
}

impl Lane {
    /// Whether this cooperation draws a line of its own (alone, a curve or a bundle).
    pub fn is_drawn(self) -> bool {
        !matches!(self, Lane::Bundled)
    }

    /// Whether it is a straight line (alone, or a bundle).
    pub fn is_straight(self) -> bool {
        match self {
            Lane::Curve(lane) => lane == 0.0,
            Lane::Bundle(_) => true,
            Lane::Bundled => false,
        }
    }

    /// How many cooperations the line stands for.
    pub fn count(self) -> u32 {
        match self {
            Lane::Bundle(n) => n,
            Lane::Curve(_) => 1,
            Lane::Bundled => 0,
        }
    }
}

/// The lane of each cooperation, given its two ends (engine nodes or any numbering), in input
/// order. Cooperations between the same two actors in either direction share a group; the first
/// of a group of more than [`BUNDLE_ABOVE`] draws the bundle. O(m log m).
pub fn lanes(ends: &[(u32, u32)]) -> Vec<Lane> {
    let mut lanes = vec![Lane::Curve(0.0); ends.len()];
    let mut pairs: Vec<(u64, u32)> = ends
        .iter()
        .enumerate()
        .map(|(k, &(a, b))| ((u64::from(a.min(b)) << 32) | u64::from(a.max(b)), k as u32))
        .collect();
    // Sorted by pair, then by input order: parallel cooperations sit together, in order.
    pairs.sort_unstable();
    for members in pairs.chunk_by(|a, b| a.0 == b.0) {
        let loops = ends.get(members[0].1 as usize).is_some_and(|(a, b)| a == b);
        if members.len() > BUNDLE_ABOVE {
            for (k, &(_, e)) in members.iter().enumerate() {
                lanes[e as usize] = if k == 0 { Lane::Bundle(members.len() as u32) } else { Lane::Bundled };
            }
        } else if loops {
            for (k, &(_, e)) in members.iter().enumerate() {
                lanes[e as usize] = Lane::Curve(k as f32);
            }
        } else if members.len() > 1 {
            let middle = (members.len() - 1) as f32 / 2.0;
            for (k, &(_, e)) in members.iter().enumerate() {
                let (a, b) = ends[e as usize];
                let flip = if a <= b { 1.0 } else { -1.0 };
                lanes[e as usize] = Lane::Curve((k as f32 - middle) * flip);
            }
        }
    }
    lanes
}

/// The control point of a cooperation's quadratic curve from `a` to `b` in `lane` (the middle
/// of the segment for a straight one).
pub fn control_point(a: [f32; 2], b: [f32; 2], lane: f32) -> [f32; 2] {
    let d = [b[0] - a[0], b[1] - a[1]];
    let normal = [-d[1], d[0]];
    [a[0] + d[0] * 0.5 + normal[0] * CURVE_BEND * lane, a[1] + d[1] * 0.5 + normal[1] * CURVE_BEND * lane]
}

/// A point of the quadratic curve from `a` through `control` to `b`, at `t` in 0–1.
pub fn curve_at(a: [f32; 2], control: [f32; 2], b: [f32; 2], t: f32) -> [f32; 2] {
    let (u, v, w) = ((1.0 - t) * (1.0 - t), 2.0 * t * (1.0 - t), t * t);
    [a[0] * u + control[0] * v + b[0] * w, a[1] * u + control[1] * v + b[1] * w]
}

/// The circle a loop is drawn as on a node at `centre` of `radius` (drawn size): above the
/// node, touching it, a little larger per lane. Returns the circle's centre and radius.
pub fn loop_circle(centre: [f32; 2], radius: f32, lane: f32) -> ([f32; 2], f32) {
    let r = radius.max(4.0) * (0.7 + 0.35 * lane.abs());
    ([centre[0], centre[1] - radius.max(4.0) * 0.6 - r], r)
}

/// How much wider a bundle of `count` cooperations is drawn than one.
pub fn bundle_width(count: u32) -> f32 {
    1.0 + (count.max(1) as f32).log2() * 0.5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_parallels_get_symmetric_lanes_and_many_become_one_bundle() {
        let ends = [(0, 1), (1, 0), (0, 1), (2, 3), (4, 5), (4, 5), (4, 5), (5, 4), (4, 5), (6, 6), (6, 6)];
        let lanes = lanes(&ends);
        assert_eq!(lanes[3], Lane::Curve(0.0), "a lone cooperation is straight");
        // Three between 0 and 1: lanes -1, 0, 1 measured from actor 0 (the reversed one flips).
        assert_eq!(&lanes[0..3], &[Lane::Curve(-1.0), Lane::Curve(-0.0), Lane::Curve(1.0)]);
        assert_eq!(lanes[4], Lane::Bundle(5), "five between 4 and 5: one bundle");
        assert!(lanes[5..9].iter().all(|l| *l == Lane::Bundled));
        assert_eq!(&lanes[9..11], &[Lane::Curve(0.0), Lane::Curve(1.0)], "two loops of different sizes");
        let drawn: u32 = lanes.iter().map(|l| l.count()).sum();
        assert_eq!(drawn as usize, ends.len(), "every cooperation is counted once");
    }

    #[test]
    fn curves_bow_to_opposite_sides_and_loops_sit_above_their_node() {
        let (a, b) = ([0.0, 0.0], [100.0, 0.0]);
        assert_eq!(control_point(a, b, 0.0), [50.0, 0.0]);
        assert!(control_point(a, b, 1.0)[1] > 0.0 && control_point(a, b, -1.0)[1] < 0.0);
        assert_eq!(curve_at(a, control_point(a, b, 1.0), b, 1.0), b);
        let (centre, r) = loop_circle([10.0, 10.0], 8.0, 0.0);
        assert!(centre[1] + r <= 10.0 && centre[1] + r > 10.0 - 8.0, "it touches the node from above");
    }
}
