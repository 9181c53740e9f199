//! From article to graph: proposes actors and cooperations from a news text, each with the
//! sentence that says it, for a person to review. Pure, offline and deterministic: word lists
//! ([`Gazetteer`]) and rules, no model.
//!
//! ```text
//! text ─▶ check (empty, binary, script) ─▶ tokens + sentences ─▶ actors (two passes: find, then
//!   mention) ─▶ pronouns ("we" in a quotation = the speaker's side) ─▶ cooperations per clause
//!   ─▶ affiliations, figures, dates ─▶ Extraction ─▶ graph (new, or merged into one)
//! ```

mod actors;
mod build;
mod dateline;
mod dates;
mod engine;
mod eval;
mod gazetteer;
mod openai;
mod relations;
mod text;

use std::collections::HashMap;
use std::ops::Range;

pub use build::{ActorDecision, Review, existing_match, review_edit};
pub use build::{into_graph, merge_into, slug};
pub use engine::{DEFAULT_KEY_VARIABLE, DEFAULT_TIMEOUT, Engine, EngineReport, ModelEndpoint, extract_with};
pub use eval::{Counts, Gold, Score, evaluate};
pub use gazetteer::{Gazetteer, GazetteerError};
pub use openai::{MAX_TEXT_CHARS, find_quote};

use crate::model::{ActorKind, CooperationKind, Kind, PartialDate};
use actors::{Registry, Scanner};
use relations::{Antecedents, Link, SentenceLinks, resolve_pronouns, speaker_side};

/// What is known of the text's source, from the person or the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SourceMeta {
    /// Title; when empty, the text's first line if it looks like a title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date: resolves "March 15" and "on Sunday".
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<PartialDate>,
    /// Where it was published.
    pub url: String,
}

fn serialize_date<S: serde::Serializer>(date: &Option<PartialDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_some(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// A proposed actor.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ProposedActor {
    /// Id it would get in a new graph.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Its kind.
    #[serde(serialize_with = "serialize_kind")]
    pub kind: ActorKind,
    /// Other names the text uses.
    pub aliases: Vec<String>,
    /// Its country, if known.
    pub country: Option<String>,
    /// Figures and facts: (key, value).
    pub attributes: Vec<(String, String)>,
    /// A person's role as written.
    pub role: Option<String>,
    /// How sure the extractor is, 0–1.
    pub confidence: f32,
    /// The sentence where it first appears (byte range in the text).
    pub sentence: Range<usize>,
}

/// A proposed cooperation.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ProposedCooperation {
    /// Id it would get in a new graph.
    pub id: String,
    /// Id of the actor who acts.
    pub from: String,
    /// Id of the actor acted on, or the other side.
    pub to: String,
    /// Its kind.
    #[serde(serialize_with = "serialize_kind")]
    pub kind: CooperationKind,
    /// False for mutual cooperations.
    pub directed: bool,
    /// The expression that signals it ("donated", "cooperation").
    pub label: String,
    /// When, if the text says.
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<PartialDate>,
    /// The sentence, verbatim.
    pub quote: String,
    /// Where the sentence is in the text.
    pub sentence: Range<usize>,
    /// How sure the extractor is, 0–1.
    pub confidence: f32,
}

fn serialize_kind<K: std::fmt::Display, S: serde::Serializer>(kind: &K, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&kind.to_string())
}

/// What the extractor proposes for one text.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Extraction {
    /// The source, with the title filled from the text if none was given.
    pub source: SourceMeta,
    /// Proposed actors, in order of first appearance.
    pub actors: Vec<ProposedActor>,
    /// Proposed cooperations, in order of their sentences.
    pub cooperations: Vec<ProposedCooperation>,
    /// Sentences read.
    pub sentences: usize,
    /// Each sentence's byte range in the text, in order (for the review's "add a cooperation
    /// quoting this sentence").
    #[serde(skip)]
    pub sentence_spans: Vec<Range<usize>>,
    /// Which engine proposed, what it dropped, and whether the rules stood in for a model.
    pub report: EngineReport,
}

/// The byte range of every sentence of `text`, in order. Cost: one pass over the text.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let tokens = text::tokenize(text);
    tokens.sentences.iter().map(|s| build::sentence_span(&tokens, s)).collect()
}

/// Why a text gives no proposals.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Nothing but white space.
    #[error("the text is empty")]
    Empty,
    /// Control characters or NUL bytes: not text.
    #[error("this is not text (it holds {0} control characters, as binary files do)")]
    Binary(usize),
    /// Not English, or not in the Latin script.
    #[error("the text is in {0}; the extractor reads English only so far")]
    Unsupported(String),
}

/// Articles larger than this are refused: a news article is a few kilobytes.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads an article file as UTF-8 text.
///
/// # Errors
/// A message naming the file: unreadable, larger than [`MAX_ARTICLE_BYTES`], or not UTF-8 (with
/// the first bad byte).
pub fn read_article(path: &std::path::Path) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(format!("{}: {size} bytes is more text than kgx reads as an article (64 MiB)", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (byte {} is not valid); save the article as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Checks that `text` is English prose the extractor can read.
fn check(text: &str) -> Result<(), ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let control = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if control > 0 && control * 200 > text.chars().count().max(1) || text.contains('\0') {
        return Err(ExtractError::Binary(control));
    }
    let mut latin = 0usize;
    let mut scripts: HashMap<&str, usize> = HashMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()).take(200_000) {
        let script = match c as u32 {
            0x0041..=0x024F => {
                latin += 1;
                continue;
            }
            0x0400..=0x04FF => "Cyrillic",
            0x0370..=0x03FF => "Greek",
            0x0590..=0x05FF => "Hebrew",
            0x0600..=0x06FF | 0x0750..=0x077F => "Arabic",
            0x0900..=0x097F => "Devanagari",
            0x3040..=0x30FF => "Japanese",
            0xAC00..=0xD7AF | 0x1100..=0x11FF => "Korean",
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => "Chinese",
            _ => "another script",
        };
        *scripts.entry(script).or_default() += 1;
    }
    let other: usize = scripts.values().sum();
    if other > latin {
        let mut named: Vec<(&str, usize)> = scripts.into_iter().collect();
        named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let name = named.first().map_or("another script", |n| n.0);
        return Err(ExtractError::Unsupported(format!("{name} script")));
    }
    // Latin script: English has its small words everywhere.
    let words: Vec<String> = text
        .split_whitespace()
        .take(5_000)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    if words.len() >= 30 {
        let common =
            ["the", "of", "and", "to", "is", "was", "for", "with", "by", "that", "has", "have", "from", "which"];
        let hits = words.iter().filter(|w| common.contains(&w.as_str())).count();
        if hits * 100 < words.len() * 5 {
            return Err(ExtractError::Unsupported("a language other than English".to_owned()));
        }
    }
    Ok(())
}

/// The text's title: its first line when that is short and does not end like a sentence.
pub fn title_line(text: &str) -> Option<&str> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let first = first.trim_start_matches('#').trim();
    (first.len() <= 160 && !first.ends_with('.') && !first.ends_with('"') && first.split_whitespace().count() >= 2)
        .then_some(first)
}

/// Proposes actors and cooperations for `text`.
pub fn extract(text: &str, gazetteer: &Gazetteer, source: &SourceMeta) -> Result<Extraction, ExtractError> {
    check(text)?;
    // A dateline names no actor: it is blanked (offsets kept) and gives the date and publisher.
    let has_title = title_line(text).is_some();
    let dateline = dateline::find(text, has_title);
    let blanked;
    let read: &str = match &dateline {
        Some(d) => {
            blanked = blank(text, d.range.clone());
            &blanked
        }
        None => text,
    };
    let tokens = text::tokenize(read);
    let scanner = Scanner::new(gazetteer, &tokens);
    let mut registry = Registry::default();
    // The title (the first paragraph, when the text has more) names only what the body names.
    let headline = (has_title && tokens.sentences.iter().any(|s| s.paragraph > 0))
        .then(|| tokens.sentences.iter().position(|s| s.paragraph == 0))
        .flatten();
    let headline_sentences = |s: usize| headline.is_some() && tokens.sentences.get(s).is_some_and(|x| x.paragraph == 0);
    for s in (0..tokens.sentences.len()).filter(|&s| !headline_sentences(s)) {
        scanner.scan(&mut registry, s, true);
    }
    let mut mentions: Vec<Vec<actors::Mention>> = (0..tokens.sentences.len())
        .map(|s| {
            if headline_sentences(s) {
                scanner.scan_headline(&mut registry, s)
            } else {
                scanner.scan(&mut registry, s, false)
            }
        })
        .collect();
    context_rules(&tokens, &mut registry, gazetteer, &mentions);
    home_country(&mut registry, gazetteer);

    // Pronouns and cooperations, sentence by sentence.
    let speakers = speakers(&tokens, &registry, &mentions);
    let mut links: Vec<Link> = Vec::new();
    let mut topic: Option<Vec<usize>> = None;
    let mut last_person = None;
    let mut previous_recipients: Vec<usize> = Vec::new();
    let mut previous_givers: Vec<usize> = Vec::new();
    let mut previous_words: Vec<String> = Vec::new();
    let mut recent: Vec<usize> = Vec::new();
    for (s, sentence_mentions) in mentions.iter_mut().enumerate() {
        let paragraph = tokens.sentences.get(s).map_or(0, |x| x.paragraph);
        let we = speakers.get(&paragraph).map(|&p| speaker_side(&registry, p));
        let quoted = |i: usize| tokens.tokens.get(i).is_some_and(|t| t.quoted);
        let context = Antecedents { we, topic: topic.as_deref(), last_person, recent: &recent, registry: &registry };
        resolve_pronouns(sentence_mentions, &context, quoted);
        // The last actors named, for "the two institutions" (a short window is enough).
        recent.extend(sentence_mentions.iter().filter(|m| m.pronoun.is_none()).flat_map(|m| m.actors.iter().copied()));
        if recent.len() > 64 {
            recent.drain(..recent.len() - 32);
        }
        let finder = SentenceLinks {
            text: &tokens,
            gazetteer,
            sentence: s,
            mentions: sentence_mentions,
            topic: topic.as_ref().and_then(|t| t.first().copied()),
            previous_recipients: &previous_recipients,
            previous_givers: &previous_givers,
            previous_words: &previous_words,
            registry: &registry,
        };
        let found = finder.links();
        let gives = |l: &&Link| {
            matches!(
                l.kind,
                CooperationKind::Donation
                    | CooperationKind::Supply
                    | CooperationKind::ExpertConsultation
                    | CooperationKind::DataSharing
            )
        };
        previous_recipients = found.iter().filter(gives).map(|l| l.to).collect();
        let gives_or_funds = |l: &&Link| gives(l) || l.kind == CooperationKind::Funding;
        // "The largest share of the grant was awarded X": whoever gave the grant before.
        previous_givers = found.iter().filter(gives_or_funds).map(|l| l.from).collect();
        previous_words = found.iter().filter(gives_or_funds).map(|l| l.words.to_lowercase()).collect();
        links.extend(found);
        // What the sentence is about: its first actor, not a credit in brackets ("(Cedar Press)").
        let bracketed =
            |m: &&actors::Mention| m.start.checked_sub(1).is_some_and(|p| matches!(tokens.word(p), "(" | "["));
        if let Some(first) = sentence_mentions.iter().find(|m| !m.actors.is_empty() && !bracketed(m)) {
            topic = Some(first.actors.clone());
        }
        for m in sentence_mentions.iter() {
            if let Some(&a) = m.actors.first()
                && registry.candidates.get(a).is_some_and(|c| c.kind == ActorKind::Person)
            {
                last_person = Some(a);
            }
        }
    }
    links.extend(credits(&tokens, &registry, &mentions, &speakers));
    redirect_office_holders(&mut registry, &mut links);
    for a in registry.affiliations.clone() {
        links.push(Link {
            from: a.member,
            to: a.body,
            kind: CooperationKind::Affiliation,
            directed: true,
            sentence: a.sentence,
            words: a.label.clone(),
            confidence: 0.6,
        });
    }
    let links = dedupe(links);
    figures(&tokens, &mut registry, &mentions, &links);

    let text_year = dates::reference_year(&tokens, None);
    let mut source = source.clone();
    if let Some(d) = &dateline {
        if source.date.is_none() {
            source.date = d.date(text_year);
        }
        if source.publisher.is_empty()
            && let Some(agency) = &d.agency
        {
            source.publisher = agency.clone();
        }
    }
    let year = source.date.map(|d| d.year_number()).or(text_year);
    if source.title.is_empty() {
        source.title = title_line(text).unwrap_or("Article").to_owned();
    }
    Ok(build::extraction(&tokens, &registry, &links, source, year))
}

/// `text` with the bytes of `range` as spaces, so every other offset stays where it was.
fn blank(text: &str, range: Range<usize>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for byte in bytes.get_mut(range).into_iter().flatten() {
        // Every byte of every character in the range (they start and end on character
        // boundaries) becomes a space: still UTF-8, same length.
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// Government bodies with no country belong to the country the text is about (the one it
/// names most); each is affiliated to that country when the text names it as an actor.
fn home_country(registry: &mut Registry, gazetteer: &Gazetteer) {
    let mut counts: Vec<(usize, usize)> = registry.country_mentions.iter().map(|(&c, &n)| (c, n)).collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Only a country the text is clearly about: named at least twice as often as any other.
    let dominant = match counts.as_slice() {
        [(c, _)] => Some(*c),
        [(c, n), (_, m), ..] if *n >= 2 * *m => Some(*c),
        _ => None,
    };
    let home = dominant.and_then(|c| gazetteer.countries.get(c)).map(|c| c.name.clone());
    for i in 0..registry.candidates.len() {
        let Some(c) = registry.candidates.get(i) else { continue };
        if !matches!(c.kind, ActorKind::Ministry | ActorKind::GovernmentAgency) {
            continue;
        }
        let country = c.country.clone().or_else(|| home.clone());
        let sentence = c.first_sentence;
        if let Some(country) = country {
            if let Some(c) = registry.candidates.get_mut(i) {
                c.country.get_or_insert_with(|| country.clone());
            }
            if let Some(k) = registry.find(&country)
                && registry.candidates.get(k).is_some_and(|c| c.kind == ActorKind::Country)
                && !registry.affiliations.iter().any(|a| a.member == i)
            {
                let label = registry.candidates.get(i).map(|c| c.kind.label().to_lowercase()).unwrap_or_default();
                registry.affiliations.push(actors::Affiliation {
                    member: i,
                    body: k,
                    sentence,
                    label: format!("{label} of {country}"),
                });
            }
        }
    }
}

/// Rules that read the words around a mention: "Shenzhen-based", a nationality a few words
/// before an organisation, "PERSON from ORG".
fn context_rules(
    tokens: &text::Tokenized<'_>,
    registry: &mut Registry,
    gazetteer: &Gazetteer,
    mentions: &[Vec<actors::Mention>],
) {
    let countries = gazetteer.country_index();
    for (s, sentence_mentions) in mentions.iter().enumerate() {
        for (n, m) in sentence_mentions.iter().enumerate() {
            let Some(&a) = m.actors.first() else { continue };
            if m.pronoun.is_some() {
                continue;
            }
            let kind = registry.candidates.get(a).map(|c| c.kind);
            // "the Shenzhen-based BGI Genomics"
            for back in 1..=2 {
                let w = m.start.checked_sub(back).map(|k| tokens.word(k)).unwrap_or("");
                if let Some(city) = w.strip_suffix("-based")
                    && let Some(c) = registry.candidates.get_mut(a)
                    && !c.attributes.iter().any(|(k, _)| k == "city")
                {
                    c.attributes.push(("city".to_owned(), city.to_owned()));
                }
            }
            // "Kenya's Ministry of Health"
            if kind.is_some_and(|k| !matches!(k, ActorKind::Country | ActorKind::Person))
                && m.start >= 2
                && matches!(tokens.word(m.start - 1), "'s" | "’s")
                && let Some(&c) = countries.names.get(&tokens.word(m.start - 2).to_lowercase()).or_else(|| {
                    m.start
                        .checked_sub(3)
                        .and_then(|k| countries.names.get(&tokens.slice(k, m.start - 1).to_lowercase()))
                })
                && let (Some(name), Some(cand)) = (gazetteer.countries.get(c), registry.candidates.get_mut(a))
            {
                cand.country = Some(name.name.clone());
            }
            // A person's post names its body: "UNICEF's representative", "its director general X",
            // "ministry spokesperson X", "X, head of the institute's virology unit".
            // A person may hold posts in two bodies ("Microsoft Chairman Bill Gates, co-founder of
            // the Gates Foundation").
            if kind == Some(ActorKind::Person) {
                let body = role_body_nearby(tokens, registry, gazetteer, sentence_mentions, n);
                if let Some((b, label)) = body
                    && !registry.affiliations.iter().any(|x| x.member == a && x.body == b)
                {
                    registry.affiliations.push(actors::Affiliation { member: a, body: b, sentence: s, label });
                }
            }
            // "the Chinese humanitarian organization Mammoth Foundation"
            if kind.is_some_and(|k| !matches!(k, ActorKind::Country | ActorKind::Other)) {
                for back in 1..=4 {
                    let w = m.start.checked_sub(back).map(|k| tokens.word(k)).unwrap_or("");
                    if let Some(&c) = countries.demonyms.get(&w.to_lowercase())
                        && w.chars().next().is_some_and(char::is_uppercase)
                    {
                        if let (Some(name), Some(cand)) = (gazetteer.countries.get(c), registry.candidates.get_mut(a))
                            && cand.country.is_none()
                        {
                            cand.country = Some(name.name.clone());
                        }
                        break;
                    }
                    // Another actor in between ends the search.
                    if m.start
                        .checked_sub(back)
                        .is_some_and(|k| sentence_mentions.iter().any(|o| o.end == k + 1 && o.start < m.start))
                    {
                        break;
                    }
                }
            }
            // "The Rwanda Biomedical Centre, a government agency, ...": the apposition gives the kind.
            if kind.is_some_and(|k| !matches!(k, ActorKind::Country | ActorKind::Person | ActorKind::Other))
                && tokens.word(m.end) == ","
                && matches!(tokens.word(m.end + 1).to_lowercase().as_str(), "a" | "an" | "the")
                && let Some(noun) = (m.end + 2..m.end + 6).find(|&k| matches!(tokens.word(k + 1), "," | "."))
                && (m.end + 2..=noun).all(|k| tokens.word(k).chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                && let Some(stated) = actors::kind_noun(&tokens.word(noun).to_lowercase())
                && let Some(c) = registry.candidates.get_mut(a)
            {
                c.kind = stated;
            }
            // "the AfDB, led by Akinwumi Adesina": the person heads the body named before.
            if kind == Some(ActorKind::Person)
                && m.start >= 2
                && tokens.word(m.start - 1).eq_ignore_ascii_case("by")
                && matches!(tokens.word(m.start - 2).to_lowercase().as_str(), "led" | "headed" | "chaired" | "directed")
                && let Some(&b) = sentence_mentions
                    .iter()
                    .take(n)
                    .rev()
                    .find(|o| {
                        o.pronoun.is_none()
                            && o.actors.first().and_then(|&x| registry.candidates.get(x)).is_some_and(|c| {
                                !matches!(c.kind, ActorKind::Person | ActorKind::Country | ActorKind::Other)
                            })
                    })
                    .and_then(|o| o.actors.first())
                && !registry.affiliations.iter().any(|x| x.member == a)
            {
                registry.affiliations.push(actors::Affiliation {
                    member: a,
                    body: b,
                    sentence: s,
                    label: "head".to_owned(),
                });
            }
            // "Wang Yiming from china.org.cn", "a researcher at the Pasteur Institute"
            if kind == Some(ActorKind::Person)
                && matches!(tokens.word(m.end).to_lowercase().as_str(), "from" | "of" | "at")
                && let Some(body) = sentence_mentions
                    .get(n + 1)
                    .filter(|o| o.start == m.end + 1 || o.start == m.end + 2 && tokens.word(m.end + 1) == "the")
                && let Some(&b) = body.actors.first()
                && registry
                    .candidates
                    .get(b)
                    .is_some_and(|c| !matches!(c.kind, ActorKind::Country | ActorKind::Person | ActorKind::Other))
            {
                let relation = tokens.word(m.end).to_lowercase();
                if !registry.affiliations.iter().any(|x| x.member == a && x.body == b) {
                    registry.affiliations.push(actors::Affiliation {
                        member: a,
                        body: b,
                        sentence: s,
                        label: relation,
                    });
                }
            }
        }
    }
}

/// The body a person's role phrase names, next to the name: an organisation mentioned inside
/// the role phrase before the name (after the last comma) or in the apposition after it;
/// "its" means the organisation named last before it in the sentence.
fn role_body_nearby(
    tokens: &text::Tokenized<'_>,
    registry: &Registry,
    gazetteer: &Gazetteer,
    mentions: &[actors::Mention],
    n: usize,
) -> Option<(usize, String)> {
    let m = mentions.get(n)?;
    let is_role =
        |k: usize| gazetteer.roles.iter().any(|r| r.words.first().is_some_and(|w| *w == tokens.word(k).to_lowercase()));
    let is_body = |x: &actors::Mention| {
        x.pronoun.is_none()
            && x.actors
                .first()
                .and_then(|&b| registry.candidates.get(b))
                .is_some_and(|c| !matches!(c.kind, ActorKind::Person | ActorKind::Country | ActorKind::Other))
    };
    // Before: back to the last comma or sentence start, at most 8 tokens ("Microsoft Chairman
    // Bill Gates": the mention starts with its title).
    let mut k = m.start;
    let mut role_seen = is_role(m.start);
    while k > 0 && k + 8 > m.start {
        k -= 1;
        let w = tokens.word(k);
        if matches!(w, "," | "." | ";" | "\"" | "“" | "”") {
            break;
        }
        role_seen |= is_role(k);
        if w.eq_ignore_ascii_case("its") && role_seen {
            let body = mentions.iter().take(n).rev().find(|x| x.end <= k && is_body(x))?;
            return body.actors.first().map(|&b| (b, tokens.slice(k + 1, m.start).to_lowercase()));
        }
        if let Some(body) = mentions.iter().take(n).rev().find(|x| x.start == k && is_body(x))
            && role_seen
        {
            return body.actors.first().map(|&b| (b, tokens.slice(body.end, m.start).trim().to_lowercase()));
        }
    }
    // After: ", ROLE ... ORG ...,", past a suffix or credential (", Jr.,", ", RN,").
    if tokens.word(m.end) == "," {
        let mut role_seen = false;
        let mut k = m.end + 1;
        let credential =
            |w: &str| matches!(w, "Jr" | "Sr" | "II" | "III" | "PhD" | "MD" | "RN" | "MBE" | "OBE" | "CBE" | "MP");
        if credential(tokens.word(k)) {
            k += 1;
            k += usize::from(tokens.word(k) == ".");
            k += usize::from(tokens.word(k) == ",");
        }
        while k < m.end + 14 {
            let w = tokens.word(k);
            if matches!(w, "," | "." | ";" | "" | "said" | "says" | ")") {
                break;
            }
            role_seen |= is_role(k);
            if let Some(body) = mentions.iter().skip(n + 1).find(|x| x.start == k && is_body(x)) {
                // "UNICEF's representative": the role may come after the body.
                let role_after = (body.end..body.end + 3).any(&is_role);
                if role_seen || role_after {
                    let role_end = if role_seen {
                        body.end
                    } else {
                        // The whole role: "chief executive", not "chief".
                        (body.end..body.end + 3).find(|&q| is_role(q)).map_or(body.end, |q| {
                            let longest = gazetteer
                                .roles
                                .iter()
                                .filter(|r| {
                                    r.words.iter().enumerate().all(|(j, w)| tokens.word(q + j).eq_ignore_ascii_case(w))
                                })
                                .map(|r| r.words.len())
                                .max()
                                .unwrap_or(1);
                            q + longest
                        })
                    };
                    let role = tokens.slice(m.end + 1, role_end).trim().to_lowercase();
                    return body.actors.first().map(|&b| (b, role));
                }
                return None;
            }
            k += 1;
        }
    }
    None
}

/// The person speaking in each paragraph: next to a speech verb, outside the quotation.
fn speakers(
    tokens: &text::Tokenized<'_>,
    registry: &Registry,
    mentions: &[Vec<actors::Mention>],
) -> HashMap<usize, usize> {
    let mut speakers = HashMap::new();
    let quoting: std::collections::HashSet<usize> = tokens
        .sentences
        .iter()
        .filter(|x| x.tokens.clone().any(|k| tokens.tokens.get(k).is_some_and(|t| t.quoted)))
        .map(|x| x.paragraph)
        .collect();
    for (s, sentence_mentions) in mentions.iter().enumerate() {
        let Some(sentence) = tokens.sentences.get(s) else { continue };
        for m in sentence_mentions {
            let Some(&a) = m.actors.first() else { continue };
            if m.pronoun.is_some() || tokens.tokens.get(m.start).is_some_and(|t| t.quoted) {
                continue;
            }
            if !registry.candidates.get(a).is_some_and(|c| matches!(c.kind, ActorKind::Person)) {
                continue;
            }
            let before = m.start.checked_sub(1).map(|k| tokens.word(k).to_lowercase()).unwrap_or_default();
            let after: Vec<String> = (m.end..m.end + 3).map(|k| tokens.word(k).to_lowercase()).collect();
            let speaking = actors::SPEECH.contains(&before.as_str())
                || after
                    .iter()
                    .take_while(|w| !matches!(w.as_str(), "," | "."))
                    .any(|w| actors::SPEECH.contains(&w.as_str()));
            if speaking && quoting.contains(&sentence.paragraph) {
                speakers.entry(sentence.paragraph).or_insert(a);
            }
        }
    }
    speakers
}

/// Credits: "[Photo/Xinhua]" (the agency reports on the caption's first actor), and the outlet
/// that published the article (it reports on the people it quotes).
fn credits(
    tokens: &text::Tokenized<'_>,
    registry: &Registry,
    mentions: &[Vec<actors::Mention>],
    speakers: &HashMap<usize, usize>,
) -> Vec<Link> {
    let mut links = Vec::new();
    for (s, sentence) in tokens.sentences.iter().enumerate() {
        let (a, b) = (sentence.tokens.start, sentence.tokens.end);
        let sentence_mentions = mentions.get(s).map(Vec::as_slice).unwrap_or_default();
        // [Photo/Xinhua], (Photo: Reuters)
        if let Some(k) =
            (a..b).find(|&k| tokens.word(k).eq_ignore_ascii_case("photo") && matches!(tokens.word(k + 1), "/" | ":"))
            && let Some(agency) =
                sentence_mentions.iter().find(|m| m.start == k + 2).and_then(|m| m.actors.first().copied())
        {
            let caption = if sentence_mentions.iter().any(|m| m.end <= k && !m.actors.is_empty()) {
                Some(s)
            } else {
                s.checked_sub(1)
            };
            let subject = caption
                .and_then(|c| mentions.get(c))
                .and_then(|ms| {
                    ms.iter().find(|m| {
                        m.pronoun.is_none()
                            && m.actors.first() != Some(&agency)
                            && m.end <= if Some(s) == caption { k } else { usize::MAX }
                    })
                })
                .and_then(|m| m.actors.first().copied());
            if let (Some(subject), Some(caption)) = (subject, caption) {
                links.push(Link {
                    from: agency,
                    to: subject,
                    kind: CooperationKind::Reporting,
                    directed: true,
                    sentence: caption,
                    words: "photo".to_owned(),
                    confidence: 0.5,
                });
            }
        }
        // "The article was published ... on Science and Technology Daily"
        if (a..b).any(|k| tokens.word(k).eq_ignore_ascii_case("published"))
            && (a..b)
                .any(|k| matches!(tokens.word(k).to_lowercase().as_str(), "article" | "story" | "report" | "interview"))
        {
            let outlet = sentence_mentions.iter().find(|m| {
                matches!(tokens.word(m.start.saturating_sub(1)).to_lowercase().as_str(), "on" | "in" | "by")
                    && m.actors
                        .first()
                        .and_then(|&x| registry.candidates.get(x))
                        .is_some_and(|c| c.kind == ActorKind::Media)
            });
            if let Some(&outlet) = outlet.and_then(|m| m.actors.first()) {
                let mut quoted: Vec<usize> = speakers.values().copied().collect();
                quoted.sort_unstable();
                quoted.dedup();
                for person in quoted {
                    links.push(Link {
                        from: outlet,
                        to: person,
                        kind: CooperationKind::Reporting,
                        directed: true,
                        sentence: s,
                        words: "published".to_owned(),
                        confidence: 0.45,
                    });
                }
            }
        }
    }
    links
}

/// Aid received by a head of state or government goes to that country's government.
fn redirect_office_holders(registry: &mut Registry, links: &mut [Link]) {
    for link in links.iter_mut() {
        if !matches!(link.kind, CooperationKind::Donation | CooperationKind::Supply | CooperationKind::Funding) {
            continue;
        }
        let office = registry.candidates.get(link.to).and_then(|c| c.office_of.clone());
        if let Some(country) = office
            && let Some(government) = registry.find(&format!("Government of {country}"))
        {
            link.to = government;
        }
    }
}

/// One link per pair and kind (both orders for mutual ones): the most confident, first said.
fn dedupe(links: Vec<Link>) -> Vec<Link> {
    let mut kept: Vec<Link> = Vec::new();
    let mut index: HashMap<(usize, usize, CooperationKind), usize> = HashMap::new();
    for link in links {
        let key = if link.directed {
            (link.from, link.to, link.kind)
        } else {
            (link.from.min(link.to), link.from.max(link.to), link.kind)
        };
        // A mutual link and a directed one between the same pair for the same kind: keep one.
        let reverse = (link.to, link.from, link.kind);
        match index.get(&key).or_else(|| index.get(&reverse).filter(|_| !link.directed)) {
            Some(&k) => {
                if let Some(old) = kept.get_mut(k)
                    && link.confidence > old.confidence + 0.1
                {
                    *old = link;
                }
            }
            None => {
                index.insert(key, kept.len());
                kept.push(link);
            }
        }
    }
    kept.sort_by_key(|l| l.sentence);
    kept
}

/// Figures: "over 76,000 visitors", "152 countries and regions", "one million kits", given to
/// the actor that acts in the sentence (or its first named actor).
fn figures(tokens: &text::Tokenized<'_>, registry: &mut Registry, mentions: &[Vec<actors::Mention>], links: &[Link]) {
    const QUALIFIERS: &[&str] =
        &["over", "more than", "nearly", "almost", "about", "around", "some", "up to", "at least", "less than"];
    const NUMBER_WORDS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "hundreds",
        "thousands",
        "millions",
    ];
    const SCALES: &[&str] = &["hundred", "thousand", "million", "billion"];
    let mut acting: HashMap<usize, usize> = HashMap::new();
    for l in links.iter().filter(|l| l.kind != CooperationKind::Affiliation) {
        acting.entry(l.sentence).or_insert(l.from);
    }
    for (s, sentence) in tokens.sentences.iter().enumerate() {
        let (a, b) = (sentence.tokens.start, sentence.tokens.end);
        let owner = acting.get(&s).copied().or_else(|| {
            mentions
                .get(s)?
                .iter()
                .find(|m| {
                    m.pronoun.is_none()
                        && m.actors.first().and_then(|&x| registry.candidates.get(x)).is_some_and(|c| !c.group)
                })
                .and_then(|m| m.actors.first().copied())
        });
        let Some(owner) = owner else { continue };
        let mut k = a;
        while k < b {
            let w = tokens.word(k).to_lowercase();
            let is_number = tokens.tokens.get(k).is_some_and(|t| t.kind == text::TokenKind::Number)
                || NUMBER_WORDS.contains(&w.as_str());
            let previous = k.checked_sub(1).map(|p| tokens.word(p)).unwrap_or("");
            let after_month = dates::is_month(&previous.to_lowercase())
                || w.len() == 4 && w.starts_with(['1', '2']) && !w.contains(',');
            if !is_number || after_month {
                k += 1;
                continue;
            }
            let mut value_start = k;
            for q in QUALIFIERS {
                let n = q.split(' ').count();
                // "handed over 50 ventilators": a verb's particle is no qualifier.
                let particle = k > n && tokens.word(k - n - 1).to_lowercase().starts_with("hand");
                if k >= n && !particle && tokens.slice(k - n, k).eq_ignore_ascii_case(q) {
                    value_start = k - n;
                }
            }
            let mut e = k + 1;
            if SCALES.contains(&tokens.word(e).to_lowercase().as_str()) {
                e += 1;
            }
            let noun = tokens.word(e);
            let small_word = NUMBER_WORDS.contains(&w.as_str()) && e == k + 1;
            if small_word || !noun.chars().all(|c| c.is_ascii_lowercase()) || noun.len() < 3 || noun.ends_with("ly") {
                k = e;
                continue;
            }
            // "test kits", "laboratory scientists": up to the plural noun.
            let value_end = e;
            if !noun.ends_with('s')
                && tokens.word(e + 1).ends_with('s')
                && tokens.word(e + 1).chars().all(|c| c.is_ascii_lowercase())
            {
                e += 1;
            }
            let mut key_end = e + 1;
            if tokens.word(e + 1) == "and"
                && tokens.word(e + 2).chars().all(|c| c.is_ascii_lowercase())
                && tokens.word(e + 2).ends_with('s')
            {
                key_end = e + 3;
            }
            let key = tokens
                .slice(k + 1 + usize::from(SCALES.contains(&tokens.word(k + 1).to_lowercase().as_str())), key_end)
                .to_owned();
            let value = tokens.slice(value_start, value_end).to_owned();
            if matches!(key.as_str(), "times" | "years" | "days" | "months" | "weeks" | "hours" | "percent" | "per") {
                k = key_end;
                continue;
            }
            if let Some(c) = registry.candidates.get_mut(owner)
                && !c.attributes.iter().any(|(k, _)| *k == key)
            {
                c.attributes.push((key, value));
            }
            k = key_end;
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_reporting;
