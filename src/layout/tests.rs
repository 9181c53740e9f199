//! Tests of the layout: each force does what it says, the engine converges, structure shows.

use super::forces::{attraction_and_gravity, repulsion_barnes_hut, repulsion_exact};
use super::quadtree::QuadTree;
use super::*;
use crate::generate::{barabasi_albert, planted_partition};

fn engine(node_count: usize, edges: &[(u32, u32)], params: LayoutParams) -> LayoutEngine {
    let weighted: Vec<(u32, u32, f32)> = edges.iter().map(|&(a, b)| (a, b, 1.0)).collect();
    LayoutEngine::new(node_count, &weighted, params)
}

fn distance(e: &LayoutEngine, i: usize, j: usize) -> f32 {
    let ([ax, ay], [bx, by]) = (e.position(i), e.position(j));
    ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt()
}

fn no_gravity() -> LayoutParams {
    LayoutParams { gravity: 0.0, prevent_overlap: false, ..LayoutParams::default() }
}

fn all_finite(e: &LayoutEngine) -> bool {
    e.xs().iter().chain(e.ys()).all(|v| v.is_finite())
}

#[test]
fn repulsion_pushes_two_unconnected_nodes_apart() {
    let mut e = engine(2, &[], no_gravity());
    e.set_position(0, [0.0, 0.0]);
    e.set_position(1, [1.0, 0.0]);
    e.step();
    assert!(e.position(0)[0] < 0.0 && e.position(1)[0] > 1.0);
    assert!(distance(&e, 0, 1) > 1.0);
}

#[test]
fn attraction_pulls_connected_nodes_together() {
    let params = LayoutParams { scaling_ratio: 0.01, ..no_gravity() };
    let mut e = engine(2, &[(0, 1)], params);
    e.set_position(0, [-500.0, 0.0]);
    e.set_position(1, [500.0, 0.0]);
    e.step_n(20);
    assert!(distance(&e, 0, 1) < 900.0, "{}", distance(&e, 0, 1));
}

#[test]
fn gravity_keeps_a_disconnected_node_bounded() {
    let mut e = engine(3, &[(0, 1)], LayoutParams { prevent_overlap: false, ..LayoutParams::default() });
    e.set_position(0, [0.0, 0.0]);
    e.set_position(1, [10.0, 0.0]);
    e.set_position(2, [5.0, 5.0]);
    e.step_n(2000);
    let far = e.position(2);
    assert!(far[0].hypot(far[1]) < 500.0, "{far:?}");
    let mut loose = engine(3, &[(0, 1)], LayoutParams { gravity: 0.0, max_iterations: 2000, ..no_gravity() });
    loose.set_position(0, [0.0, 0.0]);
    loose.set_position(1, [10.0, 0.0]);
    loose.set_position(2, [5.0, 5.0]);
    loose.step_n(2000);
    let p = loose.position(2);
    assert!(p[0].hypot(p[1]) > far[0].hypot(far[1]), "without gravity the lone node drifts further");
}

#[test]
fn pinned_nodes_do_not_move_but_still_push() {
    let mut e = engine(3, &[(0, 1), (1, 2)], LayoutParams::default());
    e.set_position(0, [0.0, 0.0]);
    e.set_position(1, [3.0, 0.0]);
    e.set_position(2, [0.0, 3.0]);
    e.set_pinned(0, true);
    e.step_n(300);
    assert_eq!(e.position(0), [0.0, 0.0]);
    assert!(distance(&e, 0, 1) > 3.0, "the pinned node still repels its neighbour");
}

#[test]
fn barnes_hut_with_small_theta_equals_exact_repulsion() {
    let list = barabasi_albert(600, 3, 5);
    let mut e = engine(600, &list.edges, LayoutParams::default());
    e.place_unpositioned(&[], 5);
    let mass: Vec<f32> = (0..600).map(|i| e.params().scaling_ratio * 0.0 + 1.0 + i as f32 % 7.0).collect();
    let radius = vec![1.0; 600];
    let (mut ex, mut ey) = (vec![0.0; 600], vec![0.0; 600]);
    let params = LayoutParams { theta: 0.05, ..LayoutParams::default() };
    repulsion_exact(e.xs(), e.ys(), &mass, &params, &mut ex, &mut ey);
    let mut tree = QuadTree::default();
    tree.rebuild(e.xs(), e.ys(), &mass, &radius);
    let (mut sx, mut sy) = (vec![0.0; 600], vec![0.0; 600]);
    repulsion_barnes_hut(&tree, &params, &mut sx, &mut sy);
    let (mut error, mut total) = (0.0f64, 0.0f64);
    for (s, &i) in tree.index.iter().enumerate() {
        let i = i as usize;
        error += f64::from((sx[s] - ex[i]).hypot(sy[s] - ey[i]));
        total += f64::from(ex[i].hypot(ey[i]));
    }
    assert!(error / total < 1e-3, "relative error {}", error / total);
    // And theta 1 stays within a few percent.
    let coarse = LayoutParams { theta: 1.0, ..LayoutParams::default() };
    repulsion_barnes_hut(&tree, &coarse, &mut sx, &mut sy);
    let error: f64 = tree
        .index
        .iter()
        .enumerate()
        .map(|(s, &i)| f64::from((sx[s] - ex[i as usize]).hypot(sy[s] - ey[i as usize])))
        .sum();
    assert!(error / total < 0.03, "relative error at theta 1: {}", error / total);
}

#[test]
fn attraction_grows_with_distance_and_lin_log_grows_slower() {
    let csr = Csr::new(2, [(0u32, 1u32, 1.0f32)].into_iter());
    let pull = |d: f32, lin_log: bool| {
        let params = LayoutParams { gravity: 0.0, prevent_overlap: false, lin_log, ..LayoutParams::default() };
        let (mut fx, mut fy) = (vec![0.0; 2], vec![0.0; 2]);
        attraction_and_gravity(&[0.0, d], &[0.0, 0.0], &[2.0, 2.0], &[1.0, 1.0], &csr, &params, &mut fx, &mut fy);
        fx[0]
    };
    assert!(pull(100.0, false) > pull(10.0, false) && pull(10.0, false) > 0.0);
    assert!((pull(100.0, false) / pull(10.0, false) - 10.0).abs() < 1e-3, "linear in distance");
    assert!(pull(100.0, true) < pull(100.0, false));
}

#[test]
fn the_seed_graph_settles_without_overlaps() {
    let graph = crate::io::load_file(std::path::Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let mut layout = GraphLayout::new(&graph, LayoutParams::default(), 42);
    let mut movements = Vec::new();
    let e = layout.engine_mut();
    while e.step() == LayoutState::Running {
        movements.push(e.last_movement());
    }
    assert!(e.iteration() < 2000, "settled after {} iterations", e.iteration());
    assert!(all_finite(e));
    // Movement decreases: the last tenth moves far less than the first tenth.
    let tenth = movements.len() / 10;
    let early: f32 = movements[..tenth].iter().sum();
    let late: f32 = movements[movements.len() - tenth..].iter().sum();
    assert!(late < early * 0.05, "early {early}, late {late}");
    for i in 0..e.node_count() {
        for j in i + 1..e.node_count() {
            let gap = distance(e, i, j) - e.radius(i) - e.radius(j);
            assert!(gap > -0.01, "nodes {i} and {j} overlap by {}", -gap);
        }
    }
}

#[test]
fn degenerate_inputs_never_produce_nan() {
    // Empty graph, one node, all nodes coincident, zero-degree nodes and self-loops.
    let mut empty = engine(0, &[], LayoutParams::default());
    assert_eq!(empty.step(), LayoutState::Settled);
    let mut one = engine(1, &[(0, 0)], LayoutParams::default());
    one.place_unpositioned(&[], 1);
    one.step_n(100);
    assert!(all_finite(&one));
    for n in [5, 300, 6000] {
        let edges: Vec<(u32, u32)> = (0..n as u32 / 2).map(|i| (i, (i * 7) % n as u32)).collect();
        let mut e = engine(n, &edges, LayoutParams::default());
        for i in 0..n {
            e.set_position(i, [1.0, 1.0]);
        }
        e.step_n(200);
        assert!(all_finite(&e), "NaN with {n} coincident nodes");
        assert!(distance(&e, 0, n - 1) > 0.0, "coincident nodes separate");
    }
}

#[test]
fn same_seed_same_layout_with_any_number_of_threads() {
    let list = barabasi_albert(3000, 3, 9);
    let run = |threads: usize| {
        let mut e = engine(3000, &list.edges, LayoutParams::default());
        e.set_threads(threads).unwrap();
        e.place_unpositioned(&[], 77);
        e.step_n(40);
        (e.xs().to_vec(), e.ys().to_vec())
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(2), "repeatable");
}

#[test]
fn planted_groups_end_up_together() {
    let list = planted_partition(2000, 8, 0.1, 0.002, 3);
    let mut e = engine(2000, &list.edges, LayoutParams::default());
    e.place_unpositioned(&[], 3);
    assert_eq!(e.run_until_settled(), LayoutState::Settled);
    let (mut same, mut same_count, mut other, mut other_count) = (0.0f64, 0u64, 0.0f64, 0u64);
    for i in (0..2000).step_by(3) {
        for j in (i + 1..2000).step_by(7) {
            let d = f64::from(distance(&e, i, j));
            if list.groups[i] == list.groups[j] {
                same += d;
                same_count += 1;
            } else {
                other += d;
                other_count += 1;
            }
        }
    }
    let ratio = (same / same_count as f64) / (other / other_count as f64);
    assert!(ratio <= 0.35, "same-group / other-group distance = {ratio:.3}");
}

#[test]
fn reheat_places_a_new_node_near_its_neighbours() {
    let graph = crate::io::load_file(std::path::Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let mut layout = GraphLayout::new(&graph, LayoutParams::default(), 1);
    layout.engine_mut().run_until_settled();
    let mut settled = graph.clone();
    layout.write_positions(&mut settled);
    let mut edited = settled.clone();
    edited.add_actor(crate::model::Actor::new("new", "New", crate::model::ActorKind::Other)).unwrap();
    edited
        .add_cooperation(
            &"new".into(),
            &"kenyan-counterparts".into(),
            crate::model::Cooperation::new("n1", crate::model::CooperationKind::Other),
        )
        .unwrap();
    let relaid = GraphLayout::new(&edited, LayoutParams::default(), 1);
    let new = relaid.engine_node(edited.node_index(&"new".into()).unwrap()).unwrap();
    let kenya = relaid.engine_node(edited.node_index(&"kenyan-counterparts".into()).unwrap()).unwrap();
    assert!(distance(relaid.engine(), new, kenya) < 4.0 * relaid.engine().radius(new));
    assert_eq!(relaid.engine().state(), LayoutState::Running);
}
