//! [`Command`]: what the user asked for, pushed by widgets and carried out in one place after the
//! frame's UI (so no widget mutates the document directly).

use std::path::PathBuf;

use crate::edit::Edit;
use crate::model::{ActorId, CooperationId};

/// One user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Apply a document edit; edits with the same coalesce key in a row undo as one step.
    Edit {
        /// The change.
        edit: Edit,
        /// Joins consecutive edits (e.g. keystrokes into one field) into one undo step.
        coalesce: Option<String>,
    },
    /// End the current coalescing run (a text field lost focus).
    SealHistory,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Select exactly these actors.
    SelectActors(Vec<ActorId>),
    /// Add these actors to the selection.
    AddToSelection(Vec<ActorId>),
    /// Add or remove one actor from the selection.
    ToggleActor(ActorId),
    /// Select one cooperation.
    SelectCooperation(CooperationId),
    /// Select nothing.
    ClearSelection,
    /// Select an actor and move the camera to it smoothly.
    FocusActor(ActorId),
    /// Select every shown actor.
    SelectAll,
    /// Move the camera to show the whole graph.
    FitView,
    /// An actor drag began: remember the picture so the drag undoes as one step.
    BeginDrag(ActorId),
    /// Move the dragged actor to a layout position; not an edit yet.
    DragNode {
        /// The dragged actor.
        actor: ActorId,
        /// New layout position.
        to: [f32; 2],
    },
    /// An actor drag ended: one edit pins it where it was dropped (undo puts the picture back).
    EndDrag(ActorId),
    /// Create an actor at a layout position and select it.
    AddActorAt([f32; 2]),
    /// Create an actor near the middle of the view.
    AddActor,
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
    /// Put the keyboard focus in the search field.
    FocusSearch,
    /// What a full layout run makes room for as it ends: label sizes on screen and the canvas.
    SetLabelRoom(crate::layout::LabelRoom),
    /// Show or hide the left panel (legend, explore, metrics).
    ToggleSidePanel,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Pause (true) or resume (false) the live layout.
    PauseLayout(bool),
    /// Pause the layout if it runs, resume it if paused.
    ToggleLayoutPause,
    /// Lay the graph out again as one undoable step: from the current picture, or from scratch
    /// (`fresh`).
    RerunLayout {
        /// Start from scratch instead of from the current picture.
        fresh: bool,
    },
    /// Turn automatic layout on (every change to the structure reflows the whole picture) or
    /// off (only what is new moves); remembered in the document, undoable.
    SetAutoLayout(bool),
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
    /// Export for other tools (GraphML, GEXF, node-link JSON by the extension); `None` asks.
    Export(Option<PathBuf>),
    /// Show the "Import article" form.
    ImportArticle,
    /// Pick the article file with the system's file dialog.
    BrowseArticle,
    /// Propose actors and cooperations from an article (on a worker thread).
    ExtractArticle(crate::state::review::ArticleInput),
    /// Stop the running extraction and go back to the form.
    CancelArticle,
    /// Add the accepted proposals to the graph as one undoable step.
    ApplyArticle,
    /// Close the article window, dropping its proposals.
    CloseArticle,
    /// Show the "Export picture" form.
    ExportPicture,
    /// Pick the picture's file with the system's file dialog.
    BrowsePicture,
    /// Draw and write the picture the form describes (on a worker thread).
    WritePicture,
    /// Close the picture form.
    ClosePicture,
    /// Merge another graph file into the open one; `None` asks for it.
    ImportInto(Option<PathBuf>),
    /// Merge the reviewed graph as one undoable step.
    ApplyMerge,
    /// Close the import-into window.
    CloseMerge,
    /// Import the CSV with the columns as mapped in its dialog.
    ImportCsv,
    /// Close the CSV column dialog.
    CloseCsv,
    /// Show the knowledge-base window.
    ShowKb,
    /// Open the named graph its form names (on a worker thread).
    PullKb,
    /// Publish this graph into the named graph its form names (on a worker thread).
    PushKb,
    /// Close the knowledge-base window.
    CloseKb,
    /// Stop waiting for the knowledge base's answer.
    CancelKb,
    /// Load more of an actor's cooperations from the knowledge base the graph came from.
    ExpandKb(ActorId),
    /// Show the window that links an actor to a knowledge-base entity.
    ShowLink(ActorId),
    /// Link the window's actor to its search's candidate at this position (one undo step).
    ApplyLink(usize),
    /// Close the link window.
    CloseLink,
}
