//! Tests of the extractor on small texts, one pattern of news writing each.

use super::*;

fn run(text: &str) -> Extraction {
    extract(text, &Gazetteer::builtin(), &SourceMeta::default()).expect("English text")
}

fn run_dated(text: &str, date: &str) -> Extraction {
    let source = SourceMeta { date: date.parse().ok(), ..SourceMeta::default() };
    extract(text, &Gazetteer::builtin(), &source).expect("English text")
}

fn actor<'a>(e: &'a Extraction, label: &str) -> &'a ProposedActor {
    e.actors
        .iter()
        .find(|a| a.label == label)
        .unwrap_or_else(|| panic!("no actor {label:?} in {:?}", e.actors.iter().map(|a| &a.label).collect::<Vec<_>>()))
}

fn link(e: &Extraction, from: &str, to: &str) -> Option<ProposedCooperation> {
    let id = |label: &str| e.actors.iter().find(|a| a.label == label).map(|a| a.id.clone());
    let (from, to) = (id(from)?, id(to)?);
    e.cooperations.iter().find(|c| c.from == from && c.to == to).cloned()
}

fn links(e: &Extraction) -> Vec<String> {
    let label = |id: &str| e.actors.iter().find(|a| a.id == id).map_or(id.to_owned(), |a| a.label.clone());
    e.cooperations.iter().map(|c| format!("{} -> {} ({})", label(&c.from), label(&c.to), c.kind)).collect()
}

#[test]
fn an_acronym_defined_in_brackets_names_the_actor_later() {
    let e = run("The Kenya Medical Research Institute (KEMRI) tested the kits. KEMRI thanked Japan.");
    assert_eq!(actor(&e, "Kenya Medical Research Institute").aliases, ["KEMRI"]);
    assert_eq!(
        link(&e, "Kenya Medical Research Institute", "Japan").map(|c| c.kind),
        Some(CooperationKind::Endorsement)
    );
    assert_eq!(e.actors.len(), 2, "{:?}", e.actors);
}

#[test]
fn a_short_form_is_the_same_company() {
    let e = run("Kits made by BGI Genomics were sold to Serbia. Later BGI shipped more kits to Italy.");
    assert_eq!(actor(&e, "BGI Genomics").aliases, ["BGI"]);
    assert!(link(&e, "BGI Genomics", "Italy").is_some(), "{:?}", links(&e));
}

#[test]
fn passive_voice_gives_the_direction() {
    let e = run("Test kits were donated by the Mammoth Foundation to Serbia.");
    let c = link(&e, "Mammoth Foundation", "Serbia").expect("donation from the foundation");
    assert_eq!((c.kind, c.directed), (CooperationKind::Donation, true));
    assert!(link(&e, "Serbia", "Mammoth Foundation").is_none());
}

#[test]
fn receiving_from_someone_points_from_the_giver() {
    let e = run("Nepal received 10 ventilators from India.");
    assert!(link(&e, "India", "Nepal").is_some(), "{:?}", links(&e));
}

#[test]
fn mutual_cooperation_is_undirected() {
    let e = run("The University of Ghana signed a memorandum of understanding with the Pasteur Institute.");
    let ghana = actor(&e, "University of Ghana").id.clone();
    let c = e.cooperations.iter().find(|c| c.from == ghana || c.to == ghana).expect("a cooperation");
    assert!(!c.directed);
    assert_eq!(actor(&e, "Institut Pasteur").aliases, ["Pasteur Institute"]);
}

#[test]
fn a_title_before_a_name_makes_a_person_of_that_body() {
    let e = run("\"We will help,\" said vice minister of science and technology Xu Nanping.");
    let xu = actor(&e, "Xu Nanping");
    assert_eq!(xu.kind, ActorKind::Person);
    assert_eq!(actor(&e, "Ministry of Science and Technology").kind, ActorKind::Ministry);
    assert_eq!(
        link(&e, "Xu Nanping", "Ministry of Science and Technology").map(|c| c.kind),
        Some(CooperationKind::Affiliation)
    );
}

#[test]
fn office_holders_named_by_office_belong_to_their_government() {
    let e = run("The president and prime minister of Serbia thanked China.");
    for office in ["President of Serbia", "Prime Minister of Serbia"] {
        assert_eq!(actor(&e, office).kind, ActorKind::Person);
        assert!(link(&e, office, "Government of Serbia").is_some(), "{office}: {:?}", links(&e));
        assert!(link(&e, office, "China").is_some(), "{office} thanked China: {:?}", links(&e));
    }
    assert!(link(&e, "Government of Serbia", "Serbia").is_some());
}

#[test]
fn nationality_groups_and_governments() {
    let e = run(
        "A doctor from Zhongnan Hospital talked with Kenyan counterparts. The Serbian government thanked Chinese researchers.",
    );
    assert_eq!(actor(&e, "Kenyan counterparts").country.as_deref(), Some("Kenya"));
    assert_eq!(actor(&e, "Government of Serbia").aliases, ["Serbian government"]);
    assert!(link(&e, "Government of Serbia", "Chinese researchers").is_some(), "{:?}", links(&e));
    assert!(link(&e, "Zhongnan Hospital", "Kenyan counterparts").is_some(), "{:?}", links(&e));
}

#[test]
fn we_in_a_quotation_is_the_speakers_side() {
    let e = run(
        "Dr. Amina Diallo, head of the Institut Pasteur de Dakar, spoke.\n\"We sent the data to the World Health Organization,\" Diallo said.",
    );
    assert!(link(&e, "Institut Pasteur de Dakar", "World Health Organization").is_some(), "{:?}", links(&e));
    assert!(link(&e, "Amina Diallo", "Institut Pasteur de Dakar").is_some());
}

#[test]
fn a_place_is_not_an_actor() {
    let e = run("An expert in Wuhan, central China's Hubei Province, called colleagues in Nairobi.");
    assert!(
        e.actors.iter().all(|a| !a.label.contains("Hubei") && a.label != "Nairobi" && a.label != "Wuhan"),
        "{:?}",
        e.actors
    );
}

#[test]
fn dates_resolve_against_the_source_and_the_text() {
    let e = run("China, March 22, 2020. Serbia announced on March 15 that China had donated kits to Serbia.");
    let c = link(&e, "China", "Serbia").expect("donation");
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2020-03-15"));
    // 2021-06-09 was a Wednesday: "on Sunday" is the 6th.
    let e = run_dated("India on Sunday delivered vaccines to Nepal.", "2021-06-09");
    let c = link(&e, "India", "Nepal").expect("delivery");
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2021-06-06"));
}

#[test]
fn figures_become_attributes_of_the_actor_that_acts() {
    let e =
        run("The National Genomics Data Center released a database used by over 76,000 visitors from 152 countries.");
    let ngdc = actor(&e, "National Genomics Data Center");
    assert!(ngdc.attributes.contains(&("visitors".to_owned(), "over 76,000".to_owned())), "{:?}", ngdc.attributes);
}

#[test]
fn evidence_is_the_sentence_verbatim() {
    let text = "Intro line here.\nJapan donated 40 ambulances to Serbia, the embassy said. Other news followed.";
    let e = run(text);
    let c = link(&e, "Japan", "Serbia").expect("donation");
    assert_eq!(c.quote, "Japan donated 40 ambulances to Serbia, the embassy said.");
    assert_eq!(text.get(c.sentence.clone()), Some(c.quote.as_str()));
}

#[test]
fn text_that_cannot_be_read_says_why() {
    let gazetteer = Gazetteer::builtin();
    let meta = SourceMeta::default();
    assert_eq!(extract("  \n\t ", &gazetteer, &meta), Err(ExtractError::Empty));
    assert!(matches!(extract("a\u{0}\u{1}\u{2}\u{3}b", &gazetteer, &meta), Err(ExtractError::Binary(_))));
    let chinese = "新华社北京3月22日电 中国向塞尔维亚捐赠检测试剂盒。世界卫生组织感谢中国。";
    assert_eq!(extract(chinese, &gazetteer, &meta), Err(ExtractError::Unsupported("Chinese script".into())));
    let french = "La Chine a fait don de kits de test à la Serbie, a annoncé le président serbe. Le ministère de la santé a remercié les autorités chinoises pour leur aide dans la lutte contre le virus.";
    assert!(matches!(extract(french, &gazetteer, &meta), Err(ExtractError::Unsupported(_))));
}

#[test]
fn a_text_without_actors_proposes_nothing() {
    let e = run("The weather was fine and the children played in the park until the evening came.");
    assert!(e.actors.is_empty() && e.cooperations.is_empty());
}

#[test]
fn the_same_text_gives_the_same_proposals() {
    let text = include_str!("../../tests/articles/wire-ventilators-kenya.txt");
    assert_eq!(run(text), run(text));
}

#[test]
fn a_users_word_list_extends_the_gazetteer() {
    let mut gazetteer = Gazetteer::builtin();
    gazetteer.add("organisations.tsv", "Cedar Relief\tCR\tFoundation\tLebanon\n").expect("valid line");
    let e = extract("Cedar Relief donated food to Syria.", &gazetteer, &SourceMeta::default()).expect("English");
    assert_eq!(actor(&e, "Cedar Relief").kind, ActorKind::Foundation);
    assert!(link(&e, "Cedar Relief", "Syria").is_some());
}

#[test]
fn proposals_make_a_graph_and_merge_without_duplicates() {
    let e = run(include_str!("../../tests/articles/statement-india-vaccines.txt"));
    let mut graph = into_graph(&e).expect("valid graph");
    assert_eq!(graph.actor_count(), e.actors.len());
    let (actors, cooperations) = merge_into(&mut graph, &e).expect("merges");
    assert_eq!(actors, 0, "every actor is already there");
    assert_eq!(cooperations, 0, "every cooperation is already there (it gains evidence only if new)");
}
