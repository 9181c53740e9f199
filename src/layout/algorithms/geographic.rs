//! Geographic layout: actors placed by their latitude and longitude attributes on a map, north
//! up.
//!
//! The projection is equirectangular with its standard parallel at the mean latitude of the
//! actors placed (x = longitude · cos(mean latitude), y = −latitude). Over a country or a
//! continent it looks like the maps people know (the contiguous USA comes out 1.8 : 1, as on a
//! Mercator map), it keeps distances true along the middle parallel, and unlike Mercator it
//! stays finite at the poles, so a station at 89.9° N does not stretch the map without end.
//! Longitudes are cut at the widest empty meridian gap, so places on both sides of the
//! 180° meridian (Fiji, the Aleutians) stay together.

use std::fmt;

use super::input::Input;
use super::pinned::{Clearance, place};
use super::{ArrangeError, Arrangement, Report};
use crate::analysis::progress::Progress;
use crate::layout::node_radius;
use crate::model::{ActorId, KnowledgeGraph};

/// Attribute names read as a latitude, in order of preference (case does not matter).
pub const LATITUDE_NAMES: &[&str] = &["latitude", "lat"];
/// Attribute names read as a longitude, in order of preference (case does not matter).
pub const LONGITUDE_NAMES: &[&str] = &["longitude", "lon", "lng", "long"];

/// Options of the geographic layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GeographicOptions {
    /// Width of the map in layout units. Default (`None`): 60·√n for n actors, three times as
    /// wide as the force layout makes the same graph (places crowd around cities, where discs
    /// would otherwise cover each other), and wider in proportion where the discs are larger
    /// than usual (a mean radius above 8, as files from Gephi often give).
    pub width: Option<f32>,
    /// The attribute holding the latitude. Default (`None`): the first of [`LATITUDE_NAMES`]
    /// an actor has.
    pub latitude: Option<String>,
    /// The attribute holding the longitude. Default (`None`): the first of
    /// [`LONGITUDE_NAMES`] an actor has.
    pub longitude: Option<String>,
}

/// A coordinate that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoordinateProblem {
    /// The actor.
    pub actor: ActorId,
    /// The attribute as named on the actor.
    pub attribute: String,
    /// Its value.
    pub value: String,
    /// Why it was not read.
    pub reason: String,
}

impl fmt::Display for CoordinateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "actor \"{}\": {} \"{}\" {}", self.actor, self.attribute, self.value, self.reason)
    }
}

/// What the geographic layout did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GeographicReport {
    /// Actors placed by their coordinates.
    pub located: usize,
    /// Actors without coordinates placed beside their placed neighbours.
    pub beside_neighbours: usize,
    /// Actors without coordinates or placed neighbours, in rows below the map.
    pub below_map: usize,
    /// Coordinates that could not be read (those actors are placed as if they had none).
    pub problems: Vec<CoordinateProblem>,
    /// The latitude whose parallel keeps its true length (the mean of those placed), degrees.
    pub standard_parallel: f64,
}

/// Places the actors of `graph` on a map by their latitude and longitude attributes (those
/// `options` names, else see [`LATITUDE_NAMES`], [`LONGITUDE_NAMES`]; decimal degrees, optionally with `°` and a
/// hemisphere letter such as `47.6 N` or `122.3W`). Actors without readable coordinates go
/// beside their placed neighbours, or in rows below the map. O(n log n + m).
///
/// # Errors
/// [`ArrangeError::NoCoordinates`] when no actor has both; [`ArrangeError::Cancelled`].
pub fn geographic(
    graph: &KnowledgeGraph,
    options: &GeographicOptions,
    progress: &Progress,
) -> Result<Arrangement, ArrangeError> {
    let input = Input::new(graph);
    progress.start(3);
    let mut report = GeographicReport::default();
    let names = |chosen: &Option<String>, usual: &[&'static str]| -> Vec<String> {
        match chosen.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => vec![name.to_owned()],
            None => usual.iter().map(|n| (*n).to_owned()).collect(),
        }
    };
    let names = [names(&options.latitude, LATITUDE_NAMES), names(&options.longitude, LONGITUDE_NAMES)];
    let coordinates: Vec<Option<[f64; 2]>> =
        input.actors.iter().map(|actor| read_coordinates(actor, &names, &mut report.problems)).collect();
    let located: Vec<[f64; 2]> = coordinates.iter().flatten().copied().collect();
    if located.is_empty() {
        let unreadable = {
            let mut actors: Vec<&ActorId> = report.problems.iter().map(|p| &p.actor).collect();
            actors.dedup();
            actors.len()
        };
        let [latitude, longitude] = names.map(|n| n.join("/"));
        return Err(ArrangeError::NoCoordinates { latitude, longitude, unreadable });
    }
    report.located = located.len();
    progress.advance(1);
    progress.check()?;

    let standard_parallel = located.iter().map(|c| c[0]).sum::<f64>() / located.len() as f64;
    report.standard_parallel = standard_parallel;
    let stretch = standard_parallel.to_radians().cos().max(10f64.to_radians().sin());
    let cut = cut_meridian(&located);
    let project = |[latitude, longitude]: [f64; 2]| [(longitude - cut).rem_euclid(360.0) * stretch, -latitude];
    let projected: Vec<Option<[f64; 2]>> = coordinates.iter().map(|c| c.map(project)).collect();
    let (min, max) = bounds(projected.iter().flatten());
    let width = f64::from(options.width.unwrap_or_else(|| usual_width(&input)).max(1.0));
    let span = if max[0] - min[0] > 1e-9 { max[0] - min[0] } else { max[1] - min[1] };
    let scale = if span > 1e-9 { width / span } else { 1.0 };
    let mut picture: Vec<Option<[f32; 2]>> = projected
        .iter()
        .map(|p| p.map(|p| [((p[0] - min[0]) * scale) as f32, ((p[1] - min[1]) * scale) as f32]))
        .collect();
    progress.advance(1);
    progress.check()?;

    report.beside_neighbours = beside_neighbours(&input, &mut picture);
    let map_bottom = ((max[1] - min[1]) * scale) as f32;
    report.below_map = below_map(&input, &mut picture, map_bottom, width as f32);
    let picture = picture.into_iter().map(|p| p.unwrap_or_default()).collect();
    let positions = place(&input, picture, Clearance::Ignore);
    progress.advance(1);
    Ok(Arrangement { positions, report: Report::Geographic(report) })
}

/// 60·√n, times the mean disc radius over 8 where that is larger than 1.
fn usual_width(input: &Input<'_>) -> f32 {
    let n = input.len().max(1) as f32;
    let mean_radius = input.radius.iter().sum::<f32>() / n;
    60.0 * n.sqrt() * (mean_radius / 8.0).max(1.0)
}

/// An actor's `[latitude, longitude]`, if it has both and both can be read; a value that
/// cannot be read is added to `problems`.
fn read_coordinates(
    actor: &crate::model::Actor,
    [latitudes, longitudes]: &[Vec<String>; 2],
    problems: &mut Vec<CoordinateProblem>,
) -> Option<[f64; 2]> {
    let find = |names: &[String]| {
        names.iter().find_map(|name| actor.attributes.iter().find(|a| a.key.trim().eq_ignore_ascii_case(name)))
    };
    let mut read = |names: &[String], limit: f64, hemispheres: [char; 2]| {
        let attribute = find(names)?;
        match degrees(&attribute.value, limit, hemispheres) {
            Ok(value) => Some(value),
            Err(reason) => {
                problems.push(CoordinateProblem {
                    actor: actor.id().clone(),
                    attribute: attribute.key.clone(),
                    value: attribute.value.clone(),
                    reason,
                });
                None
            }
        }
    };
    let latitude = read(latitudes, 90.0, ['N', 'S']);
    let longitude = read(longitudes, 180.0, ['E', 'W']);
    Some([latitude?, longitude?])
}

/// Decimal degrees within ±`limit`, optionally followed by `°` and preceded or followed by a
/// hemisphere letter (`hemispheres[1]` negates).
fn degrees(text: &str, limit: f64, hemispheres: [char; 2]) -> Result<f64, String> {
    let mut body = text.trim();
    let mut sign = 1.0;
    let mut lettered = false;
    for (letter, factor) in hemispheres.into_iter().zip([1.0, -1.0]) {
        if let Some(rest) = strip_letter(body, letter) {
            body = rest;
            sign = factor;
            lettered = true;
            break;
        }
    }
    body = body.strip_suffix('°').unwrap_or(body).trim();
    let value: f64 = body.parse().map_err(|_| "is not a number in decimal degrees".to_owned())?;
    if !value.is_finite() {
        return Err("is not a number in decimal degrees".to_owned());
    }
    if lettered && value < 0.0 {
        return Err("has both a minus sign and a hemisphere".to_owned());
    }
    if value.abs() > limit {
        return Err(format!("is outside ±{limit}°"));
    }
    Ok(sign * value)
}

/// `text` without the letter (either case) at its start or end.
fn strip_letter(text: &str, letter: char) -> Option<&str> {
    let lower = letter.to_ascii_lowercase();
    text.strip_suffix(letter)
        .or_else(|| text.strip_suffix(lower))
        .or_else(|| text.strip_prefix(letter))
        .or_else(|| text.strip_prefix(lower))
        .map(str::trim)
}

/// The longitude where the map begins: just east of the widest gap between the longitudes
/// (the map then never splits a group of places across its edges).
fn cut_meridian(located: &[[f64; 2]]) -> f64 {
    let mut longitudes: Vec<f64> = located.iter().map(|c| c[1]).collect();
    longitudes.sort_by(f64::total_cmp);
    longitudes.dedup();
    let (Some(&first), Some(&last)) = (longitudes.first(), longitudes.last()) else { return -180.0 };
    let mut best = (first + 360.0 - last, first);
    for pair in longitudes.windows(2) {
        if let [a, b] = pair
            && b - a > best.0
        {
            best = (b - a, *b);
        }
    }
    best.1
}

fn bounds<'a>(points: impl Iterator<Item = &'a [f64; 2]>) -> ([f64; 2], [f64; 2]) {
    let mut min = [f64::INFINITY; 2];
    let mut max = [f64::NEG_INFINITY; 2];
    for p in points {
        for k in 0..2 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    (min, max)
}

/// Places actors without a place beside the mean of their placed neighbours, spreading out
/// from the placed ones (breadth first); returns how many it placed. O(n + m).
fn beside_neighbours(input: &Input<'_>, picture: &mut [Option<[f32; 2]>]) -> usize {
    let mut queue: std::collections::VecDeque<usize> =
        (0..input.len()).filter(|&i| picture.get(i).is_some_and(Option::is_some)).collect();
    let mut placed = 0;
    // Golden-angle turns, so actors beside the same place fan out around it.
    let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    while let Some(v) = queue.pop_front() {
        for &w in input.neighbours(v) {
            let w = w as usize;
            if picture.get(w).is_none_or(Option::is_some) {
                continue;
            }
            let around: Vec<[f32; 2]> =
                input.neighbours(w).iter().filter_map(|&u| picture.get(u as usize).copied().flatten()).collect();
            let n = around.len().max(1) as f32;
            let mean = around.iter().fold([0.0f32; 2], |s, p| [s[0] + p[0] / n, s[1] + p[1] / n]);
            let distance = input.radius.get(w).copied().unwrap_or(0.0) + 2.0 * node_radius(0);
            let turn = golden * (placed as f32 + 1.0);
            if let Some(slot) = picture.get_mut(w) {
                *slot = Some([mean[0] + distance * turn.cos(), mean[1] + distance * turn.sin()]);
            }
            placed += 1;
            queue.push_back(w);
        }
    }
    placed
}

/// Places the actors still without a place in rows under the map, left to right, as wide as
/// the map; returns how many. O(n).
fn below_map(input: &Input<'_>, picture: &mut [Option<[f32; 2]>], map_bottom: f32, width: f32) -> usize {
    let left: Vec<usize> = (0..input.len()).filter(|&i| picture.get(i).is_some_and(Option::is_none)).collect();
    let largest = left.iter().filter_map(|&i| input.radius.get(i)).copied().fold(0.0, f32::max);
    let pitch = 2.0 * largest + 2.0 * node_radius(0);
    let per_row = ((width / pitch).floor() as usize).max(1);
    for (k, &i) in left.iter().enumerate() {
        let (column, row) = (k % per_row, k / per_row);
        if let Some(slot) = picture.get_mut(i) {
            *slot = Some([column as f32 * pitch, map_bottom + 2.0 * pitch + row as f32 * pitch]);
        }
    }
    left.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_read_signs_symbols_and_hemispheres() {
        assert_eq!(degrees(" 47.5 ", 90.0, ['N', 'S']), Ok(47.5));
        assert_eq!(degrees("47.5°N", 90.0, ['N', 'S']), Ok(47.5));
        assert_eq!(degrees("33.9 S", 90.0, ['N', 'S']), Ok(-33.9));
        assert_eq!(degrees("W122.3", 180.0, ['E', 'W']), Ok(-122.3));
        assert_eq!(degrees("-122.3", 180.0, ['E', 'W']), Ok(-122.3));
        for bad in ["", "north", "47,5", "91", "-12 S", "NaN", "inf"] {
            assert!(degrees(bad, 90.0, ['N', 'S']).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn the_map_begins_after_the_widest_gap() {
        // Fiji (178° E) and Samoa (172° W) are neighbours across the 180° meridian: the map
        // begins east of the ocean gap, at 10° E, and runs on past 180° to Samoa.
        assert_eq!(cut_meridian(&[[0.0, 178.0], [0.0, -172.0], [0.0, 10.0]]), 10.0);
        assert_eq!(cut_meridian(&[[0.0, -120.0], [0.0, -70.0]]), -120.0);
    }
}
