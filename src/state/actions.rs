//! [`Action`]: the commands a person gives from menus, buttons and the keyboard, in one table —
//! each with its label, its shortcuts, where the shortcuts apply and what README says it does.
//! Menus, hints, the shortcut handler and README's Keyboard table all read it, so they cannot
//! disagree (a test holds README against it).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::state::command::{
    Command, EditCommand, FileCommand, LayoutCommand, SelectCommand, TableCommand, ViewCommand,
};

/// Where an action's shortcuts act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, also while typing (document-wide keys with Ctrl).
    Window,
    /// Only while the canvas has the context: no text field has the focus and no dialog,
    /// window or menu is open. Single keys (P, C, F, Space, Delete) act only there, so a key
    /// meant for a dialog that is still opening never pins or deletes anything.
    Canvas,
    /// Where the canvas has the context, and in the inspector's fields, whose typing is the
    /// document's own edits (undo and redo).
    Document,
}

/// Who has the keyboard this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyContext {
    /// The canvas has the context (see [`Scope::Canvas`]).
    pub canvas: bool,
    /// One of the inspector's fields has the focus.
    pub inspector: bool,
}

impl KeyContext {
    /// Whether keys of `scope` act now.
    pub fn allows(self, scope: Scope) -> bool {
        match scope {
            Scope::Window => true,
            Scope::Canvas => self.canvas,
            Scope::Document => self.canvas || self.inspector,
        }
    }
}

/// A user-facing command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start a new graph.
    New,
    /// Open a file.
    Open,
    /// Save.
    Save,
    /// Save under another name.
    SaveAs,
    /// Search actors.
    Search,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Delete the selection.
    Delete,
    /// Close a menu, else clear the selection.
    ClearSelection,
    /// Select every shown actor.
    SelectAll,
    /// Fit the graph in view.
    Fit,
    /// Pan the view.
    PanLeft,
    /// Pan the view.
    PanRight,
    /// Pan the view.
    PanUp,
    /// Pan the view.
    PanDown,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// The next actor by name.
    NextActor,
    /// The previous actor by name.
    PreviousActor,
    /// Connect the two selected actors.
    Connect,
    /// Pin the selected actors.
    Pin,
    /// Release the selected actors.
    Unpin,
    /// Pause or resume the layout.
    PauseLayout,
    /// Show or hide the left panel.
    ToggleSidePanel,
    /// Show or hide the inspector.
    ToggleInspector,
    /// Show or hide the data table.
    ToggleTable,
    /// Add an actor in the middle of the view.
    AddActor,
    /// Re-run the layout from the current picture.
    RerunLayout,
    /// Lay the graph out from scratch.
    LayoutFromScratch,
    /// Quit.
    Quit,
}

/// An action's entry in the table.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo {
    /// The label in menus and on buttons.
    pub label: &'static str,
    /// Its keys, the first one shown in menus.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Where the keys act.
    pub scope: Scope,
    /// What README's Keyboard table says it does.
    pub does: &'static str,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CMD_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const NONE: Modifiers = Modifiers::NONE;

impl Action {
    /// Every action, in the order README lists them.
    pub const ALL: [Action; 30] = [
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Quit,
        Action::Search,
        Action::Undo,
        Action::Redo,
        Action::Delete,
        Action::ClearSelection,
        Action::SelectAll,
        Action::AddActor,
        Action::Fit,
        Action::PanLeft,
        Action::PanRight,
        Action::PanUp,
        Action::PanDown,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::NextActor,
        Action::PreviousActor,
        Action::Connect,
        Action::Pin,
        Action::Unpin,
        Action::PauseLayout,
        Action::RerunLayout,
        Action::LayoutFromScratch,
        Action::ToggleSidePanel,
        Action::ToggleInspector,
        Action::ToggleTable,
    ];

    /// The action's entry in the table.
    pub fn info(self) -> ActionInfo {
        let (label, shortcuts, scope, does): (&str, &'static [KeyboardShortcut], Scope, &str) = match self {
            Action::New => ("New", const { &[key(CMD, Key::N)] }, Scope::Window, "start a new graph"),
            Action::Open => {
                ("Open…", const { &[key(CMD, Key::O)] }, Scope::Window, "open a file of any format kgx reads")
            }
            Action::Save => ("Save", const { &[key(CMD, Key::S)] }, Scope::Window, "save"),
            Action::SaveAs => {
                ("Save as…", const { &[key(CMD_SHIFT, Key::S)] }, Scope::Window, "save under another name")
            }
            Action::Quit => ("Quit", const { &[key(CMD, Key::Q)] }, Scope::Window, "quit (asks about unsaved changes)"),
            Action::Search => ("Search actors", const { &[key(CMD, Key::F)] }, Scope::Window, "search actors"),
            Action::Undo => ("Undo", const { &[key(CMD, Key::Z)] }, Scope::Document, "undo"),
            Action::Redo => ("Redo", const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] }, Scope::Document, "redo"),
            Action::Delete => (
                "Delete selected",
                const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
                Scope::Canvas,
                "delete the selection (an actor takes its cooperations with it)",
            ),
            Action::ClearSelection => (
                "Select nothing",
                const { &[key(NONE, Key::Escape)] },
                Scope::Canvas,
                "close an open menu, else clear the selection",
            ),
            Action::SelectAll => {
                ("Select all", const { &[key(CMD, Key::A)] }, Scope::Canvas, "select every shown actor")
            }
            Action::AddActor => ("Add actor", &[], Scope::Canvas, "add an actor in the middle of the view"),
            Action::Fit => (
                "Fit to view",
                const { &[key(NONE, Key::F), key(NONE, Key::Home)] },
                Scope::Canvas,
                "fit the whole graph in view",
            ),
            Action::PanLeft => ("Pan left", const { &[key(NONE, Key::ArrowLeft)] }, Scope::Canvas, "pan left"),
            Action::PanRight => ("Pan right", const { &[key(NONE, Key::ArrowRight)] }, Scope::Canvas, "pan right"),
            Action::PanUp => ("Pan up", const { &[key(NONE, Key::ArrowUp)] }, Scope::Canvas, "pan up"),
            Action::PanDown => ("Pan down", const { &[key(NONE, Key::ArrowDown)] }, Scope::Canvas, "pan down"),
            Action::ZoomIn => {
                ("Zoom in", const { &[key(NONE, Key::Plus), key(NONE, Key::Equals)] }, Scope::Canvas, "zoom in")
            }
            Action::ZoomOut => ("Zoom out", const { &[key(NONE, Key::Minus)] }, Scope::Canvas, "zoom out"),
            Action::NextActor => (
                "Next actor",
                const { &[key(NONE, Key::Tab)] },
                Scope::Canvas,
                "select the next actor (by name) and glide to it",
            ),
            Action::PreviousActor => (
                "Previous actor",
                const { &[key(SHIFT, Key::Tab)] },
                Scope::Canvas,
                "select the previous actor (by name) and glide to it",
            ),
            Action::Connect => {
                ("Connect selected", const { &[key(NONE, Key::C)] }, Scope::Canvas, "connect the two selected actors")
            }
            Action::Pin => (
                "Pin selected",
                const { &[key(NONE, Key::P)] },
                Scope::Canvas,
                "pin the selected actors where they are",
            ),
            Action::Unpin => {
                ("Release selected", const { &[key(SHIFT, Key::P)] }, Scope::Canvas, "release the selected actors")
            }
            Action::PauseLayout => (
                "Pause or resume layout",
                const { &[key(NONE, Key::Space)] },
                Scope::Canvas,
                "pause or resume the layout",
            ),
            Action::RerunLayout => (
                "Re-run from this picture",
                &[],
                Scope::Canvas,
                "lay the graph out again from the current picture (one undo step)",
            ),
            Action::LayoutFromScratch => {
                ("Lay out from scratch", &[], Scope::Canvas, "lay the graph out anew (one undo step)")
            }
            Action::ToggleSidePanel => {
                ("Side panel", const { &[key(CMD, Key::B)] }, Scope::Window, "show or hide the left panel")
            }
            Action::ToggleInspector => {
                ("Inspector", const { &[key(CMD, Key::I)] }, Scope::Window, "show or hide the inspector")
            }
            Action::ToggleTable => {
                ("Data table", const { &[key(CMD, Key::T)] }, Scope::Window, "show or hide the data table")
            }
        };
        ActionInfo { label, shortcuts, scope, does }
    }

    /// The command it gives, if it is one (the camera keys move the view directly).
    pub fn command(self) -> Option<Command> {
        Some(match self {
            Action::New => Command::File(FileCommand::New),
            Action::Open => Command::File(FileCommand::Open(None)),
            Action::Save => Command::File(FileCommand::Save),
            Action::SaveAs => Command::File(FileCommand::SaveAs(None)),
            Action::Quit => Command::File(FileCommand::Quit),
            Action::Search => Command::View(ViewCommand::FocusSearch),
            Action::Undo => Command::Edit(EditCommand::Undo),
            Action::Redo => Command::Edit(EditCommand::Redo),
            Action::Delete => Command::Edit(EditCommand::DeleteSelection),
            Action::ClearSelection => Command::Select(SelectCommand::Clear),
            Action::SelectAll => Command::Select(SelectCommand::All),
            Action::AddActor => Command::Edit(EditCommand::AddActor),
            Action::Fit => Command::View(ViewCommand::Fit),
            Action::Connect => Command::Edit(EditCommand::ConnectSelected),
            Action::Pin => Command::Edit(EditCommand::PinSelection(true)),
            Action::Unpin => Command::Edit(EditCommand::PinSelection(false)),
            Action::PauseLayout => Command::Layout(LayoutCommand::TogglePause),
            Action::RerunLayout => Command::Layout(LayoutCommand::Rerun { fresh: false }),
            Action::LayoutFromScratch => Command::Layout(LayoutCommand::Rerun { fresh: true }),
            Action::ToggleSidePanel => Command::View(ViewCommand::ToggleSidePanel),
            Action::ToggleInspector => Command::View(ViewCommand::ToggleInspector),
            Action::ToggleTable => Command::Table(TableCommand::Toggle),
            Action::PanLeft
            | Action::PanRight
            | Action::PanUp
            | Action::PanDown
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::NextActor
            | Action::PreviousActor => return None,
        })
    }

    /// Its keys as people read them, joined by " or ": "Ctrl+Shift+Z or Ctrl+Y" (⌘ on macOS).
    pub fn keys_text(self, mac: bool) -> String {
        let names = if mac { egui::ModifierNames::SYMBOLS } else { egui::ModifierNames::NAMES };
        self.info().shortcuts.iter().map(|s| s.format(&names, mac)).collect::<Vec<_>>().join(" or ")
    }

    /// The menu text: its label and its first key, "Save  (Ctrl+S)".
    pub fn menu_text(self) -> String {
        let info = self.info();
        match info.shortcuts.first() {
            Some(shortcut) => format!("{}  ({})", info.label, shortcut.format(&egui::ModifierNames::NAMES, false)),
            None => info.label.to_owned(),
        }
    }
}

/// The actions whose keys were pressed this frame, taken out of the input (so nothing else acts
/// on them), as far as `context` allows. Keys with more modifiers are matched first: egui
/// matches Ctrl+Z also when Shift is held.
pub fn pressed(ctx: &egui::Context, context: KeyContext) -> Vec<Action> {
    let mut keys: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .iter()
        .filter(|a| context.allows(a.info().scope))
        .flat_map(|&a| a.info().shortcuts.iter().map(move |&s| (a, s)))
        .collect();
    let count = |m: Modifiers| [m.shift, m.ctrl || m.command || m.mac_cmd, m.alt].iter().filter(|b| **b).count();
    keys.sort_by_key(|(_, s)| std::cmp::Reverse(count(s.modifiers)));
    let mut pressed = Vec::new();
    for (action, shortcut) in keys {
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) && !pressed.contains(&action) {
            pressed.push(action);
        }
    }
    pressed
}
