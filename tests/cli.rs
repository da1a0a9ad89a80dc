//! The `qualys-sem` command run on the testdata: output, exit status and messages.
#![cfg(feature = "cli")]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualys-sem"))
        .args(args)
        .output()
        .unwrap()
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qualys-sem"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn expected_lines(name: &str) -> Vec<Value> {
    json_lines(&fs::read_to_string(testdata(name)).unwrap())
}

/// Writes `bytes` to a file of its own under the target directory's scratch space.
fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn assets_print_expected_lines() {
    let mut checked = 0;
    for entry in fs::read_dir(testdata("")).unwrap() {
        let xml = entry.unwrap().path();
        let expected = xml.with_extension("assets.jsonl");
        if xml.extension().is_none_or(|extension| extension != "xml") || !expected.exists() {
            continue;
        }
        let output = run(&["assets", xml.to_str().unwrap()]);
        assert!(
            output.status.success(),
            "{}: {}",
            xml.display(),
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{}", xml.display());

        let got = json_lines(stdout(&output));
        let expected = json_lines(&fs::read_to_string(&expected).unwrap());
        assert_eq!(got, expected, "{}", xml.display());
        checked += 1;
    }
    assert!(checked >= 14, "{checked}");
}

#[test]
fn assets_lines_are_compact_json() {
    let output = run(&["assets", testdata("guide-sample.xml").to_str().unwrap()]);
    let text = stdout(&output);
    assert!(text.ends_with('\n'));
    assert_eq!(text.lines().count(), 1);
    assert!(text.starts_with("{\"id\":231,"), "{text}");
}

#[test]
fn detections_print_sample_detection() {
    let output = run(&["detections", testdata("guide-sample.xml").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let lines = json_lines(stdout(&output));
    assert_eq!(lines.len(), 1);
    let asset = &expected_lines("guide-sample.assets.jsonl")[0];
    let mut header = asset.clone();
    header.as_object_mut().unwrap().remove("detections");
    assert_eq!(lines[0]["asset"], header);
    assert_eq!(lines[0]["detection"], asset["detections"][0]);
    assert_eq!(lines[0]["detection"]["qid"], 610100);
}

#[test]
fn detections_one_line_per_detection() {
    let output = run(&[
        "detections",
        "--format",
        "ndjson",
        testdata("several-assets.xml").to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    let pairs: Vec<(u64, u64)> = json_lines(stdout(&output))
        .iter()
        .map(|line| {
            (
                line["asset"]["id"].as_u64().unwrap(),
                line["detection"]["qid"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (1001, 610130),
            (1001, 610141),
            (1001, 610100),
            (1003, 620020)
        ]
    );
}

#[test]
fn detections_csv_has_header() {
    let output = run(&[
        "detections",
        "--format",
        "csv",
        testdata("guide-sample.xml").to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header.len(), 29);
    assert_eq!(&header[..3], ["id", "asset_id", "ip"]);
    assert!(header.contains(&"qid".to_owned()));
    assert_eq!(header.last().map(String::as_str), Some("detection_extra"));

    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let column = |name: &str| {
        let at = header.iter().position(|column| column == name).unwrap();
        rows[0][at].to_owned()
    };
    assert_eq!(column("id"), "231");
    assert_eq!(column("asset_id"), "");
    assert_eq!(column("manufacturer"), "Apple, Inc.");
    assert_eq!(column("qid"), "610100");
    assert_eq!(column("severity"), "1");
    assert_eq!(
        column("results"),
        "iOS Device Details :\niOS : 14.5\nModel : iPad (5th generation)"
    );
    assert_eq!(column("last_seen"), "2021-04-28T12:01:06Z");
}

#[test]
fn detections_csv_keeps_extra_as_json() {
    let output = run(&[
        "detections",
        "--format",
        "csv",
        testdata("several-assets.xml").to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let extra_at = header
        .iter()
        .position(|column| column == "detection_extra")
        .unwrap();
    let first = reader.records().next().unwrap().unwrap();
    let extra: Value = serde_json::from_str(&first[extra_at]).unwrap();
    assert_eq!(
        extra[1],
        json!({"name": "QDS", "attributes": [{"name": "severity", "value": "CRITICAL"}], "text": "95"})
    );
}

#[test]
fn summary_fields() {
    let output = run(&["summary", testdata("guide-sample.xml").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let summary: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(
        summary,
        json!({
            "datetime": "2021-10-18T07:58:11.268Z",
            "assets": 1,
            "detections": 1,
            "by_severity": {"1": 1, "2": 0, "3": 0, "4": 0, "5": 0},
            "by_status": {"Active": 1},
            "by_type": {"Information": 1},
            "warning": {
                "code": 1980,
                "text": "1 record limit exceeded. Use URL to get next batch of results.",
                "url": "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?id_min=643&action=list&truncation_limit=1",
            },
            "next_id_min": 643,
        })
    );
}

#[test]
fn summary_counts_several_assets() {
    let output = run(&["summary", testdata("several-assets.xml").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let summary: Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(summary["assets"], 4);
    assert_eq!(summary["detections"], 4);
    assert_eq!(
        summary["by_severity"],
        json!({"1": 1, "2": 1, "3": 1, "4": 0, "5": 1})
    );
    assert_eq!(
        summary["by_status"],
        json!({"New": 1, "Active": 1, "Fixed": 1, "Re-Opened": 1})
    );
    assert_eq!(
        summary["by_type"],
        json!({"Confirmed": 2, "Potential": 1, "Information": 1})
    );
    assert_eq!(summary["warning"], Value::Null);
    assert_eq!(summary["next_id_min"], Value::Null);
}

#[test]
fn stdin_with_dash_and_without_file() {
    let input = fs::read(testdata("several-assets.xml")).unwrap();
    let expected = expected_lines("several-assets.assets.jsonl");

    for args in [&["assets", "-"][..], &["assets"][..]] {
        let output = run_with_stdin(args, &input);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert_eq!(json_lines(stdout(&output)), expected, "{args:?}");
    }
}

#[test]
fn cut_file_prints_complete_assets_then_fails() {
    let input = fs::read(testdata("several-assets.xml")).unwrap();
    let cut = String::from_utf8_lossy(&input)
        .find("<ID>1003</ID>")
        .unwrap();
    let path = scratch_file("several-assets-cut.xml", &input[..cut]);

    let output = run(&["assets", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let expected = expected_lines("several-assets.assets.jsonl");
    assert_eq!(json_lines(stdout(&output)), expected[..2]);

    let message = stderr(&output);
    let prefix = format!("error: {}: document ends early", path.display());
    assert!(message.starts_with(&prefix), "{message}");
    assert!(
        message.contains("the last complete asset has ID 1002"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn cut_input_fails_every_command() {
    let input = fs::read(testdata("guide-sample.xml")).unwrap();
    let cut = &input[..input.len() / 2];
    for args in [
        &["assets", "-"][..],
        &["detections", "-"][..],
        &["detections", "--format", "csv", "-"][..],
        &["summary", "-"][..],
        &["next-page", "-"][..],
    ] {
        let output = run_with_stdin(args, cut);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with("error: "),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn bad_value_fails_after_other_assets() {
    let text = fs::read_to_string(testdata("several-assets.xml")).unwrap();
    let input = text.replace("<SEVERITY>2</SEVERITY>", "<SEVERITY>9</SEVERITY>");
    let output = run_with_stdin(&["assets", "-"], input.as_bytes());

    assert_eq!(output.status.code(), Some(1));
    let ids: Vec<u64> = json_lines(stdout(&output))
        .iter()
        .map(|asset| asset["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1002, 1003, 1004]);
    let message = stderr(&output);
    assert!(
        message.starts_with("error: invalid value \"9\" for SEVERITY"),
        "{message}"
    );
    assert!(
        message.contains("ASSET[id=1001]/DETECTION_LIST/DETECTION[qid=610141]/SEVERITY"),
        "{message}"
    );
}

#[test]
fn missing_file_fails() {
    let output = run(&["assets", "/nonexistent/qualys-sem/page.xml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: "),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
}

#[test]
fn directory_fails_with_its_path() {
    let directory = testdata("guide-sample.xml").parent().unwrap().to_owned();
    for command in ["assets", "detections", "summary", "check"] {
        let output = run(&[command, directory.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        let expected = format!(
            "error: cannot open {}: it is a directory, not a file\n",
            directory.display()
        );
        assert_eq!(stderr(&output), expected, "{command}");
        assert_eq!(stdout(&output), "", "{command}");
    }
}

#[test]
fn next_page_urls() {
    let cases = [
        (
            "guide-sample.xml",
            "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=1&id_min=643\n",
        ),
        (
            "warning-url-escaped.xml",
            "https://gateway.qg1.apps.qualys.com/sem/v1/assetList?action=list&truncation_limit=2&id_min=2103\n",
        ),
        ("warning-no-url.xml", ""),
        ("several-assets.xml", ""),
    ];
    for (name, expected) in cases {
        let output = run(&["next-page", testdata(name).to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert_eq!(stdout(&output), expected, "{name}");
    }
}

#[test]
fn query_prints_canonical_form() {
    let output = run(&["query", "action=list&truncation_limit=100"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "action=list&truncation_limit=100\n");

    let output = run(&["query", "action=lis"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_errors_exit_with_two() {
    for args in [
        &[][..],
        &["bogus"][..],
        &["assets", "--bogus"][..],
        &["detections", "--format", "xml"][..],
        &["assets", "a.xml", "b.xml"][..],
        &["query"][..],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        // clap explains a bad value without a usage line, and a missing subcommand with the
        // help text.
        let message = stderr(&output);
        let explained = message.starts_with("error: ") || message.contains("Usage:");
        assert!(explained, "{args:?}: {message}");
        assert_eq!(stdout(&output), "", "{args:?}");
    }
}

#[test]
fn help_for_every_subcommand() {
    let top = run(&["--help"]);
    assert!(top.status.success());
    for subcommand in ["assets", "detections", "summary", "query", "next-page"] {
        assert!(
            stdout(&top).contains(subcommand),
            "{subcommand} missing from --help"
        );

        let output = run(&[subcommand, "--help"]);
        assert!(output.status.success(), "{subcommand}");
        let help = stdout(&output);
        assert!(
            help.contains(&format!("Usage: qualys-sem {subcommand}")),
            "{subcommand}: {help}"
        );
    }
    let detections = run(&["detections", "--help"]);
    assert!(stdout(&detections).contains("--format"));
}

#[test]
fn version_flag() {
    let output = run(&["--version"]);
    assert!(output.status.success());
    assert!(
        stdout(&output).starts_with("qualys-sem "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn failed_asset_counts_nowhere() {
    let text = fs::read_to_string(testdata("several-assets.xml")).unwrap();
    let input = text.replace("<SEVERITY>2</SEVERITY>", "<SEVERITY>9</SEVERITY>");

    let assets = run_with_stdin(&["assets", "-"], input.as_bytes());
    assert_eq!(json_lines(stdout(&assets)).len(), 3);

    let summary = run_with_stdin(&["summary", "-"], input.as_bytes());
    let summary: Value = serde_json::from_str(stdout(&summary)).unwrap();
    assert_eq!(summary["assets"], 3);
    assert_eq!(summary["detections"], 1);

    // detections streams its rows, so the row read before the bad value is already out;
    // the error message on stderr names the asset it belongs to.
    let detections = run_with_stdin(&["detections", "-"], input.as_bytes());
    let ids: Vec<u64> = json_lines(stdout(&detections))
        .iter()
        .map(|line| line["asset"]["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, [1001, 1003]);
    assert!(String::from_utf8_lossy(&detections.stderr).contains("ASSET[id=1001]"));
}

#[test]
fn next_page_rejects_stuck_cursor() {
    // The WARNING asks for id_min=231 again, the ID of the page's own asset.
    let text = fs::read_to_string(testdata("guide-sample.xml")).unwrap();
    let input = text.replace("id_min=643", "id_min=231");
    let output = run_with_stdin(&["next-page", "-"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).starts_with("error: "),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("231"), "{}", stderr(&output));
}
