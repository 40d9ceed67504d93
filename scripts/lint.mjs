#!/usr/bin/env node
/**
 * Architecture lint: the domain (src/domain) is pure TypeScript and the use
 * cases (src/app) only know the ports, so both must import nothing from the
 * adapters (src/gas, src/node), from Node (`node:*`, `fs`…) or from packages
 * (exceljs, pptxgenjs, docx, googleapis…); and the domain must not import
 * the use cases. Prints each offending line and exits 1.
 *
 * Usage: node scripts/lint.mjs [--root DIR]   (DIR defaults to the repository)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = resolve(rootArg >= 0 ? args[rootArg + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'));

/** Layers and the layers each may import from (relative imports only). */
const LAYERS = {
  'src/domain': ['src/domain'],
  'src/app': ['src/domain', 'src/app'],
};

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

// Static imports and re-exports start a statement (line-anchored, so the word
// « import » inside a string such as "Fichier d'import" is not taken for one);
// dynamic import() and require() may sit anywhere in an expression.
const PATTERNS = [
  /^[ \t]*import\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^[ \t]*export\s+(?:type\s+)?(?:\*|\{)[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
  /(?<![\w$.'"])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /(?<![\w$.'"])require\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function files(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(files(full));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Removes comments but keeps line breaks, so line numbers stay right. */
function stripComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, p) => p + ' '.repeat(m.length - p.length));
}

function layerOf(path) {
  const rel = relative(root, path).split(sep).join('/');
  return Object.keys(LAYERS).find((l) => rel === l || rel.startsWith(`${l}/`));
}

function check(file, layer) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  const code = stripComments(text);
  const lines = text.split('\n');
  for (const pattern of PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const spec = m[1];
      const line = code.slice(0, m.index).split('\n').length;
      const reason = verdict(file, layer, spec);
      if (reason) problems.push(`${relative(root, file)}:${line}: ${lines[line - 1].trim()}  ← ${reason}`);
    }
  }
  return problems;
}

function verdict(file, layer, spec) {
  if (spec.startsWith('node:')) return `${layer} ne doit pas dépendre de Node (${spec})`;
  if (!spec.startsWith('.') && !spec.startsWith('/')) {
    if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])) return `${layer} ne doit pas dépendre de Node (${spec})`;
    return `${layer} ne doit importer aucun paquet (${spec}) : passer par un port`;
  }
  const target = relative(root, resolve(dirname(file), spec)).split(sep).join('/');
  const allowed = LAYERS[layer];
  if (!allowed.some((l) => target === l || target.startsWith(`${l}/`))) {
    return `${layer} ne doit pas importer ${target} (autorisé : ${allowed.join(', ')})`;
  }
  return null;
}

const problems = [];
for (const layer of Object.keys(LAYERS)) {
  for (const file of files(join(root, layer))) problems.push(...check(file, layer));
}

if (problems.length > 0) {
  console.error(`Architecture : ${problems.length} import(s) interdit(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('Architecture : src/domain et src/app n’importent ni adaptateur, ni Node, ni paquet.');
