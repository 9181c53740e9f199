//! The shared steps of the layouts beyond force: where a picture goes around pinned actors.

use super::*;
use crate::model::{Actor, ActorKind, Cooperation, CooperationKind, Kind};

fn chain(n: usize) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for i in 0..n {
        graph.add_actor(Actor::new(format!("a{i:02}"), format!("Actor {i}"), ActorKind::ALL[i % 3])).ok();
    }
    for i in 1..n {
        let (from, to) = (format!("a{:02}", i - 1), format!("a{i:02}"));
        graph
            .add_cooperation(&from.into(), &to.into(), Cooperation::new(format!("c{i}"), CooperationKind::Donation))
            .ok();
    }
    graph
}

fn position(arrangement: &Arrangement, id: &str) -> Option<[f32; 2]> {
    arrangement.positions.iter().find(|(a, _)| a.as_str() == id).map(|(_, p)| *p)
}

#[test]
fn one_pinned_actor_holds_the_picture_where_it_is() {
    let mut graph = chain(8);
    let free = circular(&graph, &CircularOptions::default(), &Progress::new()).unwrap_or_else(|e| panic!("{e}"));
    // Pin a03 far away: the circle comes along, the same shape around it.
    if let Some(actor) = graph.actor_mut(&"a03".into()) {
        actor.pinned = true;
        actor.position = Some([1000.0, -500.0]);
    }
    let held = circular(&graph, &CircularOptions::default(), &Progress::new()).unwrap_or_else(|e| panic!("{e}"));
    assert!(position(&held, "a03").is_none(), "a pinned actor is not moved");
    let (Some(before), Some(anchor)) = (position(&free, "a03"), position(&free, "a04")) else { panic!("placed") };
    let Some(after) = position(&held, "a04") else { panic!("a04 placed") };
    let expected = [anchor[0] - before[0] + 1000.0, anchor[1] - before[1] - 500.0];
    assert!(
        (after[0] - expected[0]).abs() < 1e-2 && (after[1] - expected[1]).abs() < 1e-2,
        "{after:?} vs {expected:?}"
    );
}

#[test]
fn a_pinned_actor_without_a_position_is_placed() {
    let mut graph = chain(4);
    if let Some(actor) = graph.actor_mut(&"a01".into()) {
        actor.pinned = true;
    }
    let grid = grid(&graph, &GridOptions::default(), &Progress::new()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(grid.positions.len(), 4);
}

#[test]
fn cancelling_stops_every_algorithm() {
    let graph = chain(30);
    let progress = Progress::new();
    progress.cancel();
    for algorithm in [
        Algorithm::Circular(CircularOptions::default()),
        Algorithm::Hierarchical(HierarchicalOptions::default()),
        Algorithm::Grid(GridOptions { grouping: GridGrouping::Community, ..GridOptions::default() }),
    ] {
        assert_eq!(arrange(&graph, &algorithm, &progress), Err(ArrangeError::Cancelled), "{algorithm:?}");
    }
}
