//! The RON graph loader on arbitrary bytes: it must return a graph or located problems, never
//! panic, hang or overflow the stack. A graph it accepts must save and load back equal.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    if let Ok(graph) = kgx::io::load_bytes(data, path) {
        let text = kgx::io::to_ron_string(&graph).expect("an accepted graph can be written");
        let again = kgx::io::load_str(&text, path).expect("what kgx writes, kgx reads");
        assert!(again == graph, "save then load gives back the same graph");
    }
});
