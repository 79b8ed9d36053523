// Writes public/first-explorer.html: the explorer's first screen, in zh and
// en, captured from the live page of the release build in dist/ (see
// e2e/first-explorer.mjs for what the copy keeps and drops). Run it after a
// change to what the explorer shows at `/`, then build again:
//
//   scripts/wasm-env.sh trunk build --release --offline
//   node scripts/first-explorer.mjs
//   scripts/wasm-env.sh trunk build --release --offline
//
// e2e/first-screens.test.mjs fails when the file is not what the live page shows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, DIST, ROOT } from '../e2e/helpers.mjs';
import { FILE, fileText, live } from '../e2e/first-explorer.mjs';

const s = await serve(DIST);
const b = await browser();
try {
  const text = fileText(await live(b, s.url));
  writeFileSync(join(ROOT, FILE), text);
  console.log(`first-explorer.mjs: wrote ${FILE} (${text.length} characters)`);
} finally {
  await b.close();
  s.close();
}
