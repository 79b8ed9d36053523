//! The properties the fuzz targets check, shared with the stable smoke test
//! (`model/tests/fuzz_smoke.rs`), so both run the same assertions.

use changji_model::file::parse_file;
use changji_model::{parse_query, write_query, Data};

/// Query-string codec: never a panic, every value in range, and what it writes
/// reads back the same.
pub fn codec(bytes: &[u8]) {
    let data = Data::get();
    let text = String::from_utf8_lossy(bytes);
    let parsed = parse_query(data, &text, &["lang", "mode"]);
    for (l, v) in data.levers.iter().zip(&parsed.scenario.values) {
        assert!(
            v.is_finite() && *v >= l.min && *v <= l.max,
            "{} = {v}",
            l.id
        );
    }
    let q = write_query(data, &parsed.scenario, &[]);
    let again = parse_query(data, &q, &[]);
    assert_eq!(again.scenario, parsed.scenario);
    let _ = changji_model::evaluate(&parsed.scenario, data);
}

/// Scenario-file importer: never a panic, and every scenario it accepts is in range.
pub fn file(bytes: &[u8]) {
    let data = Data::get();
    let text = String::from_utf8_lossy(bytes);
    if let Ok((list, _)) = parse_file(data, &text) {
        for item in list {
            let (s, _) = item.restore(data);
            for (l, v) in data.levers.iter().zip(&s.values) {
                assert!(
                    v.is_finite() && *v >= l.min && *v <= l.max,
                    "{} = {v}",
                    l.id
                );
            }
        }
    }
}
