//! The model engine's client: one chat completion against an OpenAI-compatible endpoint asking
//! for actors and cooperations as JSON under a schema (the server's structured output where it
//! has one: OpenAI's `json_schema`, else llama.cpp's `json_object` with a schema, else the
//! prompt alone), then every cooperation checked against the text: its quote must occur there
//! (white space normalised) or it is dropped and counted.

use std::collections::HashSet;
use std::ops::Range;

use serde_json::{Value, json};

use super::build::slug;
use super::engine::{EngineReport, ModelEndpoint};
use super::{Extraction, ProposedActor, ProposedCooperation, SourceMeta};
use crate::model::{ActorKind, CooperationKind, Kind};

/// The most text sent: a small model's context is a few thousand tokens.
pub const MAX_TEXT_CHARS: usize = 12_000;

/// The most answer read.
const MAX_ANSWER_BYTES: u64 = 4 * 1024 * 1024;

const INSTRUCTIONS: &str = "You read news articles and list the organisations, countries and people that \
work together, and how. Answer with JSON only. actors: every organisation, country or named person that \
takes part in a cooperation, with its name as written in the article and its kind. cooperations: each \
cooperation the article states, from the actor who acts (gives, funds, advises, reports, praises, belongs) \
to the one acted on; directed is false when both act together (agreements, partnerships, joint research). \
quote: copy the one sentence of the article that states it, word for word. Kinds: Donation (goods or aid \
given), Supply (sold or delivered), Funding (money for work), ExpertConsultation (experts, advice, training), \
JointResearch, DataSharing, Endorsement (thanks, praise), Reporting (a newspaper or agency reporting), \
Affiliation (a person or body belonging to another), Other.";

/// The most actors and cooperations one answer may hold, and the longest name and quote: a
/// grammar built from the schema then ends every answer, even a small model's that repeats
/// itself. A short text gets smaller bounds (three of each per sentence, quotes no longer than
/// its longest sentence).
const MAX_ITEMS: usize = 40;
const MAX_NAME_CHARS: usize = 80;
const MAX_QUOTE_CHARS: usize = 400;

/// The bounds of an answer for `text`: (items of each list, characters of a quote).
fn bounds(text: &str) -> (usize, usize) {
    let spans = super::sentence_spans(text);
    let items = (spans.len() * 3).clamp(4, MAX_ITEMS);
    let longest = spans.iter().map(|s| text.get(s.clone()).map_or(0, |t| t.chars().count())).max().unwrap_or(0);
    (items, (longest + 8).clamp(40, MAX_QUOTE_CHARS))
}

/// The JSON schema of an answer for `text`.
pub fn schema(text: &str) -> Value {
    let (items, quote_chars) = bounds(text);
    let actor_kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.name()).collect();
    let cooperation_kinds: Vec<&str> = CooperationKind::ALL.iter().map(|k| k.name()).collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["actors", "cooperations"],
        "properties": {
            "actors": {
                "type": "array",
                "maxItems": items,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "kind"],
                    "properties": {
                        "name": {"type": "string", "maxLength": MAX_NAME_CHARS},
                        "kind": {"type": "string", "enum": actor_kinds}
                    }
                }
            },
            "cooperations": {
                "type": "array",
                "maxItems": items,
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["from", "to", "kind", "directed", "quote"],
                    "properties": {
                        "from": {"type": "string", "maxLength": MAX_NAME_CHARS},
                        "to": {"type": "string", "maxLength": MAX_NAME_CHARS},
                        "kind": {"type": "string", "enum": cooperation_kinds},
                        "directed": {"type": "boolean"},
                        "quote": {"type": "string", "maxLength": quote_chars}
                    }
                }
            }
        }
    })
}

/// The ways a server may be asked for structured output, most exact first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Structured {
    /// OpenAI's `{"type": "json_schema", "json_schema": {...}}`.
    JsonSchema,
    /// llama.cpp's and llama-cpp-python's `{"type": "json_object", "schema": {...}}`.
    JsonObject,
    /// No `response_format`: the instructions alone.
    Prompt,
}

/// The request body for `text`.
fn request(endpoint: &ModelEndpoint, text: &str, structured: Structured) -> Value {
    let mut body = json!({
        "model": endpoint.model,
        "temperature": 0,
        // Enough for the longest answer the schema allows.
        "max_tokens": 4096,
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": text}
        ]
    });
    let format = match structured {
        Structured::JsonSchema => Some(
            json!({"type": "json_schema", "json_schema": {"name": "kgx_extraction", "strict": true, "schema": schema(text)}}),
        ),
        Structured::JsonObject => Some(json!({"type": "json_object", "schema": schema(text)})),
        Structured::Prompt => None,
    };
    if let (Some(format), Some(object)) = (format, body.as_object_mut()) {
        object.insert("response_format".to_owned(), format);
    }
    body
}

/// One POST; `Err` carries the reason and whether a simpler request may help (a 400 or 422
/// that names the response format).
fn post(endpoint: &ModelEndpoint, body: &Value) -> Result<Value, (String, bool)> {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().timeout_global(Some(endpoint.timeout)).http_status_as_error(false).build().into();
    let url = format!("{}/chat/completions", endpoint.url);
    let mut request = agent.post(&url).header("Content-Type", "application/json");
    let key = std::env::var(&endpoint.key_variable).or_else(|_| std::env::var("OPENAI_API_KEY")).ok();
    if let Some(key) = key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        request = request.header("Authorization", format!("Bearer {key}"));
    }
    let mut response = request.send(body.to_string()).map_err(|e| (format!("no answer from {url}: {e}"), false))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(MAX_ANSWER_BYTES)
        .read_to_string()
        .map_err(|e| (format!("{url}: the answer could not be read: {e}"), false))?;
    if status >= 400 {
        let excerpt: String = text.chars().take(300).collect();
        // A server without this kind of structured output refuses the request (llama-cpp-python
        // answers 500 to `json_schema`): a simpler request may go through. A missing model or
        // key will not, and is said as the server said it.
        let simpler = matches!(status, 400 | 422 | 500 | 501) && !matches!(status, 401 | 403 | 404);
        return Err((format!("{url} answered HTTP {status}: {}", excerpt.trim()), simpler));
    }
    serde_json::from_str(&text).map_err(|e| (format!("{url}: the answer is not JSON ({e})"), false))
}

/// The model's JSON: the message's content, without a Markdown fence around it.
fn content(answer: &Value) -> Result<Value, String> {
    let text = answer
        .pointer("/choices/0/message/content")
        .and_then(Value::as_str)
        .ok_or("the answer has no choices[0].message.content")?;
    let trimmed = text.trim().trim_start_matches("```json").trim_start_matches("```").trim_end_matches("```").trim();
    serde_json::from_str(trimmed).map_err(|e| {
        let excerpt: String = trimmed.chars().take(120).collect();
        format!("the model's answer is not the JSON asked for ({e}): {excerpt}")
    })
}

/// `text` with every run of white space as one space, and for each byte of that the byte of
/// `text` it came from.
fn normalised(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut space = false;
    for (k, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
                origin.push(k);
            }
            space = true;
            continue;
        }
        space = false;
        let before = out.len();
        out.push(c);
        origin.extend(std::iter::repeat_n(k, out.len() - before));
    }
    (out, origin)
}

/// Where `quote` occurs in `text` with white space normalised: the byte range in `text`.
pub fn find_quote(text: &str, quote: &str) -> Option<Range<usize>> {
    let (quote, _) = normalised(quote.trim());
    // Straight and curly quotation marks alike.
    let plain = |s: &str| s.replace(['“', '”'], "\"").replace(['‘', '’'], "'");
    let (haystack, origin) = normalised(text);
    let (quote, haystack) = (plain(&quote), plain(&haystack));
    if quote.chars().count() < 12 || quote.split(' ').count() < 3 {
        return None;
    }
    // The replacements keep byte lengths only for ASCII marks; map through char positions.
    let at = haystack.find(&quote)?;
    let start_char = haystack.get(..at)?.chars().count();
    let end_char = start_char + quote.chars().count();
    let (text_norm, _) = normalised(text);
    let byte_of = |c: usize| text_norm.char_indices().nth(c).map_or(text_norm.len(), |(b, _)| b);
    let (a, b) = (byte_of(start_char), byte_of(end_char));
    let start = *origin.get(a)?;
    let last = *origin.get(b.checked_sub(1)?)?;
    let end = last + text.get(last..)?.chars().next().map_or(1, char::len_utf8);
    Some(start..end)
}

/// Sends `text` to `endpoint` and turns the answer into an [`Extraction`]; cooperations whose
/// quote is not in the text are dropped and counted.
///
/// # Errors
/// No answer, an HTTP error, or an answer that is not the JSON asked for (the caller falls
/// back to the rules).
pub fn extract(endpoint: &ModelEndpoint, text: &str, source: &SourceMeta) -> Result<Extraction, String> {
    let sent: String = text.chars().take(MAX_TEXT_CHARS).collect();
    let mut last_error = String::new();
    let mut answer = None;
    for structured in [Structured::JsonSchema, Structured::JsonObject, Structured::Prompt] {
        match post(endpoint, &request(endpoint, &sent, structured)) {
            Ok(value) => {
                answer = Some(value);
                break;
            }
            Err((reason, simpler_may_help)) => {
                last_error = reason;
                if !simpler_may_help {
                    break;
                }
            }
        }
    }
    let answer = answer.ok_or(last_error)?;
    let value = content(&answer)?;
    Ok(from_answer(&value, text, source, &format!("model {} at {}", endpoint.model, endpoint.url)))
}

/// The extraction a model's JSON answer gives for `text`.
pub fn from_answer(value: &Value, text: &str, source: &SourceMeta, engine: &str) -> Extraction {
    let spans = super::sentence_spans(text);
    let sentence_of = |range: &Range<usize>| {
        spans
            .iter()
            .find(|s| s.start <= range.start && range.start < s.end.max(s.start + 1))
            .cloned()
            .unwrap_or(range.clone())
    };
    let mut actors: Vec<ProposedActor> = Vec::new();
    let mut taken = HashSet::new();
    let items = |key: &str| value.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let find_actor = |actors: &[ProposedActor], name: &str| {
        let key = name.trim().to_lowercase();
        actors.iter().position(|a| a.label.to_lowercase() == key || a.aliases.iter().any(|x| x.to_lowercase() == key))
    };
    let mut add_actor = |actors: &mut Vec<ProposedActor>, name: &str, kind: ActorKind| -> Option<usize> {
        let name = name.trim();
        if name.is_empty() || name.len() > 200 {
            return None;
        }
        if let Some(i) = find_actor(actors, name) {
            return Some(i);
        }
        let mut id = slug(name);
        let base = id.clone();
        let mut n = 2;
        while !taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let first = text.find(name).map(|k| k..k + name.len()).unwrap_or(0..0);
        actors.push(ProposedActor {
            id,
            label: name.to_owned(),
            kind,
            aliases: Vec::new(),
            country: None,
            attributes: Vec::new(),
            role: None,
            confidence: 0.7,
            sentence: sentence_of(&first),
        });
        Some(actors.len() - 1)
    };
    for item in items("actors") {
        let name = item.get("name").and_then(Value::as_str).unwrap_or("");
        let kind = item.get("kind").and_then(Value::as_str).and_then(ActorKind::from_name).unwrap_or(ActorKind::Other);
        add_actor(&mut actors, name, kind);
    }
    let mut cooperations = Vec::new();
    let mut dropped = 0;
    let mut ids = HashSet::new();
    for item in items("cooperations") {
        let field = |k: &str| item.get(k).and_then(Value::as_str).unwrap_or("").trim().to_owned();
        let quote = field("quote");
        let Some(range) = find_quote(text, &quote) else {
            dropped += 1;
            continue;
        };
        let (Some(from), Some(to)) = (
            add_actor(&mut actors, &field("from"), ActorKind::Other),
            add_actor(&mut actors, &field("to"), ActorKind::Other),
        ) else {
            dropped += 1;
            continue;
        };
        if from == to {
            dropped += 1;
            continue;
        }
        let kind = CooperationKind::from_name(&field("kind")).unwrap_or(CooperationKind::Other);
        let directed = item.get("directed").and_then(Value::as_bool).unwrap_or(true);
        let (Some(a), Some(b)) = (actors.get(from), actors.get(to)) else { continue };
        let mut id = format!("{}-{}-{}", a.id, slug(kind.name()), b.id);
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        cooperations.push(ProposedCooperation {
            id,
            from: a.id.clone(),
            to: b.id.clone(),
            kind,
            directed,
            label: "model".to_owned(),
            date: None,
            quote: text.get(range.clone()).unwrap_or_default().to_owned(),
            sentence: range,
            confidence: 0.7,
        });
    }
    let mut source = source.clone();
    if source.title.is_empty() {
        source.title = super::title_line(text).unwrap_or("Article").to_owned();
    }
    Extraction {
        source,
        actors,
        cooperations,
        sentences: spans.len(),
        sentence_spans: spans,
        report: EngineReport { engine: engine.to_owned(), dropped, fallback: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_is_found_with_white_space_normalised() {
        let text = "Title\n\nKenya thanked China.  China sent\n50 ventilators to Kenya on Monday.";
        let range = find_quote(text, "China sent 50 ventilators to Kenya on Monday.").expect("found");
        assert_eq!(text.get(range), Some("China sent\n50 ventilators to Kenya on Monday."));
        assert_eq!(find_quote(text, "China sent 60 ventilators to Kenya"), None, "not in the text");
        assert_eq!(find_quote(text, "Kenya"), None, "too short to be a sentence");
        let curly = "He said “we thank China for the help” on Monday.";
        assert!(find_quote(curly, "we thank \"China\" for the help").is_none());
        assert!(find_quote(curly, "said \"we thank China for the help\"").is_some());
    }

    #[test]
    fn cooperations_without_a_quote_from_the_text_are_dropped_and_counted() {
        let text = "Aid for Kenya\n\nChina sent 50 ventilators to Kenya on Monday. Kenya thanked China.";
        let answer = json!({
            "actors": [{"name": "China", "kind": "Country"}, {"name": "Kenya", "kind": "Country"}],
            "cooperations": [
                {"from": "China", "to": "Kenya", "kind": "Donation", "directed": true, "quote": "China sent 50 ventilators to Kenya on Monday."},
                {"from": "Kenya", "to": "China", "kind": "Endorsement", "directed": true, "quote": "Kenya warmly thanked China for everything."},
                {"from": "China", "to": "China", "kind": "Other", "directed": false, "quote": "Kenya thanked China."}
            ]
        });
        let e = from_answer(&answer, text, &SourceMeta::default(), "model m");
        assert_eq!(e.cooperations.len(), 1);
        assert_eq!(e.report.dropped, 2);
        let c = &e.cooperations[0];
        assert_eq!((c.from.as_str(), c.to.as_str(), c.kind), ("china", "kenya", CooperationKind::Donation));
        assert_eq!(text.get(c.sentence.clone()), Some(c.quote.as_str()));
        assert_eq!(e.source.title, "Aid for Kenya");
    }

    #[test]
    fn the_schema_lists_every_kind() {
        let s = schema("Kenya thanked China. China sent 50 ventilators to Kenya on Monday.");
        assert_eq!(s.pointer("/properties/actors/maxItems").and_then(Value::as_u64), Some(6));
        let kinds = s.pointer("/properties/cooperations/items/properties/kind/enum").and_then(Value::as_array);
        assert_eq!(kinds.map(Vec::len), Some(CooperationKind::ALL.len()));
        let body = request(
            &ModelEndpoint {
                url: "http://x/v1".into(),
                model: "m".into(),
                key_variable: "K".into(),
                timeout: std::time::Duration::from_secs(1),
            },
            "text",
            Structured::JsonObject,
        );
        assert_eq!(body.pointer("/response_format/type").and_then(Value::as_str), Some("json_object"));
    }
}
