/**
 * The command line's dispatcher: global help, verb lookup in the registry,
 * option parsing (node:util parseArgs, strict), per-verb help, and the exit
 * code contract (0 ok, 1 anomalies or failure, 2 usage error).
 */
import { parseArgs } from 'node:util';
import { CLI_MESSAGES as M, CLI_NAME } from '../domain/messages/cli';
import { COMMANDS, findCommand } from './commands';
import { CommandArgs, EXIT, UsageError, type CliIo, type CommandSpec, type OptionSpec } from './commands/types';
import { packageVersion } from './paths';

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: M.helpOption };

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return EXIT.usage;
    }
    io.err(M.unexpected(e instanceof Error ? e.message : String(e)));
    return EXIT.anomalies;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
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
      return M.missingOptionValue(command, quoted);
    default:
      return M.badOption(command, err.message ?? String(e));
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
    ...optionLines({ help: HELP_OPTION, version: { type: 'boolean', help: M.versionOption } }),
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
