//! Blocks side by side: rows filled left to right, as wide as makes the whole about 16:10.

/// Width to height of the packed whole that rows aim at: a landscape screen.
const ASPECT: f32 = 1.6;

/// The top-left corner of each block (`[width, height]`), in the given order: left to right,
/// `gap` apart, a new row once a row is as wide as a 16:10 whole of the same area would be (or
/// as the widest block). O(k).
pub(super) fn shelves(blocks: &[[f32; 2]], gap: f32) -> Vec<[f32; 2]> {
    let area: f32 = blocks.iter().map(|b| (b[0] + gap) * (b[1] + gap)).sum();
    let widest = blocks.iter().map(|b| b[0]).fold(0.0, f32::max);
    let row_width = (area * ASPECT).sqrt().max(widest);
    let mut corners = Vec::with_capacity(blocks.len());
    let (mut x, mut y, mut row_height) = (0.0f32, 0.0f32, 0.0f32);
    for block in blocks {
        if x > 0.0 && x + block[0] > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        corners.push([x, y]);
        x += block[0] + gap;
        row_height = row_height.max(block[1]);
    }
    corners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_never_overlap_and_rows_wrap() {
        let blocks = vec![[10.0, 10.0]; 16];
        let corners = shelves(&blocks, 2.0);
        for (i, a) in corners.iter().enumerate() {
            for b in corners.iter().skip(i + 1) {
                let apart = (a[0] - b[0]).abs() >= 10.0 || (a[1] - b[1]).abs() >= 10.0;
                assert!(apart, "{a:?} and {b:?} overlap");
            }
        }
        let rows = corners.iter().filter(|c| c[0] == 0.0).count();
        assert!((3..=5).contains(&rows), "16 equal blocks make a landscape of 3 to 5 rows, not {rows}");
    }
}
