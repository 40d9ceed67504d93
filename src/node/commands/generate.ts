/**
 * `cap-circulaire generate (copil|afom|audit|bilan) classeur.xlsx --out FICHIER [--instance N]`:
 * the COPIL deck (.pptx), the AFOM document, the dossier d'audit or the bilan
 * of an instance (.docx). Never modifies its input (so no Journal row).
 */
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { generateReport, readyLines, ReportError } from '../../app/generate-report';
import { COPIL_MESSAGES } from '../../domain/messages/copil';
import { REPORT_MESSAGES } from '../../domain/messages/reports';
import type { ReportKind } from '../../domain/reports/input';
import { DocxDocumentRenderer } from '../../files/reports/docx';
import { PptxDeckRenderer } from '../../files/reports/pptx';
import { displayPath, openWorkbook, saveWorkbook } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CommandSpec } from './types';

const M = REPORT_MESSAGES.cli;
const C = REPORT_MESSAGES.commande;
const KINDS: readonly ReportKind[] = ['copil', 'afom', 'audit', 'bilan'];
/** Anomalies printed before « … et N autres ». */
const MAX_SHOWN = 20;

export function parseKind(v: string): ReportKind {
  const k = v.trim().toLowerCase();
  if (!(KINDS as readonly string[]).includes(k)) throw new UsageError(C.typeInconnu(v));
  return k as ReportKind;
}

export function parseInstance(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 1) throw new UsageError(C.instanceInvalide(v));
  return n;
}

/** `--date JJ/MM/AAAA` (the COPIL's date when none is recorded in Instances). */
export function parseSeanceDate(v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1) throw new UsageError(COPIL_MESSAGES.seance.dateInvalide(v));
  return d;
}

export const generateCommand: CommandSpec = {
  name: 'generate',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    out: { ...COMMON_OPTIONS.out, help: M.outOption },
    instance: { type: 'string', placeholder: 'N', help: M.instanceOption },
    date: { type: 'string', placeholder: 'JJ/MM/AAAA', help: COPIL_MESSAGES.cli.dateOption },
    'in-place': { type: 'boolean', help: COPIL_MESSAGES.cli.inPlaceOption },
  },
  positionals: { min: 2, max: 2, label: '(copil|afom|audit|bilan) classeur.xlsx' },
  async run(args, io) {
    const kind = parseKind(args.positionals[0]);
    const book = args.positionals[1];
    const out = args.requiredString('out');
    const expected = kind === 'copil' ? '.pptx' : '.docx';
    if (extname(out).toLowerCase() !== expected) throw new UsageError(C.extension(expected, out));
    const instance = parseInstance(args.string('instance'));
    const date = parseSeanceDate(args.string('date'));
    const inPlace = args.flag('in-place');
    if (kind !== 'copil' && (date !== undefined || inPlace)) throw new UsageError(COPIL_MESSAGES.cli.copilSeulement);
    if (kind === 'bilan' && instance === undefined) throw new UsageError(C.instanceManquante);
    // The extension differs from the input's (.xlsx): the input can never be overwritten.
    const target = resolve(io.cwd, out);
    const loaded = await openWorkbook(io, book);
    const { workbook } = loaded;
    const write = async (bytes: Uint8Array) => {
      await writeFile(target, bytes);
      return target;
    };
    let result;
    try {
      result = await generateReport(
        kind,
        { workbook, clock: { now: () => new Date() }, deckRenderer: new PptxDeckRenderer(write), documentRenderer: new DocxDocumentRenderer(write), journal: inPlace },
        { instance, date },
      );
    } catch (e) {
      if (e instanceof ReportError) throw new UsageError(e.message);
      throw e;
    }
    io.out(M.ecrit(kind, displayPath(io, target)));
    let notReady = false;
    if (result.prepared.kind === 'copil') {
      const ready = result.prepared.ready;
      for (const line of readyLines(ready)) (ready.ok ? io.out : io.err)(line);
      notReady = !ready.ok;
      if (inPlace) {
        if (result.prepared.historique.grid) {
          await saveWorkbook(loaded, resolve(io.cwd, book));
          io.out(COPIL_MESSAGES.cli.historiqueEnregistre(displayPath(io, resolve(io.cwd, book))));
        } else io.err(COPIL_MESSAGES.cli.pasDHistorique);
      } else io.out(COPIL_MESSAGES.cli.historiqueNonEnregistre);
    }
    const blocking = result.prepared.anomalies.filter((a) => a.bloquante);
    if (blocking.length === 0) return notReady ? EXIT.anomalies : EXIT.ok;
    io.err(M.anomalies(blocking.length));
    for (const a of blocking.slice(0, MAX_SHOWN)) io.err(M.anomalie(a.onglet, a.ligne, a.colonne, a.message));
    if (blocking.length > MAX_SHOWN) io.err(M.etAutres(blocking.length - MAX_SHOWN));
    return EXIT.anomalies;
  },
};
