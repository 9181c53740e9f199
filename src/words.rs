//! Words for people: counts with the right form of a noun ("1 actor", "3 actors"), so no message
//! says "1 actors".

/// `count` and the noun in its right form: `one` for 1, `many` otherwise ("0 actors"), the
/// count with thousands separated ("7,346 edges").
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(count), if count == 1 { one } else { many })
}

/// A number with its thousands separated by commas: 7346 → "7,346".
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (k, digit) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `count` actors: "1 actor", "26 actors".
pub fn actors(count: usize) -> String {
    counted(count, "actor", "actors")
}

/// `count` cooperations: "1 cooperation", "29 cooperations".
pub fn cooperations(count: usize) -> String {
    counted(count, "cooperation", "cooperations")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(actors(1), "1 actor");
        assert_eq!(actors(0), "0 actors");
        assert_eq!(cooperations(29), "29 cooperations");
        assert_eq!(counted(1, "source", "sources"), "1 source");
        assert_eq!(counted(7346, "edge", "edges"), "7,346 edges");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
