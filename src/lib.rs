//! The Changji water scenario explorer: a Leptos (CSR) page over the
//! [`changji_model`] allocation model.
//!
//! The pipeline is one-way: URL → `RwSignal<Scenario>` → `Memo<Outcome>` → views.
//! Components live here (not in `main.rs`) so native tests can import the pure
//! parts: formatting, translation, chart building.

pub mod actuals_store;
pub mod browser;
pub mod challenge;
pub mod charts;
pub mod components;
pub mod draw_queue;
pub mod export;
pub mod follow;
pub mod fonts;
pub mod format;
pub mod html;
pub mod i18n;
pub mod page_state;
pub mod plotly_js;
pub mod prerender;
pub mod qr;
pub mod state;
pub mod storage;
pub mod story;
pub mod url;

pub use components::app::App;
pub use components::later::reveal_when_ready;
