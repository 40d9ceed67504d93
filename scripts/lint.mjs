#!/usr/bin/env node
/**
 * Architecture lint. Each layer may import only from the layers listed in
 * LAYERS below:
 * - the domain (src/domain) is pure TypeScript: nothing outside itself;
 * - the use cases (src/app) only know the domain and their ports;
 * - the file formats (src/files) are shared by the offline faces (CLI and web
 *   page): domain, use cases and packages (exceljs, pptxgenjs, docx…), never
 *   Node (`node:*`, `fs`…, nor its globals Buffer, process, require);
 * - the faces (src/gas, src/node, src/web) never import each other.
 * And no module imports itself back, directly or through others (import
 * cycles, type-only imports included, anywhere in src/).
 * Prints each offending line (and each cycle) and exits 1.
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

/**
 * Layers: the folders each may import from (relative imports), whether it may
 * import packages, Node's built-in modules, and use Node's globals.
 */
const FACES = ['src/gas', 'src/node', 'src/web'];
const SHARED = ['src/domain', 'src/app', 'src/files'];
const LAYERS = {
  'src/domain': { allowed: ['src/domain'], packages: false, node: false, nodeGlobals: false },
  'src/app': { allowed: ['src/domain', 'src/app'], packages: false, node: false, nodeGlobals: false },
  'src/files': { allowed: ['src/domain', 'src/app', 'src/files'], packages: true, node: false, nodeGlobals: false },
  'src/gas': { allowed: [...SHARED, 'src/gas'], packages: true, node: false, nodeGlobals: true },
  'src/node': { allowed: [...SHARED, 'src/node'], packages: true, node: true, nodeGlobals: true },
  'src/web': { allowed: [...SHARED, 'src/web'], packages: true, node: false, nodeGlobals: false },
};
/** Node's globals a module meant for the browser must not use (a `Buffer` type in a comment is stripped first). */
const NODE_GLOBALS = /(?<![\w$.'"`])(Buffer|process|__dirname|__filename)\b(?!\s*\??:)/g;

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

/** Removes string literals' contents (keeping quotes and line breaks), for the globals check. */
function stripStrings(code) {
  return code.replace(/(['"`])(?:\\.|(?!\1)[^\\\n])*\1/g, (m) => m[0] + m.slice(1, -1).replace(/[^\n]/g, ' ') + m[0]);
}

/** The module a relative import names (file, file.ts, folder/index.ts…), or null. */
function resolveModule(file, spec) {
  const base = resolve(dirname(file), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mts`, base.replace(/\.m?js$/, '.ts'), join(base, 'index.ts')];
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // next candidate
    }
  }
  return null;
}

/** Relative imports of each module of src/, for the cycle check. */
const graph = new Map();

function check(file, layer) {
  const problems = [];
  const text = readFileSync(file, 'utf8');
  const code = stripComments(text);
  const lines = text.split('\n');
  const edges = [];
  for (const pattern of PATTERNS) {
    for (const m of code.matchAll(pattern)) {
      const spec = m[1];
      const line = code.slice(0, m.index).split('\n').length;
      const reason = layer ? verdict(file, layer, spec) : null;
      if (reason) problems.push(`${relative(root, file)}:${line}: ${lines[line - 1].trim()}  ← ${reason}`);
      if (spec.startsWith('.')) {
        const target = resolveModule(file, spec);
        if (target) edges.push(target);
      }
    }
  }
  graph.set(file, edges);
  if (layer && !LAYERS[layer].nodeGlobals) {
    // Import statements name modules and local bindings, not globals.
    const bare = stripStrings(PATTERNS.slice(0, 3).reduce((c, p) => c.replace(p, (m) => m.replace(/[^\n]/g, ' ')), code));
    const seen = new Set();
    for (const m of bare.matchAll(NODE_GLOBALS)) {
      // The first use of each global is enough to point at the module.
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      const line = bare.slice(0, m.index).split('\n').length;
      problems.push(`${relative(root, file)}:${line}: ${lines[line - 1].trim()}  ← ${layer} ne doit pas dépendre de Node (global ${m[1]})`);
    }
  }
  return problems;
}

function verdict(file, layer, spec) {
  const rule = LAYERS[layer];
  // `buffer/` (trailing slash) is the npm package of that name, not Node's module.
  const isBuiltin = spec.startsWith('node:') || (!spec.endsWith('/') && (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0])));
  if (!spec.startsWith('.') && !spec.startsWith('/')) {
    if (isBuiltin) return rule.node ? null : `${layer} ne doit pas dépendre de Node (${spec})`;
    // Vite's import suffixes (`./worker?worker&inline`) are relative; anything else here is a package.
    return rule.packages ? null : `${layer} ne doit importer aucun paquet (${spec}) : passer par un port`;
  }
  const target = relative(root, resolve(dirname(file), spec.replace(/\?.*$/, ''))).split(sep).join('/');
  if (!rule.allowed.some((l) => target === l || target.startsWith(`${l}/`))) {
    const face = FACES.includes(layer) && FACES.find((f) => target === f || target.startsWith(`${f}/`));
    if (face) return `${layer} ne doit pas importer ${target} : une face n'importe jamais une autre face (${face})`;
    return `${layer} ne doit pas importer ${target} (autorisé : ${rule.allowed.join(', ')})`;
  }
  return null;
}

/** Every import cycle (strongly connected components of the import graph, Tarjan), each as one path. */
function cycles() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) out.push(cyclePath(new Set(component)));
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

/** One cycle through the component, from its first module (sorted), as `a → b → a`. */
function cyclePath(component) {
  const start = [...component].sort()[0];
  // Breadth-first search back to start, inside the component.
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)) path.splice(1, 0, x);
        return [...path, start].map((f) => relative(root, f).split(sep).join('/'));
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component].map((f) => relative(root, f).split(sep).join('/'));
}

const problems = [];
for (const file of files(join(root, 'src'))) {
  const rel = relative(root, file).split(sep).join('/');
  const layer = Object.keys(LAYERS).find((l) => rel === l || rel.startsWith(`${l}/`));
  problems.push(...check(file, layer));
}
const loops = cycles();

if (problems.length > 0 || loops.length > 0) {
  if (problems.length > 0) {
    console.error(`Architecture : ${problems.length} dépendance(s) interdite(s)`);
    for (const p of problems) console.error(`  ${p}`);
  }
  if (loops.length > 0) {
    console.error(`Architecture : ${loops.length} cycle(s) d'imports`);
    for (const c of loops) console.error(`  cycle : ${c.join(' → ')}`);
  }
  process.exit(1);
}
console.log('Architecture : domain, app, files et les faces (gas, node, web) respectent leurs dépendances ; aucun cycle d’imports.');
