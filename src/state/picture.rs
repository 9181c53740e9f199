//! File → Export picture…: the form (file, size, scale, theme, legend, title, whole graph or
//! current view) and the drawing written by a worker thread, so a large graph never stalls the
//! window.

use crate::state::job::{Job, Polled};
use std::path::PathBuf;

use crate::draw::Theme;
use crate::io::write_atomic;
use crate::model::KnowledgeGraph;
use crate::render::{PictureFormat, RenderOptions, render};

/// The "Export picture" form.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureForm {
    /// Where to write it: .svg, .png or .pdf.
    pub path: String,
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels.
    pub height: f32,
    /// PNG pixels per picture pixel.
    pub scale: f32,
    /// Draw the legend of kinds.
    pub legend: bool,
    /// Draw the graph's title.
    pub title: bool,
    /// Only what the canvas shows now (else the whole graph).
    pub current_view: bool,
    /// Dark ground or light (for print).
    pub theme: Theme,
    /// The last problem.
    pub error: Option<String>,
}

impl Default for PictureForm {
    fn default() -> Self {
        Self {
            path: String::new(),
            width: 1600.0,
            height: 1000.0,
            scale: 1.0,
            legend: true,
            title: true,
            current_view: false,
            theme: Theme::Light,
            error: None,
        }
    }
}

impl PictureForm {
    /// The file and options the form asks for, or what is wrong with them.
    pub fn request(&self, view: Option<[f32; 4]>) -> Result<(PathBuf, RenderOptions, PictureFormat, f32), String> {
        let path = PathBuf::from(self.path.trim());
        let Some(format) = PictureFormat::from_path(&path) else {
            return Err("Name the file .svg (labels stay text), .png or .pdf".to_owned());
        };
        if !(100.0..=20_000.0).contains(&self.width) || !(100.0..=20_000.0).contains(&self.height) {
            return Err("Width and height take 100 to 20000 pixels".to_owned());
        }
        if !(0.1..=8.0).contains(&self.scale) {
            return Err("Scale takes 0.1 to 8".to_owned());
        }
        let options = RenderOptions {
            width: self.width,
            height: self.height,
            legend: self.legend,
            title: self.title,
            view: if self.current_view { view } else { None },
            layout: false,
            theme: self.theme,
        };
        Ok((path, options, format, self.scale))
    }
}

/// A picture being drawn and written on a worker thread.
#[derive(Debug)]
pub struct PictureJob {
    job: Job<Result<String, String>>,
}

impl PictureJob {
    /// Draws `graph` (positions as shown) and writes it atomically to `path`.
    pub fn start(
        graph: KnowledgeGraph,
        path: PathBuf,
        options: RenderOptions,
        format: PictureFormat,
        scale: f32,
    ) -> Self {
        let job = Job::start(format!("Drawing {}", path.display()), move |_| {
            let bytes = render(&graph, &options, format, scale).map_err(|e| format!("{}: {e}", path.display()));
            bytes.and_then(|bytes| {
                write_atomic(&path, |w| w.write_all(&bytes))
                    .map(|()| format!("Exported the picture to {}", path.display()))
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))
            })
        });
        Self { job }
    }

    /// The outcome once it is there: a message for the status line, or the problem.
    pub fn poll(&self) -> Option<Result<String, String>> {
        match self.job.poll() {
            Polled::Done(result) => Some(result),
            Polled::Running => None,
            Polled::Lost => Some(Err("the picture could not be drawn".to_owned())),
        }
    }
}

/// The picture window.
#[derive(Debug, Default)]
pub enum PictureState {
    /// Not shown.
    #[default]
    Closed,
    /// The form, and the job once started.
    Form(Box<PictureForm>, Option<PictureJob>),
}
