/**
 * `cap-circulaire generate (copil|afom|audit|bilan) classeur.xlsx --out FICHIER [--instance N]`:
 * the COPIL deck (.pptx), the AFOM document, the dossier d'audit or the bilan
 * of an instance (.docx). Never modifies its input (so no Journal row).
 */
import { extname } from 'node:path';
import { readyLines, recordHistorique, ReportError, reportJournalEntry } from '../../app/generate-report';
import { appendJournal } from '../../app/journal';
import { currentUser } from '../owner';
import { COPIL_MESSAGES } from '../../domain/messages/copil';
import { REPORT_MESSAGES } from '../../domain/messages/reports';
import type { ReportKind } from '../../domain/reports/input';
import type { Deck } from '../../domain/reports/deck';
import { REPORT_EXTENSION, reportBytes } from '../../files/offline';
import { displayPath, openWorkbook, prepareOutput, requireInputFile, saveWorkbook, withLock, writeOutput } from './files';
import { COMMON_OPTIONS, EXIT, UsageError, type CliIo, type CommandSpec } from './types';
import { ajouterSlidePairs } from '../../app/reseau';
import { RESEAU_MESSAGES } from '../../domain/messages/reseau';
import { lireReseau, type ReseauLu } from '../../domain/reseau/pairs';

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
/** `--date`: AAAA-MM-JJ (PRODUCT.md) or JJ/MM/AAAA (as French users type it). */
export function parseSeanceDate(v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(v);
  const fr = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : fr ? [fr[3], fr[2], fr[1]].map(Number) : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!(iso || fr) || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) throw new UsageError(COPIL_MESSAGES.seance.dateInvalide(v));
  return date;
}

/** The regional workbook of `--reseau`: a usage error when it is not one. */
async function readReseau(io: CliIo, path: string): Promise<ReseauLu> {
  const { workbook } = await openWorkbook(io, path);
  const lu = lireReseau({ sheetNames: () => workbook.sheetNames(), grid: (n) => (workbook.sheetNames().includes(n) ? workbook.read(n) : undefined) });
  if (!lu.ok) throw new UsageError(RESEAU_MESSAGES.pairs.reseauIllisible(path, lu.raison));
  return lu.reseau;
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
    reseau: { type: 'string', placeholder: 'reseau.xlsx', help: RESEAU_MESSAGES.pairs.reseauOption },
  },
  positionals: { min: 2, max: 2, label: '(copil|afom|audit|bilan) classeur.xlsx' },
  async run(args, io) {
    const kind = parseKind(args.positionals[0]);
    const book = args.positionals[1];
    const out = args.requiredString('out');
    const expected = REPORT_EXTENSION[kind];
    if (extname(out).toLowerCase() !== expected) throw new UsageError(C.extension(expected, out));
    const instance = parseInstance(args.string('instance'));
    const date = parseSeanceDate(args.string('date'));
    const inPlace = args.flag('in-place');
    if (kind !== 'copil' && (date !== undefined || inPlace)) throw new UsageError(COPIL_MESSAGES.cli.copilSeulement);
    if (kind === 'bilan' && instance === undefined) throw new UsageError(C.instanceManquante);
    const reseauArg = args.string('reseau');
    if (reseauArg !== undefined && kind !== 'copil') throw new UsageError(RESEAU_MESSAGES.pairs.reseauCopilSeulement);
    // A workbook renamed .pptx is still the input: compared by file, not by extension.
    const input = await requireInputFile(io, book);
    const target = await prepareOutput(io, out, { option: '--out', inputs: [input] });
    const reseau = reseauArg === undefined ? undefined : await readReseau(io, reseauArg);
    const run = async (): Promise<{ result: Awaited<ReturnType<typeof reportBytes>>; notReady: boolean }> => {
      const opened = await openWorkbook(io, book);
      const { workbook } = opened;
      const now = new Date();
      let result;
      try {
        // --reseau: the peer slide joins the deck before it is rendered.
        const decorateDeck = reseau ? (deck: Deck) => ajouterSlidePairs(deck, workbook, reseau, now).deck : undefined;
        result = await reportBytes(kind, workbook, { now: () => now }, { instance, date }, decorateDeck);
      } catch (e) {
        if (e instanceof ReportError) throw new UsageError(e.message);
        throw e;
      }
      await writeOutput(io, target, result.bytes);
      io.out(M.ecrit(kind, displayPath(io, target)));
      let notReady = false;
      const prepared = result.prepared;
      if (prepared.kind === 'copil') {
        // The ready-to-project check: its verdict, and each problem, in the output.
        for (const line of readyLines(prepared.ready)) (prepared.ready.ok ? io.out : io.err)(line);
        notReady = !prepared.ready.ok;
        if (!prepared.seance.instance && date === undefined) io.out(COPIL_MESSAGES.cli.aucunCopilAVenir);
        if (!inPlace) io.out(COPIL_MESSAGES.cli.historiqueNonEnregistre);
        else if (recordHistorique(workbook, prepared, now)) {
          const e = reportJournalEntry(prepared, { name: prepared.name, path: target });
          appendJournal(workbook, prepared.journalGrid, { date: now, utilisateur: currentUser(), commande: e.commande, resultat: e.resultat, lien: e.lien });
          await saveWorkbook(io, opened, input, { unchangedSince: opened.fingerprint });
          io.out(COPIL_MESSAGES.cli.historiqueEnregistre(displayPath(io, input)));
        } else io.err(COPIL_MESSAGES.cli.pasDHistorique);
      }
      return { result, notReady };
    };
    // --in-place rewrites the workbook: under its lock, replaced only if nobody saved it meanwhile.
    const { result, notReady } = inPlace ? await withLock(io, input, 'generate', run) : await run();
    const blocking = result.prepared.anomalies.filter((a) => a.bloquante);
    if (blocking.length === 0) return notReady ? EXIT.anomalies : EXIT.ok;
    io.err(M.anomalies(blocking.length));
    for (const a of blocking.slice(0, MAX_SHOWN)) io.err(M.anomalie(a.onglet, a.ligne, a.colonne, a.message));
    if (blocking.length > MAX_SHOWN) io.err(M.etAutres(blocking.length - MAX_SHOWN));
    return EXIT.anomalies;
  },
};
