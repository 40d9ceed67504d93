/**
 * `cap-circulaire template --out modele.xlsx [--force]`: an empty workbook
 * with every tab, validation and format. An existing file is never replaced
 * without --force (it may be a filled workbook).
 */
import { templateWorkbook } from '../../files/offline';
import { TEMPLATE_MESSAGES as M } from '../../domain/messages/cli';
import { displayPath, prepareOutput, saveWorkbook, xlsxOutput } from './files';
import { COMMON_OPTIONS, EXIT, type CommandSpec } from './types';

export const templateCommand: CommandSpec = {
  name: 'template',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    out: { type: 'string', placeholder: 'FICHIER', help: M.outOption },
    force: COMMON_OPTIONS.force,
  },
  async run(args, io) {
    const raw = args.requiredString('out');
    xlsxOutput(io, raw, { kind: 'xlsx' });
    const out = await prepareOutput(io, raw, { option: '--out', inputs: [], overwrite: args.flag('force') });
    const workbook = templateWorkbook();
    await saveWorkbook(io, workbook, out);
    io.out(M.done(displayPath(io, out), workbook.sheetNames().length));
    return EXIT.ok;
  },
};
