//! Compressed sparse row adjacency: each node's neighbours in one contiguous slice.

/// Undirected adjacency in CSR form. Each edge appears in both endpoints' rows; self-loops are
/// dropped (they exert no force).
#[derive(Clone, Debug, Default)]
pub struct Csr {
    /// `offsets[i]..offsets[i + 1]` indexes node `i`'s row.
    pub offsets: Vec<u32>,
    /// Neighbour of each row entry.
    pub targets: Vec<u32>,
    /// Weight of each row entry.
    pub weights: Vec<f32>,
}

impl Csr {
    /// Builds the adjacency of `node_count` nodes from weighted edges. O(n + m).
    pub fn new(node_count: usize, edges: impl Iterator<Item = (u32, u32, f32)> + Clone) -> Self {
        let mut degree = vec![0u32; node_count + 1];
        for (a, b, _) in edges.clone() {
            if a != b {
                degree[a as usize + 1] += 1;
                degree[b as usize + 1] += 1;
            }
        }
        for i in 1..degree.len() {
            degree[i] += degree[i - 1];
        }
        let offsets = degree;
        let total = offsets[node_count] as usize;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; total];
        let mut weights = vec![0f32; total];
        for (a, b, w) in edges {
            if a == b {
                continue;
            }
            for (from, to) in [(a, b), (b, a)] {
                let slot = fill[from as usize] as usize;
                targets[slot] = to;
                weights[slot] = w;
                fill[from as usize] += 1;
            }
        }
        Self { offsets, targets, weights }
    }

    /// Number of neighbours of node `i` (edges counted with multiplicity).
    pub fn degree(&self, i: usize) -> usize {
        (self.offsets[i + 1] - self.offsets[i]) as usize
    }

    /// Node `i`'s neighbours and edge weights.
    pub fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let range = self.offsets[i] as usize..self.offsets[i + 1] as usize;
        (&self.targets[range.clone()], &self.weights[range])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_list_both_directions_and_drop_self_loops() {
        let edges = [(0u32, 1u32, 1.0f32), (1, 2, 2.0), (2, 2, 5.0)];
        let csr = Csr::new(3, edges.iter().copied());
        assert_eq!(csr.row(0), (&[1u32][..], &[1.0f32][..]));
        assert_eq!(csr.row(1).0, &[0, 2]);
        assert_eq!(csr.row(2), (&[1u32][..], &[2.0f32][..]));
        assert_eq!(csr.degree(1), 2);
    }
}
