//! [`Command`]: what the user asked for, pushed by widgets and carried out in one place after the
//! frame's UI (so no widget mutates the document directly). Commands come in areas, one enum
//! each; the app routes each area to its handler, which matches every command of its area, so
//! the compiler finds a command that nothing carries out.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::model::{ActorId, CooperationId};

/// One user intent, by area.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Changes to the document and its history.
    Edit(EditCommand),
    /// What is selected.
    Select(SelectCommand),
    /// The camera, the panels and the search field.
    View(ViewCommand),
    /// Moving an actor with the mouse.
    Drag(DragCommand),
    /// The layout.
    Layout(LayoutCommand),
    /// Files: new, open, save, export, recovery.
    File(FileCommand),
    /// The Import article window.
    Article(ArticleCommand),
    /// The Export picture window.
    Picture(PictureCommand),
    /// The Import into this graph window.
    Merge(MergeCommand),
    /// The CSV column dialog.
    Csv(CsvCommand),
    /// The knowledge-base windows.
    Kb(KbCommand),
    /// The data table.
    Table(TableCommand),
}

/// Changes to the document and its history.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Apply a document edit; edits with the same coalesce key in a row undo as one step.
    Apply {
        /// The change.
        edit: Edit,
        /// Joins consecutive edits (e.g. keystrokes into one field) into one undo step.
        coalesce: Option<String>,
    },
    /// End the current coalescing run (a text field lost focus).
    Seal,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Create an actor near the middle of the view.
    AddActor,
    /// Create an actor at a layout position and select it.
    AddActorAt([f32; 2]),
    /// Create a cooperation between two actors and select it.
    Connect {
        /// From.
        from: ActorId,
        /// To.
        to: ActorId,
    },
    /// Connect the two selected actors.
    ConnectSelected,
    /// Delete the selected actors or cooperation.
    DeleteSelection,
    /// Pin (true) or release (false) the selected actors.
    PinSelection(bool),
    /// Set the document's style mappings (colour, size, shape by an attribute; own styles
    /// first), as one undoable step.
    StyleMapping(crate::model::StyleMapping),
}

/// What is selected.
#[derive(Clone, Debug, PartialEq)]
pub enum SelectCommand {
    /// Select exactly these actors.
    Actors(Vec<ActorId>),
    /// Add these actors to the selection.
    Add(Vec<ActorId>),
    /// Add or remove one actor from the selection.
    Toggle(ActorId),
    /// Select one cooperation.
    Cooperation(CooperationId),
    /// Select nothing.
    Clear,
    /// Select every shown actor.
    All,
}

/// The camera, the panels and the search field.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Select an actor and move the camera to it smoothly.
    FocusActor(ActorId),
    /// Move the camera to show the whole graph, and follow the picture again.
    Fit,
    /// Put the keyboard focus in the search field.
    FocusSearch,
    /// Show or hide the left panel (legend, explore, metrics).
    ToggleSidePanel,
    /// Show or hide the inspector.
    ToggleInspector,
}

/// Moving an actor with the mouse.
#[derive(Clone, Debug, PartialEq)]
pub enum DragCommand {
    /// A drag began: remember where the actor was.
    Begin(ActorId),
    /// Move the dragged actor to a layout position; not an edit yet.
    Move {
        /// The dragged actor.
        actor: ActorId,
        /// New layout position.
        to: [f32; 2],
    },
    /// The drag ended: one edit pins the actor where it was dropped (undo puts it back).
    End(ActorId),
}

/// The layout.
#[derive(Clone, Debug, PartialEq)]
pub enum LayoutCommand {
    /// Pause (true) or resume (false) the live layout.
    Pause(bool),
    /// Pause the layout if it runs, resume it if paused.
    TogglePause,
    /// Lay the graph out again as one undoable step: from the current picture, or from scratch
    /// (`fresh`).
    Rerun {
        /// Start from scratch instead of from the current picture.
        fresh: bool,
    },
    /// Turn automatic layout on (every change to the structure reflows the whole picture) or
    /// off (only what is new moves); remembered in the document, undoable.
    Automatic(bool),
    /// What a full layout run makes room for as it ends: label sizes on screen and the canvas.
    LabelRoom(crate::layout::LabelRoom),
    /// Show the Layouts window on this layout.
    ShowArrange(crate::state::arrange::LayoutChoice),
    /// Run the layout the Layouts window describes (beyond force: on a worker thread, then one
    /// undoable step; ForceAtlas2: from scratch with the document's settings).
    Arrange,
    /// Stop the layout being computed; the picture stays as it is.
    CancelArrange,
    /// Close the Layouts window.
    CloseArrange,
    /// Save these ForceAtlas2 settings in the document (one undoable step).
    ForceSettings(crate::model::ForceSettings),
}

/// Files: new, open, save, export, recovery.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Start a new, empty document (asks about unsaved changes first).
    New,
    /// Open a file; `None` asks for one (asks about unsaved changes first).
    Open(Option<PathBuf>),
    /// Save to the current file, or ask for one.
    Save,
    /// Save to a new file; `None` asks for one.
    SaveAs(Option<PathBuf>),
    /// Close the window (asks about unsaved changes first).
    Quit,
    /// Open a recovery file as the document (asks about unsaved changes first).
    Restore(PathBuf),
    /// List unsaved work left by windows that are gone, to restore or discard.
    ShowRecovery,
    /// Check whether the document's file changed on disk, and ask what to do if so.
    CheckDisk,
    /// Export for other tools in the format the name's extension says; `None` asks.
    Export(Option<PathBuf>),
}

/// The Import article window.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleCommand {
    /// Show the form.
    Show,
    /// Pick the article file with the system's file dialog.
    Browse,
    /// Propose actors and cooperations from an article (on a worker thread).
    Extract(crate::state::review::ArticleInput),
    /// Stop the running extraction and go back to the form.
    Cancel,
    /// Add the accepted proposals to the graph as one undoable step.
    Apply,
    /// Close the window, dropping its proposals.
    Close,
}

/// The Export picture window.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureCommand {
    /// Show the form.
    Show,
    /// Pick the picture's file with the system's file dialog.
    Browse,
    /// Draw and write the picture the form describes (on a worker thread).
    Write,
    /// Close the form.
    Close,
}

/// The Import into this graph window.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeCommand {
    /// Merge another graph file into the open one; `None` asks for it.
    Show(Option<PathBuf>),
    /// Merge the reviewed graph as one undoable step.
    Apply,
    /// Close the window.
    Close,
}

/// The CSV column dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum CsvCommand {
    /// Import the CSV with the columns as mapped.
    Import,
    /// Close the dialog.
    Close,
}

/// The knowledge-base windows.
#[derive(Clone, Debug, PartialEq)]
pub enum KbCommand {
    /// Show the knowledge-base window.
    Show,
    /// Open the named graph its form names (on a worker thread).
    Pull,
    /// Publish this graph into the named graph its form names (on a worker thread).
    Push,
    /// Close the knowledge-base window.
    Close,
    /// Stop waiting for the knowledge base's answer.
    Cancel,
    /// Load more of an actor's cooperations from the knowledge base the graph came from.
    Expand(ActorId),
    /// Show the window that links an actor to a knowledge-base entity.
    ShowLink(ActorId),
    /// Link the window's actor to its search's candidate at this position (one undo step).
    ApplyLink(usize),
    /// Close the link window.
    CloseLink,
}

/// The data table. Rows are named by their ids (actor or cooperation ids, as `table` says).
#[derive(Clone, Debug, PartialEq)]
pub enum TableCommand {
    /// Show or hide the data table.
    Toggle,
    /// Write a typed value into one cell (one undo step).
    SetCell {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// The row's id.
        row: String,
        /// The column.
        column: crate::state::table::Column,
        /// The text typed.
        text: String,
    },
    /// Write one value into a column of many rows: the bulk edit of kind, an attribute or the
    /// style (one undo step).
    SetMany {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// The rows' ids.
        rows: Vec<String>,
        /// The column.
        column: crate::state::table::Column,
        /// The value.
        text: String,
    },
    /// Delete rows (one undo step).
    DeleteRows {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// The rows' ids.
        rows: Vec<String>,
    },
    /// Add an attribute with a value to every row: a new column (one undo step).
    AddAttribute {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// The attribute's name.
        key: String,
        /// Every row's value.
        default: String,
    },
    /// Rename an attribute in every row (one undo step).
    RenameAttribute {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// Its name now.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Delete an attribute from every row (one undo step).
    DeleteAttribute {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// Its name.
        key: String,
    },
    /// Copy rows to the clipboard as CSV, a header row first.
    Copy {
        /// Actors or cooperations.
        table: crate::state::table::TableKind,
        /// The rows' ids, in the order to copy them.
        rows: Vec<String>,
    },
    /// Add or update actors from CSV rows under a header row (one undo step).
    Paste(String),
}
