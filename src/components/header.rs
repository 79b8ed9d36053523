//! Title bar: the preset menu with its explanation, reset, and the language switch.

use crate::components::lang_button::LangButton;
use crate::components::public::{href, nav_key};
use crate::components::{export_button::ExportButton, share::Share};
use crate::draw_queue::DrawQueue;
use crate::i18n::{tr, tr_with};
use crate::plotly_js::{self, Status};
use crate::state::use_app_state;
use crate::url::View;
use changji_model::Data;
use leptos::prelude::*;

/// Prints the page once plotly.js is there (or is known to be missing), so the
/// brief carries its chart even when the charts were never on screen; gives up
/// waiting after ten seconds and prints the rest.
fn print(printing: RwSignal<bool>, plotly: RwSignal<Status>, draws: DrawQueue) {
    printing.set(true);
    plotly_js::load(plotly);
    leptos::task::spawn_local(async move {
        for _ in 0..200 {
            if matches!(plotly.get_untracked(), Status::Ready | Status::Failed) && draws.is_idle() {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        // One more turn for the charts to draw.
        gloo_timers::future::TimeoutFuture::new(50).await;
        let _ = gloo_utils::window().print();
        printing.set(false);
    });
}

/// The header.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let preset = move || state.preset_id.get();
    let preset_name = move || tr(lang.get(), &format!("preset.{}.name", preset()));
    view! {
        <header class="header">
            <div class="title">
                <h1>{move || tr(lang.get(), "app.title")}</h1>
                <p class="subtitle">{move || tr(lang.get(), "app.subtitle")}</p>
                <nav class="public-links" aria-label=move || tr(lang.get(), "public.nav.label")>
                    {View::PUBLIC
                        .into_iter()
                        .map(|v| view! {
                            <a
                                data-testid=format!("link-{}", v.code())
                                href=move || href(v, lang.get())
                            >
                                {move || tr(lang.get(), &nav_key(v))}
                            </a>
                        })
                        .collect_view()}
                </nav>
            </div>
            <div class="controls">
                <label class="preset">
                    <span>{move || tr(lang.get(), "preset.label")}</span>
                    <select
                        data-testid="preset"
                        prop:value=preset
                        on:change=move |ev| state.load_preset(&event_target_value(&ev))
                    >
                        {data
                            .presets
                            .iter()
                            .map(|p| {
                                let id = p.id.clone();
                                let key = format!("preset.{id}.name");
                                view! {
                                    <option value=id.clone() selected=move || preset() == id>
                                        {move || tr(lang.get(), &key)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    class="reset-all"
                    data-testid="reset-all"
                    on:click=move |_| state.load_preset(&preset())
                >
                    {move || tr_with(lang.get(), "reset.all", &[("preset", preset_name())])}
                </button>
                <Share/>
                <ExportButton/>
                <button class="print" data-testid="print" on:click=move |_| print(state.page.printing, state.page.plotly, state.page.draws)>
                    {move || tr(lang.get(), "print.button")}
                </button>
                <button
                    class="present-toggle"
                    data-testid="present"
                    aria-pressed=move || state.page.present.get().to_string()
                    on:click=move |_| state.page.present.update(|p| *p = !*p)
                >
                    {move || if state.page.present.get() { tr(lang.get(), "present.exit") } else { tr(lang.get(), "present.enter") }}
                </button>
                <LangButton lang=lang />
            </div>
            <p class="present-keys">{move || tr(lang.get(), "present.keys")}</p>
            <p class="preset-desc" data-testid="preset-desc">
                {move || tr(lang.get(), &format!("preset.{}.desc", preset()))}
            </p>
        </header>
    }
}
