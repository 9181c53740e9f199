//! The layouts beyond force, headless: every actor placed, pinned actors kept, discs apart where
//! the layout promises it, the same picture every time; hierarchical direction and crossings on
//! a donor → recipient graph; the US airports on a map that looks like the USA.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::collections::HashMap;
use std::path::Path;

use kgx::analysis::progress::Progress;
use kgx::generate::{barabasi_albert, to_knowledge_graph};
use kgx::layout::algorithms::{
    Algorithm, ArrangeError, Arrangement, CircularOptions, CircularOrder, GeographicOptions, GeographicReport,
    GridGrouping, GridOptions, HierarchicalOptions, HierarchicalReport, Report, arrange,
};
use kgx::layout::node_radius;
use kgx::model::{Actor, ActorId, ActorKind, Cooperation, CooperationKind, KnowledgeGraph};

const AIRPORTS: &str = "../shared/interop/gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf";

/// Three donors fund five agencies that supply twelve hospitals; a donor also gives to a
/// hospital directly, two agencies pass supplies along, a hospital reports back to a donor
/// (the one cycle: donor-b → agency-3 → hospital-07 → donor-b), two hospitals research jointly
/// (undirected), and a small separate chain and a lone actor stand apart.
fn donors() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    let mut actor = |id: &str, kind: ActorKind| {
        graph.add_actor(Actor::new(id, id.replace('-', " "), kind)).unwrap();
    };
    for d in ["a", "b", "c"] {
        actor(&format!("donor-{d}"), ActorKind::Foundation);
    }
    for g in 1..=5 {
        actor(&format!("agency-{g}"), ActorKind::GovernmentAgency);
    }
    for h in 1..=12 {
        actor(&format!("hospital-{h:02}"), ActorKind::Hospital);
    }
    for id in ["ministry-x", "lab-y", "lone-z"] {
        actor(id, ActorKind::Other);
    }
    let mut links: Vec<(String, String, CooperationKind, bool)> = Vec::new();
    let mut link = |from: &str, to: &str, kind: CooperationKind| links.push((from.into(), to.into(), kind, true));
    for (donor, agencies) in [("a", [1, 2]), ("b", [2, 3]), ("c", [4, 5])] {
        for g in agencies {
            link(&format!("donor-{donor}"), &format!("agency-{g}"), CooperationKind::Funding);
        }
    }
    link("donor-c", "agency-3", CooperationKind::Funding);
    for h in 1..=12 {
        // Hospitals 1–12 spread over the agencies, in an order that crosses when taken as is.
        let g = [1, 5, 2, 4, 3, 1, 3, 5, 2, 4, 1, 5][h - 1];
        link(&format!("agency-{g}"), &format!("hospital-{h:02}"), CooperationKind::Supply);
    }
    link("agency-1", "hospital-09", CooperationKind::Supply);
    link("agency-4", "hospital-02", CooperationKind::Supply);
    link("donor-a", "hospital-05", CooperationKind::Donation);
    link("agency-2", "agency-4", CooperationKind::Supply);
    link("hospital-07", "donor-b", CooperationKind::Reporting);
    link("ministry-x", "lab-y", CooperationKind::Funding);
    links.push(("hospital-01".into(), "hospital-02".into(), CooperationKind::JointResearch, false));
    for (k, (from, to, kind, directed)) in links.into_iter().enumerate() {
        let mut cooperation = Cooperation::new(format!("c{k:02}"), kind);
        cooperation.directed = directed;
        graph.add_cooperation(&from.into(), &to.into(), cooperation).unwrap();
    }
    graph
}

/// The same graph with actors and cooperations added in the opposite order.
fn reversed_storage(graph: &KnowledgeGraph) -> KnowledgeGraph {
    let mut copy = KnowledgeGraph::new();
    for actor in graph.actors_sorted().into_iter().rev() {
        copy.add_actor(actor.clone()).unwrap();
    }
    for c in graph.cooperations_sorted().into_iter().rev() {
        copy.add_cooperation(c.from, c.to, c.cooperation.clone()).unwrap();
    }
    copy
}

fn run(graph: &KnowledgeGraph, algorithm: &Algorithm) -> Arrangement {
    arrange(graph, algorithm, &Progress::new()).unwrap_or_else(|e| panic!("{algorithm:?}: {e}"))
}

fn laid_out(graph: &KnowledgeGraph, algorithm: &Algorithm) -> KnowledgeGraph {
    let mut graph = graph.clone();
    run(&graph, algorithm).apply(&mut graph);
    graph
}

fn positions(graph: &KnowledgeGraph) -> HashMap<ActorId, [f32; 2]> {
    graph
        .actors()
        .map(|a| (a.id().clone(), a.position.unwrap_or_else(|| panic!("{} has no position", a.id()))))
        .collect()
}

fn radius(graph: &KnowledgeGraph, id: &ActorId) -> f32 {
    let actor = graph.actor(id).unwrap();
    actor.style.size.unwrap_or_else(|| node_radius(graph.cooperations_of(id).len()))
}

/// Pairs of actors whose discs overlap (O(n²): small graphs only).
fn overlaps(graph: &KnowledgeGraph) -> Vec<(ActorId, ActorId, f32)> {
    let placed: Vec<(ActorId, [f32; 2], f32)> =
        positions(graph).into_iter().map(|(id, p)| (id.clone(), p, radius(graph, &id))).collect();
    let mut found = Vec::new();
    for (i, (a, p, ra)) in placed.iter().enumerate() {
        for (b, q, rb) in placed.iter().skip(i + 1) {
            let distance = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt();
            if distance < ra + rb - 1e-3 {
                found.push((a.clone(), b.clone(), ra + rb - distance));
            }
        }
    }
    found
}

fn kept_apart() -> Vec<Algorithm> {
    vec![
        Algorithm::Circular(CircularOptions::default()),
        Algorithm::Circular(CircularOptions { order: CircularOrder::Community, ..CircularOptions::default() }),
        Algorithm::Hierarchical(HierarchicalOptions::default()),
        Algorithm::Grid(GridOptions::default()),
        Algorithm::Grid(GridOptions { grouping: GridGrouping::Community, ..GridOptions::default() }),
    ]
}

fn airports() -> Option<KnowledgeGraph> {
    let path = Path::new(AIRPORTS);
    if !path.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        eprintln!("skipped: {AIRPORTS} is not here");
        return None;
    }
    Some(kgx::io::import::import_file(path).unwrap().graph)
}

fn with_coordinates(mut graph: KnowledgeGraph) -> KnowledgeGraph {
    // Donors in Europe, agencies in Africa, hospitals spread east; the rest without.
    let ids: Vec<ActorId> = graph.actors_sorted().into_iter().map(|a| a.id().clone()).collect();
    for (k, id) in ids.iter().enumerate() {
        if id.as_str().starts_with("ministry") || id.as_str().starts_with("lone") || id.as_str().starts_with("lab") {
            continue;
        }
        let actor = graph.actor_mut(id).unwrap();
        actor.set_attribute("Lat", format!("{}", 50.0 - 3.0 * k as f32));
        actor.set_attribute("lng", format!("{}", -5.0 + 4.0 * k as f32));
    }
    graph
}

fn every_algorithm() -> Vec<Algorithm> {
    let mut all = kept_apart();
    all.push(Algorithm::Circular(CircularOptions {
        order: CircularOrder::Attribute("rank".into()),
        ..CircularOptions::default()
    }));
    all.push(Algorithm::Geographic(GeographicOptions::default()));
    all
}

fn test_graph() -> KnowledgeGraph {
    let mut graph = with_coordinates(donors());
    for (k, actor) in graph.actors_sorted().into_iter().map(|a| a.id().clone()).collect::<Vec<_>>().iter().enumerate() {
        graph.actor_mut(actor).unwrap().set_attribute("rank", ((k * 7) % 11).to_string());
    }
    graph
}

#[test]
fn every_actor_gets_a_finite_position_from_every_algorithm() {
    let graph = test_graph();
    for algorithm in every_algorithm() {
        let arrangement = run(&graph, &algorithm);
        assert_eq!(arrangement.positions.len(), graph.actor_count(), "{algorithm:?}");
        for (id, p) in &arrangement.positions {
            assert!(p[0].is_finite() && p[1].is_finite(), "{algorithm:?}: {id} at {p:?}");
        }
    }
}

#[test]
fn pinned_actors_stay_put_and_the_others_keep_clear_of_them() {
    let mut graph = test_graph();
    let pins = [("donor-b", [400.0, -250.0]), ("hospital-04", [-120.0, 330.0]), ("lone-z", [0.0, 0.0])];
    for (id, at) in pins {
        let actor = graph.actor_mut(&id.into()).unwrap();
        actor.pinned = true;
        actor.position = Some(at);
    }
    for algorithm in every_algorithm() {
        let arrangement = run(&graph, &algorithm);
        assert_eq!(arrangement.positions.len(), graph.actor_count() - pins.len(), "{algorithm:?}");
        let after = laid_out(&graph, &algorithm);
        for (id, at) in pins {
            let actor = after.actor(&id.into()).unwrap();
            assert_eq!(actor.position, Some(at), "{algorithm:?} moved pinned {id}");
            assert!(actor.pinned);
        }
        if !matches!(algorithm, Algorithm::Geographic(_)) {
            assert_eq!(overlaps(&after), vec![], "{algorithm:?}");
        }
    }
}

#[test]
fn one_pinned_actor_is_where_the_layout_would_put_it_and_the_rest_follows() {
    let graph = donors();
    for algorithm in kept_apart() {
        let free = laid_out(&graph, &algorithm);
        let mut pinned = graph.clone();
        let anchor = pinned.actor_mut(&"agency-3".into()).unwrap();
        anchor.pinned = true;
        anchor.position = Some([1000.0, 2000.0]);
        let held = laid_out(&pinned, &algorithm);
        let offset = |g: &KnowledgeGraph, id: &str| {
            let (p, a) = (
                g.actor(&id.into()).unwrap().position.unwrap(),
                g.actor(&"agency-3".into()).unwrap().position.unwrap(),
            );
            [p[0] - a[0], p[1] - a[1]]
        };
        for id in ["donor-a", "hospital-11", "lab-y"] {
            let (before, after) = (offset(&free, id), offset(&held, id));
            assert!((before[0] - after[0]).abs() < 0.01 && (before[1] - after[1]).abs() < 0.01, "{algorithm:?} {id}");
        }
    }
}

#[test]
fn discs_never_overlap_in_circular_grid_and_hierarchical_layouts() {
    let bundled = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let generated = to_knowledge_graph(&barabasi_albert(600, 3, 7), "ba", 7);
    for graph in [donors(), bundled, generated] {
        for algorithm in kept_apart() {
            assert_eq!(overlaps(&laid_out(&graph, &algorithm)), vec![], "{algorithm:?}");
        }
    }
}

#[test]
fn many_actors_go_on_concentric_circles_without_overlap() {
    let graph = to_knowledge_graph(&barabasi_albert(1500, 3, 11), "ba", 11);
    let arrangement = run(&graph, &Algorithm::Circular(CircularOptions::default()));
    let Report::Circular(report) = &arrangement.report else { panic!("a circular report") };
    assert!(report.circles > 1, "{report:?}");
    let mut after = graph.clone();
    arrangement.apply(&mut after);
    assert_eq!(overlaps(&after), vec![]);
    // A ring, not a filled disc: the innermost circle is at least a third of the outermost.
    let distances: Vec<f32> = positions(&after).values().map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt()).collect();
    let inner = distances.iter().copied().fold(f32::INFINITY, f32::min);
    assert!(inner > report.radius / 3.0, "inner {inner}, outer {}", report.radius);
}

#[test]
fn the_same_graph_gets_the_same_picture_whatever_its_storage_order() {
    let graph = test_graph();
    let shuffled = reversed_storage(&graph);
    for algorithm in every_algorithm() {
        let first = run(&graph, &algorithm);
        assert_eq!(first, run(&graph, &algorithm), "{algorithm:?} twice");
        assert_eq!(first, run(&shuffled, &algorithm), "{algorithm:?} in another storage order");
    }
}

/// The centre of the circle through three points.
fn circumcentre(points: &[[f32; 2]]) -> [f64; 2] {
    let [a, b, c] = [0, 1, 2].map(|k| points[k].map(f64::from));
    let d = 2.0 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
    let norm = |p: [f64; 2]| p[0] * p[0] + p[1] * p[1];
    [
        (norm(a) * (b[1] - c[1]) + norm(b) * (c[1] - a[1]) + norm(c) * (a[1] - b[1])) / d,
        (norm(a) * (c[0] - b[0]) + norm(b) * (a[0] - c[0]) + norm(c) * (b[0] - a[0])) / d,
    ]
}

#[test]
fn circular_orders_by_kind_and_by_attribute() {
    let graph = test_graph();
    let angle_order = |algorithm: &Algorithm| -> Vec<ActorId> {
        let after = laid_out(&graph, algorithm);
        let placed = positions(&after);
        let centre = circumcentre(&placed.values().take(3).copied().collect::<Vec<_>>());
        // Clockwise from the top, where the circle begins.
        let mut ids: Vec<(f64, ActorId)> = placed
            .iter()
            .map(|(id, p)| {
                let (dx, dy) = (f64::from(p[0]) - centre[0], f64::from(p[1]) - centre[1]);
                let a = dy.atan2(dx) + std::f64::consts::FRAC_PI_2 + 1e-3;
                (a.rem_euclid(std::f64::consts::TAU), id.clone())
            })
            .collect();
        ids.sort_by(|a, b| a.0.total_cmp(&b.0));
        ids.into_iter().map(|(_, id)| id).collect()
    };
    let by_kind = angle_order(&Algorithm::Circular(CircularOptions::default()));
    let kinds: Vec<ActorKind> = by_kind.iter().map(|id| graph.actor(id).unwrap().kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort_by_key(|k| kgx::model::Kind::index(*k));
    assert_eq!(kinds, sorted, "kinds in the legend's order around the circle");
    let by_rank = angle_order(&Algorithm::Circular(CircularOptions {
        order: CircularOrder::Attribute("RANK".into()),
        ..CircularOptions::default()
    }));
    let ranks: Vec<u32> =
        by_rank.iter().map(|id| graph.actor(id).unwrap().attribute("rank").unwrap().parse().unwrap()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "numbers in increasing order: {ranks:?}");
    let missing = arrange(
        &graph,
        &Algorithm::Circular(CircularOptions {
            order: CircularOrder::Attribute("ranks".into()),
            ..CircularOptions::default()
        }),
        &Progress::new(),
    );
    assert_eq!(missing, Err(ArrangeError::UnknownAttribute { name: "ranks".into(), suggestion: Some("rank".into()) }));
}

#[test]
fn grid_blocks_hold_one_kind_each_and_do_not_overlap() {
    let graph = donors();
    let arrangement = run(&graph, &Algorithm::Grid(GridOptions::default()));
    let Report::Grid(report) = &arrangement.report else { panic!("a grid report") };
    assert_eq!(
        report.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Government agency", "Hospital", "Foundation", "Other"]
    );
    let after = laid_out(&graph, &Algorithm::Grid(GridOptions::default()));
    for block in &report.groups {
        let inside: Vec<&Actor> = after
            .actors()
            .filter(|a| {
                let p = a.position.unwrap();
                (block.min[0]..=block.max[0]).contains(&p[0]) && (block.min[1]..=block.max[1]).contains(&p[1])
            })
            .collect();
        assert_eq!(inside.len(), block.actors, "{}", block.name);
        assert!(inside.windows(2).all(|w| w[0].kind == w[1].kind), "{}", block.name);
    }
}

fn hierarchical_report(graph: &KnowledgeGraph) -> (KnowledgeGraph, HierarchicalReport) {
    let arrangement = run(graph, &Algorithm::Hierarchical(HierarchicalOptions::default()));
    let Report::Hierarchical(report) = arrangement.report.clone() else { panic!("a hierarchical report") };
    let mut after = graph.clone();
    arrangement.apply(&mut after);
    (after, report)
}

#[test]
fn donors_sit_above_agencies_above_hospitals_and_only_the_cycle_points_up() {
    let graph = donors();
    let (after, report) = hierarchical_report(&graph);
    let placed = positions(&after);
    assert_eq!(report.reversed.len(), 1, "one cycle, one reversed cooperation: {:?}", report.reversed);
    let cycle = ["c03", "c13", "c23"].map(kgx::model::CooperationId::from);
    assert!(cycle.contains(&report.reversed[0]), "the reversed one is on the cycle: {:?}", report.reversed);
    for c in after.cooperations() {
        if !c.cooperation.directed {
            continue;
        }
        let (from, to) = (placed[c.from], placed[c.to]);
        if report.reversed.contains(c.cooperation.id()) {
            assert!(from[1] > to[1], "{} was reversed, so it points up", c.cooperation.id());
        } else {
            assert!(from[1] < to[1], "{} ({} → {}) points down", c.cooperation.id(), c.from, c.to);
        }
    }
    let layer_of = |prefix: &str| -> Vec<f32> {
        placed.iter().filter(|(id, _)| id.as_str().starts_with(prefix)).map(|(_, p)| p[1]).collect()
    };
    // Donors top the picture, agencies come below them, hospitals below their agencies (the
    // cooperations' directions above).
    let top = placed
        .iter()
        .filter(|(id, _)| ["donor-", "agency-", "hospital-"].iter().any(|p| id.as_str().starts_with(p)))
        .map(|(_, p)| p[1])
        .fold(f32::MAX, f32::min);
    assert!(layer_of("donor-").iter().all(|&y| y == top), "donors on the top layer");
    assert!(layer_of("agency-").iter().all(|&y| y > top), "agencies below the donors");
    assert!(report.crossings_after <= report.crossings_before, "{report:?}");
    assert!(report.crossings_before > 0, "the test graph starts with crossings: {report:?}");
    assert_eq!(report.parts, 3, "the main graph, ministry → lab, and the lone actor");
    println!(
        "donor graph: {} layers, {} bends, crossings {} → {} after reduction, reversed {:?}",
        report.layers, report.dummies, report.crossings_before, report.crossings_after, report.reversed
    );
}

#[test]
fn separate_parts_stand_side_by_side() {
    let (after, _) = hierarchical_report(&donors());
    let bounds = |ids: &[&str]| {
        let xs: Vec<f32> = ids.iter().map(|id| after.actor(&(*id).into()).unwrap().position.unwrap()[0]).collect();
        (xs.iter().copied().fold(f32::MAX, f32::min), xs.iter().copied().fold(f32::MIN, f32::max))
    };
    let main: Vec<String> = after
        .actors()
        .map(|a| a.id().to_string())
        .filter(|id| {
            id.contains('-') && !id.starts_with("ministry") && !id.starts_with("lab") && !id.starts_with("lone")
        })
        .collect();
    let main: Vec<&str> = main.iter().map(String::as_str).collect();
    let (_, main_right) = bounds(&main);
    let (side_left, _) = bounds(&["ministry-x", "lab-y"]);
    assert!(side_left > main_right, "the small chain stands right of the main graph");
}

#[test]
fn undirected_graphs_are_layered_from_the_lower_id() {
    let mut graph = KnowledgeGraph::new();
    for id in ["a", "b", "c", "d"] {
        graph.add_actor(Actor::new(id, id, ActorKind::Other)).unwrap();
    }
    for (k, (from, to)) in [("b", "a"), ("b", "c"), ("c", "d")].into_iter().enumerate() {
        let mut c = Cooperation::new(format!("c{k}"), CooperationKind::JointResearch);
        c.directed = false;
        graph.add_cooperation(&from.into(), &to.into(), c).unwrap();
    }
    let (after, report) = hierarchical_report(&graph);
    let y = |id: &str| after.actor(&id.into()).unwrap().position.unwrap()[1];
    assert!(y("a") < y("b") && y("b") < y("c") && y("c") < y("d"), "a above b above c above d");
    assert!(report.reversed.is_empty());
}

fn geographic(graph: &KnowledgeGraph) -> (KnowledgeGraph, GeographicReport) {
    let arrangement = run(graph, &Algorithm::Geographic(GeographicOptions::default()));
    let Report::Geographic(report) = arrangement.report.clone() else { panic!("a geographic report") };
    let mut after = graph.clone();
    arrangement.apply(&mut after);
    (after, report)
}

fn by_code(graph: &KnowledgeGraph) -> HashMap<String, [f32; 2]> {
    graph.actors().filter_map(|a| Some((a.attribute("Code")?.to_owned(), a.position?))).collect()
}

#[test]
fn the_us_airports_look_like_the_usa() {
    let Some(graph) = airports() else { return };
    let (after, report) = geographic(&graph);
    assert_eq!(report.located, 235, "{report:?}");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let at = by_code(&after);
    let [sea, mia, lax, jfk, bgr, bos, den, ord, san] =
        ["SEA", "MIA", "LAX", "JFK", "BGR", "BOS", "DEN", "ORD", "SAN"].map(|code| at[code]);
    let (west_of, north_of) = (|a: [f32; 2], b: [f32; 2]| a[0] < b[0], |a: [f32; 2], b: [f32; 2]| a[1] < b[1]);
    assert!(west_of(sea, mia) && north_of(sea, mia), "Seattle is north-west of Miami");
    assert!(west_of(lax, jfk), "Los Angeles is west of New York");
    assert!(west_of(sea, bgr), "Bangor is east of Seattle");
    assert!(north_of(bos, mia), "Boston is north of Miami");
    assert!(
        west_of(lax, den) && west_of(den, ord) && west_of(ord, jfk),
        "LA, Denver, Chicago, New York from west to east"
    );
    assert!(north_of(lax, san), "San Diego is south of Los Angeles");
    let xs: Vec<f32> = at.values().map(|p| p[0]).collect();
    let ys: Vec<f32> = at.values().map(|p| p[1]).collect();
    let span = |v: &[f32]| v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min);
    let aspect = span(&xs) / span(&ys);
    assert!((1.6..=2.1).contains(&aspect), "the contiguous USA is wider than tall: {aspect}");
    // One scale both ways: degrees east–west (shortened by the cosine of the standard
    // parallel) and north–south come out the same length.
    let latitude = |code: &str| {
        graph
            .actors()
            .find(|a| a.attribute("Code") == Some(code))
            .unwrap()
            .attribute("latitude")
            .unwrap()
            .parse::<f32>()
            .unwrap()
    };
    let longitude = |code: &str| {
        graph
            .actors()
            .find(|a| a.attribute("Code") == Some(code))
            .unwrap()
            .attribute("longitude")
            .unwrap()
            .parse::<f32>()
            .unwrap()
    };
    let per_degree_x = (bgr[0] - sea[0])
        / ((longitude("BGR") - longitude("SEA")) * (report.standard_parallel as f32).to_radians().cos());
    let per_degree_y = (mia[1] - sea[1]) / (latitude("SEA") - latitude("MIA"));
    assert!((per_degree_x / per_degree_y - 1.0).abs() < 1e-3, "{per_degree_x} vs {per_degree_y}");
    println!(
        "airports: {} located, bounding box {:.0} × {:.0} (aspect {aspect:.2}), standard parallel {:.1}°",
        report.located,
        span(&xs),
        span(&ys),
        report.standard_parallel
    );
}

#[test]
fn unreadable_coordinates_are_reported_per_actor_and_those_actors_placed_by_their_neighbours() {
    let Some(mut graph) = airports() else { return };
    let id_of = |graph: &KnowledgeGraph, code: &str| {
        graph.actors().find(|a| a.attribute("Code") == Some(code)).unwrap().id().clone()
    };
    let (seattle, miami) = (id_of(&graph, "SEA"), id_of(&graph, "MIA"));
    graph.actor_mut(&seattle).unwrap().set_attribute("latitude", "north-ish");
    graph.actor_mut(&miami).unwrap().attributes.retain(|a| a.key != "longitude");
    graph.add_actor(Actor::new("nowhere", "Nowhere", ActorKind::Other)).unwrap();
    let (after, report) = geographic(&graph);
    assert_eq!(report.located, 233);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].actor, seattle);
    assert_eq!(
        report.problems[0].to_string(),
        format!("actor \"{seattle}\": latitude \"north-ish\" is not a number in decimal degrees")
    );
    assert_eq!((report.beside_neighbours, report.below_map), (2, 1));
    let map_bottom = by_code(&after)
        .iter()
        .filter(|(code, _)| *code != "SEA" && *code != "MIA")
        .map(|(_, p)| p[1])
        .fold(f32::MIN, f32::max);
    let nowhere = after.actor(&"nowhere".into()).unwrap().position.unwrap();
    assert!(nowhere[1] > map_bottom, "an actor with nothing to go by waits below the map");
    for id in [&seattle, &miami] {
        assert!(after.actor(id).unwrap().position.unwrap().iter().all(|v| v.is_finite()));
    }
}

#[test]
fn a_graph_without_coordinates_is_refused_with_the_names_looked_for() {
    let error = arrange(&donors(), &Algorithm::Geographic(GeographicOptions::default()), &Progress::new()).unwrap_err();
    assert_eq!(
        error,
        ArrangeError::NoCoordinates {
            latitude: "latitude/lat".into(),
            longitude: "longitude/lon/lng/long".into(),
            unreadable: 0
        }
    );
    let message = error.to_string();
    assert!(message.contains("latitude/lat") && message.contains("longitude/lon/lng/long"), "{message}");
}

#[test]
fn empty_and_single_actor_graphs_are_laid_out() {
    let empty = KnowledgeGraph::new();
    let mut one = KnowledgeGraph::new();
    let mut actor = Actor::new("only", "Only", ActorKind::Person);
    actor.set_attribute("lat", "51.5");
    actor.set_attribute("lon", "-0.12");
    one.add_actor(actor).unwrap();
    for algorithm in every_algorithm() {
        let geographic = matches!(algorithm, Algorithm::Geographic(_));
        match arrange(&empty, &algorithm, &Progress::new()) {
            Ok(arrangement) => assert!(arrangement.positions.is_empty(), "{algorithm:?}"),
            Err(error) => assert!(geographic, "{algorithm:?}: {error}"),
        }
        let attribute_order =
            matches!(&algorithm, Algorithm::Circular(o) if matches!(o.order, CircularOrder::Attribute(_)));
        if !attribute_order {
            let arrangement = run(&one, &algorithm);
            assert_eq!(arrangement.positions.len(), 1, "{algorithm:?}");
            assert!(arrangement.positions[0].1.iter().all(|v| v.is_finite()), "{algorithm:?}");
        }
    }
}

#[test]
fn geographic_reads_the_latitude_and_longitude_attributes_chosen() {
    // Coordinates under names the detection does not know; decoy values under names it does.
    let mut graph = KnowledgeGraph::new();
    for (id, north, east) in [("oslo", 59.9, 10.8), ("rome", 41.9, 12.5), ("lisbon", 38.7, -9.1)] {
        let mut actor = Actor::new(id, id, ActorKind::Other);
        actor.set_attribute("y_deg", north.to_string());
        actor.set_attribute("x_deg", east.to_string());
        actor.set_attribute("lat", "0");
        actor.set_attribute("lon", "0");
        graph.add_actor(actor).unwrap();
    }
    let chosen = GeographicOptions {
        latitude: Some("y_deg".into()),
        longitude: Some("x_deg".into()),
        ..GeographicOptions::default()
    };
    let mut after = graph.clone();
    run(&graph, &Algorithm::Geographic(chosen)).apply(&mut after);
    let at = |id: &str| after.actor(&id.into()).unwrap().position.unwrap();
    assert!(at("oslo")[1] < at("rome")[1] && at("rome")[1] < at("lisbon")[1], "Oslo, Rome, Lisbon north to south");
    assert!(at("lisbon")[0] < at("oslo")[0] && at("oslo")[0] < at("rome")[0], "Lisbon, Oslo, Rome west to east");
    // A name no actor has is an error that says which names were looked for.
    let missing = GeographicOptions { latitude: Some("north".into()), ..GeographicOptions::default() };
    let error = arrange(&graph, &Algorithm::Geographic(missing), &Progress::new()).unwrap_err();
    assert!(error.to_string().contains("attributes named north and longitude/lon/lng/long"), "{error}");
}
