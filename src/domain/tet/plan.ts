/**
 * The plan d'actions in the layout TeT's importer accepts (../shared/tet/README.md):
 * - first sheet, A2 = `Axe (x)`; row 2 = the 28 labels the importer checks,
 *   in order, then the 7 further columns of `import-plan-accepte.xlsx`
 *   (35 columns, as that accepted file);
 * - row 1 = column groups, row 3 = field types (not data, as in the
 *   accepted file); one fiche per row from row 4;
 * - list values from TeT's lists (`modele-import-pa.xlsx` › Listes
 *   déroulantes): Statut, Niveau de priorité, Participation citoyenne; a value
 *   outside them is left empty and reported;
 * - dates as dates, amounts as numbers; Action en amélioration continue is
 *   `TRUE` when set (the spelling of TeT's own export) and empty otherwise;
 * - Mesures liées as `eci 2.1 - <title>` (the accepted file's form), comma
 *   separated; the fiche's jalons go to `Calendrier`; AFOM, piliers and
 *   notes go to `Notes` (the last two columns are not imported by TeT but
 *   kept for the reader).
 */
import { anomaly, type Anomaly } from '../anomaly';
import type { FicheAction, Jalon, WorkbookModel } from '../model/types';
import { findNode, resolveNodeId } from '../referentiel/tree';
import { PARTICIPATION_CITOYENNE, PRIORITES_FICHE, STATUTS_FICHE } from '../schema/lists';
import { TAB } from '../schema/tabs';
import type { Cell, Grid } from '../table/cell';
import { normalizeKey } from '../table/normalize';
import { formatDateFr } from '../format';
import { axesDeMesure } from '../plan-actions/fiches';
import { STEERING_MESSAGES as M } from '../messages/steering';
import type { FeuilleExport } from './classeur';

/** The 28 labels TeT's importer requires on row 2, in order. */
export const TET_IMPORT_LABELS = [
  'Axe (x)', 'Sous-axe (x.x)', 'Sous-sous axe (x.x.x)', "Titre de l'action", 'Titre de la sous-action', 'Descriptif',
  'Instances de gouvernance', 'Objectifs', 'Indicateurs liés', 'Structure pilote', 'Moyens humains et techniques',
  'Partenaires', 'Direction ou service pilote', 'Personne pilote', 'Élu·e référent·e', 'Participation Citoyenne',
  'Financements', 'Financeur 1', 'Montant € HT', 'Financeur 2', 'Montant € HT', 'Financeur 3', 'Montant € HT',
  'Budget prévisionnel total € HT', 'Statut', 'Niveau de priorité', 'Date de début', 'Date de fin',
] as const;

/** Columns 29–35 of `import-plan-accepte.xlsx`. */
export const TET_EXTRA_LABELS = [
  'Action en amélioration continue', 'Calendrier', 'Mesures liées', 'Actions des plans liées', 'Notes', "Etapes de l'action", 'Documents et liens',
] as const;

export const TET_LABELS: readonly string[] = [...TET_IMPORT_LABELS, ...TET_EXTRA_LABELS];

/** Row 1 groups: [label, first column, last column] (0-based, inclusive). */
const GROUPS: ReadonlyArray<readonly [string, number, number]> = [
  ["Présentation de l’action", 0, 6],
  ['Objectifs et indicateurs', 7, 8],
  ['Acteurs', 9, 15],
  ['Modalités de mise en oeuvre', 16, 29],
  ['Actions liées', 30, 31],
];

/** Row 3, as in the accepted file. */
const TYPES: readonly string[] = [
  'Champ texte', 'Champ texte', 'Champ texte', 'Champ texte', 'Champ texte', 'Champ texte', 'Champ texte', 'Champ texte',
  'Champ texte non importé', 'Champ texte (séparateur virgule)', 'Champ texte', 'Champ texte (séparateur virgule)',
  'Champ texte (séparateur virgule)', 'Champ texte (séparateur virgule)', 'Champ texte (séparateur virgule)',
  'Champ liste déroulante (choix prédéfinis)', 'Champ texte libre', 'Champ texte (séparateur virgule)', 'Champ numérique',
  'Champ texte (séparateur virgule)', 'Champ numérique', 'Champ texte (séparateur virgule)', 'Champ numérique', 'Champ numérique',
  'Champ liste déroulante (choix prédéfinis)', 'Champ liste déroulante (choix prédéfinis)', 'Champ date', 'Champ date',
  'Champ binaire', 'Champ texte libre', 'Champ texte non importé', 'Champ texte non importé', 'Champ texte non importé',
  'Champ texte non importé', 'Champ texte',
];

export const TET_PLAN_SHEET = "Fichier d'import";

function inList(value: string | null, list: readonly string[]): string | null {
  if (!value) return null;
  const k = normalizeKey(value);
  return list.find((x) => normalizeKey(x) === k) ?? null;
}

/** `eci_2.1` / `2.1` → `eci 2.1 - <title>`; unknown ids are kept as typed. */
export function mesureTet(mesure: string): string {
  const id = resolveNodeId(mesure);
  const node = id ? findNode(id) : undefined;
  return node ? `eci ${node.identifiant} - ${node.title}` : mesure;
}

/**
 * How the export writes a fiche's jalons in `Calendrier` (one line each:
 * `JJ/MM/AAAA : <jalon>` or `Sans date : <jalon>`, ` (fait)` when done) and
 * the lines it adds to `Notes`. The import from TeT (import.ts) reads them
 * back: keep both in step by using these constants only.
 */
export const TET_CALENDRIER = { sansDate: 'Sans date', separateur: ' : ', fait: ' (fait)' } as const;
export const TET_NOTES = {
  afom: 'AFOM traités : ',
  piliers: 'Piliers EC : ',
  actionsLiees: 'Actions liées (Cap Circulaire) : ',
} as const;

function calendrier(numero: string, jalons: readonly Jalon[]): string | null {
  const own = jalons.filter((j) => normalizeKey(j.fiche) === normalizeKey(numero));
  if (!own.length) return null;
  const C = TET_CALENDRIER;
  return own
    .map((j) => `${j.echeance ? formatDateFr(j.echeance) : C.sansDate}${C.separateur}${j.jalon}${j.statut === 'Fait' ? C.fait : ''}`)
    .join('\n');
}

function notes(f: FicheAction): string | null {
  const parts = [
    f.notes,
    f.afom.length ? `${TET_NOTES.afom}${f.afom.join(', ')}` : null,
    f.piliers.length ? `${TET_NOTES.piliers}${f.piliers.join(', ')}` : null,
    f.actionsLiees.length ? `${TET_NOTES.actionsLiees}${f.actionsLiees.join(', ')}` : null,
  ].filter((x): x is string => !!x);
  return parts.length ? parts.join('\n') : null;
}

export function ligneTet(f: FicheAction, jalons: readonly Jalon[], anomalies: Anomaly[]): Cell[] {
  const statut = inList(f.statut, STATUTS_FICHE);
  if (f.statut && !statut) {
    anomalies.push(anomaly({ onglet: TAB.planActions, ligne: f.rowNumber, colonne: 'Statut', message: M.tet.statutInconnu(f.numero, f.statut), bloquante: false, code: 'tet-statut' }));
  }
  const fromMesure = axesDeMesure(f.mesures[0] ?? null);
  const fin = (i: number) => f.financeurs[i] ?? null;
  const row: Cell[] = [
    f.axe ?? fromMesure.axe,
    f.sousAxe,
    null,
    f.titre,
    null,
    f.descriptif,
    null,
    f.objectifs,
    f.indicateurs,
    f.structurePilote,
    null,
    f.partenaires,
    f.servicePilote,
    f.personnePilote,
    f.eluReferent,
    inList(f.participation, PARTICIPATION_CITOYENNE),
    null,
    fin(0)?.nom || null, fin(0)?.montant ?? null,
    fin(1)?.nom || null, fin(1)?.montant ?? null,
    fin(2)?.nom || null, fin(2)?.montant ?? null,
    f.budgetTotal,
    statut,
    inList(f.priorite, PRIORITES_FICHE),
    f.debut,
    f.fin,
    f.ameliorationContinue ? 'TRUE' : null,
    calendrier(f.numero, jalons),
    f.mesures.length ? f.mesures.map(mesureTet).join(', ') : null,
    null,
    notes(f),
    null,
    null,
  ];
  return row;
}

export function feuillePlanTet(model: Pick<WorkbookModel, 'planActions' | 'jalons'>): { feuille: FeuilleExport; anomalies: Anomaly[] } {
  const anomalies: Anomaly[] = [];
  const width = TET_LABELS.length;
  const row1: Cell[] = new Array(width).fill(null);
  for (const [label, from] of GROUPS) row1[from] = label;
  const rows: Grid = [row1, [...TET_LABELS], [...TYPES]];
  const fiches = [...model.planActions].sort((a, b) => a.numero.localeCompare(b.numero, 'fr', { numeric: true }));
  for (const f of fiches) rows.push(ligneTet(f, model.jalons, anomalies));
  const n = fiches.length;
  const zone = (col: number, numberFormat: string) => ({ row: 3, col, rows: n, cols: 1, numberFormat });
  return {
    feuille: {
      name: TET_PLAN_SHEET,
      rows,
      merges: GROUPS.filter(([, a, b]) => b > a).map(([, a, b]) => ({ row: 0, col: a, rows: 1, cols: b - a + 1 })),
      widths: TET_LABELS.map((l, i) => (i === 3 || i === 5 || i === 7 ? 50 : i === 0 || i === 1 ? 35 : Math.max(14, Math.min(30, l.length + 4)))),
      formats: n ? [zone(18, '#,##0'), zone(20, '#,##0'), zone(22, '#,##0'), zone(23, '#,##0'), zone(26, 'dd/mm/yyyy'), zone(27, 'dd/mm/yyyy')] : [],
      boldRows: [0, 1],
      frozenRows: 3,
    },
    anomalies,
  };
}
