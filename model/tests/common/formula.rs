//! A small evaluator for the provenance dialog's formulas ("W = P + S + T"),
//! so a test can recompute every explained number from the terms the dialog
//! lists: `+ − × ÷ ^`, parentheses, `min(…)`, `max(…)`, numbers (`10⁴` is 10 to the 4th),
//! `Σx` (the sum of every term named `x`), `Σ(…)` (the sum over `i` of the
//! expression, where a symbol several terms share, `aᵢ`, is the `i`-th of
//! them), and the terms' own symbols, matched longest first (`q_field,plan`,
//! `φ(p)`, `η₂₀₂₀`).

/// The value of `formula`'s right-hand side (or of the whole text when it has
/// no `=`), with each symbol's value from `terms` (symbol, value).
pub fn recompute(formula: &str, terms: &[(&str, f64)]) -> Result<f64, String> {
    let rhs = formula.split_once('=').map_or(formula, |(_, r)| r);
    let mut symbols: Vec<&str> = terms.iter().map(|t| t.0).collect();
    symbols.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    symbols.dedup();
    let mut p = Parser {
        rest: rhs.trim(),
        terms,
        symbols,
        index: None,
    };
    let v = p.sum()?;
    p.skip();
    if p.rest.is_empty() {
        Ok(v)
    } else {
        Err(format!("cannot read '{}' in '{formula}'", p.rest))
    }
}

struct Parser<'a> {
    rest: &'a str,
    terms: &'a [(&'a str, f64)],
    symbols: Vec<&'a str>,
    /// Inside `Σ(…)`: which of a shared symbol's terms is meant.
    index: Option<usize>,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

impl Parser<'_> {
    fn skip(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip();
        match self.rest.strip_prefix(token) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    fn sum(&mut self) -> Result<f64, String> {
        let mut v = self.product()?;
        loop {
            if self.eat("+") {
                v += self.product()?;
            } else if self.eat("−") || self.eat("-") {
                v -= self.product()?;
            } else {
                return Ok(v);
            }
        }
    }

    fn product(&mut self) -> Result<f64, String> {
        let mut v = self.power()?;
        loop {
            if self.eat("×") {
                v *= self.power()?;
            } else if self.eat("÷") {
                v /= self.power()?;
            } else {
                return Ok(v);
            }
        }
    }

    fn power(&mut self) -> Result<f64, String> {
        let base = self.unary()?;
        if self.eat("^") {
            Ok(base.powf(self.power()?))
        } else {
            Ok(base)
        }
    }

    fn unary(&mut self) -> Result<f64, String> {
        if self.eat("−") || self.eat("-") {
            return Ok(-self.unary()?);
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<f64, String> {
        self.skip();
        // Symbols first: a term's symbol may begin like a function (`φ(p)`).
        if let Some(sym) = self
            .symbols
            .iter()
            .copied()
            .find(|s| self.rest.starts_with(s))
        {
            self.rest = &self.rest[sym.len()..];
            let found: Vec<f64> = self
                .terms
                .iter()
                .filter(|t| t.0 == sym)
                .map(|t| t.1)
                .collect();
            return match (&found[..], self.index) {
                ([v], _) => Ok(*v),
                (many, Some(i)) if i < many.len() => Ok(many[i]),
                _ => Err(format!(
                    "'{sym}' names {} terms; write Σ{sym} or Σ(…)",
                    found.len()
                )),
            };
        }
        if self.eat("Σ(") {
            // As many rounds as the largest group of terms sharing a symbol.
            let n = self
                .symbols
                .iter()
                .map(|s| self.terms.iter().filter(|t| t.0 == *s).count())
                .max()
                .unwrap_or(1);
            let (start, outer) = (self.rest, self.index);
            let mut total = 0.0;
            for i in 0..n {
                self.rest = start;
                self.index = Some(i);
                total += self.sum()?;
            }
            self.index = outer;
            return if self.eat(")") {
                Ok(total)
            } else {
                Err("Σ( without )".into())
            };
        }
        if self.eat("Σ") {
            self.skip();
            let sym = self
                .symbols
                .iter()
                .copied()
                .find(|s| self.rest.starts_with(s));
            let Some(sym) = sym else {
                return Err(format!("Σ of no term at '{}'", self.rest));
            };
            self.rest = &self.rest[sym.len()..];
            return Ok(self.terms.iter().filter(|t| t.0 == sym).map(|t| t.1).sum());
        }
        for (name, pick) in [
            ("min(", f64::min as fn(f64, f64) -> f64),
            ("max(", f64::max),
        ] {
            if self.eat(name) {
                let mut v = self.sum()?;
                while self.eat(",") {
                    v = pick(v, self.sum()?);
                }
                return if self.eat(")") {
                    Ok(v)
                } else {
                    Err(format!("{name} without )"))
                };
            }
        }
        if self.eat("(") {
            let v = self.sum()?;
            return if self.eat(")") {
                Ok(v)
            } else {
                Err("( without )".into())
            };
        }
        self.number()
    }

    fn number(&mut self) -> Result<f64, String> {
        let digits: String = self
            .rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if digits.is_empty() {
            return Err(format!("no term or number at '{}'", self.rest));
        }
        self.rest = &self.rest[digits.len()..];
        let mut v: f64 = digits.parse().map_err(|e| format!("{digits}: {e}"))?;
        let exp: String = self
            .rest
            .chars()
            .take_while(|c| SUPERSCRIPTS.contains(c))
            .collect();
        if !exp.is_empty() {
            self.rest = &self.rest[exp.len()..];
            let e = exp.chars().fold(0, |n, c| {
                n * 10 + SUPERSCRIPTS.iter().position(|s| *s == c).unwrap_or(0)
            });
            // "10⁴": 10 to the 4th.
            v = v.powi(e as i32);
        }
        Ok(v)
    }
}
