//! The command line end to end: the real binary, its output and exit codes.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.
use std::fs;
use std::process::{Command, Output};

const SEED: &str = "graphs/covid19-cooperation.ron";

fn kgx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_on_the_seed_graph() {
    let out = kgx(&["check", SEED]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok (26 actors, 29 cooperations, 1 source)"), "{}", text(&out.stdout));
}

#[test]
fn check_fails_with_every_problem_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(format: \"kgx\", version: 1, actors: [(id: \"a\", label: \"A\", kind: X), (id: \"a\", label: \"B\", kind: Y)])").unwrap();
    let out = kgx(&["check", SEED, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad.ron:1:66: unknown actor kind `X`"), "{stderr}");
    assert!(stderr.contains("bad.ron:1:75: duplicate actor id \"a\""), "{stderr}");
    assert!(stderr.contains("bad.ron:1:98: unknown actor kind `Y`"), "{stderr}");
    assert!(stderr.contains("bad.ron: 3 problems"), "{stderr}");
    // The good file is still reported as good.
    assert!(text(&out.stdout).contains("covid19-cooperation.ron: ok"));
}

#[test]
fn stats_prints_kinds_components_and_top_actors() {
    let out = kgx(&["stats", SEED, "--top", "3"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("26 actors, 29 cooperations, 1 source, 2 connected components (sizes 22, 4)"), "{stdout}");
    assert!(stdout.contains("Affiliation                      9"), "{stdout}");
    assert!(stdout.contains("1. China"), "{stdout}");
    assert_eq!(stdout.matches("  (").count(), 3, "{stdout}");
}

#[test]
fn stats_json_is_machine_readable() {
    let out = kgx(&["stats", SEED, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["actors"], 26);
    assert_eq!(json["components"], 2);
    assert_eq!(json["top_actors"][0]["id"], "china");
    let donations = json["cooperations_by_kind"].as_array().unwrap().iter().find(|k| k["kind"] == "Donation").unwrap();
    assert_eq!(donations["count"], 2);
}

#[test]
fn export_writes_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    for (to, name) in [("graphml", "g.graphml"), ("json", "g.json")] {
        let output = dir.path().join(name);
        let out = kgx(&["export", SEED, "--to", to, "-o", output.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(fs::metadata(&output).unwrap().len() > 1000);
    }
}

#[test]
fn stats_and_export_of_an_invalid_file_fail_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    fs::write(&bad, "(format: \"kgx\", version: 2)").unwrap();
    let out_json = dir.path().join("x.json");
    for args in [
        vec!["stats", bad.to_str().unwrap()],
        vec!["export", bad.to_str().unwrap(), "--to", "json", "-o", out_json.to_str().unwrap()],
    ] {
        let out = kgx(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains("format version 2 is not supported"), "{}", text(&out.stderr));
    }
    assert!(!out_json.exists(), "a failed export writes nothing");
}

#[test]
fn fmt_canonicalises_and_check_mode_reports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.ron");
    fs::write(
        &file,
        "(format:\"kgx\",version:1,actors:[(id:\"b\",label:\"B\",kind:Media),(id:\"a\",label:\"A\",kind:Media)])",
    )
    .unwrap();
    assert_eq!(kgx(&["fmt", "--check", file.to_str().unwrap()]).status.code(), Some(1));
    assert_eq!(kgx(&["fmt", file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(kgx(&["fmt", "--check", file.to_str().unwrap()]).status.code(), Some(0));
    let formatted = fs::read_to_string(&file).unwrap();
    assert!(formatted.find("id: \"a\"").unwrap() < formatted.find("id: \"b\"").unwrap());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kgx(&["export", SEED, "--to", "pdf", "-o", "x"]).status.code(), Some(2));
    assert_eq!(kgx(&["check"]).status.code(), Some(2));
}

#[test]
fn generate_writes_valid_graphs_of_the_asked_size() {
    let dir = tempfile::tempdir().unwrap();
    let ba = dir.path().join("ba.ron");
    let out = kgx(&["generate", "--model", "ba", "--nodes", "500", "--seed", "1", "-o", ba.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("500 actors, 1491 cooperations"), "{}", text(&out.stdout));
    let planted = dir.path().join("planted.ron");
    let args = ["generate", "--model", "planted", "--nodes", "400", "--groups", "4", "-o", planted.to_str().unwrap()];
    assert_eq!(kgx(&args).status.code(), Some(0));
    let check = kgx(&["check", ba.to_str().unwrap(), planted.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(fs::read_to_string(&planted).unwrap().contains("\"group\": \"3\""));
}

#[test]
fn layout_positions_every_actor_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    for output in [&first, &second] {
        let out = kgx(&["layout", SEED, "-o", output.to_str().unwrap(), "--seed", "7"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("(settled), 26 actors"), "{}", text(&out.stdout));
    }
    let laid = fs::read_to_string(&first).unwrap();
    assert_eq!(laid, fs::read_to_string(&second).unwrap(), "same seed, same file");
    assert_eq!(laid.matches("position: (").count(), 26);
    assert_eq!(kgx(&["check", first.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn layout_runs_exactly_the_asked_iterations() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("a.ron");
    let out = kgx(&["layout", SEED, "-o", output.to_str().unwrap(), "--iterations", "5", "--threads", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(": 5 iterations"), "{}", text(&out.stdout));
    assert_eq!(kgx(&["layout", SEED, "-o", "x.ron", "--theta", "5"]).status.code(), Some(2));
}

#[test]
fn stats_metrics_prints_centrality_and_communities() {
    let out = kgx(&["stats", SEED, "--metrics", "--top", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Communities (Leiden): "), "{stdout}");
    assert!(stdout.contains("Top actors by PageRank"), "{stdout}");
    let json = kgx(&["stats", SEED, "--metrics", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let actors = value["metrics"]["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 26);
    assert_eq!(actors[0]["id"], "china", "China has the highest PageRank");
    let pagerank_sum: f64 = actors.iter().map(|a| a["pagerank"].as_f64().unwrap()).sum();
    assert!((pagerank_sum - 1.0).abs() < 1e-9);
    assert!(value["metrics"]["modularity"].as_f64().unwrap() > 0.3);
}

fn kgx_with_recovery(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).env("KGX_RECOVERY_DIR", dir).output().unwrap()
}

#[test]
fn recover_lists_recovery_files_and_writes_one_out_as_a_graph() {
    let dir = tempfile::tempdir().unwrap();
    let out = kgx_with_recovery(dir.path(), &["recover", "--list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("No recovery files in"), "{}", text(&out.stdout));

    let graph = kgx::io::load_file(std::path::Path::new(SEED)).unwrap();
    let file = kgx::io::recovery::slot_path(dir.path(), "covid19-cooperation.ron");
    kgx::io::recovery::write_recovery(
        &file,
        &graph,
        Some(std::path::Path::new("/gone/covid19-cooperation.ron")),
        "covid19-cooperation.ron",
    )
    .unwrap();
    let out = kgx_with_recovery(dir.path(), &["recover", "--list"]);
    let listing = text(&out.stdout);
    assert!(listing.starts_with("1 recovery file in"), "{listing}");
    assert!(listing.contains(file.to_str().unwrap()), "{listing}");
    assert!(listing.contains("document: /gone/covid19-cooperation.ron"), "{listing}");
    assert!(listing.contains("counts:   26 actors, 29 cooperations"), "{listing}");
    assert!(listing.contains(" UTC"), "{listing}");

    let output = dir.path().join("recovered.ron");
    let out = kgx_with_recovery(dir.path(), &["recover", file.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(kgx::io::load_file(&output).unwrap() == graph);
    assert!(!fs::read_to_string(&output).unwrap().starts_with("// kgx-recovery"), "an ordinary graph file");
    assert_eq!(kgx_with_recovery(dir.path(), &["recover"]).status.code(), Some(2));
}

#[test]
fn a_save_killed_mid_write_keeps_the_old_file_and_the_next_save_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let out = kgx(&["generate", "--model", "ba", "--nodes", "60000", "-o", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let target = dir.path().join("target.ron");
    fs::copy(SEED, &target).unwrap();
    let before = fs::read(&target).unwrap();
    let leftovers = || -> Vec<std::path::PathBuf> {
        fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_str().unwrap().contains(".kgx-tmp-"))
            .collect()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_kgx"))
        .args(["layout", big.to_str().unwrap(), "-o", target.to_str().unwrap(), "--iterations", "0"])
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while leftovers().is_empty() {
        assert!(child.try_wait().unwrap().is_none(), "the save finished before it could be interrupted");
        assert!(started.elapsed().as_secs() < 120, "the save never started");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    assert_eq!(fs::read(&target).unwrap(), before, "the previous file survives a kill mid-save");
    assert_eq!(leftovers().len(), 1, "the killed save left its temporary file");

    // The next save into that folder removes the dead process's leftover.
    let out = kgx(&["fmt", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let small = dir.path().join("small.ron");
    let out = kgx(&["layout", SEED, "-o", small.to_str().unwrap(), "--iterations", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(leftovers().is_empty(), "{:?}", leftovers());
}

#[test]
fn positions_near_the_f32_limit_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.ron");
    fs::write(
        &path,
        "(format: \"kgx\", version: 1, actors: [\n  (id: \"a\", label: \"A\", kind: Other, position: (1e38, -1e38)),\n  (id: \"b\", label: \"B\", kind: Other, position: (1.0, 2.0)),\n])",
    )
    .unwrap();
    let out = kgx(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(message.contains("far.ron:2:"), "{message}");
    assert!(message.contains("is out of range"), "{message}");
    let out = kgx(&["layout", path.to_str().unwrap(), "-o", dir.path().join("o.ron").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "no layout collapses onto one point: the file is refused");
}

#[test]
fn convert_reads_graphml_and_gexf_and_writes_every_format() {
    let interop = std::path::Path::new("../shared/interop");
    if !interop.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let airports = interop.join("gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf");
    let ron = dir.path().join("airports.ron");
    let out = kgx(&["convert", airports.to_str().unwrap(), "-o", ron.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("wrote 235 actors and 1297 cooperations"), "{}", text(&out.stdout));
    assert_eq!(kgx(&["check", ron.to_str().unwrap()]).status.code(), Some(0), "the converted file is valid");
    for name in ["airports.graphml", "airports.json"] {
        let target = dir.path().join(name);
        let out = kgx(&["convert", ron.to_str().unwrap(), "-o", target.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    // GraphML written by kgx reads back with the same counts.
    let back = dir.path().join("back.ron");
    let graphml = dir.path().join("airports.graphml");
    let out = kgx(&["convert", graphml.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let graph = kgx::io::load_file(&back).unwrap();
    assert_eq!((graph.actor_count(), graph.cooperation_count()), (235, 1297));
    // A malformed file: exit 1, a located message, nothing written.
    let bad = interop.join("malformed/dangling-edge-target_igraph_game-of-thrones.graphml");
    let never = dir.path().join("never.ron");
    let out = kgx(&["convert", bad.to_str().unwrap(), "-o", never.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("dangling-edge-target_igraph_game-of-thrones.graphml:"),
        "{}",
        text(&out.stderr)
    );
    assert!(!never.exists());
}

#[test]
fn convert_joins_a_node_table_and_an_edge_table() {
    let dir = tempfile::tempdir().unwrap();
    let (nodes, edges, out) = (dir.path().join("n.csv"), dir.path().join("e.csv"), dir.path().join("g.ron"));
    fs::write(&nodes, "id,label\na,Alpha\nb,Beta\n").unwrap();
    fs::write(&edges, "source,target,weight\na,b,3\nb,a,1\n").unwrap();
    let args = ["convert", nodes.to_str().unwrap(), edges.to_str().unwrap(), "-o", out.to_str().unwrap()];
    let result = kgx(&args);
    assert_eq!(result.status.code(), Some(0), "{}", text(&result.stderr));
    let graph = kgx::io::load_file(&out).unwrap();
    assert_eq!((graph.actor_count(), graph.cooperation_count()), (2, 2));
    assert_eq!(graph.actor(&kgx::model::ActorId::new("a")).unwrap().label, "Alpha");
    let three = [nodes.to_str().unwrap(), edges.to_str().unwrap(), nodes.to_str().unwrap()];
    assert_eq!(kgx(&["convert", three[0], three[1], three[2], "-o", "x.ron"]).status.code(), Some(2));
}

#[test]
fn convert_writes_csv_tables_and_reads_node_link_json_back() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("seed.csv");
    let out = kgx(&["convert", SEED, "-o", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (nodes, edges) = (dir.path().join("seed.nodes.csv"), dir.path().join("seed.edges.csv"));
    assert!(fs::read_to_string(&nodes).unwrap().starts_with("id,label,kind"));
    let back = dir.path().join("back.ron");
    let out = kgx(&["convert", nodes.to_str().unwrap(), edges.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let graph = kgx::io::load_file(&back).unwrap();
    assert_eq!((graph.actor_count(), graph.cooperation_count()), (26, 29));
    // networkx's node-link JSON (here kgx's own) converts back too.
    let json = dir.path().join("seed.json");
    assert_eq!(kgx(&["export", SEED, "--to", "json", "-o", json.to_str().unwrap()]).status.code(), Some(0));
    let from_json = dir.path().join("from-json.ron");
    let out = kgx(&["convert", json.to_str().unwrap(), "-o", from_json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let graph = kgx::io::load_file(&from_json).unwrap();
    assert_eq!(
        graph.actor(&kgx::model::ActorId::new("who")).unwrap().kind,
        kgx::model::ActorKind::InternationalOrganization
    );
}

#[test]
fn convert_takes_formats_from_flags_when_names_do_not_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gexf = dir.path().join("from-gephi.xml");
    let out = dir.path().join("for-yed.txt");
    let kgx = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().expect("runs");
    let run = kgx(&["export", "graphs/covid19-cooperation.ron", "--to", "gexf", "-o", &gexf.to_string_lossy()]);
    assert!(run.status.success());
    let refused = kgx(&["convert", &gexf.to_string_lossy(), "-o", &out.to_string_lossy()]);
    assert_eq!(refused.status.code(), Some(1), "a .xml name says no format");
    let run =
        kgx(&["convert", &gexf.to_string_lossy(), "--from", "gexf", "-o", &out.to_string_lossy(), "--to", "graphml"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("<graphml") && text.matches("<node ").count() == 26);
}
