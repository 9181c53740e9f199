//! Graph files: round trips, canonical saves, and a located error for each kind of bad input.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.
use std::fs;
use std::path::{Path, PathBuf};

use kgx::io::{LoadError, load_bytes, load_file, load_str, save_file, to_ron_string};
use kgx::model::KnowledgeGraph;

fn graph_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir("graphs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "graphs/ holds no .ron files");
    files
}

#[test]
fn every_bundled_graph_round_trips_and_saves_byte_identically() {
    let dir = tempfile::tempdir().unwrap();
    for file in graph_files() {
        let graph = load_file(&file).unwrap();
        let saved = dir.path().join("saved.ron");
        save_file(&graph, &saved).unwrap();
        let reloaded = load_file(&saved).unwrap();
        assert_eq!(graph, reloaded, "{} changed in a load → save → load", file.display());
        let first = fs::read(&saved).unwrap();
        save_file(&reloaded, &saved).unwrap();
        assert_eq!(first, fs::read(&saved).unwrap(), "{}: saving twice differs", file.display());
    }
}

#[test]
fn bundled_graphs_are_in_canonical_form() {
    // What the app would write is what is committed, so saving from the app gives small diffs.
    for file in graph_files() {
        let graph = load_file(&file).unwrap();
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            to_ron_string(&graph).unwrap(),
            "run `kgx fmt {}`",
            file.display()
        );
    }
}

#[test]
fn a_small_edit_gives_a_small_diff() {
    let file = Path::new("graphs/covid19-cooperation.ron");
    let mut graph = load_file(file).unwrap();
    let before = to_ron_string(&graph).unwrap();
    graph.actor_mut(&"who".into()).unwrap().label = "WHO".to_owned();
    let after = to_ron_string(&graph).unwrap();
    let changed = before.lines().zip(after.lines()).filter(|(a, b)| a != b).count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1);
}

fn error_of(text: &str) -> LoadError {
    load_str(text, Path::new("bad.ron")).expect_err("the text should be rejected")
}

const HEADER: &str = "(\n    format: \"kgx\",\n    version: 1,\n";

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let text = format!("{HEADER}    actors: [\n        (id: \"a\" label: \"A\", kind: Country),\n    ],\n)\n");
    let message = error_of(&text).to_string();
    assert!(message.starts_with("bad.ron:5:"), "{message}");
}

#[test]
fn an_unknown_kind_is_located_and_a_fix_suggested() {
    let text = format!("{HEADER}    actors: [\n        (id: \"a\", label: \"A\", kind: Hosptal),\n    ],\n)\n");
    let message = error_of(&text).to_string();
    assert!(message.starts_with("bad.ron:5:37: unknown actor kind `Hosptal`; did you mean `Hospital`?"), "{message}");
    assert!(message.contains("expected one of Country, Ministry"), "{message}");
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = format!(
        "{HEADER}    actors: [
        (id: \"a\", label: \"A\", kind: Country),
        (id: \"a\", label: \"Again\", kind: Planet),
    ],
    cooperations: [
        (id: \"c\", from: \"a\", to: \"b\", kind: Donation, date: \"2020-02-30\"),
        (id: \"d\", from: \"a\", to: \"a\", kind: Gift, evidence: [(source: \"nowhere\", quote: \"q\")]),
    ],
)
"
    );
    let error = error_of(&text);
    let message = error.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(error.problem_count(), 6, "{message}");
    assert!(
        lines[0].starts_with("bad.ron:6:14: duplicate actor id \"a\" (first declared at line 5, column 14)"),
        "{message}"
    );
    assert!(lines[1].starts_with("bad.ron:6:41: unknown actor kind `Planet`"), "{message}");
    assert!(lines[2].starts_with("bad.ron:9:34: `to` names an unknown actor \"b\""), "{message}");
    assert!(lines[3].starts_with("bad.ron:9:61: day 30 does not exist in 2020-02"), "{message}");
    assert!(lines[4].starts_with("bad.ron:10:45: unknown cooperation kind `Gift`"), "{message}");
    assert!(lines[5].starts_with("bad.ron:10:71: evidence cites an undeclared source \"nowhere\""), "{message}");
}

#[test]
fn duplicate_cooperation_and_source_ids_and_attributes_are_located() {
    let text = format!(
        "{HEADER}    sources: [(id: \"s\", title: \"S\"), (id: \"s\", title: \"T\")],
    actors: [(id: \"a\", label: \"A\", kind: Country, attributes: {{\"k\": \"1\", \"k\": \"2\"}})],
    cooperations: [
        (id: \"c\", from: \"a\", to: \"a\", kind: Other),
        (id: \"c\", from: \"a\", to: \"a\", kind: Other, weight: -1.0),
    ],
)
"
    );
    let message = error_of(&text).to_string();
    assert!(
        message.contains("bad.ron:4:43: duplicate source id \"s\" (first declared at line 4, column 20)"),
        "{message}"
    );
    assert!(message.contains("bad.ron:5:74: attribute \"k\" is given twice"), "{message}");
    assert!(
        message.contains("bad.ron:8:14: duplicate cooperation id \"c\" (first declared at line 7, column 14)"),
        "{message}"
    );
    assert!(message.contains("bad.ron:8:60: weight -1 must be a finite number ≥ 0"), "{message}");
}

#[test]
fn an_unknown_field_is_a_located_error() {
    let text = format!("{HEADER}    actors: [(id: \"a\", lable: \"A\", kind: Country)],\n)\n");
    let message = error_of(&text).to_string();
    assert!(message.starts_with("bad.ron:4:"), "{message}");
    assert!(message.contains("lable"), "{message}");
}

#[test]
fn an_unsupported_version_says_which_versions_are_read() {
    let message = error_of("(\n  format: \"kgx\",\n  version: 7,\n  actors: [],\n)").to_string();
    assert_eq!(message, "bad.ron:3:12: format version 7 is not supported; this build of kgx reads version 1");
}

#[test]
fn another_format_is_named_as_such() {
    let message = error_of("(format: \"graphviz\", version: 1)").to_string();
    assert_eq!(message, "bad.ron:1:10: this is not a kgx graph: its format is \"graphviz\", expected \"kgx\"");
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    for text in ["", "   \n\n", "// only a comment\n"] {
        let message = error_of(text).to_string();
        assert!(message.starts_with("bad.ron:1:1: the file is empty"), "{message}");
    }
}

#[test]
fn non_utf8_bytes_are_located() {
    let bytes = b"(\n  format: \"kg\xffx\",\n)";
    let message = load_bytes(bytes, Path::new("bad.ron")).unwrap_err().to_string();
    assert!(message.starts_with("bad.ron:2:14: the file is not UTF-8 text (byte 0xff"), "{message}");
}

#[test]
fn random_bytes_give_an_error_not_a_panic() {
    // A fixed pseudo-random sequence (xorshift), so the test is deterministic.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for length in [1, 7, 100, 4096] {
        let bytes: Vec<u8> = (0..length)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 56) as u8
            })
            .collect();
        assert!(load_bytes(&bytes, Path::new("noise.bin")).is_err());
        let ascii: Vec<u8> = bytes.iter().map(|b| b % 95 + 32).collect();
        assert!(load_bytes(&ascii, Path::new("noise.txt")).is_err());
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["[", "(", "{", "Some("] {
        let text = format!("(format: \"kgx\", version: 1, actors: {})", open.repeat(100_000));
        let message = error_of(&text).to_string();
        assert!(message.starts_with("bad.ron:1:"), "{message}");
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(5 * 1024 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let message = load_file(&path).unwrap_err().to_string();
    assert!(message.contains("huge.ron: the file is 5368 MB; kgx reads graph files up to 4294 MB"), "{message}");
}

#[test]
fn lists_in_any_order_load_the_same_graph() {
    let graph = load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap();
    let text = to_ron_string(&graph).unwrap();
    // Move the sources list to the end and the actors after the cooperations: cooperations then
    // wait for the actors and sources they name.
    let sources_at = text.find("    sources: [").unwrap();
    let actors_at = text.find("    actors: [").unwrap();
    let cooperations_at = text.find("    cooperations: [").unwrap();
    let end = text.rfind(')').unwrap();
    let reordered = format!(
        "{}{}{}{}{}",
        &text[..sources_at],
        &text[cooperations_at..end],
        &text[actors_at..cooperations_at],
        &text[sources_at..actors_at],
        &text[end..]
    );
    assert!(reordered.find("cooperations: [").unwrap() < reordered.find("actors: [").unwrap());
    assert!(load_str(&reordered, Path::new("reordered.ron")).unwrap() == graph);
}

#[test]
fn an_empty_element_between_commas_is_located() {
    let text =
        format!("{HEADER}    actors: [\n        (id: \"a\", label: \"A\", kind: Country),\n        ,\n    ],\n)\n");
    let message = error_of(&text).to_string();
    assert!(message.starts_with("bad.ron:6:9: expected a value before this comma"), "{message}");
}

#[test]
fn errors_after_the_lists_are_located_in_the_file() {
    let text = format!(
        "{HEADER}    actors: [\n        (id: \"a\", label: \"A\", kind: Country),\n        (id: \"b\", label: \"B\", kind: Country),\n    ],\n    colour: 3,\n)\n"
    );
    let message = error_of(&text).to_string();
    assert!(message.starts_with("bad.ron:8:5:"), "{message}");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn a_cancelled_load_stops_and_opens_nothing() {
    let progress = kgx::analysis::progress::Progress::new();
    progress.cancel();
    let error = kgx::io::load_file_with(Path::new("graphs/covid19-cooperation.ron"), &progress).unwrap_err();
    assert!(matches!(error, LoadError::Cancelled { .. }), "{error}");
}

#[test]
fn loading_reports_the_bytes_read() {
    let progress = kgx::analysis::progress::Progress::new();
    let graph = kgx::io::load_file_with(Path::new("graphs/covid19-cooperation.ron"), &progress).unwrap();
    assert!(graph.actor_count() > 0);
    assert!((progress.fraction() - 1.0).abs() < f32::EPSILON, "{}", progress.fraction());
}

#[test]
fn a_missing_file_names_the_path() {
    let message = load_file(Path::new("no/such/graph.ron")).unwrap_err().to_string();
    assert!(message.starts_with("no/such/graph.ron: cannot read the file"), "{message}");
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("not-a-folder");
    fs::write(&blocked, "a file").unwrap();
    // Saving inside a path whose parent is a file fails at the first step.
    let target = blocked.join("graph.ron");
    let error = save_file(&KnowledgeGraph::new(), &target).unwrap_err();
    assert!(error.to_string().contains("graph.ron: cannot save"), "{error}");
    assert_eq!(fs::read_to_string(&blocked).unwrap(), "a file");
}

/// Every input committed to the fuzz corpus (`fuzz/corpus/load_ron/seed-*`, crashes included
/// once found) loads or fails cleanly, and what loads saves and loads back equal.
#[test]
fn the_fuzz_corpus_loads_or_fails_cleanly() {
    let dir = Path::new("fuzz/corpus/load_ron");
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.file_name().unwrap().to_str().unwrap().starts_with("seed-") {
            continue;
        }
        count += 1;
        let bytes = fs::read(&path).unwrap();
        if let Ok(graph) = kgx::io::load_bytes(&bytes, &path) {
            let text = kgx::io::to_ron_string(&graph).unwrap();
            let again = kgx::io::load_str(&text, &path).unwrap();
            assert!(again == graph, "{} does not round-trip", path.display());
        }
    }
    assert!(count >= 3, "the corpus is committed ({count} files)");
}

#[test]
fn styles_round_trip_and_bad_values_are_located() {
    let text = format!(
        "{HEADER}    metadata: (title: \"T\", auto_layout: true),
    actors: [
        (id: \"a\", label: \"A\", kind: Country, style: (color: \"#D94EA4\", size: 9.25, shape: Square)),
        (id: \"b\", label: \"B\", kind: Hospital),
    ],
    cooperations: [(id: \"c\", from: \"a\", to: \"b\", kind: Donation, style: (color: \"#00ff00\", width: 2.5))],
)
"
    );
    let graph = load_str(&text, Path::new("styled.ron")).unwrap();
    let a = graph.actor(&"a".into()).unwrap();
    assert_eq!(a.style.color, Some([0xd9, 0x4e, 0xa4]));
    assert_eq!(a.style.size, Some(9.25));
    assert_eq!(a.style.shape, Some(kgx::model::NodeShape::Square));
    assert!(graph.actor(&"b".into()).unwrap().style.is_empty(), "no style: the kind's look");
    let c = graph.cooperation(&"c".into()).unwrap().cooperation;
    assert_eq!((c.style.color, c.style.width), (Some([0, 255, 0]), Some(2.5)));
    assert!(graph.metadata.auto_layout);
    let saved = to_ron_string(&graph).unwrap();
    assert!(saved.contains("color: \"#d94ea4\""), "{saved}");
    let again = load_str(&saved, Path::new("again.ron")).unwrap();
    assert_eq!(again.actor(&"a".into()), graph.actor(&"a".into()));
    assert_eq!(again.cooperation(&"c".into()).unwrap().cooperation, c);
    assert!(again.metadata.auto_layout, "the layout choice is kept");
    assert_eq!(to_ron_string(&again).unwrap(), saved, "saving twice gives the same bytes");

    let bad = format!(
        "{HEADER}    actors: [
        (id: \"a\", label: \"A\", kind: Country, style: (color: \"red\", size: -3.0, shape: Star)),
    ],
    cooperations: [(id: \"c\", from: \"a\", to: \"a\", kind: Donation, style: (width: 0.0))],
)
"
    );
    let error = error_of(&bad);
    let message = error.to_string();
    assert_eq!(error.problem_count(), 4, "{message}");
    assert!(message.contains("bad.ron:5:61: colour \"red\" is not of the form #rrggbb"), "{message}");
    assert!(message.contains("bad.ron:5:74: size -3 must be a finite number above 0"), "{message}");
    assert!(message.contains("bad.ron:5:87: unknown shape `Star`"), "{message}");
    assert!(message.contains("bad.ron:7:81: width 0 must be a finite number above 0"), "{message}");
}
