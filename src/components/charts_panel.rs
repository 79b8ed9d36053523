//! The four charts.

use crate::charts::{flow_chart, path_chart, sectors_chart, sources_chart};
use crate::components::chart_box::ChartBox;
use leptos::prelude::*;

/// Supply, sectors, path and flows, each beside the plan.
#[component]
pub fn ChartsPanel() -> impl IntoView {
    view! {
        <section class="charts">
            <ChartBox title="chart.sources" testid="chart-sources" builder=sources_chart/>
            <ChartBox title="chart.sectors" testid="chart-sectors" builder=sectors_chart/>
            <ChartBox title="chart.path" testid="chart-path" builder=path_chart/>
            <ChartBox title="chart.flow" testid="chart-flow" builder=flow_chart/>
        </section>
    }
}
