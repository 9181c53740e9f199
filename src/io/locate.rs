//! Finds where a value sits in RON text, so that problems found after parsing (a duplicate id,
//! an unknown kind) can name a line and column.
//!
//! A small tolerant scanner walks the text once and records the start of every value whose path
//! (`actors[3].kind`) was asked for. It only runs when a file has problems, so it costs nothing on
//! a good load. Nesting deeper than [`MAX_DEPTH`] is skipped rather than recursed into.

use std::collections::{HashMap, HashSet};
use std::fmt;

/// Deepest nesting the scanner descends into; kgx documents are 5 levels deep.
pub const MAX_DEPTH: usize = 16;

/// A 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Position {
    /// The position of byte offset `offset` in `text` (clamped to the end).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self { line, column: before[line_start..].chars().count() + 1 }
    }
}

/// One step of a path into a document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A named struct field.
    Field(String),
    /// The n-th element of a list or tuple, or the n-th entry of a map.
    Index(usize),
}

/// A path from the document root to a value, e.g. `cooperations[2].evidence[0].source`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The document root.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path with a field appended.
    #[must_use]
    pub fn field(&self, name: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Field(name.to_owned()));
        Self(segments)
    }

    /// This path with an index appended.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Self(segments)
    }

    /// The path one step up; the root stays the root.
    #[must_use]
    pub fn parent(&self) -> Self {
        let mut segments = self.0.clone();
        segments.pop();
        Self(segments)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => write!(f, "{name}")?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Finds the start position of each wanted path in `text`. Paths that are not present (a field
/// left at its default) are missing from the result; ask for the parent as a fallback.
pub fn locate(text: &str, wanted: &HashSet<Path>) -> HashMap<Path, Position> {
    let mut scanner =
        Scanner { text, bytes: text.as_bytes(), at: 0, wanted, found: HashMap::new(), line: 1, line_start: 0 };
    scanner.skip_trivia();
    scanner.skip_inner_attributes();
    let mut path = Path::root();
    scanner.value(&mut path, 0);
    scanner.found
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    wanted: &'a HashSet<Path>,
    found: HashMap<Path, Position>,
    line: usize,
    line_start: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
            self.line_start = self.at + 1;
        }
        self.at += 1;
    }

    fn position(&self) -> Position {
        let column = self.text.get(self.line_start..self.at).map_or(1, |s| s.chars().count() + 1);
        Position { line: self.line, column }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.bytes.get(self.at + 1).copied()) {
                (Some(c), _) if c.is_ascii_whitespace() => self.bump(),
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.bump();
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            let next = self.bytes.get(self.at + 1).copied();
            if c == b'/' && next == Some(b'*') {
                depth += 1;
                self.bump();
            } else if c == b'*' && next == Some(b'/') {
                depth -= 1;
                self.bump();
                if depth == 0 {
                    self.bump();
                    return;
                }
            }
            self.bump();
        }
    }

    /// Skips `#![enable(...)]` lines at the top of the file.
    fn skip_inner_attributes(&mut self) {
        while self.peek() == Some(b'#') {
            while self.peek().is_some_and(|c| c != b']') {
                self.bump();
            }
            self.bump();
            self.skip_trivia();
        }
    }

    fn record(&mut self, path: &Path) {
        if self.wanted.contains(path) && !self.found.contains_key(path) {
            let position = self.position();
            self.found.insert(path.clone(), position);
        }
    }

    /// Scans one value at the cursor, recording `path` and the paths inside it.
    fn value(&mut self, path: &mut Path, depth: usize) {
        self.skip_trivia();
        self.record(path);
        match self.peek() {
            Some(b'(') => self.sequence(path, depth, b')', true),
            Some(b'[') => self.sequence(path, depth, b']', false),
            Some(b'{') => self.map(path, depth),
            Some(b'"') => self.string(),
            Some(b'\'') => self.char_literal(),
            Some(b'r' | b'b') if self.starts_string_prefix() => self.prefixed_string(),
            Some(_) => {
                self.word();
                self.skip_trivia();
                // A named struct, tuple struct or enum variant: `Some(..)`, `Document(..)`.
                if self.peek() == Some(b'(') {
                    self.sequence(path, depth, b')', true);
                }
            }
            None => {}
        }
    }

    fn sequence(&mut self, path: &mut Path, depth: usize, close: u8, may_have_fields: bool) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(b',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let start = self.at;
            let segment = match may_have_fields.then(|| self.field_name()).flatten() {
                Some(name) => Segment::Field(name),
                None => {
                    self.rewind(start);
                    Segment::Index(index)
                }
            };
            index += 1;
            self.child(path, segment, depth);
        }
    }

    fn map(&mut self, path: &mut Path, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b'}') => {
                    self.bump();
                    return;
                }
                Some(b',' | b':') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            // Key then value, both recorded under the entry's index.
            self.child(path, Segment::Index(index), depth);
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.bump();
                self.skip_trivia();
                path.0.push(Segment::Index(index));
                self.skip_value(path, depth + 1);
                path.0.pop();
            }
            index += 1;
        }
    }

    fn skip_value(&mut self, path: &mut Path, depth: usize) {
        path.0.push(Segment::Field("value".to_owned()));
        self.value_or_skip(path, depth);
        path.0.pop();
    }

    fn child(&mut self, path: &mut Path, segment: Segment, depth: usize) {
        path.0.push(segment);
        self.value_or_skip(path, depth + 1);
        path.0.pop();
    }

    fn value_or_skip(&mut self, path: &mut Path, depth: usize) {
        let before = self.at;
        if depth <= MAX_DEPTH {
            self.value(path, depth);
        } else {
            self.skip_balanced();
        }
        if self.at == before {
            // Never stall on an unexpected byte.
            self.bump();
        }
    }

    /// Skips a value without recording, tracking bracket depth iteratively.
    fn skip_balanced(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth == 0 => return,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                b',' if depth == 0 => return,
                b'"' => {
                    self.string();
                    continue;
                }
                _ => {}
            }
            self.bump();
        }
    }

    /// If an identifier followed by `:` is at the cursor, consumes both and returns the name.
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        if !self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') {
            return None;
        }
        self.word();
        let name = self.text.get(start..self.at)?.trim_start_matches("r#").to_owned();
        self.skip_trivia();
        if self.peek() == Some(b':') {
            self.bump();
            Some(name)
        } else {
            None
        }
    }

    fn rewind(&mut self, to: usize) {
        // Only ever rewinds within one line's word and trivia; recompute line bookkeeping.
        while self.at > to {
            self.at -= 1;
            if self.bytes.get(self.at) == Some(&b'\n') {
                self.line -= 1;
                self.line_start = self.text[..self.at].rfind('\n').map_or(0, |i| i + 1);
            }
        }
    }

    fn word(&mut self) {
        if self.text.get(self.at..).is_some_and(|rest| rest.starts_with("r#")) {
            self.bump();
            self.bump();
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-')) {
            self.bump();
        }
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.peek() {
            self.bump();
            match c {
                b'\\' => self.bump(),
                b'"' => return,
                _ => {}
            }
        }
    }

    fn char_literal(&mut self) {
        self.bump();
        while let Some(c) = self.peek() {
            self.bump();
            match c {
                b'\\' => self.bump(),
                b'\'' => return,
                _ => {}
            }
        }
    }

    fn starts_string_prefix(&self) -> bool {
        let rest = &self.bytes[self.at..];
        rest.starts_with(b"r\"")
            || rest.starts_with(b"r#") && !rest.get(2).is_some_and(|c| c.is_ascii_alphabetic())
            || rest.starts_with(b"b\"")
            || rest.starts_with(b"br")
    }

    fn prefixed_string(&mut self) {
        if self.peek() == Some(b'b') {
            self.bump();
            if self.peek() == Some(b'"') {
                self.string();
                return;
            }
        }
        // Raw string r#"..."#: count hashes, then find the closing quote with as many hashes.
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        while self.peek().is_some() {
            if self.peek() == Some(b'"')
                && self.bytes[self.at + 1..].iter().take(hashes).filter(|c| **c == b'#').count() == hashes
            {
                for _ in 0..=hashes {
                    self.bump();
                }
                return;
            }
            self.bump();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, path: Path) -> Option<Position> {
        let wanted = HashSet::from([path.clone()]);
        locate(text, &wanted).get(&path).copied()
    }

    const DOC: &str = r#"#![enable(implicit_some)]
// a comment with ( and "
(
    format: "kgx",
    actors: [
        (id: "a", label: "A (the first)", kind: Hospital),
        (
            id: "b", /* note ] */
            attributes: { "city": "Wuhan", "k": "v" },
            kind: Compny,
        ),
    ],
)
"#;

    #[test]
    fn finds_fields_inside_list_elements() {
        let kind = Path::root().field("actors").index(1).field("kind");
        assert_eq!(find(DOC, kind), Some(Position { line: 10, column: 19 }));
        let first = Path::root().field("actors").index(0);
        assert_eq!(find(DOC, first), Some(Position { line: 6, column: 9 }));
    }

    #[test]
    fn finds_map_entries_by_index() {
        let entry = Path::root().field("actors").index(1).field("attributes").index(1);
        assert_eq!(find(DOC, entry), Some(Position { line: 9, column: 44 }));
    }

    #[test]
    fn missing_paths_are_not_found() {
        assert_eq!(find(DOC, Path::root().field("sources")), None);
    }

    #[test]
    fn survives_deep_nesting_and_garbage() {
        let deep = "[".repeat(100_000);
        assert_eq!(find(&deep, Path::root().field("x")), None);
        assert_eq!(find("(a: \"unterminated", Path::root().field("a")), Some(Position { line: 1, column: 5 }));
    }

    #[test]
    fn offsets_map_to_lines_and_columns() {
        assert_eq!(Position::of_offset("ab\ncdé\nf", 7), Position { line: 2, column: 4 });
    }

    #[test]
    fn paths_display_like_field_access() {
        let path = Path::root().field("cooperations").index(2).field("evidence").index(0).field("source");
        assert_eq!(path.to_string(), "cooperations[2].evidence[0].source");
    }
}
