//! A chart's figures as rows of a table: its text alternative, read from the
//! very JSON plotly.js drew (so the table and the picture cannot disagree).
//! Bars and lines give one row per point (series, category or year, value);
//! the flow diagram one row per flow (from, to, value).

use serde_json::Value;

/// One row: the series (or the flow's source), the category (or its
/// target), and the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The series' name, or where a flow comes from.
    pub series: String,
    /// The category or year, or where a flow goes.
    pub at: String,
    /// The value.
    pub value: f64,
}

/// The rows of a figure's JSON (`{"data": [...], ...}`); none for JSON that
/// is not a figure. Traces without a name and points without a number are
/// left out.
pub fn rows(json: &str) -> Vec<Row> {
    let Ok(fig) = serde_json::from_str::<Value>(json) else {
        return Vec::new();
    };
    let Some(traces) = fig.get("data").and_then(Value::as_array) else {
        return Vec::new();
    };
    traces.iter().flat_map(trace_rows).collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// A flow node's name from the label the diagram draws: its first line
/// without the value that ends it ("地表水 16.06<br>规划情景 16.06" → "地表水");
/// the table gives the flow's own value, and a screen reader must not read
/// plotly.js's `<br>` out.
fn node_name(label: &str) -> &str {
    let first = label.split("<br>").next().unwrap_or_default().trim();
    match first.rsplit_once(' ') {
        Some((name, last)) if last.replace(',', "").parse::<f64>().is_ok() => name.trim_end(),
        _ => first,
    }
}

fn trace_rows(t: &Value) -> Vec<Row> {
    if t.get("type").and_then(Value::as_str) == Some("sankey") {
        let labels: Vec<String> = t
            .pointer("/node/label")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(text).collect())
            .unwrap_or_default();
        let list = |k: &str| {
            t.pointer(&format!("/link/{k}"))
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (src, dst, val) = (list("source"), list("target"), list("value"));
        let label = |v: &Value| {
            v.as_u64()
                .and_then(|i| labels.get(i as usize))
                .map(|l| node_name(l).to_string())
                .unwrap_or_default()
        };
        return src
            .iter()
            .zip(&dst)
            .zip(&val)
            .filter_map(|((s, d), v)| {
                Some(Row {
                    series: label(s),
                    at: label(d),
                    value: v.as_f64()?,
                })
            })
            .collect();
    }
    let Some(name) = t
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
    else {
        return Vec::new();
    };
    let xs = t
        .get("x")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let ys = t
        .get("y")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    xs.iter()
        .zip(&ys)
        .filter_map(|(x, y)| {
            Some(Row {
                series: name.to_string(),
                at: text(x),
                value: y.as_f64()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_lines_and_flows_become_rows() {
        let json = r#"{"data":[
            {"type":"bar","name":"本情景","x":["地表水","地下水"],"y":[16.06,7.64]},
            {"type":"scatter","x":["地表水"],"y":[16.06]},
            {"type":"scatter","name":"实际","x":[2020,2022],"y":[25.48,null]},
            {"type":"sankey","node":{"label":["地表水","农业 1,020.5<br>规划情景 20.63"]},"link":{"source":[0],"target":[1],"value":[12.5]}}
        ],"layout":{}}"#;
        let r = rows(json);
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(
            r[0],
            Row {
                series: "本情景".into(),
                at: "地表水".into(),
                value: 16.06
            }
        );
        assert_eq!(
            r[2],
            Row {
                series: "实际".into(),
                at: "2020".into(),
                value: 25.48
            }
        );
        assert_eq!(
            r[3],
            Row {
                series: "地表水".into(),
                at: "农业".into(),
                value: 12.5
            }
        );
        assert!(rows("not json").is_empty());
        assert!(rows(r#"{"layout":{}}"#).is_empty());
    }

    #[test]
    fn every_chart_of_the_plan_has_rows() {
        use crate::charts::{flow_chart, path_chart, sectors_chart, sources_chart};
        use crate::i18n::Lang;
        let d = changji_model::Data::get();
        let s = changji_model::Scenario::preset(d, "plan-2025").expect("preset");
        let o = changji_model::evaluate(&s, d);
        for (name, b) in [
            (
                "sources",
                sources_chart as crate::components::chart_box::Builder,
            ),
            ("sectors", sectors_chart),
            ("path", path_chart),
            ("flow", flow_chart),
        ] {
            let r = rows(&b(&o, &o, None, None, Lang::Zh).to_json());
            assert!(r.len() >= 3, "{name}: {r:?}");
            assert!(
                r.iter()
                    .all(|x| x.value.is_finite() && !x.series.is_empty()),
                "{name}"
            );
        }
    }
}
