// Offline licence check of every dependency: the Rust crates (from
// `cargo metadata --offline`, which reads Cargo.lock and the local registry) and
// the npm packages (from package-lock.json). Each licence expression must be
// satisfiable with the allowed licences (OR: one side suffices; AND: both).
// Exits 1 and lists the offenders otherwise.
//
// cargo-deny does this and more, but installing it compiles ~200 crates (several
// minutes on two cores) and its advisory check needs the network; this script
// needs neither.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Permissive licences, and MPL-2.0 (file-level copyleft: fine to use unmodified). */
export const ALLOWED = new Set([
  'MIT', 'MIT-0', 'Apache-2.0', 'Apache-2.0 WITH LLVM-exception', 'BSD-2-Clause', 'BSD-3-Clause',
  'ISC', 'Zlib', 'Unicode-3.0', 'Unicode-DFS-2016', 'CC0-1.0', 'BSL-1.0', 'Unlicense', 'MPL-2.0',
  '0BSD', 'BlueOak-1.0.0', 'Python-2.0', 'CC-BY-4.0',
]);

/**
 * Packages allowed without a licence, each with the reason. Keep this short and
 * say why nothing of them reaches the published site.
 */
export const EXCEPTIONS = {
  '@mapbox/jsonlint-lines-primitives':
    'declares no licence; a dependency of mapbox-gl inside the plotly.js package, which the partial bundle (core, bar, sankey: scripts/bundle-plotly.mjs) does not include, so none of it ships',
};

/** Whether an SPDX expression is satisfied by the allowed set. */
export function allowed(expr) {
  if (!expr) return false;
  // Old crates write "MIT/Apache-2.0" for "MIT OR Apache-2.0".
  const tokens = expr.replace(/\//g, ' OR ').match(/\(|\)|[^\s()]+(?:\s+WITH\s+[^\s()]+)?/g) ?? [];
  let i = 0;
  const primary = () => {
    const t = tokens[i++];
    if (t === '(') { const v = or(); i++; return v; }
    return ALLOWED.has(t);
  };
  const and = () => { let v = primary(); while (tokens[i] === 'AND') { i++; v = primary() && v; } return v; };
  const or = () => { let v = and(); while (tokens[i] === 'OR') { i++; v = and() || v; } return v; };
  const v = or();
  return i === tokens.length && v;
}

/** The licence id, without a note in brackets. */
function bare(licence) {
  return licence?.replace(/\s*\(from its licence file\)$/, '') ?? null;
}

function crates() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--offline', '--locked'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
  }));
  return meta.packages.map((p) => ({ name: `crate ${p.name} ${p.version}`, licence: p.license ?? (p.license_file ? `file:${p.license_file}` : null) }));
}

/**
 * A package that declares no SPDX id (or "SEE LICENSE IN …"): classify its
 * licence file by its text. MIT and BSD have unmistakable grant sentences.
 */
function fromFile(dir) {
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (!file) return null;
  const text = readFileSync(join(dir, file), 'utf8');
  if (/Permission is hereby granted, free of charge/.test(text)) return 'MIT';
  if (/Redistribution and use in source and binary forms/.test(text)) {
    return /Neither the name/.test(text) ? 'BSD-3-Clause' : 'BSD-2-Clause';
  }
  return null;
}

function npm() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages ?? {})
    .filter(([path]) => path !== '')
    .map(([path, p]) => {
      let licence = p.license ?? null;
      if (!licence || /^SEE LICEN[CS]E/i.test(licence)) {
        const found = fromFile(join(ROOT, path));
        licence = found ? `${found} (from its licence file)` : licence;
      }
      const pkg = path.replace(/^.*node_modules\//, '');
      return { name: `npm ${pkg} ${p.version}`, licence, exception: EXCEPTIONS[pkg] };
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = [...crates(), ...npm()];
  const bad = all.filter((d) => !d.exception && !allowed(bare(d.licence)));
  for (const d of all.filter((d) => d.exception)) console.log(`  exception: ${d.name}: ${d.exception}`);
  const counts = {};
  for (const d of all) counts[d.licence] = (counts[d.licence] ?? 0) + 1;
  console.log(`licences: ${all.length} dependencies checked`);
  for (const [l, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${l}`);
  if (bad.length) {
    console.error(`licences: ${bad.length} not allowed:`);
    for (const d of bad) console.error(`  ${d.name}: ${d.licence ?? '(none declared)'}`);
    process.exit(1);
  }
}
