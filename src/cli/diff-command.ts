/** `cdk8s-netpol diff`: argument parsing and I/O around `diffReachability`. */
import { parseArgs } from 'node:util';
import { Command, UsageError } from './command';
import { loadInput } from './load-model';
import { MODEL_OPTIONS, MODEL_OPTIONS_USAGE, type ModelOptions, readModelOptions } from './model-options';
import { withUsageErrors } from './parse-arguments';
import { allowsMore, diffReachability, ReachabilityDiff } from '../analysis/diff';
import { computeReachability } from '../analysis/reachability';
import { diffToJson } from '../render/diff-json';
import { diffToMarkdown } from '../render/diff-md';
import { diffToText } from '../render/diff-txt';

const RENDERERS: Readonly<Record<string, (diff: ReachabilityDiff) => string>> = { txt: diffToText, md: diffToMarkdown, json: diffToJson };

const USAGE = `Usage: cdk8s-netpol diff <before> <after> [-o txt|md|json] [--fail-on-added]

Compares what two sets of manifests allow (each a file or folder, e.g. dist/ of the base
branch and of a pull request): connections added, removed and changed.

Options:
  -o, --output <format>   txt (default, np-guard's diff lines), md (a pull-request comment), json
      --fail-on-added     exit 1 when the second set allows any connection the first did not
${MODEL_OPTIONS_USAGE}
                             (both sets are read the same way)

Exit codes: 0 done (or nothing added with --fail-on-added), 1 connections added with --fail-on-added, 2 bad input or usage,
3 internal error.`;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Connections added, removed and changed between two sets of manifests (txt, md, json)',
  usage: USAGE,
  run(argv, io) {
    const { before, after, format, failOnAdded, input } = parse(argv);
    const reachabilityOf = (path: string) => computeReachability(loadInput([path], io, 'refuse', input).model);
    const diff = diffReachability(reachabilityOf(before), reachabilityOf(after));
    io.stdout(RENDERERS[format](diff));
    return failOnAdded && allowsMore(diff) ? 1 : 0;
  },
};

function parse(argv: readonly string[]): { before: string; after: string; format: string; failOnAdded: boolean; input: ModelOptions } {
  const { values, positionals } = withUsageErrors(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'output': { type: 'string', short: 'o', default: 'txt' },
      'fail-on-added': { type: 'boolean', default: false },
      ...MODEL_OPTIONS,
    },
  }));
  if (positionals.length !== 2) throw new UsageError(`diff needs exactly two paths, <before> and <after>; got ${positionals.length}`);
  if (!Object.hasOwn(RENDERERS, values.output)) throw new UsageError(`unknown output format '${values.output}'; use one of ${Object.keys(RENDERERS).join(', ')}`);
  return { before: positionals[0], after: positionals[1], format: values.output, failOnAdded: values['fail-on-added'], input: readModelOptions(values) };
}
