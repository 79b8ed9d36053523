//! Provenance: for any number the page shows, its formula, its inputs with their
//! values, and where each input comes from (a plan section, a data source, the
//! user's setting, or another computed number that can be explained in turn).

use crate::data::{Data, Grade, Sourced, Text};
use crate::evaluate::{CapId, Outcome};
use crate::scenario::Scenario;
use serde::Serialize;

/// A number the page can explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Quantity {
    /// Total water use.
    Total,
    /// Primary (agricultural) use.
    Primary,
    /// Secondary (industrial) use.
    Secondary,
    /// Tertiary use.
    Tertiary,
    /// Conventional surface water used.
    Surface,
    /// Groundwater used.
    Groundwater,
    /// Other sources (reclaimed and non-conventional) used.
    Reclaimed,
    /// A cap's limit.
    Limit(CapId),
    /// Gross comprehensive irrigation quota.
    GrossQuota,
    /// Net comprehensive quota.
    NetQuota,
    /// Irrigated area.
    IrrigatedArea,
    /// Water per 万元 GDP.
    WaterPerGdp,
    /// Area the agricultural cap supports at the gross quota.
    SupportedArea,
    /// Saving by the plan's formula (十(二)1).
    Saving,
    /// Reduction from 2020's total use.
    Reduction,
    /// Saving from the crop mix against the year's plan mix.
    StructureSaving,
    /// Industrial reuse rate implied by the intake per 万元.
    IndustryReuse,
    /// Municipal reclaimed water used, 万m³/d.
    ReclaimedPerDay,
    /// A lever's value (by table index).
    Lever(usize),
}

impl Quantity {
    /// The id used in `data-prov` attributes: `total`, `limit-groundwater`, `lever-eta`, …
    pub fn key(self, data: &Data) -> String {
        match self {
            Quantity::Total => "total".into(),
            Quantity::Primary => "primary".into(),
            Quantity::Secondary => "secondary".into(),
            Quantity::Tertiary => "tertiary".into(),
            Quantity::Surface => "surface".into(),
            Quantity::Groundwater => "groundwater".into(),
            Quantity::Reclaimed => "reclaimed".into(),
            Quantity::Limit(c) => format!("limit-{}", c.as_str()),
            Quantity::GrossQuota => "gross_quota".into(),
            Quantity::NetQuota => "net_quota".into(),
            Quantity::IrrigatedArea => "irrigated_area".into(),
            Quantity::WaterPerGdp => "water_per_gdp".into(),
            Quantity::SupportedArea => "supported_area".into(),
            Quantity::Saving => "saving".into(),
            Quantity::Reduction => "reduction".into(),
            Quantity::StructureSaving => "structure_saving".into(),
            Quantity::IndustryReuse => "industry_reuse".into(),
            Quantity::ReclaimedPerDay => "reclaimed_per_day".into(),
            Quantity::Lever(i) => format!(
                "lever-{}",
                data.levers.get(i).map_or("?", |l| l.id.as_str())
            ),
        }
    }

    /// Reads a key written by [`Quantity::key`]; the cap values are the sources
    /// and uses they measure (`cap-total` is the total, and so on).
    pub fn parse(data: &Data, key: &str) -> Option<Quantity> {
        let cap = |s: &str| s.parse::<CapId>().ok();
        Some(match key {
            "total" | "cap-total" => Quantity::Total,
            "primary" | "cap-agriculture" => Quantity::Primary,
            "secondary" => Quantity::Secondary,
            "tertiary" => Quantity::Tertiary,
            "surface" | "cap-surface" => Quantity::Surface,
            "groundwater" | "cap-groundwater" => Quantity::Groundwater,
            "reclaimed" | "cap-other" => Quantity::Reclaimed,
            "gross_quota" => Quantity::GrossQuota,
            "net_quota" => Quantity::NetQuota,
            "irrigated_area" => Quantity::IrrigatedArea,
            "water_per_gdp" => Quantity::WaterPerGdp,
            "supported_area" => Quantity::SupportedArea,
            "saving" => Quantity::Saving,
            "reduction" => Quantity::Reduction,
            "structure_saving" => Quantity::StructureSaving,
            "industry_reuse" => Quantity::IndustryReuse,
            "reclaimed_per_day" => Quantity::ReclaimedPerDay,
            _ => {
                if let Some(c) = key.strip_prefix("limit-") {
                    Quantity::Limit(cap(c)?)
                } else if let Some(id) = key.strip_prefix("lever-") {
                    Quantity::Lever(data.lever_index(id)?)
                } else {
                    return None;
                }
            }
        })
    }
}

/// What kind of input a term is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TermKind {
    /// A lever of the scenario.
    Lever,
    /// A figure of the plan or the data.
    Constant,
    /// A calibration factor derived from the data.
    Calibration,
    /// Another computed number (see `link`).
    Derived,
}

/// One input of a formula.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The symbol used in the formula.
    pub symbol: &'static str,
    /// Lever id (for [`TermKind::Lever`]) or term id (translation `prov.term.<id>`).
    pub id: String,
    /// Kind of input.
    pub kind: TermKind,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// Where it comes from (for a lever: the preset value's source).
    pub source: Text,
    /// Confidence, where the data grades it.
    pub grade: Option<Grade>,
    /// For a lever: whether the user moved it away from the preset.
    pub changed: bool,
    /// For a derived term: the key of the quantity that explains it.
    pub link: Option<String>,
}

/// The explanation of one number.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The quantity's key.
    pub key: String,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// The formula, in the symbols of `terms`.
    pub formula: &'static str,
    /// The inputs.
    pub terms: Vec<Term>,
}

const YI: &str = "亿m³";

struct Ctx<'a> {
    data: &'a Data,
    s: &'a Scenario,
    base: Scenario,
}

impl Ctx<'_> {
    fn lever(&self, symbol: &'static str, id: &str) -> Term {
        let data = self.data;
        let i = data.lever_index(id).unwrap_or(usize::MAX);
        let l = data.levers.get(i);
        let value = self
            .s
            .values
            .get(i)
            .map_or(0.0, |&v| l.map_or(v, |l| l.clamp(v)));
        let preset = data.preset_value(&self.s.preset, id);
        let changed = self
            .base
            .values
            .get(i)
            .is_some_and(|b| (b - value).abs() > 1e-12);
        Term {
            symbol,
            id: id.to_string(),
            kind: TermKind::Lever,
            value,
            unit: l.map_or_else(String::new, |l| l.unit.clone()),
            source: preset.map_or_else(
                || l.map_or_else(Text::default, |l| l.source.clone()),
                |p| p.source.clone(),
            ),
            grade: preset.map(|p| p.grade),
            changed,
            link: None,
        }
    }

    fn constant(&self, symbol: &'static str, id: &str, c: &Sourced<f64>, unit: &str) -> Term {
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

    fn derived(&self, symbol: &'static str, q: Quantity, value: f64, unit: &str) -> Term {
        let key = q.key(self.data);
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

    fn computed(
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
fn return_source(data: &Data) -> Text {
    let c = &data.plan.constants;
    Text::new(
        format!(
            "推算：使2020年再生水利用率{}%（{}）、污水收集率{}%（{}）时得到{}万m³/d（{}）；见数据说明“再生水”",
            c.reuse_2020.value, c.reuse_2020.source.zh,
            c.collection_2020.value, c.collection_2020.source.zh,
            c.reclaimed_2020.value, c.reclaimed_2020.source.zh
        ),
        format!(
            "derived so that 2020's {} % reuse ({}) and {} % collection ({}) give {} 万m³/d ({}); see the data note on reclaimed water",
            c.reuse_2020.value, c.reuse_2020.source.en,
            c.collection_2020.value, c.collection_2020.source.en,
            c.reclaimed_2020.value, c.reclaimed_2020.source.en
        ),
    )
}

/// Explains one number of the outcome `o` of scenario `s`.
pub fn explain(data: &Data, s: &Scenario, o: &Outcome, q: Quantity) -> Explanation {
    let base = Scenario::preset(data, &s.preset).unwrap_or_else(|_| Scenario::default_for(data));
    let cx = Ctx { data, s, base };
    let c = &data.plan.constants;
    let d = &o.detail;
    let ind = &o.indicators;
    let caps = data.caps(f64::from(o.year));
    let (value, unit, formula, terms): (f64, String, &'static str, Vec<Term>) = match q {
        Quantity::Total => (
            o.total,
            YI.into(),
            "W = P + S + T",
            vec![
                cx.derived("P", Quantity::Primary, o.sectors.primary, YI),
                cx.derived("S", Quantity::Secondary, o.sectors.secondary, YI),
                cx.derived("T", Quantity::Tertiary, o.sectors.tertiary, YI),
            ],
        ),
        Quantity::Primary => (
            o.sectors.primary,
            YI.into(),
            "P = A × q ÷ 10⁴",
            vec![
                cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
                cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
            ],
        ),
        Quantity::GrossQuota => (
            ind.gross_quota,
            "m³/亩".into(),
            "q = q_net ÷ η",
            vec![
                cx.derived("q_net", Quantity::NetQuota, ind.net_quota, "m³/亩"),
                cx.lever("η", "eta"),
            ],
        ),
        Quantity::NetQuota => (
            ind.net_quota,
            "m³/亩".into(),
            "q_net = k × Σ(aᵢ × (d × qᵢ,drip + (1 − d) × qᵢ,conv)) ÷ Σaᵢ",
            vec![
                cx.computed(
                    "k",
                    "quota_factor",
                    d.calibration.quota_factor,
                    "",
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
                    ),
                ),
                cx.computed(
                    "q_field",
                    "field_quota",
                    d.field_quota,
                    "m³/亩",
                    Text::new(
                        "各作物田间定额（DB65/3611-2014北疆值及滴灌田间研究，见各作物来源）按作物面积aᵢ加权",
                        "each crop's field quota (DB65/3611-2014 northern Xinjiang values and drip field studies; see each crop's source), weighted by the crop areas aᵢ",
                    ),
                ),
                cx.lever("d", "drip"),
            ],
        ),
        Quantity::IrrigatedArea => (
            ind.irrigated_area,
            "万亩".into(),
            "A = Σaᵢ",
            data.levers
                .iter()
                .filter(|l| l.crop)
                .map(|l| cx.lever("aᵢ", &l.id))
                .collect(),
        ),
        Quantity::Secondary => (
            o.sectors.secondary,
            YI.into(),
            "S = VA₀ × (1 + g)^(y − y₀) × I ÷ 10⁴",
            vec![
                cx.constant("VA₀", "industry_va_base", &c.industry_va_base, "亿元"),
                cx.lever("g", "industry_growth"),
                cx.lever("y", "year"),
                cx.constant("y₀", "base_year", &c.base_year, ""),
                cx.lever("I", "industry_intensity"),
            ],
        ),
        Quantity::Tertiary => (
            o.sectors.tertiary,
            YI.into(),
            "T = Nᵤ × Lᵤ × 365 ÷ (1 − λ) + Nᵣ × Lᵣ × 365 + E",
            vec![
                cx.lever("Nᵤ", "urban_pop"),
                cx.lever("Lᵤ", "urban_lpd"),
                cx.lever("λ", "leakage"),
                cx.lever("Nᵣ", "rural_pop"),
                cx.lever("Lᵣ", "rural_lpd"),
                cx.lever("E", "eco"),
            ],
        ),
        Quantity::Reclaimed => (
            o.sources.reclaimed,
            YI.into(),
            "O = min((U + S) × f × c × u + N, S + E)",
            vec![
                cx.computed(
                    "U",
                    "urban_use",
                    d.urban_use,
                    YI,
                    Text::new(
                        "城镇人口 × 人均日用水量 × 365（调节项）",
                        "urban population × litres a day × 365 (levers)",
                    ),
                ),
                cx.derived("S", Quantity::Secondary, o.sectors.secondary, YI),
                cx.computed("f", "return_factor", d.calibration.return_factor, "", return_source(data)),
                cx.lever("c", "collection"),
                cx.lever("u", "reuse"),
                cx.lever("N", "other_nonconv"),
                cx.lever("E", "eco"),
            ],
        ),
        Quantity::Surface => (
            o.sources.surface,
            YI.into(),
            "Sf = min(cap_s, Q × φ(p), W − O)",
            vec![
                cx.constant("cap_s", "surface", &caps.surface, YI),
                cx.lever("Q", "surface"),
                cx.computed("φ(p)", "runoff_factor", d.runoff_factor, "", data.plan.runoff_source.clone()),
                cx.lever("p", "runoff"),
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.derived("O", Quantity::Reclaimed, o.sources.reclaimed, YI),
            ],
        ),
        Quantity::Groundwater => (
            o.sources.groundwater,
            YI.into(),
            "G = W − O − Sf",
            vec![
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.derived("O", Quantity::Reclaimed, o.sources.reclaimed, YI),
                cx.derived("Sf", Quantity::Surface, o.sources.surface, YI),
            ],
        ),
        Quantity::Limit(id) => {
            let cap = caps.get(id);
            (
                cap.value,
                YI.into(),
                "cap",
                vec![cx.constant("cap", id.as_str(), cap, YI)],
            )
        }
        Quantity::WaterPerGdp => (
            ind.water_per_gdp,
            "m³/万元".into(),
            "w = W ÷ (GDP₀ × (1 + g)^(y − y₀))",
            vec![
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.constant("W₀", "total_2020", &c.total_2020, YI),
                cx.constant("w₀", "water_per_gdp_2020", &c.water_per_gdp_2020, "m³/万元"),
                cx.computed(
                    "GDP₀",
                    "gdp_2020",
                    c.total_2020.value * 1e8 / c.water_per_gdp_2020.value / 1e4,
                    "亿元",
                    Text::new(
                        "W₀ ÷ w₀（可比价）；见数据说明“GDP口径”",
                        "W₀ ÷ w₀ (comparable prices); see the data note on the GDP basis",
                    ),
                ),
                cx.lever("g", "gdp_growth"),
                cx.lever("y", "year"),
            ],
        ),
        Quantity::SupportedArea => (
            ind.supported_area,
            "万亩".into(),
            "A_s = cap_agri × 10⁴ ÷ q",
            vec![
                cx.constant("cap_agri", "agriculture", &caps.agriculture, YI),
                cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
            ],
        ),
        Quantity::Saving => (
            ind.saving_vs_2020,
            YI.into(),
            "ΔW = A_p × q_p × η_p ÷ η₂₀₂₀ ÷ 10⁴ − P",
            vec![
                cx.constant("A_p", "plan_area", &c.plan_area, "万亩"),
                cx.constant("q_p", "plan_gross_quota", &c.plan_gross_quota, "m³/亩"),
                cx.constant("η_p", "plan_eta", &c.plan_eta, ""),
                cx.constant("η₂₀₂₀", "eta_2020", &c.eta_2020, ""),
                cx.derived("P", Quantity::Primary, o.sectors.primary, YI),
            ],
        ),
        Quantity::Reduction => (
            ind.reduction_vs_2020,
            YI.into(),
            "ΔW = W₂₀₂₀ − W",
            vec![
                cx.constant("W₂₀₂₀", "total_2020", &c.total_2020, YI),
                cx.derived("W", Quantity::Total, o.total, YI),
            ],
        ),
        Quantity::StructureSaving => (
            ind.structure_saving,
            YI.into(),
            "ΔW = A × k × (q_field,plan − q_field) ÷ η ÷ 10⁴",
            vec![
                cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
                cx.computed(
                    "k",
                    "quota_factor",
                    d.calibration.quota_factor,
                    "",
                    Text::new("见综合净灌溉定额", "see the net comprehensive quota"),
                ),
                cx.computed(
                    "q_field,plan",
                    "reference_field_quota",
                    d.field_quota + ind.structure_saving * 1e4 * ind.eta
                        / (ind.irrigated_area * d.calibration.quota_factor).max(1e-12),
                    "m³/亩",
                    Text::new(
                        "本年份规划情景的作物结构（示意值，L级）在本情景高效节水比例下的加权田间定额",
                        "the field quota of the year's plan crop mix (illustrative, grade L) at this scenario's drip share",
                    ),
                ),
                cx.computed(
                    "q_field",
                    "field_quota",
                    d.field_quota,
                    "m³/亩",
                    Text::new("本情景作物结构的加权田间定额", "the field quota of this scenario's crop mix"),
                ),
                cx.lever("η", "eta"),
            ],
        ),
        Quantity::IndustryReuse => (
            ind.industry_reuse,
            "%".into(),
            "r = 1 − I × (1 − r₀) ÷ I₀",
            vec![
                cx.lever("I", "industry_intensity"),
                cx.constant("r₀", "industry_reuse_base", &c.industry_reuse_base, "%"),
                cx.constant("I₀", "industry_intensity_2020", &c.industry_intensity_2020, "m³/万元"),
            ],
        ),
        Quantity::ReclaimedPerDay => (
            ind.reclaimed_m3_per_day,
            "万m³/d".into(),
            "R = M × O ÷ (M + N) × 10⁴ ÷ 365",
            vec![
                cx.computed(
                    "M",
                    "municipal_reclaimed",
                    d.municipal_reclaimed,
                    YI,
                    Text::new("(U + S) × f × c × u：见其他水源的公式", "(U + S) × f × c × u: see the formula of other sources"),
                ),
                cx.derived("O", Quantity::Reclaimed, o.sources.reclaimed, YI),
                cx.lever("N", "other_nonconv"),
            ],
        ),
        Quantity::Lever(i) => {
            let id = data.levers.get(i).map_or("", |l| l.id.as_str());
            let t = cx.lever("x", id);
            (t.value, t.unit.clone(), "x", vec![t])
        }
    };
    Explanation {
        key: q.key(data),
        value,
        unit,
        formula,
        terms,
    }
}
