//! Looks that follow attributes ([`StyleMapping`]), worked out once per graph: the palette of a
//! category attribute, the range of a number attribute, the shapes of a category. The canvas's
//! scene and pictures both ask [`MappedLooks`] for an actor's fill, shape and size, so they draw
//! the same, and both legends read [`MappedLooks::legend`].

use std::collections::HashMap;

use crate::layout::node_radius;
use crate::model::{Actor, ColorMapping, Kind, KnowledgeGraph, NodeShape, Rgb, StyleMapping};

/// Twelve well-separated colours for the most common values of a category attribute.
pub const CATEGORY_PALETTE: [Rgb; 12] = [
    [0x4E, 0x79, 0xA7],
    [0xF2, 0x8E, 0x2B],
    [0xE1, 0x57, 0x59],
    [0x76, 0xB7, 0xB2],
    [0x59, 0xA1, 0x4F],
    [0xED, 0xC9, 0x48],
    [0xB0, 0x7A, 0xA1],
    [0xFF, 0x9D, 0xA7],
    [0x9C, 0x75, 0x5F],
    [0xBA, 0xB0, 0xAC],
    [0x86, 0xBC, 0xB6],
    [0xD3, 0x72, 0x95],
];

/// The colour of actors a colour mapping has nothing for (no value, no number, a rare value).
pub const UNMAPPED: Rgb = [110, 110, 110];

/// A colour on the ranking scale, dark blue → yellow → red, for `t` in 0–1.
pub fn ranking_color(t: f32) -> Rgb {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let stops: [Rgb; 3] = [[0x2C, 0x5A, 0xA0], [0xF2, 0xD0, 0x4A], [0xE0, 0x3A, 0x3A]];
    let (a, b, u) = if t < 0.5 { (stops[0], stops[1], t * 2.0) } else { (stops[1], stops[2], (t - 0.5) * 2.0) };
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * u).round() as u8;
    [mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2])]
}

/// The disc radius the size mapping gives at `t` in 0–1: from the radius of an actor without
/// cooperations to four times it.
pub fn ranking_radius(t: f32) -> f32 {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    node_radius(0) * (1.0 + 3.0 * t)
}

/// A number as an attribute value holds it ("12", " 3.5 ", "1e3"); `None` for anything else.
pub fn number(value: &str) -> Option<f64> {
    value.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// What a category mapping gives each value.
#[derive(Clone, Debug, Default, PartialEq)]
struct Categories<T> {
    attribute: String,
    /// Value → what it gets, for the values that got one.
    of: HashMap<String, T>,
    /// (value, what it gets, actors), most common first.
    listed: Vec<(String, T, usize)>,
    /// Actors with a value that got nothing (beyond the palette or the shapes).
    rest: usize,
}

impl<T: Copy> Categories<T> {
    /// The values of `attribute` in `graph`, most common first (ties by value), the first
    /// `choices.len()` given one each. O(n · attributes + v log v).
    fn of(graph: &KnowledgeGraph, attribute: &str, choices: &[T]) -> Self {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for actor in graph.actors() {
            if let Some(value) = actor.attribute(attribute).map(str::trim).filter(|v| !v.is_empty()) {
                *counts.entry(value).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let listed: Vec<(String, T, usize)> =
            ranked.iter().zip(choices).map(|(&(value, count), &choice)| (value.to_owned(), choice, count)).collect();
        let rest = ranked.iter().skip(choices.len()).map(|(_, count)| count).sum();
        let of = listed.iter().map(|(value, choice, _)| (value.clone(), *choice)).collect();
        Self { attribute: attribute.to_owned(), of, listed, rest }
    }

    fn legend(&self) -> CategoryLegend<T> {
        CategoryLegend { attribute: self.attribute.clone(), values: self.listed.clone(), rest: self.rest }
    }

    fn get(&self, actor: &Actor) -> Option<T> {
        self.of.get(actor.attribute(&self.attribute)?.trim()).copied()
    }
}

/// The range of a number attribute.
#[derive(Clone, Debug, Default, PartialEq)]
struct Numbers {
    attribute: String,
    min: f64,
    max: f64,
    /// Actors with a number.
    count: usize,
}

impl Numbers {
    fn of(graph: &KnowledgeGraph, attribute: &str) -> Self {
        let (mut min, mut max, mut count) = (f64::INFINITY, f64::NEG_INFINITY, 0);
        for value in graph.actors().filter_map(|a| a.attribute(attribute).and_then(number)) {
            min = min.min(value);
            max = max.max(value);
            count += 1;
        }
        if count == 0 {
            (min, max) = (0.0, 0.0);
        }
        Self { attribute: attribute.to_owned(), min, max, count }
    }

    /// Where an actor's number falls on the scale (0 smallest, 1 largest), if it has one.
    fn rank(&self, actor: &Actor) -> Option<f32> {
        let value = actor.attribute(&self.attribute).and_then(number)?;
        let span = self.max - self.min;
        Some(if span > 0.0 { ((value - self.min) / span) as f32 } else { 0.5 })
    }
}

#[derive(Clone, Debug, PartialEq)]
enum ColorScale {
    Category(Categories<Rgb>),
    Number(Numbers),
}

/// A category mapping's legend: the attribute, (value, what it gets, actors) most common
/// first, and the actors whose value got nothing of its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CategoryLegend<T> {
    /// The attribute.
    pub attribute: String,
    /// (value, what it gets, actors), most common first.
    pub values: Vec<(String, T, usize)>,
    /// Actors whose value got nothing of its own.
    pub rest: usize,
}

/// A legend of the mappings, for the side panel and pictures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MappingLegend {
    /// Colour by a category.
    pub color_categories: Option<CategoryLegend<Rgb>>,
    /// Colour by a number: the attribute, the smallest and largest number, and the actors with
    /// a number.
    pub color_range: Option<(String, f64, f64, usize)>,
    /// Size by a number: the attribute, the smallest and largest number, and the actors with
    /// a number.
    pub size_range: Option<(String, f64, f64, usize)>,
    /// Shape by a category.
    pub shapes: Option<CategoryLegend<NodeShape>>,
}

impl MappingLegend {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The looks a graph's [`StyleMapping`] gives its actors. Built once per graph in
/// O(n · attributes); each question after is O(attributes of that actor).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MappedLooks {
    own_first: bool,
    color: Option<ColorScale>,
    size: Option<Numbers>,
    shape: Option<Categories<NodeShape>>,
}

impl MappedLooks {
    /// The looks `graph.metadata.style` maps. Nothing mapped: every answer is the actor's own
    /// look, else its kind's, as [`super::looks`] gives.
    pub fn of(graph: &KnowledgeGraph) -> Self {
        let mapping: &StyleMapping = &graph.metadata.style;
        if mapping.is_empty() {
            return Self::default();
        }
        Self {
            own_first: mapping.own_styles_first,
            color: mapping.color.as_ref().map(|color| match color {
                ColorMapping::Category(name) => ColorScale::Category(Categories::of(graph, name, &CATEGORY_PALETTE)),
                ColorMapping::Number(name) => ColorScale::Number(Numbers::of(graph, name)),
            }),
            size: mapping.size.as_deref().map(|name| Numbers::of(graph, name)),
            shape: mapping.shape.as_deref().map(|name| Categories::of(graph, name, NodeShape::ALL)),
        }
    }

    /// The mapped one or the own one, as the document says which comes first.
    fn pick<T>(&self, mapped: Option<T>, own: Option<T>) -> Option<T> {
        if self.own_first { own.or(mapped) } else { mapped.or(own) }
    }

    /// An actor's fill: mapped or own (in the document's order), else its kind's. Under a
    /// colour mapping, an actor it has nothing for is grey ([`UNMAPPED`]).
    pub fn fill(&self, actor: &Actor) -> Rgb {
        let mapped = self.color.as_ref().map(|scale| {
            match scale {
                ColorScale::Category(categories) => categories.get(actor),
                ColorScale::Number(numbers) => numbers.rank(actor).map(|t| ranking_color(t.sqrt())),
            }
            .unwrap_or(UNMAPPED)
        });
        self.pick(mapped, actor.style.color).unwrap_or_else(|| actor.kind.rgb())
    }

    /// Whether an actor is drawn in another colour than its kind's (its own, or a mapped one):
    /// the legend counts these, as its kind colours do not tell their story.
    pub fn recoloured(&self, actor: &Actor) -> bool {
        self.fill(actor) != actor.kind.rgb()
    }

    /// An actor's shape: mapped or own, else its kind's.
    pub fn shape(&self, actor: &Actor) -> NodeShape {
        let mapped = self.shape.as_ref().and_then(|shapes| shapes.get(actor));
        self.pick(mapped, actor.style.shape).unwrap_or_else(|| actor.kind.shape())
    }

    /// An actor's radius, mapped or own; `None` leaves it to the size rule (by degree).
    pub fn size(&self, actor: &Actor) -> Option<f32> {
        let mapped = self.size.as_ref().and_then(|numbers| numbers.rank(actor)).map(|t| ranking_radius(t.sqrt()));
        self.pick(mapped, actor.style.size)
    }

    /// What the legend shows of the mappings.
    pub fn legend(&self) -> MappingLegend {
        let range = |n: &Numbers| (n.attribute.clone(), n.min, n.max, n.count);
        MappingLegend {
            color_categories: match &self.color {
                Some(ColorScale::Category(c)) => Some(c.legend()),
                _ => None,
            },
            color_range: match &self.color {
                Some(ColorScale::Number(n)) => Some(range(n)),
                _ => None,
            },
            size_range: self.size.as_ref().map(range),
            shapes: self.shape.as_ref().map(Categories::legend),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{ActorKind, KnowledgeGraph};

    fn graph() -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        for (id, region, budget) in [("a", "North", "10"), ("b", "North", "30"), ("c", "South", "20"), ("d", "", "x")] {
            let mut actor = Actor::new(id, id, ActorKind::Hospital);
            if !region.is_empty() {
                actor.set_attribute("region", region);
            }
            actor.set_attribute("budget", budget);
            graph.add_actor(actor).unwrap();
        }
        graph
    }

    #[test]
    fn nothing_mapped_gives_own_or_kind_looks() {
        let graph = graph();
        let looks = MappedLooks::of(&graph);
        let a = graph.actor(&"a".into()).unwrap();
        assert_eq!(looks.fill(a), ActorKind::Hospital.rgb());
        assert_eq!(looks.shape(a), ActorKind::Hospital.shape());
        assert_eq!(looks.size(a), None);
        assert!(looks.legend().is_empty());
    }

    #[test]
    fn categories_take_the_palette_most_common_first_and_numbers_a_ranking_scale() {
        let mut graph = graph();
        graph.metadata.style = StyleMapping {
            color: Some(ColorMapping::Category("region".into())),
            size: Some("budget".into()),
            shape: Some("region".into()),
            own_styles_first: false,
        };
        let looks = MappedLooks::of(&graph);
        let actor = |id: &str| graph.actor(&id.into()).unwrap();
        assert_eq!(looks.fill(actor("a")), CATEGORY_PALETTE[0], "North is the most common");
        assert_eq!(looks.fill(actor("c")), CATEGORY_PALETTE[1]);
        assert_eq!(looks.fill(actor("d")), UNMAPPED, "no region");
        assert_eq!(looks.shape(actor("c")), NodeShape::ALL[1]);
        assert_eq!(looks.size(actor("a")), Some(ranking_radius(0.0)));
        assert_eq!(looks.size(actor("b")), Some(ranking_radius(1.0)));
        assert_eq!(looks.size(actor("d")), None, "not a number: the size rule decides");
        let legend = looks.legend();
        assert_eq!(legend.size_range, Some(("budget".into(), 10.0, 30.0, 3)));
        let colors = legend.color_categories.unwrap();
        assert_eq!(
            colors.values,
            vec![("North".into(), CATEGORY_PALETTE[0], 2), ("South".into(), CATEGORY_PALETTE[1], 1)]
        );
        assert_eq!(colors.rest, 0);
        graph.metadata.style.color = Some(ColorMapping::Number("budget".into()));
        let looks = MappedLooks::of(&graph);
        assert_eq!(looks.fill(graph.actor(&"a".into()).unwrap()), ranking_color(0.0));
        assert_eq!(looks.fill(graph.actor(&"b".into()).unwrap()), ranking_color(1.0));
    }

    #[test]
    fn own_styles_win_only_when_the_document_says_so() {
        let mut graph = graph();
        graph.actor_mut(&"a".into()).unwrap().style.color = Some([1, 2, 3]);
        graph.metadata.style.color = Some(ColorMapping::Category("region".into()));
        let fill = |graph: &KnowledgeGraph| MappedLooks::of(graph).fill(graph.actor(&"a".into()).unwrap());
        assert_eq!(fill(&graph), CATEGORY_PALETTE[0]);
        graph.metadata.style.own_styles_first = true;
        assert_eq!(fill(&graph), [1, 2, 3]);
    }
}
