// Puts the targets of several bench runs (bench-report/run-N.json) side by side:
// `node e2e/bench-runs.mjs bench-report/run-*.json`. Each cell: the figure, and
// whether it met its target; then the machine's speed in each run.
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (!runs.length) {
  console.error('bench-runs: no run files given');
  process.exit(2);
}
const fmt = (t) => (t.value === null ? 'not measured'
  : `${t.value.toFixed(t.unit === 'ms' ? 1 : 0)}${t.met ? '' : ' ✗'}`);
const lines = [
  `# Benchmark: ${runs.length} runs in a row (✗: target not met)`, '',
  `| target | goal | ${runs.map((_, i) => `run ${i + 1}`).join(' | ')} | met in |`,
  `|---|---|${runs.map(() => '---:').join('|')}|---|`,
  ...runs[0].targets.map((t, k) => {
    const cells = runs.map((r) => r.targets[k]);
    const measured = cells.filter((c) => c.met !== null);
    return `| ${t.what} | ${t.op} ${t.target} ${t.unit} | ${cells.map(fmt).join(' | ')} | ${measured.filter((c) => c.met).length} of ${measured.length} |`;
  }),
];
// How fast the machine was in each run: the same code's figures move with it
// (about 2.4 times between two hours of one day: docs/performance.md), so a
// table is read with these beside it.
const analyses = runs.map((r) => (r.analyses_ms ? r.analyses_ms.p50.toFixed(1) : 'n/a'));
lines.push('', `The machine's speed (not targets): the analyses of a settled input in the page, p50 ms: ${analyses.join(', ')}; one model evaluation (cargo bench): ${runs[0].model_ns_per_evaluation ?? 'n/a'} ns.`);
// Beyond the redraws, by whether plotly.js had drawn the value before (e2e/bench.mjs).
const byValue = (k) => runs.map((r) => r.settled_split_ms?.by_value?.[k]?.beyond_redraws?.p95?.toFixed(1) ?? 'n/a');
lines.push('', `Beyond the redraws, p95 ms, by run: the values the first time ${byValue('new').join(', ')}; the same values again ${byValue('again').join(', ')}.`);
console.log(lines.join('\n'));
