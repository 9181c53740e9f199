//! Which actor labels show and where: one set of rules for the canvas and for pictures.
//!
//! Labels go by importance. A label the person is looking at (hovered, selected) always shows;
//! important ones (on a path, a hovered actor's neighbours) and the few most important by rank
//! may cover lesser nodes; every other label shows where it covers no node. No label ever covers
//! another, a reserved area (where a tooltip shows) or leaves the picture. Each label tries a few
//! places around its node, under it first, so a crowded picture keeps more of its labels without
//! moving a single node. O(n) per placement with a uniform grid, after the O(n log n) ranking.

/// A rectangle in screen or picture units: min x, min y, max x, max y.
pub type Rect = [f32; 4];

/// Gap between a node's disc and its label.
pub const LABEL_GAP: f32 = 2.0;

/// How many of the most important labelled actors may cover lesser nodes.
pub const ALWAYS_LABELLED: usize = 12;

/// How much a label matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Hovered or selected: always shown, kept inside the picture, over anything but labels
    /// placed before it.
    Forced,
    /// On a path or next to the hovered actor: may cover lesser nodes.
    Important,
    /// The rest, by rank: the first [`ALWAYS_LABELLED`] may cover lesser nodes.
    Ranked,
}

/// An actor that wants a label, in the order labels are placed (most important first).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// Who it is (the caller's index, e.g. the engine node).
    pub node: u32,
    /// The centre of its disc.
    pub centre: [f32; 2],
    /// The radius of its disc.
    pub radius: f32,
    /// The label's width and height, its plate included.
    pub size: [f32; 2],
    /// How much it matters.
    pub priority: Priority,
}

/// Where a label goes relative to its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Centred under the disc: the first choice, so a label is read as its node's.
    Below,
    /// Centred above the disc.
    Above,
    /// To the right, vertically centred.
    Right,
    /// To the left, vertically centred.
    Left,
    /// Below, starting at the disc's right side.
    BelowRight,
    /// Below, ending at the disc's left side.
    BelowLeft,
    /// Above, starting at the disc's right side.
    AboveRight,
    /// Above, ending at the disc's left side.
    AboveLeft,
}

/// The places a label tries, in order: centred under or over its node first, beside it, then at
/// its corners.
const ANCHORS: [Anchor; 8] = [
    Anchor::Below,
    Anchor::Above,
    Anchor::Right,
    Anchor::Left,
    Anchor::BelowRight,
    Anchor::BelowLeft,
    Anchor::AboveRight,
    Anchor::AboveLeft,
];

/// A label that was placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Who it labels.
    pub node: u32,
    /// Where it is.
    pub rect: Rect,
    /// On which side of the node.
    pub anchor: Anchor,
}

/// The label's rectangle at `anchor` around a disc.
pub fn label_rect(centre: [f32; 2], radius: f32, [w, h]: [f32; 2], anchor: Anchor) -> Rect {
    let [x, y] = centre;
    let reach = radius + LABEL_GAP;
    match anchor {
        Anchor::Below => [x - w / 2.0, y + reach, x + w / 2.0, y + reach + h],
        Anchor::Above => [x - w / 2.0, y - reach - h, x + w / 2.0, y - reach],
        Anchor::Right => [x + reach, y - h / 2.0, x + reach + w, y + h / 2.0],
        Anchor::Left => [x - reach - w, y - h / 2.0, x - reach, y + h / 2.0],
        // Corners: the label's near corner touches the disc's bounding box diagonally.
        Anchor::BelowRight => {
            [x + radius * 0.7, y + radius * 0.7 + LABEL_GAP, x + radius * 0.7 + w, y + radius * 0.7 + LABEL_GAP + h]
        }
        Anchor::BelowLeft => {
            [x - radius * 0.7 - w, y + radius * 0.7 + LABEL_GAP, x - radius * 0.7, y + radius * 0.7 + LABEL_GAP + h]
        }
        Anchor::AboveRight => {
            [x + radius * 0.7, y - radius * 0.7 - LABEL_GAP - h, x + radius * 0.7 + w, y - radius * 0.7 - LABEL_GAP]
        }
        Anchor::AboveLeft => {
            [x - radius * 0.7 - w, y - radius * 0.7 - LABEL_GAP - h, x - radius * 0.7, y - radius * 0.7 - LABEL_GAP]
        }
    }
}

/// Whether two rectangles overlap (touching edges do not).
pub fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(outer: &Rect, inner: &Rect) -> bool {
    inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3]
}

/// Rectangles already taken (labels, discs, a tooltip), each with an owner, in a uniform grid so
/// overlap checks look only nearby.
pub struct Occupied {
    origin: [f32; 2],
    cell: f32,
    cells: std::collections::HashMap<(i32, i32), Vec<u32>>,
    rects: Vec<(Rect, u32)>,
}

impl Occupied {
    /// An empty grid over a picture starting at `origin`, in cells of `cell` units.
    pub fn new(origin: [f32; 2], cell: f32) -> Self {
        Self { origin, cell: cell.max(1.0), cells: std::collections::HashMap::new(), rects: Vec::new() }
    }

    fn span(&self, r: &Rect) -> (std::ops::RangeInclusive<i32>, std::ops::RangeInclusive<i32>) {
        let cell = |v: f32, o: f32| ((v - o) / self.cell).floor().clamp(-1.0e6, 1.0e6) as i32;
        (
            cell(r[0], self.origin[0])..=cell(r[2], self.origin[0]),
            cell(r[1], self.origin[1])..=cell(r[3], self.origin[1]),
        )
    }

    /// Takes `rect` for `owner`.
    pub fn insert(&mut self, rect: Rect, owner: u32) {
        let id = self.rects.len() as u32;
        self.rects.push((rect, owner));
        let (xs, ys) = self.span(&rect);
        // A huge rectangle (a node filling the view) would touch thousands of cells: cap it.
        if xs.clone().count() * ys.clone().count() > 4096 {
            self.cells.entry((i32::MIN, i32::MIN)).or_default().push(id);
            return;
        }
        for y in ys {
            for x in xs.clone() {
                self.cells.entry((x, y)).or_default().push(id);
            }
        }
    }

    /// Whether `rect` overlaps a taken rectangle whose owner is not `except`.
    pub fn hits(&self, rect: &Rect, except: Option<u32>) -> bool {
        let check = |ids: &Vec<u32>| {
            ids.iter().any(|&k| {
                let (other, owner) = &self.rects[k as usize];
                Some(*owner) != except && overlaps(rect, other)
            })
        };
        if self.cells.get(&(i32::MIN, i32::MIN)).is_some_and(check) {
            return true;
        }
        let (xs, ys) = self.span(rect);
        ys.flat_map(|y| xs.clone().map(move |x| (x, y))).any(|c| self.cells.get(&c).is_some_and(check))
    }
}

/// Places labels for `candidates`, most important first, inside `area`, avoiding `reserved` and
/// (for labels that may not cover nodes) the discs of `discs` (centre, radius, owner). At most
/// `limit` labels are placed. Returns them and the area they (and `reserved`) take, for what is
/// placed after them (cooperation labels). O(n + m) expected for n candidates and m discs.
pub fn place_labels(
    candidates: &[Candidate],
    discs: &[([f32; 2], f32, u32)],
    area: Rect,
    reserved: Option<Rect>,
    limit: usize,
) -> (Vec<Placed>, Occupied) {
    let typical = candidates.iter().map(|c| c.size[0]).fold(0.0f32, f32::max).clamp(16.0, 160.0);
    let mut labels = Occupied::new([area[0], area[1]], typical);
    if let Some(reserved) = reserved {
        labels.insert(reserved, u32::MAX);
    }
    let mut nodes = Occupied::new([area[0], area[1]], typical);
    for &([x, y], r, owner) in discs {
        nodes.insert([x - r, y - r, x + r, y + r], owner);
    }
    let mut placed = Vec::new();
    let mut ranked = 0;
    for candidate in candidates {
        if placed.len() >= limit {
            break;
        }
        let may_cover_nodes = match candidate.priority {
            Priority::Forced | Priority::Important => true,
            Priority::Ranked => {
                ranked += 1;
                ranked <= ALWAYS_LABELLED
            }
        };
        let fits = |rect: &Rect| {
            inside(&area, rect)
                && !labels.hits(rect, None)
                && (may_cover_nodes || !nodes.hits(rect, Some(candidate.node)))
        };
        let rect_at = |anchor| label_rect(candidate.centre, candidate.radius, candidate.size, anchor);
        let chosen = ANCHORS.iter().map(|&a| (a, rect_at(a))).find(|(_, r)| fits(r)).or_else(|| {
            // A forced label shows anyway: under its node, kept inside the picture.
            (candidate.priority == Priority::Forced).then(|| (Anchor::Below, clamp_into(rect_at(Anchor::Below), &area)))
        });
        if let Some((anchor, rect)) = chosen {
            labels.insert(rect, candidate.node);
            placed.push(Placed { node: candidate.node, rect, anchor });
        }
    }
    (placed, labels)
}

/// `rect` moved (not resized) to lie inside `area` where it can.
fn clamp_into(rect: Rect, area: &Rect) -> Rect {
    let dx = (area[0] - rect[0]).max(0.0) + (area[2] - rect[2]).min(0.0);
    let dy = (area[1] - rect[1]).max(0.0) + (area[3] - rect[3]).min(0.0);
    [rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(node: u32, centre: [f32; 2], priority: Priority) -> Candidate {
        Candidate { node, centre, radius: 5.0, size: [60.0, 14.0], priority }
    }

    const AREA: Rect = [0.0, 0.0, 800.0, 600.0];

    #[test]
    fn labels_never_overlap_and_a_crowded_one_moves_around_its_node() {
        // Two nodes one above the other: the upper one's label goes under it, where the lower
        // one's would go too; the lower one's label takes another side.
        let nodes = [candidate(0, [100.0, 100.0], Priority::Ranked), candidate(1, [100.0, 112.0], Priority::Ranked)];
        let (placed, _) = place_labels(&nodes, &[], AREA, None, 100);
        assert_eq!(placed.len(), 2);
        assert!(!overlaps(&placed[0].rect, &placed[1].rect));
        assert_eq!(placed[0].anchor, Anchor::Below);
        assert_ne!(placed[1].anchor, Anchor::Below, "the second label found another side");
    }

    #[test]
    fn lesser_labels_keep_off_other_nodes_and_top_ones_may_cover_them() {
        let discs = [([100.0, 100.0], 5.0, 0), ([100.0, 125.0], 8.0, 1)];
        // Node 0's label below would cover node 1's disc.
        let mut many: Vec<Candidate> = (0..ALWAYS_LABELLED as u32)
            .map(|k| {
                candidate(10 + k, [400.0 + 70.0 * (k % 4) as f32, 300.0 + 40.0 * (k / 4) as f32], Priority::Ranked)
            })
            .collect();
        many.push(candidate(0, [100.0, 100.0], Priority::Ranked));
        let (placed, _) = place_labels(&many, &discs, AREA, None, 100);
        let zero = placed.iter().find(|p| p.node == 0).expect("placed on another side");
        assert!(!overlaps(&zero.rect, &[92.0, 117.0, 108.0, 133.0]), "it does not cover node 1");
        let (top, _) = place_labels(&[candidate(0, [100.0, 100.0], Priority::Ranked)], &discs, AREA, None, 100);
        assert_eq!(top[0].anchor, Anchor::Below, "a top label stays under its node even over a lesser one");
    }

    #[test]
    fn a_forced_label_always_shows_inside_the_picture_and_others_avoid_the_reserved_area() {
        let reserved = [0.0, 0.0, 800.0, 600.0];
        let (placed, _) = place_labels(
            &[candidate(0, [790.0, 590.0], Priority::Forced), candidate(1, [300.0, 300.0], Priority::Ranked)],
            &[],
            AREA,
            Some(reserved),
            100,
        );
        assert_eq!(placed.len(), 1, "only the forced label shows over the reserved area");
        assert!(inside(&AREA, &placed[0].rect));
    }
}
