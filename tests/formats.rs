//! One list of formats: every format the registry says kgx reads or writes is accepted everywhere
//! — `kgx convert` and `kgx export` by extension and by name (and alias), the window's Open and
//! dropped files, and its Export — and the typed-path dialogs name them.

#![allow(clippy::unwrap_used)] // Helpers of tests: a panic is a test failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui_kittest::kittest::Queryable;
use kgx::io::formats::{FORMATS, Format, FormatId, FormatOption};

const SEED: &str = "graphs/covid19-cooperation.ron";

fn kgx(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kgx")).args(args).output().unwrap()
}

fn ok(out: &Output, what: &str) {
    assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Writes the bundled graph as `format` at `path` and returns the file to read it back from (an
/// edge table for CSV, which writes two tables).
fn written(format: &Format, path: &Path) -> PathBuf {
    kgx::io::formats::write_file(&kgx::io::load_file(Path::new(SEED)).unwrap(), path, format).unwrap();
    if format.offers(FormatOption::TwoTables) { path.with_extension("edges.csv") } else { path.to_owned() }
}

#[test]
fn the_command_line_accepts_every_format_by_extension_and_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for format in &FORMATS {
        for extension in format.extensions {
            let path = dir.path().join(format!("by-extension.{extension}"));
            if format.writes {
                ok(&kgx(&["convert", SEED, "-o", path.to_str().unwrap()]), &format!("convert to .{extension}"));
                ok(&kgx(&["export", SEED, "--to", format.name, "-o", path.to_str().unwrap()]), format.name);
            }
            if format.reads {
                // Whatever the format's first extension wrote, under this extension.
                let source = written(format, &dir.path().join(format!("source.{}", format.extension())));
                std::fs::copy(&source, &path).unwrap();
                let back = dir.path().join("back.ron");
                ok(
                    &kgx(&["convert", path.to_str().unwrap(), "-o", back.to_str().unwrap()]),
                    &format!("read .{extension}"),
                );
                assert_eq!(kgx::io::load_file(&back).unwrap().actor_count(), 26, ".{extension}");
            }
        }
        for name in std::iter::once(&format.name).chain(format.aliases) {
            let path = dir.path().join("by-name.data");
            if format.writes {
                ok(&kgx(&["convert", SEED, "-o", path.to_str().unwrap(), "--to", name]), &format!("--to {name}"));
            }
            if format.reads {
                let source = written(format, &path);
                let back = dir.path().join("back.ron");
                let out = kgx(&["convert", source.to_str().unwrap(), "--from", name, "-o", back.to_str().unwrap()]);
                ok(&out, &format!("--from {name}"));
            }
        }
    }
    // A name the registry does not know is a usage error; an extension it does not know, a
    // message listing the formats.
    assert_eq!(kgx(&["export", SEED, "--to", "pdf", "-o", "x"]).status.code(), Some(2));
    let out = kgx(&["convert", SEED, "-o", dir.path().join("x.pdf").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JSON-LD (.jsonld)"));
}

/// Runs frames until `done` holds (work on worker threads), for at least 20 s.
fn wait_until(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>, done: impl Fn(&kgx::app::KgxApp) -> bool) {
    for _ in 0..2000 {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("not done after 20 s");
}

/// Says "Don't save" when the window asks about the imported graph it holds.
fn discard_if_asked(harness: &mut egui_kittest::Harness<'_, kgx::app::KgxApp>) {
    harness.run();
    if harness.state().dialog_kind() == "confirm" {
        harness.get_by_label("Don't save").click();
        harness.run();
    }
}

#[test]
fn the_window_opens_dropped_files_of_every_format_it_reads_and_exports_every_format_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::harness();
    for format in FORMATS.iter().filter(|f| f.reads) {
        for extension in format.extensions {
            let source = written(format, &dir.path().join(format!("source.{}", format.extension())));
            let path = dir.path().join(format!("dropped-{}.{extension}", format.name));
            std::fs::copy(&source, &path).unwrap();
            common::drop_file(&mut harness, &path);
            discard_if_asked(&mut harness);
            if format.offers(FormatOption::ColumnMapping) {
                // A table goes through its column dialog first, which counts repeated pairs.
                wait_until(&mut harness, |app| app.windows.csv.as_ref().is_some_and(|f| f.current_repeats().is_some()));
                // The bundled graph repeats one pair; merging is proposed, the test keeps both.
                harness.get_by_label("Repeated rows").click();
                harness.run();
                harness.get_by_label("keep every row").click();
                harness.run();
                harness.get_by_label("Import").click();
                wait_until(&mut harness, |app| app.windows.csv_job.is_none() && app.windows.csv.is_none());
            }
            common::wait_opened(&mut harness);
            let graph = &harness.state().doc.graph;
            assert_eq!(
                (graph.actor_count(), graph.cooperation_count()),
                (26, 29),
                ".{extension}: {}",
                harness.state().status
            );
            // Each next one replaces it.
            harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::New));
            discard_if_asked(&mut harness);
        }
    }
    harness
        .state_mut()
        .push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(Some(PathBuf::from(SEED)))));
    discard_if_asked(&mut harness);
    common::wait_opened(&mut harness);
    for format in FORMATS.iter().filter(|f| f.writes) {
        for extension in format.extensions {
            let path = dir.path().join(format!("exported-{}.{extension}", format.name));
            harness
                .state_mut()
                .push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Export(Some(path.clone()))));
            harness.run();
            common::wait_exported(&mut harness);
            assert!(harness.state().status.starts_with("Exported"), ".{extension}: {}", harness.state().status);
            for file in kgx::io::formats::output_files(&path, format) {
                assert!(file.exists(), "{}", file.display());
            }
        }
    }
}

#[test]
fn typed_path_dialogs_say_which_formats_they_take() {
    let mut harness = common::harness();
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Open(None)));
    harness.run();
    for format in FORMATS.iter().filter(|f| f.reads) {
        harness.get_by_label_contains(&format.short_label());
    }
    for named in ["GraphML", "GEXF", "CSV", "Turtle", "JSON-LD"] {
        harness.get_by_label_contains(named);
    }
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.state_mut().push(kgx::app::command::Command::File(kgx::app::command::FileCommand::Export(None)));
    harness.run();
    for format in FORMATS.iter().filter(|f| f.writes && !f.native) {
        harness.get_by_label_contains(&format.short_label());
    }
    assert!(FormatId::ALL.iter().all(|id| FORMATS.iter().any(|f| f.id == *id)));
}

#[test]
fn the_readme_table_lists_every_format_with_its_names_and_extensions() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme.split("### Formats").nth(1).and_then(|rest| rest.split("\n\n").nth(2)).unwrap();
    for format in &FORMATS {
        let row = table
            .lines()
            .find(|l| l.contains(&format!("| `{}`", format.name)))
            .unwrap_or_else(|| panic!("{}", format.name));
        for name in format.aliases {
            assert!(row.contains(&format!("`{name}`")), "{}: alias {name}", format.name);
        }
        for extension in format.extensions {
            assert!(row.contains(&format!("`.{extension}`")), "{}: .{extension}", format.name);
        }
    }
}
