import { describe, expect, it } from 'vitest';
import { parseEditors, serviceCode, serviceTabName, validateServiceName } from '../../src/domain/services';

describe('service name', () => {
  it('trims and collapses blanks', () => {
    expect(validateServiceName('  Développement \n économique ')).toEqual({ ok: true, value: 'Développement économique' });
  });

  it.each(['[', ']', '*', '?', '/', '\\', ':'])('refuses « %s », which Excel forbids in a tab name', (c) => {
    const r = validateServiceName(`Déchets ${c} tri`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(`« ${c} »`);
  });

  it('refuses an empty name, a name without letters and a pasted paragraph', () => {
    expect(validateServiceName('   ')).toEqual({ ok: false, message: expect.stringContaining('est vide') });
    expect(validateServiceName('123')).toEqual({ ok: false, message: expect.stringContaining('au moins une lettre') });
    expect(validateServiceName('a'.repeat(101))).toEqual({ ok: false, message: expect.stringContaining('trop long (101 caractères, 100 au plus)') });
  });
});

describe('editors', () => {
  it('splits on commas, semicolons and lines, lower-cases and drops duplicates', () => {
    expect(parseEditors('A.B@x.fr, c@x.fr;\n a.b@x.fr ;;')).toEqual({ ok: true, value: ['a.b@x.fr', 'c@x.fr'] });
  });

  it('accepts addresses copied from a mail client', () => {
    expect(parseEditors('Sandrine Pourcelot <sandrine@agglo.fr>; mailto:jean@agglo.fr')).toEqual({ ok: true, value: ['sandrine@agglo.fr', 'jean@agglo.fr'] });
  });

  it('accepts no editor at all', () => {
    expect(parseEditors('  ')).toEqual({ ok: true, value: [] });
  });

  it.each(['jean.dupont@', 'jean dupont@agglo.fr', 'agglo.fr', 'a@b', 'a@@b.fr', 'a@b..fr'])('refuses « %s », naming it', (bad) => {
    const r = parseEditors(`ok@agglo.fr, ${bad}`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(`« ${bad} »`);
  });
});

describe('service tab name', () => {
  it('is the prefix and the name when it fits', () => {
    expect(serviceTabName('Déchets', [])).toEqual({ tab: 'Service – Déchets', truncated: false });
  });

  it('is cut to 31 characters, without a trailing blank or dash', () => {
    const r = serviceTabName('Aménagement - urbanisme et habitat', []);
    expect(r.tab.length).toBeLessThanOrEqual(31);
    expect(r.tab).toBe('Service – Aménagement - urbanis');
    expect(serviceTabName('Commande publique et achats durables', []).tab).toBe('Service – Commande publique et');
    expect(serviceTabName('Eau potable et assainissement collectif', []).tab).toBe('Service – Eau potable et assain');
    expect(serviceTabName('Ressources humaines - formation', []).tab).toBe('Service – Ressources humaines');
  });

  it('gets a numeric suffix when the cut meets an existing tab, whatever its case', () => {
    const name = 'Développement économique et attractivité';
    const first = serviceTabName(name, []).tab;
    expect(serviceTabName(name, [first.toUpperCase()]).tab).toBe('Service – Développement écono 2');
    expect(serviceTabName(name, [first, 'Service – Développement écono 2']).tab).toBe('Service – Développement écono 3');
  });
});

describe('service code', () => {
  it('takes the first letters of the significant words', () => {
    expect(serviceCode('Déchets', [])).toBe('DEC');
    expect(serviceCode('Service des déchets', [])).toBe('DEC');
    expect(serviceCode('Direction des finances', [])).toBe('FIN');
    expect(serviceCode('Œuvres sociales', [])).toBe('UVR');
    expect(serviceCode('RH', [])).toBe('RHX');
  });

  it('stays unique, in 3 or 4 uppercase letters', () => {
    const taken: string[] = [];
    for (let i = 0; i < 60; i++) {
      const code = serviceCode('Déchets', taken);
      expect(code).toMatch(/^[A-Z]{3,4}$/);
      expect(taken).not.toContain(code);
      taken.push(code);
    }
    expect(serviceCode('Déchets verts', ['dec'])).toBe('DVE');
  });
});
