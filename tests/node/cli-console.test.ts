/**
 * No English library warning reaches the terminal: during a run the console
 * and process.emitWarning are captured (src/node/console-guard.ts), shown
 * only with --debug, and restored afterwards, nested runs included.
 */
import { describe, expect, it } from 'vitest';
import { captureConsole } from '../../src/node/console-guard';
import { explain } from '../../src/node/main';
import { UsageError } from '../../src/node/commands/types';
import { captureIo } from './helpers';

describe('captureConsole', () => {
  it('captures console and process warnings while installed, and restores them, nested or not', () => {
    const original = { warn: console.warn, log: console.log, emitWarning: process.emitWarning };
    const outer: string[] = [];
    const inner: string[] = [];
    const releaseOuter = captureConsole((t) => outer.push(t));
    console.warn('Worksheet name exceeds 31 chars. This will be truncated');
    const releaseInner = captureConsole((t) => inner.push(t));
    console.log('inner', { a: 1 });
    process.emitWarning('Buffer() is deprecated', 'DeprecationWarning');
    releaseInner();
    releaseInner();
    expect(console.warn).not.toBe(original.warn);
    releaseOuter();
    expect(console.warn).toBe(original.warn);
    expect(console.log).toBe(original.log);
    expect(process.emitWarning).toBe(original.emitWarning);
    expect(outer).toEqual(['Worksheet name exceeds 31 chars. This will be truncated', 'inner {"a":1}', 'Buffer() is deprecated DeprecationWarning']);
    expect(inner).toEqual(['inner {"a":1}', 'Buffer() is deprecated DeprecationWarning']);
  });
});

describe('explain: the French answer to any error', () => {
  it('file system errors become French path messages (exit 2); anything else a French internal error (exit 1); stacks only with --debug', () => {
    const io = captureIo('/tmp');
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/tmp/x/y.xlsx'"), { code: 'ENOENT', path: '/tmp/x/y.xlsx', syscall: 'open' });
    expect(explain(enoent, io, false, 'validate')).toBe(2);
    expect(io.stderr.pop()).toBe('Fichier ou dossier introuvable : x/y.xlsx');
    const eacces = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/tmp/ro/a.xlsx' });
    expect(explain(eacces, io, false, 'template')).toBe(2);
    expect(io.stderr.pop()).toMatch(/^Accès refusé : ro\/a\.xlsx/);
    expect(explain(new TypeError("Cannot read properties of undefined (reading 'x')"), io, false, 'consolidate')).toBe(1);
    expect(io.stderr).toEqual([
      'Erreur interne inattendue pendant « consolidate » : la commande s’est arrêtée sans modifier vos fichiers d’entrée. Relancez-la avec --debug pour le détail technique, et signalez-la.',
    ]);
    io.stderr.length = 0;
    expect(explain(new UsageError('Fichier introuvable : a.xlsx', { cause: new Error('origine') }), io, true, 'validate')).toBe(2);
    expect(io.stderr[0]).toBe('Fichier introuvable : a.xlsx');
    expect(io.stderr.some((l) => l.startsWith('[debug] Error: origine'))).toBe(true);
    expect(io.stderr.some((l) => /^\[debug\]\s+at /.test(l))).toBe(true);
  });
});
