import { describe, expect, it } from 'vitest';
import { parseStatutsCsv, type ErreurCsv } from '../../../src/domain/referentiel/statuts-csv';

function erreurs(text: string): readonly ErreurCsv[] {
  const r = parseStatutsCsv(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

function statuts(text: string) {
  const r = parseStatutsCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.statuts;
}

const HEADER = 'id,statut,fait,programme,pas_fait';

describe('statuses CSV', () => {
  it('reads every status, with BOM, CRLF, blank rows, quoted decimal commas and labels', () => {
    const text =
      '\uFEFF' +
      [
        HEADER,
        'eci_1.1.1,fait,,,',
        'eci_1.1.2,programme',
        '',
        'eci_1.1.3.1,pas_fait,,,',
        'eci_2.4.2,non_concerne,,,',
        'eci_2.4.3,non_renseigne,,,',
        'eci_2.4.1,detaille,"0,5",0.25,"0,25"',
        '3.5.1,Pas fait,,,',
        '"eci_2.4.4",Détaillé au %,50 %,"25%",0.25',
      ].join('\r\n') +
      '\r\n';
    const s = statuts(text);
    expect(s.size).toBe(8);
    expect(s.get('eci_1.1.1')).toEqual({ statut: 'fait' });
    expect(s.get('eci_1.1.2')).toEqual({ statut: 'programme' });
    expect(s.get('eci_1.1.3.1')).toEqual({ statut: 'pas_fait' });
    expect(s.get('eci_2.4.2')).toEqual({ statut: 'non_concerne' });
    expect(s.get('eci_2.4.3')).toEqual({ statut: 'non_renseigne' });
    expect(s.get('eci_2.4.1')).toEqual({ statut: 'detaille', fait: 0.5, programme: 0.25, pasFait: 0.25 });
    expect(s.get('eci_3.5.1')).toEqual({ statut: 'pas_fait' });
    expect(s.get('eci_2.4.4')).toEqual({ statut: 'detaille', fait: 0.5, programme: 0.25, pasFait: 0.25 });
  });

  it('accepts semicolons, with unquoted decimal commas, and columns in any order', () => {
    const s = statuts('statut;id;pas_fait;programme;fait\ndetaille;eci_2.4.1;0,25;0,25;0,5\nfait;eci_1.1.1;;;\n');
    expect(s.get('eci_2.4.1')).toEqual({ statut: 'detaille', fait: 0.5, programme: 0.25, pasFait: 0.25 });
    expect(s.get('eci_1.1.1')).toEqual({ statut: 'fait' });
  });

  it('accepts a file without the fraction columns when nothing is détaillé', () => {
    expect(statuts('id,statut\neci_1.1.1,fait').get('eci_1.1.1')).toEqual({ statut: 'fait' });
    expect(erreurs('id,statut\neci_1.1.1,detaille')).toEqual([
      { ligne: 2, message: expect.stringContaining("l'en-tête n'a pas les colonnes fait, programme et pas_fait") },
    ]);
  });

  it('reports a bad header', () => {
    expect(erreurs('')).toEqual([{ ligne: 1, message: expect.stringContaining('fichier vide') }]);
    expect(erreurs('id,etat,fait,programme,pas_fait\neci_1.1.1,fait')).toEqual([
      { ligne: 1, message: expect.stringContaining('colonne « etat » inconnue') },
      { ligne: 1, message: expect.stringContaining('colonne « statut » absente') },
    ]);
    expect(erreurs('id,statut,fait\n')[0]).toEqual({ ligne: 1, message: expect.stringContaining('vont ensemble') });
    expect(erreurs('id,statut,statut\n')[0].message).toContain('apparaît deux fois');
  });

  it('reports each faulty row with its line number', () => {
    const text = [
      HEADER, //                                  1
      'eci_9.9.9,fait,,,', //                      2 unknown id
      'eci_1.1.1,terminé,,,', //                   3 unknown status
      'eci_1.1.2,detaille,0.5,0.3,0.1', //         4 sum 0.9
      'eci_1.1.3,fait,1,0,0', //                   5 fractions for fait
      'eci_1,fait,,,', //                          6 axe
      'eci_1.1,fait,,,', //                        7 mesure
      'eci,fait,,,', //                            8 root
      'eci_2.4.1,fait,,,', //                      9 ok
      'eci_2.4.1,pas_fait,,,', //                 10 duplicate
      'eci_2.4.2,detaille,0.5,,0.5', //           11 missing fraction
      'eci_2.4.3,detaille,abc,0,1', //            12 unreadable
      'eci_2.4.4,detaille,0.5,-0.5,1', //         13 out of bounds
      'eci_2.4.5,detaille,0,5,0,25,0,25', //      14 unquoted decimal commas with ','
      ',fait,,,', //                              15 missing id
      'eci_2.4.0,,,,', //                         16 missing status
      'eci_2.3.1,detaille,120 %,0,0', //          17 out of bounds
    ].join('\n');
    const e = erreurs(text);
    expect(e.map((x) => x.ligne)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17]);
    const at = (ligne: number) => e.find((x) => x.ligne === ligne)!.message;
    expect(at(2)).toBe("Ligne 2 : « eci_9.9.9 » n'est pas un identifiant du référentiel ECi (exemples : eci_1.1.1, eci_1.1.1.1).");
    expect(at(3)).toContain('statut « terminé » inconnu');
    expect(at(4)).toContain('font 0,9 au lieu de 1');
    expect(at(5)).toContain('fractions données pour le statut « fait »');
    expect(at(6)).toContain('eci_1 est un axe');
    expect(at(7)).toContain('eci_1.1 est une mesure');
    expect(at(8)).toContain('eci est un référentiel');
    expect(at(10)).toBe('Ligne 10 : eci_2.4.1 a déjà un statut ligne 9.');
    expect(at(11)).toContain('les trois fractions');
    expect(at(12)).toContain('fait « abc » n\'est pas un nombre');
    expect(at(13)).toContain('entre 0 et 1');
    expect(at(14)).toContain('entre guillemets');
    expect(at(15)).toContain('identifiant manquant');
    expect(at(16)).toContain('statut manquant pour eci_2.4.0');
    expect(at(17)).toContain('entre 0 et 1');
    for (const x of e) expect(x.message.startsWith(`Ligne ${x.ligne} : `)).toBe(true);
  });

  it('counts lines of the file, quoted newlines included', () => {
    // The quoted status spans lines 2 and 3 (and reads as "pas fait"), so the next row starts on line 4.
    expect(erreurs(`${HEADER}\neci_1.1.1,"pas\nfait",,,\neci_1.1.2,oups,,,`)).toEqual([
      { ligne: 4, message: expect.stringContaining('statut « oups » inconnu') },
    ]);
    expect(statuts(`${HEADER}\neci_1.1.1,"pas\nfait",,,`).get('eci_1.1.1')).toEqual({ statut: 'pas_fait' });
  });

  it('reports an unterminated quote', () => {
    expect(erreurs(`${HEADER}\neci_1.1.1,fait,,,\neci_1.1.2,"fait,,,\neci_1.1.3,fait,,,`)).toEqual([
      { ligne: 3, message: "Ligne 3 : un guillemet ouvert n'est jamais refermé." },
    ]);
  });
});
