//! `kgx extract`: proposals from article texts, written as a graph, merged into one, printed as
//! JSON, or scored against a gold graph.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::extract::{
    DEFAULT_KEY_VARIABLE, Engine, Extraction, Gazetteer, Gold, Score, SourceMeta, evaluate, extract_with, into_graph,
    merge_into,
};
use crate::io::{load_file, save_file};

/// The engine's choices on the command line.
#[derive(Clone, Debug, clap::Args)]
pub struct EngineArgs {
    /// Who proposes: `rules` (default: word lists and rules, offline) or `openai:URL`, a model
    /// behind an OpenAI-compatible chat API (llama.cpp's server, Ollama, vLLM, LM Studio, a
    /// hosted service), e.g. openai:http://127.0.0.1:8080/v1. The rules stand in when it fails.
    #[arg(long, default_value = "rules")]
    pub engine: String,
    /// The model's name, for `--engine openai:URL`.
    #[arg(long)]
    pub model: Option<String>,
    /// The environment variable that holds the API key (default KGX_MODEL_API_KEY, then
    /// OPENAI_API_KEY; none is sent when both are unset).
    #[arg(long)]
    pub api_key_env: Option<String>,
    /// Seconds to wait for the model's whole answer.
    #[arg(long, default_value_t = 180)]
    pub timeout: u64,
}

impl EngineArgs {
    /// The engine these choices name.
    fn engine(&self) -> Result<Engine, String> {
        let mut engine = Engine::parse(&self.engine, self.model.as_deref())?;
        if let Engine::Model(endpoint) = &mut engine {
            endpoint.key_variable = self.api_key_env.clone().unwrap_or_else(|| DEFAULT_KEY_VARIABLE.to_owned());
            endpoint.timeout = std::time::Duration::from_secs(self.timeout.max(1));
        }
        Ok(engine)
    }
}

/// The command line's choices.
pub(super) struct Options {
    pub engine: Box<EngineArgs>,
    pub texts: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub into: Option<PathBuf>,
    pub source_title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub json: bool,
    pub eval: Option<PathBuf>,
    pub gazetteer: Option<PathBuf>,
}

fn read_gold(path: &Path) -> Result<Gold, String> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
        return load_file(path).map(|g| Gold::from_graph(&g)).map_err(|e| e.to_string());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))
}

fn print_score(path: &Path, score: &Score) {
    let line = |name: &str, c: &crate::extract::Counts| {
        println!(
            "  {name:<34} precision {:.2} ({}/{})  recall {:.2} ({}/{})",
            c.precision(),
            c.correct,
            c.proposed,
            c.recall(),
            c.found,
            c.gold
        );
    };
    println!("{}:", path.display());
    line("actors (name or alias)", &score.actors);
    if score.duplicate_actors > 0 {
        println!("  {:<34} {} proposals name a gold actor another proposal already names", "", score.duplicate_actors);
    }
    line("cooperations (two actors)", &score.cooperations);
    line("cooperations (+ kind and direction)", &score.cooperations_strict);
    let list = |title: &str, items: &[String]| {
        if !items.is_empty() {
            println!("  {title}: {}", items.join("; "));
        }
    };
    list("proposed, not in the gold", &score.unmatched_actors);
    list("missed actors", &score.missed_actors);
    list("wrong cooperations", &score.wrong_cooperations);
    list("missed cooperations", &score.missed_cooperations);
}

pub(super) fn run(options: &Options) -> ExitCode {
    let gazetteer_dir = options.gazetteer.clone().or_else(|| std::env::var_os("KGX_GAZETTEER").map(PathBuf::from));
    let gazetteer = match gazetteer_dir {
        Some(dir) => match Gazetteer::with_dir(&dir) {
            Ok(g) => g,
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::from(2);
            }
        },
        None => Gazetteer::builtin(),
    };
    let date = match options.date.as_deref().map(str::parse) {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(error)) => {
            eprintln!("kgx extract --date: {error}");
            return ExitCode::from(2);
        }
    };
    let engine = match options.engine.engine() {
        Ok(engine) => engine,
        Err(message) => {
            eprintln!("kgx extract --engine: {message}");
            return ExitCode::from(2);
        }
    };
    let gold = match options.eval.as_deref().map(read_gold) {
        None => None,
        Some(Ok(gold)) => Some(gold),
        Some(Err(message)) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut extractions: Vec<Extraction> = Vec::new();
    for path in &options.texts {
        let text = match crate::extract::read_article(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::FAILURE;
            }
        };
        let source = SourceMeta {
            title: options.source_title.clone().unwrap_or_default(),
            publisher: options.publisher.clone().unwrap_or_default(),
            date,
            url: options.url.clone().unwrap_or_default(),
        };
        match extract_with(&engine, &text, &gazetteer, &source) {
            Ok(extraction) => {
                if let Some(reason) = &extraction.report.fallback {
                    eprintln!("{}: the rules proposed instead of the model: {reason}", path.display());
                }
                if extraction.report.dropped > 0 {
                    eprintln!(
                        "{}: {} cooperations proposed by the {} dropped: their quote is not in the text",
                        path.display(),
                        extraction.report.dropped,
                        extraction.report.engine
                    );
                }
                eprintln!(
                    "{}: {} sentences, {} actors and {} cooperations proposed",
                    path.display(),
                    extraction.sentences,
                    extraction.actors.len(),
                    extraction.cooperations.len()
                );
                extractions.push(extraction);
            }
            Err(error) => {
                eprintln!("{}: {error}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(gold) = &gold {
        for (path, extraction) in options.texts.iter().zip(&extractions) {
            print_score(path, &evaluate(extraction, gold));
        }
    }
    if options.json {
        let value = if extractions.len() == 1 {
            serde_json::to_string_pretty(&extractions[0])
        } else {
            serde_json::to_string_pretty(&extractions)
        };
        match value {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("kgx extract: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let write = |graph: &crate::model::KnowledgeGraph, path: &Path| match save_file(graph, path) {
        Ok(()) => {
            eprintln!("{}: {} actors, {} cooperations", path.display(), graph.actor_count(), graph.cooperation_count());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    };
    if let Some(output) = &options.output {
        let mut extractions = extractions.iter();
        let Some(first) = extractions.next() else { return ExitCode::FAILURE };
        let mut graph = match into_graph(first) {
            Ok(graph) => graph,
            Err(error) => {
                eprintln!("kgx extract: {error}");
                return ExitCode::FAILURE;
            }
        };
        for more in extractions {
            if let Err(error) = merge_into(&mut graph, more) {
                eprintln!("kgx extract: {error}");
                return ExitCode::FAILURE;
            }
        }
        return write(&graph, output);
    }
    if let Some(into) = &options.into {
        let mut graph = match load_file(into) {
            Ok(graph) => graph,
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        };
        for (path, extraction) in options.texts.iter().zip(&extractions) {
            match merge_into(&mut graph, extraction) {
                Ok((actors, cooperations)) => {
                    eprintln!("{}: {actors} new actors, {cooperations} new cooperations", path.display())
                }
                Err(error) => {
                    eprintln!("kgx extract: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        return write(&graph, into);
    }
    if !options.json && gold.is_none() {
        eprintln!("kgx extract: say where the proposals go: -o OUT.ron, --into GRAPH.ron, --json or --eval GOLD");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
