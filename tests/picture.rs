//! The user's picture, measured: for each kind of edit, how far the actors that were already
//! there move (mean displacement as a share of the picture's diagonal), after the edit (and the
//! layout's settling) and after its undo. Run with `--nocapture` for the table.
//!
//! Two pictures: the bundled graph laid out as `kgx layout` lays it out, and Gephi's US-airports
//! sample (a map of the USA, read with its own positions).

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

use kgx::edit::Edit;
use kgx::layout::{GraphLayout, LayoutParams};
use kgx::model::{Actor, ActorId, ActorKind, Cooperation, CooperationKind, KnowledgeGraph};
use kgx::state::document::Document;

/// Every actor's position, by id.
type Picture = BTreeMap<ActorId, [f32; 2]>;

fn picture(doc: &mut Document) -> Picture {
    doc.capture_positions();
    doc.graph.actors().filter_map(|a| Some((a.id().clone(), a.position?))).collect()
}

/// Lets the layout thread bring whatever the change started to rest.
fn settle(doc: &mut Document) {
    let started = Instant::now();
    while doc.refresh_layout() || !doc.layout.engine().is_up_to_date() {
        assert!(started.elapsed() < Duration::from_secs(60), "the layout never settled");
        std::thread::sleep(Duration::from_millis(2));
    }
    doc.refresh_layout();
}

/// Mean displacement of `before`'s actors still in `after`, as a percentage of `before`'s
/// bounding-box diagonal.
fn displacement(before: &Picture, after: &Picture) -> f64 {
    let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
    for [x, y] in before.values() {
        min = [min[0].min(f64::from(*x)), min[1].min(f64::from(*y))];
        max = [max[0].max(f64::from(*x)), max[1].max(f64::from(*y))];
    }
    let diagonal = ((max[0] - min[0]).powi(2) + (max[1] - min[1]).powi(2)).sqrt().max(1e-9);
    let moves: Vec<f64> = before
        .iter()
        .filter_map(|(id, [x0, y0])| {
            let [x1, y1] = after.get(id)?;
            Some(f64::from(x1 - x0).hypot(f64::from(y1 - y0)))
        })
        .collect();
    100.0 * moves.iter().sum::<f64>() / moves.len().max(1) as f64 / diagonal
}

/// One kind of edit a person makes.
enum Change {
    Edit(&'static str, Edit),
    Content(&'static str, Edit),
    Drag(&'static str, ActorId, [f32; 2]),
    Rerun(&'static str),
}

/// The changes tried on `graph`: around its best-connected actor `hub` and another, `other`,
/// that is not its neighbour.
fn changes(graph: &KnowledgeGraph) -> Vec<Change> {
    let mut by_degree: Vec<&Actor> = graph.actors().collect();
    by_degree.sort_by_key(|a| (std::cmp::Reverse(graph.cooperations_of(a.id()).len()), a.id().to_string()));
    let hub = by_degree[0].clone();
    let neighbours: Vec<ActorId> =
        graph.cooperations_of(hub.id()).iter().flat_map(|c| [c.from.clone(), c.to.clone()]).collect();
    let other = by_degree.iter().rev().find(|a| !neighbours.contains(a.id()) && a.id() != hub.id()).unwrap();
    let [x, y] = hub.position.unwrap();
    let mut placed = Actor::new("placed", "Placed by double-click", ActorKind::Other);
    placed.position = Some([x + 30.0, y + 20.0]);
    let new_neighbour = |id: &str, to: &ActorId| {
        vec![
            Edit::AddActor(Actor::new(id, id, ActorKind::Company)),
            Edit::AddCooperation {
                from: ActorId::new(id),
                to: to.clone(),
                cooperation: Cooperation::new(format!("{id}-c"), CooperationKind::Donation),
            },
        ]
    };
    let mut renamed = hub.clone();
    renamed.label.push_str(" (renamed)");
    let mut rekinded = (*other).clone();
    rekinded.kind = ActorKind::Foundation;
    // What an article or an expansion from a knowledge base adds: new actors without a place.
    let article: Vec<Edit> = [new_neighbour("new-a", hub.id()), new_neighbour("new-b", other.id())].concat();
    // What Import into this graph adds: a look-alike merged into the hub, a new actor beside it.
    let mut incoming = KnowledgeGraph::new();
    incoming.add_actor(Actor::new("same", hub.label.clone(), hub.kind)).unwrap();
    incoming.add_actor(Actor::new("fresh", "Fresh partner", ActorKind::University)).unwrap();
    incoming
        .add_cooperation(&"same".into(), &"fresh".into(), Cooperation::new("ic", CooperationKind::JointResearch))
        .unwrap();
    let merge = HashMap::from([(ActorId::new("same"), hub.id().clone())]);
    let (import, _) = kgx::edit::merge::merge_edit(graph, &incoming, &merge);
    vec![
        Change::Edit("add actor (double-click)", Edit::AddActor(placed)),
        Change::Edit(
            "connect",
            Edit::AddCooperation {
                from: hub.id().clone(),
                to: other.id().clone(),
                cooperation: Cooperation::new("linked", CooperationKind::DataSharing),
            },
        ),
        Change::Content("rename", Edit::SetActor(renamed)),
        Change::Content("change kind", Edit::SetActor(rekinded)),
        Change::Edit("delete actor", Edit::RemoveActor(other.id().clone())),
        Change::Edit("import into (merge)", import),
        Change::Edit("article / expand (new actors)", Edit::Batch(article)),
        Change::Drag("drag an actor", other.id().clone(), [60.0, -40.0]),
        Change::Rerun("re-run layout"),
    ]
}

/// Applies each change to a fresh document of `graph` and measures; returns rows of (change,
/// after the edit %, after undo %).
fn measure(name: &str, graph: &KnowledgeGraph) -> Vec<(&'static str, f64, f64)> {
    let mut rows = Vec::new();
    for change in changes(graph) {
        let mut doc = Document::new(graph.clone(), None);
        settle(&mut doc);
        let before = picture(&mut doc);
        let what = match change {
            Change::Edit(what, edit) => {
                doc.apply(edit, None).unwrap();
                what
            }
            Change::Content(what, edit) => {
                doc.apply_content_edit(edit, None).unwrap();
                what
            }
            Change::Drag(what, actor, [dx, dy]) => {
                let [x, y] = before[&actor];
                assert!(doc.begin_drag(&actor));
                for k in 1..=10 {
                    let t = k as f32 / 10.0;
                    doc.drag_to(&actor, [x + dx * t, y + dy * t]);
                    std::thread::sleep(Duration::from_millis(3));
                }
                doc.end_drag(&actor).unwrap();
                what
            }
            Change::Rerun(what) => {
                doc.rerun_layout(false);
                what
            }
        };
        settle(&mut doc);
        let after = picture(&mut doc);
        doc.undo().unwrap();
        settle(&mut doc);
        let undone = picture(&mut doc);
        assert_eq!(undone.len(), before.len(), "{name}, {what}: undo gives back the same actors");
        doc.redo().unwrap();
        settle(&mut doc);
        assert_eq!(picture(&mut doc), after, "{name}, {what}: redo gives back the picture after the edit");
        rows.push((what, displacement(&before, &after), displacement(&before, &undone)));
    }
    rows
}

/// The bundled graph laid out as `kgx layout` does (until settled, seed 42).
fn laid_out_bundled() -> KnowledgeGraph {
    let mut graph = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let mut layout = GraphLayout::new(&graph, LayoutParams::default(), 42);
    layout.engine_mut().reheat();
    layout.engine_mut().run_until_settled();
    layout.write_positions(&mut graph);
    graph
}

fn check(name: &str, rows: &[(&'static str, f64, f64)]) {
    println!("\n{name}: mean displacement of the actors already there, % of the picture's diagonal");
    println!("| change | after the edit | after undo |\n|---|---|---|");
    for (what, after, undone) in rows {
        println!("| {what} | {after:.3} % | {undone:.3} % |");
    }
    for (what, after, undone) in rows {
        assert!(*undone <= 0.5, "{name}, {what}: undo leaves the picture {undone:.3} % away");
        let moves_on_purpose = what.starts_with("drag") || what.starts_with("re-run");
        assert!(moves_on_purpose || *after <= 2.0, "{name}, {what}: the picture moved {after:.3} %");
    }
}

#[test]
fn edits_move_only_what_changed_and_undo_puts_the_picture_back_on_the_bundled_graph() {
    check("bundled graph, laid out", &measure("bundled", &laid_out_bundled()));
}

#[test]
fn edits_move_only_what_changed_and_undo_puts_the_picture_back_on_the_airports_map() {
    let path = Path::new("../shared/interop/gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf");
    if !path.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        return;
    }
    let graph = kgx::io::import::import_file(path).unwrap().graph;
    check("US airports (Gephi)", &measure("airports", &graph));
}

#[test]
fn a_file_with_positions_opens_as_it_is_and_keeps_its_shape() {
    let graph = laid_out_bundled();
    let mut doc = Document::new(graph.clone(), None);
    assert!(!doc.layout_running(), "nothing moves until the person asks");
    // The window gives the layout its label sizes and node sizes: still nothing moves.
    let sizes = vec![[160.0, 18.0]; doc.layout.engine().node_count()];
    let viewport = kgx::layout::fit::Viewport { size: [800.0, 600.0], margin: 30.0, max_radius: 28.0 };
    doc.set_label_room(kgx::layout::LabelRoom { sizes, viewport });
    doc.set_node_radii(&vec![12.0; doc.layout.engine().node_count()]);
    settle(&mut doc);
    let opened: Picture = graph.actors().map(|a| (a.id().clone(), a.position.unwrap())).collect();
    assert_eq!(picture(&mut doc), opened);
}
