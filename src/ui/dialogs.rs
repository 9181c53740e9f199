//! Modal dialogs: confirm discarding unsaved changes, type a file path (when no native file
//! dialog is available), and show an error.

use egui::{Context, Id, Modal, RichText};

/// What the user answered in the unsaved-changes dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}

/// "Save changes to NAME before ACTION?" Returns the answer once given.
pub fn confirm_discard_ui(ctx: &Context, name: &str, action: &str) -> Option<ConfirmChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("confirm unsaved changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to {name} before you {action}?"));
        ui.label(RichText::new("Changes you don't save are lost.").weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(ConfirmChoice::Save);
            }
            if ui.button("Don't save").clicked() {
                choice = Some(ConfirmChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(ConfirmChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(ConfirmChoice::Cancel);
    }
    choice
}

/// What the user did in the path dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathChoice {
    /// Use this path.
    Accept(String),
    /// Close the dialog.
    Cancel,
}

/// A dialog with a text field for a file path, used when no native file dialog is available.
/// `verb` names the button ("Open", "Save"); `example` shows in the empty field (which file names
/// it takes).
pub fn path_prompt_ui(ctx: &Context, title: &str, verb: &str, example: &str, text: &mut String) -> Option<PathChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("path prompt")).show(ctx, |ui| {
        ui.heading(title);
        let label = ui.label("File path");
        let response =
            ui.add(egui::TextEdit::singleline(text).desired_width(420.0).hint_text(example)).labelled_by(label.id);
        if !response.has_focus() && text.is_empty() {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if (ui.button(verb).clicked() || entered) && !text.trim().is_empty() {
                choice = Some(PathChoice::Accept(text.trim().to_owned()));
            }
            if ui.button("Cancel").clicked() {
                choice = Some(PathChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(PathChoice::Cancel);
    }
    choice
}

/// Shows an error with one line per problem; returns true once dismissed.
pub fn error_ui(ctx: &Context, title: &str, lines: &[String]) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(Id::unique("error")).show(ctx, |ui| {
        // Wide enough for file:line:column and the message on one line, high enough for many.
        let width = (ctx.content_rect().width() * 0.8).clamp(360.0, 900.0);
        ui.set_width(width);
        ui.heading(title);
        if lines.len() > 1 {
            ui.label(format!("{} problems:", lines.len()));
        }
        egui::ScrollArea::vertical().max_height((ctx.content_rect().height() * 0.6).max(200.0)).show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(RichText::new(line).monospace()).wrap());
            }
        });
        ui.label(RichText::new("The open graph was not changed.").weak());
        if ui.button("OK").clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}

/// What the user chose in the recovery dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open this recovery file as the document.
    Restore(std::path::PathBuf),
    /// Delete this recovery file.
    Discard(std::path::PathBuf),
    /// Decide later (the files stay; File → Recover unsaved work shows them again).
    Later,
}

/// Lists unsaved work found from windows that closed without saving, each with its document,
/// time and counts, to restore or discard.
pub fn recovery_ui(
    ctx: &Context,
    files: &[crate::io::recovery::RecoveryFile],
    changes: &std::collections::HashMap<std::path::PathBuf, String>,
) -> Option<RecoveryChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("recover unsaved work")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading("Recover unsaved work");
        ui.label("kgx closed without saving these changes. Restore one to keep working on it, or discard it.");
        ui.add_space(6.0);
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for file in files {
                let header = &file.header;
                ui.group(|ui| {
                    ui.label(RichText::new(&header.name).strong());
                    let document =
                        header.document.as_ref().map_or_else(|| "never saved".to_owned(), |d| d.display().to_string());
                    ui.label(format!("Document: {document}"));
                    ui.label(format!(
                        "Autosaved {} · {} · {}",
                        file.saved_at_text(),
                        crate::words::actors(header.actors),
                        crate::words::cooperations(header.cooperations)
                    ));
                    match changes.get(&file.path) {
                        Some(summary) => ui.label(format!("Changes: {summary}")),
                        None => ui.label(RichText::new("Working out what changed…").weak()),
                    };
                    ui.horizontal(|ui| {
                        if ui.button(format!("Restore {}", header.name)).clicked() {
                            choice = Some(RecoveryChoice::Restore(file.path.clone()));
                        }
                        if ui.button(format!("Discard {}", header.name)).clicked() {
                            choice = Some(RecoveryChoice::Discard(file.path.clone()));
                        }
                    });
                });
            }
        });
        ui.add_space(6.0);
        if ui.button("Later").clicked() {
            choice = Some(RecoveryChoice::Later);
        }
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(RecoveryChoice::Later);
    }
    choice
}

/// What the user chose when the open file changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Replace the graph with the file's new content (one undo step).
    Reload,
    /// Keep the graph as it is in the window.
    KeepMine,
    /// Write the window's graph over the file.
    Overwrite,
    /// Do nothing now.
    Cancel,
}

/// "NAME changed on disk": offers Reload or Keep mine; when `saving`, offers Overwrite, Reload
/// or Cancel instead. `exists` is false when the file was removed (nothing to reload).
pub fn changed_on_disk_ui(ctx: &Context, name: &str, exists: bool, saving: bool) -> Option<DiskChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("changed on disk")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading("The file changed on disk");
        if exists {
            ui.label(format!("Another program changed {name} since kgx opened or saved it."));
        } else {
            ui.label(format!("{name} was removed or renamed since kgx opened or saved it."));
        }
        if saving {
            ui.label(RichText::new("Saving now would replace their changes with yours.").weak());
        } else {
            ui.label(RichText::new("Reloading keeps your version one undo step away.").weak());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if saving && ui.button("Overwrite").clicked() {
                choice = Some(DiskChoice::Overwrite);
            }
            if exists && ui.button("Reload").clicked() {
                choice = Some(DiskChoice::Reload);
            }
            if !saving && ui.button("Keep mine").clicked() {
                choice = Some(DiskChoice::KeepMine);
            }
            if saving && ui.button("Cancel").clicked() {
                choice = Some(DiskChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(if saving { DiskChoice::Cancel } else { DiskChoice::KeepMine });
    }
    choice
}
