//! Fuzzes the query-string codec: any bytes, never a panic, always in range,
//! and what it writes reads back the same.
#![no_main]

use changji_model::{parse_query, write_query, Data};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let data = Data::get();
    let text = String::from_utf8_lossy(bytes);
    let parsed = parse_query(data, &text, &["lang", "mode"]);
    for (l, v) in data.levers.iter().zip(&parsed.scenario.values) {
        assert!(v.is_finite() && *v >= l.min && *v <= l.max, "{} = {v}", l.id);
    }
    let q = write_query(data, &parsed.scenario, &[]);
    let again = parse_query(data, &q, &[]);
    assert_eq!(again.scenario, parsed.scenario);
    let _ = changji_model::evaluate(&parsed.scenario, data);
});
