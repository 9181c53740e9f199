//! `kgx extract`: proposals from article texts, written as a graph, merged into one, printed as
//! JSON, or scored against a gold graph.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::extract::{Extraction, Gazetteer, Gold, Score, SourceMeta, evaluate, extract, into_graph, merge_into};
use crate::io::{load_file, save_file};

/// The command line's choices.
pub(super) struct Options {
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
        match extract(&text, &gazetteer, &source) {
            Ok(extraction) => {
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
