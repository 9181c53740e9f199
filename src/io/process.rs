//! Whether another kgx process is still running, to tell leftovers of a crashed one (temporary
//! files, recovery files) from files a running window still owns.

/// Whether a process with this id runs now. On Linux this asks `/proc`; elsewhere it cannot be
/// known without platform calls, so every process counts as running and nothing is taken from
/// it.
pub fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") { std::path::Path::new("/proc").join(pid.to_string()).exists() } else { true }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn this_process_runs_and_a_finished_one_does_not() {
        assert!(process_alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        if cfg!(target_os = "linux") {
            assert!(!process_alive(pid));
        }
    }
}
