//! `kgx kb`: pull, query and push graphs in a SPARQL knowledge base.

use std::path::Path;
use std::process::ExitCode;

use super::KbAction;
use crate::kb::{Endpoint, KbError};
use crate::model::KnowledgeGraph;

fn endpoint(url: &str) -> Result<Endpoint, KbError> {
    Endpoint::new(url)
}

fn write(graph: &KnowledgeGraph, output: &Path) -> ExitCode {
    let written = super::convert::write(graph, output, None);
    super::convert::report(graph, output, written)
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

pub(super) fn run(action: KbAction) -> ExitCode {
    match action {
        KbAction::Pull { endpoint: url, graph, output } => match endpoint(&url).and_then(|e| e.pull(&graph)) {
            Ok((pulled, revision)) => {
                eprintln!(
                    "<{graph}>: revision {}",
                    revision.map_or_else(|| "none (not written by kgx)".to_owned(), |r| r.to_string())
                );
                write(&pulled, &output)
            }
            Err(error) => fail(error),
        },
        KbAction::Query { endpoint: url, query, output } => {
            let query = match query.strip_prefix('@') {
                Some(file) => match std::fs::read_to_string(file) {
                    Ok(text) => text,
                    Err(error) => return fail(format!("{file}: cannot read: {error}")),
                },
                None => query,
            };
            let found = endpoint(&url).and_then(|e| e.construct(&query));
            match found.and_then(|triples| Ok(crate::io::rdf::graph_from_triples(triples, Path::new(&url))?)) {
                Ok(graph) => write(&graph, &output),
                Err(error) => fail(error),
            }
        }
        KbAction::Push { file, endpoint: url, graph, replace } => {
            let loaded = match super::convert::read(std::slice::from_ref(&file), None) {
                Ok(loaded) => loaded,
                Err(message) => return fail(message),
            };
            let pushed = endpoint(&url).and_then(|e| {
                let expected = if replace { e.revision(&graph)? } else { None };
                e.push(&loaded, &graph, expected)
            });
            match pushed {
                Ok(revision) => {
                    println!(
                        "<{graph}>: wrote {} actors and {} cooperations (revision {revision})",
                        loaded.actor_count(),
                        loaded.cooperation_count()
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => fail(error),
            }
        }
    }
}
