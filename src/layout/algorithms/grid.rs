//! Grid layout: one block of rows and columns per kind or community, blocks side by side, with
//! room under and between the discs for their labels.

use super::groups::{by_community, by_kind};
use super::input::Input;
use super::packing::shelves;
use super::pinned::{Clearance, place_shifted};
use super::{ArrangeError, Arrangement, Report};
use crate::analysis::progress::Progress;
use crate::model::KnowledgeGraph;

/// What makes a block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GridGrouping {
    /// One block per kind, in the legend's order.
    #[default]
    Kind,
    /// One block per community, largest first.
    Community,
}

/// Options of the grid layout.
#[derive(Clone, Debug, PartialEq)]
pub struct GridOptions {
    /// What makes a block. Default: kind.
    pub grouping: GridGrouping,
    /// Free space between discs side by side (room for a short label's width). Default 40.
    pub column_gap: f32,
    /// Free space between rows (room for a label under its disc). Default 24.
    pub row_gap: f32,
    /// Free space between blocks. Default 60.
    pub group_gap: f32,
}

impl Default for GridOptions {
    fn default() -> Self {
        Self { grouping: GridGrouping::Kind, column_gap: 40.0, row_gap: 24.0, group_gap: 60.0 }
    }
}

/// One group's block.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBlock {
    /// The kind's or community's name.
    pub name: String,
    /// Actors in it.
    pub actors: usize,
    /// Top-left corner of the box around its discs, in layout units.
    pub min: [f32; 2],
    /// Bottom-right corner.
    pub max: [f32; 2],
}

/// What the grid layout did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GridReport {
    /// The blocks, in the order they were placed (a caption for each can go above `min`).
    pub groups: Vec<GroupBlock>,
}

/// Lays `graph` out as one grid block per kind or community, ordered by label within a block,
/// blocks side by side in rows. Discs never overlap. O(n log n) (plus community detection when
/// grouping by community).
///
/// # Errors
/// [`ArrangeError::Cancelled`].
pub fn grid(graph: &KnowledgeGraph, options: &GridOptions, progress: &Progress) -> Result<Arrangement, ArrangeError> {
    let input = Input::new(graph);
    let groups = match options.grouping {
        GridGrouping::Kind => by_kind(&input),
        GridGrouping::Community => by_community(&input, progress)?,
    };
    progress.start(2);
    progress.check()?;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.names.len()];
    for (i, &g) in groups.of.iter().enumerate() {
        if let Some(list) = members.get_mut(g as usize) {
            list.push(i);
        }
    }
    let labels: Vec<String> = input.actors.iter().map(|a| a.label.to_lowercase()).collect();
    let (column_gap, row_gap) = (options.column_gap.max(0.0), options.row_gap.max(0.0));
    let mut blocks = Vec::with_capacity(members.len());
    let mut local = vec![[0.0f32; 2]; input.len()];
    for list in &mut members {
        list.sort_by(|&a, &b| labels.get(a).cmp(&labels.get(b)).then(a.cmp(&b)));
        let largest = list.iter().filter_map(|&i| input.radius.get(i)).copied().fold(0.0, f32::max);
        let pitch = [2.0 * largest + column_gap, 2.0 * largest + row_gap];
        // About as tall as wide.
        let columns = ((list.len() as f32 * pitch[1] / pitch[0]).sqrt().ceil() as usize).max(1);
        let rows = list.len().div_ceil(columns);
        for (k, &i) in list.iter().enumerate() {
            if let Some(slot) = local.get_mut(i) {
                *slot = [(k % columns) as f32 * pitch[0] + largest, (k / columns) as f32 * pitch[1] + largest];
            }
        }
        let used_columns = columns.min(list.len());
        blocks.push([used_columns as f32 * pitch[0] - column_gap, rows as f32 * pitch[1] - row_gap]);
    }
    let corners = shelves(&blocks, options.group_gap.max(0.0));
    let mut picture = vec![[0.0f32; 2]; input.len()];
    for (list, corner) in members.iter().zip(&corners) {
        for &i in list {
            if let (Some(slot), Some(p)) = (picture.get_mut(i), local.get(i)) {
                *slot = [p[0] + corner[0], p[1] + corner[1]];
            }
        }
    }
    progress.advance(1);
    let (positions, shift) = place_shifted(&input, picture, Clearance::Keep(column_gap.min(row_gap)));
    let groups = groups
        .names
        .into_iter()
        .zip(&members)
        .zip(blocks.iter().zip(&corners))
        .map(|((name, list), (size, corner))| GroupBlock {
            name,
            actors: list.len(),
            min: [corner[0] + shift[0], corner[1] + shift[1]],
            max: [corner[0] + size[0] + shift[0], corner[1] + size[1] + shift[1]],
        })
        .collect();
    progress.advance(1);
    Ok(Arrangement { positions, report: Report::Grid(GridReport { groups }) })
}
