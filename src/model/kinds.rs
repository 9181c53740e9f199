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

impl ActorKind {
    /// Its colour (red, green, blue) on the canvas, in the legend and in exports that carry
    /// colours (GEXF), so every picture of a graph agrees.
    pub const fn rgb(self) -> [u8; 3] {
        match self {
            ActorKind::Country => [0xE4, 0x57, 0x56],
            ActorKind::Ministry => [0x4C, 0x78, 0xA8],
            ActorKind::GovernmentAgency => [0x72, 0xB7, 0xB2],
            ActorKind::Hospital => [0xF5, 0x85, 0x18],
            ActorKind::ResearchInstitute => [0x54, 0xA2, 0x4B],
            ActorKind::University => [0x9D, 0xD8, 0x66],
            ActorKind::Company => [0xB2, 0x79, 0xA2],
            ActorKind::Foundation => [0xFF, 0x9D, 0xA6],
            ActorKind::InternationalOrganization => [0x43, 0x9C, 0xF0],
            ActorKind::Media => [0xEE, 0xCA, 0x3B],
            ActorKind::Person => [0xD6, 0xA5, 0xC9],
            ActorKind::Other => [0xA0, 0xA0, 0xA0],
        }
    }
}

impl CooperationKind {
    /// Its colour (red, green, blue) on the canvas, in the legend and in exports that carry
    /// colours (GEXF), so every picture of a graph agrees.
    pub const fn rgb(self) -> [u8; 3] {
        match self {
            CooperationKind::DataSharing => [0x3B, 0x8E, 0xD0],
            CooperationKind::Donation => [0xE0, 0x4F, 0x5F],
            CooperationKind::Supply => [0xF0, 0x8A, 0x24],
            CooperationKind::ExpertConsultation => [0x2B, 0xA8, 0x84],
            CooperationKind::JointResearch => [0x8E, 0x6C, 0xD0],
            CooperationKind::Funding => [0xC9, 0xA2, 0x27],
            CooperationKind::Reporting => [0x9A, 0x9A, 0x9A],
            CooperationKind::Endorsement => [0xD4, 0x6F, 0xB0],
            CooperationKind::Affiliation => [0x6F, 0x86, 0x9E],
            CooperationKind::Other => [0x80, 0x80, 0x80],
        }
    }
}

/// The outline of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeShape {
    /// A disc.
    Circle,
    /// A square standing on a side.
    Square,
    /// A square standing on a corner.
    Diamond,
    /// A triangle pointing up.
    TriangleUp,
    /// A triangle pointing down.
    TriangleDown,
    /// A regular pentagon.
    Pentagon,
    /// A regular hexagon.
    Hexagon,
    /// A regular octagon.
    Octagon,
}

impl Kind for NodeShape {
    const WHAT: &'static str = "shape";
    const ALL: &'static [Self] = &[
        NodeShape::Circle,
        NodeShape::Square,
        NodeShape::Diamond,
        NodeShape::TriangleUp,
        NodeShape::TriangleDown,
        NodeShape::Pentagon,
        NodeShape::Hexagon,
        NodeShape::Octagon,
    ];

    fn name(self) -> &'static str {
        match self {
            NodeShape::Circle => "Circle",
            NodeShape::Square => "Square",
            NodeShape::Diamond => "Diamond",
            NodeShape::TriangleUp => "TriangleUp",
            NodeShape::TriangleDown => "TriangleDown",
            NodeShape::Pentagon => "Pentagon",
            NodeShape::Hexagon => "Hexagon",
            NodeShape::Octagon => "Octagon",
        }
    }
}

impl NodeShape {
    /// Number of corners and the angle of the first one (radians, 0 = right, y down), or `None`
    /// for a circle.
    pub fn polygon(self) -> Option<(usize, f32)> {
        use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, FRAC_PI_8};
        match self {
            NodeShape::Circle => None,
            NodeShape::Square => Some((4, FRAC_PI_4)),
            NodeShape::Diamond => Some((4, 0.0)),
            NodeShape::TriangleUp => Some((3, -FRAC_PI_2)),
            NodeShape::TriangleDown => Some((3, FRAC_PI_2)),
            NodeShape::Pentagon => Some((5, -FRAC_PI_2)),
            NodeShape::Hexagon => Some((6, 0.0)),
            NodeShape::Octagon => Some((8, FRAC_PI_8)),
        }
    }
}

impl ActorKind {
    /// Its node shape on the canvas and in pictures, so kinds stay apart for colour-blind
    /// readers too.
    pub const fn shape(self) -> NodeShape {
        match self {
            ActorKind::Country => NodeShape::Hexagon,
            ActorKind::Ministry | ActorKind::GovernmentAgency => NodeShape::Square,
            ActorKind::Hospital | ActorKind::Person | ActorKind::Other => NodeShape::Circle,
            ActorKind::ResearchInstitute | ActorKind::University => NodeShape::Diamond,
            ActorKind::Company => NodeShape::TriangleUp,
            ActorKind::Foundation => NodeShape::Pentagon,
            ActorKind::InternationalOrganization => NodeShape::Octagon,
            ActorKind::Media => NodeShape::TriangleDown,
        }
    }
}

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
