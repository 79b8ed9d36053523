//! The page's own state, beside the scenario's ([`crate::state::AppState`]):
//! how the page shows the scenario (language, presentation mode, the open
//! explanation, printing) and the machinery that draws it (plotly.js, the draw
//! queue). Nothing here changes a number the model computes.

use crate::i18n::Lang;
use changji_model::codec::Notice;
use leptos::prelude::*;

/// How the page shows the scenario. Copy, like the signals it holds.
#[derive(Clone, Copy)]
pub struct PageState {
    /// The page language.
    pub lang: RwSignal<Lang>,
    /// Notices from reading the URL, until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// Presentation mode (projector): large type, key levers only.
    pub present: RwSignal<bool>,
    /// The chart shown in presentation mode (0–3, in the charts panel's order).
    pub present_chart: RwSignal<usize>,
    /// The key of the number whose provenance is open, if any.
    pub explain: RwSignal<Option<String>>,
    /// Whether plotly.js is loaded (it is fetched when a chart first shows).
    pub plotly: RwSignal<crate::plotly_js::Status>,
    /// The page is being printed: every chart draws, on screen or not.
    pub printing: RwSignal<bool>,
    /// The analyses and chart redraws waiting for the user to let go of a slider.
    pub draws: crate::draw_queue::DrawQueue,
}

impl PageState {
    /// The page in `lang`, with the URL's notices, not presenting or printing.
    pub fn new(lang: Lang, notices: Vec<Notice>) -> PageState {
        PageState {
            lang: RwSignal::new(lang),
            notices: RwSignal::new(notices),
            present: RwSignal::new(false),
            present_chart: RwSignal::new(0),
            explain: RwSignal::new(None),
            plotly: RwSignal::new(crate::plotly_js::initial_status()),
            printing: RwSignal::new(false),
            draws: crate::draw_queue::DrawQueue::default(),
        }
    }
}
