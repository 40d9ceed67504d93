/**
 * Rows the engine writes into an empty reference section at install: the
 * référentiel lines, the expected preuves, the ECi indicators, the
 * personalisation questions, the feuille de route, the audit checklist and
 * calendar, and default lists.
 */
import type { Cell } from '../table/cell';
import type { TableSectionSpec } from '../schema/types';
import { CATEGORIES_ACTEURS, FILIERES } from '../schema/lists';
import { REFERENTIEL_LINES, PREUVES_ATTENDUES, INDICATEURS_ECI, QUESTIONS_PERSONNALISATION } from '../referentiel/catalogue';
import { PRATIQUES } from '../feuille-de-route/pratiques';
import { CHECKLIST_CRITERES, CALENDRIER_ETAPES } from '../audit/checklist';
import { SEUILS_PAR_DEFAUT } from '../parametres/seuils';

export type PrefillKind = NonNullable<TableSectionSpec['prefill']>;
export type PrefillRow = Readonly<Record<string, Cell>>;

export function prefillRows(kind: PrefillKind): PrefillRow[] {
  switch (kind) {
    case 'referentiel':
      return REFERENTIEL_LINES.map((l) => ({
        identifiant: l.id,
        niveau: l.niveauLabel,
        intitule: l.title,
        phase: l.phase ?? null,
        pointsReferentiel: l.points,
      }));
    case 'preuves':
      return PREUVES_ATTENDUES.map((p) => ({
        identifiant: p.id,
        mesure: p.sousMesures.join(', '),
        preuve: p.nom,
        type: p.type,
      }));
    case 'indicateurs':
      return INDICATEURS_ECI.map((i) => ({ identifiant: i.id, intitule: i.title, unite: i.unit ?? null, type: null }));
    case 'personnalisation':
      return QUESTIONS_PERSONNALISATION.map((q) => ({ identifiant: q.id, question: q.formulation }));
    case 'feuilleDeRoute':
      return PRATIQUES.map((p) => ({ etape: p.etape, pratique: p.pratique, statut: 'À faire' }));
    case 'auditChecklist':
      return CHECKLIST_CRITERES.map((c) => ({ critere: c.label }));
    case 'auditCalendrier':
      return CALENDRIER_ETAPES.map((e) => ({ etape: e.label }));
    case 'seuils':
      return SEUILS_PAR_DEFAUT.map((s) => ({ parametre: s.parametre, valeur: s.valeur, explication: s.explication }));
    case 'filieres':
      return FILIERES.map((f) => ({ filiere: f }));
    case 'categoriesActeurs':
      return CATEGORIES_ACTEURS.map((c) => ({ categorie: c }));
  }
}
