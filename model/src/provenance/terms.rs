//! The inputs of a formula: levers, plan figures, calibrations and other
//! computed numbers, each with its value and where it comes from.

use super::{Quantity, Term, TermKind};
use crate::data::{Constants, Data, Sourced, Text};
use crate::lever_id::LeverId;
use crate::scenario::Scenario;

pub(super) const YI: &str = "亿m³";

pub(super) struct Ctx<'a> {
    pub(super) data: &'a Data,
    pub(super) s: &'a Scenario,
    pub(super) base: Scenario,
}

impl Ctx<'_> {
    pub(super) fn lever(&self, symbol: &'static str, id: LeverId) -> Term {
        let data = self.data;
        let l = data.def(id);
        let value = l.clamp(self.s.value(id));
        let (source, grade) = data.lever_source(&self.s.preset, id);
        let changed = (self.base.value(id) - value).abs() > 1e-12;
        Term {
            symbol,
            id: id.to_string(),
            kind: TermKind::Lever,
            value,
            unit: l.unit.clone(),
            source: source.clone(),
            grade,
            changed,
            link: None,
        }
    }

    pub(super) fn constant(
        &self,
        symbol: &'static str,
        id: &str,
        c: &Sourced<f64>,
        unit: &str,
    ) -> Term {
        Term {
            symbol,
            id: id.to_string(),
            kind: TermKind::Constant,
            value: c.value,
            unit: unit.to_string(),
            source: c.source.clone(),
            grade: Some(c.grade),
            changed: false,
            link: None,
        }
    }

    pub(super) fn derived(
        &self,
        symbol: &'static str,
        q: Quantity,
        value: f64,
        unit: &str,
    ) -> Term {
        let key = q.key();
        Term {
            symbol,
            id: key.clone(),
            kind: TermKind::Derived,
            value,
            unit: unit.to_string(),
            source: Text::default(),
            grade: None,
            changed: false,
            link: Some(key),
        }
    }

    pub(super) fn computed(
        &self,
        symbol: &'static str,
        id: &str,
        value: f64,
        unit: &str,
        source: Text,
    ) -> Term {
        Term {
            symbol,
            id: id.to_string(),
            kind: TermKind::Calibration,
            value,
            unit: unit.to_string(),
            source,
            grade: None,
            changed: false,
            link: None,
        }
    }
}

/// Where the wastewater return factor comes from, in both languages.
pub(super) fn return_source(data: &Data) -> Text {
    let c = &data.plan.constants;
    Text::new(
        format!(
            "推算：城镇污水量与城镇生活及公共用水之比，使2020年再生水利用率{}%（{}）、污水收集率{}%（{}）时得到{}万m³/d（{}）；大于1，说明污水处理厂进水多于按人均用水计算的量；见数据说明“再生水”",
            c.reuse_2020.value, c.reuse_2020.source.zh,
            c.collection_2020.value, c.collection_2020.source.zh,
            c.reclaimed_2020.value, c.reclaimed_2020.source.zh
        ),
        format!(
            "derived: town sewage per unit of town domestic and public use, so that 2020's {} % reuse ({}) and {} % collection ({}) give {} 万m³/d ({}); above 1, so the plants treat more than per-person use accounts for; see the data note on reclaimed water",
            c.reuse_2020.value, c.reuse_2020.source.en,
            c.collection_2020.value, c.collection_2020.source.en,
            c.reclaimed_2020.value, c.reclaimed_2020.source.en
        ),
    )
}

/// Where the irrigation water not delivered comes from.
pub(super) fn undelivered_source() -> Text {
    Text::new(
        "未能供给的灌溉水：枯水年地下水按指标封顶（规划§14.4地下水水量和水位双控）时，地表水不足的部分；“超采补缺”读法下为0",
        "irrigation water not delivered: in a dry year with groundwater held at its cap (plan §14.4, abstraction and water level both capped), what surface water cannot give; 0 under the 'shortfall pumped' reading",
    )
}

/// Where the quota calibration factor k comes from.
pub(super) fn quota_factor_source(c: &Constants) -> Text {
    Text::new(
        format!(
            "推算：{} m³/亩（{}）× {}（{}）÷ 规划2025作物结构的加权田间定额；见数据说明“定额校准”",
            c.plan_gross_quota.value, c.plan_gross_quota.source.zh,
            c.plan_eta.value, c.plan_eta.source.zh
        ),
        format!(
            "derived: {} m³/亩 ({}) × {} ({}) ÷ the plan-2025 crop mix's field quota; see the data note on calibration",
            c.plan_gross_quota.value, c.plan_gross_quota.source.en,
            c.plan_eta.value, c.plan_eta.source.en
        ),
    )
}

/// What the weighted field quota q_field is.
pub(super) fn field_quota_source() -> Text {
    Text::new(
        "Σ(aᵢ × (d × qᵢ,滴灌 + (1 − d) × qᵢ,常规)) ÷ Σaᵢ：各作物田间定额（DB65/3611-2014北疆值及滴灌田间研究，见各作物来源）按高效节水比例d与作物面积aᵢ加权",
        "Σ(aᵢ × (d × qᵢ,drip + (1 − d) × qᵢ,conv)) ÷ Σaᵢ: each crop's field quota (DB65/3611-2014 northern Xinjiang values and drip field studies; see each crop's source), weighted by the drip share d and the crop areas aᵢ",
    )
}
