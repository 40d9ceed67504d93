/** Reads the thresholds of `Paramètres` › Paramètre / Valeur, by parameter name. */
import { anomaly, type Anomaly } from '../anomaly';
import type { ParsedRow } from '../parse/rows';
import { readNumber, splitMulti } from '../parse/values';
import { normalizeKey } from '../table/normalize';
import { SEUILS_PAR_DEFAUT, type SeuilKey } from './seuils';

export interface Seuils {
  readonly impactEleve: number;
  readonly relationsEtablies: readonly string[];
  readonly horizonMois: number;
  readonly margePoints: number;
  readonly delaiAuditJours: number;
}

export function defaultSeuils(): Seuils {
  const get = (k: SeuilKey) => SEUILS_PAR_DEFAUT.find((s) => s.key === k)!.valeur;
  return {
    impactEleve: Number(get('impactEleve')),
    relationsEtablies: splitMulti(String(get('relationsEtablies'))),
    horizonMois: Number(get('horizonMois')),
    margePoints: Number(get('margePoints')),
    delaiAuditJours: Number(get('delaiAuditJours')),
  };
}

export function readSeuils(rows: readonly ParsedRow[], tab: string): { seuils: Seuils; anomalies: Anomaly[] } {
  const anomalies: Anomaly[] = [];
  const base = defaultSeuils() as { -readonly [K in keyof Seuils]: Seuils[K] };
  for (const spec of SEUILS_PAR_DEFAUT) {
    const row = rows.find((r) => normalizeKey(String(r.values.parametre ?? '')) === normalizeKey(spec.parametre));
    if (!row || row.raw.valeur === null || row.raw.valeur === '') continue;
    if (spec.key === 'relationsEtablies') {
      base.relationsEtablies = splitMulti(row.raw.valeur);
      continue;
    }
    const n = readNumber(row.raw.valeur);
    if (!n.ok) {
      anomalies.push(anomaly({ onglet: tab, ligne: row.rowNumber, colonne: 'Valeur', message: `${spec.parametre} : ${n.reason} ; la valeur par défaut (${spec.valeur}) est utilisée.`, bloquante: false, code: 'seuil-illisible' }));
      continue;
    }
    base[spec.key] = n.value;
  }
  return { seuils: base, anomalies };
}
