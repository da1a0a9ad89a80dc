//! Whole assets and the strict checker over arbitrary bytes: neither may
//! panic, and the checker's report must stay within its bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_sem::Assets;
use qualys_sem::check::Checker;

// Small, so that inputs with many problems also cover the counting of the
// findings the report leaves out.
const MAX_FINDINGS: usize = 8;

fuzz_target!(|data: &[u8]| {
    let mut items = 0usize;
    for asset in Assets::new(data) {
        items += 1;
        assert!(items <= data.len() + 2, "assets without end");
        match asset {
            Ok(asset) => drop(asset.into_owned()),
            Err(error) => drop(error.to_string()),
        }
    }

    let report = Checker::new().max_findings(MAX_FINDINGS).check_slice(data);
    let kept = report.findings().len();
    assert!(kept <= MAX_FINDINGS, "report keeps {kept} findings");
    assert!(
        report.bytes_read() <= data.len() as u64,
        "checker read {} bytes of a {}-byte input",
        report.bytes_read(),
        data.len()
    );
    for finding in report.findings() {
        let _ = finding.to_string();
    }
});
