//! Circular layout: actors around a circle in an order (by kind, community or an attribute's
//! value), each next to the next with a fixed gap between their discs; large graphs on
//! concentric circles, filled from the inside out.

use std::cmp::Ordering;
use std::f64::consts::{FRAC_PI_2, TAU};

use super::discs::any_overlap;
use super::groups::{by_community, by_kind};
use super::input::Input;
use super::pinned::{Clearance, place};
use super::{ArrangeError, Arrangement, Report};
use crate::analysis::progress::Progress;
use crate::analysis::similarity::closest;
use crate::model::KnowledgeGraph;

/// The order of actors around the circle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CircularOrder {
    /// By kind (in the legend's order), then by label.
    Kind,
    /// By community (largest first), then by label: communities become arcs.
    Community,
    /// By the value of this attribute: numbers in increasing order, then other values
    /// alphabetically, then actors without it.
    Attribute(String),
}

/// Options of the circular layout.
#[derive(Clone, Debug, PartialEq)]
pub struct CircularOptions {
    /// The order around the circle. Default: by kind.
    pub order: CircularOrder,
    /// Free space between neighbouring discs, in layout units. Default 4.
    pub spacing: f32,
    /// Graphs with more actors than this go on concentric circles. Default 500.
    pub single_circle_limit: usize,
}

impl Default for CircularOptions {
    fn default() -> Self {
        Self { order: CircularOrder::Kind, spacing: 4.0, single_circle_limit: 500 }
    }
}

/// What the circular layout did.
#[derive(Clone, Debug, PartialEq)]
pub struct CircularReport {
    /// Number of circles (1 up to [`CircularOptions::single_circle_limit`] actors).
    pub circles: usize,
    /// Radius of the outermost circle, in layout units.
    pub radius: f32,
}

/// Lays `graph` out on a circle (or concentric circles) in `options.order`. Neighbouring discs
/// are `spacing` apart and no two discs overlap. O(n log n) (plus community detection when
/// ordering by community).
///
/// # Errors
/// [`ArrangeError::UnknownAttribute`] when ordering by an attribute no actor has;
/// [`ArrangeError::Cancelled`].
pub fn circular(
    graph: &KnowledgeGraph,
    options: &CircularOptions,
    progress: &Progress,
) -> Result<Arrangement, ArrangeError> {
    let input = Input::new(graph);
    let order = order(&input, &options.order, progress)?;
    progress.start(3);
    progress.check()?;
    let gap = f64::from(options.spacing.max(0.0));
    let radius: Vec<f64> = input.radius.iter().map(|r| f64::from(*r)).collect();
    let single = order.len() <= options.single_circle_limit.max(1);
    let mut scale = 1.0;
    let (picture, circles, outer) = loop {
        let (picture, circles, outer) = if single {
            let (picture, outer) = one_circle(&order, &radius, gap, scale);
            (picture, 1, outer)
        } else {
            rings(&order, &radius, gap, scale)
        };
        progress.advance(1);
        progress.check()?;
        // Chords between neighbours are exact; farther pairs are checked, and the circles grown
        // in the rare case that discs of very different sizes still touch.
        if scale > 8.0 || !any_overlap(&picture, &input.radius, 0.0) {
            break (picture, circles, outer);
        }
        scale *= 1.15;
    };
    let positions = place(&input, picture, Clearance::Keep(options.spacing.max(0.0)));
    progress.advance(1);
    Ok(Arrangement {
        positions,
        report: Report::Circular(CircularReport { circles: if order.is_empty() { 0 } else { circles }, radius: outer }),
    })
}

/// The actors (by [`Input`] number) in the order they go around.
fn order(input: &Input<'_>, order: &CircularOrder, progress: &Progress) -> Result<Vec<usize>, ArrangeError> {
    let label = |i: usize| input.actors.get(i).map(|a| a.label.to_lowercase()).unwrap_or_default();
    let mut actors: Vec<usize> = (0..input.len()).collect();
    match order {
        CircularOrder::Kind | CircularOrder::Community => {
            let groups = if *order == CircularOrder::Kind { by_kind(input) } else { by_community(input, progress)? };
            let labels: Vec<String> = actors.iter().map(|&i| label(i)).collect();
            let group = |i: usize| groups.of.get(i).copied().unwrap_or(0);
            actors.sort_by(|&a, &b| {
                group(a).cmp(&group(b)).then_with(|| labels.get(a).cmp(&labels.get(b))).then(a.cmp(&b))
            });
        }
        CircularOrder::Attribute(name) => {
            let values = attribute_values(input, name)?;
            actors.sort_by(|&a, &b| compare_values(values.get(a), values.get(b)).then(a.cmp(&b)));
        }
    }
    Ok(actors)
}

/// A value to order by: a number, a text, or nothing.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Number(f64),
    Text(String),
    Missing,
}

/// Each actor's value of attribute `name` (its exact name first, else ignoring case).
fn attribute_values(input: &Input<'_>, name: &str) -> Result<Vec<Value>, ArrangeError> {
    let values: Vec<Value> = input
        .actors
        .iter()
        .map(|actor| match attribute_value(&actor.attributes, name) {
            None => Value::Missing,
            Some(text) => match text.parse::<f64>() {
                Ok(number) if number.is_finite() => Value::Number(number),
                _ => Value::Text(text.to_lowercase()),
            },
        })
        .collect();
    if !values.is_empty() && values.iter().all(|v| *v == Value::Missing) {
        let mut keys: Vec<&str> =
            input.actors.iter().flat_map(|a| a.attributes.iter().map(|at| at.key.as_str())).collect();
        keys.sort_unstable();
        keys.dedup();
        let suggestion = closest(name, keys).map(str::to_owned);
        return Err(ArrangeError::UnknownAttribute { name: name.to_owned(), suggestion });
    }
    Ok(values)
}

/// The value of attribute `name`: its exact name first, else ignoring case.
fn attribute_value<'a>(attributes: &'a [crate::model::Attribute], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|a| a.key == name)
        .or_else(|| attributes.iter().find(|a| a.key.eq_ignore_ascii_case(name)))
        .map(|a| a.value.trim())
}

fn compare_values(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    let rank = |v: Option<&Value>| match v {
        Some(Value::Number(_)) => 0,
        Some(Value::Text(_)) => 1,
        Some(Value::Missing) | None => 2,
    };
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x.total_cmp(y),
        (Some(Value::Text(x)), Some(Value::Text(y))) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// The angle at the centre of a circle of radius `rho` between two points `distance` apart.
fn angle(rho: f64, distance: f64) -> f64 {
    2.0 * (distance / (2.0 * rho)).min(1.0).asin()
}

/// Places `members` (in order) on a circle of radius `rho` around the origin, starting at the
/// top: neighbours at the angle their discs and the gap need, what is left shared out evenly.
fn around(members: &[usize], radius: &[f64], gap: f64, rho: f64, picture: &mut [[f32; 2]]) {
    let r = |i: usize| radius.get(i).copied().unwrap_or(0.0);
    let m = members.len();
    let needed: Vec<f64> = (0..m)
        .map(|k| {
            let (a, b) = (members.get(k).copied().unwrap_or(0), members.get((k + 1) % m).copied().unwrap_or(0));
            if m < 2 { 0.0 } else { angle(rho, r(a) + r(b) + gap) }
        })
        .collect();
    let spare = ((TAU - needed.iter().sum::<f64>()) / m.max(1) as f64).max(0.0);
    let mut theta = -FRAC_PI_2;
    for (k, &i) in members.iter().enumerate() {
        if let Some(slot) = picture.get_mut(i) {
            *slot = [(rho * theta.cos()) as f32, (rho * theta.sin()) as f32];
        }
        theta += needed.get(k).copied().unwrap_or(0.0) + spare;
    }
}

/// One circle just large enough for every disc and gap; returns the picture and the radius.
fn one_circle(order: &[usize], radius: &[f64], gap: f64, scale: f64) -> (Vec<[f32; 2]>, f32) {
    let mut picture = vec![[0.0f32; 2]; radius.len()];
    let r = |i: usize| radius.get(i).copied().unwrap_or(0.0);
    let n = order.len();
    if n < 2 {
        return (picture, 0.0);
    }
    let spans: Vec<f64> = (0..n)
        .map(|k| r(order.get(k).copied().unwrap_or(0)) + r(order.get((k + 1) % n).copied().unwrap_or(0)) + gap)
        .collect();
    let total = |rho: f64| spans.iter().map(|s| angle(rho, *s)).sum::<f64>();
    // asin(x) ≤ πx/2, so a radius of a quarter of the spans' sum always fits.
    let mut low = spans.iter().copied().fold(0.0, f64::max) / 2.0;
    let mut high = low.max(spans.iter().sum::<f64>() / 4.0);
    if total(low) > TAU {
        for _ in 0..60 {
            let mid = (low + high) / 2.0;
            if total(mid) > TAU { low = mid } else { high = mid }
        }
    } else {
        high = low;
    }
    let rho = high * scale;
    around(order, radius, gap, rho, &mut picture);
    (picture, rho as f32)
}

/// Concentric circles from the inside out, each filled in order until the next disc would not
/// fit, the circles about as far apart as their largest discs need; the innermost sized so that
/// the outermost is about twice as large. Returns the picture, the number of circles and the
/// outer radius.
fn rings(order: &[usize], radius: &[f64], gap: f64, scale: f64) -> (Vec<[f32; 2]>, usize, f32) {
    let mut picture = vec![[0.0f32; 2]; radius.len()];
    let r = |i: usize| radius.get(i).copied().unwrap_or(0.0);
    let n = order.len().max(1) as f64;
    let arc: f64 = order.iter().map(|&i| 2.0 * r(i) + gap).sum();
    let pitch = arc / n;
    // Circles from R to about 2R hold about 3πKR of arc with K circles pitch apart and R = K·pitch.
    let circles = (arc / (3.0 * std::f64::consts::PI * pitch)).sqrt().ceil().max(2.0);
    let mut guess = circles * pitch * scale;
    let mut start = 0usize;
    let mut count = 0usize;
    // The previous circle's radius and largest disc.
    let mut previous: Option<(f64, f64)> = None;
    while start < order.len() {
        let members = fill(order.get(start..).unwrap_or_default(), radius, gap, guess);
        let largest = members.iter().map(|&i| r(i)).fold(0.0, f64::max);
        // The guess left room for typical discs; larger ones push this circle out (where the
        // members fit all the more).
        let rho = previous.map_or(guess, |(inner, inner_largest)| guess.max(inner + inner_largest + gap + largest));
        around(members, radius, gap, rho, &mut picture);
        start += members.len().max(1);
        count += 1;
        previous = Some((rho, largest));
        guess = rho + largest + gap + pitch / 2.0;
    }
    let outer = previous.map_or(0.0, |(rho, _)| rho);
    (picture, count, outer as f32)
}

/// The longest run from the start of `order` that fits around a circle of radius `rho`
/// (at least one actor).
fn fill<'o>(order: &'o [usize], radius: &[f64], gap: f64, rho: f64) -> &'o [usize] {
    let r = |i: usize| radius.get(i).copied().unwrap_or(0.0);
    let Some(&first) = order.first() else { return order };
    let mut used = 0.0;
    let mut last = first;
    let mut length = 1;
    for &next in order.iter().skip(1) {
        let step = angle(rho, r(last) + r(next) + gap);
        let close = angle(rho, r(next) + r(first) + gap);
        if used + step + close > TAU {
            break;
        }
        used += step;
        last = next;
        length += 1;
    }
    order.get(..length).unwrap_or(order)
}
