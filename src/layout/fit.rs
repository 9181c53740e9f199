//! Fitting a picture into a viewport: the zoom at which every node's disc, and optionally its
//! label, is inside a screen rectangle with a margin. One rule for the window's Fit, the label
//! room a layout makes, and pictures.

/// A screen area a picture is fitted into.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Width and height in screen points.
    pub size: [f32; 2],
    /// Room kept free along each side, in screen points.
    pub margin: f32,
    /// The largest node radius on screen a fit may zoom to, so a tiny graph is not blown up.
    pub max_radius: f32,
}

/// Gap between a node's disc and its label, in screen points.
pub const LABEL_GAP: f32 = 2.0;

/// The zoom and the layout point to centre that fit every node for which `shown` holds, with
/// labels of `labels[i]` screen points centred under each disc when given. `None` if nothing is
/// shown. Labels keep their size on screen, so in layout units they shrink as the zoom grows: a
/// few passes find a zoom at which discs and labels fit together. O(n) per pass.
pub fn fit(
    xs: &[f32],
    ys: &[f32],
    radii: &[f32],
    labels: Option<&[[f32; 2]]>,
    viewport: Viewport,
    shown: impl Fn(usize) -> bool,
) -> Option<(f32, [f32; 2])> {
    let n = xs.len().min(ys.len()).min(radii.len());
    let mut nodes: Option<[f32; 4]> = None;
    let mut largest = 0.0f32;
    for i in (0..n).filter(|&i| shown(i)) {
        let (x, y, r) = (xs[i], ys[i], radii[i]);
        largest = largest.max(r);
        nodes = Some(union(nodes, [x - r, y - r, x + r, y + r]));
    }
    let nodes = nodes?;
    let zoom_for = |rect: [f32; 4]| {
        let span = [(rect[2] - rect[0]).max(1e-3), (rect[3] - rect[1]).max(1e-3)];
        let room = [
            (viewport.size[0] - 2.0 * viewport.margin).max(10.0),
            (viewport.size[1] - 2.0 * viewport.margin).max(10.0),
        ];
        let zoom = (room[0] / span[0]).min(room[1] / span[1]);
        let zoom = if largest > 0.0 { zoom.min(viewport.max_radius / largest) } else { zoom };
        zoom.clamp(MIN_ZOOM, MAX_ZOOM)
    };
    let centre = |rect: [f32; 4]| [(rect[0] + rect[2]) / 2.0, (rect[1] + rect[3]) / 2.0];
    let mut zoom = zoom_for(nodes);
    let mut rect = nodes;
    if let Some(labels) = labels {
        for _ in 0..3 {
            rect = nodes;
            for i in (0..n).filter(|&i| shown(i)) {
                let Some([w, h]) = labels.get(i).copied() else { continue };
                let top = ys[i] + radii[i] + LABEL_GAP / zoom;
                rect = union(Some(rect), [xs[i] - w / 2.0 / zoom, top, xs[i] + w / 2.0 / zoom, top + h / zoom]);
            }
            zoom = zoom_for(rect);
        }
    }
    Some((zoom, centre(rect)))
}

/// Zoom limits, in screen points per layout unit.
pub const MIN_ZOOM: f32 = 1e-4;
/// See [`MIN_ZOOM`].
pub const MAX_ZOOM: f32 = 50.0;

fn union(a: Option<[f32; 4]>, b: [f32; 4]) -> [f32; 4] {
    match a {
        None => b,
        Some(a) => [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Viewport = Viewport { size: [800.0, 600.0], margin: 30.0, max_radius: 28.0 };

    #[test]
    fn every_disc_and_label_lands_inside_the_viewport() {
        let xs = [0.0, 1000.0, 500.0];
        let ys = [0.0, 0.0, 700.0];
        let radii = [10.0, 20.0, 5.0];
        let labels = [[120.0, 16.0], [80.0, 16.0], [300.0, 16.0]];
        let (zoom, centre) = fit(&xs, &ys, &radii, Some(&labels), VIEW, |_| true).unwrap();
        for i in 0..3 {
            let sx = 400.0 + (xs[i] - centre[0]) * zoom;
            let sy = 300.0 + (ys[i] - centre[1]) * zoom;
            let bottom = sy + radii[i] * zoom + LABEL_GAP + labels[i][1];
            assert!(sx - labels[i][0] / 2.0 >= 29.0 && sx + labels[i][0] / 2.0 <= 771.0, "label {i} off sideways");
            assert!(sy - radii[i] * zoom >= 29.0 && bottom <= 571.0, "node {i} or its label off vertically");
        }
    }

    #[test]
    fn a_small_graph_is_not_blown_up_and_nothing_shown_gives_none() {
        let (zoom, _) = fit(&[0.0, 1.0], &[0.0, 0.0], &[4.0, 4.0], None, VIEW, |_| true).unwrap();
        assert!(zoom * 4.0 <= 28.0 + 1e-3);
        assert!(fit(&[0.0], &[0.0], &[4.0], None, VIEW, |_| false).is_none());
    }
}
