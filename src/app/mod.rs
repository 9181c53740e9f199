//! The `eframe::App`: the open document, view state and dialogs; each frame it draws the panels,
//! collects the user's [`Command`]s and carries them out in one place.

mod arrange;
mod article;
mod autosave;
mod csv_import;
mod edit;
mod files;
mod guard;
mod kb;
mod merge;
mod picture;
mod shortcuts;
mod table;
mod view;

pub use crate::state::{command, document, explore, selection};

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;
use std::time::Duration;

use egui::{CentralPanel, Panel, ViewportCommand};

pub use self::autosave::AUTOSAVE_DELAY;
use self::autosave::Autosave;
use self::command::Command;
use self::document::Document;
use self::explore::Explore;
use self::files::Dialog;
use self::selection::Selection;
use crate::edit::Edit;
use crate::io::load_str;
use crate::model::KnowledgeGraph;
use crate::ui::canvas::{CanvasState, canvas_ui};
use crate::ui::explore::{advance_timeline, explore_ui, metrics_ui};
use crate::ui::inspector::{InspectorState, inspector_ui};
use crate::ui::legend::{LegendState, legend_ui};
use crate::ui::paint::ViewOptions;
use crate::ui::styling::Styling;
use crate::ui::toolbar::{menu_bar_ui, status_bar_ui};

/// The graph bundled into the binary, opened when no file is given.
pub const BUNDLED_GRAPH: &str = include_str!("../../graphs/covid19-cooperation.ron");
/// The name the bundled graph is shown under.
pub const BUNDLED_NAME: &str = "covid19-cooperation.ron";

/// A frame costing more than this makes redraws wait while the layout moves.
const SLOW_FRAME: Duration = Duration::from_millis(8);
/// The longest wait between redraws while the layout moves.
const MAX_FRAME_WAIT: Duration = Duration::from_millis(500);
/// How soon after the layout thread publishes new positions the window redraws, at most.
const LAYOUT_FRAME_MS: u64 = 16;

/// How the app is started.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// Open this file instead of the bundled graph.
    pub file: Option<PathBuf>,
    /// Use the operating system's file dialogs; when false (or when none is available) a dialog
    /// with a path field is used instead.
    pub native_dialogs: bool,
    /// Where unsaved work is autosaved and looked for at start; `None` turns autosave off.
    pub recovery_dir: Option<PathBuf>,
    /// How long after a change it is autosaved.
    pub autosave_delay: Duration,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self { file: None, native_dialogs: false, recovery_dir: None, autosave_delay: AUTOSAVE_DELAY }
    }
}

/// The explorer window's state.
pub struct KgxApp {
    /// The open document.
    pub doc: Document,
    /// Selected actors or cooperation.
    pub selection: Selection,
    /// Camera, hover and drag state of the canvas.
    pub canvas: CanvasState,
    /// Legend filters and drawing options.
    pub options: ViewOptions,
    /// The last status message.
    pub status: String,
    /// Filters, timeline, focus, paths and metrics.
    pub explore: Explore,
    /// Looks derived from the document and the exploration state.
    pub styling: Styling,
    /// The side panels: which are shown, the left one's tab, their own state.
    pub panels: Panels,
    /// The windows beside the canvas (article, picture, merge, CSV, knowledge base) and their
    /// work on worker threads.
    pub windows: Windows,
    /// Files: the dialog on screen, what waits on an answer, reading and writing under way,
    /// what is remembered between runs.
    pub files: Files,
    /// Writes unsaved work to a recovery file.
    autosave: Autosave,
    /// What the frame loop keeps between frames.
    pacing: Pacing,
    commands: Vec<Command>,
}

/// Workers finding out what each recovery file changed: the file and the sentence.
type RecoveryChanges = Vec<crate::state::job::Job<(PathBuf, String)>>;

/// The side panels.
#[derive(Default)]
pub struct Panels {
    /// The open tab of the left panel.
    pub tab: LeftTab,
    /// Whether the left panel is shown (Ctrl+B).
    pub show_side_panel: bool,
    /// Whether the inspector is shown (Ctrl+I).
    pub show_inspector: bool,
    /// Whether the data table is shown (Ctrl+T).
    pub show_table: bool,
    /// The data table's state: the open table, queries, orders, forms.
    pub table: crate::ui::table::TablePanel,
    legend: LegendState,
    inspector: InspectorState,
}

/// The windows beside the canvas, each closed or showing its form and its work.
#[derive(Default)]
pub struct Windows {
    /// The article window: form, running extraction or review.
    pub article: crate::state::review::ArticleState,
    /// The picture export window.
    pub picture: crate::state::picture::PictureState,
    /// The import-into window.
    pub merge: crate::state::merge::MergeState,
    /// The CSV column dialog.
    pub csv: Option<Box<crate::state::csv_import::CsvForm>>,
    /// A CSV being read or imported on a worker thread.
    pub csv_job: Option<crate::state::csv_import::CsvJob>,
    /// The knowledge-base window.
    pub kb: Option<Box<crate::state::kb::KbForm>>,
    /// The window linking an actor to a knowledge-base entity.
    pub link: Option<Box<crate::state::kb::LinkForm>>,
    /// An actor's neighbourhood being loaded from the knowledge base.
    pub expanding: Option<crate::state::kb::KbJob>,
    /// The Layouts window (which layout, its options).
    pub arrange: Option<Box<crate::state::arrange::ArrangeForm>>,
    /// A layout beyond force being computed on a worker thread.
    pub arrange_job: Option<crate::state::arrange::ArrangeJob>,
}

/// Files: dialogs, what waits on them, reading and writing under way, what is remembered.
#[derive(Default)]
pub struct Files {
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Column mappings remembered by the files' column names.
    pub csv_mappings: std::collections::HashMap<String, Vec<crate::io::import::CsvField>>,
    /// The folder the last export (picture or graph) went to, remembered between runs.
    pub export_folder: Option<PathBuf>,
    /// The knowledge base's endpoint and named graph last used, remembered between runs.
    pub kb_last: Option<(String, String)>,
    /// What each offered recovery file changed (in words), by file, as the worker finds out.
    recovery_changes: (std::collections::HashMap<PathBuf, String>, RecoveryChanges),
    dialog: Dialog,
    native_dialogs: bool,
    closing_confirmed: bool,
    pending_after_save: Option<guard::Pending>,
    /// The history revision whose unsaved changes the person chose not to save before choosing a
    /// file to open: that file, once read, replaces the document without asking again (unless
    /// it was edited meanwhile). Cleared when the opening is given up.
    given_up: Option<u64>,
    /// A document read and waiting to replace the open one once unsaved changes are dealt with.
    ready: Option<Box<guard::Replacement>>,
    /// A file being read on a worker thread to be opened.
    opening: Option<files::OpeningFile>,
    /// An export being written on a worker thread.
    exporting: Option<files::ExportingFile>,
    /// The document being saved on a worker thread.
    saving: Option<files::SavingFile>,
}

/// What the frame loop keeps between frames.
#[derive(Default)]
struct Pacing {
    /// Frame what is shown once the looks are rebuilt (the neighbourhood focus changed).
    fit_after_restyle: bool,
    /// When the last frame began, and what it cost on this thread (to pace redraws).
    frame_started: Option<std::time::Instant>,
    frame_cost: Duration,
    /// How long the layout thread's wake-up waits before the next frame (milliseconds): what
    /// the pacing below asks for, so the wake-ups do not bring back frames it spaced out.
    layout_frame_wait: std::sync::Arc<std::sync::atomic::AtomicU64>,
    styled: bool,
    styled_revision: u64,
    title: String,
}

/// The tabs of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LeftTab {
    /// Search, legend and actor list.
    #[default]
    Legend,
    /// Filters, timeline, neighbourhood and paths.
    Explore,
    /// Metrics, their mapping and table.
    Metrics,
}

/// Storage key of the recent-files list.
const RECENT_KEY: &str = "kgx.recent_files";
/// Storage key of the folder exports last went to.
const EXPORT_FOLDER_KEY: &str = "kgx.export_folder";
/// Storage key of the knowledge base last used.
const KB_LAST_KEY: &str = "kgx.kb_last";
/// Storage key of the window's theme.
const THEME_KEY: &str = "kgx.theme";
/// Storage key of the remembered CSV column mappings.
const CSV_MAPPINGS_KEY: &str = "kgx.csv_mappings";
/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;

impl KgxApp {
    /// Creates the app: opens `options.file` or the bundled graph, and restores recent files.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let recent: Vec<PathBuf> = cc.storage.and_then(|s| eframe::get_value(s, RECENT_KEY)).unwrap_or_default();
        let mut app = Self::with_recent(options, recent);
        app.files.csv_mappings = cc.storage.and_then(|s| eframe::get_value(s, CSV_MAPPINGS_KEY)).unwrap_or_default();
        app.files.export_folder = cc.storage.and_then(|s| eframe::get_value(s, EXPORT_FOLDER_KEY));
        app.files.kb_last = cc.storage.and_then(|s| eframe::get_value(s, KB_LAST_KEY));
        app.options.theme = cc.storage.and_then(|s| eframe::get_value(s, THEME_KEY)).unwrap_or_default();
        // With wgpu as the renderer, large graphs are drawn on the GPU.
        app.canvas.gpu_target = cc.wgpu_render_state.as_ref().map(crate::ui::gpu::GpuTarget::of);
        app
    }

    /// Creates the app without an eframe context (tests, benchmarks).
    pub fn with_recent(options: AppOptions, recent: Vec<PathBuf>) -> Self {
        let bundled = || {
            let graph = load_str(BUNDLED_GRAPH, std::path::Path::new(BUNDLED_NAME)).unwrap_or_default();
            let mut doc = Document::new(graph, None);
            doc.untitled_name = format!("{BUNDLED_NAME} (bundled)");
            doc
        };
        let mut app = Self {
            doc: bundled(),
            selection: Selection::default(),
            canvas: CanvasState::default(),
            options: ViewOptions::default(),
            status: String::new(),
            explore: Explore::default(),
            styling: Styling::default(),
            panels: Panels { show_side_panel: true, show_inspector: true, ..Panels::default() },
            windows: Windows::default(),
            files: Files { recent, native_dialogs: options.native_dialogs, ..Files::default() },
            autosave: Autosave::new(options.recovery_dir.clone(), options.autosave_delay),
            pacing: Pacing::default(),
            commands: Vec::new(),
        };
        if let Some(path) = options.file {
            // The window shows at once, with the file being read (and Cancel), as File → Open.
            app.doc = Document::new(KnowledgeGraph::new(), None);
            app.doc.untitled_name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            app.open_path(&path);
        }
        app.autosave.start_document(&app.doc);
        if app.files.dialog == Dialog::None {
            app.offer_recovery(false);
        }
        app
    }

    /// Writes pending autosaves and removals to disk and waits for them (tests, closing).
    pub fn flush_autosave(&mut self) {
        self.autosave.flush();
    }

    /// This document's recovery file, if one was written.
    pub fn recovery_file(&self) -> Option<&std::path::Path> {
        self.autosave.slot()
    }

    /// Writes the recovery file at once (what a panic does), then waits for it.
    ///
    /// # Errors
    /// The write failed; the message names the file.
    pub fn write_recovery_now(&mut self) -> Result<(), String> {
        self.autosave.flush();
        self.autosave.write_now(&mut self.doc)
    }

    /// The window title: file name, an unsaved marker, the app name.
    pub fn window_title(&self) -> String {
        format!("{}{} — kgx", self.doc.display_name(), if self.doc.is_dirty() { " ●" } else { "" })
    }

    /// Queues a command as if the user had issued it (tests and the menu use this).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Whether a file is being read to be opened (on a worker thread).
    pub fn is_opening(&self) -> bool {
        self.files.opening.is_some()
    }

    /// Whether an export is being written on a worker thread.
    pub fn is_exporting(&self) -> bool {
        self.files.exporting.is_some()
    }

    /// Whether the document is being saved on a worker thread.
    pub fn is_saving(&self) -> bool {
        self.files.saving.is_some()
    }

    /// The open dialog's kind, for tests: "confirm", "path", "error" or "none".
    pub fn dialog_kind(&self) -> &'static str {
        self.files.dialog.kind()
    }

    fn set_status(&mut self, message: impl Into<String>) {
        self.status = message.into();
    }

    /// Carries out every queued command.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run(ctx, command);
        }
    }

    fn apply(&mut self, edit: Edit, coalesce: Option<&str>) -> bool {
        let result = self.doc.apply(edit, coalesce);
        self.after_edit(result)
    }

    fn after_edit(&mut self, result: Result<(), crate::model::ModelError>) -> bool {
        match result {
            Ok(()) => {
                self.selection.retain_existing(&self.doc.graph);
                true
            }
            Err(error) => {
                self.set_status(format!("Not changed: {error}"));
                false
            }
        }
    }

    /// Routes a command to its area's handler; each handler carries out every command of its
    /// area (no fall-through), so a command nothing handles does not compile.
    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(command) => self.run_edit(command),
            Command::Select(command) => self.run_select(command),
            Command::View(command) => self.run_view(command),
            Command::Drag(command) => self.run_drag(command),
            Command::Layout(command) => self.run_layout(command),
            Command::File(command) => self.run_file_command(ctx, command),
            Command::Article(command) => self.run_article_command(command),
            Command::Picture(command) => self.run_picture_command(command),
            Command::Merge(command) => self.run_merge_command(command),
            Command::Csv(command) => self.run_csv_command(command),
            Command::Kb(command) => self.run_kb_command(command),
            Command::Table(command) => self.run_table_command(ctx, command),
        }
    }

    fn remember_recent(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.files.recent.retain(|p| *p != path);
        self.files.recent.insert(0, path);
        self.files.recent.truncate(RECENT_LIMIT);
    }
}

impl eframe::App for KgxApp {
    /// Draws a frame. If anything in it panics, the unsaved work is written to its recovery file
    /// before the panic goes on, so the next start offers it back.
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.frame_ui(ui))) {
            if let Err(error) = self.autosave.write_now(&mut self.doc) {
                eprintln!("kgx: could not save unsaved work: {error}");
            }
            resume_unwind(panic);
        }
    }

    /// Wheel notches over a canvas drawn on the CPU zoom at once (see
    /// [`CanvasState::take_wheel_notches`](crate::ui::canvas::CanvasState::take_wheel_notches)).
    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.canvas.take_wheel_notches(ctx, raw_input);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, RECENT_KEY, &self.files.recent);
        eframe::set_value(storage, CSV_MAPPINGS_KEY, &self.files.csv_mappings);
        if let Some(folder) = &self.files.export_folder {
            eframe::set_value(storage, EXPORT_FOLDER_KEY, folder);
        }
        eframe::set_value(storage, THEME_KEY, &self.options.theme);
        if let Some(last) = &self.files.kb_last {
            eframe::set_value(storage, KB_LAST_KEY, last);
        }
    }

    fn on_exit(&mut self) {
        self.autosave.flush();
    }
}

impl KgxApp {
    /// The left panel: its tabs and the open one.
    fn side_panel_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (tab, name) in
                [(LeftTab::Legend, "Legend"), (LeftTab::Explore, "Explore"), (LeftTab::Metrics, "Metrics")]
            {
                if ui.selectable_label(self.panels.tab == tab, name).clicked() {
                    self.panels.tab = tab;
                }
            }
        });
        ui.separator();
        let focus_before = self.explore.ego.clone();
        let changed = match self.panels.tab {
            LeftTab::Legend => legend_ui(
                ui,
                &self.doc,
                &self.selection,
                &mut self.explore.filter,
                &mut self.panels.legend,
                &mut self.commands,
            ),
            LeftTab::Explore => {
                explore_ui(ui, &self.doc, &self.selection, &mut self.explore, &self.styling, &mut self.commands)
            }
            LeftTab::Metrics => metrics_ui(ui, &self.doc, &mut self.explore, &self.styling, &mut self.commands),
        };
        if changed {
            self.pacing.styled = false;
        }
        if self.explore.ego != focus_before {
            // Focusing on a neighbourhood (or leaving it) frames what is now shown.
            self.pacing.styled = false;
            self.pacing.fit_after_restyle = true;
        }
    }

    fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let started = std::time::Instant::now();
        let ctx = ui.ctx().clone();
        let theme = match self.options.theme {
            crate::draw::Theme::Dark => egui::Theme::Dark,
            crate::draw::Theme::Light => egui::Theme::Light,
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        self.handle_window_events(&ctx);
        shortcuts::handle(&ctx, self);

        if !self.doc.layout.has_waker() {
            // The layout thread asks for a frame whenever it has new positions.
            let waker_ctx = ctx.clone();
            let wait = std::sync::Arc::clone(&self.pacing.layout_frame_wait);
            self.doc.layout.set_waker(std::sync::Arc::new(move || {
                let wait = wait.load(std::sync::atomic::Ordering::Relaxed).max(LAYOUT_FRAME_MS);
                waker_ctx.request_repaint_after(Duration::from_millis(wait));
            }));
        }
        if self.doc.refresh_layout() {
            // While the layout moves, draw as often as drawing is cheap. When frames are costly
            // (a huge graph, software rendering), wait three times the last frame's cost before the
            // next, so drawing takes at most a quarter of a core and the layout thread the rest.
            let since_last = self.pacing.frame_started.map(|t| t.elapsed());
            // (A frame's cost includes what the renderer takes to show it, as `since_last` does.)
            let costly = self.pacing.frame_cost > SLOW_FRAME || since_last.is_some_and(|d| d > 5 * SLOW_FRAME);
            let wait = if costly {
                (3 * self.pacing.frame_cost).max(since_last.unwrap_or_default()).min(MAX_FRAME_WAIT)
            } else {
                Duration::ZERO
            };
            let wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
            self.pacing.layout_frame_wait.store(wait_ms, std::sync::atomic::Ordering::Relaxed);
            if costly {
                ctx.request_repaint_after(wait);
            } else {
                ctx.request_repaint();
            }
        } else {
            // Still: the next run's first positions show at once.
            self.pacing.layout_frame_wait.store(0, std::sync::atomic::Ordering::Relaxed);
        }
        if self.explore.metrics.poll() {
            self.pacing.styled = false;
        }
        if self.explore.path.poll(&self.doc.graph) {
            self.pacing.styled = false;
        }
        if self.explore.path.is_searching() {
            // A search is short (O(m log n)); the spinner shows until its answer arrives.
            ctx.request_repaint();
        }
        // An edit makes computed metrics out of date: they update in the background, keeping
        // the mapping and legend meanwhile.
        if self.explore.metrics.refresh_if_stale(&self.doc.graph, self.doc.revision) {
            ctx.request_repaint();
        }
        let dt = ctx.input(|i| i.stable_dt).min(0.1);
        if advance_timeline(&self.doc, &mut self.explore, dt) {
            self.pacing.styled = false;
        }
        if self.explore.timeline.playing {
            ctx.request_repaint();
        }
        if !self.pacing.styled || self.pacing.styled_revision != self.doc.revision {
            self.styling = Styling::build(&self.doc, &self.explore, &self.options);
            self.pacing.styled = true;
            self.pacing.styled_revision = self.doc.revision;
            // The layout's next run keeps the drawn discs apart, whatever sets their size.
            self.doc.set_node_radii(&self.styling.radii);
            if std::mem::take(&mut self.pacing.fit_after_restyle) {
                self.canvas.fit(&self.doc, &self.styling, true);
            }
        }
        let options_before = self.options.clone();

        Panel::top("menu bar").show(ui, |ui| {
            let panels = (self.panels.show_side_panel, self.panels.show_inspector, self.panels.show_table);
            menu_bar_ui(
                ui,
                &self.doc,
                &self.selection,
                &mut self.options,
                &self.files.recent,
                panels,
                &mut self.commands,
            );
        });
        Panel::bottom("status bar").show(ui, |ui| {
            let outside = self.canvas.picture_outside;
            status_bar_ui(ui, &self.doc, &self.styling, &self.status, outside, &mut self.commands);
        });
        if self.panels.show_side_panel {
            Panel::left("legend").resizable(true).default_size(240.0).min_size(180.0).max_size(420.0).show(ui, |ui| {
                self.side_panel_ui(ui);
            });
        }
        if self.panels.show_inspector {
            Panel::right("inspector").resizable(true).default_size(290.0).min_size(220.0).max_size(520.0).show(
                ui,
                |ui| {
                    inspector_ui(ui, &self.doc, &self.selection, &mut self.panels.inspector, &mut self.commands);
                },
            );
        }
        if self.panels.show_table {
            self.table_ui(ui);
        }
        CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            canvas_ui(
                ui,
                &self.doc,
                &self.selection,
                &self.options,
                &self.styling,
                &mut self.canvas,
                &mut self.commands,
            );
        });
        self.poll_article(&ctx);
        crate::ui::review::article_ui(&ctx, &mut self.windows.article, &self.doc, &mut self.commands);
        self.poll_picture(&ctx);
        crate::ui::picture::picture_ui(&ctx, &mut self.windows.picture, &mut self.commands);
        self.poll_open(&ctx);
        self.poll_save(&ctx);
        self.poll_export(&ctx);
        if let Some(opening) = &self.files.opening {
            let mut cancel = false;
            egui::Window::new("Opening").collapsible(false).resizable(false).show(&ctx, |ui| {
                ui.label(format!("Reading {} …", opening.path.display()));
                ui.horizontal(|ui| {
                    let fraction = opening.job.progress().fraction();
                    if fraction > 0.0 {
                        ui.add(egui::ProgressBar::new(fraction).desired_width(240.0).show_percentage());
                    } else {
                        ui.spinner();
                    }
                    cancel = ui.button("Cancel").clicked();
                });
            });
            if cancel {
                // The worker stops at its next piece and drops what it read; the open graph stays.
                self.files.opening = None;
                self.files.given_up = None;
                self.set_status("Opening cancelled".to_owned());
            }
        }
        self.poll_arrange(&ctx);
        crate::ui::arrange::arrange_ui(
            &ctx,
            &mut self.windows.arrange,
            self.windows.arrange_job.as_ref(),
            &self.doc,
            &mut self.commands,
        );
        self.poll_merge(&ctx);
        crate::ui::merge::merge_ui(&ctx, &mut self.windows.merge, &self.doc, &mut self.commands);
        self.poll_csv(&ctx);
        crate::ui::csv_import::csv_ui(&ctx, &mut self.windows.csv, self.windows.csv_job.as_ref(), &mut self.commands);
        self.poll_kb(&ctx);
        self.poll_expand(&ctx);
        if self.windows.link.as_mut().is_some_and(|l| l.poll()) {
            ctx.request_repaint();
        } else if self.windows.link.as_ref().is_some_and(|l| l.job.is_some()) {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        crate::ui::kb::link_ui(&ctx, &mut self.windows.link, &self.doc, &mut self.commands);
        crate::ui::kb::kb_ui(&ctx, &mut self.windows.kb, &self.doc, &mut self.commands);
        self.dialogs_ui(&ctx);
        if self.options != options_before {
            self.pacing.styled = false;
        }
        if !self.commands.is_empty() {
            // Commands change the document (restyled through its revision) or the selection.
            ctx.request_repaint();
        }
        self.run_commands(&ctx);
        if self.canvas.is_animating() {
            ctx.request_repaint();
        }
        let title = self.window_title();
        if title != self.pacing.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.pacing.title = title;
        }
        if let Some(wait) = self.autosave.on_frame(&mut self.doc) {
            ctx.request_repaint_after(wait);
        }
        if let Some(error) = self.autosave.last_error.take() {
            self.set_status(error);
        }
        self.pacing.frame_cost = started.elapsed();
        self.pacing.frame_started = Some(started);
    }
}
