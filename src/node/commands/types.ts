/**
 * What a CLI verb is: its French help, its options (parsed with
 * node:util parseArgs), and what it does. Verbs are listed in ./index.ts.
 */
import { CLI_MESSAGES as M } from '../../domain/messages/cli';

/** Exit codes (PRODUCT.md › The command line): a contract with users' scripts. */
export const EXIT = {
  ok: 0,
  /** Blocking anomalies in the input (and any failure that is not a usage error). */
  anomalies: 1,
  usage: 2,
} as const;

/** Where a command prints: injected so tests run verbs in-process. */
export interface CliIo {
  /** Results and progress (stdout). */
  out(line: string): void;
  /** Errors and warnings (stderr). */
  err(line: string): void;
  /** Folder relative paths are resolved against. */
  readonly cwd: string;
  /** Test seams: what happens between the steps of a run (e.g. someone saving the file). */
  readonly hooks?: {
    /** Just before an output replaces its target (after its temporary file is complete). */
    beforeReplace?(target: string): Promise<void> | void;
  };
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Shown in help after the option: `--out FICHIER`. */
  readonly placeholder?: string;
  /** French, one line. */
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One French line for the global help. */
  readonly summary: string;
  /** Usage lines (French help). */
  readonly usage: readonly string[];
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments allowed (none when absent); `label` names them in messages. */
  readonly positionals?: { readonly min: number; readonly max: number; readonly label: string };
  /** Returns the exit code. Throw UsageError for a usage problem (exit 2). */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

/**
 * A usage problem (bad option, path, unreadable or busy file): printed as is
 * on stderr, exit code 2. `origin` is the error behind it, shown by --debug.
 */
export class UsageError extends Error {
  readonly origin?: unknown;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message);
    this.origin = options?.cause;
  }
}

/** Parsed options and positionals of one invocation. */
export class CommandArgs {
  constructor(
    readonly command: string,
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
    readonly positionals: readonly string[],
  ) {}

  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** A string option that must be given (UsageError otherwise). */
  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v.trim() === '') throw new UsageError(M.requiredOption(this.command, `--${name}`));
    return v;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }
}

/** Options several verbs share: reuse them so help texts stay identical. */
export const COMMON_OPTIONS = {
  out: { type: 'string', placeholder: 'FICHIER', help: 'fichier à écrire (le fichier d’entrée n’est jamais modifié)' },
  inPlace: { type: 'boolean', help: 'modifie le fichier d’entrée lui-même' },
  json: { type: 'boolean', help: 'résultat en JSON sur la sortie standard' },
  force: { type: 'boolean', help: 'remplace le fichier de sortie s’il existe déjà' },
} as const satisfies Record<string, OptionSpec>;
