//! Attribution: for the chosen cap, a waterfall from the plan's reference
//! scenario to the current one, one bar per changed lever (Shapley values,
//! computed only while the panel is open).

use crate::components::cap_select::CapSelect;
use crate::format::num;
use crate::i18n::{lever_name, tr};
use crate::state::use_app_state;
use changji_model::attribution::attribute;
use changji_model::evaluate::CapId;
use changji_model::Data;
use leptos::prelude::*;

/// One row of the drawn waterfall.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    /// Player id (lever or group) or `from` / `to`.
    id: String,
    /// Whether the id is a lever group.
    grouped: bool,
    /// Signed contribution (or the level, for `from` / `to`).
    value: f64,
    /// Where the bar starts and ends on the value axis.
    span: (f64, f64),
}

fn rows(cap: CapId, state: crate::state::AppState) -> Option<(Vec<Row>, f64)> {
    let data = Data::get();
    let from = state.plan_scenario.get();
    let to = state
        .analyses
        .with(|a| a.as_ref().map(|a| a.scenario.clone()))
        .unwrap_or_else(|| state.scenario.get());
    let a = attribute(data, &from, &to);
    let w = a.cap(cap)?;
    let mut out = vec![Row {
        id: "from".into(),
        grouped: false,
        value: w.from,
        span: (0.0, w.from),
    }];
    let mut level = w.from;
    for (p, c) in a.players.iter().zip(&w.contributions) {
        out.push(Row {
            id: p.id.clone(),
            grouped: p.grouped,
            value: *c,
            span: (level, level + c),
        });
        level += c;
    }
    out.push(Row {
        id: "to".into(),
        grouped: false,
        value: w.to,
        span: (0.0, w.to),
    });
    Some((out, w.limit))
}

/// The attribution panel.
#[component]
pub fn Waterfall() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let open = RwSignal::new(false);
    let cap = RwSignal::new(CapId::Total);
    let drawn = Memo::new(move |_| {
        if open.get() {
            rows(cap.get(), state)
        } else {
            None
        }
    });
    let label = move |r: &Row| {
        let l = lang.get();
        match r.id.as_str() {
            "from" => tr(l, "wf.from"),
            "to" => tr(l, "wf.to"),
            id if r.grouped => tr(l, &format!("group.{id}")),
            id => lever_name(l, id),
        }
    };
    view! {
        <details
            class="waterfall"
            data-testid="attribution"
            on:toggle=move |ev| {
                let el: web_sys::HtmlDetailsElement = wasm_bindgen::JsCast::unchecked_into(event_target::<web_sys::Element>(&ev));
                open.set(el.open());
            }
        >
            <summary>{move || tr(lang.get(), "wf.title")}</summary>
            <CapSelect value=cap testid="wf-cap"/>
            {move || drawn.get().map(|(rows, limit)| {
                // Zoom on the levels the bars pass through (not on zero), with a margin,
                // so small contributions stay visible; the end bars start at the axis.
                let levels = rows.iter().flat_map(|r| if r.id == "from" || r.id == "to" { [r.span.1, r.span.1] } else { [r.span.0, r.span.1] });
                let (mut lo, mut hi) = levels.chain([limit]).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
                let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.01).max(1e-3);
                lo = (lo - pad).max(0.0);
                hi += pad;
                let scale = move |x: f64| if hi > lo { (x - lo) / (hi - lo) * 100.0 } else { 0.0 };
                let only_ends = rows.len() == 2;
                view! {
                    <ol class="wf" data-testid=format!("waterfall-{}", cap.get_untracked().as_str())>
                        {rows.into_iter().map(|r| {
                            let end = r.id == "from" || r.id == "to";
                            let (a, b) = if end { (lo, r.span.1) } else { (r.span.0.min(r.span.1), r.span.0.max(r.span.1)) };
                            let sign = if end { "" } else if r.value > 0.0 { "+" } else { "" };
                            let name = label(&r);
                            let up = !end && r.value > 0.0;
                            let down = !end && r.value < 0.0;
                            view! {
                                <li
                                    class="wf-row"
                                    class:end=end
                                    class:up=up
                                    class:down=down
                                    data-testid=format!("wf-{}", r.id)
                                    data-value=r.value.to_string()
                                >
                                    <span class="wf-label">{name}</span>
                                    <span class="wf-track">
                                        <span class="wf-bar" style=format!("left: {:.3}%; width: {:.3}%", scale(a), (scale(b) - scale(a)).max(0.4))></span>
                                        <span class="wf-limit" style=format!("left: {:.3}%", scale(limit))></span>
                                    </span>
                                    <span class="wf-value">{format!("{sign}{}", num(r.value, 3))}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    {only_ends.then(|| view! { <p class="wf-none">{tr(lang.get(), "wf.none")}</p> })}
                }
            })}
            <p class="wf-method">{move || tr(lang.get(), "wf.method")}</p>
        </details>
    }
}
