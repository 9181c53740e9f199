//! Search over actors' labels, aliases, ids and attribute values, word by word: each word of the
//! query must match a word of the actor (in any order, in any of its texts), exactly, as the
//! beginning of a word, or within a typo or two. Small words ("of", "the") may be left out, and
//! British and American spellings are the same word (see [`super::spelling`]).
//!
//! A [`SearchIndex`] holds every distinct word once, so a query compares its words with each
//! distinct word once, then adds up per actor.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use rayon::prelude::*;

use super::spelling::{is_stop_word, push_words, words};
use crate::model::KnowledgeGraph;

/// One actor that matches a query, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    /// The actor.
    pub node: NodeIndex,
    /// How well it matches; higher is better (only the order means something).
    pub score: u32,
    /// The text that matched best when it is not the label alone: an alias, the id, or
    /// `key: value`; otherwise the label.
    pub matched: String,
    /// Whether every word of the query matched.
    pub complete: bool,
}

/// The outcome of a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// The best hits, best first. When some actor matches every word, only such actors are
    /// listed; otherwise the actors matching the most words.
    pub hits: Vec<SearchHit>,
    /// How many actors matched (the hits are the best of them).
    pub total: usize,
    /// How many words of the query counted (small words left out unless there is nothing else).
    pub words: usize,
}

impl SearchResults {
    /// Whether the hits match every word of the query (and there are hits).
    pub fn is_complete(&self) -> bool {
        self.hits.first().is_some_and(|h| h.complete)
    }

    /// One line telling what was found and what Enter does, never promising a first match
    /// when there is none.
    pub fn hint(&self) -> String {
        let listed = self.hits.len();
        if listed == 0 {
            return if self.words > 1 { "No actor matches these words" } else { "No actor matches" }.to_owned();
        }
        let count = if self.total > listed {
            format!("{} matches, the best {listed} listed", self.total)
        } else if listed == 1 {
            "1 match".to_owned()
        } else {
            format!("{listed} matches")
        };
        if self.is_complete() {
            format!("{count}; Enter selects the first")
        } else {
            format!("No actor matches every word; {count} on some of them; Enter selects the first")
        }
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("actors", &self.entries.len())
            .field("distinct_words", &self.vocabulary.len())
            .finish()
    }
}

/// Where in an actor a word was found, the most telling first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Other,
    Alias,
    Label,
}

/// How a query word matches a word of the text, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
enum Tier {
    None = 0,
    /// The query word appears inside the word (at least 3 letters, or any Chinese, Japanese or
    /// Korean text, which is written without spaces).
    Inside = 1,
    /// Within the typos the query word's length allows, of the word or of its beginning.
    Typo = 2,
    /// The word begins with the query word.
    Prefix = 3,
    /// The same word.
    Exact = 4,
}

/// One text of an actor: where its words (as vocabulary numbers) are, all of them and without
/// the small words.
struct Text {
    field: Field,
    /// Which text: 0 the label or id, else the alias or attribute number + 1.
    which: u16,
    start: u32,
    end: u32,
    content_start: u32,
    content_end: u32,
}

/// An actor's texts.
struct Entry {
    node: NodeIndex,
    texts: std::ops::Range<u32>,
    /// Lower-case label, for ties.
    sort_key: String,
}

/// An actor's texts taken apart into words, before the words are numbered.
#[derive(Default)]
struct TakenApart {
    words: String,
    ends: Vec<u32>,
    /// Field, which text, and how many words, for each text with words.
    texts: Vec<(Field, u16, usize)>,
}

impl TakenApart {
    fn add(&mut self, field: Field, which: usize, text: &str) {
        let before = self.ends.len();
        push_words(text, &mut self.words, &mut self.ends);
        let count = self.ends.len() - before;
        if count > 0 {
            self.texts.push((field, u16::try_from(which).unwrap_or(u16::MAX), count));
        }
    }
}

/// An actor found, before it becomes a [`SearchHit`].
struct Ranked {
    score: u32,
    /// Whether every query word matched.
    complete: bool,
    /// Its number among the index's entries.
    entry: usize,
    /// The text to show as the reason (an alias, the id or an attribute), if not the label.
    why: Option<(Field, u16)>,
}

/// Every actor's words, ready to search. Build it once per document revision.
pub struct SearchIndex {
    vocabulary: Vec<Vec<char>>,
    stop: Vec<bool>,
    entries: Vec<Entry>,
    texts: Vec<Text>,
    words: Vec<u32>,
    /// The words of each text without the small ones.
    content: Vec<u32>,
}

/// Query words beyond this many are ignored.
const MAX_QUERY_WORDS: usize = 12;

impl SearchIndex {
    /// Indexes the labels, aliases, ids and attribute values of every actor of `graph`.
    /// O(total text length); the words are taken apart in parallel, then numbered in order.
    pub fn new(graph: &KnowledgeGraph) -> Self {
        let nodes: Vec<NodeIndex> = graph.petgraph().node_indices().collect();
        // Per actor: its words one after the other, where each ends, and per text its field,
        // which one, and how many words.
        let actors: Vec<(NodeIndex, String, TakenApart)> = nodes
            .par_iter()
            .filter_map(|&node| {
                let actor = graph.actor_at(node)?;
                let mut apart = TakenApart::default();
                apart.add(Field::Label, 0, &actor.label);
                for (k, alias) in actor.aliases.iter().enumerate() {
                    apart.add(Field::Alias, k + 1, alias);
                }
                apart.add(Field::Other, 0, actor.id().as_str());
                for (k, attribute) in actor.attributes.iter().enumerate() {
                    apart.add(Field::Other, k + 1, &attribute.value);
                }
                Some((node, actor.label.to_lowercase(), apart))
            })
            .collect();
        let mut index = Self {
            vocabulary: Vec::new(),
            stop: Vec::new(),
            entries: Vec::with_capacity(actors.len()),
            texts: Vec::new(),
            words: Vec::new(),
            content: Vec::new(),
        };
        let mut numbers: HashMap<String, u32, foldhash::fast::RandomState> = HashMap::default();
        for (node, sort_key, apart) in actors {
            let first = index.texts.len() as u32;
            let mut word_ends = apart.ends.iter();
            let mut start = 0usize;
            for (field, which, count) in apart.texts {
                let (text_start, content_start) = (index.words.len() as u32, index.content.len() as u32);
                for &end in word_ends.by_ref().take(count) {
                    let word = apart.words.get(start..end as usize).unwrap_or_default();
                    start = end as usize;
                    let number = match numbers.get(word) {
                        Some(&n) => n,
                        None => {
                            let n = index.vocabulary.len() as u32;
                            index.stop.push(is_stop_word(word));
                            index.vocabulary.push(word.chars().collect());
                            numbers.insert(word.to_owned(), n);
                            n
                        }
                    };
                    index.words.push(number);
                    if !index.stop[number as usize] {
                        index.content.push(number);
                    }
                }
                index.texts.push(Text {
                    field,
                    which,
                    start: text_start,
                    end: index.words.len() as u32,
                    content_start,
                    content_end: index.content.len() as u32,
                });
            }
            index.entries.push(Entry { node, texts: first..index.texts.len() as u32, sort_key });
        }
        index
    }

    /// Number of actors indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no actor is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The actors matching `query`, best first, at most `limit` of them. Ranked by: how many
    /// query words matched; how well (exact, then beginning of a word, then typo, each in the
    /// label before an alias before an attribute or the id); the query being the whole of one
    /// text; the words in the query's order within one text; the share of that text's words
    /// matched (shorter names first); then by label. `graph` must be the graph indexed.
    /// O(distinct words · query length + total words · query words), the first part in
    /// parallel.
    pub fn search(&self, graph: &KnowledgeGraph, query: &str, limit: usize) -> SearchResults {
        let mut query_words: Vec<String> = words(query);
        if query_words.iter().any(|w| !is_stop_word(w)) {
            query_words.retain(|w| !is_stop_word(w));
        }
        query_words.truncate(MAX_QUERY_WORDS);
        if query_words.is_empty() {
            return SearchResults::default();
        }
        let ignore_stop = query_words.iter().all(|w| !is_stop_word(w));
        let query_chars: Vec<Vec<char>> = query_words.iter().map(|w| w.chars().collect()).collect();
        // How each query word matches each distinct word.
        let tiers: Vec<Vec<Tier>> = query_chars
            .iter()
            .map(|q| self.vocabulary.par_iter().map_init(Vec::new, |scratch, w| tier(q, w, scratch)).collect())
            .collect();
        let mut found: Vec<Ranked> = self
            .entries
            .par_iter()
            .enumerate()
            .filter_map(|(entry, indexed)| self.rank(entry, indexed, &tiers, ignore_stop))
            .collect();
        if found.iter().any(|r| r.complete) {
            found.retain(|r| r.complete);
        }
        let total = found.len();
        let by_rank = |a: &Ranked, b: &Ranked| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.entries[a.entry].sort_key.cmp(&self.entries[b.entry].sort_key))
                .then(a.entry.cmp(&b.entry))
        };
        if found.len() > limit {
            let last = limit.saturating_sub(1);
            found.select_nth_unstable_by(last, by_rank);
            found.truncate(limit);
        }
        found.sort_by(by_rank);
        let hits = found
            .into_iter()
            .filter_map(|Ranked { score, complete, entry, why }| {
                let node = self.entries[entry].node;
                let actor = graph.actor_at(node)?;
                let matched = match why {
                    Some((Field::Alias, k)) => actor.aliases.get(usize::from(k) - 1).cloned(),
                    Some((Field::Other, 0)) => Some(actor.id().to_string()),
                    Some((Field::Other, k)) => {
                        actor.attributes.get(usize::from(k) - 1).map(|a| format!("{}: {}", a.key, a.value))
                    }
                    _ => None,
                };
                Some(SearchHit { node, score, matched: matched.unwrap_or_else(|| actor.label.clone()), complete })
            })
            .collect();
        SearchResults { hits, total, words: query_words.len() }
    }

    /// The words of `text`, without the small ones if `ignore_stop`.
    fn text_words(&self, text: &Text, ignore_stop: bool) -> &[u32] {
        let range = if ignore_stop {
            self.content.get(text.content_start as usize..text.content_end as usize)
        } else {
            self.words.get(text.start as usize..text.end as usize)
        };
        range.unwrap_or_default()
    }

    /// How well entry number `entry` matches the query words (`tiers`); `None` if no word
    /// matched.
    fn rank(&self, entry: usize, indexed: &Entry, tiers: &[Vec<Tier>], ignore_stop: bool) -> Option<Ranked> {
        let texts = self.texts.get(indexed.texts.start as usize..indexed.texts.end as usize)?;
        // Best (tier, field, text) per query word.
        let mut best: [(Tier, Field, usize); MAX_QUERY_WORDS] = [(Tier::None, Field::Other, 0); MAX_QUERY_WORDS];
        for (t, text) in texts.iter().enumerate() {
            for &w in self.text_words(text, ignore_stop) {
                for (q, tiers) in tiers.iter().enumerate() {
                    let tier = tiers[w as usize];
                    if tier != Tier::None && (tier, text.field) > (best[q].0, best[q].1) {
                        best[q] = (tier, text.field, t);
                    }
                }
            }
        }
        let best = &best[..tiers.len()];
        let matched = best.iter().filter(|b| b.0 != Tier::None).count();
        if matched == 0 {
            return None;
        }
        let points: u32 = best.iter().filter(|b| b.0 != Tier::None).map(|b| 3 * b.0 as u32 + b.1 as u32).sum();
        // Order, wholeness and the share of words matched are judged text by text; the best text
        // counts.
        let mut whole = false;
        let mut in_order = false;
        let mut share = 0u32;
        for text in texts {
            let text_words = self.text_words(text, ignore_stop);
            if text_words.is_empty() {
                continue;
            }
            let hits = tiers.iter().filter(|t| text_words.iter().any(|&w| t[w as usize] != Tier::None)).count();
            let text_share = (hits * 63 / text_words.len().max(hits)) as u32;
            share = share.max(text_share);
            if hits == tiers.len() {
                in_order |= in_query_order(text_words, tiers);
                whole |= text_words.len() == tiers.len()
                    && text_words.iter().zip(tiers).all(|(&w, t)| t[w as usize] == Tier::Exact);
            }
        }
        let score = (matched as u32) << 16
            | points.min(255) << 8
            | u32::from(whole) << 7
            | u32::from(in_order) << 6
            | share.min(63);
        // The reason shown: the first query word found best outside the label.
        let why = best
            .iter()
            .find(|b| b.0 != Tier::None && b.1 != Field::Label)
            .and_then(|b| texts.get(b.2))
            .map(|text| (text.field, text.which));
        Some(Ranked { score, complete: matched == tiers.len(), entry, why })
    }
}

/// Whether the query words match words of `text` in the query's order (each a later word).
fn in_query_order(text: &[u32], tiers: &[Vec<Tier>]) -> bool {
    let mut next = 0;
    for t in tiers {
        match text.get(next..).and_then(|rest| rest.iter().position(|&w| t[w as usize] != Tier::None)) {
            Some(p) => next += p + 1,
            None => return false,
        }
    }
    true
}

/// How query word `q` matches word `w` (`scratch`: working memory for the typo distance).
fn tier(q: &[char], w: &[char], scratch: &mut Vec<usize>) -> Tier {
    if q == w {
        return Tier::Exact;
    }
    if w.starts_with(q) {
        return Tier::Prefix;
    }
    let allowed = allowed_typos(q);
    if allowed > 0 {
        let mut within = |w: &[char]| typo_distance(q, w, allowed, scratch).is_some();
        if within(w) || (w.len() > q.len() && w.get(..q.len()).is_some_and(within)) {
            return Tier::Typo;
        }
    }
    let inside_allowed = q.len() >= 3 || q.iter().any(|&c| is_cjk(c));
    if inside_allowed && q.len() < w.len() && w.windows(q.len()).any(|window| window == q) {
        return Tier::Inside;
    }
    Tier::None
}

/// Typos a query word may have: none up to 3 letters or with digits (numbers are exact), one up
/// to 7, two from 8.
fn allowed_typos(q: &[char]) -> usize {
    if q.iter().any(|c| c.is_numeric()) {
        return 0;
    }
    match q.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether `c` is a Chinese, Japanese or Korean character (text without spaces between words).
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The number of edits (insertions, deletions, substitutions, swaps of two neighbours) turning
/// `a` into `b`, if at most `limit`; `scratch` is working memory, kept between calls. O(|a| ·
/// |b|) at worst, usually stops after a few rows.
fn typo_distance(a: &[char], b: &[char], limit: usize, scratch: &mut Vec<usize>) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    scratch.clear();
    scratch.resize(3 * width, 0);
    let (before, rest) = scratch.split_at_mut(width);
    let (mut previous, mut current) = rest.split_at_mut(width);
    let mut before = before;
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j - 1] + cost).min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        // The rows move up: `before` takes the old `previous`, whose place takes `current`.
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[width - 1];
    (distance <= limit).then_some(distance)
}

/// Actors matching `query`, best first, at most `limit` (see [`SearchIndex::search`]). Builds
/// the index each time: keep a [`SearchIndex`] to search one graph repeatedly.
pub fn search(graph: &KnowledgeGraph, query: &str, limit: usize) -> Vec<SearchHit> {
    SearchIndex::new(graph).search(graph, query, limit).hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn typo_distance_counts_swaps_as_one_edit_and_stops_at_the_limit() {
        let d = |a: &str, b: &str, limit| typo_distance(&chars(a), &chars(b), limit, &mut Vec::new());
        assert_eq!(d("hospitl", "hospital", 2), Some(1));
        assert_eq!(d("hosiptal", "hospital", 2), Some(1), "a swap");
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
    }

    #[test]
    fn tiers_rank_exact_before_prefix_before_typo_before_inside() {
        let t = |q: &str, w: &str| tier(&chars(q), &chars(w), &mut Vec::new());
        assert_eq!(t("wuhan", "wuhan"), Tier::Exact);
        assert_eq!(t("hosp", "hospital"), Tier::Prefix);
        assert_eq!(t("hospitl", "hospital"), Tier::Typo);
        assert_eq!(t("virus", "coronavirus"), Tier::Inside);
        assert_eq!(t("2019", "2018"), Tier::None, "numbers are exact");
        assert_eq!(t("cat", "cut"), Tier::None, "short words are exact");
        assert!(Tier::Exact > Tier::Prefix && Tier::Prefix > Tier::Typo && Tier::Typo > Tier::Inside);
    }
}
