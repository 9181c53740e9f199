//! Tests of the patterns real reporting uses (issue 23): each text is written for the test in
//! the style of the news it imitates.

use super::*;

fn run(text: &str) -> Extraction {
    extract(text, &Gazetteer::builtin(), &SourceMeta::default()).expect("English text")
}

fn labels(e: &Extraction) -> Vec<&str> {
    e.actors.iter().map(|a| a.label.as_str()).collect()
}

fn link(e: &Extraction, from: &str, to: &str) -> Option<ProposedCooperation> {
    let id = |label: &str| e.actors.iter().find(|a| a.label == label).map(|a| a.id.clone());
    let (from, to) = (id(from)?, id(to)?);
    e.cooperations.iter().find(|c| c.from == from && c.to == to || !c.directed && c.from == to && c.to == from).cloned()
}

fn links(e: &Extraction) -> Vec<String> {
    let label = |id: &str| e.actors.iter().find(|a| a.id == id).map_or(id.to_owned(), |a| a.label.clone());
    e.cooperations.iter().map(|c| format!("{} -> {} ({})", label(&c.from), label(&c.to), c.kind)).collect()
}

fn kind(e: &Extraction, from: &str, to: &str) -> Option<CooperationKind> {
    link(e, from, to).map(|c| c.kind)
}

#[test]
fn an_organisation_no_list_knows_is_found_by_what_it_does() {
    let e = run("Siemens Healthineers donated two MRI scanners to Kenyatta National Hospital.");
    assert!(labels(&e).contains(&"Siemens Healthineers"), "{:?}", labels(&e));
    assert_eq!(kind(&e, "Siemens Healthineers", "Kenyatta National Hospital"), Some(CooperationKind::Donation));
    // A person's given name first makes a person, not a company.
    let e = run("Mary Wanjiru donated two beds to Kenyatta National Hospital.");
    assert!(e.actors.iter().all(|a| a.label != "Mary Wanjiru" || a.kind != ActorKind::Company));
}

#[test]
fn a_headline_fragment_is_never_an_actor() {
    let text = "University of Nairobi and Kenyan Scientists Sign Genome Pact\n\n\
                The University of Nairobi signed an agreement with the Kenya Medical Research Institute on Monday.";
    let e = run(text);
    assert!(!labels(&e).iter().any(|l| l.contains("Kenyan") || l.contains("Pact")), "{:?}", labels(&e));
    assert!(link(&e, "University of Nairobi", "Kenya Medical Research Institute").is_some(), "{:?}", links(&e));
}

#[test]
fn the_kind_comes_from_what_is_given() {
    let e = run("Ghana's Ministry of Health signed an agreement with the Robert Koch Institute on Monday. \
         The institute would provide expert advice to the ministry. It will also train nurses for the ministry.");
    let ministry = e.actors.iter().find(|a| a.kind == ActorKind::Ministry).map(|a| a.label.clone()).unwrap_or_default();
    let advice = e.cooperations.iter().filter(|c| c.kind == CooperationKind::ExpertConsultation).count();
    assert!(advice >= 1, "{:?}", links(&e));
    let id = |label: &str| e.actors.iter().find(|a| a.label == label).map(|a| a.id.clone()).unwrap_or_default();
    assert!(
        e.cooperations.iter().all(|c| c.kind != CooperationKind::ExpertConsultation
            || c.from == id("Robert Koch Institute") && c.to == id(&ministry)),
        "{:?}",
        links(&e)
    );
    assert!(e.cooperations.iter().all(|c| c.kind != CooperationKind::Supply), "{:?}", links(&e));
    let e = run("The World Bank provided $20 million to Ghana for clean water.");
    assert_eq!(kind(&e, "World Bank", "Ghana"), Some(CooperationKind::Funding), "{:?}", links(&e));
}

#[test]
fn a_country_named_with_its_ministry_owns_it() {
    let text = "Germany and Ghana deepen health ties\n\n\
                Germany's development agency GIZ will train nurses for Ghana's health ministry. \
                Germany has worked with Ghana since 1957. Germany sent experts to Accra.";
    let e = run(text);
    let affiliations: Vec<String> = links(&e).into_iter().filter(|l| l.contains("Affiliation")).collect();
    assert!(
        !affiliations.iter().any(|l| l.contains("inistry") && l.ends_with("Germany (Affiliation)")),
        "{affiliations:?}"
    );
}

#[test]
fn funding_a_thing_is_no_funding_of_the_last_company() {
    let text = "Zipline delivers blood to clinics in Rwanda. The Wellcome Trust will fund the network.";
    let e = run(text);
    assert!(link(&e, "Wellcome Trust", "Zipline").is_none(), "{:?}", links(&e));
}

#[test]
fn a_dateline_gives_the_date_and_names_no_actor() {
    let text = "Scanners for Nairobi\n\nNAIROBI, May 12, 2021 (Kenya News Agency) -- Siemens Healthineers \
                donated two MRI scanners to Kenyatta National Hospital on Monday.";
    let e = run(text);
    assert_eq!(e.source.date.map(|d| d.to_string()).as_deref(), Some("2021-05-12"));
    assert_eq!(e.source.publisher, "Kenya News Agency");
    assert!(!labels(&e).iter().any(|l| l.contains("NAIROBI") || l.contains("News Agency")), "{:?}", labels(&e));
    // "on Monday" is the Monday on or before the dateline's Wednesday.
    let c = link(&e, "Siemens Healthineers", "Kenyatta National Hospital").expect("the donation");
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2021-05-10"));
    // The quote is the sentence as written, without the dateline.
    assert!(c.quote.starts_with("Siemens Healthineers donated"), "{}", c.quote);
}

#[test]
fn relations_said_as_noun_phrases() {
    let e = run("The new centre follows an agreement between the University of Ghana and Makerere University.");
    assert!(link(&e, "University of Ghana", "Makerere University").is_some(), "{:?}", links(&e));
    let e = run("The clinic opened in March with support from the Aga Khan Foundation.");
    assert!(e.cooperations.iter().all(|c| c.kind != CooperationKind::Donation || c.directed), "{:?}", links(&e));
    let e = run("Kenya's partnership with the World Food Programme began in 2019.");
    assert!(link(&e, "Kenya", "World Food Programme").is_some(), "{:?}", links(&e));
    let e = run("The Lagos Children's Hospital received a donation of 40 beds from Philips.");
    assert_eq!(kind(&e, "Philips", "Lagos Children's Hospital"), Some(CooperationKind::Donation), "{:?}", links(&e));
    let e = run("Officials said a memorandum of understanding was signed by Ghana Health Service and Novartis.");
    assert!(link(&e, "Ghana Health Service", "Novartis").is_some(), "{:?}", links(&e));
}

#[test]
fn partners_on_both_sides_of_a_verb() {
    let e =
        run("The Rotary Club of Accra, in collaboration with the Rotary Club of Kumasi, have donated an ambulance \
         to the emergency ward of the Korle Bu Teaching Hospital.");
    for club in ["Rotary Club of Accra", "Rotary Club of Kumasi"] {
        assert_eq!(kind(&e, club, "Korle Bu Teaching Hospital"), Some(CooperationKind::Donation), "{:?}", links(&e));
    }
}

#[test]
fn the_two_institutions_are_the_last_two_named() {
    let text = "Makerere University and the Uganda Virus Research Institute have long shared samples. \
                This year the two institutions launched a joint study of malaria.";
    let e = run(text);
    assert!(link(&e, "Makerere University", "Uganda Virus Research Institute").is_some(), "{:?}", links(&e));
}

#[test]
fn a_title_case_office_ends_in_the_name() {
    let e = run("Minister of Higher Education and Scientific Research Layla Haddad signed the deal with Rwanda.");
    assert!(labels(&e).contains(&"Layla Haddad"), "{:?}", labels(&e));
    assert!(labels(&e).contains(&"Ministry of Higher Education and Scientific Research"), "{:?}", labels(&e));
}
