//! Listing recovery files reads a header line written by an earlier run, possibly truncated by a
//! crash or damaged on disk: reading it must fail cleanly, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("kgx-fuzz-recovery-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("x.recovery.ron");
    if std::fs::write(&path, data).is_ok() {
        let _ = kgx::io::recovery::read_header(&path);
        let _ = kgx::io::recovery::list(&dir);
    }
});
