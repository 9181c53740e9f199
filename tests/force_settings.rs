//! The force layout's settings in the document: saved and read back, bad values located, the
//! defaults writing nothing, `kgx layout` overriding them and saving what it used; and
//! `kgx layout --algorithm …` end to end.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use kgx::io::{LoadError, load_file, load_str, to_ron_string};
use kgx::layout::LayoutParams;
use kgx::model::{ForceSettings, KnowledgeGraph};

const SEED: &str = "graphs/covid19-cooperation.ron";

fn kgx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn document(force: &str) -> String {
    format!(
        "(\n    format: \"kgx\",\n    version: 1,\n    metadata: (title: \"T\", {force}),\n    actors: [(id: \"a\", label: \"A\", kind: Other)],\n)\n"
    )
}

#[test]
fn settings_round_trip_through_the_file() {
    let mut graph = KnowledgeGraph::new();
    graph.metadata.title = "Tuned".into();
    graph.metadata.force = ForceSettings { scaling: 12.5, gravity: 0.0, lin_log: true, prevent_overlap: false };
    let text = to_ron_string(&graph).unwrap();
    assert!(
        text.contains("force: (\n            scaling: 12.5,\n            gravity: 0.0,\n            lin_log: true,\n            prevent_overlap: false,\n        ),"),
        "{text}"
    );
    let back = load_str(&text, Path::new("tuned.ron")).unwrap();
    assert_eq!(back.metadata.force, graph.metadata.force);
    assert_eq!(to_ron_string(&back).unwrap(), text, "saving twice gives the same bytes");
}

#[test]
fn only_settings_that_differ_from_the_defaults_are_written() {
    let mut graph = KnowledgeGraph::new();
    assert!(!to_ron_string(&graph).unwrap().contains("force"), "default settings write nothing");
    graph.metadata.force.gravity = 1.0;
    let text = to_ron_string(&graph).unwrap();
    assert!(text.contains("force: (\n            gravity: 1.0,\n        ),"), "{text}");
    // A file that names the defaults reads as the defaults.
    let explicit = load_str(&document("force: (scaling: 5.0, lin_log: false)"), Path::new("d.ron")).unwrap();
    assert!(explicit.metadata.force.is_default());
    let partial = load_str(&document("force: (lin_log: true)"), Path::new("p.ron")).unwrap();
    assert_eq!(partial.metadata.force, ForceSettings { lin_log: true, ..ForceSettings::DEFAULT });
}

#[test]
fn bad_settings_are_located_each_at_its_place() {
    let text = document("force: (scaling: -2.0, gravity: inf, prevent_overlap: true)");
    let error = load_str(&text, Path::new("bad.ron")).unwrap_err();
    let message = error.to_string();
    let LoadError::Invalid { problems, .. } = &error else { panic!("{message}") };
    assert_eq!(problems.len(), 2, "{message}");
    assert!(
        message.contains("bad.ron:4:45: scaling -2 must be a finite number above 0 and at most 10000"),
        "{message}"
    );
    assert!(message.contains("bad.ron:4:60: gravity inf must be a finite number from 0 to 10000"), "{message}");
    let unknown = load_str(&document("force: (theta: 0.5)"), Path::new("u.ron")).unwrap_err().to_string();
    assert!(unknown.contains("u.ron:4:") && unknown.contains("theta"), "{unknown}");
    let wrong_type = load_str(&document("force: (lin_log: 1)"), Path::new("w.ron")).unwrap_err().to_string();
    assert!(wrong_type.contains("w.ron:4:"), "{wrong_type}");
}

#[test]
fn the_layout_builds_from_the_documents_settings() {
    let settings = ForceSettings { scaling: 20.0, gravity: 0.5, lin_log: true, prevent_overlap: false };
    let params = LayoutParams::with_settings(&settings);
    assert_eq!(
        (params.scaling_ratio, params.gravity, params.lin_log, params.prevent_overlap),
        (20.0, 0.5, true, false)
    );
    assert_eq!(params.settings(), settings);
    assert_eq!(LayoutParams::default().settings(), ForceSettings::DEFAULT, "one set of defaults");
    assert_eq!(
        LayoutParams { theta: 0.5, ..LayoutParams::with_settings(&settings) }.exact_below,
        LayoutParams::default().exact_below
    );
}

#[test]
fn layout_flags_override_the_files_settings_and_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let tuned = dir.path().join("tuned.ron");
    let out = kgx(&["layout", SEED, "-o", tuned.to_str().unwrap(), "--scaling", "12", "--lin-log", "--no-overlap"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = load_file(&tuned).unwrap().metadata.force;
    assert_eq!(saved, ForceSettings { scaling: 12.0, lin_log: true, prevent_overlap: false, ..ForceSettings::DEFAULT });

    // Without flags the file's settings are used and kept; a flag changes only its own.
    let again = dir.path().join("again.ron");
    let out =
        kgx(&["layout", tuned.to_str().unwrap(), "-o", again.to_str().unwrap(), "--gravity", "1", "--lin-log=false"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = load_file(&again).unwrap().metadata.force;
    assert_eq!(saved, ForceSettings { scaling: 12.0, gravity: 1.0, lin_log: false, prevent_overlap: false });
    let out = kgx(&["layout", again.to_str().unwrap(), "-o", again.to_str().unwrap(), "--prevent-overlap"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(load_file(&again).unwrap().metadata.force.prevent_overlap);

    // The settings make a different picture.
    let plain = dir.path().join("plain.ron");
    assert_eq!(kgx(&["layout", SEED, "-o", plain.to_str().unwrap(), "--fresh"]).status.code(), Some(0));
    let spread = dir.path().join("spread.ron");
    assert_eq!(
        kgx(&["layout", SEED, "-o", spread.to_str().unwrap(), "--fresh", "--scaling", "40"]).status.code(),
        Some(0)
    );
    let width = |path: &Path| {
        let graph = load_file(path).unwrap();
        let xs: Vec<f32> = graph.actors().map(|a| a.position.unwrap()[0]).collect();
        xs.iter().copied().fold(f32::MIN, f32::max) - xs.iter().copied().fold(f32::MAX, f32::min)
    };
    assert!(
        width(&spread) > 1.5 * width(&plain),
        "scaling 40 spreads the picture: {} vs {}",
        width(&spread),
        width(&plain)
    );
}

#[test]
fn bad_layout_flags_are_usage_errors() {
    for args in [
        vec!["--scaling", "-3"],
        vec!["--gravity", "nan"],
        vec!["--algorithm", "circular", "--scaling", "3"],
        vec!["--algorithm", "grid", "--order", "kind"],
        vec!["--algorithm", "circular", "--group", "kind"],
        vec!["--algorithm", "hierarchical", "--iterations", "3"],
        vec!["--algorithm", "circular", "--order", "colour"],
        vec!["--no-overlap", "--prevent-overlap"],
        vec!["--algorithm", "spiral"],
    ] {
        let mut all = vec!["layout", SEED, "-o", "never-written.ron"];
        all.extend(&args);
        let out = kgx(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
    }
    assert!(!Path::new("never-written.ron").exists());
}

#[test]
fn every_algorithm_runs_from_the_command_line_and_writes_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (vec!["--algorithm", "circular", "--order", "community"], "circular: 1 circle"),
        (vec!["--algorithm", "circular", "--order", "attribute:city"], "circular: 1 circle"),
        (vec!["--algorithm", "hierarchical"], "crossings"),
        (vec!["--algorithm", "grid", "--group", "community"], "grid: "),
        (vec!["--algorithm", "grid"], "grid: 12 blocks"),
    ] {
        let output = dir.path().join("out.ron");
        let mut all = vec!["layout", SEED, "-o", output.to_str().unwrap()];
        all.extend(&args);
        let out = kgx(&all);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(says), "{args:?}: {}", text(&out.stdout));
        assert!(text(&out.stdout).contains(", 26 actors"), "{}", text(&out.stdout));
        let written = fs::read_to_string(&output).unwrap();
        assert_eq!(written.matches("position: (").count(), 26, "{args:?}");
        assert!(!written.contains("force:"), "no force settings written for {args:?}");
        assert_eq!(kgx(&["check", output.to_str().unwrap()]).status.code(), Some(0));
    }
    // A graph without coordinates cannot go on a map: exit 1, nothing written.
    let output = dir.path().join("map.ron");
    let out = kgx(&["layout", SEED, "-o", output.to_str().unwrap(), "--algorithm", "geographic"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no actor has a readable latitude and longitude"), "{}", text(&out.stderr));
    assert!(!output.exists());
}

#[test]
fn the_airports_file_goes_on_a_map_from_the_command_line() {
    let airports = Path::new("../shared/interop/gexf_gephi/gephi-0.9.3_us-airports_v1.3_undirected.gexf");
    if !airports.exists() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ../shared/interop");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("map.ron");
    let out = kgx(&["layout", airports.to_str().unwrap(), "-o", output.to_str().unwrap(), "--algorithm", "geographic"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("geographic: 235 on the map"), "{}", text(&out.stdout));
    assert_eq!(load_file(&output).unwrap().actors().filter(|a| a.position.is_some()).count(), 235);
}
