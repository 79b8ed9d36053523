//! The four charts.

use crate::charts::{
    flow_chart, flow_legend, path_chart, path_legend, sectors_chart, sectors_legend, sources_chart,
    sources_legend,
};
use crate::components::chart_box::ChartBox;
use leptos::prelude::*;

/// How many charts the panel has (presentation mode shows one, `C` moves on).
pub const CHART_COUNT: usize = 4;

/// Supply, sectors, path and flows, each beside the plan.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    view! {
        <section class="charts">
            <ChartBox title="chart.sources" testid="chart-sources" builder=sources_chart legend=sources_legend index=0/>
            <ChartBox title="chart.sectors" testid="chart-sectors" builder=sectors_chart legend=sectors_legend index=1/>
            <ChartBox title="chart.path" testid="chart-path" builder=path_chart legend=path_legend index=2/>
            <ChartBox title="chart.flow" testid="chart-flow" builder=flow_chart legend=flow_legend index=3/>
        </section>
    }
}
