use super::*;
use crate::{evaluate, Scenario};

fn all() -> Vec<Quantity> {
    Quantity::all()
}

#[test]
fn every_key_is_one_quantitys_and_every_cap_limits_one() {
    let limited = all().into_iter().filter(|q| q.cap().is_some()).count();
    assert_eq!(limited, CapId::ALL.len(), "one quantity per cap");
    let mut keys: Vec<String> = all().iter().map(|q| q.key()).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "every key is one quantity's");
}

#[test]
fn every_key_reads_back_and_the_caps_keys_name_what_they_measure() {
    for q in all() {
        assert_eq!(Quantity::parse(&q.key()), Some(q), "{}", q.key());
    }
    for c in CapId::ALL {
        let q = Quantity::parse(&format!("cap-{}", c.as_str())).expect("cap key");
        assert_eq!(q, Quantity::measured_by(c));
        assert_eq!(q.cap(), Some(c), "a cap measures the quantity it limits");
    }
    assert_eq!(Quantity::parse("nonsense"), None);
    assert_eq!(Quantity::parse("lever-nonsense"), None);
}

#[test]
fn the_indicators_are_the_quantities_with_an_indicator_id() {
    let with_id: Vec<Quantity> = all()
        .into_iter()
        .filter(|q| q.indicator_id().is_some())
        .collect();
    assert_eq!(with_id.len(), Quantity::INDICATORS.len());
    let mut ids: Vec<&str> = Quantity::INDICATORS
        .iter()
        .map(|q| q.indicator_id().expect("an indicator has an id"))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        Quantity::INDICATORS.len(),
        "each id names one indicator"
    );
}

#[test]
fn the_table_reads_the_outcome_and_the_plan_meets_its_targets() {
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").expect("preset");
    let o = evaluate(&s, data);
    let json = serde_json::to_value(&o).expect("outcome serialises");
    for q in Quantity::INDICATORS {
        let id = q.indicator_id().expect("id");
        let spec = q.spec(data, &o);
        // The id is the CLI's field, and the value is that field's.
        assert_eq!(
            json["indicators"][id].as_f64(),
            Some(q.value(data, &s, &o)),
            "{id}"
        );
        if let Some(t) = spec.target {
            assert!(
                t.met(q.value(data, &s, &o), spec.decimals),
                "{id} at the plan"
            );
        }
        if let Note::Text(names) = spec.note {
            for n in names {
                assert!(Quantity::arg(n, data, &o).is_some(), "{id}: {n}");
            }
        }
    }
    // Sources and sectors are the CLI's `sources.*` and `sectors.*`, and add up.
    for (list, field) in [
        (Quantity::SOURCES, "sources"),
        (Quantity::SECTORS, "sectors"),
    ] {
        let sum: f64 = list.iter().map(|q| q.value(data, &s, &o)).sum();
        assert!((sum - o.total).abs() < 1e-9, "{field} add up to the total");
        for q in list {
            assert_eq!(
                json[field][q.key()].as_f64(),
                Some(q.value(data, &s, &o)),
                "{}",
                q.key()
            );
        }
    }
    // A lever's value is the model's reading of it, in its own unit.
    let drip = Quantity::Lever(LeverId::Drip);
    assert_eq!(drip.value(data, &s, &o), s.value(LeverId::Drip));
    assert_eq!(
        drip.spec(data, &o).unit,
        data.levers[LeverId::Drip.index()].unit
    );
}

#[test]
fn a_cap_measures_the_value_its_card_shows() {
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").expect("preset");
    let o = evaluate(&s, data);
    for c in CapId::ALL {
        let cap = o.cap(c).expect("cap");
        assert_eq!(
            Quantity::measured_by(c).value(data, &s, &o),
            cap.value,
            "{c:?}"
        );
        assert_eq!(Quantity::Limit(c).value(data, &s, &o), cap.limit, "{c:?}");
    }
}

#[test]
fn each_family_is_named_by_its_own_catalogue_key() {
    let cases = [
        (Quantity::Surface, Some("source.surface")),
        (Quantity::Other, Some("source.reclaimed")),
        (Quantity::Primary, Some("sector.primary")),
        (Quantity::Tertiary, Some("sector.tertiary")),
        (Quantity::Lever(LeverId::Eta), Some("ind.eta")),
        (Quantity::Saving, Some("ind.saving_vs_2020")),
        (Quantity::Limit(CapId::Groundwater), Some("cap.groundwater")),
        (Quantity::Total, Some("prov.q.total")),
        (Quantity::NetQuota, Some("prov.q.net_quota")),
        (Quantity::Lever(LeverId::Drip), None),
    ];
    for (q, want) in cases {
        assert_eq!(q.label_key().as_deref(), want, "{q:?}");
    }
}

#[test]
fn a_target_is_met_to_half_a_unit_of_the_last_decimal_shown() {
    let cap = Target::AtMost(7.64);
    assert_eq!(cap.value(), 7.64);
    assert!(cap.met(7.644, 2) && !cap.met(7.646, 2));
    let floor = Target::AtLeast(0.67);
    assert_eq!(floor.value(), 0.67);
    assert!(floor.met(0.6696, 3) && !floor.met(0.6694, 3));
    assert!(floor.met(0.9, 3) && !cap.met(9.0, 2));
}
