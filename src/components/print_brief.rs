//! The one-page printed brief, always in Chinese (the plan's language): the
//! scenario, the cap table, what changed, the main chart (from the screen) and
//! the data notes. Hidden on screen; the print stylesheet shows it.

use crate::browser::link_for;
use crate::format::{decimals_for_step, num, with_unit};
use crate::i18n::{tr, Lang};
use crate::state::use_app_state;
use crate::url::query_for;
use changji_model::indicator::IndicatorId;
use changji_model::Data;
use leptos::prelude::*;

/// The print-only brief.
#[component]
pub fn PrintBrief() -> impl IntoView {
    let state = use_app_state();
    let data = Data::get();
    let zh = Lang::Zh;
    let rows = move || {
        let o = state.outcome.get();
        let p = state.plan.get();
        o.caps
            .iter()
            .map(|c| {
                let plan = p.cap(c.id).map_or(f64::NAN, |x| x.value);
                view! {
                    <tr>
                        <th scope="row">{tr(zh, &format!("cap.{}", c.id.as_str()))}</th>
                        <td>{num(c.value, 2)}</td>
                        <td>{num(c.limit, 2)}</td>
                        <td>{num(c.margin(), 2)}</td>
                        <td>{tr(zh, &format!("brief.state.{}", c.state.as_str()))}</td>
                        <td>{num(plan, 2)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let changes = move || {
        let s = state.scenario.get();
        let plan = state.plan_scenario.get();
        let items: Vec<String> = data
            .levers
            .iter()
            .enumerate()
            .filter(|(i, _)| (s.values[*i] - plan.values[*i]).abs() > 1e-12)
            .map(|(i, l)| {
                let d = decimals_for_step(l.step);
                format!(
                    "{} {} → {} {}",
                    tr(zh, &format!("lever.{}.label", l.id)),
                    num(plan.values[i], d),
                    num(s.values[i], d),
                    l.unit
                )
            })
            .collect();
        if items.is_empty() {
            "与规划情景相同。".to_string()
        } else {
            items.join("；")
        }
    };
    // One line per row of the model's indicator table.
    let indicators = move || {
        state.outcome.with(|o| {
            IndicatorId::ALL
                .into_iter()
                .map(|id| {
                    let d = id.def(data, o);
                    format!(
                        "{} {}",
                        tr(zh, &format!("ind.{id}")),
                        with_unit(zh, id.value(o), d.decimals, d.unit)
                    )
                })
                .collect::<Vec<_>>()
                .join("；")
        })
    };
    view! {
        <section class="print-brief" data-testid="print-brief" aria-hidden="true">
            <h1>"昌吉州节水情景简报"</h1>
            <p>
                "情景："
                {move || tr(zh, &format!("preset.{}.name", state.scenario.with(|s| s.preset.clone())))}
                "　考核年份："
                {move || state.outcome.with(|o| o.year)}
                "　用水总量："
                <b>{move || num(state.outcome.with(|o| o.total), 2)}</b>
                " 亿m³"
            </p>
            <p class="link">"链接：" {move || state.scenario.with(|s| link_for(&query_for(s, zh)))}</p>
            <table>
                <thead>
                    <tr>
                        <th>"控制指标"</th><th>"本情景"</th><th>"指标"</th><th>"余量"</th><th>"状态"</th><th>"规划情景"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>"相对规划情景的调整：" {changes}</p>
            <p data-testid="brief-indicators">"主要指标：" {indicators}</p>
            <h2>"数据说明"</h2>
            <ul class="brief-notes">
                {data.notes.iter().map(|n| view! { <li><b>{n.figures.clone()}</b>" "{n.zh.clone()}</li> }).collect_view()}
            </ul>
            <p class="small">"单位：亿m³。数据来源：《昌吉回族自治州节水型社会建设“十四五”规划》及页面“数据说明”。"</p>
        </section>
    }
}
