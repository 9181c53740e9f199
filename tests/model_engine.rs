//! The model engine against a real OpenAI-compatible server: llama.cpp's (llama-cpp-python)
//! with a small model, started by `.ci/run` (`.ci/llama-server.sh`, which sets
//! KGX_TEST_MODEL_URL). These tests check the protocol, the schema, quote verification,
//! time-outs and errors, not the quality of what a tiny model proposes.

use std::process::Command;
use std::time::{Duration, Instant};

use kgx::extract::{Engine, Gazetteer, ModelEndpoint, SourceMeta, extract_with};

/// Written for these tests.
const ARTICLE: &str =
    "Aid for Kenya\n\nChina donated 50 ventilators to Kenya on Monday. Kenya thanked China for the gift.";

/// The server CI starts, once it answers; `None`, with a note, on a machine without one, which
/// CI never is.
fn test_model() -> Option<(String, String)> {
    let (Ok(url), Ok(model)) = (std::env::var("KGX_TEST_MODEL_URL"), std::env::var("KGX_TEST_MODEL_NAME")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI starts a llama.cpp server and sets KGX_TEST_MODEL_URL (.ci/llama-server.sh)"
        );
        eprintln!("skipped: no model server (set KGX_TEST_MODEL_URL and KGX_TEST_MODEL_NAME, see .ci/llama-server.sh)");
        return None;
    };
    // The server loads its model while the crate builds; wait for it (bounded).
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(5))).build().into();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(900) {
        if agent.get(&format!("{url}/models")).call().is_ok() {
            return Some((url, model));
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    panic!("the model server at {url} did not answer within 15 minutes");
}

fn endpoint(url: &str, model: &str, timeout: Duration) -> Engine {
    Engine::Model(ModelEndpoint {
        url: url.to_owned(),
        model: model.to_owned(),
        key_variable: "KGX_TEST_MODEL_KEY".to_owned(),
        timeout,
    })
}

/// One test, in this order, because the server answers one request at a time and keeps
/// generating for a client that gave up: the command line and an HTTP error first, the real
/// answer next, the time-out last.
#[test]
fn the_model_engine_against_a_real_server() {
    let Some((url, model)) = test_model() else { return };
    command_line_names_the_engine_and_reports_what_it_did(&url, &model);
    an_http_error_is_reported_and_the_rules_propose(&url, &model);
    the_model_answers_under_the_schema_and_every_kept_quote_is_in_the_text(&url, &model);
    a_model_that_answers_too_late_leaves_the_proposals_to_the_rules(&url, &model);
}

fn the_model_answers_under_the_schema_and_every_kept_quote_is_in_the_text(url: &str, model: &str) {
    let engine = endpoint(url, model, Duration::from_secs(900));
    let e = extract_with(&engine, ARTICLE, &Gazetteer::builtin(), &SourceMeta::default()).expect("English");
    // The server took the request and its answer was the JSON the schema asks for: no fallback.
    assert_eq!(e.report.fallback, None, "{:?}", e.report);
    assert!(e.report.engine.starts_with(&format!("model {model}")), "{:?}", e.report);
    for c in &e.cooperations {
        assert_eq!(ARTICLE.get(c.sentence.clone()), Some(c.quote.as_str()), "a kept quote is verbatim");
        assert!(e.actors.iter().any(|a| a.id == c.from) && e.actors.iter().any(|a| a.id == c.to));
    }
    assert_eq!(e.source.title, "Aid for Kenya");
    eprintln!(
        "the model proposed {} actors and {} cooperations; {} dropped for a quote not in the text",
        e.actors.len(),
        e.cooperations.len(),
        e.report.dropped
    );
}

fn a_model_that_answers_too_late_leaves_the_proposals_to_the_rules(url: &str, model: &str) {
    let engine = endpoint(url, model, Duration::from_millis(300));
    let e = extract_with(&engine, ARTICLE, &Gazetteer::builtin(), &SourceMeta::default()).expect("English");
    let reason = e.report.fallback.clone().unwrap_or_default();
    assert!(reason.contains("timeout") || reason.contains("timed out"), "{reason}");
    assert_eq!(e.report.engine, "rules");
    assert!(e.cooperations.iter().any(|c| c.quote == "China donated 50 ventilators to Kenya on Monday."));
}

fn an_http_error_is_reported_and_the_rules_propose(url: &str, model: &str) {
    let wrong = format!("{}/no-such-api", url.trim_end_matches("/v1"));
    let e = extract_with(
        &endpoint(&wrong, model, Duration::from_secs(60)),
        ARTICLE,
        &Gazetteer::builtin(),
        &SourceMeta::default(),
    )
    .expect("English");
    let reason = e.report.fallback.clone().unwrap_or_default();
    assert!(reason.contains("HTTP 404"), "{reason}");
    assert!(!e.cooperations.is_empty());
}

fn command_line_names_the_engine_and_reports_what_it_did(url: &str, model: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("aid.txt");
    std::fs::write(&path, ARTICLE).expect("written");
    // An endpoint that refuses at once: the rules stand in, and stderr says why.
    let out = Command::new(env!("CARGO_BIN_EXE_kgx"))
        .args(["extract", "--json", "--engine", "openai:http://127.0.0.1:9/v1", "--model", model])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the rules proposed instead of the model"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json.pointer("/report/engine").and_then(|v| v.as_str()), Some("rules"));
    // A model engine needs its model's name.
    let out = Command::new(env!("CARGO_BIN_EXE_kgx"))
        .args(["extract", "--json", "--engine", &format!("openai:{url}")])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--model"));
}
