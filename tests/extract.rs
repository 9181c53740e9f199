//! The article extractor measured against hand-made gold graphs, and `kgx extract` as a
//! person runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

use kgx::extract::{Counts, Gazetteer, Gold, SourceMeta, evaluate, extract};
use kgx::io::load_file;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundled_article() -> PathBuf {
    root().join("../shared/seeds/covid19-cooperation-article.txt")
}

fn score(text: &Path, gold: Gold) -> kgx::extract::Score {
    let text = std::fs::read_to_string(text).expect("article");
    let extraction = extract(&text, &Gazetteer::builtin(), &SourceMeta::default()).expect("English");
    evaluate(&extraction, &gold)
}

#[test]
fn the_bundled_article_meets_the_targets() {
    let gold = Gold::from_graph(&load_file(&root().join("graphs/covid19-cooperation.ron")).expect("bundled graph"));
    let s = score(&bundled_article(), gold);
    assert!(s.actors.recall() >= 0.9, "actor recall {:.2}: missed {:?}", s.actors.recall(), s.missed_actors);
    assert!(s.actors.precision() >= 0.85, "actor precision {:.2}: {:?}", s.actors.precision(), s.unmatched_actors);
    assert!(
        s.cooperations.recall() >= 0.6,
        "cooperation recall {:.2}: {:?}",
        s.cooperations.recall(),
        s.missed_cooperations
    );
    assert!(
        s.cooperations.precision() >= 0.7,
        "cooperation precision {:.2}: {:?}",
        s.cooperations.precision(),
        s.wrong_cooperations
    );
}

#[test]
fn the_test_articles_keep_their_figures() {
    // Every article under tests/articles with its gold; the sums guard against regressions
    // (README has each article's figures).
    let mut actors = Counts::default();
    let mut cooperations = Counts::default();
    let mut articles = 0;
    for entry in std::fs::read_dir(root().join("tests/articles")).expect("articles") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let gold_path = path.with_extension("gold.json");
        let gold: Gold = serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold")).expect("gold JSON");
        let s = score(&path, gold);
        for (sum, part) in [(&mut actors, s.actors), (&mut cooperations, s.cooperations)] {
            sum.proposed += part.proposed;
            sum.gold += part.gold;
            sum.correct += part.correct;
            sum.found += part.found;
        }
        articles += 1;
    }
    assert!(articles >= 9, "{articles} articles");
    assert!(actors.recall() >= 0.9 && actors.precision() >= 0.9, "actors {actors:?}");
    assert!(cooperations.recall() >= 0.6 && cooperations.precision() >= 0.8, "cooperations {cooperations:?}");
}

fn kgx(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().expect("kgx runs")
}

#[test]
fn extract_writes_a_graph_that_check_accepts_and_merges_without_duplicates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("article.ron");
    let article = bundled_article();
    let run = kgx(&["extract", &article.to_string_lossy(), "-o", &out.to_string_lossy(), "--date", "2020-03-23"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let check = kgx(&["check", &out.to_string_lossy()]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let graph = load_file(&out).expect("written graph");
    assert!(graph.actor_count() >= 24 && graph.cooperation_count() >= 20);
    assert!(
        graph.cooperations().all(|c| !c.cooperation.evidence().is_empty()),
        "every cooperation quotes its sentence"
    );
    let text = std::fs::read_to_string(&article).expect("article");
    for c in graph.cooperations() {
        for e in c.cooperation.evidence() {
            assert!(text.contains(&e.quote), "quote not verbatim: {}", e.quote);
        }
    }

    // Merging the same article again adds nothing new.
    let merge = kgx(&["extract", &article.to_string_lossy(), "--into", &out.to_string_lossy()]);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    assert!(
        String::from_utf8_lossy(&merge.stderr).contains("0 new actors"),
        "{}",
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = load_file(&out).expect("merged graph");
    assert_eq!(merged.actor_count(), graph.actor_count());
    assert_eq!(merged.sources().count(), 2, "the second reading is a second source");

    // Into the bundled graph: its actors are matched by name or alias, not duplicated.
    let bundled = dir.path().join("bundled.ron");
    std::fs::copy(root().join("graphs/covid19-cooperation.ron"), &bundled).expect("copy");
    let before = load_file(&bundled).expect("bundled").actor_count();
    let into = kgx(&["extract", &article.to_string_lossy(), "--into", &bundled.to_string_lossy()]);
    assert!(into.status.success());
    let after = load_file(&bundled).expect("bundled after");
    assert!(after.actor_count() <= before + 4, "{before} → {} actors", after.actor_count());
}

#[test]
fn extract_prints_json_for_scripts_and_scores_against_a_gold() {
    let article = root().join("tests/articles/statement-india-vaccines.txt");
    let run = kgx(&["extract", &article.to_string_lossy(), "--json"]);
    assert!(run.status.success());
    let value: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let actors = value["actors"].as_array().expect("actors");
    assert!(actors.iter().any(|a| a["label"] == "Serum Institute of India"));
    assert!(value["cooperations"].as_array().is_some_and(|c| c.iter().all(|c| c["quote"].is_string())));

    let gold = article.with_extension("gold.json");
    let eval = kgx(&["extract", &article.to_string_lossy(), "--eval", &gold.to_string_lossy()]);
    let printed = String::from_utf8_lossy(&eval.stdout);
    assert!(printed.contains("actors (name or alias)") && printed.contains("precision"), "{printed}");
}

#[test]
fn bad_input_gets_a_clear_message_and_no_graph() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.txt", b"  \n\n", "empty"),
        ("chinese.txt", "中国向塞尔维亚捐赠检测试剂盒。世界卫生组织感谢中国。".as_bytes(), "Chinese"),
        ("binary.bin", &[0, 159, 146, 150, 255, 0, 1, 2], "not UTF-8"),
        ("nul.txt", b"abc\0\0\0\0def", "not text"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = dir.path().join(format!("{name}.ron"));
        let run = kgx(&["extract", &path.to_string_lossy(), "-o", &out.to_string_lossy()]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(name) && stderr.contains(says), "{name}: {stderr}");
        assert!(!out.exists(), "{name}: no graph written");
    }
}
