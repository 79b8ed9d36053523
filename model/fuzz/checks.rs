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

/// Actual-figures CSV (a bulletin, a link, a stored entry): never a panic,
/// every row taken within its bounds, every other row named with a line in
/// the text, and what is written reads back the same.
pub fn actuals(bytes: &[u8]) {
    use changji_model::progress::{def, measures, read_csv, write_csv, YEARS};
    let text = String::from_utf8_lossy(bytes);
    let (rows, bad) = read_csv(&text, measures());
    let lines = text.lines().count().max(1);
    for e in &bad {
        assert!(e.line >= 1 && e.line <= lines + 1, "{e}");
    }
    for a in &rows {
        let d = def(a.measure).expect("a known measure");
        assert!(
            a.value.is_finite() && a.value >= 0.0 && a.value <= d.max,
            "{a:?}"
        );
        assert!(a.year >= YEARS.0 && a.year <= YEARS.1, "{a:?}");
    }
    let (again, bad_again) = read_csv(&write_csv(&rows, measures()), measures());
    assert!(bad_again.is_empty(), "{bad_again:?}");
    assert_eq!(again.len(), rows.len());
    for (x, y) in again.iter().zip(&rows) {
        assert_eq!(
            (x.year, x.measure, x.value, x.grade),
            (y.year, y.measure, y.value, y.grade)
        );
    }
}
