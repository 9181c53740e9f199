//! The word lists the extractor knows: countries, well-known organisations, organisation head
//! words, cooperation verbs, roles, group nouns and given names. The built-in lists live in `assets/extract/`
//! as tab-separated files; a user extends them with files of the same names in a folder of their
//! own (`kgx extract --gazetteer DIR`, or `$KGX_GAZETTEER`).

use foldhash::{HashMap, HashSet};
use std::path::Path;

use crate::model::{ActorKind, CooperationKind, Kind};

/// A country with the names a text may call it by.
#[derive(Clone, Debug)]
pub struct Country {
    /// The name used as the actor's label.
    pub name: String,
    /// Other names ("US", "the United States").
    pub aliases: Vec<String>,
    /// Adjectives of nationality ("Kenyan").
    pub demonyms: Vec<String>,
    /// Capitals, which news text uses for the country's government ("Beijing said").
    pub capitals: Vec<String>,
}

/// An organisation the extractor knows by name.
#[derive(Clone, Debug)]
pub struct KnownOrganisation {
    /// Its label.
    pub name: String,
    /// Other names and acronyms.
    pub aliases: Vec<String>,
    /// Its kind.
    pub kind: ActorKind,
    /// Its country, if it has one.
    pub country: Option<String>,
}

/// What a head word makes a capitalised name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Head {
    /// An actor of this kind.
    Actor(ActorKind),
    /// A place, which is never an actor ("Hubei Province").
    Place,
}

/// How a cooperation verb links the actors around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// The doer gives to a recipient.
    Give,
    /// The subject gets something from someone.
    Receive,
    /// Both sides act together.
    Mutual,
    /// The doer praises or thanks someone.
    Endorse,
    /// The doer makes what another actor passes on.
    Make,
    /// The doer reports on someone.
    Report,
    /// The doer pays for someone.
    Fund,
}

/// A cooperation expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The cooperation kind it signals.
    pub kind: CooperationKind,
    /// How it links actors.
    pub frame: Frame,
}

/// Whether a role is an office of a country or a post in a named body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleScope {
    /// An office of a country ("president of Serbia").
    Office,
    /// A post in a body ("director of the institute", "minister of health").
    Member,
}

/// A role a person holds.
#[derive(Clone, Debug)]
pub struct Role {
    /// The role's words, lower case ("vice minister").
    pub words: Vec<String>,
    /// The body it belongs to: `Government of {country}`, `Ministry of {}` (the words after
    /// "of"), or empty when the text must name it.
    pub body: String,
    /// Office or member.
    pub scope: RoleScope,
}

/// Everything the extractor knows, with lookups by lower-case name.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Countries.
    pub countries: Vec<Country>,
    /// Known organisations.
    pub organisations: Vec<KnownOrganisation>,
    /// Head words (lower case) and what they make.
    pub heads: HashMap<String, Head>,
    /// Cooperation verbs by word form (lower case; two-word forms joined by a space).
    pub verbs: HashMap<String, Verb>,
    /// Roles, longest first.
    pub roles: Vec<Role>,
    /// Plural nouns that make groups.
    pub group_nouns: HashSet<String>,
    /// Words before a group noun that make it a group.
    pub qualifiers: HashSet<String>,
    /// Fixed phrases for the world at large (lower-case words).
    pub phrases: Vec<Vec<String>>,
    /// Group nouns that mean the same group, to the first of their line ("scientists" →
    /// "researchers").
    pub same_group: HashMap<String, String>,
    /// Common given names (lower case): a name that starts with one is a person's.
    pub given_names: HashSet<String>,
}

/// A line of a word list that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    /// The file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The built-in lists, by file name.
const BUILTIN: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../assets/extract/countries.tsv")),
    ("organisations.tsv", include_str!("../../assets/extract/organisations.tsv")),
    ("heads.tsv", include_str!("../../assets/extract/heads.tsv")),
    ("verbs.tsv", include_str!("../../assets/extract/verbs.tsv")),
    ("roles.tsv", include_str!("../../assets/extract/roles.tsv")),
    ("groups.tsv", include_str!("../../assets/extract/groups.tsv")),
    ("given-names.tsv", include_str!("../../assets/extract/given-names.tsv")),
];

fn list(cell: &str) -> Vec<String> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

impl Gazetteer {
    /// The built-in lists.
    pub fn builtin() -> Self {
        let mut gazetteer = Self::default();
        for (file, text) in BUILTIN {
            // The built-in files are checked by a test; a bad line there is skipped, not fatal.
            let _ = gazetteer.add(file, text);
        }
        gazetteer.finish();
        gazetteer
    }

    /// The built-in lists extended by the files of the same names in `dir` (missing files are
    /// fine; a bad line is an error naming file and line).
    pub fn with_dir(dir: &Path) -> Result<Self, GazetteerError> {
        let mut gazetteer = Self::builtin();
        for (file, _) in BUILTIN {
            let path = dir.join(file);
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            gazetteer.add(&path.display().to_string(), &text)?;
        }
        gazetteer.finish();
        Ok(gazetteer)
    }

    /// Adds the lines of one list; `file` names it (its file name decides what it holds).
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), GazetteerError> {
        let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file).to_owned();
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |k: usize| cells.get(k).copied().unwrap_or("").trim();
            let error = |message: String| GazetteerError { file: file.to_owned(), line: number + 1, message };
            match name.as_str() {
                "countries.tsv" => {
                    if cell(0).is_empty() {
                        return Err(error("a country needs a name in the first column".into()));
                    }
                    self.countries.push(Country {
                        name: cell(0).to_owned(),
                        aliases: list(cell(1)),
                        demonyms: list(cell(2)),
                        capitals: list(cell(3)),
                    });
                }
                "organisations.tsv" => {
                    let kind = ActorKind::from_name(cell(2)).ok_or_else(|| {
                        error(format!("`{}` is not an actor kind; expected {}", cell(2), ActorKind::expected_names()))
                    })?;
                    self.organisations.push(KnownOrganisation {
                        name: cell(0).to_owned(),
                        aliases: list(cell(1)),
                        kind,
                        country: Some(cell(3).to_owned()).filter(|c| !c.is_empty()),
                    });
                }
                "heads.tsv" => {
                    let head = if cell(1) == "Place" {
                        Head::Place
                    } else {
                        Head::Actor(
                            ActorKind::from_name(cell(1))
                                .ok_or_else(|| error(format!("`{}` is not an actor kind or Place", cell(1))))?,
                        )
                    };
                    self.heads.insert(cell(0).to_lowercase(), head);
                }
                "verbs.tsv" => {
                    let kind = CooperationKind::from_name(cell(1)).ok_or_else(|| {
                        error(format!(
                            "`{}` is not a cooperation kind; expected {}",
                            cell(1),
                            CooperationKind::expected_names()
                        ))
                    })?;
                    let frame = match cell(2) {
                        "give" => Frame::Give,
                        "receive" => Frame::Receive,
                        "mutual" => Frame::Mutual,
                        "endorse" => Frame::Endorse,
                        "make" => Frame::Make,
                        "report" => Frame::Report,
                        "fund" => Frame::Fund,
                        other => {
                            return Err(error(format!(
                                "`{other}` is not a frame; expected give, receive, mutual, endorse, make, report or fund"
                            )));
                        }
                    };
                    for form in list(cell(0)) {
                        self.verbs.insert(form.to_lowercase(), Verb { kind, frame });
                    }
                }
                "given-names.tsv" => {
                    self.given_names.extend(line.split(';').map(|n| n.trim().to_lowercase()).filter(|n| !n.is_empty()));
                }
                "roles.tsv" => {
                    let scope = match cell(2) {
                        "office" => RoleScope::Office,
                        "member" | "" => RoleScope::Member,
                        other => return Err(error(format!("`{other}` is not office or member"))),
                    };
                    self.roles.push(Role {
                        words: cell(0).split_whitespace().map(str::to_lowercase).collect(),
                        body: cell(1).to_owned(),
                        scope,
                    });
                }
                "groups.tsv" => match cell(0) {
                    "noun" => self.group_nouns.extend(list(cell(1)).iter().map(|w| w.to_lowercase())),
                    "qualifier" => self.qualifiers.extend(list(cell(1)).iter().map(|w| w.to_lowercase())),
                    "phrase" => self
                        .phrases
                        .extend(list(cell(1)).iter().map(|p| p.split_whitespace().map(str::to_lowercase).collect())),
                    "same" => {
                        let words = list(cell(1));
                        if let Some(first) = words.first() {
                            for w in &words {
                                self.same_group.insert(w.to_lowercase(), first.to_lowercase());
                            }
                        }
                    }
                    other => return Err(error(format!("`{other}` is not noun, qualifier, phrase or same"))),
                },
                _ => return Err(error(format!("`{name}` is not one of the extractor's lists"))),
            }
        }
        Ok(())
    }

    fn finish(&mut self) {
        self.roles.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
        self.phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }

    /// The country a name, alias, capital or demonym stands for, by lower-case text.
    pub fn country_index(&self) -> CountryIndex {
        let mut index = CountryIndex::default();
        for (i, country) in self.countries.iter().enumerate() {
            for name in std::iter::once(&country.name).chain(&country.aliases) {
                index.names.insert(name.to_lowercase(), i);
            }
            for demonym in &country.demonyms {
                index.demonyms.insert(demonym.to_lowercase(), i);
            }
            for capital in &country.capitals {
                index.capitals.insert(capital.to_lowercase(), i);
            }
        }
        index
    }
}

/// Lookups from lower-case text to a country's position in [`Gazetteer::countries`].
#[derive(Clone, Debug, Default)]
pub struct CountryIndex {
    /// Names and aliases.
    pub names: HashMap<String, usize>,
    /// Demonyms.
    pub demonyms: HashMap<String, usize>,
    /// Capitals.
    pub capitals: HashMap<String, usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_read_without_a_bad_line() {
        let mut gazetteer = Gazetteer::default();
        for (file, text) in BUILTIN {
            assert_eq!(gazetteer.add(file, text), Ok(()), "{file}");
        }
        assert!(gazetteer.countries.len() > 100);
        assert!(gazetteer.verbs.contains_key("donated"));
        assert_eq!(gazetteer.heads.get("ministry"), Some(&Head::Actor(ActorKind::Ministry)));
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let mut gazetteer = Gazetteer::default();
        let error = gazetteer.add("/x/verbs.tsv", "# c\nlend;lent\tLending\tgive\n").err();
        assert_eq!(error.map(|e| (e.line, e.file)), Some((2, "/x/verbs.tsv".to_owned())));
    }
}
