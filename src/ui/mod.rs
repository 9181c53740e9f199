//! The window's widgets: canvas, inspector, legend, toolbar, dialogs. Each `*_ui` function draws
//! into a `Ui` and reports what the user did as commands; none changes the document itself.

pub mod arrange;
pub mod camera;
pub mod canvas;
pub mod csv_import;
pub mod dialogs;
pub mod explore;
pub mod gpu;
pub mod inspector;
pub mod kb;
pub mod legend;
pub mod mapping;
pub mod merge;
mod mesh;
pub mod paint;
pub mod picture;
pub mod raster;
pub mod review;
pub mod styling;
pub mod table;
pub mod theme;
pub mod toolbar;
mod widgets;
