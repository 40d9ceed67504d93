import { computeScores, type ScoreResult } from '../../../src/domain/referentiel/score';
import { CONTEXTE_VIDE, type PersonnalisationContext } from '../../../src/domain/referentiel/personnalisation';
import { STATUT, type Statut } from '../../../src/domain/referentiel/statut';
import { NODES, type Level } from '../../../src/domain/referentiel/tree';

export const ids = (level: Level): string[] => NODES.filter((n) => n.level === level).map((n) => n.id);

/** Every sous-mesure with the same status. */
export function toutesSousMesures(statut: Statut): Map<string, Statut> {
  return new Map(ids('sous-mesure').map((id) => [id, statut]));
}

export function scores(
  statuts: ReadonlyMap<string, Statut> | [string, Statut][] = [],
  personnalisation: PersonnalisationContext = CONTEXTE_VIDE,
  arrondi = true,
): ScoreResult {
  const map = statuts instanceof Map ? statuts : new Map(statuts as [string, Statut][]);
  return computeScores({ statuts: map, personnalisation }, { arrondi });
}

export const { fait, programme, pas_fait: pasFait, non_concerne: nonConcerne } = STATUT;

/** Small seeded PRNG (mulberry32), so that property tests are reproducible: the one the synthetic territories use. */
export { prng } from '../../../src/app/reseau-synthetique';
