import { describe, expect, it } from 'vitest';
import { runInstall } from '../../src/gas/handlers/install';
import { runAddService } from '../../src/gas/handlers/add-service';
import { addService, type ProtectionPort } from '../../src/app/add-service';
import { installWorkbook } from '../../src/app/install';
import { MemoryWorkbook } from '../../src/app/memory-workbook';
import { MAX_TAB_NAME_LENGTH, SERVICE_COLUMNS, TAB } from '../../src/domain/schema/tabs';
import { readServiceRegistry } from '../../src/domain/services';
import type { Grid } from '../../src/domain/table/cell';
import { columnOf, gasEnv } from './support';

const OWNER = 'cheffe.projet@agglo-exemple.fr';

function installed(options: Parameters<typeof gasEnv>[0] = { sheets: { 'Feuille 1': [] } }) {
  const env = gasEnv(options);
  runInstall();
  env.calls.reset();
  return env;
}

function add(env: ReturnType<typeof gasEnv>, name: string, editors?: string) {
  env.ui.queuePrompt(name);
  if (editors !== undefined) env.ui.queuePrompt(editors);
  runAddService();
}

function registry(env: ReturnType<typeof gasEnv>) {
  return readServiceRegistry(env.spreadsheet.sheet(TAB.parametres).snapshot() as Grid)!.services;
}

describe('Ajouter un service…', () => {
  it('creates « Service – Déchets » editable by exactly the given editors, registers it and logs it', () => {
    const env = installed({ sheets: { 'Feuille 1': [] }, spreadsheetEditors: ['autre.service@agglo-exemple.fr'] });
    add(env, '  Déchets ', 'Sandrine.Pourcelot@agglo-exemple.fr; julien.vermot@agglo-exemple.fr');

    const names = env.spreadsheet.sheetNames();
    expect(names).toContain('Service – Déchets');
    expect(names.indexOf('Service – Déchets')).toBe(names.indexOf(TAB.plans) + 1);
    const sheet = env.spreadsheet.sheet('Service – Déchets');
    expect(sheet.snapshot()).toEqual([SERVICE_COLUMNS.map((c) => c.header)]);

    const sheetProtections = env.spreadsheet.protections.filter((p) => p.sheet === sheet && p.type === 'SHEET').map((p) => p.info);
    expect(sheetProtections).toHaveLength(1);
    expect(sheetProtections[0]).toMatchObject({ description: 'Cap Circulaire – onglet du service', warningOnly: false, domainEdit: false });
    // The owner stays (Sheets never removes them); the spreadsheet's other editors are gone.
    expect(sheetProtections[0].editors).toEqual([OWNER, 'julien.vermot@agglo-exemple.fr', 'sandrine.pourcelot@agglo-exemple.fr'].sort());

    expect(registry(env)).toEqual([
      expect.objectContaining({
        service: 'Déchets',
        onglet: 'Service – Déchets',
        code: 'DEC',
        editeurs: 'sandrine.pourcelot@agglo-exemple.fr, julien.vermot@agglo-exemple.fr',
      }),
    ]);
    // The sections beside the registry are untouched.
    const parametres = env.spreadsheet.sheet(TAB.parametres).snapshot();
    expect(parametres[1][columnOf(parametres, 'Filière') - 1]).toBe('BTP');

    const journal = env.spreadsheet.sheet(TAB.journal).snapshot();
    expect(journal[journal.length - 1][2]).toBe('Ajouter un service');
    expect(String(journal[journal.length - 1][3])).toContain('Service – Déchets');

    expect(env.ui.lastAlert!.message).toContain('Le service « Déchets » a été ajouté');
    expect(env.ui.lastAlert!.message).toContain('code DEC');
    expect(env.spreadsheet.getActiveSheet().name).toBe('Service – Déchets');
  });

  it('gives the new tab the service columns’ formats, dropdowns and header protection', () => {
    const env = installed();
    add(env, 'Déchets', 'a@agglo-exemple.fr');
    const sheet = env.spreadsheet.sheet('Service – Déchets');
    const headers = sheet.snapshot();
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.validationAt(2, columnOf(headers, 'Temporalité'))?.getCriteriaValues()[0]).toEqual(['Réalisée', 'En cours', 'Programmée', 'Envisagée']);
    const mesure = sheet.validationAt(2, columnOf(headers, 'Mesure du référentiel'))!;
    expect(mesure.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect((mesure.getCriteriaValues()[0] as { sheet: { name: string } }).sheet.name).toBe(TAB.referentiel);
    expect(sheet.validationAt(2, columnOf(headers, 'Date de début'))?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(env.spreadsheet.protections.some((p) => p.sheet === sheet && p.info.description === 'Cap Circulaire – en-têtes')).toBe(true);
  });

  it('reads each tab it needs once and writes three blocks: the tab, the registry row, the Journal row', () => {
    const env = installed();
    add(env, 'Déchets', 'a@agglo-exemple.fr');
    expect(Object.fromEntries(env.calls.perSheet('getValues'))).toEqual({ [TAB.parametres]: 1, [TAB.referentiel]: 1, [TAB.plans]: 1, [TAB.journal]: 1 });
    expect(Object.fromEntries(env.calls.perSheet('setValues'))).toEqual({ 'Service – Déchets': 1, [TAB.parametres]: 1, [TAB.journal]: 1 });
  });

  it('refuses a duplicate service in French, ignoring case and accents, and writes nothing', () => {
    const env = installed();
    add(env, 'Déchets', 'a@agglo-exemple.fr');
    const before = env.spreadsheet.sheetNames();
    env.calls.reset();
    add(env, 'DECHETS', 'b@agglo-exemple.fr');
    expect(env.ui.lastAlert!.message).toContain('Le service n’a pas été ajouté');
    expect(env.ui.lastAlert!.message).toContain('Le service « Déchets » existe déjà (onglet « Service – Déchets »)');
    expect(env.spreadsheet.sheetNames()).toEqual(before);
    expect(env.calls.count('setValues')).toBe(0);
    expect(registry(env)).toHaveLength(1);
  });

  it('refuses a tab that already exists, even one made by hand and not registered', () => {
    const env = installed();
    env.spreadsheet.seedSheet('Service – Voirie', [['Intitulé de l’action']]);
    add(env, 'Voirie', 'a@agglo-exemple.fr');
    expect(env.ui.lastAlert!.message).toContain('Un onglet « Service – Voirie » existe déjà');
    expect(env.calls.count('setValues')).toBe(0);
  });

  it('refuses a bad email in French, naming it, before creating anything', () => {
    const env = installed();
    add(env, 'Déchets', 'sandrine@agglo-exemple.fr, jean.dupont@, autre@agglo-exemple.fr');
    expect(env.ui.lastAlert!.message).toContain('L’adresse « jean.dupont@ » n’est pas une adresse email valide');
    expect(env.spreadsheet.hasSheet('Service – Déchets')).toBe(false);
    expect(env.calls.count('setValues')).toBe(0);
    expect(env.ui.pendingPrompts).toBe(0);
  });

  it('refuses a name with a character Excel forbids without asking for the emails', () => {
    const env = installed();
    env.ui.queuePrompt('Déchets/Propreté');
    runAddService();
    expect(env.ui.prompts).toHaveLength(1);
    expect(env.ui.lastAlert!.message).toContain('« / »');
    expect(env.spreadsheet.hasSheet('Service – Déchets/Propreté')).toBe(false);
  });

  it('does nothing when the lead cancels', () => {
    const env = installed();
    const shown = env.ui.alerts.length;
    env.ui.queuePrompt('Déchets', 'CANCEL');
    runAddService();
    expect(env.ui.alerts).toHaveLength(shown);
    env.ui.queuePrompt('Déchets').queuePrompt('', 'CLOSE');
    runAddService();
    expect(env.ui.alerts).toHaveLength(shown);
    expect(env.calls.count('setValues')).toBe(0);
  });

  it('truncates a 40-character name to 31 characters, and keeps two such tabs distinct', () => {
    const env = installed();
    const first = 'Développement économique et attractivité';
    const second = 'Développement économique et agriculture';
    expect(first).toHaveLength(40);
    add(env, first, 'a@agglo-exemple.fr');
    add(env, second, 'b@agglo-exemple.fr');
    const services = registry(env);
    expect(services.map((s) => s.service)).toEqual([first, second]);
    const [tab1, tab2] = services.map((s) => s.onglet);
    expect(tab1.length).toBeLessThanOrEqual(MAX_TAB_NAME_LENGTH);
    expect(tab2.length).toBeLessThanOrEqual(MAX_TAB_NAME_LENGTH);
    expect(tab1).toBe('Service – Développement économi');
    expect(tab2).toBe('Service – Développement écono 2');
    expect(env.spreadsheet.hasSheet(tab1) && env.spreadsheet.hasSheet(tab2)).toBe(true);
    expect(new Set(services.map((s) => s.code)).size).toBe(2);
    expect(env.ui.lastAlert!.message).toContain('31 caractères au plus');
  });

  it('asks to install first on a workbook without the registry', () => {
    const env = gasEnv();
    add(env, 'Déchets', 'a@agglo-exemple.fr');
    expect(env.ui.lastAlert!.message).toContain('lancez d’abord « Installer ou mettre à jour le classeur »');
    expect(env.spreadsheet.sheetNames()).toEqual(['Feuille 1']);
  });

  it('leaves a service tab that install then finds complete: the next install writes nothing', () => {
    const env = installed();
    add(env, 'Déchets', 'a@agglo-exemple.fr');
    env.calls.reset();
    runInstall();
    expect(env.calls.count('setValues')).toBe(0);
    // Install re-applies its own range protections but leaves the service's sheet protection alone.
    const sheetProtection = env.spreadsheet.protections.find((p) => p.sheet.name === 'Service – Déchets' && p.type === 'SHEET');
    expect(sheetProtection?.info.editors).toEqual([OWNER, 'a@agglo-exemple.fr'].sort());
  });

  it('says so when the tab could not be protected, the tab and its row being kept', () => {
    const env = installed();
    const original = env.spreadsheet.sheet.bind(env.spreadsheet);
    // Google refuses an address that is not a Google account: emulate it on addEditors.
    const proto = Object.getPrototypeOf(original(TAB.plans).protect());
    const addEditors = proto.addEditors;
    proto.addEditors = () => {
      throw new Error('Adresse e-mail non valide : x@exemple.fr');
    };
    try {
      add(env, 'Déchets', 'x@exemple.fr');
    } finally {
      proto.addEditors = addEditors;
    }
    expect(env.ui.lastAlert!.message).toContain('sa protection a échoué (Adresse e-mail non valide : x@exemple.fr)');
    expect(env.spreadsheet.hasSheet('Service – Déchets')).toBe(true);
    expect(registry(env)).toHaveLength(1);
  });
});

describe('addService use case (offline ports)', () => {
  function memory(): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    installWorkbook({ workbook: wb, formatter: wb });
    wb.resetCalls();
    return wb;
  }
  const recorder = () => {
    const calls: Array<[string, readonly string[]]> = [];
    const protection: ProtectionPort = { restrictSheet: (sheet, editors) => void calls.push([sheet, editors]) };
    return { calls, protection };
  };

  it('derives unique codes and registers services in the order they are added', () => {
    const wb = memory();
    const { calls, protection } = recorder();
    const ports = { workbook: wb, formatter: wb, protection };
    const results = ['Déchets', 'Déchets verts', 'Développement économique', 'Direction des finances'].map((name) => addService(ports, { name, editors: '' }));
    expect(results.map((r) => (r.ok ? r.code : r.message))).toEqual(['DEC', 'DVE', 'DEV', 'FIN']);
    expect(calls.map(([sheet]) => sheet)).toEqual(['Service – Déchets', 'Service – Déchets verts', 'Service – Développement économi', 'Service – Direction des finance']);
    expect(calls[0][1]).toEqual([]);
    expect(results[0].ok && results[0].message).toContain('Aucun éditeur indiqué');
    expect(readServiceRegistry(wb.grid(TAB.parametres))!.services.map((s) => s.code)).toEqual(['DEC', 'DVE', 'DEV', 'FIN']);
    expect(wb.formats.get('Service – Déchets')?.frozenRows).toBe(1);
  });

  it('refuses before writing anything', () => {
    const wb = memory();
    const { calls, protection } = recorder();
    const r = addService({ workbook: wb, formatter: wb, protection }, { name: '', editors: 'a@b.fr' });
    expect(r).toEqual({ ok: false, message: expect.stringContaining('Le nom du service est vide') });
    expect(wb.count('write') + wb.count('createSheet') + calls.length).toBe(0);
  });
});
