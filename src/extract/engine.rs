//! Which engine proposes: the rules (default, offline) or a language model behind an
//! OpenAI-compatible chat endpoint (llama.cpp's server, Ollama, vLLM, LM Studio, a hosted
//! service). The rules are also the fallback when the endpoint fails, and every model proposal
//! must quote a sentence of the text or it is dropped.

use std::time::Duration;

use super::{ExtractError, Extraction, Gazetteer, SourceMeta, extract};

/// The environment variable the model engine reads its key from unless told another.
pub const DEFAULT_KEY_VARIABLE: &str = "KGX_MODEL_API_KEY";

/// How long the model engine waits for an answer by default: a model on a CPU is slow.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(180);

/// Where a model engine sends the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelEndpoint {
    /// The API's base URL, ending before `/chat/completions` (`http://127.0.0.1:8080/v1`).
    pub url: String,
    /// The model's name as the server knows it.
    pub model: String,
    /// The environment variable holding the key (none needed when it is unset).
    pub key_variable: String,
    /// How long to wait for the whole answer.
    pub timeout: Duration,
}

/// The engine that proposes actors and cooperations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Engine {
    /// Word lists and rules: offline and deterministic.
    #[default]
    Rules,
    /// A model behind an OpenAI-compatible chat endpoint.
    Model(ModelEndpoint),
}

impl Engine {
    /// The engine a command line names: `rules`, or `openai:URL` with a model name.
    ///
    /// # Errors
    /// An unknown engine, a URL that is not http(s), or a model engine without a model name.
    pub fn parse(spec: &str, model: Option<&str>) -> Result<Self, String> {
        let spec = spec.trim();
        if spec.eq_ignore_ascii_case("rules") {
            return Ok(Engine::Rules);
        }
        let Some(url) = spec.strip_prefix("openai:") else {
            return Err(format!("unknown engine `{spec}`: use `rules` or `openai:URL` (an OpenAI-compatible API)"));
        };
        let url = url.trim().trim_end_matches('/');
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.len() < 10 {
            return Err(format!("`{url}` is not an http(s) URL; for example openai:http://127.0.0.1:8080/v1"));
        }
        let model = model.map(str::trim).filter(|m| !m.is_empty()).ok_or_else(|| {
            "the model engine needs the model's name: --model NAME (as the server lists it)".to_owned()
        })?;
        Ok(Engine::Model(ModelEndpoint {
            url: url.to_owned(),
            model: model.to_owned(),
            key_variable: DEFAULT_KEY_VARIABLE.to_owned(),
            timeout: DEFAULT_TIMEOUT,
        }))
    }

    /// A short name for messages ("rules", "model NAME at URL").
    pub fn describe(&self) -> String {
        match self {
            Engine::Rules => "rules".to_owned(),
            Engine::Model(m) => format!("model {} at {}", m.model, m.url),
        }
    }
}

/// What an engine did besides proposing.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct EngineReport {
    /// The engine that made the proposals ("rules", or "model NAME at URL").
    pub engine: String,
    /// Model cooperations dropped because their quote is not a sentence of the text.
    pub dropped: usize,
    /// Why the rules made the proposals instead of the model (the endpoint failed).
    pub fallback: Option<String>,
}

/// Proposes actors and cooperations for `text` with `engine`; a model engine that fails (no
/// answer, an error, an answer that is no extraction) falls back to the rules, saying why.
///
/// # Errors
/// The text is empty, binary or not English (the same checks for every engine).
pub fn extract_with(
    engine: &Engine,
    text: &str,
    gazetteer: &Gazetteer,
    source: &SourceMeta,
) -> Result<Extraction, ExtractError> {
    match engine {
        Engine::Rules => extract(text, gazetteer, source),
        Engine::Model(endpoint) => {
            super::check(text)?;
            match super::openai::extract(endpoint, text, source) {
                Ok(extraction) => Ok(extraction),
                Err(reason) => {
                    let mut extraction = extract(text, gazetteer, source)?;
                    extraction.report.fallback = Some(format!("{}: {reason}", engine.describe()));
                    Ok(extraction)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_are_named_on_the_command_line() {
        assert_eq!(Engine::parse("rules", None), Ok(Engine::Rules));
        let Ok(Engine::Model(m)) = Engine::parse("openai:http://127.0.0.1:8080/v1/", Some("qwen")) else {
            panic!("a model engine")
        };
        assert_eq!((m.url.as_str(), m.model.as_str()), ("http://127.0.0.1:8080/v1", "qwen"));
        assert!(Engine::parse("openai:http://127.0.0.1:8080/v1", None).is_err_and(|e| e.contains("--model")));
        assert!(Engine::parse("openai:ftp://x", Some("m")).is_err_and(|e| e.contains("http")));
        assert!(Engine::parse("gpt", Some("m")).is_err_and(|e| e.contains("unknown engine")));
    }

    #[test]
    fn an_endpoint_that_does_not_answer_falls_back_to_the_rules() {
        // Nothing listens on port 9 of the loopback: the connection is refused at once.
        let engine = Engine::Model(ModelEndpoint {
            url: "http://127.0.0.1:9/v1".to_owned(),
            model: "m".to_owned(),
            key_variable: DEFAULT_KEY_VARIABLE.to_owned(),
            timeout: Duration::from_secs(5),
        });
        let text = "Kenya thanked China for 50 ventilators.";
        let e = extract_with(&engine, text, &Gazetteer::builtin(), &SourceMeta::default()).expect("English");
        assert!(e.report.fallback.as_deref().is_some_and(|f| f.contains("127.0.0.1:9")), "{:?}", e.report);
        assert_eq!(e.report.engine, "rules");
        assert!(!e.cooperations.is_empty(), "the rules proposed");
    }
}
