//! The one-page printed brief, always in Chinese (the plan's language): the
//! scenario, the cap table, what changed, the main chart (from the screen) and
//! the data notes. The print stylesheet shows it; it is built only while the
//! page prints (`PageState::printing`, [`while_printing`]), so an input on
//! screen does not update a brief nobody sees.

use crate::browser::link_for;
use crate::components::later::mount_into;
use crate::format::{decimals_for_step, num, with_unit};
use crate::i18n::{lever_name, text, tr, Lang};
use crate::state::{use_app_state, AppState};
use crate::url::query_for;
use changji_model::quantity::Quantity;
use changji_model::{Data, Outcome, Scenario};
use leptos::prelude::*;

/// A placeholder (`display: contents`) that holds the brief while the page
/// prints: mounted into it when `printing` turns true, taken out when it turns
/// false; a second signal that the page prints (a print fires `beforeprint`
/// and turns the media to print) leaves it as it is. (Mounted by hand, like
/// `later`'s panels: a reactive `Option` view compiled rebuild code for it,
/// 3.5 KB of gzipped wasm.)
pub fn while_printing(state: AppState) -> NodeRef<leptos::html::Div> {
    let node = NodeRef::<leptos::html::Div>::new();
    let held = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
    Effect::new(move |_| {
        let printing = state.page.printing.get();
        if !printing {
            // Dropping the mount's handle takes the brief out.
            held.set_value(None);
        } else if held.with_value(Option::is_none) {
            let handle = mount_into(state, node, brief);
            held.set_value(handle.map(|h| Box::new(h) as Box<dyn std::any::Any>));
        }
    });
    node
}

/// The brief's two sections.
fn brief() -> impl IntoView {
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
                    lever_name(zh, l.id),
                    num(plan.values[i], d),
                    num(s.values[i], d),
                    l.unit
                )
            })
            .collect();
        if items.is_empty() {
            tr(zh, "brief.same")
        } else {
            items.join("；")
        }
    };
    let indicators = move || {
        state
            .scenario
            .with(|s| state.outcome.with(|o| indicator_line(s, o)))
    };
    view! {
        <section class="print-brief" data-testid="print-brief" aria-hidden="true">
            <h1>{tr(zh, "brief.title")}</h1>
            <p>
                {tr(zh, "brief.scenario")}
                {move || tr(zh, &format!("preset.{}.name", state.scenario.with(|s| s.preset.clone())))}
                {tr(zh, "brief.year")}
                {move || state.outcome.with(|o| o.year)}
                {tr(zh, "brief.total")}
                <b>{move || num(state.outcome.with(|o| o.total), 2)}</b>
                {tr(zh, "brief.unit")}
            </p>
            <p class="link">{tr(zh, "brief.link")} {move || state.scenario.with(|s| link_for(&query_for(s, zh)))}</p>
            <table>
                <thead>
                    <tr>
                        {["cap", "value", "limit", "margin", "state", "plan"].map(|c| view! { <th>{tr(zh, &format!("brief.col.{c}"))}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{tr(zh, "brief.changes")} {changes}</p>
            <p data-testid="brief-indicators">{tr(zh, "brief.indicators")} {indicators}</p>
        </section>
        // The notes follow the chart (print order in style/main.css): the first
        // page holds the scenario, the caps, the indicators and the chart whole.
        <section class="print-notes" data-testid="print-notes" aria-hidden="true">
            <h2>{tr(zh, "brief.notes")}</h2>
            <ul class="brief-notes">
                {data.notes().iter().map(|n| view! { <li><b>{n.figures.clone()}</b>" "{first_sentence(text(zh, &n.text)).to_string()}</li> }).collect_view()}
            </ul>
            <p class="small">{tr(zh, "brief.notes_full")}" "{tr(zh, "brief.footer")}</p>
        </section>
    }
}

/// A note's first sentence: the brief is one A4 page, so it gives each data
/// note's gist and points to the page's data notes for the rest.
pub fn first_sentence(t: &str) -> &str {
    let end = t
        .char_indices()
        .find(|&(i, c)| c == '。' || (c == '.' && t[i + 1..].starts_with(' ')))
        .map_or(t.len(), |(i, c)| i + c.len_utf8());
    &t[..end]
}

/// Every indicator of the model's quantity table with its value, in Chinese.
fn indicator_line(s: &Scenario, o: &Outcome) -> String {
    let data = Data::get();
    Quantity::INDICATORS
        .into_iter()
        .map(|q| {
            let d = q.spec(data, o);
            format!(
                "{} {}",
                tr(Lang::Zh, &q.label_key().unwrap_or_default()),
                with_unit(Lang::Zh, q.value(data, s, o), d.decimals, &d.unit)
            )
        })
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn a_note_is_cut_at_its_first_sentence() {
        assert_eq!(first_sentence("甲，乙。丙。"), "甲，乙。");
        assert_eq!(first_sentence("One 0.5 two. Three."), "One 0.5 two.");
        assert_eq!(first_sentence("no end"), "no end");
    }
}
