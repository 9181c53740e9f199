//! Whether another kgx process is still running, to tell leftovers of a crashed one (temporary
//! files, recovery files) from files a running window still owns.

/// Whether a process with this id runs now. On Linux this asks `/proc`; elsewhere it cannot be
/// known without platform calls, so every process counts as running and nothing is taken from
/// it.
pub fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if !cfg!(target_os = "linux") {
        return true;
    }
    // `/proc/PID/stat` is "PID (name) STATE …"; a killed process whose parent has not reaped it
    // yet is a zombie (Z) or dead (X): it runs no more.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.trim_start().chars().next())
            .is_none_or(|state| state != 'Z' && state != 'X'),
        Err(_) => false,
    }
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

    #[test]
    fn a_killed_but_unreaped_process_counts_as_gone() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        assert!(process_alive(pid));
        child.kill().unwrap();
        // Not waited for yet: a zombie until reaped.
        std::thread::sleep(std::time::Duration::from_millis(100));
        if cfg!(target_os = "linux") {
            assert!(!process_alive(pid), "a zombie does not own its files");
        }
        child.wait().unwrap();
    }
}
