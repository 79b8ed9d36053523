// What a settled input costs beyond its chart redraws, on two or more builds
// side by side: the bench's settled inputs (e2e/bench.mjs: η set by `input`
// then `change`, as a key press fires them, the pumped reading, the four charts
// on screen at 1440×900, the same "seen" poll), one page per build, the builds
// taking turns a round at a time so that the machine's speed, which drifts by
// the hour, falls on each alike. For each build, p50 / p95: input → the first
// redraw begins, its Monte Carlo (the page's own `data-analysis-ms`), the last
// redraw's end → seen, the bench's "beyond the redraws" (everything but
// the redraws themselves), the redraws together, and the whole, input → seen.
// Usage: `node scripts/settled-cost.mjs DIR[,DIR…] [rounds] [inputs]`
// (defaults 4 and 20), e.g. an older commit's build against this one:
// `node scripts/settled-cost.mjs /tmp/old,dist`. A DIR may carry a query for
// its page: `dist,dist?lang=en` compares the Chinese and the English page.
import { browser, pagesPerBuild, settledInput, percentile, DIST } from '../e2e/helpers.mjs';

const DIRS = (process.argv[2] ?? DIST).split(',');
const ROUNDS = Number(process.argv[3] ?? 4);
const INPUTS = Number(process.argv[4] ?? 20);

const b = await browser();
const { builds, close } = await pagesPerBuild(b, DIRS);
try {
  for (const build of builds) Object.assign(build, { wait: [], analysis: [], tail: [], beyond: [], draws: [], whole: [] });
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) {
      await build.page.bringToFront();
      for (let i = 0; i < INPUTS; i++) {
        // As the bench: a pause, so each input is a single change.
        await build.page.waitForTimeout(200);
        const m = await settledInput(build.page, 0.55 + ((round * INPUTS + i) % 10) * 0.015);
        if (!m.redrawn.length) continue;
        const begin = Math.min(...m.redrawn.map((d) => d.at));
        const end = Math.max(...m.redrawn.map((d) => d.at + d.ms));
        build.wait.push(begin - m.t0);
        build.analysis.push(m.analysis);
        build.tail.push(m.seen - end);
        const draws = m.redrawn.reduce((a, d) => a + d.ms, 0);
        build.beyond.push(m.seen - m.t0 - draws);
        build.draws.push(draws);
        build.whole.push(m.seen - m.t0);
      }
    }
  }
  const two = (xs) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`;
  console.log('p50 / p95, ms');
  console.log('| build | inputs | input → first redraw | its Monte Carlo | last redraw → seen | beyond the redraws | the redraws | input → seen |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { dir, wait, analysis, tail, beyond, draws, whole } of builds) {
    console.log(`| ${dir} | ${wait.length} | ${two(wait)} | ${two(analysis)} | ${two(tail)} | ${two(beyond)} | ${two(draws)} | ${two(whole)} |`);
  }
} finally {
  await b.close();
  close();
}
