// Counts, in the non-test Rust code of src/ and model/src/ (a `#[cfg(test)]`
// module to the end of its braces is left out): lever ids spelled as string
// literals, files over 300 lines and functions over 100 lines.
// Usage: node scripts/code-figures.mjs [--list] [--check]
// With --check (scripts/test.sh) it fails on a file over 300 lines or a function
// over 100, but for the functions listed in LONG at no more than their listed
// length: a list that may only shrink.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const list = process.argv.includes('--list');
const check = process.argv.includes('--check');
const FILE_LIMIT = 300;
const FN_LIMIT = 100;
// Functions over the limit when it was set (2026-12-01), at their length then:
// a list that may only shrink. Empty since 2026-12-02 (the seven were split).
const LONG = {};

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'bin' || n === 'components' ? files(p) : files(p);
    return p.endsWith('.rs') && !p.endsWith('/tests.rs') ? [p] : [];
  });
}

/** The file's lines without `#[cfg(test)]` items (attribute to the closing brace). */
function nonTest(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '#[cfg(test)]') {
      let depth = 0, opened = false;
      for (i = i + 1; i < lines.length; i++) {
        for (const ch of lines[i]) {
          if (ch === '{') { depth++; opened = true; } else if (ch === '}') depth--;
        }
        if (opened && depth <= 0) break;
        if (!opened && lines[i].trim().endsWith(';')) break;
      }
      continue;
    }
    out.push(lines[i]);
  }
  return out;
}

/** Functions as [name, length in lines], by brace matching from a `fn` line. */
function functions(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+([A-Za-z_][A-Za-z0-9_]*)/);
    if (!m) continue;
    let depth = 0, opened = false, j = i;
    for (; j < lines.length; j++) {
      for (const ch of lines[j].replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/'.'/g, "''")) {
        if (ch === '{') { depth++; opened = true; } else if (ch === '}') depth--;
      }
      if (opened && depth <= 0) break;
      if (!opened && lines[j].trim().endsWith(';')) break;
    }
    if (opened) out.push([m[1], j - i + 1]);
  }
  return out;
}

const levers = JSON.parse(readFileSync(join(ROOT, 'model/data/levers.json'), 'utf8')).map((l) => l.id);
const all = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'model/src'))];
const perId = Object.fromEntries(levers.map((id) => [id, 0]));
const idFiles = new Set();
const longFiles = [];
const longFns = [];
for (const f of all) {
  const lines = nonTest(readFileSync(f, 'utf8'));
  const rel = relative(ROOT, f);
  const code = lines.join('\n');
  for (const id of levers) {
    const n = (code.match(new RegExp(`"${id}"`, 'g')) ?? []).length;
    if (n) { perId[id] += n; idFiles.add(rel); }
  }
  if (lines.length > FILE_LIMIT) longFiles.push([rel, lines.length]);
  for (const [name, len] of functions(lines)) if (len > FN_LIMIT) longFns.push([`${rel}:${name}`, len]);
}
const total = Object.values(perId).reduce((a, b) => a + b, 0);
console.log(`lever ids as string literals in non-test code: ${total} in ${idFiles.size} files`);
if (list) console.log(Object.entries(perId).filter(([, n]) => n).sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', '));
if (list) console.log([...idFiles].join(', '));
console.log(`files over 300 non-test lines: ${longFiles.length}${longFiles.length ? ' — ' + longFiles.map(([f, n]) => `${f} ${n}`).join(', ') : ''}`);
console.log(`functions over 100 lines: ${longFns.length}${longFns.length ? ' — ' + longFns.map(([f, n]) => `${f} ${n}`).join(', ') : ''}`);
if (check) {
  const bad = [
    ...longFiles.map(([f, n]) => `${f}: ${n} lines (limit ${FILE_LIMIT})`),
    ...longFns.filter(([f, n]) => !(f in LONG) || n > LONG[f]).map(([f, n]) => `${f}: ${n} lines (limit ${FN_LIMIT}${f in LONG ? `, listed at ${LONG[f]}` : ''})`),
  ];
  if (bad.length) {
    console.error(`code-figures: over the limits — split these:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
}
