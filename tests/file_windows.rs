//! The File menu's windows in the real app: Import article… (propose, review, add as one
//! undoable step), Export picture…, Import into this graph… (look-alike review) and the CSV
//! column dialog.

mod common;

use std::path::Path;

use common::{harness, type_into};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use kgx::state::review::ArticleState;

fn article() -> String {
    format!("{}/tests/articles/wire-ventilators-kenya.txt", env!("CARGO_MANIFEST_DIR"))
}

/// Runs frames until `done` holds (work on worker threads), for at least 20 s.
fn wait_until(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, done: impl Fn(&kgx::app::KgxApp) -> bool) {
    for _ in 0..2000 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("not done after 20 s");
}

/// Runs frames until the extraction has finished (it runs on a worker thread).
fn wait_for_review(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>) {
    wait_until(harness, |app| matches!(app.windows.article, ArticleState::Review(_)));
}

#[test]
fn an_article_is_proposed_reviewed_and_added_as_one_undoable_step() {
    let mut harness = harness();
    let (actors, cooperations) =
        (harness.state().doc.graph.actor_count(), harness.state().doc.graph.cooperation_count());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import article…").click();
    harness.run();
    type_into(&mut harness, "Article file", &article());
    harness.get_by_label("Propose").click();
    wait_for_review(&mut harness);

    // China is in the bundled graph already: proposed as the same actor, not a new one.
    let ArticleState::Review(review) = &harness.state().windows.article else { panic!("review") };
    let china = review.extraction.actors.iter().position(|a| a.label == "China").expect("China proposed");
    assert_eq!(review.actors.get(china).and_then(|r| r.merge_into.as_ref()).map(|id| id.as_str()), Some("china"));
    let proposed = review.extraction.actors.len();

    // The person rejects one actor by its checkbox; its cooperations go with it.
    harness.get_by_label("Accept Beijing Genomics Institute").click();
    harness.run();
    harness.get_by_label("Add to graph").click();
    harness.run();

    let graph = &harness.state().doc.graph;
    assert!(matches!(harness.state().windows.article, ArticleState::Closed));
    assert_eq!(graph.actor_count(), actors + proposed - 2, "all but China (merged) and the rejected one");
    assert!(graph.actors().all(|a| a.label != "Beijing Genomics Institute"));
    assert!(graph.cooperation_count() > cooperations + 8);
    assert_eq!(graph.sources().count(), 2, "the article is a new source");
    assert!(graph.cooperations_of(&kgx::model::ActorId::new("china")).iter().any(|c| c.to.as_str() == "kenya"));

    // One step back takes it all away.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let graph = &harness.state().doc.graph;
    assert_eq!((graph.actor_count(), graph.cooperation_count(), graph.sources().count()), (actors, cooperations, 1));
}

#[test]
fn pasted_text_that_cannot_be_read_is_explained_in_the_form() {
    let mut harness = harness();
    harness.state_mut().push(kgx::state::command::Command::Article(kgx::state::command::ArticleCommand::Show));
    harness.run();
    // Russian (Cyrillic): the test fonts draw it; Chinese behaves the same (tests/extract.rs).
    type_into(
        &mut harness,
        "Article text",
        "Китай передал Сербии тестовые наборы. Всемирная организация здравоохранения поблагодарила Китай.",
    );
    harness.get_by_label("Propose").click();
    wait_until(
        &mut harness,
        |app| matches!(&app.windows.article, ArticleState::Form { job: None, form } if form.error.is_some()),
    );
    let ArticleState::Form { form, .. } = &harness.state().windows.article else { panic!("form stays open") };
    assert!(form.error.as_deref().is_some_and(|e| e.contains("Cyrillic")), "{:?}", form.error);
    assert_eq!(harness.state().doc.graph.actor_count(), 26, "the graph is untouched");
}

#[test]
fn file_export_picture_writes_the_graph_as_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export picture…").click();
    harness.run();
    let png = dir.path().join("graph.png");
    common::retype_into(&mut harness, "Picture file", &png.to_string_lossy());
    harness.get_by_label("Export").click();
    // Closed once the picture was written.
    wait_until(&mut harness, |app| matches!(app.windows.picture, kgx::state::picture::PictureState::Closed));
    let bytes = std::fs::read(&png).expect("the PNG");
    assert_eq!(bytes.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]));
    assert!(harness.state().status.contains("Exported the picture"), "{}", harness.state().status);

    // Current view, as SVG, with a kind hidden: the hidden actors are not in the picture.
    harness.get_by_label("Person (4)").click();
    harness.run();
    harness.state_mut().push(kgx::state::command::Command::Picture(kgx::state::command::PictureCommand::Show));
    harness.run();
    harness.get_by_label("Current view").click();
    let svg = dir.path().join("view.svg");
    common::retype_into(&mut harness, "Picture file", &svg.to_string_lossy());
    harness.get_by_label("Export").click();
    wait_until(&mut harness, |app| matches!(app.windows.picture, kgx::state::picture::PictureState::Closed));
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    assert!(text.contains("clip-path=\"url(#view)\""), "drawn as the current view");
    assert!(text.contains(">China<"));
    assert!(!text.contains("Xu Nanping"), "people were hidden");
}

#[test]
fn importing_into_the_graph_proposes_look_alikes_and_merges_only_the_ticked_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("partners.csv");
    std::fs::write(
        &csv,
        "source,target,label\nCHINA,Médecins Sans Frontières,supplies\nworld health organization,Serbia.,advice\n",
    )
    .expect("write");
    let mut harness = harness();
    let actors = harness.state().doc.graph.actor_count();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import into this graph…").click();
    harness.run();
    type_into(&mut harness, "File path", &csv.to_string_lossy());
    harness.get_by_label("Import").click();
    harness.run();
    // A CSV shows its columns first: source, target and label are recognised.
    wait_until(&mut harness, |app| app.windows.csv.is_some());
    harness.get_by_label("Continue").click();
    wait_until(&mut harness, |app| matches!(app.windows.merge, kgx::state::merge::MergeState::Review(_)));
    // Three look-alikes are proposed; the person keeps "Serbia." apart.
    harness.get_by_label("Merge “Serbia.” into “Serbia”").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    let graph = &harness.state().doc.graph;
    assert_eq!(graph.actor_count(), actors + 2, "Médecins Sans Frontières and the separate Serbia. are new");
    let china = graph.actor(&kgx::model::ActorId::new("china")).expect("China");
    assert!(china.aliases.is_empty(), "CHINA differs only in case: no new alias");
    assert!(graph.actors().any(|a| a.label == "Serbia."));
    assert!(
        graph.cooperations_of(&kgx::model::ActorId::new("who")).len() >= 2,
        "the incoming WHO's cooperation joined the graph's WHO"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor_count(), actors, "one step takes it back");
}

#[test]
fn a_csv_opens_a_column_dialog_whose_choice_is_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("spreadsheet.csv");
    std::fs::write(&csv, "Organisation;Partner;Since\nWHO;UNICEF;2019\nWHO;Gavi;2020\nUNICEF;Gavi;2021\n")
        .expect("write");
    let mut harness = harness();
    harness
        .state_mut()
        .push(kgx::state::command::Command::File(kgx::state::command::FileCommand::Open(Some(csv.clone()))));
    harness.run();
    // Read on a worker thread, then the column dialog.
    wait_until(&mut harness, |app| app.windows.csv.is_some());
    // Unknown column names: nothing can be imported until the person says what they are.
    harness.get_by_label("Import").click();
    harness.run();
    let error = harness.state().windows.csv.as_ref().and_then(|f| f.error.clone());
    assert!(error.is_some_and(|e| e.contains("source and target")), "asks for a mapping");
    for (column, field) in [("Organisation", "source (from)"), ("Partner", "target (to)"), ("Since", "date")] {
        harness.get_by_label(&format!("Column {column} is")).click();
        harness.run();
        harness.get_by_label(field).click();
        harness.run();
    }
    harness.get_by_label("Import").click();
    harness.run();
    wait_until(&mut harness, |app| app.windows.csv_job.is_none() && app.doc.graph.actor_count() == 3);
    let graph = &harness.state().doc.graph;
    assert_eq!((graph.actor_count(), graph.cooperation_count()), (3, 3));
    assert!(graph.cooperations().any(|c| c.cooperation.date.is_some_and(|d| d.to_string() == "2020")));

    // The next file with the same columns comes with the same mapping.
    let again = dir.path().join("more.csv");
    std::fs::write(&again, "organisation;partner;since\nUNDP;WHO;2022\n").expect("write");
    harness.state_mut().push(kgx::state::command::Command::File(kgx::state::command::FileCommand::Open(Some(again))));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    wait_until(&mut harness, |app| app.windows.csv.is_some());
    let fields = harness.state().windows.csv.as_ref().map(|f| f.fields.clone()).expect("dialog");
    use kgx::io::import::CsvField;
    assert_eq!(fields, [CsvField::Source, CsvField::Target, CsvField::Date]);
}

/// Runs frames until the knowledge-base window has no call running.
fn wait_for_kb(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>) {
    wait_until(harness, |app| app.windows.kb.as_ref().is_none_or(|f| f.job.is_none()));
}

#[test]
fn the_window_publishes_to_opens_from_and_republishes_to_a_knowledge_base() {
    let Some(endpoint) = common::test_sparql() else { return };
    let graph = format!("https://kgx.dev/test/window/{}", std::process::id());
    let mut harness = harness();
    let publish = |harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>| {
        harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
        harness.run();
        harness.get_by_label("Publish this graph").click();
        wait_for_kb(harness);
    };
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
    harness.run();
    type_into(&mut harness, "Endpoint", &endpoint);
    type_into(&mut harness, "Named graph", &graph);
    harness.get_by_label("Publish this graph").click();
    wait_for_kb(&mut harness);
    assert!(
        harness.state().status.contains("revision 1"),
        "{} {:?}",
        harness.state().status,
        harness.state().windows.kb.as_ref().and_then(|f| f.error.clone())
    );

    // Open it back as a new document that remembers where it came from.
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
    harness.run();
    harness.get_by_label("Open").click();
    wait_for_kb(&mut harness);
    assert_eq!(harness.state().doc.graph.actor_count(), 26);
    assert_eq!(harness.state().doc.origin.as_ref().and_then(|o| o.revision), Some(1));

    // Edit and publish: revision 2.
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::AddActor));
    harness.run();
    publish(&mut harness);
    assert!(harness.state().status.contains("revision 2"), "{}", harness.state().status);

    // Somebody else publishes meanwhile: this window's next publish is refused.
    let other = kgx::kb::Endpoint::new(&endpoint).expect("URL");
    other
        .push(&kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).expect("bundled"), &graph, Some(2))
        .expect("their push");
    publish(&mut harness);
    let error = harness.state().windows.kb.as_ref().and_then(|f| f.error.clone()).unwrap_or_default();
    assert!(error.contains("changed on the endpoint"), "{error}");
    assert_eq!(other.pull(&graph).expect("pulls").0.actor_count(), 26, "their graph stays");
}

#[test]
fn an_actor_expands_from_the_knowledge_base_its_graph_came_from() {
    let Some(endpoint) = common::test_sparql() else { return };
    let graph = format!("https://kgx.dev/test/expand-window/{}", std::process::id());
    let remote = kgx::kb::Endpoint::new(&endpoint).expect("URL");
    let bundled = kgx::io::load_file(Path::new("graphs/covid19-cooperation.ron")).expect("bundled");
    remote.push(&bundled, &graph, remote.revision(&graph).expect("asks")).expect("pushes");
    let mut harness = harness();
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
    harness.run();
    type_into(&mut harness, "Endpoint", &endpoint);
    type_into(&mut harness, "Named graph", &graph);
    harness.get_by_label("Open").click();
    wait_for_kb(&mut harness);
    // The person deletes the WHO (and its cooperation with China), then expands China.
    harness.state_mut().push(kgx::state::command::Command::Select(kgx::state::command::SelectCommand::Actors(vec![
        kgx::model::ActorId::new("who"),
    ])));
    harness.state_mut().push(kgx::state::command::Command::Edit(kgx::state::command::EditCommand::DeleteSelection));
    harness.run();
    assert!(harness.state().doc.graph.actor(&kgx::model::ActorId::new("who")).is_none());
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Expand(
        kgx::model::ActorId::new("china"),
    )));
    harness.run();
    wait_until(&mut harness, |app| app.windows.expanding.is_none());
    let doc = &harness.state().doc;
    assert!(doc.graph.actor(&kgx::model::ActorId::new("who")).is_some(), "{}", harness.state().status);
    // Exactly what was deleted comes back (positions aside: the layout has moved the actors).
    let ids = |g: &kgx::model::KnowledgeGraph| {
        let actors: Vec<String> = g.actors_sorted().iter().map(|a| a.id().to_string()).collect();
        let cooperations: Vec<String> =
            g.cooperations_sorted().iter().map(|c| c.cooperation.id().to_string()).collect();
        (actors, cooperations)
    };
    assert_eq!(ids(&doc.graph), ids(&bundled));
    let who = kgx::model::ActorId::new("who");
    let (mut back, original) =
        (doc.graph.actor(&who).cloned().expect("WHO"), bundled.actor(&who).cloned().expect("WHO"));
    back.position = original.position;
    assert!(back == original, "the WHO comes back whole");
    let thanks = kgx::model::CooperationId::new("who-thanks-china");
    assert!(
        doc.graph.cooperation(&thanks).map(|c| c.cooperation) == bundled.cooperation(&thanks).map(|c| c.cooperation)
    );
    assert!(harness.state().status.contains("1 actor and 1 cooperation added"), "{}", harness.state().status);
}

#[test]
fn an_actor_is_linked_to_a_knowledge_base_entity_from_the_inspector() {
    let Some(endpoint) = common::test_sparql() else { return };
    // The Wikidata-shaped fixture in a named graph of its own.
    let kb = kgx::kb::Endpoint::new(&endpoint).expect("URL");
    let fixture = format!("https://kgx.dev/test/link-window/{}", std::process::id());
    common::load_wikidata_fixture(&kb, &fixture);

    let mut harness = harness();
    let id = kgx::model::ActorId::new("zhongnan-hospital");
    harness
        .state_mut()
        .push(kgx::state::command::Command::Select(kgx::state::command::SelectCommand::Actors(vec![id.clone()])));
    harness.run();
    harness.get_by_label("Link to a knowledge base…").click();
    harness.run();
    type_into(&mut harness, "Knowledge base", &endpoint);
    type_into(&mut harness, "In named graph (optional)", &fixture);
    harness.get_by_label("Search").click();
    wait_until(&mut harness, |app| app.windows.link.as_ref().is_some_and(|l| l.searched));
    harness.get_by_label("Link to Zhongnan Hospital of Wuhan University").click();
    harness.run();
    let actor = harness.state().doc.graph.actor(&id).expect("actor");
    assert_eq!(actor.attribute("sameAs"), Some("https://kgx.dev/fixture/wikidata/zhongnan-hospital"));
    assert_eq!(actor.attribute("parent organization"), Some("Wuhan University"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.graph.actor(&id).and_then(|a| a.attribute("sameAs")), None, "one step back");
}

/// A tiny HTTP server on loopback that answers every request with a 404 HTML page.
fn not_found_server() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(8) {
            let mut stream = stream;
            // Read the whole request (headers, then the body its Content-Length gives): closing a
            // socket with unread bytes resets the connection, and the client would see the reset
            // instead of the answer.
            let mut request = Vec::new();
            let mut buffer = [0u8; 4096];
            let mut header_end = None;
            while header_end.is_none() {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => request.extend_from_slice(buffer.get(..read).unwrap_or_default()),
                }
                header_end = request.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4);
            }
            let Some(header_end) = header_end else { continue };
            let headers = String::from_utf8_lossy(request.get(..header_end).unwrap_or_default()).to_ascii_lowercase();
            let body_length = headers
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|value| value.trim().parse::<usize>().ok())
                .unwrap_or(0);
            while request.len() < header_end + body_length {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => request.extend_from_slice(buffer.get(..read).unwrap_or_default()),
                }
            }
            let page = "<!DOCTYPE html><html><head><title>404 Not Found</title><style>body{color:red}</style></head><body><h1>Not Found</h1><p>The requested URL /nowhere was not found on this server.</p></body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            let _ = stream.flush();
            let _ = stream.shutdown(std::net::Shutdown::Write);
        }
    });
    format!("http://{address}/nowhere")
}

/// Opens the named graph `https://example.org/g` from `endpoint` in File → Knowledge base…, and
/// waits for the answer.
fn open_from_knowledge_base(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, endpoint: &str) {
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
    harness.run();
    type_into(harness, "Endpoint", endpoint);
    type_into(harness, "Named graph", "https://example.org/g");
    harness.get_by_label("Open").click();
    wait_for_kb(harness);
}

#[test]
fn a_knowledge_base_error_is_one_sentence_with_details_folded_and_the_fields_stay() {
    let endpoint = not_found_server();
    let mut harness = harness();
    open_from_knowledge_base(&mut harness, &endpoint);
    harness.get_by_label_contains("answered HTTP 404 (not found)");
    assert!(harness.query_by_label_contains("<html").is_none(), "no raw HTML in the window");
    assert!(harness.query_by_label_contains("<h1>").is_none());
    harness.get_by_label("Details").click();
    harness.run();
    harness.get_by_label_contains("The requested URL /nowhere was not found on this server.");
    let form = harness.state().windows.kb.as_ref().expect("the window stays open");
    assert_eq!((form.endpoint.as_str(), form.graph.as_str()), (endpoint.as_str(), "https://example.org/g"));
    // Closed and opened again, it still holds what was typed.
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Close));
    harness.run();
    harness.state_mut().push(kgx::state::command::Command::Kb(kgx::state::command::KbCommand::Show));
    harness.run();
    let form = harness.state().windows.kb.as_ref().expect("open again");
    assert_eq!(form.endpoint, endpoint);
    assert_eq!(form.graph, "https://example.org/g");
}

#[test]
fn a_knowledge_base_nobody_serves_is_said_in_plain_words_with_the_socket_error_folded() {
    // A port that was free a moment ago: nothing listens there now.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("its address").port();
    let endpoint = format!("http://127.0.0.1:{port}/sparql");
    let mut harness = harness();
    open_from_knowledge_base(&mut harness, &endpoint);
    harness.get_by_label_contains("nothing is listening at that address");
    assert!(harness.query_by_label_contains("os error").is_none(), "the socket's words only under Details");
    harness.get_by_label("Details").click();
    harness.run();
    harness.get_by_label_contains("os error");
}
