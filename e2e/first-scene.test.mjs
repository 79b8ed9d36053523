// The story's first scene is in the page itself (src/prerender.rs): readable
// before the WebAssembly arrives, with the same words and numbers the live
// page then shows in its place, and only for the link it answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, DIST } from './helpers.mjs';

let b;
let s;
before(async () => { b = await browser(); s = await serve(DIST); });
after(async () => { await b?.close(); s?.close(); });

/** Opens `query` with or without the WebAssembly; returns the page and its console errors. */
async function visit(query, { wasm }) {
  const context = await b.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
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

test('other links get no static scene: a later scene, another page, an unknown key', async () => {
  for (const query of ['?view=story&scene=2', '?view=challenge', '?', '?view=story&eta=0.7', '?view=story&lang=fr']) {
    const { page, context } = await visit(query, { wasm: false });
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#prerender').count(), 0, query);
    await context.close();
  }
});
