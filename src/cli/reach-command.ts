/** `cdk8s-netpol reach`: every allowed connection, in one of the reach formats. */
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { EXPOSURE_OPTIONS, EXPOSURE_USAGE, exposureOutput } from './exposure-options';
import { GRAPH_FILTER_OPTIONS, GRAPH_FILTER_USAGE, graphFiltersOf } from './graph-filter-options';
import { INGRESS_CONTROLLER_OPTIONS, INGRESS_CONTROLLER_USAGE, withIngressPaths } from './ingress-controller-option';
import { loadInput, reportIgnored } from './load-model';
import { MODEL_OPTIONS, MODEL_OPTIONS_USAGE, readModelOptions } from './model-options';
import { withUsageErrors } from './parse-arguments';
import { resolveUserEndpoint } from './resolve-user-endpoint';
import { computeReachability } from '../analysis/reachability';
import { endpointId } from '../analysis/results';
import { focusOn, focusRanges, isReachFormatName, REACH_FORMAT_NAMES, renderReach } from '../render';
import { htmlPage } from '../render/reach-html';

/** The lists and diagrams of the render table, and the page, which also needs the model (its explanations). */
const FORMATS = [...REACH_FORMAT_NAMES, 'html'];

const USAGE = `Usage: cdk8s-netpol reach <files/folders...> [-o ${FORMATS.join('|')}] [--focus ns/name]
                          [--namespace ns,ns] [--hide-dns] [--collapse]

Prints every allowed connection between workloads, and between workloads and address
ranges outside the cluster: one line per ordered pair, with the ports and protocols
allowed (np-guard netpol-analyzer's format, so outputs can be diffed). With Ingress,
Route or HTTPRoute objects in the input, lines \`{ingress-controller} => ns/name[Kind] : TCP 8080\`
say what the ingress controller may open to their backends (README: "Ingress paths").

Options:
  -o, --output <format>  ${FORMATS.join(', ')} (default: txt); dot and mermaid draw
                         namespaces as groups and allowed connections as labelled arrows;
                         html is one self-contained page: matrix, graph, filters, and the
                         explanation of any pair on click (docs/reach-html.md)
      --focus <ref>      only connections into or out of one workload: ns/name,
                         ns/name[Kind], or an IP address outside the cluster
${INGRESS_CONTROLLER_USAGE}
${EXPOSURE_USAGE}
  -v, --verbose          list on stderr the objects left out (unknown kinds, CRDs, Services…)
${MODEL_OPTIONS_USAGE}

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
        ...MODEL_OPTIONS,
        ...INGRESS_CONTROLLER_OPTIONS,
        ...EXPOSURE_OPTIONS,
        ...GRAPH_FILTER_OPTIONS,
      },
    }));
    const format = values.output;
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown output format '${format}'; use one of ${FORMATS.join(', ')}`);
    }
    const { model } = loadInput(positionals, io, 'refuse', readModelOptions(values));
    if (values.verbose) reportIgnored(model, io);
    const filters = graphFiltersOf(values, model, format);
    const reach = withIngressPaths(computeReachability(model), model, values, io);
    const focus = values.focus === undefined ? undefined : resolveUserEndpoint(model, values.focus, '--focus', focusRanges(reach));
    const shown = focus === undefined ? reach : focusOn(reach, focus);
    io.stdout(exposureOutput(values, model, shown, format, io, focus && endpointId(focus))
      ?? (isReachFormatName(format) ? renderReach(shown, format, filters) : htmlPage(model, reach, filters)));
    return 0;
  },
};
