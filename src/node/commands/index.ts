/**
 * The registry of CLI verbs, in the order the help lists them. To add a verb:
 * write `src/node/commands/<verb>.ts` exporting a CommandSpec, import it here
 * and add it to the list (one line each).
 */
import { demoCommand } from './demo';
import { templateCommand } from './template';
import { validateCommand } from './validate';
import { consolidateCommand } from './consolidate';
import { scoreCommand } from './score';
import { exportTetCommand } from './export-tet';
import { importTetCommand } from './import-tet';
import { generateCommand } from './generate';
import { exportReseauCommand } from './export-reseau';
import { reseauCommand } from './reseau';
import type { CommandSpec } from './types';

export const COMMANDS: readonly CommandSpec[] = [
  templateCommand,
  demoCommand,
  validateCommand,
  consolidateCommand,
  scoreCommand,
  generateCommand,
  exportTetCommand,
  importTetCommand,
  exportReseauCommand,
  reseauCommand,
  // validateCommand, consolidateCommand, scoreCommand, generateCommand, exportTetCommand
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
