/** `cap-circulaire template --out modele.xlsx`: an empty workbook with every tab, validation and format. */
import { templateWorkbook } from '../../files/offline';
import { TEMPLATE_MESSAGES as M } from '../../domain/messages/cli';
import { writeXlsxFile } from '../xlsx-files';
import { displayPath, xlsxOutput } from './files';
import { EXIT, type CommandSpec } from './types';

export const templateCommand: CommandSpec = {
  name: 'template',
  summary: M.summary,
  usage: M.usage,
  description: M.description,
  options: {
    out: { type: 'string', placeholder: 'FICHIER', help: M.outOption },
  },
  async run(args, io) {
    const out = xlsxOutput(io, args.requiredString('out'));
    const workbook = templateWorkbook();
    await writeXlsxFile(workbook, out);
    io.out(M.done(displayPath(io, out), workbook.sheetNames().length));
    return EXIT.ok;
  },
};
