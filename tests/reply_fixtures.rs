//! Runs `classify` on every body in `testdata/reply/` and compares the
//! outcome with the `.expected` file beside it: `export`, or the error's
//! message, kind and whether it is retryable.
//!
//! Set `QUALYS_SEM_BLESS=1` to write the `.expected` files from the
//! current output, then review the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

use qualys_sem::reply::{ReplyError, classify};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/reply")
}

fn bodies() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixture_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let ext = path.extension().and_then(|ext| ext.to_str());
            matches!(ext, Some("xml" | "html" | "json" | "txt"))
        })
        .collect();
    paths.sort();
    paths
}

fn kind(error: &ReplyError) -> &'static str {
    match error {
        ReplyError::Api(_) => "api",
        ReplyError::Generic(_) => "generic",
        ReplyError::Html(_) => "html",
        ReplyError::Json(_) => "json",
        ReplyError::Empty { .. } => "empty",
        ReplyError::UnexpectedRoot { .. } => "unexpected-root",
        ReplyError::Malformed { .. } => "malformed",
        ReplyError::NotXml { .. } => "not-xml",
        _ => "other",
    }
}

fn outcome(body: &[u8]) -> String {
    match classify(body) {
        Ok(_) => "export\n".to_owned(),
        Err(error) => format!(
            "error: {error}\nkind: {}\nretryable: {}\n",
            kind(&error),
            error.is_retryable()
        ),
    }
}

#[test]
fn fixtures_match_expected_outcome() {
    let bless = std::env::var_os("QUALYS_SEM_BLESS").is_some();
    let mut failures = Vec::new();

    for path in bodies() {
        let actual = outcome(&fs::read(&path).unwrap());
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
    for path in bodies() {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(readme.contains(name), "README.md does not describe {name}");
    }
}

#[test]
fn no_error_body_classifies_as_export() {
    for path in bodies() {
        let name = path.file_name().unwrap().to_str().unwrap();
        if name.starts_with("export") {
            continue;
        }
        let body = fs::read(&path).unwrap();
        assert!(classify(&body).is_err(), "{name} was taken for an export");
    }
}
