// The first screens are in the page itself: the story's first scene
// (src/prerender.rs) and the explorer's (public/first-explorer.html, captured
// from the live page by scripts/first-explorer.mjs), readable before the
// WebAssembly arrives, with the same words and numbers the live page then shows
// in their place, and only for the links they answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, DIST, ROOT } from './helpers.mjs';
import { FILE, LINKS, fileText, live } from './first-explorer.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

/** Opens `query` with or without the WebAssembly; returns the page and its console errors. */
async function visit(query, { wasm, width = 390, height = 844 }) {
  const context = await b.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (!wasm) await context.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${s.url}${query}`);
  return { page, context, errors };
}

const sceneText = (page) => page.locator('[data-testid=scene-1] .scene-text').innerText();

for (const [lang, query, word] of [['zh', '?view=story&scene=1', '下一幕'], ['en', '?view=story&lang=en', 'Next']]) {
  test(`${lang}: scene 1 reads the same before and after the WebAssembly`, async () => {
    const still = await visit(query, { wasm: false });
    await still.page.locator('[data-testid=scene-1] .scene-text').waitFor();
    const before = await sceneText(still.page);
    assert.ok(before.length > 40, before);
    assert.equal(await still.page.evaluate(() => document.documentElement.lang), lang === 'en' ? 'en' : 'zh-CN');
    // Its controls wait for the live page; its links work without it.
    assert.equal(await still.page.getByTestId('story-next').innerText(), word);
    assert.ok(await still.page.getByTestId('story-next').isDisabled());
    assert.ok(await still.page.getByTestId('nav-challenge').getAttribute('href'));
    // Every number says whose it is, as on the live page.
    assert.ok(await still.page.locator('#prerender .kind-tag').count() > 0);
    // Nothing but the blocked WebAssembly's own failure: the scene's script ran under the policy.
    assert.deepEqual(still.errors.filter((e) => !/Failed to fetch|Failed to load resource|ERR_FAILED/.test(e)), []);
    await still.context.close();

    const live = await visit(query, { wasm: true });
    await live.page.locator('[data-testid=story-next]:not([disabled])').waitFor();
    assert.equal(await live.page.locator('#prerender').count(), 0, 'the static scene gave way');
    assert.equal(await live.page.locator('.story').count(), 1, 'one story on the page');
    assert.equal(await sceneText(live.page), before);
    assert.deepEqual(live.errors, []);
    await live.context.close();
  });
}

test('other links get no static copy: a later scene, another page or scenario, presentation, an unknown key or language', async () => {
  for (const query of ['?view=story&scene=2', '?view=challenge', '?view=story&eta=0.7', '?view=story&lang=fr',
    '?cotton=100', '?mode=present', '?lang=fr', '?preset=target-2030']) {
    const { page, context } = await visit(query, { wasm: false });
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#prerender').count(), 0, query);
    await context.close();
  }
});

// A blank frame of the half-parsed page used to come first (first paint before
// the first contentful one, in four loads of five at 412×823): Lighthouse's
// simulation then counted the copy's first layout as blocking time after the
// first paint. Three loads each, as that frame came and went with the timing.
test('nothing is painted before the first screen: the first paint is the first contentful one', async () => {
  for (const query of ['', '?view=story&scene=1', '?lang=en']) {
    for (let k = 0; k < 3; k++) {
      const { page, context } = await visit(query, { wasm: false, width: 412, height: 823 });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length);
      const [paint, contentful] = await page.evaluate(() => ['first-paint', 'first-contentful-paint']
        .map((n) => performance.getEntriesByName(n)[0]?.startTime));
      assert.equal(paint, contentful, `${query || '/'}: first paint ${paint} ms, first contentful paint ${contentful} ms`);
      await context.close();
    }
  }
});

test(`${FILE} is what the live page shows today`, async () => {
  const now = fileText(await live(b, s.url));
  assert.ok(now === readFileSync(join(ROOT, FILE), 'utf8'),
    `${FILE} is out of date (the explorer's first screen changed): build, run \`node scripts/first-explorer.mjs\`, build again`);
});

// What a person sees of the first screen: each cap card's place and words.
const cards = (page, root) => page.locator(`${root} .caps-panel .cap`).evaluateAll((els) => els.map((e) => {
  const r = e.getBoundingClientRect();
  return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), text: e.innerText };
}));

for (const [lang, query] of Object.entries(LINKS)) {
  test(`${lang}: the first screen is on screen without the WebAssembly, inert, and the live page takes its place unmoved`, async () => {
    const still = await visit(query, { wasm: false, width: 412, height: 823 });
    await still.page.locator('#prerender .caps-panel .cap').first().waitFor();
    const before = await cards(still.page, '#prerender');
    assert.equal(before.length, 5, JSON.stringify(before));
    assert.match(before[0].text, lang === 'zh' ? /总量/ : /Total/);
    assert.equal(await still.page.evaluate(() => document.documentElement.lang), lang === 'en' ? 'en' : 'zh-CN');
    // Nothing in it can be used (or focused) before the live page comes.
    assert.ok(await still.page.locator('#prerender').evaluate((d) => d.inert));
    assert.equal(await still.page.locator('#prerender input[type=range]').first().inputValue(),
      await still.page.locator('#prerender input[type=range]').first().getAttribute('value'));
    // No hooks for the tests: a test never finds the static copy.
    assert.equal(await still.page.locator('#prerender [data-testid]').count(), 0);
    assert.deepEqual(still.errors.filter((e) => !/Failed to fetch|Failed to load resource|ERR_FAILED/.test(e)), []);
    await still.context.close();

    const live = await visit(query, { wasm: true, width: 412, height: 823 });
    await live.page.getByTestId('total').waitFor();
    assert.equal(await live.page.locator('#prerender').count(), 0, 'the static copy gave way');
    assert.equal(await live.page.locator('main.layout').count(), 1, 'one explorer on the page');
    assert.deepEqual(await cards(live.page, 'main.layout'), before);
    assert.deepEqual(live.errors, []);
    await live.context.close();
  });
}
