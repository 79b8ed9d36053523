//! Numbers and units as each language writes them.

use crate::i18n::Lang;

/// `x` with `decimals` decimals and thousands separators (`12,345.6`);
/// non-finite values print as an em dash.
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    out
}

/// A unit as the language writes it (the model's units are Chinese).
pub fn unit(lang: Lang, u: &str) -> String {
    match lang {
        Lang::Zh => match u {
            "%/年" => "%/年".into(),
            other => other.into(),
        },
        Lang::En => match u {
            "亿m³" => "×10⁸ m³".into(),
            "万亩" => "×10⁴ mu".into(),
            "万人" => "×10⁴ people".into(),
            "万m³/d" => "×10⁴ m³/d".into(),
            "m³/亩" => "m³/mu".into(),
            "m³/万元" => "m³/10⁴ yuan".into(),
            "L/人·d" => "L/person/day".into(),
            "%/年" => "%/yr".into(),
            other => other.into(),
        },
    }
}

/// `x` with its unit: `24.26 亿m³`, `8.26%`, `0.670`.
pub fn with_unit(lang: Lang, x: f64, decimals: usize, u: &str) -> String {
    let n = num(x, decimals);
    match u {
        "" => n,
        "%" => format!("{n}%"),
        _ => format!("{n} {}", unit(lang, u)),
    }
}

/// Decimals that suit a lever's step (0.005 → 3, 0.1 → 1, 5 → 0).
pub fn decimals_for_step(step: f64) -> usize {
    let mut d = 0;
    let mut s = step.abs();
    while d < 6 && (s - s.round()).abs() > 1e-9 {
        s *= 10.0;
        d += 1;
    }
    d
}

/// A lever's value as shown: for a lever of listed options whose marks name
/// them (a dry year's shortfall: held or pumped), the mark's name; else the
/// number with its unit.
pub fn lever_value(lang: Lang, def: &changji_model::LeverDef, v: f64) -> String {
    let named = def
        .options
        .as_ref()
        .and_then(|_| def.marks.iter().find(|m| (m.value - v).abs() < 1e-9));
    match named {
        Some(m) => crate::i18n::tr(lang, &m.label),
        None if def.options.is_some() => lever_num(def, v),
        None => with_unit(lang, v, decimals_for_step(def.step), &def.unit),
    }
}

/// A lever's number at its step's decimals: grouped in thousands, except for
/// a lever of listed options (the year reads "2025", never "2,025").
pub fn lever_num(def: &changji_model::LeverDef, v: f64) -> String {
    let d = decimals_for_step(def.step);
    if def.options.is_some() && v.is_finite() {
        format!("{v:.d$}")
    } else {
        num(v, d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_never_takes_a_thousands_separator() {
        let d = changji_model::Data::get();
        let year = d.def(changji_model::LeverId::Year);
        assert_eq!(lever_num(year, 2025.0), "2025");
        assert_eq!(lever_value(crate::i18n::Lang::En, year, 2030.0), "2030");
        let cotton = d.def(changji_model::LeverId::Cotton);
        assert_eq!(lever_num(cotton, 1234.5), "1,234.5");
    }

    #[test]
    fn groups_and_rounds() {
        assert_eq!(num(24.259, 2), "24.26");
        assert_eq!(num(12345.678, 1), "12,345.7");
        assert_eq!(num(-0.0001, 2), "0.00");
        assert_eq!(num(-1.5, 1), "−1.5");
        assert_eq!(num(f64::NAN, 2), "—");
        assert_eq!(num(1000.0, 0), "1,000");
    }

    #[test]
    fn units_per_language() {
        assert_eq!(with_unit(Lang::Zh, 24.26, 2, "亿m³"), "24.26 亿m³");
        assert_eq!(with_unit(Lang::En, 24.26, 2, "亿m³"), "24.26 ×10⁸ m³");
        assert_eq!(with_unit(Lang::En, 8.26, 2, "%"), "8.26%");
        assert_eq!(with_unit(Lang::Zh, 0.67, 3, ""), "0.670");
    }

    #[test]
    fn decimals_follow_steps() {
        assert_eq!(decimals_for_step(0.005), 3);
        assert_eq!(decimals_for_step(0.1), 1);
        assert_eq!(decimals_for_step(0.01), 2);
        assert_eq!(decimals_for_step(5.0), 0);
    }
}
