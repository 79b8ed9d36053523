//! Attribution: how much each changed lever contributed to moving each cap's
//! value from one scenario (the plan's) to another (the user's).
//!
//! The method is the Shapley value: a lever's contribution is its marginal
//! effect averaged over every order in which the changes could be made. It is
//! the one split that is order-independent, adds up exactly to the total
//! change, and gives interactions (η and crop area multiply) to both levers
//! fairly; one-at-a-time differences do neither of the last two. It is exact,
//! by evaluating every subset of changes: up to [`MAX_PLAYERS`] changed levers
//! that is at most 1,024 evaluations; with more, levers are grouped by their
//! panel group (crops, irrigation, towns, industry, supply) and the groups
//! share the change instead.

use crate::data::Data;
use crate::evaluate::{evaluate, CapId};
use crate::scenario::Scenario;
use serde::Serialize;

/// Most changed levers attributed one by one; above this, by group.
pub const MAX_PLAYERS: usize = 10;

/// One contributor: a lever, or a group of levers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Player {
    /// The lever id, or the group id when `grouped`.
    pub id: String,
    /// Whether this is a lever group.
    pub grouped: bool,
    /// Indices of the levers in the table.
    pub levers: Vec<usize>,
}

/// One cap's waterfall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CapWaterfall {
    /// Which cap.
    pub id: CapId,
    /// The value in the starting scenario.
    pub from: f64,
    /// The value in the end scenario.
    pub to: f64,
    /// The end scenario's cap.
    pub limit: f64,
    /// Each player's contribution, in [`Attribution::players`] order; they add
    /// up to `to - from`.
    pub contributions: Vec<f64>,
}

/// The attribution of every cap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The contributors.
    pub players: Vec<Player>,
    /// One waterfall per cap, in [`CapId::ALL`] order.
    pub caps: Vec<CapWaterfall>,
}

impl Attribution {
    /// One cap's waterfall.
    pub fn cap(&self, id: CapId) -> Option<&CapWaterfall> {
        self.caps.iter().find(|c| c.id == id)
    }
}

fn players(data: &Data, from: &Scenario, to: &Scenario) -> Vec<Player> {
    let changed: Vec<usize> = (0..data.levers.len())
        .filter(|&i| {
            let (a, b) = (from.values.get(i), to.values.get(i));
            matches!((a, b), (Some(a), Some(b)) if (a - b).abs() > 1e-12)
        })
        .collect();
    if changed.len() <= MAX_PLAYERS {
        return changed
            .into_iter()
            .map(|i| Player {
                id: data.levers[i].id.to_string(),
                grouped: false,
                levers: vec![i],
            })
            .collect();
    }
    let mut groups: Vec<Player> = Vec::new();
    for i in changed {
        let g = &data.levers[i].group;
        match groups.iter_mut().find(|p| &p.id == g) {
            Some(p) => p.levers.push(i),
            None => groups.push(Player {
                id: g.clone(),
                grouped: true,
                levers: vec![i],
            }),
        }
    }
    groups
}

/// Attributes the change of every cap's value from `from` to `to`.
pub fn attribute(data: &Data, from: &Scenario, to: &Scenario) -> Attribution {
    let players = players(data, from, to);
    let n = players.len();
    // v[mask][cap]: cap values with the players in `mask` changed.
    let values: Vec<Vec<f64>> = (0..1usize << n)
        .map(|mask| {
            let mut s = from.clone();
            for (k, p) in players.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    for &i in &p.levers {
                        if let (Some(slot), Some(v)) = (s.values.get_mut(i), to.values.get(i)) {
                            *slot = *v;
                        }
                    }
                }
            }
            let o = evaluate(&s, data);
            CapId::ALL
                .iter()
                .map(|&id| o.cap(id).map_or(0.0, |c| c.value))
                .collect()
        })
        .collect();
    // Shapley weight of a coalition of size k not holding the player: k!(n-k-1)!/n!.
    let fact = |m: usize| (1..=m).map(|x| x as f64).product::<f64>();
    let weight: Vec<f64> = (0..n)
        .map(|k| fact(k) * fact(n - k - 1) / fact(n))
        .collect();
    let end = evaluate(to, data);
    let waterfalls = CapId::ALL
        .iter()
        .enumerate()
        .map(|(c, &id)| {
            let contributions = (0..n)
                .map(|k| {
                    (0..1usize << n)
                        .filter(|mask| mask & (1 << k) == 0)
                        .map(|mask| {
                            let size = mask.count_ones() as usize;
                            weight[size] * (values[mask | (1 << k)][c] - values[mask][c])
                        })
                        .sum()
                })
                .collect();
            CapWaterfall {
                id,
                from: values[0][c],
                to: values[(1usize << n) - 1][c],
                limit: end.cap(id).map_or(0.0, |r| r.limit),
                contributions,
            }
        })
        .collect();
    Attribution {
        players,
        caps: waterfalls,
    }
}
