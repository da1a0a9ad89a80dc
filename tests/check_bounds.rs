//! Limits of the checker on large and hostile inputs: findings are capped
//! and counted, deep nesting stops the check, and entities never expand.

use std::io::{self, BufReader, Read};
use std::time::{Duration, Instant};

use qualys_sem::check::{Checker, FindingKind, check, check_slice};

/// Streams a generated export of `assets` assets, each with a bad severity,
/// without ever holding the whole document in memory.
struct GeneratedExport {
    assets: u64,
    next: u64,
    pending: Vec<u8>,
    finished: bool,
}

impl GeneratedExport {
    fn new(assets: u64) -> Self {
        let head = "<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>\
                    <DATETIME>2021-04-28T12:01:06Z</DATETIME><ASSET_LIST>\n";
        GeneratedExport {
            assets,
            next: 0,
            pending: head.as_bytes().to_vec(),
            finished: false,
        }
    }
}

impl Read for GeneratedExport {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            if self.next < self.assets {
                let id = self.next;
                self.next += 1;
                self.pending = format!(
                    "<ASSET><ID>{id}</ID><DETECTION_LIST><DETECTION><QID>1</QID>\
                     <TYPE>Confirmed</TYPE><SEVERITY>9</SEVERITY></DETECTION>\
                     </DETECTION_LIST></ASSET>\n"
                )
                .into_bytes();
            } else if !self.finished {
                self.finished = true;
                self.pending =
                    b"</ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>\n".to_vec();
            }
        }
        let len = self.pending.len().min(out.len());
        out[..len].copy_from_slice(&self.pending[..len]);
        self.pending.drain(..len);
        Ok(len)
    }
}

#[test]
fn findings_capped_and_counted() {
    let assets = 30_000;
    let report = Checker::new()
        .max_findings(100)
        .check_reader(BufReader::new(GeneratedExport::new(assets)))
        .unwrap();
    assert_eq!(report.findings().len(), 100);
    assert_eq!(report.total(), assets);
    assert_eq!(report.omitted(), assets - 100);
    let last = &report.findings()[99];
    assert_eq!(last.position.line, 101);
    assert!(last.path.contains("ASSET[id=99]"), "{}", last.path);
    assert!(report.bytes_read() > 3_000_000);
}

#[test]
fn deep_nesting_stops_check() {
    let depth = 100_000;
    let mut xml = String::from("<ASSET_LIST_VM_DETECTION_OUTPUT>");
    xml.push_str(&"<X>".repeat(depth));
    let report = check_slice(xml.as_bytes());
    let last = report.findings().last().unwrap();
    assert!(matches!(last.kind, FindingKind::TooDeep { limit: 256 }));
    // The first X is unknown; everything inside it is not checked.
    assert_eq!(report.total(), 2);
}

#[test]
fn entity_bomb_never_expands() {
    let mut subset = String::from("<!ENTITY a0 \"0123456789\">");
    for level in 1..40 {
        let previous = format!("&a{};", level - 1);
        subset.push_str(&format!("<!ENTITY a{level} \"{}\">", previous.repeat(10)));
    }
    let xml = format!(
        "<!DOCTYPE ASSET_LIST_VM_DETECTION_OUTPUT [{subset}]>\
         <ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><DATETIME>&a39;</DATETIME>\
         </RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"
    );
    let started = Instant::now();
    let report = check_slice(xml.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(2));

    let kinds: Vec<&FindingKind> = report.findings().iter().map(|f| &f.kind).collect();
    assert!(matches!(
        kinds[0],
        FindingKind::InternalSubset { entity_count: 40 }
    ));
    assert!(matches!(kinds[1], FindingKind::UnexpandedEntity { name } if name == "a39"));
    // The unexpanded reference stays as written, which is no timestamp.
    assert!(matches!(kinds[2], FindingKind::InvalidValue { value, .. } if value == "&a39;"));
    assert_eq!(kinds.len(), 3);
}

#[test]
fn system_identifier_reported_not_fetched() {
    let xml = br#"<!DOCTYPE ASSET_LIST_VM_DETECTION_OUTPUT SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><DATETIME>2021-04-28T12:01:06Z</DATETIME></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
    let report = check_slice(xml);
    assert!(report.is_clean(), "{:?}", report.findings());
    let doctype = report.doctype().unwrap();
    assert_eq!(
        doctype.system_id.as_deref(),
        Some("http://127.0.0.1:9/never-fetched.dtd")
    );
    assert_eq!(report.root(), Some("ASSET_LIST_VM_DETECTION_OUTPUT"));
}

/// A reader that fails after some bytes, like a dropped connection.
struct FailingReader {
    served: bool,
}

impl Read for FailingReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.served {
            return Err(io::Error::new(io::ErrorKind::ConnectionReset, "reset"));
        }
        self.served = true;
        let head = b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE>";
        out[..head.len()].copy_from_slice(head);
        Ok(head.len())
    }
}

#[test]
fn read_failure_is_an_error() {
    let error = check(BufReader::new(FailingReader { served: false })).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("reset"), "{message}");
    assert!(message.contains("byte 42"), "{message}");
}

#[test]
fn malformed_is_last_and_fatal() {
    let report = check_slice(b"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE></X>");
    let last = report.findings().last().unwrap();
    assert!(last.kind.is_fatal());
    assert_eq!(last.position.offset, 42);
}
