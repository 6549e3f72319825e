/** `cdk8s-netpol reach`: every allowed connection, in one of the reach formats. */
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { GRAPH_FILTER_OPTIONS, GRAPH_FILTER_USAGE, graphFiltersOf } from './graph-filter-options';
import { loadInput, reportIgnored } from './load-model';
import { withUsageErrors } from './parse-arguments';
import { resolveUserEndpoint } from './resolve-user-endpoint';
import { computeReachability } from '../analysis/reachability';
import { focusOn, isReachFormatName, REACH_FORMAT_NAMES, renderReach } from '../render';
import { htmlPage } from '../render/reach-html';

/** The lists and diagrams of the render table, and the page, which also needs the model (its explanations). */
const FORMATS = [...REACH_FORMAT_NAMES, 'html'];

const USAGE = `Usage: cdk8s-netpol reach <files/folders...> [-o ${FORMATS.join('|')}] [--focus ns/name]
                          [--namespace ns,ns] [--hide-dns] [--collapse]

Prints every allowed connection between workloads, and between workloads and address
ranges outside the cluster: one line per ordered pair, with the ports and protocols
allowed (np-guard netpol-analyzer's format, so outputs can be diffed).

Options:
  -o, --output <format>  ${FORMATS.join(', ')} (default: txt); dot and mermaid draw
                         namespaces as groups and allowed connections as labelled arrows;
                         html is one self-contained page: matrix, graph, filters, and the
                         explanation of any pair on click (docs/reach-html.md)
      --focus <ref>      only connections into or out of one workload: ns/name,
                         ns/name[Kind], or an IP address outside the cluster
  -v, --verbose          list on stderr the objects left out (unknown kinds, CRDs, Services…)

${GRAPH_FILTER_USAGE}

Exit codes: 0 printed, 2 bad input or usage, 3 internal error.`;

export const reachCommand: Command = {
  name: 'reach',
  summary: 'Print every allowed connection (txt, json, csv, md, dot, mermaid, html)',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o', default: 'txt' },
        focus: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        ...GRAPH_FILTER_OPTIONS,
      },
    }));
    const format = values.output;
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown output format '${format}'; use one of ${FORMATS.join(', ')}`);
    }
    const { model } = loadInput(positionals, io);
    if (values.verbose) reportIgnored(model, io);
    const filters = graphFiltersOf(values, model, format);
    const reach = computeReachability(model);
    const shown = values.focus === undefined ? reach : focusOn(reach, resolveUserEndpoint(model, values.focus, '--focus'));
    io.stdout(isReachFormatName(format)
      ? renderReach(shown, format, filters)
      : htmlPage(model, reach, filters));
    return 0;
  },
};
