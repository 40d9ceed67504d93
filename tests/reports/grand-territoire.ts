/**
 * A large territory for the COPIL deck tests: a synthetic territory
 * (src/app/reseau-synthetique.ts) whose lists are multiplied `k` times —
 * acteurs, AFOM, fiches with their jalons, engagements, and the actions of
 * the services (every one a flagship action) — so that every section of the
 * deck has far more than a slide can hold. Built like the sample (install,
 * load, consolidate), then annotated like the demo.
 */
import { classeurSynthetique, territoiresSynthetiques, type TerritoireSynthetique } from '../../src/app/reseau-synthetique';
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { readSampleFolder } from '../../src/node/sample';
import { applyLeadAnnotations, SAMPLE_DIR } from './support';

type Row = Record<string, unknown>;
interface Content {
  tab?: string;
  rows?: Row[];
}

function multiply(rows: readonly Row[], k: number, variant: (row: Row, copy: number) => Row): Row[] {
  const out: Row[] = [];
  for (let copy = 0; copy < k; copy++) for (const r of rows) out.push(copy === 0 ? r : variant({ ...r }, copy));
  return out;
}

/** The first synthetic territory of `seed`, its lists `k` times longer. */
export async function grandTerritoire(k = 4, seed = 11, now = new Date(2026, 10, 28, 16, 20)): Promise<MemoryWorkbook> {
  const [t] = territoiresSynthetiques(await readSampleFolder(SAMPLE_DIR), 1, seed);
  const refs: string[] = [];
  const files = t.files.map((f) => {
    const c = JSON.parse(JSON.stringify(f.content)) as Content;
    if (!c.rows) return { file: f.file, content: c };
    const fiches = c.tab === "Plan d'actions" ? Math.max(0, ...c.rows.map((r) => Number(r['N°']) || 0)) : 0;
    switch (c.tab) {
      case 'Acteurs':
        c.rows = multiply(c.rows, k, (r, i) => ({ ...r, Nom: `${String(r['Nom'])} – antenne ${i + 1}` }));
        break;
      case 'AFOM':
        c.rows = multiply(c.rows, k, (r, i) => ({ ...r, Id: `${String(r['Id'])}-${i + 1}`, Énoncé: `${String(r['Énoncé'])} (secteur ${i + 1})` }));
        break;
      case "Plan d'actions":
        c.rows = multiply(c.rows, k, (r, i) => ({ ...r, 'N°': Number(r['N°']) + i * 100, 'Titre de la fiche action': `${String(r['Titre de la fiche action'])} – secteur ${i + 1}` }));
        break;
      case 'Jalons':
        c.rows = multiply(c.rows, k, (r, i) => ({ ...r, 'Fiche (N°)': Number(r['Fiche (N°)']) + i * 100, Jalon: `${String(r['Jalon'])} – secteur ${i + 1}` }));
        break;
      case 'Engagements':
        c.rows = multiply(c.rows, k, (r, i) => ({ ...r, Quoi: `${String(r['Quoi'])} – secteur ${i + 1}` }));
        break;
      default:
        if (c.tab?.startsWith('Service – ')) {
          c.rows = multiply(c.rows, k, (r, i) => ({ ...r, 'Réf.': `${String(r['Réf.'])}-${i + 1}`, "Intitulé de l'action": `${String(r["Intitulé de l'action"])} – secteur ${i + 1}` }));
          refs.push(...c.rows.map((r) => String(r['Réf.'])));
        }
    }
    void fiches;
    return { file: f.file, content: c };
  });
  const wb = classeurSynthetique({ ...t, files } as TerritoireSynthetique, now);
  // Every action a flagship one: far more than a slide holds.
  applyLeadAnnotations(wb, refs.map((ref) => ({ ref, values: { 'Action phare': 'Oui' } })));
  return wb;
}
