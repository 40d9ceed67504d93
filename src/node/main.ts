/**
 * The command line's dispatcher: global help, verb lookup in the registry,
 * option parsing (node:util parseArgs, strict), per-verb help, and the exit
 * code contract (0 ok, 1 anomalies or failure, 2 usage, path or unreadable
 * file). No raw error ever reaches the user: file system errors become
 * French path messages (exit 2), anything unexpected a French message
 * (exit 1); the global --debug flag adds the stack trace and what libraries
 * printed on the console (captured during the run).
 */
import { parseArgs } from 'node:util';
import { CLI_MESSAGES as M, CLI_NAME, CRASH_MESSAGES as C, CRASH_MESSAGES as PATHS } from '../domain/messages/cli';
import { COMMANDS, findCommand } from './commands';
import { displayPath } from './commands/files';
import { CommandArgs, CommandFailure, EXIT, UsageError, type CliIo, type CommandSpec, type OptionSpec } from './commands/types';
import { captureConsole } from './console-guard';
import { fsErrorMessage, isErrno } from './fs-errors';
import { packageVersion } from './paths';
import { typographie } from '../domain/text/typography';

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: M.helpOption };
export const DEBUG_FLAG = '--debug';

/**
 * What the user reads goes through the one French typography routine
 * (apostrophes, no-break spaces before « : ; ! ? % € », accented capitals;
 * paths and file names are kept as typed). Machine output (`--json`) is
 * printed as is.
 */
function frenchIo(io: CliIo, json: boolean): CliIo {
  return { ...io, out: (line) => io.out(json ? line : typographie(line)), err: (line) => io.err(typographie(line)) };
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // --debug is global: accepted anywhere before `--`.
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const debug = head.includes(DEBUG_FLAG);
  const io = frenchIo(rawIo, head.includes('--json'));
  const args = debug ? [...head.filter((a) => a !== DEBUG_FLAG), ...(end < 0 ? [] : argv.slice(end))] : argv;
  const notes: string[] = [];
  const release = captureConsole((text) => notes.push(text));
  const state = { command: '' };
  try {
    return await dispatch(args, io, state);
  } catch (e) {
    return explain(e, io, debug, state.command);
  } finally {
    release();
    if (debug) for (const n of notes) io.err(C.libraryNote(n));
  }
}

/** The French answer to an error and its exit code; the stack only with --debug. */
export function explain(e: unknown, io: CliIo, debug: boolean, command: string): number {
  let code: number;
  if (e instanceof CommandFailure) {
    io.err(e.message);
    code = EXIT.anomalies;
  } else if (e instanceof UsageError) {
    io.err(e.message);
    code = EXIT.usage;
  } else if (isErrno(e)) {
    io.err(fsErrorMessage(e, (p) => displayPath(io, p)));
    code = EXIT.usage;
  } else {
    io.err(C.unexpected(command));
    code = EXIT.anomalies;
  }
  if (debug) {
    for (const err of [e, e instanceof UsageError ? e.origin : undefined]) {
      if (err === undefined) continue;
      const text = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
      for (const line of text.split('\n')) io.err(C.libraryNote(line));
    }
  }
  return code;
}

async function dispatch(argv: readonly string[], io: CliIo, state: { command: string }): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(M.noCommand);
    io.err('');
    io.err(globalHelp());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined) {
      const command = findCommand(topic);
      if (!command) throw new UsageError(M.unknownCommand(topic, COMMANDS.map((c) => c.name)));
      io.out(commandHelp(command));
    } else {
      io.out(globalHelp());
    }
    return EXIT.ok;
  }
  if (first === '--version') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  const command = findCommand(first);
  if (!command) throw new UsageError(M.unknownCommand(first, COMMANDS.map((c) => c.name)));
  state.command = command.name;
  const args = parse(command, rest);
  if (args.flag('help')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, io);
}

function parse(command: CommandSpec, argv: readonly string[]): CommandArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries({ ...command.options, help: HELP_OPTION })) {
    options[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    throw new UsageError(parseError(command.name, e));
  }
  if (parsed.values.help === true) return new CommandArgs(command.name, parsed.values, parsed.positionals);
  const allowed = command.positionals ?? { min: 0, max: 0, label: '' };
  if (parsed.positionals.length > allowed.max) throw new UsageError(M.tooManyArguments(command.name, parsed.positionals.slice(allowed.max)));
  if (parsed.positionals.length < allowed.min) throw new UsageError(M.missingArgument(command.name, allowed.label));
  return new CommandArgs(command.name, parsed.values, parsed.positionals);
}

/** parseArgs' English errors → French usage messages. */
function parseError(command: string, e: unknown): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'(-{1,2}[^'\s]+)/.exec(err.message ?? '')?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return M.unknownOption(command, quoted || (err.message ?? ''));
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(err.message ?? '') ? PATHS.optionTakesNoValue(command, quoted) : M.missingOptionValue(command, quoted);
    default:
      // parseArgs' own wording is English: name the option only.
      return M.badOption(command, quoted || '?');
  }
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`;
    return [flag, o.help] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  return rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`);
}

export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    M.title,
    '',
    M.globalUsage,
    '',
    M.commandsHeading,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    M.globalOptionsHeading,
    ...optionLines({ help: HELP_OPTION, version: { type: 'boolean', help: M.versionOption }, debug: { type: 'boolean', help: C.debugOption } }),
    '',
    M.moreHelp,
    M.exitCodes,
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  return [
    `${CLI_NAME} ${command.name} : ${command.summary}`,
    '',
    ...command.usage.map((u, i) => `${i === 0 ? 'Utilisation : ' : '              '}${u}`),
    ...(command.description ? ['', command.description] : []),
    '',
    M.optionsHeading,
    ...optionLines({ ...command.options, help: HELP_OPTION }),
    '',
    M.exitCodes,
  ].join('\n');
}
