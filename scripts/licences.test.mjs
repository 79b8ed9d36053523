// Unit tests of the licence-expression check used by scripts/licences.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed } from './licences.mjs';

test('SPDX expressions: OR needs one allowed side, AND needs both', () => {
  assert.equal(allowed('MIT'), true);
  assert.equal(allowed('MIT OR Apache-2.0'), true);
  assert.equal(allowed('MIT/Apache-2.0'), true);
  assert.equal(allowed('GPL-3.0-only'), false);
  assert.equal(allowed('GPL-3.0-only OR MIT'), true);
  assert.equal(allowed('(MIT OR Apache-2.0) AND Unicode-3.0'), true);
  assert.equal(allowed('(MIT OR Apache-2.0) AND GPL-2.0-only'), false);
  assert.equal(allowed('Apache-2.0 WITH LLVM-exception'), true);
  assert.equal(allowed(null), false);
  assert.equal(allowed('SEE LICENSE IN LICENSE.txt'), false);
});
