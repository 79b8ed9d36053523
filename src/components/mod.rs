//! The page's components, one per file.

pub mod app;
pub mod cap_card;
pub mod cap_panel;
pub mod cap_select;
pub mod chart_box;
pub mod chart_legend;
pub mod chart_parts;
pub mod charts_panel;
pub mod compare;
pub mod export_button;
pub mod header;
pub mod indicators;
pub mod lang_button;
pub mod later;
pub mod lever;
pub mod lever_panel;
pub mod notes;
pub mod notices;
pub mod print_brief;
pub mod provenance;
mod provenance_open;
pub mod public;
pub mod saved_panel;
pub mod share;
pub mod solve;
pub mod summary_bar;
pub mod waterfall;
