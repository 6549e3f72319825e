/** `cdk8s-netpol reach`: every allowed connection, in one of the reach formats. */
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { EXPOSURE_OPTIONS, EXPOSURE_USAGE, exposureOutput } from './exposure-options';
import { loadInput, reportIgnored } from './load-model';
import { withUsageErrors } from './parse-arguments';
import { resolveUserEndpoint } from './resolve-user-endpoint';
import { computeReachability } from '../analysis/reachability';
import { endpointId } from '../analysis/results';
import { focusOn, isReachFormatName, REACH_FORMAT_NAMES, renderReach } from '../render';

const USAGE = `Usage: cdk8s-netpol reach <files/folders...> [-o ${REACH_FORMAT_NAMES.join('|')}] [--focus ns/name]

Prints every allowed connection between workloads, and between workloads and address
ranges outside the cluster: one line per ordered pair, with the ports and protocols
allowed (np-guard netpol-analyzer's format, so outputs can be diffed).

Options:
  -o, --output <format>  ${REACH_FORMAT_NAMES.join(', ')} (default: txt); dot and mermaid draw
                         namespaces as groups and allowed connections as labelled arrows
      --focus <ref>      only connections into or out of one workload: ns/name,
                         ns/name[Kind], or an IP address outside the cluster
${EXPOSURE_USAGE}
  -v, --verbose          list on stderr the objects left out (unknown kinds, CRDs, Services…)

Exit codes: 0 printed, 2 bad input or usage, 3 internal error.`;

export const reachCommand: Command = {
  name: 'reach',
  summary: 'Print every allowed connection (txt, json, csv, md, dot, mermaid)',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o', default: 'txt' },
        focus: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        ...EXPOSURE_OPTIONS,
      },
    }));
    const format = values.output;
    if (!isReachFormatName(format)) {
      throw new UsageError(`unknown output format '${format}'; use one of ${REACH_FORMAT_NAMES.join(', ')}`);
    }
    const { model } = loadInput(positionals, io);
    if (values.verbose) reportIgnored(model, io);
    const reach = computeReachability(model);
    const focus = values.focus === undefined ? undefined : resolveUserEndpoint(model, values.focus, '--focus');
    const shown = focus === undefined ? reach : focusOn(reach, focus);
    io.stdout(exposureOutput(values, model, shown, format, io, focus && endpointId(focus)) ?? renderReach(shown, format));
    return 0;
  },
};
