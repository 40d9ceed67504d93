import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, ReportError } from '../../src/app/generate-report';
import { afomDocument } from '../../src/domain/reports/afom';
import { auditDocument } from '../../src/domain/reports/audit';
import { bilanInstanceDocument, splitItems } from '../../src/domain/reports/bilan';
import type { DocBlock, DocTable, ReportDocument } from '../../src/domain/reports/document';
import { reportFileName, type ReportInput } from '../../src/domain/reports/input';
import { nodesAtLevel } from '../../src/domain/referentiel/tree';
import { typographie } from '../../src/domain/text/typography';
import { almostEmptyInput, badLeaves, sampleInput } from './support';

/**
 * Texts as typed in the expectations below: the models are in French typography (no-break spaces before « : »,
 * typographic apostrophes), checked on its own in « French typography »; here they are compared without it.
 */
const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");
const textOf = (b: DocBlock): string[] =>
  (b.kind === 'heading'
    ? [b.text]
    : b.kind === 'paragraph'
      ? [b.runs.map((r) => r.text).join('')]
      : b.kind === 'list'
        ? b.items.map((i) => i.map((r) => r.text).join(''))
        : [...b.headers, ...b.rows.flatMap((r) => r.map((c) => c.runs.map((x) => x.text).join('')))]
  ).map(flat);
const allText = (d: ReportDocument) => [d.title, d.subtitle, ...d.blocks.flatMap(textOf)].map(flat).join('\n');
const headings = (d: ReportDocument, level: number) => d.blocks.filter((b) => b.kind === 'heading' && b.level === level).map((b) => (b.kind === 'heading' ? flat(b.text) : ''));
const tables = (d: ReportDocument) => d.blocks.filter((b): b is DocTable => b.kind === 'table');

function checkTables(d: ReportDocument): void {
  for (const t of tables(d)) {
    expect(t.widths.length).toBeGreaterThan(0);
    if (t.headers.length) expect(t.headers).toHaveLength(t.widths.length);
    for (const r of t.rows) expect(r).toHaveLength(t.widths.length);
  }
}

let input: ReportInput;
beforeAll(async () => {
  input = await sampleInput();
});

describe('AFOM document', () => {
  it('gives the four quadrants by axe, each item with the actions and fiches that answer it', () => {
    const doc = afomDocument(input);
    expect(doc.title).toBe('Analyse AFOM\u00a0: atouts, faiblesses, opportunités, menaces');
    expect(doc.collectivite).toBe('Communauté d’agglomération du Val de Loue');
    expect(doc.subtitle).toBe('Diagnostic arrêté au 28/11/2026');
    expect(doc.version).toBe('Version du 28/11/2026 à 16\u00a0h\u00a020, établie avec Cap Circulaire');
    expect(doc.tableOfContents).toBe(false);
    expect(headings(doc, 1).map((h) => h.replace(/ \(\d+\)$/, ''))).toEqual(['Synthèse par axe du référentiel', 'Atouts', 'Faiblesses', 'Opportunités', 'Menaces', 'Éléments auxquels aucune action ne répond encore']);
    expect(headings(doc, 2)).toContain("Axe 2 – Développement des services de réduction, collecte et valorisation des déchets");
    // Every item appears once as a level-3 heading.
    const items = headings(doc, 3);
    expect(items).toHaveLength(input.model.afom.length);
    // A1 is answered by DEC-001 (Actions › Répond à) and fiche 2 (AFOM traités).
    const a1 = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('A1 – '));
    const answers = doc.blocks.slice(a1, a1 + 5).find((b) => b.kind === 'list');
    const lines = answers ? textOf(answers) : [];
    expect(lines.some((l) => l.startsWith('Action DEC-001 – '))).toBe(true);
    expect(lines.some((l) => l.startsWith('Fiche 2 – '))).toBe(true);
  });

  it('lists the items no action answers yet, and says so under each of them', () => {
    const doc = afomDocument(input);
    const answered = new Set([...input.model.actions.flatMap((a) => a.repondA), ...input.model.planActions.flatMap((f) => f.afom)].map((x) => x.toUpperCase()));
    const unanswered = input.model.afom.filter((a) => !answered.has(a.id.toUpperCase()));
    expect(unanswered.length).toBeGreaterThan(0);
    const last = tables(doc).at(-1)!;
    expect(last.rows.map((r) => r[0].runs[0].text).sort()).toEqual(unanswered.map((a) => a.id).sort());
    expect(allText(doc)).toContain('Aucune action ne répond encore à cet élément.');
    expect(badLeaves(doc)).toEqual([]);
    checkTables(doc);
  });

  it('says what to do when the AFOM is empty, and when no action is filled in', () => {
    const empty = afomDocument(almostEmptyInput());
    expect(allText(empty)).toContain('Aucun élément AFOM renseigné');
    expect(badLeaves(empty)).toEqual([]);
    const noAction = afomDocument({ ...input, model: { ...input.model, actions: [], planActions: [] } });
    expect(allText(noAction)).toContain('Aucune action renseignée : les actions des services');
    expect(allText(noAction)).toContain(`0 élément est traité par au moins une action`);
  });
});

describe("Dossier d'audit", () => {
  it('gives, for each of the 21 mesures, its sous-mesures with status, points, pilote and explanation, then its preuves', () => {
    const doc = auditDocument(input);
    const mesures = nodesAtLevel('mesure');
    expect(mesures).toHaveLength(21);
    expect(headings(doc, 3).filter((h) => /^\d\.\d /.test(h))).toEqual(mesures.map((m) => flat(typographie(`${m.identifiant} ${m.title}`))));
    const text = allText(doc);
    for (const sm of nodesAtLevel('sous-mesure')) expect(text).toContain(flat(typographie(`${sm.identifiant} ${sm.title}`)));
    // 1.1.4 is « détaillé au % » with an explanation and a pilote in the sample.
    const row = tables(doc).flatMap((t) => t.rows).find((r) => r[0].runs[0].text.startsWith('1.1.4 '))!;
    expect(row[1].runs[0].text).toMatch(/^Détaillé\u00a0: \d+\u00a0% fait/u);
    expect(row[3].runs[0].text).toBe('Élodie Bourgeois');
    expect(row[4].runs[0].text.length).toBeGreaterThan(20);
    // Preuves carry their état and an http(s) link.
    const preuves = tables(doc).filter((t) => t.headers[0] === 'Preuve attendue' && t.headers.includes('Lien'));
    expect(preuves.length).toBeGreaterThan(10);
    const linked = preuves.flatMap((t) => t.rows).filter((r) => r[3].runs[0].link);
    expect(linked.length).toBeGreaterThan(5);
    for (const r of linked) expect(r[3].runs[0].link).toMatch(/^https?:\/\//);
  });

  it('has a table of contents, the to-do by service, the checklist, the calendar, the missing preuves by service and the links to fix', () => {
    const doc = auditDocument(input);
    expect(doc.tableOfContents).toBe(true);
    expect(headings(doc, 1)).toEqual([
      'Synthèse',
      "À faire avant l'audit",
      'Liste de contrôle',
      "Calendrier de l'audit",
      'Mesures du référentiel',
      'Preuves à fournir, par service',
      "Liens qu'un auditeur extérieur ne pourra pas ouvrir",
    ]);
    const [aFaire, checklist, calendar] = tables(doc);
    expect(aFaire.headers).toEqual(['Service', 'Preuves à fournir', 'Sans responsable', 'Liens à rendre accessibles']);
    const missing = input.dashboard.preuves.attendues - input.dashboard.preuves.pretes;
    expect(aFaire.rows.reduce((s, r) => s + Number(r[1].runs[0].text), 0)).toBe(missing);
    expect(aFaire.rows.at(-1)![0].runs[0].text).toBe('Service non renseigné');
    expect(checklist.rows).toHaveLength(7);
    // No tab name reaches the auditor.
    expect(allText(doc)).not.toMatch(/\bonglets? (Équipe|Référentiel|Preuves|Audit|Instances|Accueil|AFOM)\b/);
    expect(calendar.rows.map((r) => flat(r[0].runs[0].text))).toEqual(['Dépôt de candidature', "Réunion d'audit n° 1", "Réunion d'audit n° 2", 'Commission nationale du label']);
    const services = headings(doc, 2).filter((h) => /\(\d+ preuves?\)$/.test(h));
    expect(services.at(-1)).toMatch(/^Service non renseigné/);
    expect(services.reduce((s, h) => s + Number(/\((\d+) preuves?\)$/.exec(h)![1]), 0)).toBe(missing);
    // The sample's intranet links are listed for the team to replace, and flagged where they appear.
    const liens = tables(doc).at(-1)!;
    expect(liens.headers).toEqual(['Preuve attendue', 'Mesure', 'Lien', 'Pourquoi', 'Service']);
    const intranet = input.model.preuves.filter((p) => /^https:\/\/intranet\./.test(p.lien ?? '')).length;
    expect(intranet).toBeGreaterThan(0);
    expect(liens.rows).toHaveLength(intranet);
    expect(liens.rows.every((r) => r[3].runs[0].text === 'Adresse de l’intranet')).toBe(true);
    expect(badLeaves(doc)).toEqual([]);
    checkTables(doc);
  });

  it('stays sensible on an almost empty workbook', () => {
    const doc = auditDocument(almostEmptyInput());
    expect(allText(doc)).toContain('Score réalisé : 0');
    // The checklist's advice names tabs for the team; the auditor's copy does not.
    expect(allText(doc)).not.toMatch(/\bonglets? /);
    expect(headings(doc, 3).filter((h) => /^\d\.\d /.test(h))).toHaveLength(21);
    expect(badLeaves(doc)).toEqual([]);
    checkTables(doc);
  });
});

describe("Bilan d'une instance", () => {
  it('gives key points, decisions, commitments and the next dates', () => {
    const instance = input.model.instances.find((i) => i.numero === 10)!;
    const doc = bilanInstanceDocument(input, instance);
    expect(doc.title).toBe('COPIL du 06/10/2026');
    expect(doc.subtitle).toBe(typographie(instance.intitule));
    expect(doc.date).toBe('06/10/2026');
    expect(headings(doc, 1)).toEqual(['Informations', 'Participants', 'Points clés', 'Décisions', 'Engagements', 'Prochaines dates']);
    const lists = doc.blocks.filter((b) => b.kind === 'list');
    expect(lists[0].kind === 'list' && lists[0].items.length).toBe(splitItems(instance.listeParticipants ?? null).length);
    expect(lists[0].kind === 'list' && lists[0].items.length).toBeGreaterThan(10);
    expect(lists[1].kind === 'list' && lists[1].items.length).toBe(splitItems(instance.pointsCles).length);
    expect(lists[2].kind === 'list' && lists[2].ordered).toBe(true);
    const engagements = tables(doc).find((t) => t.headers[0] === 'Qui')!;
    expect(engagements.rows).toHaveLength(input.model.engagements.filter((e) => e.instance === 10).length);
    // Counted from the meeting (06/10/2026), not from the day of generation (28/11/2026): nothing was late yet.
    expect(engagements.rows.some((r) => r[3].runs[0].text === 'En retard')).toBe(false);
    expect(headings(doc, 2)).toContain('Échéances des 3 mois suivant la réunion (à partir du 06/10/2026)');
    expect(allText(doc)).toContain('15/03/2027 · Dépôt de candidature');
    expect(badLeaves(doc)).toEqual([]);
    checkTables(doc);
  });

  it('says when an instance has no key point, decision or commitment', () => {
    const base = almostEmptyInput();
    const instance = { rowNumber: 2, numero: 1, date: new Date(Date.UTC(2026, 10, 2)), type: 'Atelier' as const, intitule: 'Atelier de lancement', public: null, participants: null, eluPresent: null, directionPresente: null, pointsCles: null, decisions: null, lienCompteRendu: 'javascript:alert(1)' };
    const doc = bilanInstanceDocument({ ...base, model: { ...base.model, instances: [instance] } }, instance);
    const text = allText(doc);
    expect(text).toContain('Aucun point clé saisi');
    expect(text).toContain('Aucune décision saisie');
    expect(text).toContain('Aucun engagement enregistré');
    expect(text).toContain('Aucune instance programmée après celle-ci.');
    // An address that is not http(s) is shown, never linked.
    const links = tables(doc).flatMap((t) => t.rows.flatMap((r) => r.flatMap((c) => c.runs.filter((x) => x.link))));
    expect(links).toEqual([]);
    expect(badLeaves(doc)).toEqual([]);
  });

  it('finds the instance by N° or by row, and refuses an unknown one in French', () => {
    expect(buildReport('bilan', input, { instance: 7 }).name).toBe("Bilan d'instance n° 7 – Communauté d'agglomération du Val de Loue – 28/11/2026");
    const row = input.model.instances.find((i) => i.numero === 3)!.rowNumber;
    expect(buildReport('bilan', input, { instanceRow: row }).document!.title).toMatch(/^Entretien bilatéral du /);
    expect(() => buildReport('bilan', input, { instance: 99 })).toThrow(ReportError);
    expect(() => buildReport('bilan', input, { instance: 99 })).toThrow("Instance n° 99 introuvable dans l'onglet Instances. Numéros disponibles : 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.");
    expect(() => buildReport('bilan', input, { instanceRow: 1 })).toThrow(/La ligne 1 de l'onglet Instances ne contient pas d'instance/);
  });

  it('splits a cell into items on lines, semicolons and bullets', () => {
    expect(splitItems('- Un\n- Deux ; trois\n• quatre')).toEqual(['Un', 'Deux', 'trois', 'quatre']);
    expect(splitItems(null)).toEqual([]);
  });
});

describe('file names', () => {
  it('are « <Document> – <Collectivité> – <JJ/MM/AAAA> »', () => {
    const d = new Date(2026, 10, 28, 9);
    expect(reportFileName('copil', 'CA du Val de Loue', d)).toBe('Présentation COPIL – CA du Val de Loue – 28/11/2026');
    expect(reportFileName('afom', 'CA du Val de Loue', d)).toBe('Document AFOM – CA du Val de Loue – 28/11/2026');
    expect(reportFileName('audit', 'CA du Val de Loue', d)).toBe("Dossier d'audit – CA du Val de Loue – 28/11/2026");
  });
});

describe('French typography', () => {
  it('is applied to every text of every document, never to link targets', () => {
    const instance = input.model.instances.find((i) => i.numero === 10)!;
    for (const doc of [afomDocument(input), auditDocument(input), bilanInstanceDocument(input, instance)]) {
      const texts: string[] = [];
      const links: string[] = [];
      const walk = (v: unknown, key = ''): void => {
        if (typeof v === 'string') (key === 'link' ? links : texts).push(v);
        else if (Array.isArray(v)) v.forEach((x) => walk(x));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(doc);
      for (const t of texts) expect(typographie(t), t).toBe(t);
      // No ASCII space before « : ; ! ? », no straight apostrophe outside addresses.
      for (const t of texts.filter((x) => !/^(https?|file):|\\\\/.test(x))) expect(t, t).not.toMatch(/ [:;!?]|\p{L}'\p{L}/u);
      for (const l of links) expect(l).toMatch(/^https?:\/\/\S+$/);
    }
    const bilan = bilanInstanceDocument(input, instance);
    expect(bilan.blocks.some((b) => b.kind === 'heading' && b.text === 'Engagements')).toBe(true);
    // No raw référentiel or indicator id (eci_2.3, cae_6.a) reaches a reader.
    for (const doc of [afomDocument(input), auditDocument(input), bilan]) expect(allText(doc)).not.toMatch(/\b(eci|cae)_\d/);
  });
});

describe('plain data', () => {
  it('drops undefined fields and prints the inclusive-writing dot with a glyph every font has', async () => {
    const { plain } = await import('../../src/domain/reports/document');
    expect(plain({ a: 'élu\u2e31e', b: undefined, c: [{ d: undefined, e: 1 }] })).toEqual({ a: 'élu\u00b7e', c: [{ e: 1 }] });
    expect(JSON.stringify(auditDocument(almostEmptyInput()))).not.toContain('\u2e31');
  });
});
