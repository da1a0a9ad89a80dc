//! Runs the checker on every document in `testdata/check/` and compares its
//! findings, one `Display` line each, with the `.expected` file beside it.
//!
//! Set `QUALYS_SEM_BLESS=1` to write the `.expected` files from the
//! current output, then review the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

use qualys_sem::check::{Checker, check_slice};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/check")
}

fn documents() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "xml"))
        .collect();
    paths.sort();
    paths
}

fn rendered_findings(bytes: &[u8]) -> String {
    let report = check_slice(bytes);
    let mut out = String::new();
    for finding in report.findings() {
        out.push_str(&finding.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn fixtures_match_expected_findings() {
    let bless = std::env::var_os("QUALYS_SEM_BLESS").is_some();
    let mut failures = Vec::new();

    for path in documents() {
        let bytes = fs::read(&path).unwrap();
        let actual = rendered_findings(&bytes);
        let expected_path = path.with_extension("expected");
        if bless {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("missing {}", expected_path.display()));
        if actual != expected {
            failures.push(format!(
                "{}\n--- expected\n{expected}--- actual\n{actual}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_has_readme_entry() {
    let readme = fs::read_to_string(fixture_dir().join("README.md")).unwrap();
    for path in documents() {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(readme.contains(name), "README.md does not describe {name}");
    }
}

#[test]
fn clean_fixtures_are_clean() {
    for name in ["valid_full.xml", "guide_sample.xml", "value_pieces.xml"] {
        let bytes = fs::read(fixture_dir().join(name)).unwrap();
        let report = check_slice(&bytes);
        assert!(report.is_clean(), "{name}: {:?}", report.findings());
    }
}

#[test]
fn reader_and_slice_agree() {
    // A one-byte buffer makes quick-xml stitch every event from many reads,
    // which must not move any position.
    for path in documents() {
        let bytes = fs::read(&path).unwrap();
        let from_slice = check_slice(&bytes);
        let reader = std::io::BufReader::with_capacity(1, bytes.as_slice());
        let from_reader = Checker::new().check_reader(reader).unwrap();
        assert_eq!(
            from_slice.findings(),
            from_reader.findings(),
            "{}",
            path.display()
        );
    }
}
