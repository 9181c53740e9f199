//! The closed vocabularies of actor kinds and cooperation kinds.

use std::fmt;

/// Behaviour shared by the kind enums: a stable name used in files and the list of all values.
pub trait Kind: Copy + Eq + Sized + 'static {
    /// What the vocabulary is called in messages ("actor kind").
    const WHAT: &'static str;
    /// Every value, in display order.
    const ALL: &'static [Self];

    /// The name written in files and shown in the UI, e.g. `GovernmentAgency`.
    fn name(self) -> &'static str;

    /// The name for people to read: words in sentence case, e.g. "Government agency" for
    /// `GovernmentAgency`. Files keep [`Kind::name`].
    fn label(self) -> String {
        let mut label = String::new();
        for (i, c) in self.name().chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                label.push(' ');
                label.extend(c.to_lowercase());
            } else {
                label.push(c);
            }
        }
        label
    }

    /// The position of this value in [`Kind::ALL`].
    fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// Looks a kind up by its file name; `None` for an unknown name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// All names joined for an error message: "A, B, C".
    fn expected_names() -> String {
        Self::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }
}

macro_rules! kind_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($(#[$vdoc:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl Kind for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => stringify!($variant)),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

kind_enum!(
    /// What sort of body an actor is.
    ActorKind, "actor kind", {
        /// A sovereign state, e.g. Serbia.
        Country,
        /// A government ministry.
        Ministry,
        /// A government body that is not a ministry (agency, office, centre for disease control).
        GovernmentAgency,
        /// A hospital or clinic.
        Hospital,
        /// A research institute or data centre.
        ResearchInstitute,
        /// A university.
        University,
        /// A company.
        Company,
        /// A foundation or charity.
        Foundation,
        /// An international organisation such as WHO.
        InternationalOrganization,
        /// A newspaper, agency, broadcaster or website.
        Media,
        /// A named person (who usually speaks for a body).
        Person,
        /// Anything else, e.g. an unnamed group such as "the international scientific community".
        Other,
    }
);

kind_enum!(
    /// What sort of cooperation an edge records.
    CooperationKind, "cooperation kind", {
        /// Data, results or strategies shared.
        DataSharing,
        /// Goods or aid given.
        Donation,
        /// Goods manufactured for, sold or delivered to another.
        Supply,
        /// Experts advising or exchanging with others.
        ExpertConsultation,
        /// Research done together.
        JointResearch,
        /// Money given for work.
        Funding,
        /// One party reporting on or publicising another.
        Reporting,
        /// Praise, approval or recognition.
        Endorsement,
        /// Membership: a person in a body, a body under another.
        Affiliation,
        /// Any other cooperation.
        Other,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_for_every_kind() {
        for kind in ActorKind::ALL {
            assert_eq!(ActorKind::from_name(kind.name()), Some(*kind));
        }
        for kind in CooperationKind::ALL {
            assert_eq!(CooperationKind::from_name(kind.name()), Some(*kind));
        }
        assert_eq!(ActorKind::from_name("Hosptal"), None);
    }

    #[test]
    fn labels_are_plain_words() {
        assert_eq!(ActorKind::GovernmentAgency.label(), "Government agency");
        assert_eq!(ActorKind::InternationalOrganization.label(), "International organization");
        assert_eq!(ActorKind::Country.label(), "Country");
        assert_eq!(CooperationKind::DataSharing.label(), "Data sharing");
        assert_eq!(CooperationKind::ExpertConsultation.label(), "Expert consultation");
    }

    #[test]
    fn index_is_position_in_all() {
        assert_eq!(CooperationKind::Donation.index(), 1);
        assert_eq!(ActorKind::Other.index(), ActorKind::ALL.len() - 1);
    }
}
