// What one drag step costs the page's thread, on two or more builds side by
// side: steps of η (`input` only, as a drag fires them, the pumped reading so
// each step moves the total), the four charts on screen at 1440×900, one page
// per build, the builds taking turns a round at a time so that the machine's
// speed, which drifts by the hour, falls on each alike. For each step: input →
// the end of its task with every microtask it queued (the numbers and all the
// effects they wake), and input → the end of the next frame. Prints p50 / p95
// of both per build.
// Usage: `node scripts/step-cost.mjs DIR[,DIR…] [rounds] [steps]` (defaults 6
// and 25), e.g. an older commit's build against this one: `node
// scripts/step-cost.mjs /tmp/old,dist`.
import { browser, pagesPerBuild, percentile, DIST } from '../e2e/helpers.mjs';

const DIRS = (process.argv[2] ?? DIST).split(',');
const ROUNDS = Number(process.argv[3] ?? 6);
const STEPS = Number(process.argv[4] ?? 25);

const b = await browser();
const { builds, close } = await pagesPerBuild(b, DIRS);
try {
  for (const build of builds) Object.assign(build, { task: [], frame: [] });
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of builds) {
      await build.page.bringToFront();
      for (let i = 0; i < STEPS; i++) {
        // Steps closer than the draw queue's 150 ms: a drag, so no redraw.
        await build.page.waitForTimeout(30);
        const [task, frame] = await build.page.evaluate((v) => new Promise((resolve) => {
          const el = document.querySelector('[data-testid=lever-eta]');
          const t0 = performance.now();
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          // A message is a task of its own: it runs once this one and its
          // microtasks are done.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const t1 = performance.now();
            requestAnimationFrame(() => setTimeout(() => resolve([t1 - t0, performance.now() - t0]), 0));
          };
          channel.port2.postMessage(0);
        }), 0.55 + ((round * STEPS + i) % 20) * 0.005);
        build.task.push(task);
        build.frame.push(frame);
      }
    }
  }
  const ms = (xs) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)} ms`;
  for (const { dir, task, frame } of builds) {
    console.log(`${dir}: ${task.length} steps; step's task ${ms(task)}; to the next frame's end ${ms(frame)} (p50 / p95)`);
  }
} finally {
  await b.close();
  close();
}
