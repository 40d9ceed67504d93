/**
 * A territory that is not the sample, for the COPIL deck tests: another
 * name, other COPIL dates, other funders, longer texts and more of them
 * (acteurs crowding one cell of the matrix, a long AFOM, many fiches), an
 * indicator to reduce that is above its target, a commitment made for a
 * milestone (one item, not two), and two COPILs already in Historique.
 */
import type { MemoryWorkbook } from '../../src/app/memory-workbook';
import { TAB } from '../../src/domain/schema/tabs';
import { addRows, installed, setRow } from '../steering/helpers';

export const NOM_B = 'Syndicat mixte des Monts du Haut-Forez et de la vallée de l’Ance';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The meeting of the tests: COPIL n° 3, 4 February 2027 (generation on 20 January 2027). */
export const NOW_B = new Date(2027, 0, 20, 9, 30);

const FUNDERS = ['Région Auvergne-Rhône-Alpes', 'Département de la Loire', 'FEDER – programme opérationnel régional', 'Citeo', 'Banque des Territoires'];
const LONG = 'pour les communes rurales de montagne, avec un accompagnement renforcé des entreprises du bois et de l’agroalimentaire';

export function territoireB(): MemoryWorkbook {
  const wb = installed();
  const g = wb.grid(TAB.accueil).map((r) => r.slice());
  const r = g.findIndex((row) => row[0] === 'Nom de la collectivité');
  g[r][1] = NOM_B;
  wb.setGrid(TAB.accueil, g);

  addRows(wb, TAB.instances, 'instances', [
    { 'N°': 1, Date: d('2026-03-12'), Type: 'COPIL', Intitulé: 'COPIL de lancement', Décisions: 'Lancer le diagnostic territorial.\nDésigner un référent par commune.' },
    { 'N°': 2, Date: d('2026-05-20'), Type: 'Conseil communautaire', Intitulé: 'Adoption de la stratégie économie circulaire', Décisions: 'Délibération n° 2026-41 adoptée : stratégie et plan d’actions approuvés.' },
    {
      'N°': 3,
      Date: d('2026-09-17'),
      Type: 'COPIL',
      Intitulé: 'COPIL de suivi d’automne',
      Décisions: 'Déposer le dossier FEDER pour la recyclerie de montagne avant décembre.\nOuvrir la plateforme de broyage des déchets verts au printemps.\nRéunir les entreprises du bois autour des connexes de scierie.',
    },
    { 'N°': 4, Date: d('2027-02-04'), Type: 'COPIL', Intitulé: 'COPIL d’hiver : bilan et préparation du label' },
    { 'N°': 5, Date: d('2027-06-10'), Type: 'COPIL', Intitulé: 'COPIL de printemps' },
  ]);
  addRows(wb, TAB.engagements, 'engagements', [
    { Instance: 3, Qui: 'Aurélien Chazal-Montagnac', Quoi: 'Déposer le dossier FEDER de la recyclerie de montagne', Échéance: d('2026-12-01'), Statut: 'À faire' },
    { Instance: 3, Qui: 'Bénédicte Fournel', Quoi: 'Ouvrir la plateforme de broyage des déchets verts', Échéance: d('2027-04-15'), Statut: 'À faire' },
    { Instance: 3, Qui: 'Jean-Christophe Desgranges', Quoi: 'Réunir les entreprises du bois autour des connexes de scierie', Échéance: d('2026-11-20'), Statut: 'Fait' },
  ]);

  const fiches = Array.from({ length: 14 }, (_, i) => {
    const n = i + 1;
    const budget = 40_000 + i * 35_000;
    const funded = i % 4 === 3 ? 0 : i % 3 === 0 ? budget : Math.round(budget * 0.6);
    return {
      'N°': n,
      'Titre de la fiche action': `Fiche ${n} : développer une filière de réemploi ${i % 2 ? LONG : 'des matériaux du bâtiment'}`,
      'Personne pilote': ['Aurélien Chazal-Montagnac', 'Bénédicte Fournel', 'Jean-Christophe Desgranges'][i % 3],
      'Financeur 1': funded ? FUNDERS[i % FUNDERS.length] : null,
      'Montant financeur 1 (€ HT)': funded || null,
      'Budget prévisionnel total € HT': budget,
      Statut: i === 5 ? 'À discuter' : i === 6 ? 'Bloqué' : 'En cours',
      'Date de début': d(`202${6 + (i % 2)}-0${1 + (i % 8)}-01`),
      'Date de fin': d(`202${7 + (i % 3)}-12-31`),
      'Mesures liées': ['eci_2.2', 'eci_3.1', 'eci_1.2'][i % 3],
    };
  });
  addRows(wb, TAB.planActions, 'planActions', fiches);
  addRows(wb, TAB.jalons, 'jalons', [
    // The commitment of COPIL n° 3 for the same deadline and person: ONE late item.
    { 'Fiche (N°)': 2, Jalon: 'Dossier FEDER de la recyclerie déposé', Échéance: d('2026-12-01'), Responsable: 'Aurélien Chazal-Montagnac', Statut: 'À faire' },
    { 'Fiche (N°)': 4, Jalon: 'Convention avec les scieries signée', Échéance: d('2026-12-18'), Responsable: 'Jean-Christophe Desgranges', Statut: 'À faire' },
    { 'Fiche (N°)': 5, Jalon: 'Premier atelier de réparation itinérant', Échéance: d('2026-10-10'), Responsable: 'Bénédicte Fournel', Statut: 'Fait' },
    { 'Fiche (N°)': 6, Jalon: 'Étude de gisement des biodéchets rendue', Échéance: d('2027-03-01'), Responsable: 'Bénédicte Fournel', Statut: 'À faire' },
  ]);

  addRows(
    wb,
    TAB.actions,
    'actions',
    Array.from({ length: 12 }, (_, i) => ({
      Service: ['Environnement', 'Développement économique', 'Bâtiments'][i % 3],
      'Réf.': `ENV-${i + 1}`,
      "Intitulé de l'action": `Action ${i + 1} : ${i % 2 ? 'ressourcerie mobile de montagne ouverte un samedi sur deux dans chaque bourg-centre' : 'broyage'}`,
      Pilote: ['Aurélien Chazal-Montagnac', 'Bénédicte Fournel'][i % 2],
      'Date de fin': d('2027-09-30'),
      'Budget (€ HT)': 12_500 * (i + 1),
      'Action phare': i < 5 ? 'Oui' : 'Non',
      'Mesure du référentiel': 'eci_2.2.1',
    })),
  );

  // Eight acteurs of the same impact and facilité: their cell cannot hold them all.
  addRows(
    wb,
    TAB.acteurs,
    'acteurs',
    Array.from({ length: 16 }, (_, i) => ({
      Nom: i < 8 ? `Coopérative forestière et scierie artisanale des Hautes-Chaumes n° ${i + 1}` : `Association ${i + 1}`,
      Catégorie: 'Entreprise',
      'Relation actuelle': i % 2 ? 'Aucune' : 'Régulière',
      'Impact sur le territoire': i < 8 ? 4 : 1 + (i % 4),
      'Facilité de mobilisation': i < 8 ? 2 : 1 + ((i + 1) % 4),
      'Service référent': i % 3 ? 'Développement économique' : null,
    })),
  );
  addRows(
    wb,
    TAB.afom,
    'afom',
    Array.from({ length: 24 }, (_, i) => ({
      Id: `${['A', 'F', 'O', 'M'][i % 4]}${i + 1}`,
      Type: ['Atout', 'Faiblesse', 'Opportunité', 'Menace'][i % 4],
      Énoncé: `Élément ${i + 1} du diagnostic : un territoire de moyenne montagne où les distances de collecte pèsent sur les coûts et où l’économie du bois offre des gisements de connexes encore peu valorisés`,
      'Axe du référentiel': String(1 + (i % 5)),
      Importance: 1 + (i % 3),
    })),
  );
  addRows(wb, TAB.indicateurs, 'indicateurs', [
    // A cost to reduce, above its target: never « atteint ».
    { Identifiant: 'MHF-1', Intitulé: 'Coût complet du service public de gestion des déchets', Unité: '€/hab', Objectif: 95, Sens: 'Baisse', 'Année cible': 2030, '2024': 104, '2025': 101 },
    { Identifiant: 'MHF-2', Intitulé: 'Tonnes réemployées par la recyclerie', Unité: 't/an', Objectif: 300, Sens: 'Hausse', 'Année cible': 2029, '2024': 120, '2025': 160 },
    { Identifiant: 'MHF-3', Intitulé: 'Ordures ménagères résiduelles', Unité: 'kg/hab', Objectif: 180, 'Année cible': 2030, '2024': 210, '2025': 205 },
  ]);
  for (const [id, statut, pilote] of [
    ['eci_1.1.1', 'Fait', 'Aurélien Chazal-Montagnac'],
    ['eci_1.1.2', 'Fait', 'Aurélien Chazal-Montagnac'],
    ['eci_1.2.1', 'Programmé', 'Bénédicte Fournel'],
    ['eci_2.2.1', 'Programmé', 'Jean-Christophe Desgranges'],
    ['eci_2.2.2', 'Fait', 'Jean-Christophe Desgranges'],
    ['eci_3.1.1', 'Programmé', null],
  ] as const) {
    try {
      setRow(wb, TAB.referentiel, 'referentiel', 'Identifiant', id, { Statut: statut, Pilote: pilote });
    } catch {
      // A sous-mesure detailed in tâches has no row of its own to set: skipped.
    }
  }
  addRows(wb, TAB.historique, 'historique', [
    { 'Date de la séance': d('2026-03-12'), Instance: 1, 'Score réalisé (%)': 2.5, 'Score avec le programmé (%)': 6, Étoile: 0 },
    { 'Date de la séance': d('2026-09-17'), Instance: 3, 'Score réalisé (%)': 4.1, 'Score avec le programmé (%)': 9.5, Étoile: 0 },
  ]);
  return wb;
}
