/**
 * Synthetic territories for the network's tests and benchmark: N variants of
 * the sample territory with their own names, types, populations, SIREN,
 * référentiel statuses, plans, funders and COPIL dates, drawn from a seeded
 * generator so a failing case can be replayed. Each variant is the sample's
 * JSON files rewritten, then built like the sample (install, load,
 * consolidate): the same path as a real workbook, not a shortcut.
 *
 * The people's names of the sample (pilotes, élus, responsables) are kept on
 * purpose: the tests check that none of them reaches a shared file.
 */
import { REFERENTIEL_LINES } from '../domain/referentiel/catalogue';
import { CRITERES_ETOILES } from '../domain/referentiel/score';
import { TYPES_COLLECTIVITE } from '../domain/schema/lists';
import { consolidate } from './consolidate';
import { installWorkbook } from './install';
import { loadSample, type SampleFile } from './load-sample';
import { MemoryWorkbook } from './memory-workbook';

/** mulberry32: small, fast, good enough to vary test data (not for anything secret). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES: Record<(typeof TYPES_COLLECTIVITE)[number], readonly string[]> = {
  EPCI: ['Communauté de communes', 'Communauté d’agglomération', 'Communauté urbaine', 'Métropole'],
  Syndicat: ['Syndicat mixte de traitement des déchets', 'Syndicat intercommunal de collecte', 'SICTOM'],
  Commune: ['Commune de', 'Ville de'],
  Autre: ['Pays', 'Pôle d’équilibre territorial'],
};
const LIEUX_A = ['Val', 'Pays', 'Monts', 'Plateau', 'Vallée', 'Coteaux', 'Rives', 'Portes', 'Terres', 'Causses', 'Marches', 'Combes'];
const LIEUX_B = [
  'de l’Ain', 'du Haut-Jura', 'de la Loue', 'du Forez', 'du Livradois', 'de la Dombes', 'du Bugey', 'de Saône', 'du Velay', 'de la Drôme',
  'du Vercors', 'de Tarentaise', 'du Beaujolais', 'de Chartreuse', 'du Diois', 'de la Bresse', 'du Roannais', 'd’Ardèche', 'du Cantal', 'de l’Allier',
];
const COMMUNES = ['Saint-Amour', 'Montrevel', 'Belleville', 'Saint-Julien', 'Villefranche', 'Beaurepaire', 'Montbrison', 'Ambérieu', 'Saint-Flour', 'Tournon', 'Annonay', 'Crest'];
const FINANCEURS = [
  'ADEME', 'Région Auvergne-Rhône-Alpes', 'Département', 'Banque des Territoires', 'FEDER', 'Agence de l’eau', 'CITEO', 'Fonds vert', 'Collectivité (autofinancement)',
];
const STATUTS = ['Fait', 'Programmé', 'Pas fait', 'Non concerné'] as const;
const STATUS_LINES = REFERENTIEL_LINES.filter((l) => l.niveauLabel === 'Sous-mesure' || l.niveauLabel === 'Tâche');

export interface TerritoireSynthetique {
  readonly nom: string;
  readonly siren: string;
  readonly files: SampleFile[];
}

type Row = Record<string, unknown>;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * `n` territories derived from the sample's files. Names are unique (a
 * number is added when the combinations run out), SIREN too.
 */
export function territoiresSynthetiques(sample: readonly SampleFile[], n: number, seed = 1): TerritoireSynthetique[] {
  const rnd = prng(seed);
  const used = new Set<string>();
  const out: TerritoireSynthetique[] = [];
  for (let i = 0; i < n; i++) {
    const type = pick(rnd, TYPES_COLLECTIVITE.filter((t) => t !== 'Autre' || rnd() < 0.3));
    let nom = type === 'Commune' ? `${pick(rnd, PREFIXES[type])} ${pick(rnd, COMMUNES)}` : `${pick(rnd, PREFIXES[type])} ${pick(rnd, LIEUX_A)} ${pick(rnd, LIEUX_B)}`;
    if (used.has(nom)) nom = `${nom} ${i + 1}`;
    used.add(nom);
    const population =
      type === 'Commune' ? Math.round(800 + rnd() * 40_000) : type === 'Syndicat' ? Math.round(30_000 + rnd() * 400_000) : Math.round(8_000 + rnd() * 250_000);
    const siren = String(200_000_000 + i * 7919 + Math.floor(rnd() * 7000)).slice(0, 9);
    // Maturity: how far the territory is along the référentiel.
    const maturite = rnd();
    const files = sample.map((f) => ({ file: f.file, content: clone(f.content) }));
    for (const f of files) {
      const c = f.content as { tab?: string; identite?: Row; rows?: Row[] };
      if (c.tab === 'Accueil' && c.identite) {
        c.identite['Nom de la collectivité'] = nom;
        c.identite['Type'] = type;
        c.identite['Population'] = population;
        c.identite['SIREN'] = siren;
      }
      if (c.tab === 'Référentiel') {
        // The star criteria lines are done up to a star that grows with maturity, so stars vary.
        const etoileCriteres = Math.floor(maturite * 4.5);
        const criteres = CRITERES_ETOILES.filter((k) => k.etoile <= etoileCriteres).map((k) => k.actionId);
        const sousCritere = (id: string) => criteres.some((k) => id === k || id.startsWith(`${k}.`));
        // Territories preparing the label fill in every line (stars need a complete référentiel).
        const complet = maturite > 0.35;
        c.rows = STATUS_LINES.filter((l) => complet || sousCritere(l.id) || rnd() < 0.35 + 0.6 * maturite).map((l) => {
          if (sousCritere(l.id)) return { Identifiant: l.id, Statut: STATUTS[0] };
          const r = rnd();
          const statut = r < maturite * 0.8 ? STATUTS[0] : r < maturite * 0.8 + 0.2 ? STATUTS[1] : r < 0.97 ? STATUTS[2] : STATUTS[3];
          return { Identifiant: l.id, Statut: statut };
        });
      }
      if (c.tab === "Plan d'actions" && c.rows) {
        const keep = c.rows.filter(() => rnd() < 0.4 + 0.6 * maturite);
        c.rows = keep.map((row, k) => {
          const r: Row = { ...row, 'N°': k + 1 };
          const nf = 1 + Math.floor(rnd() * 3);
          let total = 0;
          for (let j = 1; j <= 3; j++) {
            if (j <= nf) {
              const montant = Math.round((2 + rnd() * 60) * 1000);
              total += montant;
              r[`Financeur ${j}`] = pick(rnd, FINANCEURS);
              r[`Montant financeur ${j} (€ HT)`] = montant;
            } else {
              delete r[`Financeur ${j}`];
              delete r[`Montant financeur ${j} (€ HT)`];
            }
          }
          r['Budget prévisionnel total € HT'] = total;
          // Some territories type a contact into a title: it must never be shared.
          if (rnd() < 0.05) r['Titre de la fiche action'] = `${String(r['Titre de la fiche action'])} (contact : referent.ec@exemple-territoire.fr)`;
          return r;
        });
      }
      if (c.tab === 'Instances' && c.rows) {
        // Shift every meeting by the same number of days so the sequence stays coherent.
        const shift = Math.floor((rnd() - 0.5) * 360) * 86_400_000;
        for (const row of c.rows) {
          if (typeof row['Date'] === 'string') row['Date'] = isoDate(new Date(Date.parse(row['Date']) + shift));
        }
      }
    }
    out.push({ nom, siren, files });
  }
  return out;
}

/** The workbook of a synthetic territory, built like the sample's: installed, loaded, consolidated. */
export function classeurSynthetique(t: TerritoireSynthetique, now: Date): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  installWorkbook({ workbook: wb, formatter: wb });
  loadSample(t.files, wb);
  installWorkbook({ workbook: wb, formatter: wb });
  consolidate({ workbook: wb, lock: { tryLock: () => true, release: () => undefined }, clock: { now: () => now }, user: { email: () => '' } });
  return wb;
}
