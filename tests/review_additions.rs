//! The article review completes what the extractor missed, driven in the real app: a name
//! selected in the article text becomes an actor, and a cooperation between two actors quotes
//! the selected sentence; the lists grow with what is added.

mod common;

use common::{harness, type_into};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use kgx::state::command::{ArticleCommand, Command};
use kgx::state::review::ArticleState;

/// Written for this test: the extractor cannot know that "the lodwar women's group" (lower case,
/// no organisation word) is an actor.
const ARTICLE: &str = "Fridges for Turkana clinics\n\n\
UNICEF donated 40 solar fridges to the Kenya Medical Research Institute on Friday. \
The fridges were installed by the lodwar women's group at three clinics. \
The institute thanked UNICEF for the gift.";

/// Runs frames until the review is open (the extraction runs on a worker thread), for at most 5 s.
fn wait_for_review(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>) {
    for _ in 0..500 {
        harness.step();
        if matches!(harness.state().windows.article, ArticleState::Review(_)) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no review after 5 s");
}

fn review<'h>(harness: &'h egui_kittest::Harness<'_, kgx::app::KgxApp>) -> &'h kgx::state::review::ArticleReview {
    match &harness.state().windows.article {
        ArticleState::Review(review) => review,
        _ => panic!("the review is open"),
    }
}

#[test]
fn a_selected_name_becomes_an_actor_and_a_cooperation_quotes_its_sentence() {
    let mut harness = harness();
    harness.state_mut().push(Command::Article(ArticleCommand::Show));
    harness.run();
    type_into(&mut harness, "Article text", ARTICLE);
    harness.get_by_label("Propose").click();
    wait_for_review(&mut harness);
    let (actors, cooperations) = (review(&harness).actors.len(), review(&harness).cooperations.len());
    assert!(review(&harness).extraction.actors.iter().all(|a| !a.label.contains("women")), "a name it missed");

    // Select the name with the keyboard, as a person can: start of text, right to it, then
    // shift+right over it.
    let name = "lodwar women's group";
    let text = review(&harness).text.clone();
    let at = text.find(name).expect("in the article");
    let chars_before = text.get(..at).map_or(0, |t| t.chars().count());
    harness.get_by_label("Article text").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::COMMAND, Key::Home);
    for _ in 0..chars_before {
        harness.key_press(Key::ArrowRight);
    }
    for _ in 0..name.chars().count() {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    harness.run();
    assert_eq!(review(&harness).selected_name(), Some(name));

    harness.get_by_label("Add as actor").click();
    harness.run();
    assert_eq!(review(&harness).actors.len(), actors + 1, "the actor list grows");
    // Its row is there to accept, rename or merge like any proposal.
    harness.get_by_label(&format!("Accept {name}"));

    // A cooperation between the new actor and a proposed one, quoting the selected sentence.
    let institute = review(&harness)
        .extraction
        .actors
        .iter()
        .find(|a| a.label.contains("Kenya Medical Research Institute"))
        .map(|a| a.label.clone())
        .expect("the institute proposed");
    harness.get_by_label("From").click();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
    harness.get_by_label("To").click();
    harness.run();
    harness.get_by_label(&institute).click();
    harness.run();
    harness.get_by_label("Add cooperation").click();
    harness.run();
    let added = review(&harness).extraction.cooperations.last().cloned().expect("added");
    assert_eq!(review(&harness).cooperations.len(), cooperations + 1, "the cooperation list grows");
    assert_eq!(added.quote, "The fridges were installed by the lodwar women's group at three clinics.");
    assert_eq!(text.get(added.sentence.clone()), Some(added.quote.as_str()), "verbatim from the article");

    // Into the graph with the rest, as one step.
    harness.get_by_label("Add to graph").click();
    harness.run();
    let graph = &harness.state().doc.graph;
    let group = graph.actors().find(|a| a.label == name).map(|a| a.id().clone()).expect("the new actor");
    let quoted =
        graph.cooperations_of(&group).iter().any(|c| c.cooperation.evidence().iter().any(|e| e.quote == added.quote));
    assert!(quoted, "the cooperation carries the quote");
}

#[test]
fn nothing_selected_adds_nothing_and_says_why() {
    let mut harness = harness();
    harness.state_mut().push(Command::Article(ArticleCommand::Show));
    harness.run();
    type_into(&mut harness, "Article text", ARTICLE);
    harness.get_by_label("Propose").click();
    wait_for_review(&mut harness);
    let actors = review(&harness).actors.len();
    // The button waits for a selection; the cooperation waits for two actors.
    assert!(harness.get_by_label("Add as actor").accesskit_node().is_disabled());
    assert!(harness.get_by_label("Add cooperation").accesskit_node().is_disabled());
    assert_eq!(review(&harness).actors.len(), actors);
}
