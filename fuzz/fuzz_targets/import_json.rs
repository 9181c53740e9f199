//! The node-link JSON importer on arbitrary bytes: a graph or a located error, never a panic or a hang.
#![no_main]

use std::path::Path;

use kgx::io::import::{ImportFormat, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import_bytes(data, Path::new("fuzz.json"), ImportFormat::NodeLinkJson) {
        let text = kgx::io::to_ron_string(&imported.graph).expect("an imported graph can be written");
        let again = kgx::io::load_str(&text, Path::new("fuzz.ron")).expect("what kgx writes, kgx reads");
        assert!(again == imported.graph, "save then load gives back the imported graph");
    }
});
