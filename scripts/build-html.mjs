/**
 * Builds `dist/sidebar.html`: the sidebar template `src/gas/html/sidebar.html` with its
 * stylesheet and its client script inlined, so that the page loads nothing from the network
 * (HtmlService serves it as one file; nothing in it loads anything external).
 *
 * The client (`src/gas/html/sidebar.client.ts`) is bundled by esbuild into one IIFE, which lets
 * it share `src/domain/format.ts` with the server side (French number formats).
 *
 * Usage: `node scripts/build-html.mjs`; `node scripts/build.mjs` calls `buildSidebarHtml({ root, outDir })`
 * (its `buildHtml()` hook) and then copies no raw `src/gas/html/sidebar.html` over the result.
 */
import { build } from 'esbuild';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CSS_MARKER = '<!-- @inline sidebar.css -->';
const JS_MARKER = '<!-- @inline sidebar.client.ts -->';

/** Bundles the client script into a self-contained IIFE (string). */
export async function bundleSidebarClient(root = ROOT) {
  const result = await build({
    entryPoints: [path.join(root, 'src/gas/html/sidebar.client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    charset: 'utf8',
    legalComments: 'none',
    minifySyntax: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * Replaces the two markers of the template with the inline stylesheet and script. Throws when a
 * marker is missing or when the result would load anything from outside the page.
 */
export function inlineSidebar(template, css, js) {
  for (const marker of [CSS_MARKER, JS_MARKER]) {
    const count = template.split(marker).length - 1;
    if (count !== 1) throw new Error(`sidebar.html : le repère « ${marker} » doit apparaître une fois (trouvé ${count} fois).`);
  }
  if (/<\/style/i.test(css)) throw new Error('sidebar.css ne doit pas contenir « </style ».');
  if (/@import|url\s*\(/i.test(css)) throw new Error('sidebar.css ne doit charger aucune ressource (@import, url()).');
  // esbuild already escapes `</script` inside strings; this catches any other occurrence.
  const safeJs = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  // Function replacements: the bundle may contain `$&`, `$1`… which a string replacement would expand.
  const html = template
    .replace(CSS_MARKER, () => `<style>\n${css.trim()}\n</style>`)
    .replace(JS_MARKER, () => `<script>\n${safeJs.trim()}\n</script>`);
  const external = html.match(/<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)\s*=/i);
  if (external) throw new Error(`dist/sidebar.html chargerait une ressource externe : ${external[0]}`);
  return html;
}

/** Writes `<outDir>/sidebar.html` and returns its path. */
export async function buildSidebarHtml({ root = ROOT, outDir = path.join(root, 'dist') } = {}) {
  const htmlDir = path.join(root, 'src/gas/html');
  const [template, css, js] = await Promise.all([
    readFile(path.join(htmlDir, 'sidebar.html'), 'utf8'),
    readFile(path.join(htmlDir, 'sidebar.css'), 'utf8'),
    bundleSidebarClient(root),
  ]);
  const html = inlineSidebar(template, css, js);
  await mkdir(outDir, { recursive: true });
  const out = path.join(outDir, 'sidebar.html');
  // Written beside then renamed: a test reading dist/ while a build runs never sees half a file.
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, html, 'utf8');
  await rename(tmp, out);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildSidebarHtml();
  console.log(`Barre latérale : ${path.relative(process.cwd(), out)}`);
}
