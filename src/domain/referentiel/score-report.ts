/** Output of `cap-circulaire score`: the JSON object of PRODUCT.md and a French text summary. */
import { REFERENTIEL_MESSAGES as msg } from '../messages/referentiel';
import type { LineScore, ScoreResult } from './score';
import { getNode, NODES, ROOT } from './tree';

/** TeT's fields of a line, and only those, so the JSON compares line by line with the platform's. */
export type ScoreJsonLine = Pick<
  LineScore,
  'pointReferentiel' | 'pointPotentiel' | 'pointFait' | 'pointProgramme' | 'pointPasFait' | 'pointNonRenseigne' | 'concerne'
>;

export interface ScoreJson {
  readonly referentiel: 'eci';
  /** Every line, root `eci` first, then in document order. */
  readonly scores: Readonly<Record<string, ScoreJsonLine>>;
  readonly etoiles: { readonly actuelle: number; readonly potentielle: number };
  /**
   * Share of the entry lines renseignées (see ScoreResult.completude), between 0 and 1, rounded
   * down to 4 decimals so that 1 always means complete.
   */
  readonly completude: number;
}

export function scoreJson(result: ScoreResult): ScoreJson {
  const scores: Record<string, ScoreJsonLine> = {};
  for (const { id } of NODES) {
    const s = result.scores[id];
    scores[id] = {
      pointReferentiel: s.pointReferentiel,
      pointPotentiel: s.pointPotentiel,
      pointFait: s.pointFait,
      pointProgramme: s.pointProgramme,
      pointPasFait: s.pointPasFait,
      pointNonRenseigne: s.pointNonRenseigne,
      concerne: s.concerne,
    };
  }
  return {
    referentiel: 'eci',
    scores,
    etoiles: { actuelle: result.etoiles.actuelle, potentielle: result.etoiles.potentielle },
    completude: Math.floor(result.completude * 10_000) / 10_000,
  };
}

export function scoreTexte(result: ScoreResult): string {
  const lines: string[] = [msg.rapportTitre(), ''];
  for (const axe of result.axes) {
    lines.push(
      axe.concerne
        ? msg.rapportAxe(axe.identifiant, axe.titre, axe.pointFait, axe.pointPotentiel, axe.pourcentageFait, axe.pointProgramme, axe.pourcentageProgramme)
        : msg.rapportAxeNonConcerne(axe.identifiant, axe.titre),
    );
  }
  const { total, etoiles, completudeDetail: c } = result;
  lines.push(
    '',
    msg.rapportTotal(
      total.pointFait,
      total.pointPotentiel,
      etoiles.scoreRealise,
      total.pointProgramme,
      etoiles.scorePrevisionnel - etoiles.scoreRealise,
      ROOT.points,
    ),
    msg.rapportCompletude(result.completude, c.lignesRenseignees, c.lignesTotal, c.sousMesuresRenseignees, c.sousMesuresTotal),
    msg.rapportEtoileActuelle(etoiles.actuelle),
    msg.rapportEtoilePotentielle(etoiles.potentielle),
  );
  const next = etoiles.prochaine;
  if (!next) {
    lines.push(msg.rapportEtoileMaximale());
  } else {
    lines.push(msg.rapportProchaine(next.etoile, next.seuil, next.pointsManquants, next.seuilAvecMarge, next.pointsManquantsAvecMarge));
    if (next.criteresManquants.length) {
      lines.push(msg.rapportCriteresManquants());
      for (const k of next.criteresManquants) {
        lines.push(
          msg.rapportCritere(
            getNode(k.actionId).identifiant,
            k.formulation,
            k.realise,
            k.realiseEtProgramme,
            k.minRealisePercentage,
            k.minProgrammePercentage,
            k.concerne,
          ),
        );
      }
    }
    if (next.lignesNonRenseignees > 0) lines.push(msg.rapportLignesNonRenseignees(next.lignesNonRenseignees));
  }
  return lines.join('\n');
}
