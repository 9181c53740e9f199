//! Any text into the article extractor: proposals or an error, never a panic; and whatever it
//! proposes makes a valid graph.
#![no_main]

use kgx::extract::{Gazetteer, SourceMeta, extract, into_graph};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceMeta { date: "2020-03-25".parse().ok(), ..SourceMeta::default() };
    if let Ok(extraction) = extract(text, &Gazetteer::builtin(), &source) {
        let graph = into_graph(&extraction).expect("proposals make a valid graph");
        let text = kgx::io::to_ron_string(&graph).expect("the graph can be written");
        let again = kgx::io::load_str(&text, std::path::Path::new("fuzz.ron")).expect("what kgx writes, kgx reads");
        assert!(again == graph, "save then load gives back the proposals");
    }
});
