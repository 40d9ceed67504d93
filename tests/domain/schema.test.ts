/**
 * The workbook schema against PRODUCT.md, the contract with users' files: tab
 * names and the columns PRODUCT.md names for each tab, exactly as written there.
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_COLUMNS, SERVICE_TAB, SERVICE_TAB_PREFIX, TABS, LEAD_COLUMNS, MAX_TAB_NAME_LENGTH } from '../../src/domain/schema/tabs';
import type { ColumnSpec } from '../../src/domain/schema/types';
import { REFERENTIEL_LINES, PREUVES_ATTENDUES, INDICATEURS_ECI } from '../../src/domain/referentiel/catalogue';

const PRODUCT_TABS = [
  'Accueil', 'Paramètres', 'Équipe', 'Plans', 'Actions', 'Acteurs', 'AFOM', 'Référentiel', 'Personnalisation',
  "Plan d'actions", 'Jalons', 'Indicateurs', 'Preuves', 'Instances', 'Engagements', 'Audit',
  // Added by issue 11 (documented in the README): the figures of each COPIL, for the next deck's progression.
  'Historique',
  'Tableau de bord', 'Journal',
];

/** Columns PRODUCT.md names, tab by tab (financeurs are numbered since TeT repeats one header three times). */
const PRODUCT_COLUMNS: Record<string, string[]> = {
  Accueil: ['Nom de la collectivité', 'Type', 'Population', 'Compétences', 'Étape', 'Pratique', 'Statut', 'Détecté automatiquement', 'Date', 'Commentaire'],
  Équipe: ['Nom', 'Fonction', 'Type', 'Service ou délégation', 'Rôle', 'EC dans la lettre de mission', 'Email', 'Depuis'],
  Plans: ['Type', 'Intitulé', 'Statut', 'Début', 'Fin', 'Service porteur', 'Élu référent', 'Niveau EC', "Nb d'actions EC", 'Budget EC (€)'],
  Actions: ['Service', 'Origine', 'Anomalies', 'Action phare', 'Retenue au plan', 'Répond à', 'Priorité', 'Note'],
  Acteurs: ['Nom', 'Catégorie', 'Filière', 'Localisation', 'Relation actuelle', 'Position dans la chaîne de valeur', 'Impact sur le territoire', 'Facilité de mobilisation', 'Service référent', 'Contact', 'Priorité'],
  AFOM: ['Id', 'Type', 'Énoncé', 'Axe du référentiel', 'Source', 'Importance', 'Actions liées'],
  Référentiel: ['Identifiant', 'Niveau', 'Intitulé', 'Phase', 'Points référentiel', 'Statut', 'Fait %', 'Programmé %', 'Pas fait %', 'Pilote', 'Services', 'Explication', 'Potentiel', 'Points faits', 'Points programmés', '% réalisé', '% programmé', 'Preuves prêtes / attendues'],
  Personnalisation: ['Question', 'Réponse', 'Effet'],
  "Plan d'actions": ['N°', 'Axe (x)', 'Sous-axe (x.x)', 'Titre de la fiche action', 'Descriptif', 'Objectifs', 'Indicateurs liés', 'Structure pilote', 'Direction ou service pilote', 'Personne pilote', 'Élu·e référent·e', 'Partenaires', 'Financeur 1', 'Financeur 2', 'Financeur 3', 'Budget prévisionnel total € HT', 'Statut', 'Niveau de priorité', 'Date de début', 'Date de fin', 'Action en amélioration continue', 'Mesures liées', 'Actions liées', 'AFOM traités', 'Piliers EC', 'Participation citoyenne', 'Notes'],
  Jalons: ['Fiche (N°)', 'Jalon', 'Échéance', 'Responsable', 'Statut', 'Commentaire', 'En retard'],
  Indicateurs: ['Identifiant', 'Intitulé', 'Unité', 'Type', 'Objectif', 'Année cible', 'Source', 'Service', '2019', '2030'],
  Preuves: ['Mesure', 'Preuve attendue', 'Type', 'État', 'Responsable', 'Service', 'Échéance', 'Lien', 'Page ou référence', 'Commentaire'],
  Instances: ['Date', 'Type', 'Intitulé', 'Public', 'Participants', 'Nb de participants', 'Élu·e présent·e', 'Direction présente', 'Points clés', 'Décisions', 'Lien du compte rendu'],
  Engagements: ['Instance', 'Qui', 'Quoi', 'Échéance', 'Statut', 'En retard'],
  Journal: ['Date', 'Utilisateur', 'Commande', 'Résultat', 'Lien'],
};

const SERVICE_PRODUCT_COLUMNS = [
  'Réf.', "Intitulé de l'action", 'Description', 'Pilier EC', 'Mesure du référentiel', 'Plans de rattachement', 'Filière',
  'Temporalité', 'Date de début', 'Date de fin', 'Pilote', 'Partenaires', 'Budget (€ HT)', 'Source du budget', 'Indicateur de suivi', 'Commentaire',
];

function headers(tab: string): string[] {
  const spec = TABS.find((t) => t.name === tab)!;
  return spec.sections.flatMap((s) => (s.kind === 'table' ? s.columns : s.fields).map((c: ColumnSpec) => c.header));
}

describe('workbook schema (PRODUCT.md)', () => {
  it('has every tab of PRODUCT.md, in order, within Excel’s 31 characters', () => {
    expect(TABS.map((t) => t.name)).toEqual(PRODUCT_TABS);
    for (const t of TABS) expect(t.name.length).toBeLessThanOrEqual(MAX_TAB_NAME_LENGTH);
    expect(SERVICE_TAB_PREFIX).toBe('Service – ');
  });

  for (const [tab, cols] of Object.entries(PRODUCT_COLUMNS)) {
    it(`${tab} has the columns PRODUCT.md names`, () => {
      expect(headers(tab)).toEqual(expect.arrayContaining(cols));
    });
  }

  it('service tabs have the PRODUCT.md columns in that order, and Actions carries them all plus the lead’s columns', () => {
    expect(SERVICE_COLUMNS.map((c) => c.header)).toEqual(SERVICE_PRODUCT_COLUMNS);
    expect(headers('Actions')).toEqual(expect.arrayContaining([...SERVICE_PRODUCT_COLUMNS, ...LEAD_COLUMNS.map((c) => c.header)]));
    expect(LEAD_COLUMNS.every((c) => c.role === 'lead')).toBe(true);
  });

  it('gives every list column a list, every header a single meaning within its section, and a width', () => {
    for (const tab of [...TABS, SERVICE_TAB]) {
      for (const s of tab.sections) {
        const cols = s.kind === 'table' ? s.columns : s.fields;
        const seen = new Set<string>();
        for (const c of cols) {
          if (c.type === 'list' || c.type === 'multilist' || c.type === 'ouiNon') expect(c.list, `${tab.name} › ${c.header}`).toBeDefined();
          if (c.list?.kind === 'fixed') expect(c.list.values.length, `${tab.name} › ${c.header}`).toBeGreaterThan(1);
          expect(seen.has(c.header), `${tab.name} › ${c.header} twice`).toBe(false);
          seen.add(c.header);
          if (s.kind === 'table') expect(c.width, `${tab.name} › ${c.header}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('lists of PRODUCT.md: Niveau EC colour codes, statuses, priorities', () => {
    const col = (tab: string, header: string) => TABS.find((t) => t.name === tab)!.sections.flatMap((s) => (s.kind === 'table' ? s.columns : [])).find((c) => c.header === header)!;
    const niveau = col('Plans', 'Niveau EC');
    expect(niveau.list).toEqual({ kind: 'fixed', values: ['0 – Absent', '1 – Faible', '2 – Partiel', '3 – Fort'] });
    expect(niveau.colours?.map((r) => r.equals)).toEqual(['0 – Absent', '1 – Faible', '2 – Partiel', '3 – Fort']);
    expect(col('Référentiel', 'Statut').list).toEqual({ kind: 'fixed', values: ['Non renseigné', 'Fait', 'Programmé', 'Pas fait', 'Détaillé au %', 'Non concerné'] });
    expect(col('Plan d\'actions', 'Statut').list).toEqual({ kind: 'fixed', values: ['À venir', 'En cours', 'Réalisé', 'En pause', 'Abandonné', 'Bloqué', 'En retard', 'À discuter'] });
    expect(SERVICE_COLUMNS.find((c) => c.header === 'Temporalité')!.list).toEqual({ kind: 'fixed', values: ['Réalisée', 'En cours', 'Programmée', 'Envisagée'] });
  });

  it('pre-fills the référentiel (5 axes, 21 mesures, 80 sous-mesures, 261 tâches, 500 points), 176 preuves and 36 indicators', () => {
    const count = (n: string) => REFERENTIEL_LINES.filter((l) => l.niveauLabel === n).length;
    expect([count('Axe'), count('Mesure'), count('Sous-mesure'), count('Tâche')]).toEqual([5, 21, 80, 261]);
    expect(REFERENTIEL_LINES.filter((l) => l.niveauLabel === 'Axe').reduce((s, l) => s + l.points, 0)).toBeCloseTo(500, 6);
    expect(PREUVES_ATTENDUES).toHaveLength(176);
    expect(INDICATEURS_ECI).toHaveLength(36);
  });
});
