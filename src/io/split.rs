//! Splits a kgx document while it is read, so a large file never sits in memory whole.
//!
//! The elements of the top-level `sources`, `actors` and `cooperations` lists come out one at a
//! time, each with the line and column it starts at; everything else (the header, the metadata,
//! the lists' brackets) is kept as a small "skeleton" document whose lists are empty, parsed whole
//! at the end. A position in the skeleton maps back to the file through the recorded joins.
//!
//! The splitter only tracks what decides where an element ends: strings (plain and raw), char
//! literals, comments and bracket nesting. Everything else is left to the RON parser, which sees
//! each element on its own, so syntax errors are still the parser's, at their real positions.

use super::locate::Position;

/// Which top-level list an element belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    /// `sources: [...]`
    Sources,
    /// `actors: [...]`
    Actors,
    /// `cooperations: [...]`
    Cooperations,
}

impl List {
    fn named(name: &[u8]) -> Option<Self> {
        match name {
            b"sources" => Some(List::Sources),
            b"actors" => Some(List::Actors),
            b"cooperations" => Some(List::Cooperations),
            _ => None,
        }
    }
}

/// What the splitter hands on.
pub(super) enum Piece<'a> {
    /// One element's text (with the whitespace and comments before it), the position of its
    /// first byte, its index in the list, and whether a comma ended it (rather than the list's `]`).
    Element { list: List, index: usize, text: &'a [u8], start: Position, before_comma: bool },
    /// The list's closing bracket was read.
    ListEnd(List),
}

/// A place where list elements were cut out of the skeleton: the skeleton's text at `skeleton`
/// continues the file's text at `file`.
#[derive(Clone, Copy, Debug)]
struct Join {
    skeleton: Position,
    file: Position,
}

/// The lexical state between two bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lex {
    Code,
    Text {
        escaped: bool,
    },
    Char {
        escaped: bool,
    },
    /// After an `r` that starts a token: a raw string if `#`s and a `"` follow.
    MaybeRaw {
        hashes: usize,
    },
    Raw {
        hashes: usize,
        closing: Option<usize>,
    },
    /// After a `/` in code.
    Slash,
    LineComment,
    BlockComment {
        depth: usize,
        star: bool,
        slash: bool,
    },
}

/// Nesting deeper than this is refused (kgx documents need 5 levels).
const MAX_NESTING: usize = 128;

/// The longest single element or skeleton the splitter holds: a hostile file cannot make it
/// buffer without bound.
pub(super) const MAX_PIECE_BYTES: usize = 64 * 1024 * 1024;

/// Why splitting stopped.
#[derive(Debug)]
pub(super) enum SplitError<E> {
    /// Brackets nested deeper than [`MAX_NESTING`], at this position.
    TooDeep(Position),
    /// An element or the skeleton grew past [`MAX_PIECE_BYTES`], at this position.
    TooLong(Position),
    /// The receiver of the pieces stopped it.
    Stopped(E),
}

/// The splitter's state; feed it the file's bytes in any chunks.
pub(super) struct Splitter {
    lex: Lex,
    /// Open brackets, innermost last.
    nesting: Vec<u8>,
    /// Whether the previous byte in code was part of an identifier or number.
    in_word: bool,
    /// The identifier being read directly inside the document's parentheses.
    word: Vec<u8>,
    /// The list a `field:` just named, until something other than its `[` follows.
    field: Option<List>,
    /// The list whose elements are being cut out, with the index of the element being read.
    capturing: Option<(List, usize)>,
    element: Vec<u8>,
    element_start: Position,
    skeleton: Vec<u8>,
    skeleton_at: Position,
    at: Position,
    joins: Vec<Join>,
}

impl Splitter {
    /// A splitter at the start of a file.
    pub(super) fn new() -> Self {
        let start = Position { line: 1, column: 1 };
        Self {
            lex: Lex::Code,
            nesting: Vec::new(),
            in_word: false,
            word: Vec::new(),
            field: None,
            capturing: None,
            element: Vec::new(),
            element_start: start,
            skeleton: Vec::new(),
            skeleton_at: start,
            at: start,
            joins: Vec::new(),
        }
    }

    /// Reads `bytes`, handing each finished element and list end to `take`.
    ///
    /// # Errors
    /// Too deep nesting, a too long element, or the first error `take` returns.
    pub(super) fn feed<E>(
        &mut self,
        bytes: &[u8],
        take: &mut impl FnMut(Piece<'_>) -> Result<(), E>,
    ) -> Result<(), SplitError<E>> {
        for &byte in bytes {
            self.byte(byte, take)?;
        }
        Ok(())
    }

    /// The document outside the three lists, once every byte has been fed. A list still open at
    /// the end of the file stays open in the skeleton, so the parser reports it.
    pub(super) fn finish<E>(
        mut self,
        take: &mut impl FnMut(Piece<'_>) -> Result<(), E>,
    ) -> Result<Skeleton, SplitError<E>> {
        if let Some((list, index)) = self.capturing.take() {
            // The file ends inside a list: hand on what was read, then let the skeleton's parse
            // report the missing `]` at the end of the file.
            if !is_blank(&self.element) {
                let text = std::mem::take(&mut self.element);
                take(Piece::Element { list, index, text: &text, start: self.element_start, before_comma: false })
                    .map_err(SplitError::Stopped)?;
            }
            self.joins.push(Join { skeleton: self.skeleton_at, file: self.at });
        }
        Ok(Skeleton { text: self.skeleton, joins: self.joins })
    }

    fn byte<E>(&mut self, byte: u8, take: &mut impl FnMut(Piece<'_>) -> Result<(), E>) -> Result<(), SplitError<E>> {
        let here = self.at;
        self.at = advance(self.at, byte);
        let in_code = self.lex(byte);
        if !in_code {
            return self.keep(byte, here);
        }
        // Structure: brackets, commas and the field names of the document itself.
        let depth = self.nesting.len();
        match byte {
            b'(' | b'[' | b'{' => {
                if depth >= MAX_NESTING {
                    return Err(SplitError::TooDeep(here));
                }
                let starts_list = byte == b'[' && depth == 1 && self.capturing.is_none();
                let list = if starts_list { self.field.take() } else { None };
                self.field = None;
                self.nesting.push(byte);
                self.keep(byte, here)?;
                if let Some(list) = list {
                    self.capturing = Some((list, 0));
                    self.element.clear();
                    self.element_start = self.at;
                }
                return Ok(());
            }
            b')' | b']' | b'}' => {
                if byte == b']'
                    && depth == 2
                    && let Some((list, index)) = self.capturing.take()
                {
                    self.nesting.pop();
                    self.hand_on(list, index, false, take)?;
                    take(Piece::ListEnd(list)).map_err(SplitError::Stopped)?;
                    self.joins.push(Join { skeleton: self.skeleton_at, file: here });
                    return self.keep(byte, here);
                }
                self.nesting.pop();
                self.field = None;
                return self.keep(byte, here);
            }
            b',' if depth == 2 => {
                if let Some((list, index)) = self.capturing {
                    self.hand_on(list, index, true, take)?;
                    self.capturing = Some((list, index + 1));
                    self.element_start = self.at;
                    return Ok(());
                }
            }
            _ => {}
        }
        if depth == 1 {
            let word_byte = byte.is_ascii_alphanumeric() || byte == b'_';
            if word_byte {
                if !self.in_word {
                    self.word.clear();
                }
                self.word.push(byte);
            } else if byte == b':' {
                self.field = List::named(&self.word);
                self.word.clear();
            } else if !byte.is_ascii_whitespace() {
                self.field = None;
            }
        }
        self.in_word = byte.is_ascii_alphanumeric() || byte == b'_';
        self.keep(byte, here)
    }

    /// Advances the lexical state over `byte`; returns whether the byte is code (not inside a
    /// string, char literal or comment).
    fn lex(&mut self, byte: u8) -> bool {
        match self.lex {
            Lex::Code => self.code(byte),
            Lex::Text { escaped } => {
                self.lex = match (escaped, byte) {
                    (true, _) => Lex::Text { escaped: false },
                    (false, b'\\') => Lex::Text { escaped: true },
                    (false, b'"') => Lex::Code,
                    (false, _) => Lex::Text { escaped: false },
                };
                false
            }
            Lex::Char { escaped } => {
                self.lex = match (escaped, byte) {
                    (true, _) => Lex::Char { escaped: false },
                    (false, b'\\') => Lex::Char { escaped: true },
                    (false, b'\'') => Lex::Code,
                    (false, _) => Lex::Char { escaped: false },
                };
                false
            }
            Lex::MaybeRaw { hashes } => match byte {
                b'#' => {
                    self.lex = Lex::MaybeRaw { hashes: hashes + 1 };
                    false
                }
                b'"' => {
                    self.lex = Lex::Raw { hashes, closing: None };
                    false
                }
                _ => {
                    // Just an identifier starting with `r`.
                    self.lex = Lex::Code;
                    self.in_word = true;
                    self.word.clear();
                    self.word.push(b'r');
                    self.code(byte)
                }
            },
            Lex::Raw { hashes, closing } => {
                self.lex = match (closing, byte) {
                    (_, b'"') if hashes == 0 => Lex::Code,
                    (_, b'"') => Lex::Raw { hashes, closing: Some(0) },
                    (Some(n), b'#') if n + 1 == hashes => Lex::Code,
                    (Some(n), b'#') => Lex::Raw { hashes, closing: Some(n + 1) },
                    _ => Lex::Raw { hashes, closing: None },
                };
                false
            }
            Lex::Slash => match byte {
                b'/' => {
                    self.lex = Lex::LineComment;
                    false
                }
                b'*' => {
                    self.lex = Lex::BlockComment { depth: 1, star: false, slash: false };
                    false
                }
                _ => {
                    self.lex = Lex::Code;
                    self.code(byte)
                }
            },
            Lex::LineComment => {
                if byte == b'\n' {
                    self.lex = Lex::Code;
                }
                false
            }
            Lex::BlockComment { depth, star, slash } => {
                self.lex = match byte {
                    b'/' if star && depth == 1 => Lex::Code,
                    b'/' if star => Lex::BlockComment { depth: depth - 1, star: false, slash: false },
                    b'*' if slash => Lex::BlockComment { depth: depth + 1, star: false, slash: false },
                    b'*' => Lex::BlockComment { depth, star: true, slash: false },
                    b'/' => Lex::BlockComment { depth, star: false, slash: true },
                    _ => Lex::BlockComment { depth, star: false, slash: false },
                };
                false
            }
        }
    }

    /// A byte in code: starts a string, char literal or comment, or is structure.
    fn code(&mut self, byte: u8) -> bool {
        match byte {
            b'"' => self.lex = Lex::Text { escaped: false },
            b'\'' => self.lex = Lex::Char { escaped: false },
            b'r' if !self.in_word => self.lex = Lex::MaybeRaw { hashes: 0 },
            b'/' => self.lex = Lex::Slash,
            _ => return true,
        }
        self.in_word = false;
        false
    }

    /// Appends a byte to the element being read, or to the skeleton.
    fn keep<E>(&mut self, byte: u8, here: Position) -> Result<(), SplitError<E>> {
        let piece = if self.capturing.is_some() { &mut self.element } else { &mut self.skeleton };
        if piece.len() >= MAX_PIECE_BYTES {
            return Err(SplitError::TooLong(here));
        }
        piece.push(byte);
        if self.capturing.is_none() {
            self.skeleton_at = advance(self.skeleton_at, byte);
        }
        Ok(())
    }

    fn hand_on<E>(
        &mut self,
        list: List,
        index: usize,
        before_comma: bool,
        take: &mut impl FnMut(Piece<'_>) -> Result<(), E>,
    ) -> Result<(), SplitError<E>> {
        let result = take(Piece::Element { list, index, text: &self.element, start: self.element_start, before_comma });
        self.element.clear();
        result.map_err(SplitError::Stopped)
    }
}

/// The document with its three lists emptied, and how to map its positions back to the file.
pub(super) struct Skeleton {
    /// The skeleton's bytes.
    pub text: Vec<u8>,
    joins: Vec<Join>,
}

impl Skeleton {
    /// The file position of a position in the skeleton.
    pub(super) fn file_position(&self, at: Position) -> Position {
        let Some(join) = self.joins.iter().rev().find(|j| j.skeleton <= at) else { return at };
        if at.line == join.skeleton.line {
            Position { line: join.file.line, column: join.file.column + (at.column - join.skeleton.column) }
        } else {
            Position { line: join.file.line + (at.line - join.skeleton.line), column: at.column }
        }
    }
}

/// The position after `byte`, counting columns in characters.
fn advance(at: Position, byte: u8) -> Position {
    if byte == b'\n' {
        Position { line: at.line + 1, column: 1 }
    } else if byte & 0xC0 == 0x80 {
        at
    } else {
        Position { line: at.line, column: at.column + 1 }
    }
}

/// The file position of a position inside an element that starts at `start`.
pub(super) fn within(start: Position, at: Position) -> Position {
    if at.line <= 1 {
        Position { line: start.line, column: start.column + at.column.saturating_sub(1) }
    } else {
        Position { line: start.line + at.line - 1, column: at.column }
    }
}

/// Whether the bytes hold only whitespace and comments.
pub(super) fn is_blank(bytes: &[u8]) -> bool {
    let mut splitter = Splitter::new();
    for &byte in bytes {
        let after_slash = splitter.lex == Lex::Slash;
        let code = splitter.lex(byte);
        let comment = matches!(splitter.lex, Lex::LineComment | Lex::BlockComment { .. });
        // A `/` that starts no comment is code; so is anything but whitespace outside comments.
        if (after_slash && !comment) || (code && !byte.is_ascii_whitespace()) {
            return false;
        }
    }
    matches!(splitter.lex, Lex::Code | Lex::LineComment)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An element as the tests see it: list, index, trimmed text, start, whether a comma ended it.
    type Seen = (List, usize, String, Position, bool);

    fn split(text: &str, chunk: usize) -> (Vec<Seen>, String, Skeleton) {
        let mut splitter = Splitter::new();
        let mut pieces = Vec::new();
        let mut take = |piece: Piece<'_>| -> Result<(), ()> {
            if let Piece::Element { list, index, text, start, before_comma } = piece {
                pieces.push((list, index, String::from_utf8_lossy(text).trim().to_owned(), start, before_comma));
            }
            Ok(())
        };
        for part in text.as_bytes().chunks(chunk) {
            splitter.feed(part, &mut take).unwrap();
        }
        let skeleton = splitter.finish(&mut take).unwrap();
        let text = String::from_utf8(skeleton.text.clone()).unwrap();
        (pieces, text, skeleton)
    }

    const DOC: &str = "#![enable(implicit_some)]\n(\n  format: \"kgx\", // actors: [\n  version: 1,\n  \
                       metadata: (title: \"a ] b\"),\n  actors: [\n    (id: \"a,1\", label: r#\"x\"] ,\"#, kind: Other),\n    \
                       (id: 'c', /* ], */ label: \"y\", kind: Other),\n  ],\n  cooperations: [],\n)\n";

    #[test]
    fn elements_come_out_one_by_one_in_any_chunking() {
        for chunk in [1, 2, 3, 7, 4096] {
            let (pieces, skeleton, _) = split(DOC, chunk);
            let actors: Vec<_> = pieces.iter().filter(|p| p.0 == List::Actors && !p.2.is_empty()).collect();
            assert_eq!(actors.len(), 2, "chunk {chunk}: {pieces:?}");
            assert_eq!(actors[0].2, "(id: \"a,1\", label: r#\"x\"] ,\"#, kind: Other)");
            assert_eq!(actors[1].2, "(id: 'c', /* ], */ label: \"y\", kind: Other)");
            assert!(skeleton.contains("actors: [],\n  cooperations: [],"), "{skeleton}");
            assert!(skeleton.contains("title: \"a ] b\""));
        }
    }

    #[test]
    fn element_positions_are_file_positions() {
        let (pieces, _, _) = split(DOC, 5);
        let first = pieces.iter().find(|p| p.0 == List::Actors).unwrap();
        // The element text starts right after `[` on line 6.
        assert_eq!(first.3, Position { line: 6, column: 12 });
        assert_eq!(within(first.3, Position { line: 2, column: 5 }), Position { line: 7, column: 5 });
    }

    #[test]
    fn skeleton_positions_map_back_across_the_cut() {
        let (_, skeleton_text, skeleton) = split(DOC, 64);
        // `cooperations` is on line 10 of the file; in the skeleton the actor lines are gone.
        let offset = skeleton_text.find("cooperations").unwrap();
        let at = Position::of_offset(&skeleton_text, offset);
        assert_eq!(skeleton.file_position(at), Position { line: 10, column: 3 });
        let bracket = skeleton_text.find("actors: []").unwrap() + "actors: [".len();
        let at = Position::of_offset(&skeleton_text, bracket);
        assert_eq!(skeleton.file_position(at), Position { line: 9, column: 3 });
    }

    #[test]
    fn nested_lists_and_other_fields_stay_in_the_skeleton() {
        let text = "(format: \"kgx\", metadata: (title: \"t\"), other: [1, 2], actors: [(aliases: [\"a\", \"b\"])])";
        let (pieces, skeleton, _) = split(text, 3);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].2, "(aliases: [\"a\", \"b\"])");
        assert!(skeleton.contains("other: [1, 2]"));
    }

    #[test]
    fn blank_means_whitespace_and_comments_only() {
        assert!(is_blank(b"  \n // c\n /* x */ "));
        assert!(!is_blank(b" / "));
        assert!(!is_blank(b" (x) "));
        assert!(!is_blank(b" /* open"));
    }

    #[test]
    fn hostile_nesting_is_refused() {
        let mut splitter = Splitter::new();
        let deep = "[".repeat(1000);
        let result = splitter.feed::<()>(deep.as_bytes(), &mut |_| Ok(()));
        assert!(matches!(result, Err(SplitError::TooDeep(Position { line: 1, column: 129 }))));
    }
}
