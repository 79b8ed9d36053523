//! A chart container: builds its figure from the outcomes and hands it to
//! plotly.js when the analyses move (with the Monte Carlo band), so slider
//! input never waits for a chart.
//!
//! A chart is drawn only while it is on or near the screen (or the page is
//! printed), at the size its box has (so plotly.js never measures the page),
//! only when its figure changed, and through the page's [`DrawQueue`] (all
//! together, right after a settled change; after a drag, when it is let go); plotly.js
//! itself is fetched when the first chart comes near. The observers are
//! `web_sys` ones: a crate for two observers would weigh more than they do.
//!
//! [`DrawQueue`]: crate::draw_queue::DrawQueue

use crate::charts::{Figure, LegendOf};
use crate::components::chart_legend::{keep_legend, Legend};
use crate::components::chart_parts::{Caption, DataTable};
use crate::i18n::{tr, tr_with, Lang};
use crate::plotly_js::{self, Status};
use crate::state::use_app_state;
use changji_model::uncertainty::Spread;
use changji_model::Outcome;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Builds a chart from this scenario's outcome, the plan's, the pinned one, the
/// Monte Carlo spread and the language.
pub type Builder = fn(&Outcome, &Outcome, Option<&Outcome>, Option<&Spread>, Lang) -> Figure;

/// The size of a chart saved as a picture, in pixels.
pub(crate) const PNG_SIZE: (f64, f64) = (1200.0, 700.0);

/// The charts' text in presentation mode, in CSS px (13 otherwise): 18 px on a
/// 1920×1080 projector reads as about 9 pt on the slide.
const PRESENT_TEXT_PX: usize = 18;

/// How far outside the screen a chart starts drawing (and plotly.js loading).
const NEAR: &str = "300px 0px";

/// This chart's figure from the analysed scenario (so the bars and their
/// Monte Carlo band always belong together, even when an input came in after
/// the analyses), or `None` before the first analyses.
pub(crate) fn figure_now(state: crate::state::AppState, builder: Builder) -> Option<Figure> {
    let pinned = state.pinned_outcome.get_untracked();
    state.analyses.with_untracked(|a| {
        a.as_ref().map(|a| {
            state.plan.with_untracked(|p| {
                let fig = builder(
                    &a.outcome,
                    p,
                    pinned.as_ref(),
                    Some(&a.spread),
                    state.page.lang.get_untracked(),
                );
                // On a projector the chart's text grows with the page's.
                if state.page.present.get_untracked() {
                    fig.with_text_px(PRESENT_TEXT_PX)
                } else {
                    fig
                }
            })
        })
    })
}

/// One chart with its title. Its plot carries `data-drawn`, `data-synced`,
/// `data-draw-at` and `data-draw-ms` for the tests and the bench (every such
/// hook is listed in docs/quality.md).
#[component]
pub fn ChartBox(
    /// Translation key of the title.
    title: &'static str,
    /// Test id of the chart container.
    testid: &'static str,
    /// The figure builder.
    builder: Builder,
    /// Its legend.
    legend: LegendOf,
    /// Its place in the charts panel (presentation mode shows one chart).
    index: usize,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let plotly = state.page.plotly;
    let plot = Plot::new();
    let near = RwSignal::new(false);
    let printing = state.page.printing;
    let size = RwSignal::new((0.0f64, 0.0f64));
    let draw = move |wh: (f64, f64)| plot.draw(|| figure_now(state, builder), wh);

    watch_box(plot.node, near, size);
    let entries = RwSignal::new(Vec::new());
    keep_legend(state, legend, entries);
    Effect::new(move |_| {
        // Track everything the figure depends on. The analyses move once a
        // change has settled, however many inputs came before it.
        state.analyses.track();
        state.plan.track();
        state.pinned_outcome.track();
        state.page.present.track();
        lang.track();
        let (w, h) = size.get();
        if !(near.get() || printing.get()) || w < 1.0 || h < 1.0 {
            return;
        }
        match plotly.get() {
            Status::Idle => plotly_js::load(plotly),
            Status::Loading => {}
            Status::Failed => plot.failed.set(true),
            // Printing does not wait for a frame: the page is laid out for
            // paper right after this.
            Status::Ready if printing.get_untracked() => draw((w, h)),
            Status::Ready => state.page.draws.push(
                testid,
                Rc::new(move || {
                    if near.get_untracked() || printing.get_untracked() {
                        draw(size.get_untracked());
                    }
                }),
            ),
        }
    });
    let Plot {
        node,
        failed,
        drawn,
        synced,
        timing,
        last,
    } = plot;

    view! {
        <figure class="chart" class:presented=move || state.page.present_chart.get() == index>
            <Caption title=title testid=testid builder=builder drawn=drawn/>
            <div
                class="plot"
                role="img"
                aria-label=move || tr_with(lang.get(), "chart.alt", &[("title", tr(lang.get(), title))])
                node_ref=node
                data-testid=testid
                data-drawn=move || drawn.get().to_string()
                data-synced=move || synced.get().to_string()
                data-draw-at=move || format!("{:.1}", timing.get().0)
                data-draw-ms=move || format!("{:.1}", timing.get().1)
            ></div>
            <Legend entries=entries />
            <DataTable title=title builder=builder drawn=drawn figure=last/>
            {move || failed.get().then(|| view! {
                <p class="chart-fallback">{move || tr(lang.get(), "chart.unavailable")}</p>
            })}
        </figure>
    }
}

/// One chart's plot and what the page knows of it (`Copy` handles).
#[derive(Clone, Copy)]
struct Plot {
    node: NodeRef<leptos::html::Div>,
    /// plotly.js could not be loaded, or refused the figure.
    failed: RwSignal<bool>,
    /// Times it was redrawn.
    drawn: RwSignal<u32>,
    /// Times it was brought up to date (drawn, or found unchanged).
    synced: RwSignal<u32>,
    /// When the last redraw began (ms) and how long it took, figure and
    /// plotly.js together (the benchmark splits a settled input by them).
    timing: RwSignal<(f64, f64)>,
    /// The figure on screen, as plotly.js JSON (empty before the first draw).
    last: StoredValue<String, LocalStorage>,
}

impl Plot {
    fn new() -> Plot {
        Plot {
            node: NodeRef::new(),
            failed: RwSignal::new(false),
            drawn: RwSignal::new(0),
            synced: RwSignal::new(0),
            timing: RwSignal::new((0.0, 0.0)),
            last: StoredValue::new_local(String::new()),
        }
    }

    /// Hands the figure `fig` builds, at `(w, h)`, to plotly.js unless it is
    /// what the plot shows (the timing counts the building too).
    fn draw(self, fig: impl FnOnce() -> Option<Figure>, (w, h): (f64, f64)) {
        let began = crate::browser::now();
        let Some(el) = self.node.get_untracked() else {
            return;
        };
        let Some(fig) = fig() else {
            return;
        };
        let json = fig.to_json_redraw((w, h));
        if self.last.with_value(|l| *l != json) {
            // The first draw gives plotly.js the config; redraws leave it out.
            let config = self
                .last
                .with_value(String::is_empty)
                .then(Figure::config_json);
            let ok = plotly_js::react(&el, &json, config.as_deref());
            self.failed.set(!ok);
            if !ok {
                return;
            }
            self.last.set_value(json);
            self.timing.set((began, crate::browser::now() - began));
            self.drawn.update(|n| *n = n.wrapping_add(1));
        }
        self.synced.update(|n| *n = n.wrapping_add(1));
    }
}

/// Keeps `near` (the box is on or near the screen) and `size` (its content box,
/// in CSS pixels) up to date while the box lives.
fn watch_box(node: NodeRef<leptos::html::Div>, near: RwSignal<bool>, size: RwSignal<(f64, f64)>) {
    let on_cross = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            near.set(e.is_intersecting());
        }
    });
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
        {
            let r = e.content_rect();
            let next = (r.width().floor(), r.height().floor());
            if size.get_untracked() != next {
                size.set(next);
            }
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(NEAR);
    let crossing =
        web_sys::IntersectionObserver::new_with_options(on_cross.as_ref().unchecked_ref(), &init)
            .ok();
    let resizing = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if crossing.is_none() || resizing.is_none() {
        // A browser without the observers: draw at once, at the box's size.
        near.set(true);
    }
    let observers = StoredValue::new_local((crossing, resizing, on_cross, on_resize));
    node.on_load(move |el| {
        observers.with_value(|(crossing, resizing, ..)| {
            if let Some(o) = crossing {
                o.observe(&el);
            }
            match resizing {
                Some(o) => o.observe(&el),
                None => size.set((f64::from(el.client_width()), f64::from(el.client_height()))),
            }
        });
    });
    on_cleanup(move || {
        observers.with_value(|(crossing, resizing, ..)| {
            if let Some(o) = crossing {
                o.disconnect();
            }
            if let Some(o) = resizing {
                o.disconnect();
            }
        });
    });
}
