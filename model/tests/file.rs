//! The scenario-file reader never panics and always yields in-range scenarios.
#![allow(clippy::unwrap_used, missing_docs)]

use changji_model::file::{file_text, parse_file, SavedScenario};
use changji_model::{Data, Scenario};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = parse_file(Data::get(), &text);
    }

    #[test]
    fn mutated_files_never_panic_and_stay_in_range(
        value in prop_oneof![Just("1e308".to_string()), Just("-1e308".to_string()), Just("\"x\"".to_string()),
            Just("null".to_string()), Just("[]".to_string()), "-?[0-9]{1,6}(\\.[0-9]{1,4})?"],
        lever in "(eta|cotton|year|runoff|nope|)",
        name in ".{0,120}",
    ) {
        let data = Data::get();
        let base = SavedScenario::capture(Data::get(), "x", &Scenario::default_for(data));
        let text = file_text(&[base]).replacen("\"x\"", &serde_json::to_string(&name).unwrap(), 1);
        let text = text.replacen(&format!("\"{lever}\": "), &format!("\"{lever}\": {value}, \"_\": "), 1);
        if let Ok((list, _)) = parse_file(Data::get(), &text) {
            for item in list {
                let (s, _) = item.restore(Data::get());
                for (l, v) in data.levers.iter().zip(&s.values) {
                    prop_assert!(v.is_finite() && *v >= l.min && *v <= l.max);
                }
                prop_assert!(item.name.chars().count() <= 80);
            }
        }
    }
}

#[test]
fn a_file_carries_the_entered_actual_figures() {
    use changji_model::file::{file_actuals, file_text_with};
    use changji_model::progress::{measures, read_csv};
    let csv = "year,measure,value,unit,source,grade\n2024,groundwater,7.4,亿m³,公报,H\n";
    let text = file_text_with(&[], csv);
    let back = file_actuals(&text).expect("actuals");
    let (rows, bad) = read_csv(&back, measures());
    assert!(bad.is_empty());
    assert_eq!((rows[0].year, rows[0].value), (2024, 7.4));
    // A file without them (or of an older version) reads as before.
    assert_eq!(file_actuals(&file_text(&[])), None);
    assert!(parse_file(changji_model::Data::get(), &text).is_ok());
    assert_eq!(file_actuals("not json"), None);
}
