//! A figure: its typed traces and layout, its JSON for plotly.js, and its
//! legend (drawn by the page as HTML).

use plotly::configuration::DisplayModeBar;
use plotly::{Bar, Configuration, Layout, Sankey, Scatter};
use serde::Serialize;

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    /// A filled box (bars).
    Bar,
    /// A line; `true` when dashed.
    Line(bool),
    /// A short bar across (caps and targets).
    Mark,
    /// A diamond (a single point).
    Point,
}

/// One entry of a chart's legend, which the page draws as HTML beside the
/// chart (plotly.js's own legend cost a third of each redraw; see the README).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The name, in the reader's language.
    pub name: String,
    /// Its colour.
    pub color: &'static str,
    /// Its mark.
    pub swatch: Swatch,
}

/// One trace of a figure, kept as its own type and serialized as itself.
/// (`plotly::Plot` holds `Box<dyn Trace>` and serializes it through
/// `erased-serde`; these four concrete types serialize directly: the same
/// JSON, and the page's WebAssembly 23.9 KB smaller gzipped, 428.0 → 404.1 KB
/// measured with `gzip -9c` on the release build.)
#[derive(Clone, Serialize)]
#[serde(untagged)]
pub(super) enum AnyTrace {
    /// Bars over categories.
    Bars(Box<Bar<String, f64>>),
    /// Marks over categories (caps and targets).
    Marks(Box<Scatter<String, f64>>),
    /// Lines and points over years.
    Lines(Box<Scatter<f64, f64>>),
    /// The flow diagram.
    Flows(Box<Sankey<f64>>),
}

impl From<Box<Bar<String, f64>>> for AnyTrace {
    fn from(t: Box<Bar<String, f64>>) -> Self {
        AnyTrace::Bars(t)
    }
}

impl From<Box<Scatter<String, f64>>> for AnyTrace {
    fn from(t: Box<Scatter<String, f64>>) -> Self {
        AnyTrace::Marks(t)
    }
}

impl From<Box<Scatter<f64, f64>>> for AnyTrace {
    fn from(t: Box<Scatter<f64, f64>>) -> Self {
        AnyTrace::Lines(t)
    }
}

impl From<Box<Sankey<f64>>> for AnyTrace {
    fn from(t: Box<Sankey<f64>>) -> Self {
        AnyTrace::Flows(t)
    }
}

/// The charts' plotly.js config: no mode bar, and no handles for dragging
/// the axes (the axes do not zoom; plotly.js would build eight handles and
/// their listeners on every redraw).
fn config() -> Configuration {
    Configuration::new()
        .display_mode_bar(DisplayModeBar::False)
        .show_axis_drag_handles(false)
}

/// plotly.js's figure object.
#[derive(Serialize)]
struct FigureJson<'a> {
    data: &'a [AnyTrace],
    layout: &'a Layout,
    #[serde(skip_serializing_if = "Option::is_none")]
    config: Option<&'a Configuration>,
}

/// A plotly.js figure: its traces and its layout, made into plotly.js's JSON
/// once its size is known (so the layout is never copied to be resized). Its
/// legend, drawn by the page, comes from the chart's own legend function
/// ([`super::LegendOf`]), which needs no figure.
#[derive(Clone)]
pub struct Figure {
    traces: Vec<AnyTrace>,
    layout: Layout,
}

impl Figure {
    /// A figure of `traces` over `layout`.
    pub(super) fn new(traces: Vec<AnyTrace>, layout: Layout) -> Self {
        Figure { traces, layout }
    }

    /// The figure with its text `px` CSS pixels high (presentation mode).
    pub fn with_text_px(mut self, px: usize) -> Self {
        self.layout = self.layout.font(super::font(px));
        self
    }

    /// The figure as a picture file would show it: `width` × `height`, with
    /// plotly.js's legend (the page's HTML legend is not in a PNG).
    pub fn to_json_for_image(self, size: (f64, f64)) -> String {
        let Figure { traces, layout } = self;
        Figure::new(traces, layout.show_legend(true)).to_json_sized(Some(size))
    }

    /// The figure as plotly.js takes it (`{"data", "layout", "config"}`, no
    /// mode bar), drawn `width` × `height` CSS pixels when both are given (the
    /// page sizes the charts itself, so plotly.js never measures the page to
    /// autosize).
    pub fn to_json_sized(self, size: Option<(f64, f64)>) -> String {
        self.json(size, true)
    }

    /// The figure without its config (`{"data", "layout"}`), for a chart in
    /// the page: plotly.js keeps the config of a chart's first draw (see
    /// [`Figure::config_json`]), and given one again it reads it anew and
    /// measures the chart's box, which makes the browser lay out the page
    /// before every redraw.
    pub fn to_json_redraw(self, size: (f64, f64)) -> String {
        self.json(Some(size), false)
    }

    /// The config of every chart (no mode bar, no axis drag handles), as JSON.
    pub fn config_json() -> String {
        serde_json::to_string(&config()).unwrap_or_default()
    }

    fn json(self, size: Option<(f64, f64)>, with_config: bool) -> String {
        let layout = match size {
            Some((w, h)) => {
                let px = |v: f64| v.round().max(1.0) as usize;
                self.layout.auto_size(false).width(px(w)).height(px(h))
            }
            None => self.layout,
        };
        let config = with_config.then(config);
        serde_json::to_string(&FigureJson {
            data: &self.traces,
            layout: &layout,
            config: config.as_ref(),
        })
        .unwrap_or_default()
    }

    /// The figure as JSON, with plotly.js sizing it to its container.
    pub fn to_json(self) -> String {
        self.to_json_sized(None)
    }
}
