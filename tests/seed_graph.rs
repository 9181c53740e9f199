//! The bundled seed graph is complete and faithful to its article.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.
use std::path::Path;

use kgx::io::load_file;
use kgx::model::{ActorId, ActorKind, CooperationKind, KnowledgeGraph};

const ARTICLE: &str = include_str!("../assets/seeds/covid19-cooperation-article.txt");

fn seed() -> KnowledgeGraph {
    load_file(Path::new("graphs/covid19-cooperation.ron")).unwrap()
}

#[test]
fn every_quote_is_verbatim_from_the_article() {
    let graph = seed();
    for c in graph.cooperations() {
        assert!(!c.cooperation.evidence().is_empty(), "{} has no evidence", c.cooperation.id());
        for evidence in c.cooperation.evidence() {
            assert!(
                ARTICLE.contains(&evidence.quote),
                "{}: quote not in the article: {}",
                c.cooperation.id(),
                evidence.quote
            );
        }
    }
}

#[test]
fn every_named_body_is_an_actor() {
    let graph = seed();
    let names = [
        "Zhongnan Hospital of Wuhan University",
        "Wuhan University",
        "Kenyan counterparts",
        "Xinhua",
        "Xu Nanping",
        "Ministry of Science and Technology",
        "State Council Information Office",
        "China",
        "Chinese Center for Disease Control and Prevention",
        "World Health Organization",
        "China National Center for Bioinformation",
        "National Genomics Data Center",
        "Serbia",
        "Government of Serbia",
        "President of Serbia",
        "Prime Minister of Serbia",
        "BGI Genomics",
        "Mammoth Foundation",
        "Science and Technology Daily",
        "china.org.cn",
        "Wang Yiming",
    ];
    for name in names {
        assert!(graph.actors().any(|a| a.label == name), "no actor labelled {name}");
    }
}

#[test]
fn people_are_linked_to_the_body_they_speak_for() {
    let graph = seed();
    for person in graph.actors().filter(|a| a.kind == ActorKind::Person) {
        let affiliated = graph
            .cooperations_of(person.id())
            .iter()
            .any(|c| c.from == person.id() && c.cooperation.kind == CooperationKind::Affiliation);
        assert!(affiliated, "{} has no affiliation", person.label);
    }
}

#[test]
fn dated_cooperations_carry_the_articles_dates() {
    let graph = seed();
    let date_of = |id: &str| graph.cooperation(&id.into()).and_then(|c| c.cooperation.date).map(|d| d.to_string());
    assert_eq!(date_of("mammoth-donates-kits-to-serbia").as_deref(), Some("2020-03-15"));
    assert_eq!(date_of("bgi-kit-orders-worldwide").as_deref(), Some("2020-03-22"));
    assert_eq!(date_of("zhongnan-kenya-video-call").as_deref(), Some("2020-03-22"));
}

#[test]
fn figures_in_the_article_are_attributes() {
    let graph = seed();
    let attribute =
        |actor: &str, key: &str| graph.actor(&ActorId::new(actor)).and_then(|a| a.attribute(key)).map(str::to_owned);
    assert_eq!(attribute("ngdc", "database visitors").as_deref(), Some("over 76,000"));
    assert_eq!(attribute("ngdc", "visitors' countries and regions").as_deref(), Some("152"));
    assert_eq!(attribute("ngdc", "sequence file downloads").as_deref(), Some("over 4,000,000"));
    assert_eq!(
        attribute("bgi-genomics", "international test kit orders (as of 2020-03-22)").as_deref(),
        Some("over 1,000,000")
    );
    assert_eq!(attribute("bgi-genomics", "countries and regions the ordered kits go to").as_deref(), Some("70"));
}

#[test]
fn the_donation_to_serbia_is_traced_from_maker_to_receiver() {
    let graph = seed();
    let supply = graph.cooperation(&"bgi-makes-kits-for-mammoth".into()).unwrap();
    assert_eq!((supply.from.as_str(), supply.to.as_str()), ("bgi-genomics", "mammoth-foundation"));
    let donation = graph.cooperation(&"mammoth-donates-kits-to-serbia".into()).unwrap();
    assert_eq!(donation.cooperation.kind, CooperationKind::Donation);
    assert_eq!(donation.to.as_str(), "serbian-government");
}

#[test]
fn the_independent_readings_corrections_hold() {
    let graph = seed();
    let kind_of = |id: &str| graph.cooperation(&id.into()).map(|c| c.cooperation.kind);
    // Exchanges and communication are not joint research.
    assert_eq!(kind_of("china-exchanges-with-peers"), Some(CooperationKind::ExpertConsultation));
    // Unnamed plural groups are Other.
    let departments = graph.actor(&ActorId::new("government-departments")).unwrap();
    assert_eq!((departments.kind, departments.country.as_deref()), (ActorKind::Other, Some("China")));
    let kenyans = graph.actor(&ActorId::new("kenyan-counterparts")).unwrap();
    assert_eq!((kenyans.kind, kenyans.country.as_deref()), (ActorKind::Other, Some("Kenya")));
    // The article does not state that NGDC is part of CNCB; it credits the database to both.
    assert!(graph.cooperation(&"ngdc-part-of-cncb".into()).is_none());
    for body in ["cncb", "ngdc"] {
        let shares = graph.cooperations_of(&ActorId::new(body)).iter().any(|c| {
            c.cooperation.kind == CooperationKind::DataSharing
                && c.cooperation.evidence()[0].quote.contains("2019-nCoV")
        });
        assert!(shares, "{body} is credited with the 2019-nCoV database");
    }
    // The source's date was a guess: it is left out, and the description says why.
    assert!(graph.sources().all(|s| s.date.is_none()));
    assert!(graph.metadata.description.contains("March 22, 2020"));
    // "The world" is the alias of the actor that the "to/with the world" cooperations point to.
    let world = graph.actors().find(|a| a.aliases.iter().any(|x| x == "the world")).unwrap();
    for id in ["researchers-release-data", "experts-video-conferences"] {
        let c = graph.cooperation(&id.into()).unwrap();
        assert_eq!(c.to, world.id(), "{id}");
    }
}
