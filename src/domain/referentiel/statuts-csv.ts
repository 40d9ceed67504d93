/**
 * Reads the statuses file of `cap-circulaire score --statuts statuts.csv`:
 * header `id,statut,fait,programme,pas_fait`, one line of the référentiel per row.
 *
 * Lenient on form (`,` `;` or tab separator picked from the header, BOM, quoted fields, blank
 * rows, `0,5` or `0.5` or `50 %` read as the workbook reads percent cells, French labels as well as ids, `2.4.1` as well as `eci_2.4.1`),
 * strict on meaning: every error is reported, with the line of the file where its row starts.
 */
import { REFERENTIEL_MESSAGES as msg } from '../messages/referentiel';
import { readPercent } from '../parse/values';
import { findNode, resolveNodeId } from './tree';
import { normaliserLibelle, parseStatutId, peutRecevoirStatut, statutDetaille, STATUT, verifierFractions, type Statut } from './statut';

export interface ErreurCsv {
  /** Line of the file (1 is the header) where the faulty row starts. */
  readonly ligne: number;
  readonly message: string;
}

export type ResultatStatutsCsv =
  | { readonly ok: true; readonly statuts: ReadonlyMap<string, Statut> }
  | { readonly ok: false; readonly errors: readonly ErreurCsv[] };

interface Ligne {
  readonly ligne: number;
  readonly champs: readonly string[];
}

const SEPARATEURS = [',', ';', '\t'] as const;

function choisirSeparateur(text: string): string {
  const premiereLigne = text.split(/\r?\n/, 1)[0] ?? '';
  let best: string = ',';
  let bestCount = 0;
  for (const sep of SEPARATEURS) {
    const count = premiereLigne.split(sep).length - 1;
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 records: quoted fields may hold separators, doubled quotes and newlines. */
function decouper(text: string, sep: string): { lignes: Ligne[]; erreur: ErreurCsv | null } {
  const lignes: Ligne[] = [];
  let champs: string[] = [];
  let champ = '';
  let ligneCourante = 1;
  let debutEnregistrement = 1;
  let entreGuillemets = false;
  let debutGuillemets = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (entreGuillemets) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          champ += '"';
          i++;
        } else {
          entreGuillemets = false;
        }
      } else {
        if (c === '\n') ligneCourante++;
        champ += c;
      }
    } else if (c === '"' && champ.trim() === '') {
      entreGuillemets = true;
      debutGuillemets = ligneCourante;
      champ = '';
    } else if (c === sep) {
      champs.push(champ);
      champ = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      champs.push(champ);
      lignes.push({ ligne: debutEnregistrement, champs });
      champs = [];
      champ = '';
      ligneCourante++;
      debutEnregistrement = ligneCourante;
    } else {
      champ += c;
    }
  }
  if (entreGuillemets) return { lignes, erreur: { ligne: debutGuillemets, message: msg.csvGuillemetNonFerme(debutGuillemets) } };
  if (champ !== '' || champs.length) {
    champs.push(champ);
    lignes.push({ ligne: debutEnregistrement, champs });
  }
  return { lignes, erreur: null };
}

type Colonne = 'id' | 'statut' | 'fait' | 'programme' | 'pas_fait';

const ALIAS_COLONNES: Readonly<Record<string, Colonne>> = {
  id: 'id',
  identifiant: 'id',
  statut: 'statut',
  fait: 'fait',
  programme: 'programme',
  pas_fait: 'pas_fait',
};

const FRACTIONS: readonly Colonne[] = ['fait', 'programme', 'pas_fait'];

function lireEnTete(ligne: Ligne): { colonnes: Map<Colonne, number> } | { erreurs: ErreurCsv[] } {
  const erreurs: ErreurCsv[] = [];
  const colonnes = new Map<Colonne, number>();
  ligne.champs.forEach((brut, index) => {
    const nom = normaliserLibelle(brut).replace(/ /g, '_');
    if (nom === '') return;
    const colonne = ALIAS_COLONNES[nom];
    if (!colonne) erreurs.push({ ligne: ligne.ligne, message: msg.csvColonneInconnue(ligne.ligne, brut.trim()) });
    else if (colonnes.has(colonne)) erreurs.push({ ligne: ligne.ligne, message: msg.csvColonneEnDouble(ligne.ligne, colonne) });
    else colonnes.set(colonne, index);
  });
  for (const requise of ['id', 'statut'] as const) {
    if (!colonnes.has(requise)) erreurs.push({ ligne: ligne.ligne, message: msg.csvColonneManquante(ligne.ligne, requise) });
  }
  const presentes = FRACTIONS.filter((f) => colonnes.has(f));
  if (presentes.length > 0 && presentes.length < FRACTIONS.length) {
    erreurs.push({ ligne: ligne.ligne, message: msg.csvColonnesFractionsIncompletes(ligne.ligne) });
  }
  return erreurs.length ? { erreurs } : { colonnes };
}

export function parseStatutsCsv(text: string): ResultatStatutsCsv {
  const sansBom = text.replace(/^\uFEFF/, '');
  const separateur = choisirSeparateur(sansBom);
  const { lignes: toutes, erreur } = decouper(sansBom, separateur);
  if (erreur) return { ok: false, errors: [erreur] };
  const lignes = toutes.filter((l) => l.champs.some((c) => c.trim() !== ''));
  if (lignes.length === 0) return { ok: false, errors: [{ ligne: 1, message: msg.csvVide() }] };

  const [enTete, ...donnees] = lignes;
  const lu = lireEnTete(enTete);
  if ('erreurs' in lu) return { ok: false, errors: lu.erreurs };
  const { colonnes } = lu;

  const errors: ErreurCsv[] = [];
  const statuts = new Map<string, Statut>();
  const premiereLigne = new Map<string, number>();
  for (const { ligne, champs } of donnees) {
    const err = (message: string) => errors.push({ ligne, message });
    const champ = (c: Colonne) => {
      const index = colonnes.get(c);
      return index === undefined ? '' : (champs[index] ?? '').trim();
    };
    if (champs.length > enTete.champs.length) {
      err(msg.csvTropDeChamps(ligne, champs.length, enTete.champs.length, separateur === ','));
      continue;
    }

    const idBrut = champ('id');
    if (idBrut === '') {
      err(msg.csvIdManquant(ligne));
      continue;
    }
    const id = resolveNodeId(idBrut);
    if (!id) {
      err(msg.csvIdInconnu(ligne, idBrut));
      continue;
    }
    const node = findNode(id)!;
    if (!peutRecevoirStatut(node.level)) {
      err(msg.csvNiveauInterdit(ligne, id, node.level));
      continue;
    }
    const deja = premiereLigne.get(id);
    if (deja !== undefined) {
      err(msg.csvIdEnDouble(ligne, id, deja));
      continue;
    }
    premiereLigne.set(id, ligne);

    const statutBrut = champ('statut');
    if (statutBrut === '') {
      err(msg.csvStatutManquant(ligne, id));
      continue;
    }
    const statutId = parseStatutId(statutBrut);
    if (!statutId) {
      err(msg.csvStatutInconnu(ligne, statutBrut));
      continue;
    }

    const fractionsBrutes = FRACTIONS.map(champ);
    if (statutId !== 'detaille') {
      if (fractionsBrutes.some((f) => f !== '')) err(msg.csvFractionsInterdites(ligne, statutId));
      else statuts.set(id, STATUT[statutId]);
      continue;
    }
    if (!colonnes.has('fait')) {
      err(msg.csvFractionsSansColonnes(ligne));
      continue;
    }
    if (fractionsBrutes.some((f) => f === '')) {
      err(msg.csvFractionsManquantes(ligne));
      continue;
    }
    // Read like the workbook's percent cells: `0,5`, `0.5`, `50 %` (and `50`) all give 0.5.
    const lues = fractionsBrutes.map((f) => readPercent(f));
    const illisible = lues.findIndex((r) => !r.ok);
    if (illisible >= 0) {
      err(msg.csvFractionIllisible(ligne, FRACTIONS[illisible], fractionsBrutes[illisible]));
      continue;
    }
    const [fait, programme, pasFait] = lues.map((r) => (r.ok ? r.value : Number.NaN));
    const probleme = verifierFractions(fait, programme, pasFait);
    if (probleme === 'hors_bornes' || probleme === 'non_numerique') err(msg.csvFractionsHorsBornes(ligne));
    else if (probleme === 'somme') err(msg.csvFractionsSomme(ligne, fait + programme + pasFait));
    else statuts.set(id, statutDetaille(fait, programme, pasFait));
  }
  return errors.length ? { ok: false, errors } : { ok: true, statuts };
}
