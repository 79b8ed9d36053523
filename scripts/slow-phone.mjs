// The story's first scene on a slow phone (CPU 4× slower, 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip, served gzip-compressed: e2e/phone.mjs, as
// the bench measures it), for two or more builds side by side: N loads each,
// the builds alternating, so a busy hour weighs on each alike. Prints each
// build's median and mean, readable and live. Usage:
// `node scripts/slow-phone.mjs N DIR [DIR…]` (e.g. dist and an older commit's
// build, `trunk build --release --dist /tmp/old`).
import { serve, browser } from '../e2e/helpers.mjs';
import { firstScene, SLOW_NETWORK } from '../e2e/phone.mjs';

const [n, ...dirs] = process.argv.slice(2);
if (!(Number(n) > 0) || dirs.length === 0) {
  console.error('usage: node scripts/slow-phone.mjs N DIR [DIR…]');
  process.exit(2);
}
const servers = await Promise.all(dirs.map((d) => serve(d)));
const b = await browser();
const runs = dirs.map(() => []);
try {
  for (let i = 0; i < Number(n); i++) {
    for (const [k, s] of servers.entries()) runs[k].push(await firstScene(b, s.url, 4, SLOW_NETWORK));
  }
} finally {
  await b.close();
  servers.forEach((s) => s.close());
}
const median = (xs) => { const v = [...xs].sort((a, c) => a - c); return v[v.length >> 1]; };
const mean = (xs) => xs.reduce((a, c) => a + c, 0) / xs.length;
for (const [k, dir] of dirs.entries()) {
  const line = (key) => {
    const xs = runs[k].map((r) => r[key]);
    return `${key} median ${median(xs).toFixed(0)} ms, mean ${mean(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`;
  };
  console.log(`${dir}\n  ${line('readable')}\n  ${line('live')}`);
}
