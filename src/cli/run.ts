/**
 * The whole command line, without the process: `run(argv, io)` dispatches to a command and
 * turns every error into a message and an exit code, so tests call it in-process. Bad input
 * and usage mistakes exit 2 with what to fix; anything else is a bug, which exits 3 with a
 * one-line message, and its stack trace only with `--debug`.
 */
import { type CliIo, type Command, type ExitCode, UsageError } from './command';
import { COMMANDS } from './commands';
import { packageVersion } from './version';
import { InputError } from '../io';

const PROGRAM = 'cdk8s-netpol';

function globalUsage(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length));
  return `Usage: ${PROGRAM} <command> <files/folders...> [options]

Proves what Kubernetes NetworkPolicies allow, from manifests: YAML or JSON files, or
folders of them (cdk8s synth output, Helm template output, kubectl get -o yaml).

Commands:
${COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help; after a command, that command's help
      --version  print the version
      --debug    on an internal error, print its stack trace (anywhere before '--')

Exit codes: 0 success, 1 findings (lint, diff) or denied (explain), 2 bad input or usage,
3 internal error (a bug in ${PROGRAM}).
`;
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { args, debug } = takeDebugFlag(argv);
  const [name, ...rest] = args;
  try {
    if (name === undefined) return usageError(io, 'no command given', globalUsage());
    if (name === '--help' || name === '-h' || name === 'help') return done(io, globalUsage());
    if (name === '--version') return done(io, `${packageVersion()}\n`);
    const command = COMMANDS.find(c => c.name === name);
    if (command === undefined) return usageError(io, `unknown command '${name}'`, globalUsage());
    return await runCommand(command, rest, io);
  } catch (e) {
    return internalError(io, e, debug);
  }
}

/** `--debug` is global: taken out wherever it is among the options, so no command has to know it. */
function takeDebugFlag(argv: readonly string[]): { args: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const rest = end === -1 ? [] : argv.slice(end);
  return { args: [...options.filter(a => a !== '--debug'), ...rest], debug: options.includes('--debug') };
}

function internalError(io: CliIo, e: unknown, debug: boolean): ExitCode {
  const message = e instanceof Error ? e.message : String(e);
  const detail = debug
    ? `${e instanceof Error && e.stack !== undefined ? e.stack : message}\n`
    : `This is a bug in ${PROGRAM}, not a problem with the input; rerun with --debug to see where it happened, and report it with that output.\n`;
  io.stderr(`${PROGRAM}: internal error: ${message}\n${detail}`);
  return 3;
}

async function runCommand(command: Command, argv: readonly string[], io: CliIo): Promise<ExitCode> {
  if (asksForHelp(argv)) return done(io, `${command.usage}\n`);
  try {
    return await command.run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      // The synopsis, not the whole usage: the message says what is wrong, --help says the rest.
      const synopsis = command.usage.split('\n')[0];
      return usageError(io, `${command.name}: ${e.message}`, `${synopsis}\nRun '${PROGRAM} ${command.name} --help' for details.\n`);
    }
    if (e instanceof InputError) {
      io.stderr(`${PROGRAM}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** `--help` or `-h` among the options, that is before a `--` (after it, everything is a file name). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}

function done(io: CliIo, text: string): ExitCode {
  io.stdout(text);
  return 0;
}

function usageError(io: CliIo, message: string, usage: string): ExitCode {
  io.stderr(`${PROGRAM}: ${message}\n\n${usage}`);
  return 2;
}
