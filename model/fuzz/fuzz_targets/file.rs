//! Fuzzes the scenario-file importer: any bytes, never a panic, and every
//! scenario it accepts is in range.
#![no_main]

use changji_model::file::parse_file;
use changji_model::Data;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let data = Data::get();
    let text = String::from_utf8_lossy(bytes);
    if let Ok((list, _)) = parse_file(&text) {
        for item in list {
            let (s, _) = item.restore();
            for (l, v) in data.levers.iter().zip(&s.values) {
                assert!(v.is_finite() && *v >= l.min && *v <= l.max, "{} = {v}", l.id);
            }
        }
    }
});
