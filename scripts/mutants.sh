#!/usr/bin/env bash
# Mutation testing of the model's rule files: cargo-mutants changes one
# operator, constant or return value at a time and runs the model's tests; a
# change no test notices is "missed". Not part of the test command (an hour on
# two cores); run it after changing a rule, and read docs/quality.md for the
# last counts and the survivors that are equivalent (no test can tell them).
#
#   bash scripts/mutants.sh                          # every rule file
#   bash scripts/mutants.sh --file model/src/cap.rs  # one file
#
# Results go to target/mutants/mutants.out (caught.txt, missed.txt, …).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
MUTANTS_VERSION=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -q "$MUTANTS_VERSION"; then
  # Unoptimised: it only drives cargo, and builds in under a minute so.
  cargo install --debug --locked "cargo-mutants@$MUTANTS_VERSION"
fi
FILES=(model/src/evaluate/mod.rs model/src/evaluate/demand.rs model/src/evaluate/judged.rs model/src/evaluate/indicators.rs model/src/evaluate/flows.rs
  model/src/runoff.rs model/src/calibration.rs model/src/household.rs model/src/cap.rs
  model/src/quantity/mod.rs model/src/quantity/ids.rs model/src/quantity/spec.rs model/src/derived.rs
  model/src/band.rs model/src/uncertainty.rs model/src/attribution.rs
  model/src/progress/mod.rs model/src/progress/actuals.rs model/src/progress/measure.rs model/src/progress/problem.rs)
if [ "$#" -gt 0 ]; then
  args=("$@")
else
  args=()
  for f in "${FILES[@]}"; do args+=(--file "$f"); done
fi
mkdir -p target/mutants
cargo mutants -p changji-model -j 1 --output target/mutants "${args[@]}"
