//! The inspector: edits the selected actor or cooperation, or the document when nothing is
//! selected. Every change is pushed as an [`Edit`] command, so it can be undone.

use egui::{RichText, ScrollArea, Ui};

use super::theme;
use super::widgets::{choice, kind_choice, labelled_text};
use crate::edit::Edit;
use crate::model::{
    Actor, ActorId, ActorKind, Cooperation, CooperationId, CooperationKind, DateSpan, Evidence, Kind, Metadata,
    PartialDate, Source, SourceId,
};
use crate::state::command::{Command, EditCommand, KbCommand, SelectCommand, ViewCommand};
use crate::state::document::Document;
use crate::state::selection::Selection;

/// Text being typed that is not yet a valid value (a half-written date), kept per field.
#[derive(Clone, Debug, Default)]
pub struct InspectorState {
    /// (field key, text) of the field being typed into, if its text is not valid yet.
    draft: Option<(String, String)>,
    new_attribute_key: String,
    new_attribute_value: String,
    new_source_title: String,
    /// Put the keyboard focus in the Label field next frame (an actor was just added).
    pub focus_label: bool,
    /// One of the inspector's fields had the keyboard focus in the last frame. Its edits are
    /// the document's, so the document's undo and redo keys act there too.
    pub has_focus: bool,
}

fn edit(commands: &mut Vec<Command>, edit: Edit, coalesce: Option<String>) {
    commands.push(Command::Edit(EditCommand::Apply { edit, coalesce }));
}

/// Shows the inspector for the current selection.
pub fn inspector_ui(
    ui: &mut Ui,
    doc: &Document,
    selection: &Selection,
    state: &mut InspectorState,
    commands: &mut Vec<Command>,
) {
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if let Some(id) = selection.single_actor() {
            match doc.graph.actor(id) {
                Some(actor) => actor_ui(ui, doc, actor, state, commands),
                None => {
                    ui.label("The selected actor no longer exists.");
                }
            }
        } else if selection.actor_count() > 1 {
            multi_ui(ui, doc, selection, commands);
        } else if let Some(c) = selection.cooperation() {
            cooperation_ui(ui, doc, c, state, commands);
        } else {
            document_ui(ui, doc, state, commands);
        }
    });
    let area = ui.min_rect();
    state.has_focus = ui
        .ctx()
        .memory(|m| m.focused())
        .and_then(|id| ui.ctx().read_response(id))
        .is_some_and(|focused| area.intersects(focused.rect));
}

/// A text field whose text must parse as `T`. While the text does not parse it is kept as a
/// draft (so typing "2020-0" on the way to "2020-03" works) and the error is shown under it.
/// Returns `Some(value)` when a valid value was entered (`Some(None)` for an emptied field).
fn parsed_field<T: std::str::FromStr>(
    ui: &mut Ui,
    state: &mut InspectorState,
    key: String,
    label: &str,
    current: String,
    hint: &str,
    commands: &mut Vec<Command>,
) -> Option<Option<T>>
where
    T::Err: std::fmt::Display,
{
    let mut text = match &state.draft {
        Some((k, draft)) if *k == key => draft.clone(),
        _ => current,
    };
    let response = labelled_text(ui, label, &mut text, false).on_hover_text(hint);
    let mut entered = None;
    if response.changed() {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            state.draft = None;
            entered = Some(None);
        } else {
            match trimmed.parse::<T>() {
                Ok(value) => {
                    state.draft = None;
                    entered = Some(Some(value));
                }
                Err(_) => state.draft = Some((key.clone(), text.clone())),
            }
        }
    }
    if let Some((k, draft)) = &state.draft
        && *k == key
        && let Err(error) = draft.trim().parse::<T>()
    {
        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
    }
    seal_on_blur(&response, commands);
    entered
}

/// Seals the undo step when a field loses focus, so the next typing session is its own step.
fn seal_on_blur(response: &egui::Response, commands: &mut Vec<Command>) {
    if response.lost_focus() {
        commands.push(Command::Edit(EditCommand::Seal));
    }
}

fn actor_ui(ui: &mut Ui, doc: &Document, actor: &Actor, state: &mut InspectorState, commands: &mut Vec<Command>) {
    let id = actor.id().clone();
    ui.horizontal(|ui| {
        ui.heading("Actor");
        ui.add(egui::Label::new(RichText::new(id.as_str()).monospace().weak()).truncate());
    });
    let key = |field: &str| Some(format!("{field}:{id}"));
    let with = |change: &dyn Fn(&mut Actor)| {
        let mut changed = actor.clone();
        change(&mut changed);
        Edit::SetActor(changed)
    };

    let mut label = actor.label.clone();
    let response = labelled_text(ui, "Label", &mut label, false);
    if std::mem::take(&mut state.focus_label) {
        // A new actor: its name is typed over the placeholder at once.
        response.request_focus();
        if let Some(mut text) = egui::TextEdit::load_state(ui.ctx(), response.id) {
            let all = egui::text::CCursorRange::two(
                egui::text::CCursor::new(0),
                egui::text::CCursor::new(label.chars().count()),
            );
            text.cursor.set_char_range(Some(all));
            text.store(ui.ctx(), response.id);
        }
    }
    if response.changed() {
        edit(commands, with(&|a| a.label.clone_from(&label)), key("label"));
    }
    seal_on_blur(&response, commands);

    if let Some(kind) = kind_choice(ui, "Kind", actor.kind, ActorKind::ALL, |k| k.label(), theme::actor_color) {
        edit(commands, with(&|a| a.kind = kind), None);
    }

    let mut country = actor.country.clone().unwrap_or_default();
    let response = labelled_text(ui, "Country", &mut country, false);
    if response.changed() {
        let value = (!country.trim().is_empty()).then(|| country.clone());
        edit(commands, with(&|a| a.country.clone_from(&value)), key("country"));
    }
    seal_on_blur(&response, commands);

    let mut aliases = actor.aliases.join(", ");
    let response = labelled_text(ui, "Aliases", &mut aliases, false);
    if response.changed() {
        let list: Vec<String> =
            aliases.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        edit(commands, with(&|a| a.aliases.clone_from(&list)), key("aliases"));
    }
    seal_on_blur(&response, commands);

    let mut notes = actor.notes.clone();
    let response = labelled_text(ui, "Notes", &mut notes, true);
    if response.changed() {
        edit(commands, with(&|a| a.notes.clone_from(&notes)), key("notes"));
    }
    seal_on_blur(&response, commands);

    let mut pinned = actor.pinned;
    if ui.checkbox(&mut pinned, "Pinned (the layout leaves it in place)").changed() {
        commands.push(Command::Select(SelectCommand::Actors(vec![id.clone()])));
        commands.push(Command::Edit(EditCommand::PinSelection(pinned)));
    }
    if ui
        .button("Link to a knowledge base…")
        .on_hover_text("Find the entity it is in a knowledge base (Wikidata's shape) and keep the link")
        .clicked()
    {
        commands.push(Command::Kb(KbCommand::ShowLink(id.clone())));
    }

    actor_look_ui(ui, doc, actor, commands);
    ui.separator();
    attributes_ui(ui, actor, state, commands);
    ui.separator();
    actor_cooperations_ui(ui, doc, actor, commands);
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button("Connect to…").on_hover_text("Ctrl-drag from this actor onto another on the canvas").clicked() {
            commands.push(Command::View(ViewCommand::FocusActor(id.clone())));
        }
        if ui.button("Delete actor").clicked() {
            commands.push(Command::Edit(EditCommand::DeleteSelection));
        }
    });
}

/// The actor's own look: colour, size and shape (what Gephi or yEd gave it, or the person),
/// each shown as drawn now, and a way back to its kind's look.
fn actor_look_ui(ui: &mut Ui, doc: &Document, actor: &Actor, commands: &mut Vec<Command>) {
    let id = actor.id().clone();
    let key = Some(format!("look:{id}"));
    let with = |change: &dyn Fn(&mut crate::model::ActorStyle)| {
        let mut changed = actor.clone();
        change(&mut changed.style);
        Edit::SetActor(changed)
    };
    let own = if actor.style.is_empty() { "Look (its kind's)" } else { "Look (its own)" };
    egui::CollapsingHeader::new(own).id_salt("actor look").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Colour");
            let mut color = crate::draw::looks::node_fill(actor);
            let response = egui::color_picker::color_edit_button_srgb(ui, &mut color).labelled_by(label.id);
            if response.changed() {
                edit(commands, with(&|s| s.color = Some(color)), key.clone());
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Size");
            let degree = doc.graph.cooperations_of(&id).len();
            let mut size = crate::draw::looks::node_size(actor, degree, true);
            let response = ui
                .add(egui::DragValue::new(&mut size).range(0.5..=crate::model::MAX_STYLE_SIZE).speed(0.2))
                .labelled_by(label.id)
                .on_hover_text("Radius in layout units (as Gephi's size)");
            if response.changed() {
                edit(commands, with(&|s| s.size = Some(size)), key.clone());
            }
            if response.drag_stopped() || response.lost_focus() {
                commands.push(Command::Edit(EditCommand::Seal));
            }
        });
        let shape = crate::draw::looks::node_shape(actor);
        if let Some(shape) = choice(ui, "Shape", shape, crate::model::NodeShape::ALL, |s| s.label()) {
            edit(commands, with(&|s| s.shape = Some(shape)), None);
        }
        if ui
            .add_enabled(!actor.style.is_empty(), egui::Button::new("Reset to the kind's look"))
            .on_hover_text("Drop its own colour, size and shape: it looks like every other of its kind")
            .clicked()
        {
            edit(commands, with(&|s| *s = crate::model::ActorStyle::default()), None);
        }
    });
}

/// The cooperation's own look: colour and line width, and a way back to its kind's.
fn cooperation_look_ui(ui: &mut Ui, cooperation: &Cooperation, commands: &mut Vec<Command>) {
    let key = Some(format!("look:{}", cooperation.id()));
    let with = |change: &dyn Fn(&mut crate::model::CooperationStyle)| {
        let mut changed = cooperation.clone();
        change(&mut changed.style);
        Edit::SetCooperation(changed)
    };
    let own = if cooperation.style.is_empty() { "Look (its kind's)" } else { "Look (its own)" };
    egui::CollapsingHeader::new(own).id_salt("cooperation look").show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Colour");
            let mut color = crate::draw::looks::edge_color(cooperation);
            let response = egui::color_picker::color_edit_button_srgb(ui, &mut color).labelled_by(label.id);
            if response.changed() {
                edit(commands, with(&|s| s.color = Some(color)), key.clone());
            }
            let label = ui.label("Width");
            let mut width = cooperation.style.width.unwrap_or(1.0);
            let response = ui.add(egui::DragValue::new(&mut width).range(0.2..=10.0).speed(0.05)).labelled_by(label.id);
            if response.changed() {
                edit(commands, with(&|s| s.width = Some(width)), key.clone());
            }
            if response.drag_stopped() || response.lost_focus() {
                commands.push(Command::Edit(EditCommand::Seal));
            }
        });
        if ui.add_enabled(!cooperation.style.is_empty(), egui::Button::new("Reset to the kind's look")).clicked() {
            edit(commands, with(&|s| *s = crate::model::CooperationStyle::default()), None);
        }
    });
}

fn attributes_ui(ui: &mut Ui, actor: &Actor, state: &mut InspectorState, commands: &mut Vec<Command>) {
    ui.label(RichText::new("Attributes").strong());
    let id = actor.id().clone();
    let mut remove = None;
    // Name and value share the row, 40/60, so both stay readable in a narrow inspector.
    let remove_width = 26.0;
    let spacing = ui.spacing().item_spacing.x;
    // Text fields draw a margin around their desired width: leave room for it.
    let fields =
        (ui.available_width() - remove_width - 2.0 * spacing - 2.0 * 2.0 * ui.spacing().button_padding.x - 8.0)
            .max(120.0);
    let (key_width, value_width) = (fields * 0.4, fields * 0.6);
    for (k, attribute) in actor.attributes.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut key = attribute.key.clone();
            let key_response = ui.add(egui::TextEdit::singleline(&mut key).desired_width(key_width));
            let key_response = key_response.on_hover_text(format!("Name of attribute {}", k + 1));
            key_response.widget_info(|| egui::WidgetInfo::text_edit(true, &attribute.key, &key, "Attribute name"));
            let mut value = attribute.value.clone();
            let value_response = ui.add(egui::TextEdit::singleline(&mut value).desired_width(value_width));
            let value_response = value_response.on_hover_text(format!("Value of {}", attribute.key));
            if key_response.changed() && !key.trim().is_empty() && actor.attribute(&key).is_none() {
                let mut changed = actor.clone();
                changed.attributes[k].key.clone_from(&key);
                edit(commands, Edit::SetActor(changed), Some(format!("attribute-key:{id}:{k}")));
            }
            if value_response.changed() {
                let mut changed = actor.clone();
                changed.attributes[k].value.clone_from(&value);
                edit(commands, Edit::SetActor(changed), Some(format!("attribute:{id}:{k}")));
            }
            seal_on_blur(&key_response, commands);
            seal_on_blur(&value_response, commands);
            let remove_button = ui.add_sized([remove_width, 18.0], egui::Button::new("×"));
            remove_button.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove attribute {}", attribute.key))
            });
            if remove_button.on_hover_text(format!("Remove attribute {}", attribute.key)).clicked() {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        let mut changed = actor.clone();
        changed.attributes.remove(k);
        edit(commands, Edit::SetActor(changed), None);
    }
    let name = ui.label("New attribute");
    ui.horizontal(|ui| {
        let width = ((ui.available_width() - 90.0) / 2.0).max(50.0);
        ui.add(egui::TextEdit::singleline(&mut state.new_attribute_key).hint_text("name").desired_width(width))
            .labelled_by(name.id);
        let value = ui.label("=");
        ui.add(egui::TextEdit::singleline(&mut state.new_attribute_value).hint_text("value").desired_width(width))
            .labelled_by(value.id)
            .on_hover_text("Value of the new attribute");
        let key = state.new_attribute_key.trim().to_owned();
        let allowed = !key.is_empty() && actor.attribute(&key).is_none();
        let add = ui.add_enabled(allowed, egui::Button::new("Add"));
        add.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, allowed, "Add attribute"));
        if add.clicked() {
            let mut changed = actor.clone();
            changed.set_attribute(key, state.new_attribute_value.clone());
            edit(commands, Edit::SetActor(changed), None);
            state.new_attribute_key.clear();
            state.new_attribute_value.clear();
        }
    });
}

fn actor_cooperations_ui(ui: &mut Ui, doc: &Document, actor: &Actor, commands: &mut Vec<Command>) {
    let mut cooperations = doc.graph.cooperations_of(actor.id());
    cooperations
        .sort_by(|a, b| a.cooperation.date.cmp(&b.cooperation.date).then(a.cooperation.id().cmp(b.cooperation.id())));
    ui.label(RichText::new(format!("Cooperations ({})", cooperations.len())).strong());
    for c in cooperations {
        let outgoing = c.from == actor.id();
        let partner = if outgoing { c.to } else { c.from };
        let partner_label = doc.graph.actor(partner).map_or(partner.as_str(), |a| a.label.as_str());
        let arrow = match (c.cooperation.directed, outgoing) {
            (false, _) => "with",
            (true, true) => "to",
            (true, false) => "from",
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(arrow);
            if ui.link(partner_label).on_hover_text(format!("Select and centre {partner_label}")).clicked() {
                commands.push(Command::View(ViewCommand::FocusActor(partner.clone())));
            }
            let kind = c.cooperation.kind;
            ui.label(RichText::new(kind.label()).color(theme::cooperation_color(kind)));
            if let Some(date) = c.cooperation.date {
                ui.label(RichText::new(date.to_string()).weak());
            }
            let details = ui.small_button("details");
            let name = format!("Select cooperation {}", c.cooperation.id());
            details.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if details.on_hover_text(format!("Select cooperation {}", c.cooperation.id())).clicked() {
                commands.push(Command::Select(SelectCommand::Cooperation(c.cooperation.id().clone())));
            }
        });
        if !c.cooperation.label.is_empty() {
            ui.add(egui::Label::new(RichText::new(&c.cooperation.label).italics()).wrap());
        }
        for evidence in c.cooperation.evidence() {
            let source = doc.graph.source(&evidence.source).map_or(evidence.source.as_str(), |s| s.title.as_str());
            ui.indent(("quote", c.cooperation.id().as_str(), evidence.quote.len()), |ui| {
                ui.label(RichText::new(format!("“{}”", evidence.quote)).weak());
                ui.add(egui::Label::new(RichText::new(format!("— {source}")).small().weak()).wrap());
            });
        }
        ui.add_space(4.0);
    }
}

fn cooperation_ui(
    ui: &mut Ui,
    doc: &Document,
    id: &CooperationId,
    state: &mut InspectorState,
    commands: &mut Vec<Command>,
) {
    let Some(c) = doc.graph.cooperation(id) else {
        ui.label("The selected cooperation no longer exists.");
        return;
    };
    let cooperation = c.cooperation;
    ui.horizontal(|ui| {
        ui.heading("Cooperation");
        ui.add(egui::Label::new(RichText::new(id.as_str()).monospace().weak()).truncate());
    });
    let with = |change: &dyn Fn(&mut Cooperation)| {
        let mut changed = cooperation.clone();
        change(&mut changed);
        Edit::SetCooperation(changed)
    };
    let key = |field: &str| Some(format!("{field}:{id}"));
    for (role, actor) in [("From", c.from), ("To", c.to)] {
        ui.horizontal(|ui| {
            ui.label(role);
            let label = doc.graph.actor(actor).map_or(actor.as_str(), |a| a.label.as_str());
            if ui.link(label).on_hover_text(format!("Select and centre {label}")).clicked() {
                commands.push(Command::View(ViewCommand::FocusActor(actor.clone())));
            }
        });
    }
    if let Some(kind) =
        kind_choice(ui, "Kind", cooperation.kind, CooperationKind::ALL, |k| k.label(), theme::cooperation_color)
    {
        edit(commands, with(&|c| c.kind = kind), None);
    }
    let mut directed = cooperation.directed;
    let directed_box = ui.checkbox(&mut directed, "Directed (one way)");
    if directed_box.on_hover_text("From the first actor to the second; untick for a mutual cooperation").changed() {
        edit(commands, with(&|c| c.directed = directed), None);
    }
    let mut label = cooperation.label.clone();
    let response = labelled_text(ui, "Label", &mut label, false);
    if response.changed() {
        edit(commands, with(&|c| c.label.clone_from(&label)), key("label"));
    }
    seal_on_blur(&response, commands);

    let current = cooperation.date.map(|d| d.to_string()).unwrap_or_default();
    let hint = "YYYY, YYYY-MM, YYYY-MM-DD, or a range start/end";
    if let Some(date) = parsed_field::<DateSpan>(ui, state, format!("date:{id}"), "Date", current, hint, commands) {
        edit(commands, with(&|c| c.date = date), key("date"));
    }

    ui.horizontal(|ui| {
        let label = ui.label("Weight");
        let mut weight = cooperation.weight;
        let response = ui.add(egui::DragValue::new(&mut weight).range(0.0..=1000.0).speed(0.05)).labelled_by(label.id);
        if response.changed() {
            edit(commands, with(&|c| c.weight = weight), key("weight"));
        }
        if response.drag_stopped() || response.lost_focus() {
            commands.push(Command::Edit(EditCommand::Seal));
        }
    });

    cooperation_look_ui(ui, cooperation, commands);
    ui.separator();
    evidence_ui(ui, doc, cooperation, commands);
    ui.separator();
    if ui.button("Delete cooperation").clicked() {
        commands.push(Command::Edit(EditCommand::DeleteSelection));
    }
}

fn evidence_ui(ui: &mut Ui, doc: &Document, cooperation: &Cooperation, commands: &mut Vec<Command>) {
    ui.label(RichText::new(format!("Evidence ({})", cooperation.evidence().len())).strong());
    let sources: Vec<&Source> = doc.graph.sources().collect();
    let id = cooperation.id().clone();
    let set_evidence = |evidence: Vec<Evidence>| Edit::SetCooperation(cooperation.clone().with_evidence(evidence));
    for (k, evidence) in cooperation.evidence().iter().enumerate() {
        ui.push_id(("evidence", k), |ui| {
            let source_ids: Vec<&SourceId> = sources.iter().map(|s| s.id()).collect();
            let title = |s: &SourceId| doc.graph.source(s).map_or(s.to_string(), |src| src.title.clone());
            let current = source_ids.iter().position(|s| **s == evidence.source).unwrap_or(0);
            if let Some(chosen) = choice(ui, "Source", current, &(0..source_ids.len()).collect::<Vec<_>>(), |i| {
                source_ids.get(i).map_or_else(String::new, |s| title(s))
            }) {
                let mut all = cooperation.evidence().to_vec();
                all[k].source = source_ids[chosen].clone();
                commands.push(Command::Edit(EditCommand::Apply { edit: set_evidence(all), coalesce: None }));
            }
            if let Some(source) = doc.graph.source(&evidence.source) {
                let mut facts = Vec::new();
                if !source.publisher.is_empty() {
                    facts.push(source.publisher.clone());
                }
                if let Some(date) = source.date {
                    facts.push(date.to_string());
                }
                if !facts.is_empty() {
                    ui.label(RichText::new(facts.join(" · ")).small().weak());
                }
            }
            let mut quote = evidence.quote.clone();
            let response = labelled_text(ui, "Quote", &mut quote, true);
            if response.changed() {
                let mut all = cooperation.evidence().to_vec();
                all[k].quote.clone_from(&quote);
                commands.push(Command::Edit(EditCommand::Apply {
                    edit: set_evidence(all),
                    coalesce: Some(format!("quote:{id}:{k}")),
                }));
            }
            seal_on_blur(&response, commands);
            if ui.button("Remove evidence").clicked() {
                let mut all = cooperation.evidence().to_vec();
                all.remove(k);
                commands.push(Command::Edit(EditCommand::Apply { edit: set_evidence(all), coalesce: None }));
            }
        });
        ui.add_space(6.0);
    }
    match sources.first() {
        Some(first) => {
            if ui.button("Add evidence").clicked() {
                let mut all = cooperation.evidence().to_vec();
                all.push(Evidence { source: first.id().clone(), quote: String::new() });
                commands.push(Command::Edit(EditCommand::Apply { edit: set_evidence(all), coalesce: None }));
            }
        }
        None => {
            ui.label(RichText::new("Declare a source (select nothing to see the document) to add evidence.").weak());
        }
    }
}

fn multi_ui(ui: &mut Ui, doc: &Document, selection: &Selection, commands: &mut Vec<Command>) {
    ui.heading(format!("{} selected", crate::words::actors(selection.actor_count())));
    ui.horizontal_wrapped(|ui| {
        if selection.actor_count() == 2 && ui.button("Connect these two").clicked() {
            commands.push(Command::Edit(EditCommand::ConnectSelected));
        }
        if ui.button("Pin").clicked() {
            commands.push(Command::Edit(EditCommand::PinSelection(true)));
        }
        if ui.button("Release pins").clicked() {
            commands.push(Command::Edit(EditCommand::PinSelection(false)));
        }
        if ui.button("Delete selected").clicked() {
            commands.push(Command::Edit(EditCommand::DeleteSelection));
        }
    });
    ui.separator();
    // By name, each with its kind; the list shows the first 200.
    let mut actors: Vec<_> = selection.actors().filter_map(|id| doc.graph.actor(id)).collect();
    actors.sort_by_cached_key(|a| a.label.to_lowercase());
    for actor in actors.iter().take(200) {
        ui.horizontal(|ui| {
            if ui.link(&actor.label).on_hover_text(format!("Select and centre {}", actor.label)).clicked() {
                commands.push(Command::View(ViewCommand::FocusActor(actor.id().clone())));
            }
            ui.label(RichText::new(actor.kind.label()).small().weak());
        });
    }
    if actors.len() > 200 {
        ui.label(RichText::new(format!("and {} more", actors.len() - 200)).weak());
    }
}

fn document_ui(ui: &mut Ui, doc: &Document, state: &mut InspectorState, commands: &mut Vec<Command>) {
    ui.heading("Document");
    let metadata = &doc.graph.metadata;
    let mut title = metadata.title.clone();
    let response = labelled_text(ui, "Title", &mut title, false);
    if response.changed() {
        let edit = Edit::SetMetadata(Metadata { title: title.clone(), ..metadata.clone() });
        commands.push(Command::Edit(EditCommand::Apply { edit, coalesce: Some("title".to_owned()) }));
    }
    seal_on_blur(&response, commands);
    let mut description = metadata.description.clone();
    let response = labelled_text(ui, "Description", &mut description, true);
    if response.changed() {
        let edit = Edit::SetMetadata(Metadata { description: description.clone(), ..metadata.clone() });
        commands.push(Command::Edit(EditCommand::Apply { edit, coalesce: Some("description".to_owned()) }));
    }
    seal_on_blur(&response, commands);
    let plural = |n: usize, word: &str| crate::words::counted(n, word, &format!("{word}s"));
    ui.label(format!(
        "{}, {}, {}",
        plural(doc.graph.actor_count(), "actor"),
        plural(doc.graph.cooperation_count(), "cooperation"),
        plural(doc.graph.sources().count(), "source")
    ));
    ui.separator();
    ui.label(RichText::new("Sources").strong());
    for source in doc.graph.sources() {
        ui.push_id(source.id().as_str(), |ui| {
            source_ui(ui, source, state, commands);
            claims_ui(ui, doc, source, commands);
        });
        ui.add_space(6.0);
    }
    ui.horizontal(|ui| {
        let label = ui.label("New source");
        // The field takes what the label and button leave, so the row never widens the panel.
        let width = (ui.available_width() - 110.0).max(60.0);
        ui.add(egui::TextEdit::singleline(&mut state.new_source_title).hint_text("title").desired_width(width))
            .labelled_by(label.id);
        let title = state.new_source_title.trim().to_owned();
        if ui.add_enabled(!title.is_empty(), egui::Button::new("Add source")).clicked() {
            let id = fresh_source_id(doc, &title);
            commands.push(Command::Edit(EditCommand::Apply {
                edit: Edit::AddSource(Source::new(id, title)),
                coalesce: None,
            }));
            state.new_source_title.clear();
        }
    });
    ui.separator();
    ui.label(RichText::new("Select an actor or a cooperation on the canvas or in the list to edit it.").weak());
}

fn fresh_source_id(doc: &Document, title: &str) -> SourceId {
    let base: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(4)
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() { "source".to_owned() } else { base };
    let mut candidate = base.clone();
    let mut n = 2;
    while doc.graph.source(&SourceId::new(candidate.as_str())).is_some() {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    SourceId::new(candidate)
}

fn source_ui(ui: &mut Ui, source: &Source, state: &mut InspectorState, commands: &mut Vec<Command>) {
    let key = |field: &str| Some(format!("source-{field}:{}", source.id()));
    let with = |change: &dyn Fn(&mut Source)| {
        let mut changed = source.clone();
        change(&mut changed);
        Edit::SetSource(changed)
    };
    ui.label(RichText::new(source.id().as_str()).monospace().weak());
    let mut title = source.title.clone();
    let response = labelled_text(ui, "Source title", &mut title, false);
    if response.changed() {
        commands.push(Command::Edit(EditCommand::Apply {
            edit: with(&|s| s.title.clone_from(&title)),
            coalesce: key("title"),
        }));
    }
    seal_on_blur(&response, commands);
    let mut publisher = source.publisher.clone();
    let response = labelled_text(ui, "Publisher", &mut publisher, false);
    if response.changed() {
        commands.push(Command::Edit(EditCommand::Apply {
            edit: with(&|s| s.publisher.clone_from(&publisher)),
            coalesce: key("publisher"),
        }));
    }
    seal_on_blur(&response, commands);
    let mut url = source.url.clone();
    let response = labelled_text(ui, "URL", &mut url, false);
    if response.changed() {
        commands
            .push(Command::Edit(EditCommand::Apply { edit: with(&|s| s.url.clone_from(&url)), coalesce: key("url") }));
    }
    seal_on_blur(&response, commands);
    let current = source.date.map(|d| d.to_string()).unwrap_or_default();
    let date_key = format!("source-date:{}", source.id());
    if let Some(date) =
        parsed_field::<PartialDate>(ui, state, date_key, "Published", current, "YYYY, YYYY-MM or YYYY-MM-DD", commands)
    {
        commands.push(Command::Edit(EditCommand::Apply { edit: with(&|s| s.date = date), coalesce: key("date") }));
    }
}

/// Every cooperation a source supports, with the quotes it gives.
fn claims_ui(ui: &mut Ui, doc: &Document, source: &Source, commands: &mut Vec<Command>) {
    // Listed only while open: gathering them walks every cooperation.
    egui::CollapsingHeader::new("Claims this source supports").id_salt("claims").show(ui, |ui| {
        let claims: Vec<_> = doc
            .graph
            .cooperations_sorted()
            .into_iter()
            .filter(|c| c.cooperation.evidence().iter().any(|e| &e.source == source.id()))
            .collect();
        ui.label(
            RichText::new(format!("{} cooperation{}", claims.len(), if claims.len() == 1 { "" } else { "s" })).weak(),
        );
        for c in claims {
            let name = |id: &ActorId| doc.graph.actor(id).map_or(id.to_string(), |a| a.label.clone());
            ui.horizontal_wrapped(|ui| {
                let text = format!("{} {} {}", name(c.from), c.cooperation.kind.label(), name(c.to));
                if ui.link(text).clicked() {
                    commands.push(Command::Select(SelectCommand::Cooperation(c.cooperation.id().clone())));
                }
            });
            for evidence in c.cooperation.evidence().iter().filter(|e| &e.source == source.id()) {
                ui.label(RichText::new(format!("“{}”", evidence.quote)).small().weak());
            }
        }
    });
}

/// A label for a new actor: "New actor", "New actor 2" …
pub fn new_actor_label(doc: &Document) -> (ActorId, String) {
    let id = doc.graph.fresh_actor_id("new-actor");
    let suffix = id.as_str().strip_prefix("new-actor").unwrap_or("").trim_start_matches('-');
    let label = if suffix.is_empty() { "New actor".to_owned() } else { format!("New actor {suffix}") };
    (id, label)
}
