//! The path, the statuses and the CSV reader.

use super::*;
use crate::data::{Data, Grade, Text};

fn fig(year: u32, measure: Measure, value: f64) -> Actual {
    Actual {
        year,
        measure,
        value,
        source: Text::new("x", "x"),
        grade: Grade::H,
        scope: Text::default(),
        entered: true,
    }
}

fn d(m: Measure) -> &'static MeasureDef {
    def(m).expect("measure")
}

#[test]
fn every_measure_has_its_row_and_the_caps_match_the_plan() {
    assert_eq!(measures().len(), Measure::ALL.len());
    for (m, row) in Measure::ALL.iter().zip(measures()) {
        assert_eq!(*m, row.id);
        assert_eq!(m.as_str().parse::<Measure>(), Ok(*m));
        assert!(row.path.windows(2).all(|w| w[0].year < w[1].year), "{m}");
        for p in &row.path {
            assert!(!p.source.zh.is_empty() && !p.source.en.is_empty(), "{m}");
        }
    }
    // The five caps' paths are the plan's caps, year by year.
    let data = Data::get();
    for (m, cap) in [
        (Measure::Total, crate::CapId::Total),
        (Measure::Groundwater, crate::CapId::Groundwater),
        (Measure::Surface, crate::CapId::Surface),
        (Measure::Agriculture, crate::CapId::Agriculture),
    ] {
        for p in &d(m).path {
            assert_eq!(
                p.value,
                data.caps(f64::from(p.year)).get(cap).value,
                "{m} {}",
                p.year
            );
        }
    }
}

#[test]
fn the_path_is_straight_between_the_plans_years_and_holds_beyond() {
    let total = d(Measure::Total);
    // The prefecture's own 2022 index lies on the line.
    assert!((total.path_at(2022.0).expect("path") - 25.022).abs() < 1e-9);
    assert!((d(Measure::Groundwater).path_at(2022.0).expect("path") - 8.51).abs() < 1e-9);
    assert_eq!(total.path_at(2019.0), Some(25.53));
    assert_eq!(total.path_at(2035.0), Some(22.99));
    assert!((total.path_at(2027.5).expect("path") - (24.26 + 22.99) / 2.0).abs() < 1e-9);
    // η has no 2030 figure: it holds 2025's.
    assert_eq!(d(Measure::Eta).path_at(2030.0), Some(0.67));
    assert_eq!(d(Measure::Domestic).path_at(2025.0), None);
}

#[test]
fn the_shipped_figures_read_as_the_issue_says() {
    let figures = merge(shipped(), &[]);
    assert!(figures.iter().all(|a| !a.entered));
    let r = report(&figures);
    let gw = r
        .iter()
        .find(|l| l.measure == Measure::Groundwater)
        .expect("line");
    assert_eq!(
        (gw.year, gw.actual, gw.status),
        (Some(2023), Some(7.72), Status::Within)
    );
    assert_eq!(gw.since, Some(2022));
    assert_eq!(gw.pace, Pace::OnTrack);
    // 2022 alone: above its path (9.68 against 8.51).
    let only_2022: Vec<Actual> = figures.iter().filter(|a| a.year <= 2022).cloned().collect();
    let gw22 = line(d(Measure::Groundwater), &only_2022);
    assert_eq!((gw22.status, gw22.pace), (Status::Above, Pace::NoData));
    let total = r
        .iter()
        .find(|l| l.measure == Measure::Total)
        .expect("line");
    assert_eq!((total.status, total.pace), (Status::Within, Pace::OnTrack));
    let dom = r
        .iter()
        .find(|l| l.measure == Measure::Domestic)
        .expect("line");
    assert_eq!((dom.status, dom.pace), (Status::NoData, Pace::NoData));
    // η 0.65 in 2020 against a path that starts there: within; one year, not at 0.67: no pace.
    let eta = r.iter().find(|l| l.measure == Measure::Eta).expect("line");
    assert_eq!((eta.status, eta.pace), (Status::Within, Pace::NoData));
}

#[test]
fn each_pace_is_reached() {
    let gw = d(Measure::Groundwater);
    let pace = |xs: &[(u32, f64)]| {
        let f: Vec<Actual> = xs
            .iter()
            .map(|&(y, v)| fig(y, Measure::Groundwater, v))
            .collect();
        line(gw, &f).pace
    };
    assert_eq!(pace(&[(2022, 9.0), (2024, 6.0)]), Pace::Reached);
    assert_eq!(pace(&[(2022, 9.0), (2024, 8.0)]), Pace::OnTrack);
    assert_eq!(pace(&[(2022, 9.0), (2024, 8.9)]), Pace::SpeedUp);
    assert_eq!(pace(&[(2022, 9.0), (2024, 9.2)]), Pace::MovingAway);
    assert_eq!(pace(&[(2022, 9.0), (2024, 9.0)]), Pace::MovingAway);
    assert_eq!(pace(&[(2024, 8.0)]), Pace::NoData);
    // A floor: more is better.
    let reuse = d(Measure::Reuse);
    let f = [
        fig(2020, Measure::Reuse, 62.0),
        fig(2022, Measure::Reuse, 63.5),
    ];
    let l = line(reuse, &f);
    assert_eq!((l.status, l.pace), (Status::Within, Pace::OnTrack));
    let f = [
        fig(2020, Measure::Reuse, 62.0),
        fig(2023, Measure::Reuse, 61.0),
    ];
    let l = line(reuse, &f);
    assert_eq!((l.status, l.pace), (Status::Above, Pace::MovingAway));
}

#[test]
fn an_entered_figure_overrides_a_shipped_one_and_removing_it_restores_it() {
    let entered = [
        fig(2023, Measure::Groundwater, 7.0),
        fig(2024, Measure::Groundwater, 7.4),
    ];
    let m = merge(shipped(), &entered);
    let gw: Vec<(u32, f64, bool)> = m
        .iter()
        .filter(|a| a.measure == Measure::Groundwater)
        .map(|a| (a.year, a.value, a.entered))
        .collect();
    assert_eq!(
        gw,
        vec![(2022, 9.68, false), (2023, 7.0, true), (2024, 7.4, true)]
    );
    let back = merge(shipped(), &entered[1..]);
    assert!(back
        .iter()
        .any(|a| a.year == 2023 && a.value == 7.72 && !a.entered));
}

#[test]
fn a_table_with_good_and_bad_rows_keeps_the_good_and_names_the_bad() {
    let text = "year,measure,value,unit,source,grade\n\
        2024,groundwater,7.40,亿m³,州水资源公报2024,H\n\
        2024,tota,23,亿m³,x,H\n\
        2040,total,23,亿m³,x,H\n\
        2024,total,-3,亿m³,x,H\n\
        2024,eta,0.68,,\"bulletin, table 3\",M\n\
        2024,total,2300,亿m³,x,H\n\
        2024,total,23,m³,x,H\n\
        2024,total,23,亿m³,x,Q\n\
        x,total,23\n\
        2024,total,abc\n\
        2024\n";
    let (good, bad) = read_csv(text, measures());
    assert_eq!(good.len(), 2, "{bad:?}");
    assert_eq!(
        (good[0].year, good[0].measure, good[0].value),
        (2024, Measure::Groundwater, 7.4)
    );
    assert_eq!(good[1].source.en, "bulletin, table 3");
    assert!(good.iter().all(|a| a.entered));
    let lines: Vec<usize> = bad.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![3, 4, 5, 7, 8, 9, 10, 11, 12]);
    let said: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert!(said[0].contains("unknown measure 'tota'"), "{said:?}");
    assert!(said[1].contains("2040"), "{said:?}");
    assert!(said[2].contains("negative"), "{said:?}");
    assert!(said[3].contains("above"), "{said:?}");
    assert!(said[4].contains("unit"), "{said:?}");
    assert!(said[5].contains("grade"), "{said:?}");
    assert!(
        matches!(bad[8].problem, Problem::Malformed { .. }),
        "{said:?}"
    );
}

#[test]
fn a_headerless_bulletin_and_a_round_trip() {
    let (good, bad) = read_csv("2024,groundwater,7.4,亿m³,公报,H\n", measures());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(good[0].source.zh, "公报");
    let text = write_csv(shipped(), measures());
    let (back, bad) = read_csv(&text, measures());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(back.len(), shipped().len());
    for (a, b) in back.iter().zip(shipped()) {
        assert_eq!(
            (a.year, a.measure, a.value, a.grade),
            (b.year, b.measure, b.value, b.grade)
        );
        assert_eq!((&a.source, &a.scope), (&b.source, &b.scope));
    }
    // Markup is data, not code: it comes back as the same text.
    let hostile = Actual {
        source: Text::new(
            "<img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>",
        ),
        ..fig(2024, Measure::Total, 23.0)
    };
    let (back, _) = read_csv(
        &write_csv(std::slice::from_ref(&hostile), measures()),
        measures(),
    );
    assert_eq!(back[0].source, hostile.source);
}

#[test]
fn too_many_rows_are_cut_with_a_notice() {
    let text: String = (0..MAX_ROWS + 5).map(|_| "2024,total,23\n").collect();
    let (good, bad) = read_csv(&text, measures());
    assert_eq!(good.len(), MAX_ROWS);
    assert!(matches!(
        bad.last().map(|e| &e.problem),
        Some(Problem::TooMany)
    ));
}

#[test]
fn a_form_row_and_a_link_round_trip() {
    let a = parse_row(
        &["2024", "groundwater", "7.40", "", "公报, 表2", "H"],
        measures(),
    )
    .expect("row");
    assert_eq!(
        (a.year, a.measure, a.value, a.grade, a.entered),
        (2024, Measure::Groundwater, 7.4, Grade::H, true)
    );
    assert!(matches!(
        parse_row(&["2024", "groundwater", "-1", "", "x", "H"], measures()),
        Err(Problem::Negative { .. })
    ));
    let (back, bad) = read_csv(&write_link(std::slice::from_ref(&a)), measures());
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(back, vec![a]);
}

#[test]
fn the_ids_are_the_ones_the_cli_prints() {
    // `as_str` (the page's `data-status` and `data-pace`) and serde (the CLI's
    // JSON) name each verdict the same way.
    for s in [Status::Within, Status::Above, Status::NoData] {
        assert_eq!(json(&s), format!("\"{}\"", s.as_str()));
    }
    for p in [
        Pace::OnTrack,
        Pace::SpeedUp,
        Pace::MovingAway,
        Pace::Reached,
        Pace::NoData,
    ] {
        assert_eq!(json(&p), format!("\"{}\"", p.as_str()));
    }
    assert_eq!(
        [Status::Within.as_str(), Pace::SpeedUp.as_str()],
        ["within", "speed-up"]
    );
}

/// A value as JSON text.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialises")
}

#[test]
fn the_pace_is_the_change_a_year_since_the_first_figure() {
    // 9.0 in 2020, 8.1 in 2023: 0.3 less a year.
    let f = [
        fig(2020, Measure::Groundwater, 9.0),
        fig(2021, Measure::Groundwater, 9.5),
        fig(2023, Measure::Groundwater, 8.1),
    ];
    let l = line(d(Measure::Groundwater), &f);
    assert_eq!((l.since, l.year), (Some(2020), Some(2023)));
    assert!((l.per_year.expect("pace") + 0.3).abs() < 1e-12, "{l:?}");
    // Carried on: 8.1 − 0.3 × 7 = 6.0 in 2030, under the path's 6.07.
    assert_eq!(l.pace, Pace::OnTrack);
    // The same fall over one year more misses it: 8.1 − 0.225 × 7 = 6.525.
    let f = [
        fig(2019, Measure::Groundwater, 9.0),
        fig(2023, Measure::Groundwater, 8.1),
    ];
    let l = line(d(Measure::Groundwater), &f);
    assert!((l.per_year.expect("pace") + 0.225).abs() < 1e-12, "{l:?}");
    assert_eq!(l.pace, Pace::SpeedUp);
}

#[test]
fn a_floor_that_stands_still_is_moving_away() {
    // Reuse at 63 % two years running, short of 2030's 65 %: not the right way.
    let f = [
        fig(2022, Measure::Reuse, 63.0),
        fig(2024, Measure::Reuse, 63.0),
    ];
    let l = line(d(Measure::Reuse), &f);
    assert_eq!(l.per_year, Some(0.0));
    assert_eq!(l.pace, Pace::MovingAway);
}

#[test]
fn the_edges_of_what_a_row_may_hold_are_taken() {
    let one = |y: &str, m: &str, v: &str| parse_row(&[y, m, v, "", "x", "H"], measures());
    // The first and last years allowed, a zero, and a measure's own maximum.
    assert!(one(&YEARS.0.to_string(), "total", "23").is_ok());
    assert!(one(&YEARS.1.to_string(), "total", "23").is_ok());
    assert!(matches!(
        one(&(YEARS.0 - 1).to_string(), "total", "23"),
        Err(Problem::YearRange { .. })
    ));
    assert!(matches!(
        one(&(YEARS.1 + 1).to_string(), "total", "23"),
        Err(Problem::YearRange { .. })
    ));
    assert_eq!(one("2024", "total", "0").map(|a| a.value), Ok(0.0));
    let max = d(Measure::Groundwater).max;
    assert_eq!(
        one("2024", "groundwater", &max.to_string()).map(|a| a.value),
        Ok(max)
    );
    assert!(matches!(
        one("2024", "groundwater", &(max + 0.01).to_string()),
        Err(Problem::Absurd { .. })
    ));
    // The id a measure prints is the one a row names it by.
    assert_eq!(Measure::Groundwater.to_string(), "groundwater");
}

#[test]
fn each_stretch_of_the_path_is_its_own_line() {
    // Groundwater falls 1.45 to 2025 and 1.57 to 2030: halfway along the
    // second stretch is halfway between its ends, not the first's slope.
    let gw = d(Measure::Groundwater);
    assert!((gw.path_at(2027.5).expect("path") - (7.64 + 6.07) / 2.0).abs() < 1e-9);
}

#[test]
fn a_verdict_allows_a_tenth_of_the_last_shown_half_digit() {
    // Groundwater shows two decimals: within 0.0005 of its path is on it.
    let gw = d(Measure::Groundwater);
    assert!(gw.meets(7.6404, 7.64));
    assert!(!gw.meets(7.6406, 7.64));
    // Reuse, a floor shown to one decimal: within 0.005 below is on it.
    let reuse = d(Measure::Reuse);
    assert!(reuse.meets(64.996, 65.0));
    assert!(!reuse.meets(64.994, 65.0));
    assert!(reuse.meets(65.0, 65.0));
}
