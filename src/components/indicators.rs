//! The indicator strip: each indicator against its plan target.

use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with};
use crate::state::use_app_state;
use changji_model::Data;
use leptos::prelude::*;

/// The provenance key of an indicator, where the model explains it.
fn prov_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "gross_quota" => "gross_quota",
        "eta" => "lever-eta",
        "reuse" => "lever-reuse",
        "leakage" => "lever-leakage",
        "water_per_gdp" => "water_per_gdp",
        "irrigated" => "irrigated_area",
        "supported_area" => "supported_area",
        "saving" => "saving",
        "reduction" => "reduction",
        "structure_saving" => "structure_saving",
        "industry_reuse" => "industry_reuse",
        "reclaimed" => "reclaimed_per_day",
        _ => return None,
    })
}

/// One indicator tile.
#[component]
fn Tile(
    /// Test id suffix and translation key suffix.
    key: &'static str,
    /// The value, formatted.
    value: Signal<String>,
    /// The comparison line, formatted.
    note: Signal<String>,
    /// Whether the value meets its target (None: no target).
    good: Signal<Option<bool>>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    view! {
        <div
            class="tile"
            class:good=move || good.get() == Some(true)
            class:bad=move || good.get() == Some(false)
            data-testid=format!("ind-{key}")
        >
            <span class="tile-label">{move || tr(lang.get(), &format!("ind.{key}"))}</span>
            {match prov_key(key) {
                Some(k) => view! {
                    <span class="tile-value" data-prov=k tabindex="0" role="button">{move || value.get()}</span>
                }.into_any(),
                None => view! { <span class="tile-value">{move || value.get()}</span> }.into_any(),
            }}
            <span class="tile-note">{move || note.get()}</span>
        </div>
    }
}

/// The strip.
#[component]
pub fn Indicators() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let c = &Data::get().plan.constants;
    let o = state.outcome;
    let l = move || lang.get();
    let target = move |v: String| tr_with(l(), "ind.target", &[("value", v)]);
    let tiles = vec![
        (
            "gross_quota",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.gross_quota), 1, "m³/亩")
            }),
            Signal::derive(move || target(num(c.plan_gross_quota.value, 0))),
            Signal::derive(move || {
                Some(o.with(|o| o.indicators.gross_quota) <= c.plan_gross_quota.value + 0.05)
            }),
        ),
        (
            "eta",
            Signal::derive(move || num(o.with(|o| o.indicators.eta), 3)),
            Signal::derive(move || target(num(c.plan_eta.value, 2))),
            Signal::derive(move || Some(o.with(|o| o.indicators.eta) >= c.plan_eta.value - 1e-9)),
        ),
        (
            "reuse",
            Signal::derive(move || with_unit(l(), o.with(|o| o.indicators.reuse), 1, "%")),
            Signal::derive(move || target(format!("{}%", num(c.reuse_target.value, 0)))),
            Signal::derive(move || {
                Some(o.with(|o| o.indicators.reuse) >= c.reuse_target.value - 1e-9)
            }),
        ),
        (
            "leakage",
            Signal::derive(move || with_unit(l(), o.with(|o| o.indicators.leakage), 2, "%")),
            Signal::derive(move || target(format!("≤ {}%", num(c.leakage_cap.value, 0)))),
            Signal::derive(move || {
                Some(o.with(|o| o.indicators.leakage) <= c.leakage_cap.value + 1e-9)
            }),
        ),
        (
            "water_per_gdp",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.water_per_gdp), 1, "m³/万元")
            }),
            Signal::derive(move || format!("2020: {}", num(c.water_per_gdp_2020.value, 2))),
            Signal::derive(|| None),
        ),
        (
            "supported_area",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.supported_area), 1, "万亩")
            }),
            Signal::derive(move || {
                tr_with(
                    l(),
                    "ind.irrigated",
                    &[(
                        "value",
                        with_unit(l(), o.with(|o| o.indicators.irrigated_area), 1, "万亩"),
                    )],
                )
            }),
            Signal::derive(move || {
                Some(o.with(|o| o.indicators.supported_area >= o.indicators.irrigated_area - 1e-9))
            }),
        ),
        (
            "saving",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.saving_vs_2020), 3, "亿m³")
            }),
            Signal::derive(move || tr(l(), "ind.saving_formula")),
            Signal::derive(|| None),
        ),
        (
            "reduction",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.reduction_vs_2020), 2, "亿m³")
            }),
            Signal::derive(move || {
                tr_with(
                    l(),
                    "ind.reduction_note",
                    &[("value", num(c.total_2020.value, 2))],
                )
            }),
            Signal::derive(|| None),
        ),
        (
            "structure_saving",
            Signal::derive(move || {
                with_unit(l(), o.with(|o| o.indicators.structure_saving), 3, "亿m³")
            }),
            Signal::derive(move || tr(l(), "ind.structure_note")),
            Signal::derive(|| None),
        ),
        (
            "industry_reuse",
            Signal::derive(move || {
                format!(
                    "{} · {}",
                    with_unit(
                        l(),
                        o.with(|o| o.indicators.water_per_industry_va),
                        1,
                        "m³/万元"
                    ),
                    with_unit(l(), o.with(|o| o.indicators.industry_reuse), 1, "%")
                )
            }),
            Signal::derive(move || {
                tr_with(
                    l(),
                    "ind.industry_note",
                    &[
                        ("i", num(c.industry_intensity_2020.value, 2)),
                        ("r", num(c.industry_reuse_base.value, 0)),
                    ],
                )
            }),
            Signal::derive(|| None),
        ),
        (
            "reclaimed",
            Signal::derive(move || {
                with_unit(
                    l(),
                    o.with(|o| o.indicators.reclaimed_m3_per_day),
                    2,
                    "万m³/d",
                )
            }),
            Signal::derive(move || format!("2020: {}", num(c.reclaimed_2020.value, 2))),
            Signal::derive(|| None),
        ),
    ];
    view! {
        <section class="indicators" aria-labelledby="ind-title">
            <h2 id="ind-title">{move || tr(lang.get(), "ind.title")}</h2>
            <div class="tiles">
                {tiles
                    .into_iter()
                    .map(|(key, value, note, good)| view! { <Tile key=key value=value note=note good=good/> })
                    .collect_view()}
            </div>
            <p class="calibration">
                {move || tr_with(l(), "ind.calibration", &[("k", num(o.with(|o| o.detail.calibration.quota_factor), 3))])}
            </p>
        </section>
    }
}
