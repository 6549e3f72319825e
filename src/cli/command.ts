/**
 * The shape every subcommand has (reach, explain, lint, diff), so main.ts only dispatches.
 * A command parses its own arguments (node:util parseArgs), loads input through src/io,
 * calls the analysis core, renders through src/render and writes through `io`.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes: 0 success / clean, 1 findings (lint, diff --fail-on-added), 2 bad input or usage, 3 internal error (a bug). */
export type ExitCode = 0 | 1 | 2 | 3;

export interface Command {
  readonly name: string;
  /** One line for `cdk8s-netpol --help`. */
  readonly summary: string;
  /** Full usage text for `cdk8s-netpol <name> --help` and usage errors. */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<ExitCode> | ExitCode;
}

/**
 * A usage mistake (unknown option, missing argument). main.ts prints the message and the
 * command's usage and exits 2. Bad input files are src/io's InputError, also exit 2.
 */
export class UsageError extends Error {}
