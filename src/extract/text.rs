//! Text into tokens and sentences, with byte offsets into the original text and which tokens
//! stand inside quotation marks.

use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner hyphens, apostrophes or dots: `Shenzhen-based`, `china.org.cn`, `U.S.`).
    Word,
    /// Digits, with inner commas or dots (`76,000`, `1.5`).
    Number,
    /// Any other single character that is not space.
    Punct,
}

/// One token of the text.
#[derive(Clone, Debug)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Letters, number or punctuation.
    pub kind: TokenKind,
    /// Inside quotation marks (reported speech).
    pub quoted: bool,
}

/// A sentence: a run of tokens within one paragraph.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Paragraph number (lines of text).
    pub paragraph: usize,
}

/// The text cut into tokens and sentences.
#[derive(Debug)]
pub struct Tokenized<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Every token in order.
    pub tokens: Vec<Token>,
    /// Every sentence in order.
    pub sentences: Vec<Sentence>,
}

impl<'a> Tokenized<'a> {
    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.text.get(t.span.clone())).unwrap_or("")
    }

    /// The text from the start of token `a` to the end of token `b - 1`, as written.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        match (self.tokens.get(a), b.checked_sub(1).and_then(|last| self.tokens.get(last))) {
            (Some(first), Some(last)) if first.span.start <= last.span.end => {
                self.text.get(first.span.start..last.span.end).unwrap_or("")
            }
            _ => "",
        }
    }

    /// The sentence's text as written, trimmed.
    pub fn sentence_text(&self, sentence: &Sentence) -> &'a str {
        self.slice(sentence.tokens.start, sentence.tokens.end).trim()
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "gen", "sen", "rep", "gov", "inc", "co", "ltd", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "jr", "sr",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '«')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Cuts `text` into tokens and sentences. Linear in the text's length.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    let mut tokens = Vec::new();
    // Byte offsets; `at` reads the character there, `next` steps over it.
    let at = |k: usize| text.get(k..).and_then(|s| s.chars().next());
    let next = |k: usize| k + at(k).map_or(1, char::len_utf8);
    let at_next = |k: usize| at(next(k));
    let mut k = 0;
    let mut paragraph_breaks = Vec::new();
    while let Some(c) = at(k) {
        if c == '\n' {
            paragraph_breaks.push(tokens.len());
            k = next(k);
            continue;
        }
        if c.is_whitespace() {
            k = next(k);
            continue;
        }
        let start = k;
        if c.is_ascii_digit() {
            k = next(k);
            while let Some(c) = at(k) {
                let inner = matches!(c, ',' | '.') && at_next(k).is_some_and(|n| n.is_ascii_digit());
                if c.is_ascii_digit() || inner {
                    k = next(k);
                } else {
                    break;
                }
            }
            // "2019-nCoV", "COVID-19": a number glued to letters is a word.
            let mut kind = TokenKind::Number;
            while let Some(c) = at(k) {
                let joins = c == '-' && at_next(k).is_some_and(is_word_char);
                if is_word_char(c) || joins {
                    kind = TokenKind::Word;
                    k = next(k);
                } else {
                    break;
                }
            }
            tokens.push(Token { span: start..k, kind, quoted: false });
        } else if is_word_char(c) {
            k = next(k);
            while let Some(c) = at(k) {
                let next_is_word = at_next(k).is_some_and(is_word_char);
                let inner = match c {
                    '-' | '.' | '&' => next_is_word,
                    '\'' | '’' => {
                        // "People's": the possessive becomes its own token below.
                        let possessive =
                            matches!(at_next(k), Some('s' | 'S')) && !at(next(next(k))).is_some_and(is_word_char);
                        next_is_word && !possessive
                    }
                    _ => false,
                };
                if is_word_char(c) || inner {
                    k = next(k);
                } else {
                    break;
                }
            }
            // "U.S." keeps its last dot: single letters between dots.
            let word = text.get(start..k).unwrap_or("");
            if at(k) == Some('.') && word.len() >= 3 && word.split('.').all(|part| part.chars().count() == 1) {
                k = next(k);
            }
            tokens.push(Token { span: start..k, kind: TokenKind::Word, quoted: false });
            // A possessive 's after a word.
            if matches!(at(k), Some('\'' | '’'))
                && matches!(at_next(k), Some('s' | 'S'))
                && !at(next(next(k))).is_some_and(is_word_char)
            {
                let end = next(next(k));
                tokens.push(Token { span: k..end, kind: TokenKind::Word, quoted: false });
                k = end;
            }
        } else {
            k = next(k);
            tokens.push(Token { span: start..k, kind: TokenKind::Punct, quoted: false });
        }
    }
    let mut tokenized = Tokenized { text, tokens, sentences: Vec::new() };
    mark_quotes(&mut tokenized, &paragraph_breaks);
    tokenized.sentences = split_sentences(&tokenized, &paragraph_breaks);
    tokenized
}

/// Marks the tokens inside quotation marks, each paragraph on its own (a quote left open at the
/// end of a paragraph closes there, as in news style where the next paragraph reopens it).
fn mark_quotes(tokenized: &mut Tokenized<'_>, breaks: &[usize]) {
    let mut inside = false;
    let mut next_break = breaks.iter().copied().peekable();
    let text = tokenized.text;
    for (i, token) in tokenized.tokens.iter_mut().enumerate() {
        while next_break.peek().is_some_and(|&b| b <= i) {
            next_break.next();
            inside = false;
        }
        let c = text.get(token.span.clone()).and_then(|s| s.chars().next()).unwrap_or(' ');
        if token.kind == TokenKind::Punct && (c == '"' || is_open_quote(c) || is_close_quote(c)) {
            inside = if c == '"' { !inside } else { is_open_quote(c) };
            token.quoted = false;
        } else {
            token.quoted = inside;
        }
    }
}

fn split_sentences(tokenized: &Tokenized<'_>, breaks: &[usize]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut paragraph = 0;
    let mut next_break = breaks.iter().copied().peekable();
    let n = tokenized.tokens.len();
    let mut i = 0;
    while i < n {
        while next_break.peek().is_some_and(|&b| b <= i) {
            next_break.next();
            if start < i {
                sentences.push(Sentence { tokens: start..i, paragraph });
            }
            start = i;
            paragraph += 1;
        }
        let word = tokenized.word(i);
        let ends = match word {
            "!" | "?" => true,
            "." => {
                let previous = i.checked_sub(1).map(|p| tokenized.word(p).to_lowercase()).unwrap_or_default();
                let abbreviation = ABBREVIATIONS.contains(&previous.as_str())
                    || (previous.chars().count() == 1 && previous.chars().all(char::is_alphabetic));
                let next = tokenized.word(i + 1);
                let next_starts =
                    next.is_empty() || next.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric());
                !abbreviation && next_starts
            }
            _ => false,
        };
        if ends {
            let mut end = i + 1;
            // A closing quote or bracket right after the stop belongs to the sentence.
            while end < n
                && matches!(tokenized.word(end), "\"" | "”" | "’" | ")" | "]")
                && !starts_quote(tokenized, end)
            {
                end += 1;
            }
            sentences.push(Sentence { tokens: start..end, paragraph });
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < n {
        sentences.push(Sentence { tokens: start..n, paragraph });
    }
    sentences
}

/// Whether the straight quote at `i` opens a quotation (the token after it is quoted).
fn starts_quote(tokenized: &Tokenized<'_>, i: usize) -> bool {
    tokenized.word(i) == "\"" && tokenized.tokens.get(i + 1).is_some_and(|t| t.quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = tokenize(text);
        (0..t.tokens.len()).map(|i| t.word(i)).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_split_possessives() {
        assert_eq!(
            words("China's Shenzhen-based BGI sold 76,000 kits to the U.S. via china.org.cn."),
            [
                "China",
                "'s",
                "Shenzhen-based",
                "BGI",
                "sold",
                "76,000",
                "kits",
                "to",
                "the",
                "U.S.",
                "via",
                "china.org.cn",
                "."
            ]
        );
        assert_eq!(words("COVID-19 and 2019-nCoV"), ["COVID-19", "and", "2019-nCoV"]);
        assert_eq!(words("People's Daily"), ["People", "'s", "Daily"]);
    }

    #[test]
    fn sentences_end_at_stops_but_not_after_abbreviations() {
        let t = tokenize("Dr. Li met Mr. Smith. They talked.\nA heading\n\"We agree,\" she said.");
        let texts: Vec<&str> = t.sentences.iter().map(|s| t.sentence_text(s)).collect();
        assert_eq!(texts, ["Dr. Li met Mr. Smith.", "They talked.", "A heading", "\"We agree,\" she said."]);
        let quoted: Vec<&str> = (0..t.tokens.len()).filter(|&i| t.tokens[i].quoted).map(|i| t.word(i)).collect();
        assert_eq!(quoted, ["We", "agree", ","]);
    }
}
