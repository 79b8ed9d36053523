//! The story: one scene per screen, its words from the catalogue and its
//! numbers from [`crate::story`] (as HTML text, [`super::scene_html`]), with
//! buttons, arrow keys and swipes to move, and its own link
//! (`?view=story&scene=N`).

use super::scene_html::scene_strings;
use crate::format::num;
use crate::i18n::{tr, tr_with, Lang};
use crate::story::{scene, ETA_SCENE, SCENE_KEYS};
use crate::url::{public_query, replace_now, View};
use changji_model::{Data, LeverId};
use leptos::prelude::*;

/// The η slider's range in the story.
const ETA_RANGE: (f64, f64) = (0.6, 0.75);

/// Goes to scene `k`, kept within 1..=`count`.
fn go_to(current: RwSignal<usize>, count: usize) -> impl Fn(usize) + Copy {
    move |k| current.set(k.clamp(1, count))
}

/// Turns the page with the ← → (and Page Up/Down) keys anywhere but in an
/// input, and with a horizontal swipe of more than 50 px; returns the touch
/// handlers for the story's element.
fn page_turns(
    current: RwSignal<usize>,
    count: usize,
) -> (
    impl Fn(leptos::ev::TouchEvent) + Copy,
    impl Fn(leptos::ev::TouchEvent) + Copy,
) {
    let go = go_to(current, count);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let on_input = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
            .is_some();
        if on_input || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" => go(current.get_untracked() + 1),
            "ArrowLeft" | "PageUp" => go(current.get_untracked().saturating_sub(1)),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let touch_x = StoredValue::new(None::<f64>);
    let start = move |ev: leptos::ev::TouchEvent| {
        touch_x.set_value(ev.touches().get(0).map(|t| f64::from(t.client_x())));
    };
    let end = move |ev: leptos::ev::TouchEvent| {
        let (Some(x0), Some(t)) = (touch_x.get_value(), ev.changed_touches().get(0)) else {
            return;
        };
        let dx = f64::from(t.client_x()) - x0;
        if dx < -50.0 {
            go(current.get_untracked() + 1);
        } else if dx > 50.0 {
            go(current.get_untracked().saturating_sub(1));
        }
    };
    (start, end)
}

/// The story, opening at scene `first` (1-based).
#[component]
pub fn Story(
    /// The scene to open at.
    first: usize,
    /// The language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let data = Data::get();
    let count = SCENE_KEYS.len();
    let current = RwSignal::new(first.clamp(1, count));
    let eta = RwSignal::new(data.plan.constants.plan_eta.value);
    Effect::new(move |_| replace_now(&public_query(View::Story, current.get(), None, lang.get())));

    let (on_touch_start, on_touch_end) = page_turns(current, count);
    let html = Memo::new(move |_| {
        let k = current.get();
        scene_strings(&scene(data, k, eta.get()), k, count, lang.get())
    });
    view! {
        <section
            class="story"
            data-testid="story"
            data-scene-count=count.to_string()
            aria-roledescription="carousel"
            aria-label=move || tr(lang.get(), "public.nav.story")
            on:touchstart=on_touch_start
            on:touchend=on_touch_end
        >
            <ol class="story-dots"><Dots current=current count=count lang=lang/></ol>
            <article
                class="scene"
                data-testid=move || format!("scene-{}", current.get())
                aria-roledescription="slide"
                aria-live="polite"
            >
                <div inner_html=move || html.with(|h| h.0.clone())></div>
                {move || (current.get() == ETA_SCENE).then(|| view! { <EtaSlider eta=eta lang=lang/> })}
                <div inner_html=move || html.with(|h| h.1.clone())></div>
                {move || scene_action(current.get(), count, lang.get())}
            </article>
            <Buttons current=current count=count lang=lang/>
        </section>
    }
}

/// The link a scene ends with, if it has one: to the progress page, the
/// challenge, or (the last scene) the household calculator.
fn scene_action(k: usize, count: usize, l: Lang) -> Option<impl IntoView> {
    let (view, key, testid) = match k {
        k if SCENE_KEYS.get(k - 1) == Some(&"progress") => {
            (View::Progress, "story.to_progress", "story-to-progress")
        }
        k if SCENE_KEYS.get(k - 1) == Some(&"challenge") => {
            (View::Challenge, "story.to_challenge", "story-to-challenge")
        }
        k if k == count => (View::Household, "story.to_household", "story-to-household"),
        _ => return None,
    };
    Some(view! {
        <a class="scene-action" data-testid=testid href=format!("?{}", public_query(view, 1, None, l))>
            {tr(l, key)}
        </a>
    })
}

/// A dot per scene, the current one marked; a click goes to its scene.
#[component]
fn Dots(current: RwSignal<usize>, count: usize, lang: RwSignal<Lang>) -> impl IntoView {
    move || {
        let l = lang.get();
        (1..=count)
            .map(|k| {
                view! {
                    <li>
                        <button
                            class="dot"
                            aria-current=move || (current.get() == k).then_some("step")
                            aria-label=tr_with(l, "story.go", &[("n", k.to_string())])
                            on:click=move |_| go_to(current, count)(k)
                        ></button>
                    </li>
                }
            })
            .collect_view()
    }
}

/// The η scene's slider.
#[component]
fn EtaSlider(eta: RwSignal<f64>, lang: RwSignal<Lang>) -> impl IntoView {
    let step = Data::get().def(LeverId::Eta).coarse_step().to_string();
    view! {
        <label class="story-slider">
            <span>{move || tr(lang.get(), "story.eta_label")}</span>
            <input
                type="range"
                data-testid="story-eta"
                min=ETA_RANGE.0.to_string()
                max=ETA_RANGE.1.to_string()
                step=step
                prop:value=move || eta.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        eta.set(v.clamp(ETA_RANGE.0, ETA_RANGE.1));
                    }
                }
            />
            <output>{move || num(eta.get(), 3)}</output>
        </label>
    }
}

/// Back and forward; at either end the dimmed button hands focus to the other,
/// not to the page.
#[component]
fn Buttons(current: RwSignal<usize>, count: usize, lang: RwSignal<Lang>) -> impl IntoView {
    let prev_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    let next_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    let go = go_to(current, count);
    view! {
        <div class="story-buttons">
            <button data-testid="story-prev" node_ref=prev_ref disabled=move || current.get() == 1 on:click=move |_| {
                let k = current.get_untracked().saturating_sub(1);
                go(k);
                if k <= 1 {
                    if let Some(b) = next_ref.get_untracked() { let _ = b.focus(); }
                }
            }>
                {move || tr(lang.get(), "story.prev")}
            </button>
            <span class="story-keys">{move || tr(lang.get(), "story.keys")}</span>
            <button data-testid="story-next" node_ref=next_ref disabled=move || current.get() == count on:click=move |_| {
                let k = current.get_untracked() + 1;
                go(k);
                if k >= count {
                    if let Some(b) = prev_ref.get_untracked() { let _ = b.focus(); }
                }
            }>
                {move || tr(lang.get(), "story.next")}
            </button>
        </div>
    }
}
