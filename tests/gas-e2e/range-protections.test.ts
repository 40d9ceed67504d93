/**
 * Range protections made by hand (Données ▸ Protéger les feuilles et les plages)
 * that the project lead cannot edit: a lead command that would write there
 * refuses up front, in French, naming the tab and the range, and writes
 * nothing; a warning-only protection, one outside what the command writes and
 * the add-on's own protections do not block (src/gas/write-guard.ts).
 *
 * The workbook is owned by the DGS; the project lead is an editor; a colleague
 * protects ranges by hand, keeping herself (and the owner, always) as editors;
 * so does the Déchets service's member in her own tab.
 * Driven through the built bundle in node:vm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleFile } from '../../src/app/load-sample';
import { gasMessages } from '../../src/domain/messages/gas';
import { STEERING_MESSAGES } from '../../src/domain/messages/steering';
import { TAB } from '../../src/domain/schema/tabs';
import { FOOTPRINTS, footprintCovers, readRangeBlockers } from '../../src/gas/write-guard';
import { PROTECTED_MESSAGE } from '../fakes/gas/core';
import { buildBundle, Lead, readSample, writesOf, type Built, type Click } from './support';

const OWNER = 'dgs@agglo-exemple.fr';
const LEAD = 'cheffe.projet@agglo-exemple.fr';
const COLLEAGUE = 'collegue@agglo-exemple.fr';
const MEMBER = 'dechets@agglo-exemple.fr';
const SERVICE_TAB = 'Service – Déchets';
const M = gasMessages.menu;

let built: Built;
let sample: SampleFile[];
let book: Lead;
/** The setup's clicks, by handler: what each lead command wrote on a filled workbook. */
const setupClicks: Click[] = [];
/** The block Calculer les scores writes in Référentiel (A1), seen during the setup. */
let referentielBlock = '';

beforeAll(async () => {
  built = buildBundle();
  sample = await readSample();
  book = new Lead(built, { owner: OWNER, user: OWNER, spreadsheetEditors: [LEAD, COLLEAGUE, MEMBER] });
  book.run('onOpen', { authMode: 'LIMITED' });
  setupClicks.push(book.run('runInstall'));
  book.as(LEAD);
  book.env.ui.queuePrompt('Déchets').queuePrompt(MEMBER);
  setupClicks.push(book.run('runAddService'));
  book.loadSample(sample);
  setupClicks.push(book.run('runConsolidate'));
  const scores = book.run('runCalculerScores');
  setupClicks.push(scores);
  setupClicks.push(book.run('runTableauDeBord'));
  setupClicks.push(book.run('runInstall'));
  for (const c of setupClicks) expect(c.errors, c.fn).toEqual([]);
  referentielBlock = scores.calls.find((c) => c.method === 'setValues' && c.sheet === TAB.referentiel)!.detail!;
});

afterAll(() => built?.cleanup());

interface HandMade {
  remove(): void;
}

/**
 * `a1` of `tab` protected by hand, keeping only its maker (and the owner, always) as editors:
 * by the colleague, or in a service tab (closed to her) by the service's own member.
 */
function protectByHand(tab: string, a1: string, options: { warningOnly?: boolean; description?: string } = {}): HandMade {
  const by = tab === SERVICE_TAB ? MEMBER : COLLEAGUE;
  book.as(by);
  const protection = book.quietly(() => {
    const p = book.env.spreadsheet.sheet(tab).getRange(a1).protect();
    p.setDescription(options.description ?? '');
    p.removeEditors(p.getEditors());
    if (options.warningOnly) p.setWarningOnly(true);
    return p;
  });
  book.as(LEAD);
  return {
    remove: () => {
      book.as(by);
      book.quietly(() => protection.remove());
      book.as(LEAD);
    },
  };
}

/** Top-left cell of an A1 range. */
function firstCell(a1: string): string {
  return /^[A-Z]+\d+/.exec(a1)![0];
}

function expectRefusedWithoutWriting(click: Click, before: ReturnType<Lead['everything']>, title: string, tab: string, a1: string): void {
  expect(click.errors).toEqual([]);
  expect(click.alerts).toHaveLength(1);
  const { message } = click.alerts[0];
  expect(click.alerts[0].title).toBe(title);
  expect(message).toContain(`onglet « ${tab} », plage ${a1}`);
  expect(message).toContain('Rien n’a été modifié');
  expect(message).toMatch(/propriétaire du classeur/);
  expect(message).not.toContain('protected cell');
  expect(writesOf(click.calls)).toEqual([]);
  expect(book.everything()).toEqual(before);
}

describe('the fakes refuse what Google refuses', () => {
  it('a write into a range protected against the person throws Google’s error; warning-only or as an editor, it goes through', () => {
    const cell = firstCell(referentielBlock);
    const hand = protectByHand(TAB.referentiel, cell);
    const write = () => book.quietly(() => book.env.spreadsheet.sheet(TAB.referentiel).getRange(cell).getValue());
    const value = write();
    expect(() => book.quietly(() => book.env.spreadsheet.sheet(TAB.referentiel).getRange(cell).setValue(value))).toThrow(PROTECTED_MESSAGE);
    book.as(COLLEAGUE);
    expect(() => book.quietly(() => book.env.spreadsheet.sheet(TAB.referentiel).getRange(cell).setValue(value))).not.toThrow();
    book.as(LEAD);
    hand.remove();
    const warning = protectByHand(TAB.referentiel, cell, { warningOnly: true });
    expect(() => book.quietly(() => book.env.spreadsheet.sheet(TAB.referentiel).getRange(cell).setValue(value))).not.toThrow();
    warning.remove();
  });
});

describe('a hand-made range protection the lead cannot edit', () => {
  it('over a cell Calculer les scores writes: refused up front, nothing written, the tab and range named', () => {
    const cell = firstCell(referentielBlock);
    const hand = protectByHand(TAB.referentiel, cell, { description: 'Validé par le DGS' });
    const before = book.everything();
    const click = book.run('runCalculerScores');
    expectRefusedWithoutWriting(click, before, M.calculerScores, TAB.referentiel, cell);
    expect(click.alerts[0].message).toContain('« Validé par le DGS »');
    hand.remove();
  });

  it('warning-only (setWarningOnly(true)): Calculer les scores runs', () => {
    const hand = protectByHand(TAB.referentiel, referentielBlock, { warningOnly: true });
    const click = book.run('runCalculerScores');
    expect(click.errors).toEqual([]);
    expect(click.alerts.at(-1)!.message).toContain('Scores du référentiel');
    expect(click.calls.some((c) => c.method === 'setValues' && c.sheet === TAB.referentiel)).toBe(true);
    hand.remove();
  });

  it('outside what the command writes (a service tab, the Journal’s past rows): Calculer les scores runs and logs its Journal row', () => {
    const service = protectByHand(SERVICE_TAB, 'A1:C5');
    const journalRows = book.values(TAB.journal).length;
    const history = protectByHand(TAB.journal, `A1:F${journalRows}`, { description: 'Historique figé' });
    const click = book.run('runCalculerScores');
    expect(click.errors).toEqual([]);
    expect(click.alerts.at(-1)!.message).toContain('Scores du référentiel');
    expect(book.values(TAB.journal).length).toBe(journalRows + 1);
    history.remove();
    service.remove();
  });

  it('over the Journal row a command appends: refused, the Journal named', () => {
    const next = book.values(TAB.journal).length + 1;
    const hand = protectByHand(TAB.journal, `A${next}:F${next + 50}`);
    const before = book.everything();
    const click = book.run('runTableauDeBord');
    expectRefusedWithoutWriting(click, before, STEERING_MESSAGES.steer.commandeDashboard, TAB.journal, `A${next}:F${next + 50}`);
    hand.remove();
  });

  it('over a Réf. Consolider must assign in a service tab: refused, nothing written, the cell named', () => {
    // The service types a new action without its Réf., then protects the row's Réf. cell by hand.
    const row = book.values(SERVICE_TAB).length + 1;
    book.as(MEMBER);
    book.quietly(() => book.env.spreadsheet.sheet(SERVICE_TAB).getRange(`B${row}`).setValue('Collecte des biodéchets des marchés'));
    book.as(LEAD);
    const hand = protectByHand(SERVICE_TAB, `A${row}`);
    try {
      const before = book.everything();
      const click = book.run('runConsolidate');
      expectRefusedWithoutWriting(click, before, M.consolider, SERVICE_TAB, `A${row}`);
    } finally {
      hand.remove();
      book.as(MEMBER);
      book.quietly(() => book.env.spreadsheet.sheet(SERVICE_TAB).getRange(`B${row}`).setValue(''));
      book.as(LEAD);
    }
  });

  it('over a service’s rows that already have their Réf.: Consolider runs; that tab alone is left unmarked, and named', () => {
    const hand = protectByHand(SERVICE_TAB, 'A2:N4', { description: 'Actions validées' });
    try {
      const click = book.run('runConsolidate');
      expect(click.errors).toEqual([]);
      const alert = click.alerts.at(-1)!.message;
      expect(alert).toContain('actions consolidées');
      expect(alert).toContain(`Onglet « ${SERVICE_TAB} » : ses cellules n’ont pas été annotées, car la plage A2:N4 est protégée`);
      expect(writesOf(click.calls).filter((c) => c.sheet === SERVICE_TAB)).toEqual([]);
      expect(click.calls.some((c) => c.method === 'setValues' && c.sheet === TAB.actions) || click.calls.some((c) => c.method === 'getValues' && c.sheet === TAB.actions)).toBe(true);
    } finally {
      hand.remove();
    }
  });

  it('in Paramètres: Ajouter un service… says so before asking anything', () => {
    const hand = protectByHand(TAB.parametres, 'A1:H3');
    const before = book.everything();
    const prompts = book.env.ui.prompts.length;
    const click = book.run('runAddService');
    expect(book.env.ui.prompts.length).toBe(prompts);
    expectRefusedWithoutWriting(click, before, gasMessages.addService.title, TAB.parametres, 'A1:H3');
    hand.remove();
  });

  it('several of them, on tabs Installer formats: all named in one message', () => {
    const a = protectByHand(TAB.plans, 'A2:B3');
    const b = protectByHand(SERVICE_TAB, 'D10');
    const before = book.everything();
    const click = book.run('runInstall');
    expectRefusedWithoutWriting(click, before, gasMessages.install.title, TAB.plans, 'A2:B3');
    expect(click.alerts[0].message).toContain(`onglet « ${SERVICE_TAB} », plage D10`);
    expect(click.alerts[0].message).toContain('des plages protégées');
    b.remove();
    a.remove();
  });
});

describe('Générer with a hand-made protection over the Journal’s next row', () => {
  it('the document is made and its link shown; the Journal row is left out; no English error', () => {
    const next = book.values(TAB.journal).length + 1;
    const hand = protectByHand(TAB.journal, `A${next}:F${next + 50}`);
    const journal = book.values(TAB.journal);
    const click = book.run('runGenererAfom');
    expect(click.errors).toEqual([]);
    expect(click.alerts).toEqual([]);
    expect(click.dialogs).toHaveLength(1);
    // Told, in French and typeset, that the generation was not noted in Journal.
    expect(click.dialogs[0].output.getContent()).toContain('L’onglet Journal est protégé\u00a0: la génération n’y a pas été notée.');
    expect(book.values(TAB.journal)).toEqual(journal);
    hand.remove();
  });
});

describe('marks (Vérifier) in a tab with a hand-made protection', () => {
  it('the tab is left unmarked and named, the other tabs are marked, no English error', () => {
    const dec = book.env.spreadsheet.sheet(SERVICE_TAB);
    const withNotes = (tab: string) => {
      const sheet = book.env.spreadsheet.sheet(tab);
      const out: string[] = [];
      for (let r = 0; r < sheet.snapshot().length; r++) for (let c = 0; c < 30; c++) if ((sheet.format(r, c).note ?? '').includes('Cap Circulaire : ')) out.push(`${r}:${c}`);
      return out;
    };
    const marked = withNotes(SERVICE_TAB);
    expect(marked.length).toBeGreaterThan(0);
    // The marks are gone (the service removed them), so Vérifier has to write them again.
    book.quietly(() => {
      for (const cell of marked) {
        const [r, c] = cell.split(':').map(Number);
        dec.setFormat(r, c, { note: '' });
      }
    });
    const hand = protectByHand(SERVICE_TAB, 'B3:B4', { description: 'Réservé au service' });
    const others = book.tabs().filter((t) => t.startsWith('Service – ') && t !== SERVICE_TAB && withNotes(t).length > 0);
    expect(others.length).toBeGreaterThan(0);
    const click = book.run('runValidate');
    expect(click.errors).toEqual([]);
    const alert = click.alerts.at(-1)!.message;
    expect(alert).toContain(`Onglet « ${SERVICE_TAB} » : ses cellules n’ont pas été annotées, car la plage B3:B4 est protégée`);
    expect(alert).not.toContain('protected cell');
    expect(writesOf(click.calls).filter((c) => c.sheet === SERVICE_TAB)).toEqual([]);
    for (const t of others) expect(withNotes(t).length, t).toBeGreaterThan(0);
    hand.remove();
    // Once the protection is gone, the next check marks the tab again.
    const again = book.run('runValidate');
    expect(again.alerts.at(-1)!.message).not.toContain('n’ont pas été annotées');
    expect(withNotes(SERVICE_TAB)).toEqual(marked);
  });
});

describe('the add-on’s own protections are not hand-made blockers', () => {
  it('on the installed workbook the lead (not the owner) meets no blocker, without a canEdit per protection of ours', () => {
    const ours = book.quietly(() => book.env.spreadsheet.getProtections('RANGE').length);
    expect(ours).toBeGreaterThan(10);
    book.env.calls.reset();
    const blockers = book.env.inProcess(() => readRangeBlockers(book.env.spreadsheet as never, { ProtectionType: { RANGE: 'RANGE' } } as never));
    expect(blockers).toEqual([]);
    expect(book.env.calls.count('canEdit')).toBe(0);
    expect(book.env.calls.count('getProtections')).toBe(1);
  });
});

describe('each lead command’s declared footprint covers every tab it was seen writing', () => {
  it.each(Object.keys(FOOTPRINTS))('%s', (fn) => {
    const clicks = setupClicks.filter((c) => c.fn === fn);
    expect(clicks.length).toBeGreaterThan(0);
    for (const click of clicks) {
      const tabs = new Set(writesOf(click.calls).map((c) => c.sheet).filter((s): s is string => s !== undefined));
      // Ajouter un service creates its tab: a new tab has no protection yet.
      if (fn === 'runAddService') tabs.delete(SERVICE_TAB);
      for (const tab of tabs) expect(footprintCovers(FOOTPRINTS[fn as keyof typeof FOOTPRINTS], tab), `${fn} writes ${tab}`).toBe(true);
    }
  });
});
