/** Messages about the `Référentiel` tab as typed by users (French). */
import { formatPercentFr } from '../format';

const LEVEL_LABEL: Record<string, string> = { referentiel: 'le référentiel', axe: 'un axe', mesure: 'une mesure', 'sous-mesure': 'une sous-mesure', tache: 'une tâche' };

export const REFERENTIEL_WORKBOOK_MESSAGES = {
  unknownId: (id: string) => `Identifiant « ${id} » inconnu du référentiel ECi : la ligne est ignorée dans le calcul des scores.`,
  statusNotEnterable: (id: string, level: string) =>
    `${id} est ${LEVEL_LABEL[level] ?? level} : un statut se saisit sur une sous-mesure ou une tâche, jamais sur un axe ou une mesure (leur score est la somme des lignes en dessous). Statut ignoré.`,
  duplicateLine: (id: string) => `La ligne ${id} apparaît deux fois : seul le premier statut est pris en compte.`,
  badFractions: (id: string, f: number, p: number, n: number) =>
    `${id} : en « Détaillé au % », Fait %, Programmé % et Pas fait % doivent faire 100 % à eux trois (ici ${formatPercentFr(f, 0)} + ${formatPercentFr(p, 0)} + ${formatPercentFr(n, 0)}). La ligne est comptée comme non renseignée tant que ce n'est pas corrigé.`,
} as const;
