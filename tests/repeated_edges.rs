//! Repeated edges: a file that states one pair many times (Gephi issue 1848's edge list: 7,346
//! rows, 246 pairs, 343 self-loops) can come in as one cooperation per pair with a weight — the
//! sum of the rows' weights, their count, or the first row's — through `kgx convert
//! --merge-parallel`, the CSV column dialog (which proposes it) and Import into this graph.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable;
use kgx::analysis::progress::Progress;
use kgx::io::formats::{FormatId, ReadOptions, read_file};
use kgx::io::import::ParallelRule;
use kgx::model::KnowledgeGraph;

const ISSUE_1848: &str = "csv/gephi-issue1848_edges_comma.csv";

fn interop() -> Option<PathBuf> {
    let dir = Path::new("../shared/interop");
    if dir.join("MANIFEST.tsv").exists() {
        return Some(dir.to_owned());
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop beside the clone");
    eprintln!("skipped: ../shared/interop is not here");
    None
}

fn total_weight(graph: &KnowledgeGraph) -> f64 {
    graph.cooperations().map(|c| c.cooperation.weight).sum()
}

fn read(path: &Path, rule: ParallelRule) -> KnowledgeGraph {
    read_file(path, FormatId::Csv.format(), ReadOptions { merge_parallel: rule }, &Progress::new()).unwrap().graph
}

#[test]
fn each_rule_gives_one_cooperation_per_pair_with_its_weight() {
    let Some(dir) = interop() else { return };
    let path = dir.join(ISSUE_1848);
    let kept = read(&path, ParallelRule::None);
    assert_eq!((kept.actor_count(), kept.cooperation_count()), (176, 7346));
    for (rule, weight) in [(ParallelRule::Sum, 7346.0), (ParallelRule::Count, 7346.0), (ParallelRule::First, 246.0)] {
        let merged = read(&path, rule);
        assert_eq!((merged.actor_count(), merged.cooperation_count()), (176, 246), "{rule:?}");
        assert_eq!(total_weight(&merged), weight, "{rule:?}");
        let loops = merged.cooperations().filter(|c| c.from == c.to).count();
        assert!(loops > 0 && loops < 343, "{rule:?}: self-loops merge like other pairs ({loops})");
    }
}

#[test]
fn undirected_pairs_merge_either_way_round_and_weights_add_or_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pairs.csv");
    std::fs::write(
        &path,
        "source,target,type,weight\na,b,Undirected,2\nb,a,Undirected,3\na,b,Directed,1\nb,a,Directed,4\nb,a,Directed,0.5\n",
    )
    .unwrap();
    let weights = |rule| {
        let graph = read(&path, rule);
        let mut weights: Vec<(bool, f64)> =
            graph.cooperations().map(|c| (c.cooperation.directed, c.cooperation.weight)).collect();
        weights.sort_by(|a, b| a.partial_cmp(b).unwrap());
        weights
    };
    assert_eq!(weights(ParallelRule::Sum), [(false, 5.0), (true, 1.0), (true, 4.5)]);
    assert_eq!(weights(ParallelRule::Count), [(false, 2.0), (true, 1.0), (true, 2.0)]);
    assert_eq!(weights(ParallelRule::First), [(false, 2.0), (true, 1.0), (true, 4.0)]);
    assert_eq!(weights(ParallelRule::None).len(), 5);
}

#[test]
fn kgx_convert_merges_parallel_edges_when_asked() {
    let Some(dir) = interop() else { return };
    let out = tempfile::tempdir().unwrap();
    let ron = out.path().join("merged.ron");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kgx"))
        .arg("convert")
        .arg(dir.join(ISSUE_1848))
        .args(["--merge-parallel", "count", "-o", ron.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).contains("7346 edges merged into 246 cooperations"));
    let graph = kgx::io::load_file(&ron).unwrap();
    assert_eq!((graph.cooperation_count(), total_weight(&graph)), (246, 7346.0));
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_kgx"))
        .args(["convert", "graphs/covid19-cooperation.ron", "--merge-parallel", "mean", "-o", "x.ron"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "an unknown rule is a usage error");
}

/// Runs frames until `done` holds (work on worker threads), for at most 5 s.
fn wait_until(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, done: impl Fn(&kgx::app::KgxApp) -> bool) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("not done after 5 s");
}

#[test]
fn the_csv_dialog_says_how_rows_repeat_and_proposes_merging_them() {
    let Some(dir) = interop() else { return };
    let mut harness = common::harness();
    harness
        .state_mut()
        .push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(Some(dir.join(ISSUE_1848)))));
    harness.run();
    wait_until(&mut harness, |app| app.windows.csv.as_ref().is_some_and(|f| f.current_repeats().is_some()));
    harness
        .get_by_label_contains("7346 rows join only 246 pairs: 7100 rows repeat 156 pairs (343 rows are self-loops)");
    let form = harness.state().windows.csv.as_ref().unwrap();
    assert_eq!(form.merge_parallel, ParallelRule::Sum, "adding the weights is proposed");
    // The person counts rows instead.
    harness.get_by_label("Repeated rows").click();
    harness.run();
    harness.get_by_label("merge, weight = number of rows").click();
    harness.run();
    harness.get_by_label("Import").click();
    wait_until(&mut harness, |app| app.windows.csv.is_none() && app.windows.csv_job.is_none());
    let graph = &harness.state().doc.graph;
    assert_eq!((graph.actor_count(), graph.cooperation_count()), (176, 246));
    assert_eq!(total_weight(graph), 7346.0);
    assert!(harness.state().status.contains("7346 edges merged into 246 cooperations"), "{}", harness.state().status);
}

#[test]
fn importing_a_file_that_repeats_pairs_into_the_graph_proposes_merging_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeats.graphml");
    std::fs::write(
        &path,
        "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph edgedefault=\"undirected\">\n\
         <node id=\"x\"/><node id=\"y\"/>\n\
         <edge source=\"x\" target=\"y\"><data key=\"w\">2</data></edge>\n\
         <edge source=\"y\" target=\"x\"><data key=\"w\">3</data></edge>\n\
         <edge source=\"x\" target=\"x\"/>\n</graph></graphml>\n",
    )
    .unwrap();
    let mut harness = common::harness();
    let before = harness.state().doc.graph.cooperation_count();
    harness.state_mut().push(kgx::app::command::Command::Merge(kgx::app::command::MergeCommand::Show(Some(path))));
    harness.run();
    wait_until(&mut harness, |app| matches!(app.windows.merge, kgx::state::merge::MergeState::Review(_)));
    harness.get_by_label_contains("3 cooperations join only 2 pairs: 1 cooperation repeats 1 pair");
    harness.get_by_label("Import").click();
    harness.run();
    let graph = &harness.state().doc.graph;
    assert_eq!(graph.cooperation_count(), before + 2, "x–y once, with the weights added, and the loop");
    let joined = graph
        .cooperations()
        .find(|c| c.from != c.to && [c.from, c.to].iter().all(|e| ["x", "y"].contains(&e.as_str())));
    assert_eq!(joined.map(|c| c.cooperation.weight), Some(5.0));
}
