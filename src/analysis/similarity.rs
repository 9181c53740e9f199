//! String similarity for "did you mean" hints and typo-tolerant matching.

/// The Levenshtein distance between `a` and `b` in characters, case-insensitive. O(|a|·|b|) time,
/// O(|b|) memory.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo (at most a third of
/// the word's length away, and at least one edit allowed). Ties go to the first candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("WHO", "who"), 0);
        assert_eq!(edit_distance("Zhongnan", "Zhongan"), 1);
    }

    #[test]
    fn closest_suggests_only_plausible_typos() {
        let kinds = ["Hospital", "Company", "Country"];
        assert_eq!(closest("Hosptal", kinds), Some("Hospital"));
        assert_eq!(closest("Compny", kinds), Some("Company"));
        assert_eq!(closest("Spaceship", kinds), None);
    }
}
